package layout_test

import (
	"fmt"
	"reflect"
	"testing"

	"livret/layout"
)

// TestSettledIsDrawnAfresh checks that what the passes keep from one to
// the next (laid-out entries, index lines, line breaks) and the drawing
// of the last pass only, once it is known to be the last, change nothing:
// the book is the one a single pass draws from scratch with the page
// numbers the passes settled on, item for item, with the same structure.
func TestSettledIsDrawnAfresh(t *testing.T) {
	cases := []struct {
		name   string
		format layout.Format
		size   float64
	}{
		{"Hérault", layout.A4, 18},
		{"Isère par service", layout.A5, 24},
		// The page number beside the running head (see Theme.folioAbove).
		{"Marseille", layout.A5, 18},
		{"Marseillan", layout.A4, 16},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %s %g pt", tc.name, tc.format.Name, tc.size), func(t *testing.T) {
			g := realTerritory(t, tc.name)
			b, th := laidOut(t, g, tc.format, tc.size)
			fresh := layout.DrawnAt(g, th, b.Anchors)
			if len(b.Pages) != len(fresh.Pages) {
				t.Fatalf("%d pages, %d drawn afresh", len(b.Pages), len(fresh.Pages))
			}
			for i := range b.Pages {
				if !reflect.DeepEqual(b.Pages[i], fresh.Pages[i]) {
					t.Fatalf("page %d differs from the page drawn afresh", i+1)
				}
			}
			if !reflect.DeepEqual(b.Anchors, fresh.Anchors) {
				t.Error("the anchors differ from those drawn afresh")
			}
			if !reflect.DeepEqual(b.Structure, fresh.Structure) {
				t.Error("the structure differs from the one drawn afresh")
			}
			if !reflect.DeepEqual(b.Warnings, fresh.Warnings) {
				t.Errorf("warnings %q, drawn afresh %q", b.Warnings, fresh.Warnings)
			}
		})
	}
}
