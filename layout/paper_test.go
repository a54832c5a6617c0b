package layout_test

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"livret/guide"
	"livret/layout"
)

// unusedPages lists the pages of places that end with room for what opens
// the next one: its first block, from the first anchor of a place or a
// section at its top to the next anchor (or the end of the places), with
// the space it would need mid-page (the rule above a place, the gap above
// a section's heading).
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
	_, bottom := layout.Frame(g, th)
	var out []string
	for p := first; p < last; p++ {
		next := marks[p+1]
		if len(next) == 0 || headInBand(b.Pages[p+1], th) {
			continue // the rest of a place taller than a page; a section opening a page, its heading as the running head
		}
		slices.SortFunc(next, func(a, b mark) int { return cmp.Compare(a.y, b.y) })
		// The block that opens the next page: a section's heading with
		// its first place, or a place, to the next anchor.
		k := 1
		if next[0].section {
			k = 2
		}
		end := inkBottom(b.Pages[p+1], bottom)
		switch {
		case k < len(next):
			end = next[k].y
		case p+1 < last:
			continue // it may go on over the next page: a place taller than a page opens one
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

// headInBand tells whether a section's heading is the running head of
// the page (see sectionOpening): the section opens the page.
func headInBand(p *layout.Page, th layout.Theme) bool {
	for _, it := range p.Items {
		if tx, ok := it.(*layout.Text); ok && tx.Y < th.Format.Margin+th.Size && tx.Node() != nil && tx.Node().Role == "H1" {
			return true
		}
	}
	return false
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

// wrongPageNumbers lists the page numbers printed as links that are not
// the page where their anchor lands, and says so when there are none
// though some were wanted (a sommaire, an index).
func wrongPageNumbers(b *layout.Book, want bool) []string {
	var out []string
	checked := 0
	for i, p := range b.Pages {
		for _, it := range p.Items {
			tx, ok := it.(*layout.Text)
			if !ok || tx.Link == nil || tx.Link.Anchor == "" {
				continue
			}
			// A link says the page it gives (« …, page 22 »): the run
			// that ends with it prints it, « 22 », « , Agde 7 ».
			alt := strings.Fields(tx.Link.Alt)
			if len(alt) == 0 || !strings.HasSuffix(strings.TrimSpace(tx.S), alt[len(alt)-1]) {
				continue // the words of the link
			}
			n, err := strconv.Atoi(alt[len(alt)-1])
			if err != nil {
				continue
			}
			checked++
			if d, ok := b.Anchors[tx.Link.Anchor]; !ok || d.Page+1 != n {
				out = append(out, fmt.Sprintf("page %d: %q links to %s, on page %d", i+1, tx.S, tx.Link.Anchor, d.Page+1))
			}
		}
	}
	if want && checked == 0 {
		out = append(out, "no page number printed")
	}
	return out
}
