package layout_test

import (
	"testing"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
)

// TestNeedPictograms: on real data, each part by need of a guide by
// service has its service's pictogram beside its heading, and each line of
// the index by need beside its need, with the alternative text the
// template gives the pictogram (here changed, to see that it is the one
// printed).
func TestNeedPictograms(t *testing.T) {
	for _, tc := range []struct {
		name  string
		by    guide.Grouping
		role  string // the element the pictogram's Figure is in
		lines func(g *guide.Guide) []string
	}{
		{"par service", guide.ByService, "H1", func(g *guide.Guide) (icons []string) {
			for _, ix := range g.ByNeed {
				icons = append(icons, ix.Icon)
			}
			return icons
		}},
		{"index par besoin", guide.ByCommune, "LBody", func(g *guide.Guide) (icons []string) {
			for _, l := range g.Needs.Lines {
				icons = append(icons, l.Icon)
			}
			return icons
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := realGuide(t, fixtures.National, "38", "", tc.by)
			g.Wording.Alt.Icons.Paperwork = "Pictogramme des démarches"
			want := map[string]int{}
			for _, icon := range tc.lines(g) {
				if icon != "" {
					want[g.Wording.Alt.Icons.Of(icon)]++
				}
			}
			if len(want) < 3 || want["Pictogramme des démarches"] != 1 {
				t.Fatalf("needs with pictograms: %v", want)
			}
			b, _ := laidOut(t, g, layout.A4, layout.DefaultSize)
			got := map[string]int{}
			var walk func(n *layout.Node)
			walk = func(n *layout.Node) {
				for _, k := range n.Kids {
					if k.Role == "Figure" && n.Role == tc.role {
						got[k.Alt]++
					}
					walk(k)
				}
			}
			walk(b.Structure)
			for alt, n := range want {
				if got[alt] < n {
					t.Errorf("%d figures %q in a %s, want %d", got[alt], alt, tc.role, n)
				}
			}
		})
	}
}
