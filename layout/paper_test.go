package layout_test

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
)

// paperGuides are the real territories the tests of paper lay out.
func paperGuides() []struct {
	name string
	g    func(t *testing.T) *guide.Guide
} {
	national := fixtures.National
	charente := fixtures.Path("testdata/donnees/charente-hybride-v1-2024-09-12.json")
	return []struct {
		name string
		g    func(t *testing.T) *guide.Guide
	}{
		{"Hérault", func(t *testing.T) *guide.Guide { return realGuide(t, national, "34", "", guide.ByCommune) }},
		{"Isère", func(t *testing.T) *guide.Guide { return realGuide(t, national, "38", "", guide.ByCommune) }},
		{"Isère par service", func(t *testing.T) *guide.Guide { return realGuide(t, national, "38", "", guide.ByService) }},
		{"Charente", func(t *testing.T) *guide.Guide { return realGuide(t, charente, "16", "", guide.ByCommune) }},
	}
}

// paperSizes are the sizes and formats they are laid out in.
var paperSizes = []struct {
	format layout.Format
	size   float64
}{{layout.A4, 16}, {layout.A4, 18}, {layout.A4, 24}, {layout.A5, 18}}

// TestPlacePagesUsed checks that a page of places ends only where what
// opens the next page would not have held on it: the heading of a commune
// with its first place, or the next place. Headings kept with what
// follows, places never cut, must not end pages early (a third of many A4
// pages was left empty so), nor leave a heading stranded.
func TestPlacePagesUsed(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: four real territories in four sizes")
	}
	for _, gc := range paperGuides() {
		g := gc.g(t)
		for _, tc := range paperSizes {
			t.Run(fmt.Sprintf("%s %s %g pt", gc.name, tc.format.Name, tc.size), func(t *testing.T) {
				th, _ := layout.DefaultTheme()
				th.Format, th.Size = tc.format, tc.size
				b, err := layout.Guide(g, th)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range strandedHeadings(b) {
					t.Error(s)
				}
				for _, s := range unusedPages(b, g, th) {
					t.Error(s)
				}
			})
		}
	}
}

// unusedPages lists the pages of places that end with room for what opens
// the next one: its first block, from the first anchor of a place or a
// section at its top to the next anchor (or the end of what the page
// holds), with the space it would need mid-page (the rule above a place,
// the gap above a section's heading).
func unusedPages(b *layout.Book, g *guide.Guide, th layout.Theme) []string {
	type mark struct {
		y       float64
		section bool
	}
	marks := make([][]mark, len(b.Pages))
	for a, d := range b.Anchors {
		if strings.HasPrefix(a, "lieu-") || strings.HasPrefix(a, "section-") {
			marks[d.Page] = append(marks[d.Page], mark{d.Y, strings.HasPrefix(a, "section-")})
		}
	}
	first := b.Anchors[g.Sections[0].Anchor].Page
	last := first
	for _, s := range g.Sections {
		last = max(last, b.Anchors[s.Anchor].Page)
	}
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			last = max(last, b.Anchors[e.Anchor].Page)
		}
	}
	bottom := th.Format.Height - th.Format.Margin - 2.25*th.Size // the frame's (see context.frame)
	var out []string
	for p := first; p < last; p++ {
		next := marks[p+1]
		if len(next) == 0 {
			continue // the rest of a place taller than a page
		}
		slices.SortFunc(next, func(a, b mark) int { return cmp.Compare(a.y, b.y) })
		// The block that opens the next page: a section's heading with
		// its first place, or a place, to the next anchor.
		k := 1
		if next[0].section {
			k = 2
		}
		end := inkBottom(b.Pages[p+1], bottom)
		if k < len(next) {
			end = next[k].y
		}
		need := end - next[0].y + 0.75*th.Size // the rule, or the gap, above it
		room := bottom - inkBottom(b.Pages[p], bottom)
		if need+th.Size < room {
			out = append(out, fmt.Sprintf("page %d ends %.0f %% empty, with room (%.0f) for what opens page %d (%.0f)",
				p+1, 100*room/(bottom-th.Format.Margin), room, p+2, need))
		}
	}
	return out
}

// inkBottom is how far down the content of a page goes, above limit.
func inkBottom(p *layout.Page, limit float64) float64 {
	y := 0.0
	for _, it := range p.Items {
		switch it := it.(type) {
		case *layout.Text:
			if it.Node() != nil && it.Y < limit {
				y = max(y, it.Y+it.Face.Descent(it.Size))
			}
		case *layout.QR:
			y = max(y, it.Y+it.Size)
		case *layout.Icon:
			if it.Node() != nil {
				y = max(y, it.Y+it.Size)
			}
		}
	}
	return y
}

// TestIndexPageNumbers checks, on real territories, that every page
// number the sommaire and the indexes print is the page where what it
// links to lands: « Agde 7 » in a line of places of one name, « pages 7 à
// 36 » by need, the commune's page, the sommaire's parts.
func TestIndexPageNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: four real territories in four sizes")
	}
	for _, gc := range paperGuides() {
		g := gc.g(t)
		for _, tc := range paperSizes {
			t.Run(fmt.Sprintf("%s %s %g pt", gc.name, tc.format.Name, tc.size), func(t *testing.T) {
				th, _ := layout.DefaultTheme()
				th.Format, th.Size = tc.format, tc.size
				b, err := layout.Guide(g, th)
				if err != nil {
					t.Fatal(err)
				}
				checked := 0
				for i, p := range b.Pages {
					for _, it := range p.Items {
						tx, ok := it.(*layout.Text)
						if !ok || tx.Link == nil || tx.Link.Anchor == "" {
							continue
						}
						// The number ends the run: « 22 », « , Agde 7 ».
						s := strings.TrimSpace(tx.S)
						s = s[strings.LastIndexAny(s, " \u00a0")+1:]
						n, err := strconv.Atoi(s)
						if err != nil || n > len(b.Pages) {
							continue // words of a link, or a postal code in a title
						}
						checked++
						if d, ok := b.Anchors[tx.Link.Anchor]; !ok || d.Page+1 != n {
							t.Errorf("page %d: %q links to %s, on page %d", i+1, tx.S, tx.Link.Anchor, d.Page+1)
						}
					}
				}
				if want := len(g.Sections); checked < want {
					t.Errorf("%d page numbers checked, want at least %d", checked, want)
				}
			})
		}
	}
}
