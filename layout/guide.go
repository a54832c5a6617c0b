package layout

import (
	"bytes"
	"cmp"
	"image/png"
	"slices"
	"strings"

	"livret/guide"
)

// Guide lays out a large-print guide: cover, how to read it, contents,
// the places section by section, index, notes and colophon.
func Guide(g *guide.Guide, th Theme) (*Book, error) {
	g, th = prepare(g, th)
	book, err := settle(th, g.Wording, pageNumber(g.Wording), guideFlow(g))
	if err != nil {
		return nil, err
	}
	book.BackCover = th.Format == A5 && (g.Publisher.Name != "" || g.Publisher.Contact != "" || len(g.Helplines) > 0)
	book.Title, book.BookletTitle = g.DocumentTitle(), g.BookletTitle()
	return book, nil
}

// prepare is g and th as the guide lays them out: th set by guideTheme;
// g with a date in each place when the year they share does not hold
// where the places begin.
func prepare(g *guide.Guide, th Theme) (*guide.Guide, Theme) {
	th = guideTheme(th, g.Wording)
	if g.Shared != nil && g.Shared.Updated != "" && th.Check() == nil {
		// The year of the places' information is said once where they
		// begin; where it does not hold there (large type on A5), each
		// place says its own date.
		lc := newContext(th, map[string]int{}, newMemo())
		lc.words = g.Wording
		if opening, _, _ := lc.opening(g); opening == nil {
			g = g.OwnDates()
		}
	}
	return g, th
}

// guideTheme is th as a guide in the words of w sets it: the page number
// above, beside the running head (see Theme.folioAbove), when a number of
// three digits leaves the head 40 % of its line, room for « Marseille 15e »
// (on A5 up to 18 pt, on A4 at every size). The foot of the page goes to
// the text: an A4 page holds a line more, and a place more every few
// pages (the Isère: 92 pages, 86 so).
func guideTheme(th Theme, w guide.Wording) Theme {
	if th.Check() == nil {
		th.folioAbove = th.body().Face.Width(folioSample(w), th.Size)+th.folioGap() <= 0.6*th.contentWidth()
	}
	return th
}

// folioSample is a page number of three digits in the words of w: the
// room the choices made once for all passes keep for the page number.
func folioSample(w guide.Wording) string {
	return guide.Fill(w.Page, "page", "888", "pages", "888")
}

// guideFlow is the flow of a layout pass of the guide.
func guideFlow(g *guide.Guide) func(lc *context) []element {
	return func(lc *context) []element {
		lc.layPlacesAhead(g) // while the cover, the how-to, the sommaire and the map are set
		var flow []element
		cover, _ := lc.cover(g)
		flow = append(flow, cover...)
		if g.Parts.HowTo {
			flow = append(flow, newPage{furniture: true})
			flow = append(flow, lc.howTo(g)...)
		}
		if g.Parts.Contents {
			flow = lc.follow(flow, lc.contents(g), g.Parts.HowTo)
		}
		if g.Map != nil {
			flow = append(flow, newPage{furniture: true})
			flow = append(flow, lc.overviewMap(g.Map)...)
		}
		// A guide by service opens with its parts by need, one after the
		// other, then the places.
		for i, ix := range g.ByNeed {
			if i == 0 {
				flow = append(flow, newPage{furniture: true})
			} else {
				flow = append(flow, glue(lc.th.gap()))
			}
			flow = append(flow, lc.refIndex(ix)...)
		}
		if len(g.Sections) > 0 {
			flow = append(flow, lc.placesPart(g))
		}
		if g.Figures != nil {
			flow = append(flow, newPage{furniture: true})
			flow = append(flow, lc.figures(g.Figures)...)
		}
		// The index of communes first: it is the way in for most readers.
		// The index of places follows under its end (see follow).
		if g.Communes != nil {
			flow = append(flow, newPage{furniture: true})
			flow = append(flow, lc.refIndex(g.Communes)...)
		}
		if g.Parts.Index {
			flow = lc.follow(flow, lc.index(g), g.Communes != nil)
		}
		if g.Needs != nil {
			flow = lc.follow(flow, lc.refIndex(g.Needs), g.Parts.Index || g.Communes != nil)
		}
		if g.Parts.About {
			// Under the end of the places, or of the indexes: a guide
			// of a commune's few places saves its last page.
			flow = lc.follow(flow, lc.about(g), true)
		}
		// Last, where it moves no page that the sommaire or an index gives.
		if lc.withNotes(g) {
			flow = append(flow, newPage{furniture: true})
			flow = append(flow, lc.notes(g)...)
		}
		if back := lc.backCover(g); len(back) > 0 {
			flow = append(flow, newPage{})
			flow = append(flow, back...)
		}
		return flow
	}
}

// follow appends a part to the flow. After an index or the how-to, a
// part that holds on a page follows on the page the one before ends,
// under the gap that opens a section, when it holds there whole, else it
// opens the next page: the sommaire under the end of the how-to, the
// index by need under the end of the indexes, « À propos » under the end
// of the places or the indexes, each a page or less, need no page of
// their own. A part taller than a page
// begins there when its heading and first lines hold (the sommaire of
// the Hérault without its index of communes, an index by need on A5, the
// index of places under the end of the index of communes).
// Else it opens a page.
func (lc *context) follow(flow, part []element, after bool) []element {
	if !after {
		return append(append(flow, newPage{furniture: true}), part...)
	}
	if top, bottom := lc.frame(); height(group{elems: part}) > bottom-top {
		return append(append(flow, lc.th.sectionGap()), part...)
	}
	return append(flow, lc.th.sectionGap(), group{elems: part})
}

// withNotes tells whether the guide prints its page of notes: when the
// maker asks for it always, else when it takes a page the printing would
// leave blank, the back of the last A4 sheet printed on both sides, a
// page of the last sheet of an A5 booklet, and adds no paper. That waits
// for the count of the first pass that prints page numbers, and holds
// from then on (see settle): the page of notes comes last, after « À propos » (before the
// back cover), and the sommaire does not list it, so that it moves no
// page number and the pass that adds it settles as the pass before would
// have.
func (lc *context) withNotes(g *guide.Guide) bool {
	sheet := 2
	if lc.th.Format == A5 {
		sheet = 4
	}
	switch {
	case g.Parts.NotesAlways:
		return true
	case !g.Parts.Notes:
		return false
	case lc.memo.settled == 0:
		lc.recount = func(pages int) bool { return pages%sheet != 0 }
		return false
	}
	return lc.memo.settled%sheet != 0
}

// cover is the first page: title, territory, edition, publisher.
// logo is the publisher's logo, at most maxH high and maxW wide, as a box
// (of zero height when there is no logo or it cannot be read).
func (lc *context) logo(p guide.Publisher, maxH, maxW float64) box {
	if len(p.Logo) == 0 {
		return box{}
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(p.Logo))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		lc.warn(guide.LogoWarning)
		return box{}
	}
	h := maxH
	w := h * float64(cfg.Width) / float64(cfg.Height)
	if w > maxW {
		w, h = maxW, maxW*float64(cfg.Height)/float64(cfg.Width)
	}
	alt := lc.words.Alt.Logo
	if p.Name != "" {
		alt = guide.Fill(lc.words.Alt.LogoOf, "nom", p.Name)
	}
	fig := lc.root.figure(alt)
	return box{height: h, draw: func(pg *pageWriter, x, y float64) {
		pg.add(&Image{X: x, Y: y, W: w, H: h, PNG: p.Logo, node: fig})
	}}
}

// The cover is one page: when its parts are too tall for the page (A5,
// large type), the decorative pictogram goes first, then the gaps narrow,
// then the title's type shrinks, never below the headings'.
// It tells whether the cover holds the first helpline.
func (lc *context) cover(g *guide.Guide) ([]element, bool) {
	top, bottom := lc.frame()
	title := lc.th.title()
	type trial struct{ icon, gaps bool }
	trials := []trial{{true, false}, {false, false}}
	for size := title.Size; size >= lc.th.h1().Size; size -= 2 {
		trials = append(trials, trial{false, true})
	}
	for i, tr := range trials {
		if i >= 2 {
			title.Size = lc.th.title().Size - float64(2*(i-2))
		}
		fits := lc.trial(func() bool {
			parts, _ := lc.coverParts(g, title, tr.icon, tr.gaps)
			return height(group{elems: parts}) <= bottom-top
		})
		if fits || i == len(trials)-1 {
			return lc.coverParts(g, title, tr.icon, tr.gaps)
		}
	}
	return nil, false // not reached: the last trial is taken
}

func (lc *context) coverParts(g *guide.Guide, title Style, icon, tight bool) ([]element, bool) {
	th := lc.th
	w := th.contentWidth()
	gap := th.gap()
	if tight {
		gap = th.itemGap()
	}
	var flow []element
	if logo := lc.logo(g.Publisher, mm(25), w/2); logo.height > 0 {
		flow = append(flow, logo, glue(gap))
	}
	if g.Publisher.Name != "" {
		p := lc.root.add("P")
		for _, b := range lc.para([]Span{{Text: g.Publisher.Name, Style: th.strong(), Node: p}}, 0, w) {
			flow = append(flow, b)
		}
		flow = append(flow, glue(gap))
	}
	// A large pictogram, as a friendly sign of what the guide is about.
	if icon {
		size := th.coverIcon()
		flow = append(flow, box{height: size + gap, draw: func(p *pageWriter, x, y float64) {
			p.add(&Icon{X: x, Y: y, Size: size, Name: "devices", Color: th.Accent})
		}})
	}
	h1 := lc.root.add("H1")
	for _, b := range lc.para([]Span{{Text: g.Title, Style: title, Node: h1}}, 0, w) {
		flow = append(flow, b)
	}
	flow = append(flow, glue(gap))
	p := lc.root.add("P")
	for _, b := range lc.para([]Span{{Text: g.Territory, Style: th.subtitle(), Node: p}}, 0, w) {
		flow = append(flow, b)
	}
	flow = append(flow, glue(gap))
	flow = append(flow, lc.paragraph(lc.root, guide.Fill(g.Wording.EditionOf, "date", g.Edition), th.body())...)
	if g.About.Counts != "" {
		flow = append(flow, lc.paragraph(lc.root, g.About.Counts, th.body())...)
	}
	// The first helpline, when the page has room for it: the cover is one page.
	if len(g.Helplines) > 0 {
		top, bottom := lc.frame()
		used := 0.0
		for _, e := range flow {
			used += height(e)
		}
		line := append([]element{glue(gap)}, lc.helpline(&Node{}, g.Helplines[0])...)
		if used+height(group{elems: line}) <= bottom-top {
			flow = append(flow, glue(gap))
			return append(flow, lc.helpline(lc.root, g.Helplines[0])...), true
		}
	}
	return flow, false
}

// helplinesInside are the helplines the how-to gives: those the cover
// does not. Said on the cover, the number to call would take on the
// how-to the room of the sommaire, which then opens a page of its own.
func (lc *context) helplinesInside(g *guide.Guide) []guide.Helpline {
	if len(g.Helplines) == 0 {
		return nil
	}
	on := recall(lc.memo, lc.memo.onCover, g, func() bool {
		return lc.trial(func() bool { _, on := lc.cover(g); return on })
	})
	if on {
		return g.Helplines[1:]
	}
	return g.Helplines
}

// howTo is the page « Comment lire ce guide »: intro, an annotated sample
// entry, what all the places offer, the pictograms and the helplines.
// When the sample does not hold under the introduction, other orders may
// fill the first page instead: the parts after it that hold there whole
// (the helplines after « Appelez avant de venir »), the sample opening
// the next; or the pictograms, or all the other parts, coming first, the
// sample after them, under them or opening a page. Of the samples the
// guide offers (see sampleChoices) and of the orders, the how-to takes one
// whose sample is read with what its numbers mean (see together), then
// the one that fills the fewest pages, the richest sample in the usual
// order when several do: 2 A4 pages, 4 A5 pages.
func (lc *context) howTo(g *guide.Guide) []element {
	if g.Sample == nil {
		return lc.howToFlow(g, nil, howToOrder{})
	}
	// The choice holds no page number: made in the first pass, it serves
	// the next ones, as the trials are most of the how-to's cost.
	ch := recall(lc.memo, lc.memo.howTo, g, func() sampleChoice { return lc.chooseSample(g) })
	return lc.howToFlow(g, ch.sample, ch.order)
}

// howToOrder is an order of the parts of the how-to after its
// introduction (see howTo): the parts set before the sample, and whether
// the sample then opens a page. The zero order is the usual one: the
// sample first, the other parts after it.
type howToOrder struct {
	lead    howToLead
	turn    bool // the sample opens a page, a left one when the parts before it fill two
	compact bool // the sample shows its name, address, phone and hours only (see chooseSample)
}

// howToLead is what the how-to sets between its introduction and its
// sample.
type howToLead int

const (
	noLead     howToLead = iota
	fillLead             // the parts that hold under the introduction (see fillFirst)
	legendLead           // the pictograms, flowing on to the next page
	allLead              // all the other parts, in their order: the sample last
)

// The anchors of the sample's heading and of the last of what its
// numbers mean: where they land tells whether the two are read together.
const (
	sampleAnchor  = "exemple"
	meaningAnchor = "exemple-fin"
)

// sampleChoice is the sample the how-to shows, and the order of its parts
// (see howTo).
type sampleChoice struct {
	sample *guide.Entry
	order  howToOrder
}

// chooseSample tries the samples and orders of the how-to (see howTo).
// When no sample is read with its meanings, as none holds on a page at
// 24 pt on A5, the samples are tried compact too: name, address, phone
// and hours, what the pictograms' legend does not explain, on one page.
func (lc *context) chooseSample(g *guide.Guide) sampleChoice {
	defer lc.scratch()() // trials: their structure is dropped
	top, bottom := lc.frame()
	room := bottom - top - height(group{elems: lc.howToFlow(&guide.Guide{Wording: g.Wording, Intro: g.Intro}, nil, howToOrder{})})
	var best sampleChoice
	fewest, bestTogether, least := 0, false, 0.0
	for _, compact := range []bool{false, true} {
		if compact && bestTogether {
			break
		}
		st := lc.guideEntry()
		st.markers, st.compact = true, compact
		for _, c := range lc.sampleChoices(g, st, room) {
			orders := []howToOrder{{compact: compact}}
			if !c.under {
				// The other orders fill a first page that the sample
				// leaves to the introduction. Under it, the sample keeps
				// the parts after it in their order (see fillFirst), and
				// its meanings: it is read on the page it opens.
				orders = append(orders, howToOrder{lead: fillLead, compact: compact})
				if len(g.Legend) > 0 {
					orders = append(orders, howToOrder{lead: legendLead, compact: compact}, howToOrder{lead: legendLead, turn: true, compact: compact})
				}
				orders = append(orders, howToOrder{lead: allLead, compact: compact}, howToOrder{lead: allLead, turn: true, compact: compact})
			}
			for _, o := range orders {
				sub := newContext(lc.th, lc.refs, lc.memo)
				sub.words, sub.dry = lc.words, true
				flow := sub.howToFlow(g, &c.Entry, o)
				if g.Parts.Contents {
					// It follows under the end of the how-to when it holds
					// there (see follow): the pages that count are theirs.
					flow = sub.follow(flow, sub.contents(g), true)
				}
				pg := sub.place(flow)
				n, used := len(pg.pages), pg.y-pg.top
				t := together(sub.anchors[sampleAnchor].Page, sub.anchors[meaningAnchor].Page)
				switch {
				case compact && !t: // compact only to be read together
				case best.sample == nil || t && !bestTogether || t == bestTogether && (n < fewest || n == fewest && used < least):
					best, fewest, bestTogether, least = sampleChoice{&c.Entry, o}, n, t, used
				}
			}
		}
	}
	return best
}

// together tells whether a sample whose heading is on the how-to's page
// of index first and the last of what its numbers mean on that of index
// last are read together: on one page, or on the two pages that face
// each other when the guide lies open, an even page on the left and the
// next on the right, as a booklet and sheets printed on both sides are
// read. The how-to opens on the back of the cover, page 2: a left page.
func together(first, last int) bool {
	return last == first || last == first+1 && (first+2)%2 == 0
}

// howToFlow is the how-to with sample, its parts after the introduction
// in order (see howTo).
func (lc *context) howToFlow(g *guide.Guide, sample *guide.Entry, order howToOrder) []element {
	th := lc.th
	w := g.Wording
	lc.shortHeads[w.HowTo] = w.HowToShort
	intro := func() []element {
		flow := lc.heading("H1", w.HowTo, "comment-lire", w.HowTo, th.h1())
		flow = append(flow, glue(th.headingGap()))
		for _, para := range g.Intro {
			flow = append(flow, lc.paragraph(lc.root, para, th.body())...)
		}
		return flow
	}
	// The parts after the introduction, in their order; each is built
	// into the structure as it comes, so they are built in the order they
	// are printed.
	var parts []func() []element
	if sample != nil {
		st := lc.guideEntry()
		st.markers, st.compact = true, order.compact
		parts = append(parts, func() []element {
			var flow []element
			if order.turn {
				flow = append(flow, newPage{furniture: true})
			}
			b := lc.sampleBlock(w, sample, st)
			if top, bottom := lc.frame(); height(b) > bottom-top {
				// Cut in any case between the sample and what its
				// numbers mean: the sample may start under what
				// comes before it.
				return append(append(flow, b.elems...), glue(th.gap()))
			}
			return append(flow, b, glue(th.gap()))
		})
	}
	// What all the places offer. The year of their information is said
	// where the places begin (see opening), not here: the how-to explains
	// what the entries leave out, and holds on two pages.
	if sh := g.Shared; sh != nil && (len(sh.Services) > 0 || len(sh.Facts) > 0) {
		c := *sh
		c.Updated = ""
		parts = append(parts, func() []element { return []element{keep(lc.shared(&c)), glue(th.gap())} })
	}
	legend := -1
	if len(g.Legend) > 0 {
		legend = len(parts)
		parts = append(parts, func() []element { return lc.legend(g) })
	}
	if helplines := lc.helplinesInside(g); len(helplines) > 0 {
		parts = append(parts, func() []element {
			flow := lc.heading("H2", w.Helplines, "", "", th.h2())
			for _, h := range helplines {
				flow = append(flow, lc.helpline(lc.root, h)...)
			}
			return flow
		})
	}
	switch {
	case sample == nil:
	case order.lead == fillLead:
		parts = lc.fillFirst(intro, parts)
	case order.lead == legendLead && legend > 0:
		first := parts[legend]
		parts = append([]func() []element{first}, slices.Delete(parts, legend, legend+1)...)
	case order.lead == allLead:
		parts = append(parts[1:], parts[0])
	}
	flow := intro()
	for _, part := range parts {
		flow = append(flow, part()...)
	}
	return flow
}

// fillFirst orders the parts after the introduction so that, when the
// first (the sample) does not hold under it, those of the others that
// fill the room best come before it, in their order.
func (lc *context) fillFirst(intro func() []element, parts []func() []element) []func() []element {
	defer lc.scratch()() // a trial: its structure is dropped
	top, bottom := lc.frame()
	room := bottom - top - height(group{elems: intro()})
	// The height of each part, and of the glue it ends with: the last
	// part of a page needs no room for it.
	heights, tails := make([]float64, len(parts)), make([]float64, len(parts))
	for i, part := range parts {
		flow := part()
		heights[i] = height(group{elems: flow})
		if gl, ok := flow[len(flow)-1].(glue); ok {
			tails[i] = float64(gl)
		}
	}
	if heights[0]-tails[0] <= room {
		return parts
	}
	best, most := 0, 0.0
	for set := 1; set < 1<<(len(parts)-1); set++ {
		h, tail := 0.0, 0.0
		for i := range parts[1:] {
			if set&(1<<i) != 0 {
				h, tail = h+heights[i+1], tails[i+1]
			}
		}
		if h-tail <= room && h > most {
			best, most = set, h
		}
	}
	var first, rest []func() []element
	for i, part := range parts[1:] {
		if best&(1<<i) != 0 {
			first = append(first, part)
		} else {
			rest = append(rest, part)
		}
	}
	return append(append(first, parts[0]), rest...)
}

// legend is the list of the pictograms under its heading, in columns
// when they make it shorter.
func (lc *context) legend(g *guide.Guide) []element {
	th := lc.th
	flow := lc.heading("H2", g.Wording.Legend, "", "", th.h2())
	list := lc.root.add("L")
	var texts [][]Span
	for _, item := range g.Legend {
		// The pictogram's name is the label beside it: read once, the
		// pictogram itself is decoration for a screen reader.
		body := list.add("LI").add("LBody")
		spans := []Span{{Text: item.Label, Style: th.strong(), Node: body}}
		if item.Text != "" && item.Text != item.Label {
			spans = append(spans, Span{Text: "\u00a0: " + item.Text, Style: th.body(), Node: body})
		}
		texts = append(texts, spans)
	}
	iconCol := lc.entryFrame(false).iconCol
	return append(flow, lc.inColumns(func(width float64) []column {
		var items []column
		for i, item := range g.Legend {
			var boxes []box
			for _, l := range lc.breakColumn(texts[i], width-iconCol) {
				boxes = append(boxes, lc.lineBox(l, iconCol))
			}
			first, size, icon := boxes[0], th.iconSize(), item.Icon
			boxes[0].draw = func(p *pageWriter, x, y float64) {
				p.add(&Icon{X: x, Y: y + (first.height-size)/2, Size: size, Name: icon, Color: th.Accent})
				first.draw(p, x, y)
			}
			items = append(items, column{lead: th.rowGap(), boxes: boxes})
		}
		return items
	}), glue(th.gap()))
}

// sampleBlock is the sample entry under its heading, its parts numbered,
// then what the numbers mean, in columns when they make it shorter. The
// sample stays with its heading, and the meanings with it when the page
// has room; else they follow together on the next page, never one line
// alone.
func (lc *context) sampleBlock(w guide.Wording, sample *guide.Entry, st entryStyle) group {
	th := lc.th
	heading := lc.heading("H2", w.Sample, sampleAnchor, "", th.h2())
	// Under its heading, the sample needs no rule to set it apart; when
	// both are taller than a page, it closes up as an entry taller than a
	// page does (see entryStyle.closer), rather than be cut. It closes up
	// too when that sets it on one page with its meanings, read at once.
	lay := func(st entryStyle) (group, *Node) {
		n := &Node{}
		g := lc.entry(sample, n, st)
		if _, ok := g.elems[0].(rule); ok {
			g.elems = g.elems[1:]
		}
		return g, n
	}
	top, bottom := lc.frame()
	room := bottom - top - height(group{elems: heading})
	whole := func(entry group, st entryStyle) float64 {
		defer lc.scratch()() // a measure: its structure is dropped
		return height(entry) + th.itemGap() + height(lc.sampleMeanings(w, sample, st))
	}
	sampleEntry, n := lay(st)
	if whole(sampleEntry, st) > room {
		for c, ok := st.closer(); ok; c, ok = c.closer() {
			cg, cn := lay(c)
			if height(sampleEntry) > room && height(cg) < height(sampleEntry) || whole(cg, c) <= room {
				sampleEntry, n, st = cg, cn, c
			}
			if whole(sampleEntry, st) <= room {
				break
			}
		}
	}
	lc.root.Kids = append(lc.root.Kids, n.Kids...)
	items := lc.sampleMeanings(w, sample, st)
	return group{elems: []element{group{elems: append(heading, sampleEntry)}, glue(th.itemGap()), group{elems: []element{items}}}}
}

// sampleMeanings is what the numbers of the sample entry laid out in st
// mean, in columns when they make it shorter, the last with the anchor
// that tells where it lands (see together).
func (lc *context) sampleMeanings(w guide.Wording, sample *guide.Entry, st entryStyle) columns {
	th := lc.th
	explain := []string{
		partName:     w.SampleParts.Name,
		partAddress:  w.SampleParts.Address,
		partPhone:    w.SampleParts.Phone,
		partHours:    w.SampleParts.Hours,
		partServices: w.SampleParts.Services,
		partFacts:    w.SampleParts.FactsOf(sample),
		partLinks:    w.SampleParts.LinksOf(sample, sample.QR != "" && st.qr > 0),
	}
	type meaning struct {
		n           int
		label, body *Node
	}
	var meanings []meaning
	list := lc.root.add("L")
	for i := range parts(sample, st) {
		// The number is the item's label: screen readers say it too.
		li := list.add("LI")
		meanings = append(meanings, meaning{i + 1, li.add("Lbl"), li.add("LBody")})
	}
	ragged := map[float64]bool{} // by the width of a column, whether a meaning breaks there with a line less than half full
	build := func(width float64) []column {
		var items []column
		for i, part := range parts(sample, st) {
			m := meanings[i]
			text := []Span{{Text: explain[part], Style: th.body(), Node: m.body}}
			room := width - lc.markerSize() - th.labelGap()
			lines := lc.breakColumn(text, room)
			for _, l := range lines[:len(lines)-1] {
				ragged[width] = ragged[width] || l.width < room/2
			}
			var boxes []box
			for j, l := range lines {
				l, first := l, j == 0
				h := max(l.leading, lc.markerSize())
				boxes = append(boxes, box{height: h, draw: func(p *pageWriter, x, y float64) {
					if first {
						lc.drawMarker(p, x, y+(h-lc.markerSize())/2, m.n, m.label)
					}
					lc.drawLine(p, l, x+lc.markerSize()+th.labelGap(), y+(h-l.leading)/2)
				}})
			}
			if i == len(meanings)-1 {
				boxes[len(boxes)-1].anchor = meaningAnchor // see together
			}
			items = append(items, column{boxes: boxes})
		}
		return items
	}
	items := lc.inColumns(build)
	if w := items.width(th.contentWidth()); items.n > 1 && ragged[w] {
		// A meaning broken in a column too narrow for it (« Le » over
		// « téléphone ») reads worse than the list one below the other.
		items = columns{n: 1, gutter: items.gutter, items: build(th.contentWidth())}
	}
	return items
}

// candidate is a sample the how-to may show, and whether its block holds
// under the introduction.
type candidate struct {
	guide.Entry
	under bool
}

// sampleChoices are the samples the how-to may show, in order of
// preference: the first candidate as rich as the first (with as many
// parts) whose block holds in room, what the first page leaves under the
// introduction; the shortest as rich that holds on a page with its
// heading; the first with one part less that holds in room, and the
// shortest of those on a page, both still showing the address, phone and
// hours the legend leaves to the sample. The guide's sample when none is.
func (lc *context) sampleChoices(g *guide.Guide, st entryStyle, room float64) []candidate {
	top, bottom := lc.frame()
	defer lc.scratch()()
	var under, onPage [2]*candidate // as rich as the first, one part less
	var shortest [2]float64
	rich := -1
	basics := g.Sample.ShowsBasics()
	for _, c := range g.Samples {
		e := *c
		e.Anchor = ""
		lc.root = &Node{} // a trial: its structure is dropped
		n := len(parts(&e, st))
		if rich < 0 {
			rich = n
		}
		k := rich - n
		// « Pas de téléphone connu » fills the phone's part, but a sample
		// that says it right under « Appelez avant de venir » shows the
		// reader no phone to call (Marseille A5).
		if k < 0 || k > 1 || basics && !e.ShowsBasics() {
			continue
		}
		block := lc.sampleBlock(g.Wording, &e, st)
		h := height(block)
		cand := &candidate{e, h <= room}
		if under[k] == nil && cand.under {
			under[k] = cand
		}
		if height(block.elems[0]) <= bottom-top && (onPage[k] == nil || h < shortest[k]) {
			onPage[k], shortest[k] = cand, h
		}
	}
	var out []candidate
	for _, c := range []*candidate{under[0], onPage[0], under[1], onPage[1]} {
		if c != nil && !slices.ContainsFunc(out, func(o candidate) bool { return o.Name == c.Name }) {
			out = append(out, *c)
		}
	}
	if len(out) == 0 {
		e := *g.Sample
		e.Anchor = ""
		out = append(out, candidate{Entry: e}) // both orders tried
	}
	return out
}

// shared is what the places of a guide or a section all offer: its
// sentence, then the services as a row of pictograms with their words.
func (lc *context) shared(sh *guide.Shared) []box {
	th := lc.th
	boxes := lc.paraLines(lc.root, sh.Text, th.strong())
	var chips []chip
	for _, s := range sh.Services {
		chips = append(chips, chip{icon: s.Icon, text: s.Label})
	}
	for _, f := range sh.Facts {
		chips = append(chips, chip{icon: f.Icon, text: f.Text})
	}
	if sh.Updated != "" {
		chips = append(chips, chip{text: sh.Updated})
	}
	return append(boxes, lc.chips(lc.entryFrame(false), lc.root, chips)...)
}

// helpline is a helpline: its name, its number in big type, when to call.
func (lc *context) helpline(parent *Node, h guide.Helpline) []element {
	th := lc.th
	fr := lc.entryFrame(false)
	p := parent.add("P")
	name := p.add("Span")
	spans := []Span{{Text: h.Name + "\n", Style: th.strong(), Node: name}}
	link := p.add("Link")
	spans = append(spans, Span{Text: h.Phone.Display, Style: lc.phoneStyle(h.Phone.Display, th.phone(), fr.width-fr.iconCol), Whole: true, Node: link,
		Link: &Link{URL: h.Phone.URI, Alt: guide.Fill(lc.words.Alt.CallHelpline, "nom", h.Name), Node: link}})
	if h.Phone.URI == "" {
		spans[1].Link = nil
	}
	info := p.add("Span")
	for _, s := range []string{h.When, h.Note} {
		if s != "" {
			spans = append(spans, Span{Text: "\n" + s, Style: th.body(), Node: info})
		}
	}
	return []element{keep(lc.iconRow(fr, fr.width, "helpline", p, spans)), glue(th.gap())}
}

// contents is the table of contents: one line per section, with dot
// leaders and the page number, each line a link to its section.
func (lc *context) contents(g *guide.Guide) []element {
	th := lc.th
	var flow []element
	flow = append(flow, lc.heading("H1", g.Wording.Contents, "sommaire", g.Wording.Contents, th.h1())...)
	flow = append(flow, glue(th.headingGap()))
	toc := lc.root.add("TOC")
	if g.Map != nil {
		flow = append(flow, lc.refLine(toc.add("TOCI"), g.Map.Title, g.Map.Anchor)...)
	}
	for _, ix := range g.ByNeed {
		flow = append(flow, lc.refLine(toc.add("TOCI"), refIndexTitle(ix), ix.Anchor)...)
	}
	// The parts after the places, laid out under parent; measured, with
	// their page numbers left out, which change from one pass to the next
	// and would change the choice below with them.
	rest := func(parent func() *Node, measured bool) []element {
		var out []element
		for _, p := range []struct {
			on            bool
			title, anchor string
		}{{g.Figures != nil, figuresTitle(g.Figures), "chiffres"}, {g.Communes != nil, refIndexTitle(g.Communes), guide.CommuneIndexAnchor}, {g.Parts.Index, g.Wording.Index, guide.PlaceIndexAnchor}, {g.Needs != nil, refIndexTitle(g.Needs), guide.NeedsIndexAnchor}, {g.Parts.About, g.Wording.About, "a-propos"}} {
			if !p.on {
				continue
			}
			anchor := p.anchor
			if measured {
				anchor = ""
			}
			out = append(out, lc.refLine(parent(), p.title, anchor)...)
		}
		return out
	}
	// The sections are listed when the sommaire holds on one page with
	// them; else the index of communes lists them, and the sommaire names
	// the part of the places only.
	// Measured one below the other: the communes a sommaire lists in
	// columns would take it off the page of the how-to, where the index
	// of communes lists them all.
	all := slices.Clone(flow)
	for _, s := range g.Sections {
		all = append(all, lc.refLine(&Node{}, s.Title, "")...)
	}
	all = append(all, rest(func() *Node { return &Node{} }, true)...)
	top, bottom := lc.frame()
	if g.SectionsTitle == "" || len(g.Sections) == 0 || height(group{elems: all}) <= bottom-top {
		flow = append(flow, lc.sectionLines(g, func() *Node { return toc.add("TOCI") })...)
	} else {
		flow = append(flow, lc.refLine(toc.add("TOCI"), g.SectionsTitle, g.Sections[0].Anchor)...)
	}
	return append(flow, rest(func() *Node { return toc.add("TOCI") }, false)...)
}

// sectionLines are the lines of the sommaire that list the sections,
// each under an item that parent makes: in two columns, as the index of
// communes, when most titles hold on one line of a column with a page
// number of three digits (without that index, the 34 communes of the
// Hérault take a page and a bit, not two and a half), else one below the
// other. The choice depends on no page number, which changes from pass
// to pass.
func (lc *context) sectionLines(g *guide.Guide, parent func() *Node) []element {
	th := lc.th
	st := th.body()
	c := columns{n: 2, gutter: th.columnGap()}
	width := c.width(th.contentWidth())
	room := width - lc.width("000 . . .", st)
	wrapped := 0
	for _, s := range g.Sections {
		if lc.width(s.Title, st) > room {
			wrapped++
		}
	}
	if n := len(g.Sections); n < minSectionColumns || wrapped > n/4 {
		var flow []element
		for _, s := range g.Sections {
			flow = append(flow, lc.refLine(parent(), s.Title, s.Anchor)...)
		}
		return flow
	}
	var lines []indexLine
	for _, s := range g.Sections {
		lines = append(lines, lc.linkLine(parent().add("Link"), s.Title, s.Anchor))
	}
	c.items = lc.indexItems(lines)(width)
	return []element{c, glue(th.rowGap())}
}

// minSectionColumns is the fewest sections the sommaire lists in
// columns: a few lines read more easily one below the other.
const minSectionColumns = 8

// refLine is a line of the contents or of the index: text, dot leaders,
// page number, all of it a link to the anchor.
func (lc *context) refLine(item *Node, text, anchor string) []element {
	th := lc.th
	l := lc.linkLine(item.add("Link"), text, anchor)
	boxes, _ := lc.leaderLine(l.words, l.pages, th.contentWidth(), 0) // not in columns: a cut word changes no choice
	return []element{keep(boxes), glue(th.rowGap())}
}

// linkLine is a line of the contents or of an index that names one page:
// text, then the page number of anchor, both in the body's style and a
// link to anchor under n.
func (lc *context) linkLine(n *Node, text, anchor string) indexLine {
	st := lc.th.body()
	link, num := lc.pageLink(n, text, anchor)
	return indexLine{words: []Span{{Text: text, Style: st, Node: n, Link: link}},
		pages: []Span{{Text: num, Style: st, Node: n, Link: link}}}
}

// pageLink is a link under n to the page of anchor, which a screen reader
// says with text, and that page's number.
func (lc *context) pageLink(n *Node, text, anchor string) (*Link, string) {
	num := lc.pageRef(anchor)
	return &Link{Anchor: anchor, Alt: guide.Fill(lc.words.Alt.PageOf, "titre", text, "page", num), Node: n}, num
}

// leaderLine breaks spans in width, lines after the first indented by
// hang, and ends the last line with dot leaders and right, flush right:
// the page numbers of a table of contents or of an index. Only the last
// line keeps room for the number, unless the lines then break otherwise:
// they would in the next pass, where numbers replace placeholders. It
// tells whether a word had to be cut between letters.
func (lc *context) leaderLine(spans, right []Span, width, hang float64) ([]box, bool) {
	st := lc.th.body()
	dots := lc.printable(".", st)
	dotW := st.Face.Width(dots+" ", st.Size)
	sh, lines, num := lc.leaderShape(spans, right, width, hang, dotW)
	if sh.many {
		right = nil
	}
	for _, r := range sh.lacking {
		lc.missing[r] = true
	}
	boxes := make([]box, len(lines))
	for i, l := range lines {
		l, last, indent := l, i == len(lines)-1, hang
		if i == 0 {
			indent = 0
		}
		boxes[i] = box{height: max(l.leading, num.leading), draw: func(p *pageWriter, x, y float64) {
			lc.drawLine(p, l, x+indent, y)
			if !last || len(right) == 0 {
				return
			}
			from := x + indent + l.width + dotW/2
			to := x + width - num.width - dotW/2
			var leader []byte
			for w := 0.0; w+dotW <= to-from; w += dotW {
				leader = append(leader, ". "...)
			}
			if len(leader) > 0 {
				s := lc.printable(string(leader), st)
				lw := st.Face.Width(s, st.Size)
				p.add(&Text{X: to - lw + dotW/2, Y: y + l.ascent, Face: st.Face, Size: st.Size, Color: lc.th.Text, S: s, Width: lw})
			}
			lc.drawLine(p, num, x+width-num.width, y)
		}}
	}
	return boxes, sh.cut == letterCut
}

// section is a chapter: its heading, kept with its first entry, then the
// entries. The first opens with what all the places share, when it holds
// on the page of the first place (see opening).
func (lc *context) section(g *guide.Guide, s *guide.Section, first bool) []element {
	th := lc.th
	var flow []element
	var opening *guide.Shared
	var og group // the first entry, as it goes with what opens the places
	var on *Node
	if first {
		flow = append(flow, newPage{furniture: true})
		opening, og, on = lc.opening(g)
	} else {
		flow = append(flow, th.sectionGap())
	}
	st := lc.sectionEntry(s)
	var sh []box
	if opening != nil {
		// It carries the first section's mark, so that the page it
		// opens has no running head left over from the part before.
		sh = lc.shared(opening)
		sh[0].mark = s.Title
	}
	o := lc.sectionOpening(s, st)
	heading, g0, n0 := lc.sectionHead(s, o, st, sh != nil)
	if sh != nil {
		g0, n0 = og, on
		sh[len(sh)-1].keepWithNext = true
		flow = append(flow, keep(sh), glue(th.gap()))
	}
	lc.root.Kids = append(lc.root.Kids, n0.Kids...)
	flow = append(flow, heading...)
	flow = append(flow, g0)
	for _, e := range o.entries[1:] {
		flow = append(flow, lc.laidOut(e, lc.root, st))
	}
	return flow
}

// opener is how a section with nothing shared above its first entry
// opens: the order of its entries and the style of its heading, or
// inBand, the heading set as the running head of a page it opens.
type opener struct {
	entries []*guide.Entry
	heading Style
	inBand  bool
}

// sectionOpening is how the section opens, decided once for all passes.
// Its heading is in the style of the headings, and its entries in the
// guide's order, unless the first holds on a page alone but not under
// the heading, which never ends a page, so that it would be cut between
// pages. Then the heading is set a size smaller, that of a place's name,
// if the entry holds under it so (a heading of two lines on A5, such as
// « Plateau-des-Petites-Roches », takes one); else the first later entry
// that holds under the heading opens the section, and the first follows
// it, whole (Saint-Marcellin in the Isère booklet by service): places are
// found by commune and by the indexes' pages, not by their rank in a
// commune. When none does, the section opens a page, its heading set as
// the running head, whole beside the page number, and the first entry
// holds below.
func (lc *context) sectionOpening(s *guide.Section, st entryStyle) opener {
	return recall(lc.memo, lc.memo.openers, s, func() opener { return lc.chooseOpening(s, st) })
}

// chooseOpening is how s opens (see sectionOpening), found by trials.
func (lc *context) chooseOpening(s *guide.Section, st entryStyle) opener {
	th := lc.th
	o := opener{heading: th.h1()}
	for i := range s.Entries {
		o.entries = append(o.entries, &s.Entries[i])
	}
	defer lc.scratch()()
	// under tells whether e holds on a page under the heading, alone
	// whether it holds on one by itself.
	under := func(e *guide.Entry, hst Style) bool {
		lc.root = &Node{} // a trial: its structure is dropped
		_, _, fits := lc.firstEntry(e, lc.heading("H1", s.Title, s.Anchor, s.Title, hst), st, true)
		return fits
	}
	alone := func(e *guide.Entry) bool {
		_, _, fits := lc.firstEntry(e, nil, st, true)
		return fits
	}
	smaller := th.h2()
	smaller.Color = th.Accent
	switch first := o.entries[0]; {
	case s.Shared != nil || under(first, o.heading) || !alone(first):
		// What is shared may end the page above the first (see
		// sectionHead); an entry taller than a page is cut anyway.
	case under(first, smaller):
		o.heading = smaller
	default:
		for k, e := range o.entries[1:] {
			if under(e, o.heading) {
				o.entries = slices.Concat([]*guide.Entry{e}, o.entries[:k+1], o.entries[k+2:])
				return o
			}
		}
		o.inBand = lc.holdsInBand(s.Title)
	}
	return o
}

// holdsInBand tells whether a section's title holds whole as the running
// head, beside a page number of three digits when it is there, both set
// smaller as the running heads are, never under 16 pt.
func (lc *context) holdsInBand(title string) bool {
	th := lc.th
	st := th.strong()
	st.Size = MinSize
	room := th.contentWidth()
	if th.folioAbove {
		room -= th.folioGap() + th.body().Face.Width(folioSample(lc.words), MinSize)
	}
	return st.Face.Width(lc.printable(title, st), MinSize) <= room
}

// opening is what opens the places, of what they all share: all of it
// when it holds on the page of the first place, with its heading, the
// place closed up if need be; else the year of their information alone,
// when it holds there. It is nil when neither does, or there is nothing
// shared: alone on a page, it would be a page turned for nothing, and
// the how-to says it all the same. With it comes the first entry as it
// goes under it, its structure under the node.
func (lc *context) opening(g *guide.Guide) (*guide.Shared, group, *Node) {
	if g.Shared == nil || len(g.Sections) == 0 {
		return nil, group{}, nil
	}
	defer lc.scratch()()
	s := &g.Sections[0]
	st := lc.sectionEntry(s)
	candidates := []*guide.Shared{g.Shared}
	if g.Shared.Updated != "" && (len(g.Shared.Services) > 0 || len(g.Shared.Facts) > 0) {
		candidates = append(candidates, &guide.Shared{Text: g.Shared.Text, Updated: g.Shared.Updated})
	}
	o := lc.sectionOpening(s, st)
	for _, c := range candidates {
		lc.root = &Node{} // a trial: its structure is dropped
		heading, _, _ := lc.sectionHead(s, o, st, true)
		with := append([]element{keep(lc.shared(c)), glue(lc.th.gap())}, heading...)
		if g0, n0, fits := lc.firstEntry(o.entries[0], with, st, s.Shared == nil); fits {
			return c, g0, n0
		}
	}
	return nil, group{}, nil
}

// sectionHead is the heading of a section, with what its places share,
// and its first entry, which goes with them. Under what all the guide's
// places share (underShared), the heading stays in the flow with it,
// never the running head of a page it would open.
func (lc *context) sectionHead(s *guide.Section, o opener, st entryStyle, underShared bool) ([]element, group, *Node) {
	th := lc.th
	if s.Short != "" {
		lc.shortHeads[s.Title] = s.Short
	}
	first := o.entries[0]
	if o.inBand && !underShared {
		// The heading is the running head of the page it opens: its
		// words drawn there (see furniture), the first entry below.
		b := box{keepWithNext: true, anchor: s.Anchor, mark: s.Title, inBand: lc.root.add("H1")}
		g0, n0, _ := lc.firstEntry(first, nil, st, true)
		return []element{newPage{furniture: true}, b}, g0, n0
	}
	heading := lc.heading("H1", s.Title, s.Anchor, s.Title, o.heading)
	if s.Shared == nil {
		g0, n0, _ := lc.firstEntry(first, heading, st, true)
		return heading, g0, n0
	}
	// What the section's places share goes with its heading, as one
	// box kept with the first place; when that would fill half a page
	// (a long heading, large type on A5), or leave no room for the
	// first place that a page holds whole, the heading is kept with
	// the first lines of what is shared instead, and the first place
	// may go on to the next page.
	sh := lc.shared(s.Shared)
	top, bottom := lc.frame()
	stacked := heading
	if len(heading) == 1 && height(heading[0])+th.rowGap()+height(keep(sh)) <= (bottom-top)/2 {
		last := heading[0].(box)
		b := stack(append([]box{last, {height: th.rowGap()}}, sh...))
		b.keepWithNext, b.anchor, b.mark = true, last.anchor, last.mark
		stacked = []element{b}
	}
	if len(stacked) == 1 {
		if g0, n0, fits := lc.firstEntry(first, stacked, st, false); fits {
			return stacked, g0, n0
		}
	}
	g0, n0, _ := lc.firstEntry(first, nil, st, false)
	return append(heading, glue(th.rowGap()), keep(sh)), g0, n0
}

// firstEntry is the first entry of a section, which goes with what
// stays with it (its heading): when both are taller than a page though
// the entry alone is not, the entry closes up (see entryStyle.closer)
// rather than be cut between pages to keep the heading company. It
// reports whether they hold on a page together; the entry's structure
// is under the node it returns. Without a shared box between them, the
// heading right above sets the entry apart: no rule.
func (lc *context) firstEntry(e *guide.Entry, with []element, st entryStyle, noRule bool) (group, *Node, bool) {
	top, bottom := lc.frame()
	lay := func(st entryStyle) (group, *Node) {
		n := &Node{}
		g := lc.laidOut(e, n, st)
		if _, ok := g.elems[0].(rule); ok && noRule {
			g.elems = g.elems[1:]
		}
		return g, n
	}
	g, n := lay(st)
	h := height(group{elems: with})
	for c, ok := st.closer(); ok && h+height(g) > bottom-top; c, ok = c.closer() {
		if cg, cn := lay(c); h+height(cg) <= bottom-top {
			g, n = cg, cn
		}
	}
	return g, n, h+height(g) <= bottom-top
}

// sectionEntry is the style of the entries of a section: under the
// heading of their commune, they leave it out of their address.
func (lc *context) sectionEntry(s *guide.Section) entryStyle {
	st := lc.guideEntry()
	st.street = s.NamesCommune
	return st
}

// index lists the places, A to Z, with their pages, filed by initial
// letters, in columns when the page is wide enough (see indexColumns):
// those named after their commune are left to the index of communes.
func (lc *context) index(g *guide.Guide) []element {
	th := lc.th
	flow := lc.heading("H1", g.Wording.Index, guide.PlaceIndexAnchor, g.Wording.Index, th.h1())
	if g.IndexIntro != "" {
		flow = append(flow, lc.indexIntro(g.IndexIntro)...)
	}
	var lines []indexLine
	lists := letterLists{root: lc.root}
	var listed []guide.IndexEntry
	for _, e := range g.Index {
		if !e.AtCommune {
			listed = append(listed, e)
		}
	}
	for i := 0; i < len(listed); {
		e := listed[i]
		same := 1 // the places of e's name, in the communes that follow it
		for e.Commune != "" && i+same < len(listed) && listed[i+same].Name == e.Name && listed[i+same].Commune != "" {
			same++
		}
		list := lists.of(e.Letter, func(letter string) { lines = append(lines, lc.initialLetter(letter)) })
		body := list.add("LI").add("LBody")
		if e.Pages != nil {
			// Places of one name in a guide that names no commune: one
			// line, their pages flush right.
			words := []Span{{Text: e.Text, Style: th.body(), Node: body.add("Span")}}
			lines = append(lines, indexLine{words: words, pages: lc.pageSpans(e.Pages, th.body(), body)})
			i += len(e.Pages.Anchors)
			continue
		}
		if same == 1 {
			lines = append(lines, lc.linkLine(body.add("Link"), e.Text, e.Anchor))
			i++
			continue
		}
		// One line for the places of one name, each commune with its page:
		// « Croix Rouge Française : Agde 7, Béziers 8 », shorter by as many
		// lines as the name has places, less its own. Each place is a link
		// of its own, so the wording is cut around « {lieux} »; the space
		// before the first place goes with it, as a separator does.
		before, after, _ := strings.Cut(lc.words.IndexSameName, "{lieux}")
		head := guide.Fill(before, "nom", e.Name)
		name := strings.TrimRight(head, " ")
		words := []Span{{Text: name, Style: th.body(), Node: body.add("Span")}}
		sep := head[len(name):]
		for _, o := range listed[i : i+same] {
			n := body.add("Link")
			l, num := lc.pageLink(n, o.Text, o.Anchor)
			words = append(words, Span{Text: sep + guide.Fill(lc.words.IndexPlace, "commune", o.Commune, "page", num), Style: th.body(), Node: n, Link: l})
			sep = lc.words.IndexSep
		}
		if after != "" {
			words = append(words, Span{Text: guide.Fill(after, "nom", e.Name), Style: th.body(), Node: body.add("Span")})
		}
		lines = append(lines, indexLine{words: words})
		i += same
	}
	return append(flow, glue(th.headingGap()), lc.indexColumns(lines))
}

// notes is a page of ruled lines for the reader's own notes.
func (lc *context) notes(g *guide.Guide) []element {
	th := lc.th
	flow := lc.heading("H1", g.Wording.Notes, "notes", g.Wording.Notes, th.h1())
	step := 2 * th.body().Leading()
	return append(flow, fill(func(p *pageWriter, x, y, h float64) {
		for ly := y + step; ly <= y+h; ly += step {
			p.add(&Rect{X: x, Y: ly - 1, W: th.contentWidth(), H: 1, Fill: Grey})
		}
	}))
}

// about is the colophon, on one page (see fitted): when it does not hold
// there even in smaller type, the data is named without its places' own
// sources.
func (lc *context) about(g *guide.Guide) []element {
	full := func(lc *context) []element { return lc.aboutParts(g, g.About.Source) }
	if flow, ok := lc.fitted(full); ok {
		return flow
	}
	brief := func(lc *context) []element { return lc.aboutParts(g, cmp.Or(g.About.SourceBrief, g.About.Source)) }
	if flow, ok := lc.fitted(brief); ok {
		return flow
	}
	return lc.at(MinSize, brief)
}

// fitted builds the parts of a page read once, for a name or a number
// (the colophon, the back cover), at the body's size, or as much smaller
// as they need to hold on one page (A5, large type), never below MinSize.
// It reports false, and builds nothing, when they do not fit even then.
func (lc *context) fitted(build func(*context) []element) ([]element, bool) {
	top, bottom := lc.frame()
	for size := lc.th.Size; size >= MinSize; size-- {
		if lc.trial(func() bool { return height(group{elems: lc.at(size, build)}) <= bottom-top }) {
			return lc.at(size, build), true
		}
	}
	return nil, false
}

// at builds parts in a context whose body is size points: their boxes
// draw in it too. The rest of the context is shared.
func (lc *context) at(size float64, build func(*context) []element) []element {
	sub := *lc
	sub.th.Size = size
	flow := build(&sub)
	lc.warnings = sub.warnings
	return flow
}

// aboutParts are the colophon's paragraphs, the data named by source.
func (lc *context) aboutParts(g *guide.Guide, source string) []element {
	th := lc.th
	flow := lc.heading("H1", g.Wording.About, "a-propos", g.Wording.About, th.h1())
	flow = append(flow, glue(th.itemGap()))
	a := g.About
	// Paragraphs close together: the counts are on the cover.
	for _, s := range append([]string{source + " " + a.Licence, a.SourceDate, a.Generated}, a.FontCredits...) {
		if s = strings.TrimSpace(s); s != "" {
			flow = append(flow, lc.paragraph(lc.root, s, th.body())...)
			flow[len(flow)-1] = glue(th.rowGap())
		}
	}
	if g.Publisher.Name != "" || g.Publisher.Contact != "" {
		flow = append(flow, lc.paragraph(lc.root, joinNonEmpty(g.Publisher.Name, g.Publisher.Contact), th.body())...)
	}
	return flow
}

// backCover is the last page of an A5 book, the back of the booklet a
// reader holds: who hands the guide out, and the numbers to call. It is
// one page (see fitted): helplines that would not fit even then are left
// to the how-to. A4 guides, printed as loose or stapled sheets, have none.
func (lc *context) backCover(g *guide.Guide) []element {
	if lc.th.Format != A5 {
		return nil
	}
	for n := len(g.Helplines); n >= 0; n-- {
		flow, ok := lc.fitted(func(lc *context) []element { return lc.backCoverParts(g, g.Helplines[:n]) })
		if ok && len(flow) > 0 {
			return []element{group{elems: flow}}
		}
	}
	return nil
}

func (lc *context) backCoverParts(g *guide.Guide, helplines []guide.Helpline) []element {
	th := lc.th
	var flow []element
	if logo := lc.logo(g.Publisher, mm(20), th.contentWidth()/2); logo.height > 0 {
		flow = append(flow, logo, glue(th.gap()))
	}
	if g.Publisher.Name != "" {
		p := lc.root.add("P")
		for _, b := range lc.para([]Span{{Text: g.Publisher.Name, Style: th.h2(), Node: p}}, 0, th.contentWidth()) {
			flow = append(flow, b)
		}
	}
	if g.Publisher.Contact != "" {
		flow = append(flow, lc.paragraph(lc.root, g.Publisher.Contact, th.body())...)
	}
	for i, h := range helplines {
		if i == 0 {
			flow = append(flow, lc.heading("H2", g.Wording.Helplines, "", "", th.h2())...)
		}
		flow = append(flow, lc.helpline(lc.root, h)...)
	}
	return flow
}

func joinNonEmpty(parts ...string) string {
	s := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if s != "" {
			s += "\n"
		}
		s += p
	}
	return s
}

func figuresTitle(f *guide.Figures) string {
	if f == nil {
		return ""
	}
	return f.Title
}
