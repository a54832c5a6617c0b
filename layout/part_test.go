package layout

import (
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestPlacesPagedOnce: the places are set on pages and drawn in the first
// pass only, a lot of them at a time. The passes after put the same pages
// back, with no laid-out entry left in the memo, and the book is the one
// made by setting the places on pages again in every pass, all at once.
func TestPlacesPagedOnce(t *testing.T) {
	g := sampleGuide(400)
	// Entries that tell the pass something, as laid out (a character the
	// faces lack) and as paginated (an entry taller than a page).
	g.Sections[0].Entries[2].Name += " \u4e2d"
	g.Sections[1].Entries[1].Hours.Lines = slices.Repeat([]string{"lundi : 9 h – 12 h et 14 h – 18 h"}, 60)
	// A running head the section gives a short form of.
	s := &g.Sections[1]
	s.Title, s.Short = strings.Repeat("Saint-Barthélemy-de-Bellegarde ", 3), "St-Barthélemy"
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	g, th = prepare(g, th)
	flow := guideFlow(g)
	defer func(n int) { placesLot = n }(placesLot)
	placesLot = 5
	var held []int
	var parts []*pagedPart
	once, err := settle(th, g.Wording, pageNumber(g.Wording), func(lc *context) []element {
		f := flow(lc)
		held, parts = append(held, len(lc.memo.entries)), append(parts, lc.memo.places)
		return f
	})
	if err != nil {
		t.Fatal(err)
	}
	placesLot = len(g.Sections) * 1000
	again, err := settle(th, g.Wording, pageNumber(g.Wording), func(lc *context) []element {
		lc.memo.places = nil // set on pages again
		return flow(lc)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(held) < 2 || parts[0] == nil {
		t.Fatalf("%d passes, places kept: %t; want a guide of several passes, its places kept", len(held), parts[0] != nil)
	}
	for i := range held {
		if held[i] != 0 || parts[i] != parts[0] {
			t.Errorf("pass %d: %d laid-out entries held, places set on pages anew: %t", i, held[i], parts[i] != parts[0])
		}
	}
	if !strings.Contains(dumpBook(once), `"St-Barthélemy"`) {
		t.Error("the short running head is not printed")
	}
	if len(once.Warnings) < 2 {
		t.Errorf("warnings %q, want the missing character's and the continuation's", once.Warnings)
	}
	if a, b := dumpBook(once), dumpBook(again); a != b {
		x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range min(len(x), len(y)) {
			if x[i] != y[i] {
				t.Fatalf("line %d differs from places set on pages in every pass:\n%s\n%s", i, x[i], y[i])
			}
		}
		t.Fatalf("%d lines, %d with places set on pages in every pass", len(x), len(y))
	}
}

// TestNodeSize: a national guide holds a million structure elements, from
// the first pass to the last page drawn: each takes 64 bytes, a size
// class of the allocator, not 80.
func TestNodeSize(t *testing.T) {
	if n := unsafe.Sizeof(Node{}); n != 64 {
		t.Errorf("a Node takes %d bytes, want 64", n)
	}
}
