package layout

import (
	"errors"
	"fmt"
)

// A flow is the vertical list of a document, in the manner of TeX: boxes
// of known height, glue (space that disappears at the top of a page),
// springs (glue that may shrink), groups kept on one page, and forced
// page breaks. paginate cuts it into pages.

// element is one element of a flow. The set is closed, as go/ast's nodes
// are: box, glue, spring, rule, group, fill, newPage, columns and part,
// and nothing else. Every function that walks a flow switches over all of
// them and fails on any other (see unknownElement), so that an element
// added to the set without being taught to the paginator is caught at
// once, never measured 0 high.
type element interface {
	element()
}

func (box) element()     {}
func (glue) element()    {}
func (spring) element()  {}
func (rule) element()    {}
func (group) element()   {}
func (fill) element()    {}
func (newPage) element() {}
func (columns) element() {}
func (part) element()    {}

// unknownElement is raised, as a panic, by a walk of the flow that meets
// an element outside the closed set; settle turns it into an error.
type unknownElement struct{ e element }

func (u unknownElement) Error() string {
	return fmt.Sprintf("layout : élément de mise en page inconnu %T", u.e)
}

// box is a block of known height, drawn with its top at y.
type box struct {
	height float64
	// overhang is what the box draws below its height, over the boxes
	// that follow it (a QR code beside several lines).
	overhang float64
	draw     func(p *pageWriter, x, y float64)
	// keepWithNext keeps the box on the page of what follows it
	// (a heading with the first entry of its section).
	keepWithNext bool
	mark         string // running head from this box on
	anchor       string // records where the box lands
	// inBand: the box is a section's heading set as the running head of
	// the page it opens, under this structure node (see opener.inBand).
	inBand *Node
}

// glue is vertical space, dropped at the top of a page.
type glue float64

// spring is glue that may shrink, as TeX's does: from its natural height
// down to least, on a page that holds one more block only so (see
// paginator.give). The space between entries and between their parts is
// springs; the lines of text never shrink, their 1.5 spacing is kept.
type spring struct{ natural, least float64 }

func (s spring) shrink() float64 { return s.natural - s.least }

// rule is a thin line between blocks, in the middle of its height, which
// shrinks as a spring does; like glue, it is dropped at the top of a page,
// where the running head's rule already separates.
type rule spring

// group is kept on one page when it fits on one. A group taller than a
// page is split between its elements (keep its parts in nested groups),
// and cont, when set, opens the next page: "Médiathèque (suite)". So is a
// group that holds on a page alone but not under the heading kept with it.
// cont is given the context of the pass that places the group, for the
// group may have been laid out ahead of the pass (see layEntries), and
// whether the group alone is taller than a page, which the report of the
// split tells.
type group struct {
	elems []element
	cont  func(lc *context, taller bool) []box
	// flexible groups (tables) break between their elements wherever the
	// page ends, instead of moving to the next page whole.
	flexible bool
}

// keep makes a group of boxes.
func keep(boxes []box) group {
	g := group{elems: make([]element, len(boxes))}
	for i, b := range boxes {
		g.elems[i] = b
	}
	return g
}

// fill draws in whatever room is left on the page, down to its bottom.
type fill func(p *pageWriter, x, y, h float64)

// newPage starts a new page and sets the page furniture from there on.
type newPage struct {
	furniture bool // running head and page number
}

// measure tells how flow elements are measured: natural, or shrunk, their
// springs at their least, the room they take on a page that shrinks them.
type measure bool

const (
	natural measure = false
	shrunk  measure = true
)

// height is the height of a flow element (glue inside groups counts).
func height(e element) float64 { return natural.height(e) }

func (m measure) height(e element) float64 {
	switch e := e.(type) {
	case box:
		return e.height
	case glue:
		return float64(e)
	case spring:
		return m.spring(e)
	case rule:
		return m.spring(spring(e))
	case group:
		h := 0.0
		for _, x := range e.elems {
			h += m.height(x)
		}
		return h
	case columns:
		// Set in its columns, balanced: the room it takes on one page.
		return e.balance(e.items, e.total(), true)
	case fill, newPage, part:
		return 0 // fill takes what is left; a page break has no height, nor what opens a page
	}
	panic(unknownElement{e})
}

func (m measure) spring(s spring) float64 {
	if m == shrunk {
		return s.least
	}
	return s.natural
}

// opening is the height of the glue, springs and rules a group opens
// with, those of the groups it opens with included: at the top of a page,
// where they are dropped, they take no room (the rule above an entry).
func opening(g group) float64 { return natural.opening(g) }

func (m measure) opening(g group) float64 {
	h := 0.0
	for _, e := range g.elems {
		switch e := e.(type) {
		case glue, spring, rule:
			h += m.height(e)
		case group:
			return h + m.opening(e)
		case box, columns, fill, newPage, part:
			return h
		default:
			panic(unknownElement{e})
		}
	}
	return h
}

// reach is how far down from its top a flow element draws: its height,
// or more when a box draws below it (a column of QR codes beside a
// place's name).
func (m measure) reach(e element) float64 {
	switch e := e.(type) {
	case box:
		return e.height + e.overhang
	case group:
		y, r := 0.0, 0.0
		for _, x := range e.elems {
			r = max(r, y+m.reach(x))
			y += m.height(x)
		}
		return r
	case glue, spring, rule, fill, newPage, columns, part:
		return m.height(e)
	}
	panic(unknownElement{e})
}

// pageWriter collects the items of one page.
type pageWriter struct {
	page      *Page
	index     int
	furniture bool
	head      string // running head: the section at the top of the page
	headNode  *Node  // the heading the running head is, if it is one (see box.inBand)
	started   bool   // a box has been placed on the page
	// ratio is how much of its springs' shrink the page takes: 0 at
	// natural spacing, up to 1, all springs at their least, when that
	// lets one more block hold (see paginator.give).
	ratio float64
	// shifted are the anchors of the page, and the shrink of the
	// springs above each, that the page's ratio moves up.
	shifted []shift
	// placed is what the paginator put on the page, in order, to be drawn
	// once the pass is known to be the book (see settle).
	placed []placement
}

// placement is a drawing put on a page: a box's or a fill's, at x, y; a
// fill takes h. give is the shrink of the springs above it on the page,
// which moves it up by the page's ratio.
type placement struct {
	box           func(p *pageWriter, x, y float64)
	fill          fill
	x, y, h, give float64
}

// shift is an anchor of a page and the shrink of the springs above it.
type shift struct {
	anchor string
	give   float64
}

// draw draws what was placed on the page, letting go of each drawing once
// drawn: a drawing holds what its box was made of.
func (p *pageWriter) draw() {
	for i, d := range p.placed {
		p.placed[i] = placement{}
		y := d.y - p.ratio*d.give
		if d.fill != nil {
			d.fill(p, d.x, y, d.h)
		} else {
			d.box(p, d.x, y)
		}
	}
	p.placed = nil
}

// paginator places flow elements on pages.
type paginator struct {
	lc     *context
	top    float64 // top of the text frame
	bottom float64 // bottom of the text frame
	x      float64
	pages  []*pageWriter
	cur    *pageWriter
	y      float64 // where the next element goes, springs at their natural height
	// give is the shrink of the springs placed on the page, what they
	// may give back: a block holds when it does so shrunk (see room), and
	// the page is set at the least ratio of shrink that lets all it holds
	// stay inside the frame (see pageWriter.ratio), at natural spacing
	// when they do.
	give   float64
	mark   string
	cont   func(lc *context, taller bool) []box // continuation of the group being split
	taller bool                                 // the group being split is taller than a page
	limit  int                                  // see pageLimit
	rule   func(p *pageWriter, x, y float64)    // drawRule, as a func value made once
	// fresh is set while the page holds nothing but the continuation
	// heading: it counts as the top of the page, so that a break always
	// makes progress.
	fresh bool
	// kept is set when the last box placed is kept with what follows (a
	// heading): breaking the page then would strand it, so what follows
	// is split instead.
	kept bool
	// anchors records where anchors land: the context's, or a part's,
	// from its first page.
	anchors map[string]Dest
	part    *pagedPart // the part being set on its pages, if any
}

// draws tells whether the paginator keeps what it places, to be drawn:
// not in a dry pass, but for a part, set on pages once for all passes.
func (pg *paginator) draws() bool { return !pg.lc.dry || pg.part != nil }

// pageLimit bounds the pages a flow can fill: each page but the first
// begins with a forced break or holds at least one box of the flow, so
// there can be no more pages than those plus one. Going past it means a
// page break made no progress, which would loop for ever.
func pageLimit(elems []element) int {
	n := 1
	for _, e := range elems {
		switch e := e.(type) {
		case box, newPage:
			n++
		case group:
			n += pageLimit(e.elems)
		case columns:
			n += len(e.items)
		case part:
			n += len(e.p.pages)
		case glue, spring, rule, fill:
		default:
			panic(unknownElement{e})
		}
	}
	return n
}

// errNoProgress is raised, as a panic, out of a pagination that would
// loop for ever; settle turns it into an error.
var errNoProgress = errors.New("la mise en page n’avance plus (un élément ne tient sur aucune page) : signalez-le avec le fichier de données")

func (pg *paginator) startPage(furniture bool) {
	if len(pg.pages) >= pg.limit {
		panic(errNoProgress)
	}
	pg.finish()
	if pg.part != nil {
		// A part's page is drawn once the next starts, letting go of
		// what its boxes hold (see part.go).
		if pg.cur != nil {
			pg.cur.draw()
		}
		pg.part.inherit = append(pg.part.inherit, pg.mark == "") // no box of the part has set one yet
	}
	pg.cur = &pageWriter{page: &Page{}, index: len(pg.pages), furniture: furniture, head: pg.mark}
	pg.pages = append(pg.pages, pg.cur)
	pg.y, pg.give = pg.top, 0
	pg.fresh = false
	pg.kept = false
}

// finish moves the anchors of the page under way up as its springs
// shrink, once the page is known whole, and leaves y where the page
// ends, shrunk: what a part leaves to the flow after it.
func (pg *paginator) finish() {
	p := pg.cur
	if p == nil || p.ratio == 0 {
		return
	}
	for _, s := range p.shifted {
		d := pg.anchors[s.anchor]
		d.Y -= p.ratio * s.give
		pg.anchors[s.anchor] = d
	}
	p.shifted = nil
	pg.y -= p.ratio * pg.give
	pg.give = 0
}

// breakPage goes on to a new page in the middle of the flow, opening it
// with the continuation of a group being split. The continuation is
// placed only when it leaves most of the page to the flow, and never
// breaks the page itself: each break makes progress.
func (pg *paginator) breakPage() {
	pg.startPage(pg.cur.furniture)
	if pg.cont == nil {
		return
	}
	cont := pg.cont(pg.lc, pg.taller)
	h := 0.0
	for _, b := range cont {
		h += b.height + b.overhang
	}
	if h > (pg.bottom-pg.top)/4 {
		return
	}
	outer := pg.cont
	pg.cont = nil
	for _, b := range cont {
		pg.place(b)
	}
	pg.cont = outer
	pg.fresh = true
}

// room is the room left on the page, the springs on it shrunk.
func (pg *paginator) room() float64 { return pg.bottom - pg.y + pg.give }

// atTop tells whether nothing of the flow is on the page yet.
func (pg *paginator) atTop() bool { return pg.y == pg.top || pg.fresh }

// flow places every element, in order. With consume, it lets go of each
// element once placed: a pass's flow is placed once, and what a national
// guide's entries hold is as large as the pages they are drawn on.
func (pg *paginator) flow(elems []element, consume bool) {
	for i, e := range elems {
		if consume {
			elems[i] = nil // the paginator looks ahead from an element, never back
		}
		switch e := e.(type) {
		case newPage:
			if pg.cur.started {
				pg.startPage(e.furniture)
			} else {
				pg.cur.furniture = e.furniture // nothing placed yet: no blank page
			}
		case fill:
			if pg.draws() {
				pg.cur.placed = append(pg.cur.placed, placement{fill: e, x: pg.x, y: pg.y, h: pg.bottom - pg.y, give: pg.give})
			}
			pg.y = pg.bottom
		case glue:
			if !pg.atTop() {
				pg.y += min(float64(e), pg.room())
			}
		case spring:
			pg.space(e)
		case rule:
			if !pg.atTop() && pg.draws() {
				// Its line stays in the middle of it, shrunk or not.
				pg.cur.placed = append(pg.cur.placed, placement{box: pg.rule, x: pg.x, y: pg.y + e.natural/2 - 0.5, give: pg.give + spring(e).shrink()/2})
			}
			pg.space(spring(e))
		case box:
			if e.keepWithNext && i+1 < len(elems) {
				// What follows goes to the next page with the heading: all of
				// it when both fit on a page, else its first part.
				need := e.height + shrunk.first(elems[i+1:], pg.bottom-pg.top-e.height)
				if (need > pg.room() || pg.cutsMore(e, elems[i+1])) && !pg.atTop() && !pg.kept {
					pg.breakPage()
				}
			}
			pg.place(e)
		case group:
			h := shrunk.height(e) // a group holds where it does with the springs of the page shrunk
			if h > pg.room() && !pg.atTop() && !pg.kept && (!e.flexible && !pg.cutHere(e, h) || e.flexible && pg.opensLate(e)) {
				pg.breakPage()
			}
			if pg.atTop() {
				h -= shrunk.opening(e) // dropped at the top of a page
			}
			if h > pg.room() && (e.cont != nil || pg.kept) {
				// Taller than a page: it has to be split between its parts.
				outer, taller := pg.cont, pg.taller
				pg.cont, pg.taller = e.cont, h > pg.bottom-pg.top
				pg.flow(e.elems, false)
				pg.cont, pg.taller = outer, taller
				continue
			}
			pg.flow(e.elems, false)
		case columns:
			pg.columns(e)
		case part:
			pg.putPart(e.p)
		default:
			panic(unknownElement{e})
		}
	}
}

// space places a spring, dropped at the top of a page, as glue is: what it
// may shrink is added to the page's give.
func (pg *paginator) space(s spring) {
	if !pg.atTop() {
		pg.y += min(s.natural, pg.room())
		pg.give += s.shrink()
	}
}

// opensLate tells whether a flexible group, which breaks where the page
// ends, holds not even what stays with its first element on the page
// under way: it then opens the next, not continued there as if it had
// begun (« Eybens (suite) » over « Eybens »).
func (pg *paginator) opensLate(g group) bool {
	return shrunk.first(g.elems, pg.bottom-pg.top) > pg.room()
}

// cutHere tells whether a group h high, shrunk, taller than a page and
// so cut in any case (an entry in large type on A5), starts on the page
// under way rather than on the next: when its first part, up to its first
// group (the name and what goes with it), holds in the room left. No page
// is left half empty before it.
func (pg *paginator) cutHere(g group, h float64) bool {
	if g.cont == nil || h-shrunk.opening(g) <= pg.bottom-pg.top {
		return false
	}
	first := 0.0
	for _, x := range g.elems {
		first += shrunk.height(x)
		if _, ok := x.(group); ok {
			break
		}
	}
	return first <= pg.room() && !pg.moreBreaksHere(g, 0)
}

// cutsMore tells whether an entry taller than a page, kept under the
// heading b, would be cut more times opened under b on the page under way
// than with b on the next (a commune's first place in an A5 booklet).
func (pg *paginator) cutsMore(b box, next element) bool {
	g, ok := next.(group)
	if !ok || g.flexible || g.cont == nil {
		return false
	}
	return shrunk.height(g) > pg.room()-b.height && pg.moreBreaksHere(g, b.height)
}

// moreBreaksHere tells whether a group, opened on the page under way
// below a heading above high (0: none), would be cut more times than
// opened below it on the next page. A group is never cut more times than
// its height asks: opened under the end of a page, it would end a page
// later than opened on the next.
func (pg *paginator) moreBreaksHere(g group, above float64) bool {
	return pg.breaks(g, pg.room()-above) > pg.breaks(g, pg.bottom-pg.top-above)
}

// breaks counts the page breaks that cut a group when it opens with room
// left on its page, as flow cuts it: its groups whole where they hold on
// a page, the glue dropped at the top of a page, the next page opened by
// a line « (suite) » as high as the group's first line.
func (pg *paginator) breaks(g group, room float64) int {
	frame := pg.bottom - pg.top
	n, used, top, cont := 0, 0.0, room == frame, 0.0
	breakPage := func() { n, room, used, top = n+1, frame, cont, true }
	var walk func(elems []element)
	walk = func(elems []element) {
		for _, e := range elems {
			switch e := e.(type) {
			case glue, spring, rule:
				if !top {
					used += shrunk.height(e)
				}
			case box:
				if cont == 0 {
					cont = e.height
				}
				if used+e.height+e.overhang > room && !top {
					breakPage()
				}
				used, top = used+e.height, false
			case group:
				need := shrunk.height(e) // kept on one page…
				if e.flexible {
					need = shrunk.first(e.elems, frame) // …or broken where the page ends, what stays with its first element
				}
				if !top && need > room-used {
					breakPage()
				}
				walk(e.elems)
			case fill, newPage, columns, part:
			default:
				panic(unknownElement{e})
			}
		}
	}
	walk(g.elems)
	return n
}

// first is the height of what must stay with a box kept with the next
// element: that element, or the first part of the group that follows it
// when the group is taller than frame, the room a page leaves beside the
// box. The glue, springs and rules before it count, for they are placed
// below the box, and so does what a box kept with the next in turn holds
// to (the lines of a long heading).
func (m measure) first(rest []element, frame float64) float64 {
	h := 0.0
	for i, e := range rest {
		switch e := e.(type) {
		case glue, spring, rule:
			h += m.height(e)
		case newPage, part:
			return 0
		case group:
			if (e.flexible || m.height(e) > frame) && len(e.elems) > 0 {
				// The group will break: what stays with a heading is its first part.
				return h + m.first(e.elems, frame-h)
			}
			return h + m.reach(e)
		case columns:
			// The first item, with the next when the first is a letter.
			for i, it := range e.items {
				h += it.height(i == 0)
				if !it.kept() {
					break
				}
			}
			return h
		case box:
			if e.keepWithNext {
				return h + e.height + m.first(rest[i+1:], frame-h-e.height)
			}
			return h + e.height + e.overhang
		case fill:
			return h
		default:
			panic(unknownElement{e})
		}
	}
	return 0
}

func (pg *paginator) place(b box) {
	if b.height+b.overhang > pg.room() && !pg.atTop() {
		pg.breakPage()
	}
	pg.put(b, pg.x, pg.y)
	pg.y += b.height
}

// put draws a box at x, y on the current page, and records its mark and
// its anchor.
func (pg *paginator) put(b box, x, y float64) {
	if b.mark != "" {
		pg.mark = b.mark
		if !pg.cur.started {
			// The section's own heading opens the page: no running head,
			// unless it is the heading.
			pg.cur.head, pg.cur.headNode = "", b.inBand
			if b.inBand != nil {
				pg.cur.head = b.mark
			}
			if pg.part != nil {
				pg.part.inherit[pg.cur.index] = false
			}
		}
	}
	pg.cur.started = true
	pg.kept = b.keepWithNext
	pg.fresh = false
	if over := y + b.height + b.overhang - pg.bottom; over > 0 && pg.give > 0 {
		// Below the frame at natural spacing: the springs above it shrink.
		pg.cur.ratio = max(pg.cur.ratio, min(1, over/pg.give))
	}
	if b.anchor != "" {
		pg.anchors[b.anchor] = Dest{Page: pg.cur.index, Y: y}
		if pg.give > 0 {
			pg.cur.shifted = append(pg.cur.shifted, shift{b.anchor, pg.give})
		}
	}
	if b.draw != nil && pg.draws() {
		pg.cur.placed = append(pg.cur.placed, placement{box: b.draw, x: x, y: y, give: pg.give})
	}
}

// drawRule draws a rule's line, its top at y.
func (pg *paginator) drawRule(p *pageWriter, x, y float64) {
	p.add(&Rect{X: x, Y: y, W: pg.lc.th.contentWidth(), H: 1, Fill: Grey})
}

func (p *pageWriter) add(it Item) { p.page.Items = append(p.page.Items, it) }
