package layout

import (
	"testing"

	"livret/internal/fixtures"
)

// TestSettleWithoutAnchors lays out a flow without anchors: the first
// pass, which draws nothing, settles at once, and the book is still drawn.
func TestSettleWithoutAnchors(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	passes := 0
	b, err := settle(th, fixtures.Wording(), pageNumber(fixtures.Wording()), func(lc *context) []element {
		passes++
		return []element{box{height: 20, draw: func(p *pageWriter, x, y float64) {
			p.add(&Rect{X: x, Y: y, W: 10, H: 20})
		}}}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 1 || len(b.Pages[0].Items) != 1 {
		t.Fatalf("%d pages, want 1 holding the box", len(b.Pages))
	}
	if passes != 2 {
		t.Errorf("%d passes, want 2: one that finds the anchors, one that draws", passes)
	}
}

// TestNotesDecidedOnce checks that the page of notes is decided on the
// first pass that prints page numbers, once for all: a later pass whose
// count would ask for it must not cost a pass more, which left the
// passes without a book when the anchors settled on the fifth.
func TestNotesDecidedOnce(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	// The page of the anchor and the count of pages of each pass: even
	// counts until the anchors settle, on a pass of an odd count.
	script := []struct{ anchor, pages int }{{1, 2}, {2, 4}, {3, 4}, {4, 4}, {4, 5}, {4, 5}}
	passes := 0
	_, err = settle(th, fixtures.Wording(), pageNumber(fixtures.Wording()), func(lc *context) []element {
		s := script[min(passes, len(script)-1)]
		passes++
		if lc.memo.settled == 0 {
			lc.recount = func(pages int) bool { return pages%2 != 0 } // as withNotes asks
		}
		var flow []element
		for p := 1; p <= s.pages; p++ {
			if p > 1 {
				flow = append(flow, newPage{})
			}
			b := box{height: 20, draw: func(*pageWriter, float64, float64) {}}
			if p == s.anchor {
				b.anchor = "a"
			}
			flow = append(flow, b)
		}
		return flow
	})
	if err != nil {
		t.Fatalf("%v after %d passes", err, passes)
	}
	if passes != 5 {
		t.Errorf("%d passes, want 5", passes)
	}
}
