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
