package picto

import (
	"image"
	"math"
	"slices"
	"testing"

	"golang.org/x/image/vector"
)

// wanted is every pictogram livret draws; what each says to a screen
// reader is the template's (see templates' TestIconAlts).
var wanted = []struct{ name string }{
	{"address"},
	{"appointment"},
	{"computer"},
	{"devices"},
	{"distance"},
	{"email"},
	{"family"},
	{"fees"},
	{"hearing"},
	{"help"},
	{"helpline"},
	{"hours"},
	{"info"},
	{"leisure"},
	{"paperwork"},
	{"people"},
	{"phone"},
	{"qr"},
	{"roaming"},
	{"security"},
	{"shopping"},
	{"translate"},
	{"understanding"},
	{"updated"},
	{"visibility"},
	{"walk-in"},
	{"website"},
	{"wheelchair"},
	{"work"},
}

func TestLookup(t *testing.T) {
	for _, w := range wanted {
		ic, ok := Lookup(w.name)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", w.name)
			continue
		}
		if ic.Name != w.name {
			t.Errorf("Lookup(%q) = %q", w.name, ic.Name)
		}
	}
	for _, name := range []string{"", "Address", "adresse", "zzz"} {
		if ic, ok := Lookup(name); ok || ic != nil {
			t.Errorf("Lookup(%q) = %v, %v; want nil, false", name, ic, ok)
		}
	}
}

func TestNames(t *testing.T) {
	var want []string
	for _, w := range wanted {
		want = append(want, w.name)
	}
	got := Names()
	if !slices.Equal(got, want) {
		t.Errorf("Names() = %q\nwant      %q", got, want)
	}
	got[0] = "changed"
	if Names()[0] != want[0] {
		t.Error("Names returns the package's own slice")
	}
}

// TestStructure checks the invariants renderers rely on: subpaths open with
// MoveTo, draw something and end with Close; every point is finite and lies
// in the box (Material Icons may touch its edges).
func TestStructure(t *testing.T) {
	for _, ic := range icons {
		if len(ic.Segments) == 0 {
			t.Errorf("%s: no segments", ic.Name)
			continue
		}
		open, drawn := false, false
		for i, s := range ic.Segments {
			switch s.Op {
			case MoveTo:
				if open {
					t.Errorf("%s: segment %d: MoveTo inside an open subpath", ic.Name, i)
				}
				open, drawn = true, false
			case LineTo, CubeTo:
				if !open {
					t.Errorf("%s: segment %d: %v outside a subpath", ic.Name, i, s.Op)
				}
				drawn = true
			case Close:
				if !open || !drawn {
					t.Errorf("%s: segment %d: Close without a drawn subpath", ic.Name, i)
				}
				open = false
			default:
				t.Errorf("%s: segment %d: unknown op %v", ic.Name, i, s.Op)
			}
			for _, p := range s.P[:s.Op.points()] {
				if !(p.X >= -0.5 && p.X <= Size+0.5 && p.Y >= -0.5 && p.Y <= Size+0.5) {
					t.Errorf("%s: segment %d: point %v outside the box", ic.Name, i, p)
				}
			}
		}
		if open {
			t.Errorf("%s: last subpath not closed", ic.Name)
		}
	}
}

// rasterize fills the icon at px × px pixels with the nonzero rule, as the
// PDF operator f does.
func rasterize(ic *Icon, px int) *image.Alpha {
	z := vector.NewRasterizer(px, px)
	for _, s := range ic.Transform(0, 0, float64(px)) {
		p := s.P
		switch s.Op {
		case MoveTo:
			z.MoveTo(float32(p[0].X), float32(p[0].Y))
		case LineTo:
			z.LineTo(float32(p[0].X), float32(p[0].Y))
		case CubeTo:
			z.CubeTo(float32(p[0].X), float32(p[0].Y), float32(p[1].X), float32(p[1].Y), float32(p[2].X), float32(p[2].Y))
		case Close:
			z.ClosePath()
		}
	}
	dst := image.NewAlpha(image.Rect(0, 0, px, px))
	z.Draw(dst, dst.Bounds(), image.Opaque, image.Point{})
	return dst
}

// TestCoverage checks every icon paints a reasonable share of its box: an
// inverted hole or a lost subpath moves it out of range.
func TestCoverage(t *testing.T) {
	for _, ic := range icons {
		img := rasterize(&ic, 96)
		sum := 0
		for _, a := range img.Pix {
			sum += int(a)
		}
		cov := float64(sum) / (255 * 96 * 96)
		if cov < 0.05 || cov > 0.80 {
			t.Errorf("%s: coverage %.1f %%, want 5–80 %%", ic.Name, cov*100)
		}
	}
}

// TestHoles samples points that must be ink or paper, in box units: holes
// come from subpaths turning the other way, circles and arcs included.
func TestHoles(t *testing.T) {
	tests := []struct {
		name string
		x, y float64
		ink  bool
		what string
	}{
		{"address", 12, 9, false, "centre of the pin's ring"},
		{"address", 12, 4, true, "ring above the centre"},
		{"address", 12, 18, true, "point of the pin"},
		{"computer", 12, 11, false, "inside of the screen"},
		{"computer", 3, 11, true, "left frame of the screen"},
		{"computer", 12, 19, true, "base"},
		{"visibility", 12, 12, true, "pupil"},
		{"visibility", 12, 8, false, "iris ring between pupil and eye"},
		{"visibility", 4, 12, true, "white of the eye"},
		{"hours", 7, 12, false, "face of the clock"},
		{"hours", 12, 2.5, true, "rim of the clock"},
		{"hours", 11.75, 10, true, "hour hand"},
		{"info", 8, 12, true, "disc"},
		{"info", 12, 14, false, "stem of the i, cut out of the disc"},
		{"wheelchair", 12, 4, true, "head (a circle element)"},
		{"wheelchair", 10, 17, false, "inside of the wheel"},
		{"security", 12, 18, true, "shield"},
		{"security", 13.4, 11.65, false, "check mark, cut out of the shield"},
		{"help", 7, 16, true, "disc"},
		{"help", 12, 18, false, "dot of the question mark, cut out of the disc"},
	}
	for _, tt := range tests {
		ic, ok := Lookup(tt.name)
		if !ok {
			t.Fatalf("no icon %q", tt.name)
		}
		img := rasterize(ic, 96)
		a := img.AlphaAt(int(tt.x*4), int(tt.y*4)).A
		if tt.ink && a != 255 || !tt.ink && a != 0 {
			t.Errorf("%s, %s (%v, %v): alpha %d, want ink %v", tt.name, tt.what, tt.x, tt.y, a, tt.ink)
		}
	}
}

func TestTransform(t *testing.T) {
	ic := &Icon{Segments: []Segment{
		{MoveTo, [3]Point{{0, 0}}},
		{LineTo, [3]Point{{24, 12}}},
		{CubeTo, [3]Point{{6, 6}, {12, 24}, {0, 24}}},
		{Op: Close},
	}}
	got := ic.Transform(100, 200, 48)
	want := []Segment{
		{MoveTo, [3]Point{{100, 200}}},
		{LineTo, [3]Point{{148, 224}}},
		{CubeTo, [3]Point{{112, 212}, {124, 248}, {100, 248}}},
		{Op: Close},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Transform = %v\nwant        %v", got, want)
	}
	if ic.Segments[1].P[0] != (Point{24, 12}) {
		t.Error("Transform modified the icon")
	}
	// Real icons scale without distortion: the address pin spans x 5–19.
	addr, _ := Lookup("address")
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, s := range addr.Transform(10, 0, 12) {
		for _, p := range s.P[:s.Op.points()] {
			minX, maxX = min(minX, p.X), max(maxX, p.X)
		}
	}
	if minX != 12.5 || maxX != 19.5 {
		t.Errorf("address scaled to 12 at x=10 spans %v–%v, want 12.5–19.5", minX, maxX)
	}
}

func TestOpString(t *testing.T) {
	for op, want := range map[Op]string{MoveTo: "MoveTo", LineTo: "LineTo", CubeTo: "CubeTo", Close: "Close", 9: "Op(9)"} {
		if got := op.String(); got != want {
			t.Errorf("Op(%d).String() = %q, want %q", op, got, want)
		}
	}
}
