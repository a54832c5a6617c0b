package png

import (
	"image"
	"math"
	"testing"

	"livret/fonts"
	"livret/layout"
)

// FuzzPage draws a page of items placed, sized and worded at random, at
// any resolution and page size: the preview refuses what it cannot draw
// with a French error, or gives an image of the page's size; it never
// crashes, whatever the layout handed it.
func FuzzPage(f *testing.F) {
	f.Add(50.0, 60.0, 72.0, 5.0, 5.0, 18.0, 20.0, "Médiathèque", uint8(3))
	f.Add(1e5, 1e5, 72.0, 0.0, 0.0, 0.0, 0.0, "", uint8(0))
	f.Add(100.0, 100.0, 600.0, -1e300, 1e300, 1e9, -5.0, "\u202e\x00\uFFFD", uint8(255))
	f.Add(math.NaN(), 10.0, 72.0, math.Inf(1), 0.0, math.NaN(), 1.0, "x", uint8(7))
	fam, err := fonts.Lookup("luciole")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, w, h, dpi, x, y, size, side float64, s string, modules uint8) {
		qr := make([][]bool, modules%40)
		for i := range qr {
			qr[i] = make([]bool, int(modules)%40)
			for j := range qr[i] {
				qr[i][j] = (i*j+int(modules))%3 == 0
			}
		}
		b := &layout.Book{Width: w, Height: h, Pages: []*layout.Page{{Items: []layout.Item{
			&layout.Rect{X: x, Y: y, W: side, H: side, Radius: side / 4, Fill: layout.Ivory},
			&layout.Icon{X: x, Y: y, Size: side, Name: "address"},
			&layout.QR{X: x, Y: y, Size: side, Modules: qr},
			&layout.Text{X: x, Y: y, Face: fam.Regular, Size: size, S: s},
		}}}}
		img, err := Page(b, 0, dpi)
		if err != nil {
			return
		}
		scale := dpi / 72
		want := image.Rect(0, 0, int(math.Ceil(w*scale-1e-6)), int(math.Ceil(h*scale-1e-6)))
		if img.Bounds() != want {
			t.Fatalf("page %g × %g at %g dpi: image %v, want %v", w, h, dpi, img.Bounds(), want)
		}
	})
}
