package main

import (
	"slices"
	"testing"
)

// TestSimplifyKeepsSharedBorders simplifies two communes whose common
// border wiggles by less than the tolerance, beside a third one: the
// wiggles go, the border stays the same on both sides, and the points
// where three communes meet stay.
func TestSimplifyKeepsSharedBorders(t *testing.T) {
	// Units of 1e-5 degree: about 1.1 m of latitude. The border runs
	// from (1000, 0) to (1000, 2000), wiggling 10 units (8 m) aside.
	border := []vertex{{1000, 0}, {1010, 500}, {1000, 1000}, {990, 1500}, {1000, 2000}}
	west := ring{{0, 0}}
	west = append(west, border...)
	west = append(west, vertex{0, 2000})
	east := slices.Clone(border)
	slices.Reverse(east)
	east = append(ring{{2000, 2000}, {2000, 0}}, east...)
	// A third commune touching both at (1000, 2000): a junction.
	north := ring{{0, 2000}, {1000, 2000}, {2000, 2000}, {1000, 3000}}
	outlines := map[string][]ring{"A": {west}, "B": {east}, "C": {north}}
	simplify(outlines)

	shared := func(r ring) []vertex {
		var out []vertex
		for _, v := range r {
			if v.x == 1000 || slices.Contains(border, v) {
				out = append(out, v)
			}
		}
		slices.SortFunc(out, vertex.less)
		return out
	}
	a, b := shared(outlines["A"][0]), shared(outlines["B"][0])
	if !slices.Equal(a, b) {
		t.Errorf("common border differs: %v and %v", a, b)
	}
	if want := []vertex{{1000, 0}, {1000, 2000}}; !slices.Equal(a, want) {
		t.Errorf("common border = %v, want the wiggles gone: %v", a, want)
	}
	if !slices.Contains(outlines["C"][0], vertex{1000, 2000}) {
		t.Errorf("the junction (1000, 2000) left C: %v", outlines["C"][0])
	}
}

func TestDissolve(t *testing.T) {
	// Three squares in an L: one ring of 8 corners (and the 2 points
	// where the squares met on the outside), no inner border.
	sq := func(x, y int64) ring {
		return ring{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}}
	}
	got := dissolve([]ring{sq(0, 0), sq(1, 0), sq(0, 1)})
	if len(got) != 1 || len(got[0]) != 8 {
		t.Fatalf("dissolve = %v, want one ring of 8 vertices", got)
	}
	for _, v := range got[0] {
		if v == (vertex{1, 1}) {
			continue // the inner corner of the L is on the outline
		}
		if v.x > 0 && v.x < 2 && v.y > 0 && v.y < 2 {
			t.Errorf("vertex %v inside the union", v)
		}
	}
	// Rings that do not touch stay apart.
	if got := dissolve([]ring{sq(0, 0), sq(5, 5)}); len(got) != 2 {
		t.Errorf("dissolve of two apart = %d rings, want 2", len(got))
	}
}
