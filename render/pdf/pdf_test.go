package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/internal/pdfua"
	"livret/layout"
)

// sampleBook is the guide of 12 places of the fixtures, laid out.
func sampleBook(t *testing.T) *layout.Book {
	t.Helper()
	th, err := layout.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	b, err := layout.Guide(fixtures.SampleGuide(12), th)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeSample(t *testing.T, untagged bool) []byte {
	t.Helper()
	b := sampleBook(t)
	var buf bytes.Buffer
	if err := Write(&buf, b, Options{Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Untagged: untagged}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTaggedPDFPassesChecker(t *testing.T) {
	problems, err := pdfua.Check(bytes.NewReader(writeSample(t, false)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func TestUntaggedPDFFailsChecker(t *testing.T) {
	problems, err := pdfua.Check(bytes.NewReader(writeSample(t, true)))
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, p := range problems {
		rules[p.Rule] = true
	}
	for _, want := range []string{"5-1", "6.2-1", "7.1-3", "7.1-10", "7.1-11", "7.18.5-1", "7.18.5-2"} {
		if !rules[want] {
			t.Errorf("untagged file not reported for rule %s; got %v", want, problems)
		}
	}
}

func TestSameInputSameBytes(t *testing.T) {
	a, b := writeSample(t, false), writeSample(t, false)
	if !bytes.Equal(a, b) {
		t.Error("two runs on the same book give different files")
	}
}

// TestPopplerReadsIt checks the file with tools users have: qpdf finds no
// error, pdfinfo sees it tagged, pdftotext extracts the French text.
func TestPopplerReadsIt(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdfinfo", "pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s absent (apt-get install poppler-utils qpdf) ; .ci/run l’installe", tool)
		}
	}
	path := filepath.Join(t.TempDir(), "guide.pdf")
	os.WriteFile(path, writeSample(t, false), 0o644)
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	info, _ := exec.Command("pdfinfo", path).Output()
	for _, want := range []string{"Tagged:          yes", "Metadata Stream: yes", "PDF version:     1.7", "Title:           Où se faire aider"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text, _ := exec.Command("pdftotext", "-layout", path, "-").Output()
	for _, want := range []string{"Où se faire aider avec", "Médiathèque Jacques-Ellul", "05 57 93 67 00",
		"Lundi au vendredi : 9 h – 12 h et 14 h – 17 h", "Page 3 sur"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	fonts, _ := exec.Command("pdffonts", path).Output()
	for _, line := range strings.Split(string(fonts), "\n")[2:] {
		if line == "" {
			continue
		}
		if !strings.Contains(line, "CID TrueType") || !strings.Contains(line, " yes ") {
			t.Errorf("font not embedded as CID TrueType: %s", line)
		}
	}
}

// TestCompressedAsFpdf checks that the page streams compressed as Write
// compresses them give the file fpdf writes when it compresses them
// itself, palettes of indexed images included: the same objects, their
// streams the same once inflated (the compressors differ).
func TestCompressedAsFpdf(t *testing.T) {
	th, err := layout.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	pal := image.NewPaletted(image.Rect(0, 0, 40, 20), color.Palette{color.White, color.RGBA{0, 38, 84, 255}})
	for x := range 20 {
		pal.SetColorIndex(x, x/2, 1)
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, pal); err != nil {
		t.Fatal(err)
	}
	withLogo := fixtures.SampleGuide(12)
	withLogo.Publisher.Name = "Mairie de Pessac"
	withLogo.Publisher.Logo = logo.Bytes()
	for name, g := range map[string]*guide.Guide{"guide": fixtures.SampleGuide(12), "logo": withLogo} {
		b, err := layout.Guide(g, th)
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Untagged: true}
		output := func(compressed bool) []byte {
			r := newRenderer(b, opt, bookFaces(b), nil)
			if err := r.draw(); err != nil {
				t.Fatal(err)
			}
			r.pdf.SetCompression(compressed)
			var buf bytes.Buffer
			if err := r.pdf.Output(&buf); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		f, err := parseFile(output(false))
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if _, err := f.compress(&got, "", nil, false); err != nil {
			t.Fatal(err)
		}
		want := bytes.NewBuffer(output(true))
		g, w := inflated(t, got.Bytes()), inflated(t, want.Bytes())
		if len(g) != len(w) {
			t.Errorf("%s: %d objects, fpdf writes %d", name, len(g), len(w))
		}
		for n, obj := range w {
			if g[n] != obj {
				t.Errorf("%s: object %d is\n%.300q\nfpdf writes\n%.300q", name, n, g[n], obj)
			}
		}
		if bytes.Equal(got.Bytes(), output(false)) {
			t.Errorf("%s: nothing compressed", name)
		}
		if name == "logo" && !bytes.Contains(want.Bytes(), []byte("/Indexed /DeviceRGB")) {
			t.Error("the logo is not an indexed image: its palette is not tested")
		}
	}
}

// inflated returns the objects of a PDF file by number, each stream
// inflated and its dictionary without /Filter /FlateDecode and /Length.
func inflated(t *testing.T, data []byte) map[int]string {
	t.Helper()
	f, err := parseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	length := regexp.MustCompile(`/Length (\d+)`)
	objs := map[int]string{}
	for n := range f.offsets {
		body := f.body(n)
		end := bytes.Index(body, []byte("endobj"))
		s := bytes.Index(body, []byte("stream\n"))
		if s < 0 || s > end {
			objs[n] = string(body[:end])
			continue
		}
		head := string(body[:s])
		m := length.FindStringSubmatch(head)
		if m == nil {
			t.Fatalf("object %d: stream without /Length", n)
		}
		size, _ := strconv.Atoi(m[1])
		stream := body[s+len("stream\n") : s+len("stream\n")+size]
		if strings.Contains(head, "/Filter /FlateDecode") {
			if stream, err = inflate(stream); err != nil {
				t.Fatalf("object %d: %v", n, err)
			}
		}
		head = strings.NewReplacer("/Filter /FlateDecode", "", m[0], "", " ", "", "\n", "").Replace(head)
		objs[n] = head + "\n" + string(stream)
	}
	return objs
}

// TestSinkGathersPieces checks that a file written in pieces reaches
// finish whole, as one written at once does.
func TestSinkGathersPieces(t *testing.T) {
	file := []byte("%PDF-1.3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
	for _, cut := range []int{len(file), 5, 20} {
		var got []byte
		s := &sink{finish: func(data []byte) error { got = bytes.Clone(data); return nil }}
		s.Write(file[:cut])
		if cut < len(file) {
			s.Write(file[cut:])
		}
		if err := s.close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, file) {
			t.Errorf("cut at %d: finish got %q", cut, got)
		}
	}
}

// TestOneAnnotationPerLink checks that the runs of one link on a page —
// the title of a contents entry and its page number, the lines of a long
// title — make one annotation, one tab stop, covering each run.
func TestOneAnnotationPerLink(t *testing.T) {
	b := sampleBook(t)
	st, err := newStructure(b.Structure)
	if err != nil {
		t.Fatal(err)
	}
	r := newRenderer(b, Options{}, bookFaces(b), newTagger(st))
	if err := r.draw(); err != nil {
		t.Fatal(err)
	}
	type key struct {
		elem int32
		page int
	}
	seen := map[key]bool{}
	multi := 0
	for _, a := range r.tags.annots {
		k := key{a.elem, a.page}
		if seen[k] {
			t.Errorf("page %d: two annotations for the link %q", a.page+1, a.contents)
		}
		seen[k] = true
		for _, q := range a.quads {
			if q[0] < a.rect[0] || q[1] < a.rect[1] || q[2] > a.rect[2] || q[3] > a.rect[3] {
				t.Errorf("%q: run %v outside %v", a.contents, q, a.rect)
			}
		}
		if len(a.quads) > 1 {
			multi++
		}
	}
	if multi < 5 {
		t.Errorf("only %d links of several runs: the contents entries are not merged", multi)
	}
}
