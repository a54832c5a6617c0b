package layout

import (
	"fmt"

	"livret/guide"
)

// DrawnAt lays out g in one pass that draws, from scratch (nothing kept
// from earlier passes), its page numbers those of the anchors in at: the
// book Guide must give when its passes settle on those pages.
func DrawnAt(g *guide.Guide, th Theme, at map[string]Dest) *Book {
	g, th = prepare(g, th)
	refs := map[string]int{}
	for a, d := range at {
		refs[a] = d.Page + 1
	}
	m := newMemo()
	if _, ok := at["notes"]; ok {
		m.settled = 1 // an odd count: the passes added the page of notes (see withNotes)
	}
	lc := newContext(th, refs, m)
	lc.footer, lc.words = pageNumber(g.Wording), g.Wording
	return lc.paginate(guideFlow(g)(lc))
}

// Frame is the top and bottom of the text on the pages of g laid out in
// th (see context.frame): below the page number too when it stands
// beside the running head (see Theme.folioAbove).
func Frame(g *guide.Guide, th Theme) (top, bottom float64) {
	_, th = prepare(g, th)
	return (&context{th: th}).frame()
}

// MapPageAnchor is the anchor of the page of map view i of m: the
// overview's, then its details' (see mapWords).
func MapPageAnchor(m *guide.Map, i int) string {
	if i == 0 {
		return m.Anchor
	}
	return detailAnchor(m, i)
}

// EntryLines is a measure of the entries of g as its guide lays them out
// in th: the height of an entry of section s, its rule and the air
// between its parts included, in lines of body text.
func EntryLines(g *guide.Guide, th Theme) func(s *guide.Section, e *guide.Entry) float64 {
	g, th = prepare(g, th)
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = g.Wording
	return func(s *guide.Section, e *guide.Entry) float64 {
		return height(lc.entry(e, &Node{}, lc.sectionEntry(s))) / th.body().Leading()
	}
}

// PrintFaults lists what breaks the large-print rules on the pages of b,
// the guide g laid out in th (see framedFaults).
func PrintFaults(b *Book, g *guide.Guide, th Theme) []string {
	_, bottom := Frame(g, th)
	var out []string
	for i, p := range b.Pages {
		for _, f := range framedFaults(b, p, bottom) {
			out = append(out, fmt.Sprintf("page %d: %s", i+1, f))
		}
	}
	return out
}

// framedFaults lists what breaks the large-print rules on a page of b
// whose frame ends at bottom: a text under 16 pt, off the page, in the
// margins or overlapping another (see printFaults), or a text of the
// flow below the frame, as springs shrunk too far would set it (the
// page's furniture, untagged, stands below it).
func framedFaults(b *Book, p *Page, bottom float64) []string {
	out := printFaults(b, p)
	for _, it := range p.Items {
		if tx, ok := it.(*Text); ok && tx.Node() != nil {
			if y := boxOf(tx).y1; y > bottom+0.01 {
				out = append(out, fmt.Sprintf("%q below the frame: %g > %g", tx.S, y, bottom))
			}
		}
	}
	return out
}

// PlacesLanding lays out g in th as Guide does, and tells where the
// anchors of its places land, their pages counted from the first of the
// places: as the book has them, the places a part set on its pages once
// for all passes (see placesPart), and as the paginator lands the same
// flow of sections placed plainly. It tells too where the last page of
// the places ends, in each, and whether that page is set with its
// springs shrunk.
func PlacesLanding(g *guide.Guide, th Theme) (parted, plain map[string]Dest, ends [2]float64, shrunk bool, err error) {
	g, th = prepare(g, th)
	flow := guideFlow(g)
	var pp *pagedPart
	b, err := settle(th, g.Wording, pageNumber(g.Wording), func(lc *context) []element {
		f := flow(lc)
		pp = lc.memo.places
		return f
	})
	if err != nil || pp == nil {
		return nil, nil, ends, false, err
	}
	lc := newContext(th, map[string]int{}, newMemo())
	lc.footer, lc.words = pageNumber(g.Wording), g.Wording
	var elems []element
	for k := range g.Sections {
		elems = append(elems, lc.section(g, &g.Sections[k], k == 0)...)
	}
	pg := lc.place(elems)
	first := g.Sections[0].Entries[0].Anchor
	start := b.Anchors[first].Page - pp.anchors[first].Page
	parted, plain = map[string]Dest{}, map[string]Dest{}
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			d := b.Anchors[e.Anchor]
			parted[e.Anchor] = Dest{Page: d.Page - start, Y: d.Y}
			plain[e.Anchor] = lc.anchors[e.Anchor]
		}
	}
	return parted, plain, [2]float64{pp.y, pg.y}, pp.pages[len(pp.pages)-1].ratio > 0, nil
}
