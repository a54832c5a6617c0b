package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"livret/internal/fixtures"
	"livret/internal/pdfua"
	"livret/layout"
)

// writeChunked writes b in chunks of size pages (0: whole) on cores cores.
func writeChunked(t *testing.T, b *layout.Book, size, cores int) []byte {
	t.Helper()
	return writeChunkedWith(t, b, size, cores, Options{})
}

// writeChunkedWith is writeChunked with options, dated.
func writeChunkedWith(t *testing.T, b *layout.Book, size, cores int, opt Options) []byte {
	t.Helper()
	defer func(n int) { chunkPages = n }(chunkPages)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cores))
	chunkPages = size
	if size == 0 {
		chunkPages = len(b.Pages)
	}
	if chunked(b, opt) != (size != 0) {
		t.Fatalf("chunks of %d pages: not the path expected", size)
	}
	opt.Date = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := Write(&buf, b, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestMergedAsWhole checks that a book drawn in chunks and merged reads as
// the book drawn whole: same text, fonts, bookmarks and links, tagged as
// PDF/UA-1 asks, and the same bytes whatever the number of cores.
func TestMergedAsWhole(t *testing.T) {
	b := sampleBook(t)
	whole := writeChunked(t, b, 0, 2)
	want := summary(t, whole)
	for _, size := range []int{3, 7} {
		merged := writeChunked(t, b, size, 2)
		if bytes.Equal(merged, whole) {
			t.Fatalf("chunks of %d pages: the file is the whole one", size)
		}
		if one := writeChunked(t, b, size, 1); !bytes.Equal(one, merged) {
			t.Errorf("chunks of %d pages: one core and two give different files", size)
		}
		if eight := writeChunked(t, b, size, 8); !bytes.Equal(eight, merged) {
			t.Errorf("chunks of %d pages: eight cores and two give different files", size)
		}
		problems, err := pdfua.Check(bytes.NewReader(merged))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("chunks of %d pages: %s", size, p)
		}
		got := summary(t, merged)
		for _, part := range []string{"qpdf", "text", "fonts", "outlines", "links"} {
			if got[part] != want[part] {
				t.Errorf("chunks of %d pages, %s:\n%s\nwhole:\n%s", size, part, got[part], want[part])
			}
		}
	}
}

// TestReleaseSameFile checks that a book whose pages and structure are
// released as they are drawn gives the same file as one kept, drawn whole
// or in chunks (on two cores, chunks drawn out of order), tagged or not,
// and that the book is emptied.
func TestReleaseSameFile(t *testing.T) {
	for _, c := range []struct {
		size     int
		untagged bool
	}{{0, false}, {3, false}, {0, true}} {
		name := fmt.Sprintf("chunks of %d pages (untagged %v)", c.size, c.untagged)
		kept := writeChunkedWith(t, sampleBook(t), c.size, 2, Options{Untagged: c.untagged})
		b := sampleBook(t)
		released := writeChunkedWith(t, b, c.size, 2, Options{Untagged: c.untagged, Release: true})
		if !bytes.Equal(released, kept) {
			t.Errorf("%s: the file differs when the book is released", name)
		}
		for i, p := range b.Pages {
			if len(p.Items) > 0 {
				t.Errorf("%s: page %d kept its %d items", name, i+1, len(p.Items))
				break
			}
		}
		if b.Structure != nil {
			t.Errorf("%s: the structure is kept", name)
		}
	}
}

// summary describes a file as readers see it: qpdf's check, pdftotext's
// text, pdffonts' fonts, the bookmarks and the link annotations of each
// page (from qpdf --json).
func summary(t *testing.T, file []byte) map[string]string {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s absent (apt-get install poppler-utils qpdf) ; .ci/run l’installe", tool)
		}
	}
	path := filepath.Join(t.TempDir(), "guide.pdf")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	s := map[string]string{}
	check, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	s["qpdf"] = fmt.Sprint(err, strings.Contains(string(check), "No syntax or stream encoding errors found"))
	text, _ := exec.Command("pdftotext", "-layout", path, "-").Output()
	s["text"] = string(text)
	if len(text) < 1000 {
		t.Fatalf("pdftotext: %d bytes", len(text))
	}
	out, _ := exec.Command("pdffonts", path).Output()
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 3 {
			s["fonts"] += strings.Join(f[:len(f)-2], " ") + "\n" // but the object number
		}
	}

	out, err = exec.Command("qpdf", "--json=2", "--json-key=pages", "--json-key=outlines", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Pages []struct {
			Object string
		}
		Outlines []outline
		QPDF     []json.RawMessage
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objects map[string]struct{ Value map[string]any }
	if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
		t.Fatal(err)
	}
	page := map[string]int{}
	for i, p := range doc.Pages {
		page[p.Object] = i + 1
	}
	var walk func(level int, items []outline)
	walk = func(level int, items []outline) {
		for _, o := range items {
			s["outlines"] += fmt.Sprintf("%d %q page %d at %v, open %v\n", level, o.Title, o.DestPagePosFrom1, o.Dest[3], o.Open)
			walk(level+1, o.Kids)
		}
	}
	walk(0, doc.Outlines)
	if strings.Count(s["outlines"], "\n") < 10 {
		t.Fatalf("%d bookmarks", strings.Count(s["outlines"], "\n"))
	}
	links := 0
	for i, p := range doc.Pages {
		annots, _ := objects["obj:"+p.Object].Value["/Annots"].([]any)
		for _, a := range annots {
			v := objects["obj:"+a.(string)].Value
			dest := "URI " + fmt.Sprint(v["/A"])
			if d, ok := v["/Dest"].([]any); ok {
				dest = fmt.Sprintf("page %d at %v", page[d[0].(string)], d[3])
			}
			s["links"] += fmt.Sprintf("page %d: %v %v %v → %s\n", i+1, v["/Rect"], v["/QuadPoints"], v["/Contents"], dest)
			links++
		}
	}
	if links < 10 {
		t.Fatalf("%d links", links)
	}
	return s
}

// outline is a bookmark as qpdf --json gives it.
type outline struct {
	Title            string
	Dest             []any
	DestPagePosFrom1 int
	Open             bool
	Kids             []outline
}

var benchPlaces = flag.Int("places", 600, "places of the book of BenchmarkWrite (19 000: some 28 000 pages)")

// BenchmarkWrite writes a book of about 1 000 pages drawn whole and drawn
// in chunks, side by side, and drawn whole untagged, the peer of the
// tagging pass: compare them in the same run. Each reports the size of
// the file. For the peak memory of each, run each alone under
// /usr/bin/time -v:
//
//	go test ./render/pdf -run '^$' -bench Write -benchmem -benchtime 3x
//	go test -c -o pdf.test ./render/pdf
//	/usr/bin/time -v ./pdf.test -test.run '^$' -test.bench Write/chunked -test.benchtime 1x -places 19000
func BenchmarkWrite(b *testing.B) {
	th, err := layout.DefaultTheme()
	if err != nil {
		b.Fatal(err)
	}
	book, err := layout.Guide(fixtures.SampleGuide(*benchPlaces), th)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		size     int
		untagged bool
	}{{"whole", len(book.Pages), false}, {"chunked", chunkPages, false}, {"untagged", len(book.Pages), true}} {
		b.Run(c.name, func(b *testing.B) {
			defer func(n int) { chunkPages = n }(chunkPages)
			chunkPages = c.size
			opt := Options{Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Untagged: c.untagged}
			var out countingWriter
			for b.Loop() {
				out = 0
				if err := Write(&out, book, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(book.Pages)), "pages")
			b.ReportMetric(float64(out)/(1<<20), "MiB")
		})
	}
}

// countingWriter counts the bytes written to it.
type countingWriter int

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}

// TestSpilledPathsBack checks that the paths a chunk keeps out of fpdf
// are put back where they were drawn: each page's content is the one drawn
// with the paths in fpdf's pages.
func TestSpilledPathsBack(t *testing.T) {
	b := sampleBook(t)
	st, err := newStructure(b.Structure)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int, spilled bool) { chunkPages, spillPaths = n, spilled }(chunkPages, spillPaths)
	chunkPages = 4
	pages := func(spilled bool) [][]byte {
		spillPaths = spilled
		var all [][]byte
		for c := range (len(b.Pages) + chunkPages - 1) / chunkPages {
			d := drawChunk(b, Options{}, st, bookFaces(b), c)
			if d.err != nil {
				t.Fatal(d.err)
			}
			for _, p := range d.content {
				raw, err := io.ReadAll(must(zlib.NewReader(bytes.NewReader(p))))
				if err != nil {
					t.Fatal(err)
				}
				all = append(all, raw)
			}
		}
		return all
	}
	kept, spilled := pages(false), pages(true)
	paths := 0
	for i := range kept {
		paths += bytes.Count(kept[i], []byte(" re\n")) + bytes.Count(kept[i], []byte(" c\n"))
		if !bytes.Equal(spilled[i], kept[i]) {
			t.Errorf("page %d differs when its paths are spilled", i+1)
		}
		if bytes.Contains(spilled[i], []byte(spillMark)) {
			t.Errorf("page %d keeps a mark", i+1)
		}
	}
	if paths == 0 {
		t.Fatal("the sample draws no paths: nothing spilled")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestRecords checks that records give back what was added, records
// longer than a block and those that end a block included, and that no
// block is copied as they grow.
func TestRecords(t *testing.T) {
	var r records
	var want [][]byte
	for i, n := range []int{0, 10, recordBlock - 10, 11, recordBlock + 5, 3, recordBlock - 3, 3} {
		b := bytes.Repeat([]byte{byte('a' + i)}, n)
		r.add(b)
		want = append(want, b)
	}
	first := r.at(1)
	for i, w := range want {
		if !bytes.Equal(r.at(i), w) {
			t.Errorf("record %d: %d bytes, want %d", i, len(r.at(i)), len(w))
		}
	}
	if r.len() != len(want) {
		t.Errorf("%d records, want %d", r.len(), len(want))
	}
	if &first[0] != &r.at(1)[0] {
		t.Error("a block was copied")
	}
	if c := cap(r.at(2)); c != len(want[2]) {
		t.Errorf("record 2 can grow over the next: cap %d", c)
	}
}
