package source

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReadAhead: reading ahead gives the records, row errors, fatal
// errors and facts about the file that reading without it gives.
func TestReadAhead(t *testing.T) {
	t.Parallel()
	describe := func(r *Reader) []string {
		var out []string
		for rec, rowErr := range r.Records() {
			out = append(out, fmt.Sprint(rec.Pos, rec.Fields, rec.Notes, rowErr))
		}
		return append(out, fmt.Sprint(r.Err()), r.Encoding(), fmt.Sprint(r.EmptyRows(), r.Columns(), r.Notes(), r.Metadata()))
	}
	files := []string{"national-export.csv", "national-export.geojson", "antilles-extrait.json", "hub-du-sud-v1-extrait.json", "windows-1252.csv", "utf-16le.csv", "mednum-cli.csv"}
	for _, file := range files {
		for _, n := range []int{1, 1000} {
			open := func() *Reader {
				r, err := Open(context.Background(), "testdata/"+file, Options{MaxRows: 40})
				if err != nil {
					t.Fatal(err)
				}
				return r
			}
			plain, early := open(), open()
			early.ReadAhead(n)
			want, got := describe(plain), describe(early)
			plain.Close()
			early.Close()
			if !slices.Equal(got, want) {
				t.Errorf("%s, %d ahead: reads\n%q\nwant\n%q", file, n, got, want)
			}
		}
	}
	for _, csv := range []string{"nom;commune\nA;Gap\n\"B;Digne\nC;Nice\n", "nom\n"} {
		plain, _ := NewReader(strings.NewReader(csv), "t.csv", Options{})
		early, _ := NewReader(strings.NewReader(csv), "t.csv", Options{})
		early.ReadAhead(2)
		if got, want := describe(early), describe(plain); !slices.Equal(got, want) {
			t.Errorf("%q: reads ahead\n%q\nwant\n%q", csv, got, want)
		}
	}
}

// TestReadAheadColumns: a JSON file's columns grow as objects are read;
// while the goroutine reads, Columns stays as it was when it began.
func TestReadAheadColumns(t *testing.T) {
	t.Parallel()
	json := `[{"nom": "A"}, {"nom": "B", "commune": "Gap"}]`
	r, err := NewReader(strings.NewReader(json), "t.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(r.Columns())
	r.ReadAhead(10)
	time.Sleep(10 * time.Millisecond) // the goroutine reads both objects
	if got := r.Columns(); !slices.Equal(got, before) {
		t.Errorf("Columns while reading ahead = %q, want %q", got, before)
	}
	for range r.Records() {
	}
	if got := r.Columns(); !slices.Contains(got, "commune") {
		t.Errorf("Columns at the end = %q, want commune among them", got)
	}
}

// TestReadAheadClose: closing a reader that reads ahead stops its
// goroutine, which leaves the file alone.
func TestReadAheadClose(t *testing.T) {
	header, rows := nationalRows(t)
	before := runtime.NumGoroutine()
	src := &repeatReader{head: header, rows: rows, left: 10 << 20}
	r, err := NewReader(src, "gros.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.ReadAhead(4)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	r.Close()
	if _, err := r.Next(); err == nil || err == io.EOF {
		t.Errorf("Next after Close = %v, want the error of a closed file", err)
	}
	for deadline := time.Now().Add(time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before reading ahead", n, before)
	}
}

// panicking is a decoder that fails as a bug would.
type panicking struct{ decoder }

func (panicking) next() (Record, error) { panic("décodeur en défaut") }
func (panicking) columns() []string     { return nil }

// TestReadAheadPanic: a panic of the decoding reaches the caller of Next,
// as it would without reading ahead.
func TestReadAheadPanic(t *testing.T) {
	t.Parallel()
	r := &Reader{name: "t.csv", dec: panicking{}}
	r.ReadAhead(2)
	defer func() {
		if p := recover(); p != "décodeur en défaut" {
			t.Errorf("recovered %v, want the decoder's panic", p)
		}
	}()
	r.Next()
	t.Error("Next returned")
}
