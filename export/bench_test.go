package export

import (
	"bytes"
	"io"
	"testing"

	"livret/selection"
)

// benchPlaces is 30 000 places: the places of the national file, repeated.
func benchPlaces(b *testing.B) []selection.Selected {
	one := checked(b, national)
	places := make([]selection.Selected, 30000)
	for i := range places {
		places[i] = one[i%len(one)]
	}
	return places
}

// benchmark measures a writer; MB/s is the size of what it writes.
func benchmark(b *testing.B, write func(io.Writer, []selection.Selected) error) {
	places := benchPlaces(b)
	var buf bytes.Buffer
	if err := write(&buf, places); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := write(&buf, places); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkXLSX(b *testing.B) {
	benchmark(b, func(w io.Writer, p []selection.Selected) error { return XLSX(w, p, XLSXOptions{}) })
}

func BenchmarkCSV(b *testing.B) {
	benchmark(b, func(w io.Writer, p []selection.Selected) error { return CSV(w, p, CSVOptions{}) })
}

func BenchmarkJSON(b *testing.B) { benchmark(b, JSON) }
