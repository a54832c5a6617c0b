package layout_test

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"livret/layout"
)

// TestRealMapsNeverOverlap lays out the maps of real territories, crowded
// (Marseille, Montpellier in Hérault) or spread, at every size and
// format: on every map page no marker overlaps another or a frame's
// label; every place of the map is drawn once, on one of the map pages;
// every label leads to a map page; the map pages stay few; and the maker
// is warned of no crowded marker.
func TestRealMapsNeverOverlap(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: real territories laid out at every size")
	}
	guides := []string{"Marseille", "Hérault", "Isère par service", "Charente"}
	page := regexp.MustCompile(`(\d+)$`)
	for _, name := range guides {
		g := realTerritory(t, name)
		if g.Map == nil {
			t.Fatalf("%s: no map", name)
		}
		for _, tc := range []struct {
			format layout.Format
			size   float64
		}{{layout.A4, 16}, {layout.A4, 18}, {layout.A4, 24}, {layout.A5, 16}, {layout.A5, 18}, {layout.A5, 24}} {
			t.Run(fmt.Sprintf("%s %s %g pt", name, tc.format.Name, tc.size), func(t *testing.T) {
				b, th := laidOut(t, g, tc.format, tc.size)
				for _, w := range b.Warnings {
					if strings.HasPrefix(w, "carte") {
						t.Error(w)
					}
				}
				mapPages := map[int]bool{}
				for i := 0; ; i++ {
					d, ok := b.Anchors[layout.MapPageAnchor(g.Map, i)]
					if !ok {
						break
					}
					mapPages[d.Page] = true
				}
				if most := 4 + len(g.Map.Markers)/6; len(mapPages) > most {
					t.Errorf("%d map pages for %d places, want at most %d", len(mapPages), len(g.Map.Markers), most)
				}
				drawn := map[string]int{}
				for p := range mapPages {
					var discs, labels []*layout.Rect
					for _, it := range b.Pages[p].Items {
						if it.Node() == nil || it.Node().Role != "Figure" {
							continue
						}
						switch it := it.(type) {
						case *layout.Rect:
							if it.Fill == th.Accent && it.W == it.H && it.Radius == it.W/2 {
								discs = append(discs, it)
							} else if it.Fill == th.Accent && it.Radius > 0 {
								labels = append(labels, it)
							}
						case *layout.Text:
							if it.Color == layout.White {
								drawn[it.S]++
							} else if m := page.FindStringSubmatch(it.S); m != nil && strings.Contains(g.Map.ZonePage, "{page}") && it.Color == th.Accent {
								n, _ := strconv.Atoi(m[1])
								if !mapPages[n-1] {
									t.Errorf("page %d: %q leads to no map page", p+1, it.S)
								}
							}
						}
					}
					for i, a := range discs {
						for _, o := range discs[i+1:] {
							if math.Hypot(a.X+a.W/2-o.X-o.W/2, a.Y+a.H/2-o.Y-o.H/2) < (a.W+o.W)/2 {
								t.Errorf("page %d: markers at (%.0f, %.0f) and (%.0f, %.0f) overlap", p+1, a.X, a.Y, o.X, o.Y)
							}
						}
						cx, cy := a.X+a.W/2, a.Y+a.H/2
						for _, l := range labels {
							nx, ny := max(l.X, min(cx, l.X+l.W)), max(l.Y, min(cy, l.Y+l.H))
							if math.Hypot(cx-nx, cy-ny) < a.W/2 {
								t.Errorf("page %d: marker at (%.0f, %.0f) under a frame's label", p+1, a.X, a.Y)
							}
						}
					}
				}
				for _, mk := range g.Map.Markers {
					if drawn[mk.Number] != 1 {
						t.Errorf("place %s drawn %d times on the maps", mk.Number, drawn[mk.Number])
					}
				}
				t.Logf("%d map pages for %d places", len(mapPages), len(g.Map.Markers))
			})
		}
	}
}
