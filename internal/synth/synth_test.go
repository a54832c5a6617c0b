package synth

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"livret/lieu"
	"livret/source"
	"livret/texte"
)

func readRows(t *testing.T) Rows {
	t.Helper()
	rows, err := ReadDir(context.Background(), "../../testdata/donnees")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestSameSeedSameFile(t *testing.T) {
	rows := readRows(t)
	write := func(seed uint64) []byte {
		var b bytes.Buffer
		if err := WriteCSV(&b, rows.Places(200, seed)); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b, c := write(1), write(1), write(2)
	if !bytes.Equal(a, b) {
		t.Error("the same seed gives different files")
	}
	if bytes.Equal(a, c) {
		t.Error("two seeds give the same file")
	}
}

// TestReadsAsNationalExport reads a synthetic file back as livret reads
// any source: schema 1.x, every row a place, new combinations of real values.
func TestReadsAsNationalExport(t *testing.T) {
	rows := readRows(t)
	const n = 2000
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rows.Places(n, 7)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeffid;pivot;nom;")) {
		t.Errorf("file starts with %q", buf.Bytes()[:20])
	}
	r, err := source.NewReader(&buf, "synthetique.csv", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v := lieu.DetectVersion(r.Columns()); v != lieu.Version1 {
		t.Errorf("version %v, want 1.x", v)
	}
	real := map[string]bool{}
	for _, l := range rows {
		real[texte.Fold(l.Name)+"|"+texte.Fold(l.Address)] = true
	}
	var read, copies, phones, e164, hours, services int
	keys := map[string]bool{}
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		read++
		l, notes := lieu.Decode(func(yield func(string, string) bool) {
			for _, f := range rec.Fields {
				if !yield(f.Name, f.Value) {
					return
				}
			}
		})
		for _, n := range notes {
			if strings.Contains(n.Problem, "hors nomenclature") {
				t.Errorf("row %d: %s %s", read, n.Field, n.Problem)
			}
		}
		key := texte.Fold(l.Name) + "|" + texte.Fold(l.Address)
		if keys[key+"|"+l.PostalCode] {
			t.Errorf("two places %q at %q", l.Name, l.Address)
		}
		keys[key+"|"+l.PostalCode] = true
		if real[key] {
			copies++
		}
		if l.Phone != "" {
			phones++
			if strings.HasPrefix(l.Phone, "+") {
				e164++
			}
		}
		if l.Hours != "" {
			hours++
		}
		if len(l.Services) > 0 {
			services++
		}
	}
	t.Logf("%d places: %d copies, %d phones (%d E.164), %d hours, %d services", read, copies, phones, e164, hours, services)
	if read != n {
		t.Errorf("%d rows read, want %d", read, n)
	}
	// Few synthetic places are real places by chance.
	if copies > n/20 {
		t.Errorf("%d of %d places are copies of real ones", copies, n)
	}
	// Real files: most places have a phone, many have hours and services.
	for _, c := range []struct {
		what     string
		got, min int
	}{{"phones", phones, n / 2}, {"phones in E.164", e164, phones * 9 / 10}, {"hours", hours, n / 4}, {"services", services, n / 2}} {
		if c.got < c.min {
			t.Errorf("%s: %d, want at least %d", c.what, c.got, c.min)
		}
	}
}
