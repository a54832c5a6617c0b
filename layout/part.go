package layout

import (
	"maps"
	"slices"

	"livret/guide"
)

// The places of a guide paginate the same way in every pass: they open a
// page, and nothing in them depends on a page number. So they are set on
// pages and drawn once, in the first pass, and later passes put those
// pages back where the places begin: the laid-out entries of a national
// guide, hundreds of megabytes, are let go of page by page as drawn, not
// kept for every pass, and the passes do not place them again.

// part is a run of the flow set on its pages ahead (see placesPart): it
// opens a page, as newPage does.
type part struct{ p *pagedPart }

// pagedPart is a part set on its pages, with what it tells the pass that
// puts it back.
type pagedPart struct {
	pages []*pageWriter
	// inherit tells, for each page, that its running head is the one
	// the flow brings to the part.
	inherit []bool
	mark    string // the running head a box of the part set last, which goes on after it
	anchors map[string]Dest
	kids    []*Node  // what the part adds to the root of the structure
	told    []string // the warnings of its laying out…
	placing []string // …and of its pagination
	missing []rune
	heads   map[string]string // the short running heads it gives
	y       float64           // where the last page ends, and what stays with what follows
	kept    bool
	fresh   bool
}

// placesPart is the part of the places of g: set on pages the first time a
// pass asks for it, put back as it is in the passes after.
func (lc *context) placesPart(g *guide.Guide) part {
	m := lc.memo
	if m.places == nil {
		m.places = lc.pagePlaces(g)
	}
	pp := m.places
	lc.root.Kids = append(lc.root.Kids, pp.kids...)
	for _, w := range pp.told {
		lc.warn(w)
	}
	for _, r := range pp.missing {
		lc.missing[r] = true
	}
	maps.Copy(lc.shortHeads, pp.heads)
	return part{pp}
}

// pagePlaces lays out the places of g, then sets them on pages of their
// own and draws them, letting go of each entry as its page is drawn. They
// go a few hundred at a time, whole sections, each lot laid out on every
// core ahead of the pagination, which only one core can do (see
// layPlacesAhead).
func (lc *context) pagePlaces(g *guide.Guide) *pagedPart {
	root, warnings, missing, heads := lc.root, lc.warnings, lc.missing, lc.shortHeads
	lc.root, lc.missing, lc.shortHeads = &Node{}, map[rune]bool{}, map[string]string{}
	defer func() { lc.root, lc.warnings, lc.missing, lc.shortHeads = root, warnings, missing, heads }()
	pp := &pagedPart{anchors: map[string]Dest{}}
	top, bottom := lc.frame()
	pg := &paginator{lc: lc, top: top, bottom: bottom, x: lc.th.Format.Margin, limit: 1, anchors: pp.anchors, part: pp}
	pg.rule = pg.drawRule
	pg.startPage(false)
	lc.layPlacesAhead(g) // unless the pass began it
	a := lc.memo.ahead
	for _, l := range a.lots {
		lc.memo.hold(l.keys, <-a.laid)
		// What a lot tells as laid out comes before what it tells as
		// paginated, as if the places were laid out all before.
		lc.warnings = pp.told
		var elems []element
		for k := l.lo; k < l.hi; k++ {
			elems = append(elems, lc.section(g, &g.Sections[k], k == 0)...)
		}
		clear(lc.memo.entries) // elems hold them now, until placed
		// A section ends with an entry, never with a box that looks
		// ahead to what follows it: the lots are paginated as one flow.
		pp.told, lc.warnings = lc.warnings, pp.placing
		pg.limit += pageLimit(elems) - 1
		pg.flow(elems, true)
		pp.placing = lc.warnings
	}
	lc.memo.ahead = nil // all taken
	// The last page is whole: as startPage does for the others, its
	// anchors move up as its springs shrink, and y is where it ends,
	// shrunk, before it is drawn.
	pg.finish()
	pg.cur.draw()
	pp.pages, pp.kids, pp.heads, pp.missing = pg.pages, lc.root.Kids, lc.shortHeads, slices.Sorted(maps.Keys(lc.missing))
	pp.y, pp.kept, pp.fresh = pg.y, pg.kept, pg.fresh
	pp.mark = pg.mark
	// The line breaks of the entries serve no later pass.
	lc.memo.breaks = map[string]breaks{}
	return pp
}

// placesAhead lays out the lots of places of a guide, in order, on every
// core, up to lotsAhead lots ahead of the pagination: begun with the first
// pass, it works while the pass sets on one core what comes before the
// places (cover, how-to, sommaire, map), then while it paginates.
type placesAhead struct {
	lots []placeLot
	laid chan []laidEntry // the entries of each lot, in order
	stop chan struct{}    // closed when the passes end, should the first fail
}

// lotsAhead is how many lots may be laid out and not yet paginated.
const lotsAhead = 3

// layPlacesAhead begins laying out the places of g, in the first pass.
func (lc *context) layPlacesAhead(g *guide.Guide) {
	m := lc.memo
	if m.places != nil || m.ahead != nil || len(g.Sections) == 0 {
		return
	}
	a := &placesAhead{lots: lc.placeLots(g.Sections), laid: make(chan []laidEntry, lotsAhead-1), stop: make(chan struct{})}
	m.ahead = a
	// On a context of its own: the pass changes lc as it goes.
	base := &context{th: lc.th, footer: lc.footer, memo: m, words: lc.words}
	go func() {
		for _, l := range a.lots {
			select {
			case a.laid <- base.layAhead(l.keys):
			case <-a.stop:
				return
			}
		}
	}()
}

// stopAhead ends the laying out ahead of the places, done or not.
func (m *memo) stopAhead() {
	if m.ahead != nil {
		close(m.ahead.stop)
	}
}

// placeLot is a lot of places laid out together: sections lo to hi, their
// entries in their styles.
type placeLot struct {
	lo, hi int
	keys   []entryKey
}

// placeLots cuts sections into lots of placesLot places at most, whole
// sections, a section with more making a lot of its own.
func (lc *context) placeLots(sections []guide.Section) []placeLot {
	var lots []placeLot
	for lo := 0; lo < len(sections); {
		hi, n := lo, 0
		for ; hi < len(sections) && (hi == lo || n+len(sections[hi].Entries) <= placesLot); hi++ {
			n += len(sections[hi].Entries)
		}
		l := placeLot{lo: lo, hi: hi}
		for k := lo; k < hi; k++ {
			st := lc.sectionEntry(&sections[k])
			for e := range sections[k].Entries {
				l.keys = append(l.keys, entryKey{&sections[k].Entries[e], st})
			}
		}
		lots = append(lots, l)
		lo = hi
	}
	return lots
}

// placesLot is the count of places laid out together (see pagePlaces):
// enough for every core to have work.
var placesLot = 512

// putPart puts back the pages of a part, from the page the flow is on
// when it has nothing yet, else from the next, as newPage would.
func (pg *paginator) putPart(pp *pagedPart) {
	if pg.cur.started {
		pg.startPage(false)
	}
	start, head := pg.cur.index, pg.cur.head
	pg.pages = pg.pages[:start]
	for i, p := range pp.pages {
		p.index, p.placed = start+i, nil // what a pass before put on its last page is that pass's
		if pp.inherit[i] {
			p.head = head
		}
		pg.pages = append(pg.pages, p)
	}
	if len(pg.pages) > pg.limit {
		panic(errNoProgress)
	}
	for a, d := range pp.anchors {
		pg.anchors[a] = Dest{Page: start + d.Page, Y: d.Y}
	}
	for _, w := range pp.placing {
		pg.lc.warn(w)
	}
	pg.cur = pg.pages[len(pg.pages)-1]
	pg.y, pg.give, pg.kept, pg.fresh = pp.y, 0, pp.kept, pp.fresh // its last page is drawn: its springs give no more
	if pp.mark != "" {
		pg.mark = pp.mark
	}
}
