package source

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

// nationalRecords returns the columns and records of the national export
// extract.
func nationalRecords(t testing.TB) ([]string, []Record) {
	t.Helper()
	r, err := Open(context.Background(), "testdata/national-export.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, _, err := readAll(t, r)
	if err != nil {
		t.Fatal(err)
	}
	return r.Columns(), recs
}

// nationalRows returns the header line and the data lines of the national
// export extract, written as the national export writes them (";", minimal
// quoting).
func nationalRows(t testing.TB) (header string, rows []string) {
	t.Helper()
	columns, recs := nationalRecords(t)
	line := func(cells []string) string {
		var b strings.Builder
		w := csv.NewWriter(&b)
		w.Comma = ';'
		w.Write(cells)
		w.Flush()
		return b.String()
	}
	for _, rec := range recs {
		var cells []string
		for _, f := range rec.Fields {
			cells = append(cells, f.Value)
		}
		rows = append(rows, line(cells))
	}
	return line(columns), rows
}

// nationalCSV builds a national-export CSV of n rows from the real ones.
func nationalCSV(t testing.TB, n int) []byte {
	header, rows := nationalRows(t)
	var b bytes.Buffer
	b.WriteString("\ufeff" + header)
	for i := range n {
		b.WriteString(rows[i%len(rows)])
	}
	return b.Bytes()
}

// hubJSON builds a JSON array of n objects from the real hub-du-sud ones.
func hubJSON(t testing.TB, n int) []byte {
	b, err := os.ReadFile("testdata/hub-du-sud-v1-extrait.json")
	if err != nil {
		t.Fatal(err)
	}
	var objs []json.RawMessage
	if err := json.Unmarshal(b, &objs); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	out.WriteString("[\n")
	for i := range n {
		if i > 0 {
			out.WriteString(",\n")
		}
		out.Write(objs[i%len(objs)])
	}
	out.WriteString("\n]\n")
	return out.Bytes()
}

// nationalGeoJSON builds a GeoJSON FeatureCollection of n features from the
// real national-export-shaped ones.
func nationalGeoJSON(t testing.TB, n int) []byte {
	b, err := os.ReadFile("testdata/national-export.geojson")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	features := lines[1 : len(lines)-1]
	var out bytes.Buffer
	out.WriteString(lines[0] + "\n")
	for i := range n {
		if i > 0 {
			out.WriteString(",\n")
		}
		out.WriteString(strings.TrimSuffix(features[i%len(features)], ","))
	}
	out.WriteString("\n]}\n")
	return out.Bytes()
}

func benchmarkRead(b *testing.B, name string, data []byte, records int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := NewReader(bytes.NewReader(data), name, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		r.Close()
		if n != records {
			b.Fatalf("%d records, want %d", n, records)
		}
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkCSV(b *testing.B) {
	benchmarkRead(b, "lieux.csv", nationalCSV(b, 30000), 30000)
}

func BenchmarkJSON(b *testing.B) {
	benchmarkRead(b, "lieux.json", hubJSON(b, 30000), 30000)
}

func BenchmarkGeoJSON(b *testing.B) {
	benchmarkRead(b, "lieux.geojson", nationalGeoJSON(b, 30000), 30000)
}

func BenchmarkXLSX(b *testing.B) {
	columns, recs := nationalRecords(b)
	var many []Record
	for i := range 30000 {
		many = append(many, recs[i%len(recs)])
	}
	benchmarkRead(b, "lieux.xlsx", workbookOf(b, columns, many), 30000)
}

// TestLargeStream reads a 40 MB CSV made on the fly and checks that memory
// does not grow with the file: the reader holds one record at a time. A
// reader that kept the records would hold more than the file, well over
// the 16 MB allowed.
func TestLargeStream(t *testing.T) {
	// Not parallel: it measures the live heap.
	if testing.Short() {
		t.Skip("40 MB read")
	}
	header, rows := nationalRows(t)
	src := &repeatReader{head: header, rows: rows, left: 40 << 20}
	r, err := NewReader(src, "gros.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var (
		n    int
		peak uint64
		m    runtime.MemStats
	)
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if n++; n%20000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
	}
	if n != src.count {
		t.Errorf("%d records, want %d", n, src.count)
	}
	if peak > 16<<20 {
		t.Errorf("live heap reached %d MB while streaming 40 MB", peak>>20)
	}
	t.Logf("%d records, live heap at most %.1f MB", n, float64(peak)/(1<<20))
}

// repeatReader yields a header then real rows, round and round, until about
// left bytes were produced.
type repeatReader struct {
	head  string
	rows  []string
	left  int
	buf   []byte
	count int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) && (r.left > 0 || r.head != "") {
		if r.head != "" {
			r.buf = append(r.buf, r.head...)
			r.head = ""
			continue
		}
		row := r.rows[r.count%len(r.rows)]
		r.buf = append(r.buf, row...)
		r.left -= len(row)
		r.count++
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}
