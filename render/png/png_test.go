package png

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"livret/fonts"
	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
	"livret/render/pdf"
	"livret/templates"
)

var devDir = flag.String("apercu", "", "write the example guide as PDF and PNG pages into this folder")
var devDPI = flag.Float64("dpi", 100, "resolution of the -apercu pages")
var devPages = flag.Int("pages", 8, "number of -apercu pages")

// exampleBook lays out the guide of the example dataset of the repository
// (examples/nouvelle-aquitaine.json, see examples/SOURCES.md) with the
// default template, as livret prints it.
func exampleBook(t testing.TB, mod func(*layout.Theme)) *layout.Book {
	t.Helper()
	var places []guide.Place
	for _, p := range fixtures.Checked(t, fixtures.Example) {
		places = append(places, guide.Place{Lieu: p.Lieu, Commune: p.Location.Commune.Name, Distance: -1,
			Schedule: p.Schedule, Phones: p.Phones})
	}
	th, err := layout.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	if mod != nil {
		mod(&th)
	}
	words, err := templates.Default().Words()
	if err != nil {
		t.Fatal(err)
	}
	g := guide.Compose(places, guide.Options{Words: words, Territory: "Nouvelle-Aquitaine",
		Edition: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Source: guide.Source{File: "nouvelle-aquitaine.json"},
		Fonts: []string{th.Family.Credit}})
	b, err := layout.Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	night = layout.Color{R: 0, G: 38, B: 84}
	red   = layout.Color{R: 200, G: 30, B: 30}
)

// shapesBook is one A5 page with one item of each kind, at known places.
func shapesBook(t testing.TB) *layout.Book {
	t.Helper()
	fam, err := fonts.Lookup("luciole")
	if err != nil {
		t.Fatal(err)
	}
	s := "Médiathèque Jacques-Ellul"
	modules := make([][]bool, 21)
	for y := range modules {
		modules[y] = make([]bool, 21)
		for x := range modules[y] {
			modules[y][x] = (x+y)%2 == 0 && x >= 4 && y >= 4 && x < 17 && y < 17
		}
	}
	// A logo of two pixels, red then night blue, drawn 80 × 40 pt.
	logo := image.NewRGBA(image.Rect(0, 0, 2, 1))
	logo.Set(0, 0, color.RGBA{red.R, red.G, red.B, 255})
	logo.Set(1, 0, color.RGBA{night.R, night.G, night.B, 255})
	var data bytes.Buffer
	if err := stdpng.Encode(&data, logo); err != nil {
		t.Fatal(err)
	}
	return &layout.Book{Width: layout.A5.Width, Height: layout.A5.Height, Pages: []*layout.Page{{Items: []layout.Item{
		&layout.Image{X: 320, Y: 120, W: 80, H: 40, PNG: data.Bytes()},
		&layout.Rect{X: 50, Y: 40, W: 100, H: 30, Fill: red},
		&layout.Rect{X: 200, Y: 40, W: 100, H: 40, Radius: 10, Fill: night},
		&layout.Rect{X: 330, Y: 40, W: 50, H: 50, Radius: 25, Fill: night},
		&layout.Icon{X: 50, Y: 120, Size: 96, Name: "address", Color: night},
		&layout.QR{X: 200, Y: 120, Size: 105, Modules: modules},
		&layout.Text{X: 50, Y: 300, Face: fam.Regular, Size: 18, Color: layout.Black, S: s, Width: fam.Regular.Width(s, 18)},
		&layout.Text{X: 50, Y: 340, Face: fam.Bold, Size: 24, Color: night, S: "Bègles", Width: fam.Bold.Width("Bègles", 24)},
	}}}}
}

func TestPageSize(t *testing.T) {
	for _, tc := range []struct {
		format layout.Format
		dpi    float64
		w, h   int
	}{
		// As pdftoppm -r makes them: ceil(points × dpi / 72).
		{layout.A4, 40, 331, 468},
		{layout.A4, 72, 596, 842},
		{layout.A4, 150, 1241, 1754},
		{layout.A5, 96, 560, 794},
		{layout.Format{Width: 144, Height: 72}, 72, 144, 72}, // whole pixels gain none
	} {
		b := &layout.Book{Width: tc.format.Width, Height: tc.format.Height, Pages: []*layout.Page{{}}}
		img, err := Page(b, 0, tc.dpi)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got != image.Pt(tc.w, tc.h) {
			t.Errorf("%g × %g pt at %g dpi: %v, want %d × %d", tc.format.Width, tc.format.Height, tc.dpi, got, tc.w, tc.h)
		}
		if c := img.RGBAAt(tc.w/2, tc.h/2); c != (color.RGBA{255, 255, 255, 255}) {
			t.Errorf("empty page at %g dpi is %v, not white", tc.dpi, c)
		}
	}
}

func TestShapes(t *testing.T) {
	const dpi = 144 // 2 pixels a point
	img, err := Page(shapesBook(t), 0, dpi)
	if err != nil {
		t.Fatal(err)
	}
	white := color.RGBA{255, 255, 255, 255}
	rgba := func(c layout.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }
	// Points in page points; each pixel sampled is the one whose centre is there.
	for _, tc := range []struct {
		what string
		x, y float64
		want color.RGBA
	}{
		{"paper", 10, 10, white},
		{"rectangle, inside", 100, 55, rgba(red)},
		{"rectangle, top-left corner", 50.25, 40.25, rgba(red)},
		{"rectangle, left of it", 49.75, 55, white},
		{"rectangle, under it", 100, 70.25, white},
		{"rounded rectangle, inside", 250, 60, rgba(night)},
		{"rounded rectangle, edge away from corners", 200.25, 60, rgba(night)},
		{"rounded rectangle, cut corner", 201, 41, white},
		{"disc, centre", 355, 65, rgba(night)},
		{"disc, edge midpoint", 330.5, 65, rgba(night)},
		{"disc, corner of its square", 332, 42, white},
		// The address pin, in box units ×4: a ring around a hole.
		{"pin, ring", 50 + 4*12, 120 + 4*4, rgba(night)},
		{"pin, hole", 50 + 4*12, 120 + 4*9, white},
		{"pin, tip", 50 + 4*12, 120 + 4*19, rgba(night)},
		{"pin, beside the tip", 50 + 4*6, 120 + 4*20, white},
		// The publisher's logo, scaled as the PDF scales it.
		{"logo, left pixel", 325, 140, rgba(red)},
		{"logo, right pixel", 395, 140, rgba(night)},
		{"logo, right of it", 401, 140, white},
		{"logo, under it", 360, 161, white},
	} {
		if got := img.RGBAAt(int(tc.x*dpi/72), int(tc.y*dpi/72)); got != tc.want {
			t.Errorf("%s (%g, %g pt): %v, want %v", tc.what, tc.x, tc.y, got, tc.want)
		}
	}
	// QR modules are 5 pt, 10 pixels: every pixel of a module has its colour.
	for y := range 21 {
		for x := range 21 {
			want := white
			if (x+y)%2 == 0 && x >= 4 && y >= 4 && x < 17 && y < 17 {
				want = color.RGBA{0, 0, 0, 255}
			}
			for _, d := range [][2]int{{0, 0}, {9, 0}, {0, 9}, {9, 9}, {5, 5}} {
				px, py := (200+5*x)*2+d[0], (120+5*y)*2+d[1]
				if got := img.RGBAAt(px, py); got != want {
					t.Fatalf("QR module (%d, %d), pixel (%d, %d): %v, want %v", x, y, px, py, got, want)
				}
			}
		}
	}
}

func TestHoles(t *testing.T) {
	// Samples of package picto's TestHoles, in box units, away from edges
	// so that a pixel is wholly ink or wholly paper: holes come from
	// subpaths turning the other way and must stay paper.
	for _, tc := range []struct {
		name string
		x, y float64
		ink  bool
	}{
		{"address", 12, 9, false},
		{"address", 12, 4, true},
		{"computer", 12, 11, false},
		{"computer", 3, 11, true},
		{"visibility", 12, 12, true},
		{"visibility", 12, 8, false},
		{"wheelchair", 10, 17, false},
		{"security", 13.4, 11.65, false},
		{"security", 12, 18, true},
		{"help", 12, 18, false},
		{"help", 7, 16, true},
	} {
		b := &layout.Book{Width: 48, Height: 48, Pages: []*layout.Page{{Items: []layout.Item{
			&layout.Icon{X: 0, Y: 0, Size: 48, Name: tc.name, Color: layout.Black}}}}}
		img, err := Page(b, 0, 144) // 4 pixels a box unit
		if err != nil {
			t.Fatal(err)
		}
		c := img.RGBAAt(int(tc.x*4), int(tc.y*4))
		if tc.ink && c.R != 0 || !tc.ink && c.R != 255 {
			t.Errorf("%s (%g, %g): %v, want ink %v", tc.name, tc.x, tc.y, c, tc.ink)
		}
	}
}

func TestBackground(t *testing.T) {
	b := exampleBook(t, func(th *layout.Theme) { th.Background = layout.Ivory })
	img, err := Page(b, 1, 30)
	if err != nil {
		t.Fatal(err)
	}
	// The last column and row are mostly beyond the paper (the size is
	// rounded up): look one pixel inside.
	for _, p := range []image.Point{{0, 0}, {img.Bounds().Dx() - 2, img.Bounds().Dy() - 2}} {
		if c := img.RGBAAt(p.X, p.Y); c != (color.RGBA{255, 253, 240, 255}) {
			t.Errorf("ivory page, pixel %v: %v", p, c)
		}
	}
}

// box is an item's extent, in pixels.
type box struct {
	r    image.Rectangle
	text string // for a text run
}

// boxes lists where each item of page may put ink, a pixel wider each way
// for anti-aliasing. A text run's box is its width by the face's ascent
// and descent, plus what glyphs may overhang: a tenth of an em sideways
// (f, j) and a third of an em above, for the accents of capitals
// (Luciole's É rises to 1.09 em, its ascent is 0.79 em).
func boxes(page *layout.Page, dpi float64) []box {
	k := dpi / 72
	rect := func(x0, y0, x1, y1 float64) image.Rectangle {
		return image.Rect(int(math.Floor(x0*k))-1, int(math.Floor(y0*k))-1, int(math.Ceil(x1*k))+1, int(math.Ceil(y1*k))+1)
	}
	var bs []box
	for _, it := range page.Items {
		switch it := it.(type) {
		case *layout.Text:
			em := it.Size
			bs = append(bs, box{rect(it.X-em/10, it.Y-it.Face.Ascent(em)-em/3, it.X+it.Width+em/10, it.Y+it.Face.Descent(em)), it.S})
		case *layout.Rect:
			bs = append(bs, box{r: rect(it.X, it.Y, it.X+it.W, it.Y+it.H)})
		case *layout.Icon:
			bs = append(bs, box{r: rect(it.X, it.Y, it.X+it.Size, it.Y+it.Size)})
		case *layout.QR:
			bs = append(bs, box{r: rect(it.X, it.Y, it.X+it.Size, it.Y+it.Size)})
		case *layout.Image:
			bs = append(bs, box{r: rect(it.X, it.Y, it.X+it.W, it.Y+it.H)})
		}
	}
	return bs
}

func isPaper(c color.RGBA) bool { return c == color.RGBA{255, 255, 255, 255} }

// TestInkInBoxes checks, on real pages, that every text run leaves ink
// inside its box and that no ink falls outside all the items' boxes.
func TestInkInBoxes(t *testing.T) {
	b := exampleBook(t, nil)
	const dpi = 60
	for i := range min(30, len(b.Pages)) {
		img, err := Page(b, i, dpi)
		if err != nil {
			t.Fatal(err)
		}
		bs := boxes(b.Pages[i], dpi)
		for _, bx := range bs {
			if bx.text == "" {
				continue
			}
			ink := 0
			for y := bx.r.Min.Y; y < bx.r.Max.Y; y++ {
				for x := bx.r.Min.X; x < bx.r.Max.X; x++ {
					if !isPaper(img.RGBAAt(x, y)) {
						ink++
					}
				}
			}
			// Every glyph but a space inks a pixel at least.
			if glyphs := len([]rune(strings.ReplaceAll(bx.text, " ", ""))); ink < glyphs {
				t.Errorf("page %d: text %q (%d glyphs) has %d inked pixels in its box %v", i+1, bx.text, glyphs, ink, bx.r)
			}
		}
		stray := 0
		for y := range img.Bounds().Dy() {
			for x := range img.Bounds().Dx() {
				if isPaper(img.RGBAAt(x, y)) {
					continue
				}
				in := false
				for _, bx := range bs {
					if image.Pt(x, y).In(bx.r) {
						in = true
						break
					}
				}
				if !in {
					if stray == 0 {
						t.Errorf("page %d: ink at (%d, %d) outside every item", i+1, x, y)
					}
					stray++
				}
			}
		}
		if stray > 0 {
			t.Errorf("page %d: %d stray inked pixels", i+1, stray)
		}
	}
}

func TestWrite(t *testing.T) {
	b := exampleBook(t, nil)
	dir := filepath.Join(t.TempDir(), "aperçu", "guide")
	paths, err := Write(dir, b, 3, 30)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"page-01.png", "page-02.png", "page-03.png"}
	if len(paths) != len(want) {
		t.Fatalf("wrote %v, want %v", paths, want)
	}
	for i, p := range paths {
		if p != filepath.Join(dir, want[i]) {
			t.Errorf("file %d: %s, want %s", i+1, p, want[i])
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		img, err := stdpng.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		direct, err := Page(b, i, 30)
		if err != nil {
			t.Fatal(err)
		}
		if !sameImage(img, direct) {
			t.Errorf("%s differs from Page(%d)", p, i)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("folder holds %d files, want %d (temporary files left?)", len(entries), len(want))
	}

	// More pages asked for than the book has: all of them, names widened.
	long := &layout.Book{Width: 72, Height: 72, Pages: make([]*layout.Page, 120)}
	for i := range long.Pages {
		long.Pages[i] = &layout.Page{}
	}
	paths, err = Write(t.TempDir(), long, 500, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 120 || filepath.Base(paths[0]) != "page-001.png" || filepath.Base(paths[119]) != "page-120.png" {
		t.Errorf("120-page book: %d files, first %s, last %s", len(paths), filepath.Base(paths[0]), filepath.Base(paths[len(paths)-1]))
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if color.RGBAModel.Convert(a.At(x, y)) != color.RGBAModel.Convert(b.At(x, y)) {
				return false
			}
		}
	}
	return true
}

func TestErrors(t *testing.T) {
	page := &layout.Book{Width: 100, Height: 100, Pages: []*layout.Page{{}}}
	file := filepath.Join(t.TempDir(), "fichier")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		run  func() error
		want string
	}{
		{"page after the last", func() error { _, err := Page(page, 1, 72); return err }, "page 2 inexistante\u00a0: le livret en compte 1"},
		{"negative page", func() error { _, err := Page(page, -1, 72); return err }, "page 0 inexistante"},
		{"zero dpi", func() error { _, err := Page(page, 0, 0); return err }, "résolution d’aperçu invalide\u00a0: 0\u00a0ppp"},
		{"NaN dpi", func() error { _, err := Page(page, 0, math.NaN()); return err }, "résolution d’aperçu invalide\u00a0: NaN\u00a0ppp"},
		{"dpi too high", func() error { _, err := Page(page, 0, 1200); return err }, "de 1 à 600\u00a0ppp"},
		{"nil book", func() error { _, err := Page(nil, 0, 72); return err }, "format de page invalide"},
		{"no page size", func() error { _, err := Page(&layout.Book{Pages: page.Pages}, 0, 72); return err }, "format de page invalide"},
		{"huge page", func() error {
			_, err := Page(&layout.Book{Width: 1e5, Height: 1e5, Pages: page.Pages}, 0, 72)
			return err
		},
			"trop grande pour un aperçu"},
		{"text without a face", func() error {
			_, err := Page(&layout.Book{Width: 100, Height: 100, Pages: []*layout.Page{{Items: []layout.Item{&layout.Text{X: 1, Y: 20, Size: 16, S: "Pessac"}}}}}, 0, 72)
			return err
		}, "page 1\u00a0: texte «\u00a0Pessac\u00a0» sans police"},
		{"face not loaded", func() error {
			_, err := Page(&layout.Book{Width: 100, Height: 100, Pages: []*layout.Page{{Items: []layout.Item{&layout.Text{X: 1, Y: 20, Face: &fonts.Face{}, Size: 16, S: "Pessac"}}}}}, 0, 72)
			return err
		}, "illisible pour l’aperçu"},
		{"no page wanted", func() error { _, err := Write(t.TempDir(), page, 0, 72); return err }, "nombre de pages d’aperçu invalide\u00a0: 0"},
		{"empty book", func() error { _, err := Write(t.TempDir(), &layout.Book{Width: 10, Height: 10}, 2, 72); return err }, "aucune page"},
		{"folder is a file", func() error { _, err := Write(file, page, 1, 72); return err }, "création du dossier d’aperçu «\u00a0" + file + "\u00a0» impossible"},
		{"file is a folder", func() error {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, "page-01.png"), 0o755); err != nil {
				t.Fatal(err)
			}
			_, err := Write(dir, page, 1, 72)
			return err
		}, "page-01.png\u00a0» impossible"},
	} {
		err := tc.run()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestOddItems draws items no layout makes: nothing may panic, and the
// page stays the size it is.
func TestOddItems(t *testing.T) {
	fam, err := fonts.Lookup("atkinson")
	if err != nil {
		t.Fatal(err)
	}
	inf, nan := math.Inf(1), math.NaN()
	items := []layout.Item{
		&layout.Rect{X: -1e300, Y: -1e300, W: 2e300, H: 2e300, Fill: layout.Ivory},
		&layout.Rect{X: nan, Y: 0, W: 10, H: 10},
		&layout.Rect{X: 10, Y: 10, W: -5, H: -5, Radius: 100},
		&layout.Rect{X: 10, Y: 10, W: inf, H: 5},
		&layout.Rect{X: 1e9, Y: 1e9, W: 5, H: 5, Radius: -3},
		&layout.Icon{X: -20, Y: -20, Size: 40, Name: "address"},
		&layout.Icon{X: 0, Y: 0, Size: 1e12, Name: "address"},
		&layout.Icon{X: 0, Y: 0, Size: 10, Name: "inconnu"},
		&layout.Icon{X: 0, Y: 0, Size: -10, Name: "address"},
		&layout.QR{X: 5, Y: 5, Size: 20},
		&layout.QR{X: -1e200, Y: 5, Size: 1e201, Modules: [][]bool{{true, true, true}, {true}, nil}},
		&layout.QR{X: 5, Y: 5, Size: nan, Modules: [][]bool{{true}}},
		&layout.Text{X: -5, Y: 5, Face: fam.Bold, Size: 18, S: "Aperçu coupé au bord"},
		&layout.Text{X: 5, Y: 5, Face: fam.Regular, Size: 1e9, S: "Géant"},
		&layout.Text{X: 1e300, Y: -1e300, Face: fam.Regular, Size: 18, S: "Loin"},
		&layout.Text{X: nan, Y: 5, Face: fam.Regular, Size: 18, S: "NaN"},
		&layout.Text{X: 5, Y: 5, Face: fam.Regular, Size: 18, S: "\u202f\uFFFD\x00\n"},
		&layout.Text{X: 5, Y: 5, Face: fam.Regular, Size: -18, S: "Négatif"},
	}
	b := &layout.Book{Width: 50, Height: 60, Pages: []*layout.Page{{Items: items}}}
	img, err := Page(b, 0, 72)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 50, 60) {
		t.Errorf("bounds %v", img.Bounds())
	}
}

func TestConcurrentPages(t *testing.T) {
	b := exampleBook(t, nil)
	want, err := Page(b, 4, 30)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, err := Page(b, 4, 30)
			if err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Error("same page drawn twice at once differs")
			}
		})
	}
	wg.Wait()
}

// TestSameAsPdftoppm draws the example guide as PDF with render/pdf, has
// poppler rasterize it, and compares with this package's pages.
func TestSameAsPdftoppm(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm absent\u00a0: comparaison avec poppler sautée (.ci/run installe poppler-utils)")
	}
	b := exampleBook(t, nil)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := pdf.Write(&buf, b, pdf.Options{Untagged: true}); err != nil {
		t.Fatal(err)
	}
	pdfPath := filepath.Join(dir, "guide.pdf")
	if err := os.WriteFile(pdfPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	const pages = 8
	for _, dpi := range []float64{40, 100} {
		prefix := filepath.Join(dir, fmt.Sprintf("poppler-%g", dpi))
		out, err := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-png", "-l", fmt.Sprint(pages), pdfPath, prefix).CombinedOutput()
		if err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		var total float64
		for i := range min(pages, len(b.Pages)) {
			f, err := os.Open(fmt.Sprintf("%s-%d.png", prefix, i+1))
			if err != nil {
				// pdftoppm pads page numbers to the width of the page count.
				f, err = os.Open(fmt.Sprintf("%s-%0*d.png", prefix, len(fmt.Sprint(len(b.Pages))), i+1))
				if err != nil {
					t.Fatal(err)
				}
			}
			ref, err := stdpng.Decode(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			img, err := Page(b, i, dpi)
			if err != nil {
				t.Fatal(err)
			}
			if ref.Bounds() != img.Bounds() {
				t.Fatalf("page %d at %g dpi: %v, poppler %v", i+1, dpi, img.Bounds(), ref.Bounds())
			}
			d := meanDiff(img, ref)
			total += d
			tile, at := tileDiff(img, ref, 8)
			t.Logf("%g dpi, page %d: mean difference %.2f/255 a channel, worst 8×8 tile %.1f/255 at %v", dpi, i+1, d, tile, at)
			// Measured on the first 8 pages: mean 0.1 to 0.8 at 40 and 100
			// dpi, worst tile 13 at 40 dpi, 26 at 100 dpi, from the
			// rasterizers' anti-aliasing. Poppler sets a glyph's baseline
			// on a whole pixel row and its origin on a quarter pixel; the
			// preview did not (baselines anywhere), and the densest pages
			// of text, such as the how-to's legend, differed by 8.7 at
			// 40 dpi. A bold word whose glyphs fall between pixels differs
			// by up to 43 at 100 dpi (« d’Aigrefeuille » on page 7, once
			// the web addresses went onto the phones' lines). A missing
			// pictogram makes a tile of 100 or more, a line of text half
			// a pixel off a mean of 2 or more.
			if d > 1.5 {
				t.Errorf("page %d at %g dpi: mean difference with pdftoppm %.2f/255 a channel, more than 1.5", i+1, dpi, d)
			}
			if tile > 50 {
				t.Errorf("page %d at %g dpi: the 8×8 tile at %v differs from pdftoppm by %.1f/255, more than 50", i+1, dpi, at, tile)
			}
		}
		t.Logf("%g dpi: mean over %d pages %.2f/255", dpi, pages, total/pages)
	}
}

// tileDiff cuts the images into n × n tiles and returns the largest
// difference of mean grey level between two tiles at the same place, and
// where it is. Anti-aliasing differences even out in a tile; a missing or
// misplaced item does not.
func tileDiff(a *image.RGBA, b image.Image, n int) (float64, image.Point) {
	var worst float64
	var at image.Point
	r := a.Bounds()
	for y0 := r.Min.Y; y0 < r.Max.Y; y0 += n {
		for x0 := r.Min.X; x0 < r.Max.X; x0 += n {
			var sa, sb float64
			tile := image.Rect(x0, y0, x0+n, y0+n).Intersect(r)
			for y := tile.Min.Y; y < tile.Max.Y; y++ {
				for x := tile.Min.X; x < tile.Max.X; x++ {
					sa += float64(color.GrayModel.Convert(a.At(x, y)).(color.Gray).Y)
					sb += float64(color.GrayModel.Convert(b.At(x, y)).(color.Gray).Y)
				}
			}
			if d := math.Abs(sa-sb) / float64(tile.Dx()*tile.Dy()); d > worst {
				worst, at = d, tile.Min
			}
		}
	}
	return worst, at
}

// meanDiff is the mean absolute difference of two images, per channel,
// out of 255.
func meanDiff(a *image.RGBA, b image.Image) float64 {
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := a.RGBAAt(x, y)
			br, bg, bb, _ := b.At(x, y).RGBA()
			sum += math.Abs(float64(c.R)-float64(br>>8)) + math.Abs(float64(c.G)-float64(bg>>8)) + math.Abs(float64(c.B)-float64(bb>>8))
		}
	}
	return sum / float64(3*r.Dx()*r.Dy())
}

// TestDevPreview writes the example guide as PDF and as PNG pages, to
// look at them: go test ./render/png -run DevPreview -apercu /tmp/apercu
func TestDevPreview(t *testing.T) {
	if *devDir == "" {
		t.Skip("no -apercu")
	}
	b := exampleBook(t, nil)
	var buf bytes.Buffer
	if err := pdf.Write(&buf, b, pdf.Options{Untagged: true}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(*devDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*devDir, "guide.pdf"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	paths, err := Write(*devDir, b, *devPages, *devDPI)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(len(b.Pages), "pages:", paths)
}

func BenchmarkPage(b *testing.B) {
	book := exampleBook(b, nil)
	for b.Loop() {
		if _, err := Page(book, 4, 60); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	book := exampleBook(b, nil)
	dir := b.TempDir()
	for b.Loop() {
		if _, err := Write(dir, book, 5, 100); err != nil {
			b.Fatal(err)
		}
	}
}
