package pdf

import (
	"bytes"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"livret/layout"
	"livret/picto"
)

// drawRaw draws b with the renderer and returns fpdf's file, uncompressed.
func drawRaw(t *testing.T, b *layout.Book) (*renderer, []byte) {
	t.Helper()
	r := newRenderer(b, Options{Untagged: true}, bookFaces(b), nil)
	if err := r.draw(); err != nil {
		t.Fatal(err)
	}
	r.pdf.SetCompression(false)
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return r, buf.Bytes()
}

var reUse = regexp.MustCompile(`q (\S+) 0 0 (\S+) (\S+) (\S+) cm\n/TPL([0-9a-f]+) Do Q`)

// TestIconsDrawnOnce checks that each pictogram of a guide is one Form
// XObject, that every use draws it, and that its stream sets no colour, so
// that each use is filled in the colour set before it.
func TestIconsDrawnOnce(t *testing.T) {
	b := sampleBook(t)
	uses, names := 0, map[string]bool{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if ic, ok := it.(*layout.Icon); ok {
				uses++
				names[ic.Name] = true
			}
		}
	}
	if uses < 2*len(names) {
		t.Fatalf("%d uses of %d pictograms: the sample does not test reuse", uses, len(names))
	}
	r, out := drawRaw(t, b)
	if got := bytes.Count(out, []byte("/Subtype /Form")); got != len(names) {
		t.Errorf("%d Form XObjects for %d pictograms", got, len(names))
	}
	if got := len(reUse.FindAll(out, -1)); got != uses {
		t.Errorf("%d pictograms drawn, the book has %d", got, uses)
	}
	for name, f := range r.forms {
		for _, op := range []string{"rg", "g", "k", "RG", "G", "K", "cs", "sc", "scn", "gs"} {
			if slices.Contains(tokens(f.Bytes()), op) {
				t.Errorf("%s: the form sets a colour or state (%s)", name, op)
			}
		}
	}
}

// TestIconFormGeometry checks that a pictogram drawn through its form
// lands where drawing its path on the page would put it, to 0.01 pt.
func TestIconFormGeometry(t *testing.T) {
	const x, y, size, pageH = 70.87, 412.33, 27.1, 841.89
	for _, name := range picto.Names() {
		icon, _ := picto.Lookup(name)
		pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 595.28, Ht: pageH}})
		pdf.SetCompression(false)
		pdf.AddPage()
		r := &renderer{pdf: pdf}
		r.icon(&layout.Icon{X: x, Y: y, Size: size, Name: name})
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		m := reUse.FindSubmatch(buf.Bytes())
		if m == nil {
			t.Fatalf("%s: no use of a form in the page", name)
		}
		var cm [4]float64
		for i := range cm {
			cm[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		var got []float64
		for _, tk := range tokens(r.forms[name].Bytes()) {
			if v, err := strconv.ParseFloat(tk, 64); err == nil {
				if len(got)%2 == 0 {
					got = append(got, cm[0]*v+cm[2])
				} else {
					got = append(got, cm[1]*v+cm[3])
				}
			}
		}
		var want []float64
		for _, s := range icon.Transform(x, y, size) {
			for _, p := range s.P[:points(s.Op)] {
				want = append(want, p.X, pageH-p.Y)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d coordinates in the form, %d in the icon", name, len(got), len(want))
		}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 0.01 {
				t.Errorf("%s: coordinate %d at %.3f, want %.3f", name, i, got[i], want[i])
				break
			}
		}
	}
}

func points(op picto.Op) int {
	switch op {
	case picto.MoveTo, picto.LineTo:
		return 1
	case picto.CubeTo:
		return 3
	}
	return 0
}

// TestQROnePath checks that a QR code is one filled path whose rectangles
// cover exactly its dark modules, placed and sized as the layout says.
func TestQROnePath(t *testing.T) {
	modules := make([][]bool, 25)
	for y := range modules {
		modules[y] = make([]bool, 25)
		for x := range modules[y] {
			modules[y][x] = (x*7+y*3)%5 < 2 || x == y
		}
	}
	const pageH = 841.89
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 595.28, Ht: pageH}})
	pdf.SetCompression(false)
	pdf.AddPage()
	r := &renderer{pdf: pdf}
	qr := &layout.QR{X: 400.5, Y: 120.25, Size: 75, Modules: modules}
	r.qr(qr)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)0 g\nq (\S+) 0 0 (\S+) (\S+) (\S+) cm\n(.*?)f Q\n`).FindSubmatch(buf.Bytes())
	if m == nil {
		t.Fatal("no QR path in the page")
	}
	want := []float64{75.0 / 25, -75.0 / 25, 400.5, pageH - 120.25}
	for i, w := range want {
		if v, _ := strconv.ParseFloat(string(m[i+1]), 64); math.Abs(v-w) > 1e-4 {
			t.Errorf("transform term %d is %s, want %.4f", i, m[i+1], w)
		}
	}
	got := make([][]bool, 25)
	for y := range got {
		got[y] = make([]bool, 25)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(m[5])), "\n") {
		var x, y, w, h int
		if _, err := parseRun(line, &x, &y, &w, &h); err != nil || h != 1 {
			t.Fatalf("not a module run: %q", line)
		}
		for i := x; i < x+w; i++ {
			if got[y][i] {
				t.Errorf("module (%d, %d) drawn twice", i, y)
			}
			got[y][i] = true
		}
	}
	for y := range modules {
		for x := range modules[y] {
			if got[y][x] != modules[y][x] {
				t.Fatalf("module (%d, %d) is %v, want %v", x, y, got[y][x], modules[y][x])
			}
		}
	}
}

// parseRun reads the integers of "x y w h re".
func parseRun(line string, v ...*int) (int, error) {
	f := strings.Fields(line)
	if len(f) != len(v)+1 || f[len(f)-1] != "re" {
		return 0, strconv.ErrSyntax
	}
	for i, p := range v {
		n, err := strconv.Atoi(f[i])
		if err != nil {
			return i, err
		}
		*p = n
	}
	return len(v), nil
}

func tokens(b []byte) []string { return strings.Fields(string(b)) }

func TestAppendNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{0, "0"}, {-0.00001, "0"}, {12, "12"}, {1.5, "1.5"}, {13.6193, "13.6193"}, {24 - 10.3807, "13.6193"}, {-3.00004, "-3"}, {-2.5, "-2.5"}} {
		if got := string(appendNum(nil, c.v)); got != c.want {
			t.Errorf("appendNum(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestCircleAsFpdf checks that a circle drawn as a path is fpdf's Circle
// to the byte, on A4 and A5 pages, for the sizes of map markers and badges
// and odd positions.
func TestCircleAsFpdf(t *testing.T) {
	for _, c := range []struct{ pageH, x, y, r float64 }{
		{841.89, 100, 200, 9},
		{841.89, 195.097, 414.61852, 14.5},
		{595.28, 0.003, 594.9, 0.5},
		{595.28, 333.333333, 1e-9, 123.456789},
		{841.89, 560.12, 12.7, 3.25},
	} {
		page := func(draw func(pdf *fpdf.Fpdf)) []byte {
			pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 595.28, Ht: c.pageH}})
			pdf.SetCompression(false)
			// Both dates fixed: fpdf stamps the modification date with the
			// clock otherwise, and two files made a second apart differ.
			date := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
			pdf.SetCreationDate(date)
			pdf.SetModificationDate(date)
			pdf.AddPage()
			draw(pdf)
			var buf bytes.Buffer
			if err := pdf.Output(&buf); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		want := page(func(pdf *fpdf.Fpdf) { pdf.Circle(c.x, c.y, c.r, "F") })
		got := page(func(pdf *fpdf.Fpdf) { (&renderer{pdf: pdf}).circle(c.x, c.y, c.r) })
		if !bytes.Equal(got, want) {
			t.Errorf("circle %+v:\n%s\nfpdf:\n%s", c, pageStream(got), pageStream(want))
		}
	}
}

// pageStream is the first content stream of an uncompressed file.
func pageStream(file []byte) []byte {
	if m := regexp.MustCompile(`(?s)stream\n(.*?)endstream`).FindSubmatch(file); m != nil {
		return m[1]
	}
	return file
}
