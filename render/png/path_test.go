package png

import (
	"image/color"
	"testing"

	"livret/layout"
)

// TestPath draws a filled square with a hole turning the other way, and
// a stroked line: the fill follows the nonzero rule, the line is as wide
// as asked, and its ends reach the points given.
func TestPath(t *testing.T) {
	red, blue := layout.Color{R: 200}, layout.Color{B: 200}
	b := &layout.Book{Width: 200, Height: 200, Pages: []*layout.Page{{Items: []layout.Item{
		&layout.Path{Closed: true, Fill: &red, Lines: [][]layout.Pt{
			{{X: 20, Y: 20}, {X: 100, Y: 20}, {X: 100, Y: 100}, {X: 20, Y: 100}},
			{{X: 40, Y: 40}, {X: 40, Y: 80}, {X: 80, Y: 80}, {X: 80, Y: 40}}, // hole
		}},
		&layout.Path{Stroke: &blue, Width: 4, Lines: [][]layout.Pt{{{X: 120, Y: 150}, {X: 180, Y: 150}}}},
	}}}}
	img, err := Page(b, 0, 144)
	if err != nil {
		t.Fatal(err)
	}
	at := func(x, y float64) color.RGBA { return img.RGBAAt(int(x*2), int(y*2)) }
	white := color.RGBA{255, 255, 255, 255}
	for _, tc := range []struct {
		what string
		x, y float64
		want color.RGBA
	}{
		{"fill", 30, 30, color.RGBA{200, 0, 0, 255}},
		{"hole", 60, 60, white},
		{"outside", 110, 60, white},
		{"line", 150, 150.5, color.RGBA{0, 0, 200, 255}},
		{"line, near its edge", 150, 151.5, color.RGBA{0, 0, 200, 255}},
		{"beside the line", 150, 154, white},
		{"line, its end", 179.5, 150.5, color.RGBA{0, 0, 200, 255}},
	} {
		if got := at(tc.x, tc.y); got != tc.want {
			t.Errorf("%s (%g, %g): %v, want %v", tc.what, tc.x, tc.y, got, tc.want)
		}
	}
}
