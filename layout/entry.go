package layout

import (
	"slices"
	"strings"

	"livret/guide"

	"rsc.io/qr"
)

// The parts of an entry, in order, as the sample entry numbers them.
const (
	partName = iota + 1
	partAddress
	partPhone
	partHours
	partFacts
	partServices
	partLinks
)

// entryStyle is how an entry looks: in a guide, on a sheet of its own,
// in a leaflet.
type entryStyle struct {
	heading  string  // structure role of the name: H2 in a guide, H1 on a sheet
	name     Style   // style of the name
	phone    Style   // style of the phone numbers
	qr       float64 // size of the QR code, quiet zone included; 0 for none
	compact  bool    // name, address, phone (or that none is known) and hours only (leaflet)
	summary  bool    // print the place's presentation (sheets)
	dense    bool    // no air between parts, the name and phone in body type: for an entry taller than a page
	packed   bool    // the details and services one list, widest first, a row the next chip does not fit taking a later one that does (see rows)
	together bool    // the specific support said as one fact that flows on, one pictogram for all (see guide.Together)
	contacts bool    // the web address and the e-mail on the phone's line when they hold there (see chipsAfter)
	markers  bool    // number the parts in the right margin (sample entry)
	street   bool    // the address without postal code and commune: the heading above names them
}

// address is the lines of the address an entry prints.
func (e entryStyle) address(en *guide.Entry) []string {
	if e.street {
		return en.Street()
	}
	return en.Address
}

// guideEntry is the style of an entry in a guide.
func (lc *context) guideEntry() entryStyle {
	th := lc.th
	st := entryStyle{heading: "H2", name: th.h2(), phone: th.phone()}
	if th.QR {
		st.qr = th.entryQR()
	}
	return st
}

// parts lists the parts an entry shows, in order: the sample entry numbers
// them and the page « Comment lire ce guide » explains them.
func parts(e *guide.Entry, st entryStyle) []int {
	ps := []int{partName}
	for _, p := range []struct {
		n  int
		on bool
	}{
		{partAddress, len(st.address(e)) > 0 || e.Directions != ""},
		{partPhone, len(e.Phones) > 0 || e.NoPhone != ""},
		{partHours, len(e.Hours.Lines) > 0 || e.Hours.Note != "" || e.Closure != ""},
		{partFacts, !st.compact && len(e.Facts) > 0},
		{partServices, !st.compact && len(e.Services) > 0},
		{partLinks, !st.compact && (e.Email != nil || e.Website != nil || e.Updated != "" || e.QR != "" && st.qr > 0)},
	} {
		if p.on {
			ps = append(ps, p.n)
		}
	}
	return ps
}

// entryFrame is the geometry of an entry.
type entryFrame struct {
	width   float64 // width of the entry
	iconCol float64 // width of the pictogram column
	markers bool    // number the parts in the right margin (sample entry)
}

func (lc *context) entryFrame(markers bool) entryFrame {
	th := lc.th
	w := th.contentWidth()
	if markers {
		w -= lc.markerSize() + th.labelGap()
	}
	return entryFrame{width: w, iconCol: th.iconSize() + th.iconGap(), markers: markers}
}

// markerSize is the diameter of the numbered discs of the sample entry:
// one line high, so that its explanations keep the body's line spacing.
func (lc *context) markerSize() float64 { return lc.th.body().Leading() }

// entry lays out one place. The result is one group: an entry never
// splits across pages, unless it is taller than a page (very large type on
// A5): it is then split between its parts, and the next page opens with
// the place's name followed by « (suite) ». Its QR codes stand on the
// right, beside its name, its facts, its services or its links, whichever
// makes the entry shortest: the rows beside them are narrower.
func (lc *context) entry(e *guide.Entry, parent *Node, st entryStyle) group {
	var g group
	var chosen *Node
	best := 0.0 // height of g
	styles := []entryStyle{st}
	if together, ok := guide.Together(e.Facts); ok && !st.together && lc.factsHeight(together, st) <= lc.factsHeight(e.Facts, st) {
		// The specific support said as one may take fewer rows, when
		// its rows alone are no more: a guess that spares the trials of
		// most entries.
		t := st
		t.together = true
		styles = append(styles, t)
	}
	if !st.packed && (len(e.Services)+len(e.Facts) > 2 || e.Updated != "" && e.Email != nil && e.Website != nil) {
		// So may the practical details and the services packed into
		// their rows.
		for _, st := range styles {
			st.packed = true
			styles = append(styles, st)
		}
	}
	if !st.contacts && !st.compact && !st.markers && (len(e.Phones) > 0 || e.NoPhone != "") && (e.Website != nil || e.Email != nil) {
		// So may the web address and the e-mail on the phone's line.
		for _, st := range styles {
			st.contacts = true
			styles = append(styles, st)
		}
	}
	// A style after the first is kept only when it saves more than the
	// air between two parts (the details and the services packed in one
	// list have none between them): the words keep their order unless
	// a row is saved.
	kept := 0 // the style of g
	for i, st := range styles {
		for from := -1; from < len(secondaryParts); from++ {
			n := &Node{}
			gg, codes, placed, beside := lc.placeEntry(e, n, st, from)
			if placed {
				margin := 0.01
				if i != kept {
					margin += lc.th.partGap().natural
				}
				if h := height(gg); chosen == nil || h < best-margin {
					g, chosen, best, kept = gg, n, h, i
				}
			}
			if !codes || !placed {
				break // nothing to place, or no list left to place it beside
			}
			// The codes asked beside an empty list start beside the next:
			// asking beside any list up to that one lays the entry out alike.
			from = beside
		}
	}
	if top, bottom := lc.frame(); best-opening(g) > bottom-top {
		// Taller than a page, its rule dropped at the top, it would be
		// cut: more compact, it may hold on one.
		if c, ok := st.closer(); ok {
			n := &Node{}
			if cg := lc.entry(e, n, c); height(cg) <= best {
				parent.Kids = append(parent.Kids, n.Kids...)
				return cg
			}
		}
	}
	parent.Kids = append(parent.Kids, chosen.Kids...)
	return g
}

// factsHeight is the height of facts set in rows in the whole width of
// an entry, unpacked.
func (lc *context) factsHeight(facts []guide.Fact, st entryStyle) float64 {
	items := make([]chip, len(facts))
	for i, f := range facts {
		items[i] = chip{icon: f.Icon, text: f.Text}
	}
	return height(keep(lc.chips(lc.entryFrame(st.markers), &Node{}, items)))
}

// closer is the next more compact style after st, for an entry taller
// than its room: closer together (dense), then without QR codes, whose
// column narrows the rows beside it (the addresses stay printed, and
// linked), then packed, a short service ending the row of the facts when
// there is room there (« Gratuit », « Emploi ») rather than opening one
// of its own (see rows). It reports false when there is none.
func (st entryStyle) closer() (entryStyle, bool) {
	switch {
	case st.compact:
		return st, false
	case !st.dense:
		st.dense = true
		return st, true
	case st.qr > 0:
		st.qr = 0
		return st, true
	case !st.packed:
		st.packed = true
		return st, true
	}
	return st, false
}

// secondaryParts are the parts that flow in rows of chips, in order.
var secondaryParts = []int{partFacts, partServices, partLinks}

// qrColumn is the column of QR codes on the right of an entry's rows: the
// rows beside it are narrower.
type qrColumn struct {
	size   float64 // side of a code, quiet zone included
	top    float64 // where it starts, from the top of the entry; negative until it is placed
	from   int     // the list of chips beside which it starts (see rows), -1 for beside the name
	height float64
	codes  []columnCode
}

type columnCode struct { // a QR code in the column
	y       float64 // from the top of the column
	modules [][]bool
	node    *Node
	link    *Link
}

// beside reports whether a row starting at y stands beside the column.
func (c *qrColumn) beside(y float64) bool {
	return c.top >= 0 && y >= c.top && y < c.top+c.height
}

// drawnBy makes b draw the column's codes, on the right of width, the
// top of the column level with the top of b.
func (c *qrColumn) drawnBy(b box, width float64) box {
	draw := b.draw
	b.overhang = max(b.overhang, c.height-b.height)
	b.draw = func(p *pageWriter, x, y float64) {
		if draw != nil {
			draw(p, x, y)
		}
		for _, q := range c.codes {
			p.add(&QR{X: x + width - c.size, Y: y + q.y, Size: c.size, Modules: q.modules, node: q.node, Link: q.link})
		}
	}
	return b
}

// placeEntry lays out an entry with its QR codes beside its name (from
// -1) or beside secondaryParts[from] (or the next part there is). It tells
// whether the entry has QR codes, whether they found their place, and
// beside which list they start (-1 for the name).
func (lc *context) placeEntry(e *guide.Entry, parent *Node, st entryStyle, from int) (g group, codes, placed bool, beside int) {
	th := lc.th
	fr := lc.entryFrame(st.markers)
	gap := th.partGap() // a little air between parts groups the lines that belong together
	if st.dense {
		gap = spring{}
		st.name, st.phone = th.strong(), th.strong()
	}

	// A thin rule opens every entry, like the lines of a directory.
	g.elems = append(g.elems, rule(th.entryRule()))
	g.cont = func(lc *context, taller bool) []box {
		// Told as it is: taller than a page, or holding on one but not
		// under the heading that must stay with it.
		lc.warn(guide.SplitWarning(e.Name, taller, th.Format.Name == A4.Name))
		// One line at most, however long the name: the continuation must
		// leave the page to what continues.
		before, after, _ := strings.Cut(lc.words.Continued, "{nom}")
		name := lc.fitOneLine(e.Name, st.name, fr.width-lc.width(before+after, st.name))
		return lc.para([]Span{{Text: before + name + after, Style: st.name}}, 0, fr.width)
	}

	// The codes, first: where they stand narrows the rows beside them.
	var facts, services, links []chip
	fs := e.Facts
	if st.together {
		fs, _ = guide.Together(fs)
	}
	for _, f := range fs {
		c := chip{icon: f.Icon, text: f.Text, named: f.Named}
		if f.Link != nil {
			c.link = &Link{URL: f.Link.URL, Alt: guide.Fill(lc.words.Alt.Open, "adresse", f.Link.Text)}
			c.qr = f.Link.URL
		}
		facts = append(facts, c)
	}
	for _, sv := range e.Services {
		services = append(services, chip{icon: sv.Icon, text: sv.Label})
	}
	if e.Website != nil {
		links = append(links, chip{icon: "website", text: e.Website.Text, qr: e.QR,
			link: &Link{URL: e.Website.URL, Alt: guide.Fill(lc.words.Alt.Open, "adresse", e.Website.Text)}})
	}
	if e.Email != nil {
		links = append(links, chip{icon: "email", text: e.Email.Text, email: true, link: &Link{URL: e.Email.URL, Alt: guide.Fill(lc.words.Alt.Write, "adresse", e.Email.Text)}})
	}
	if e.Updated != "" {
		links = append(links, chip{text: e.Updated})
	}
	lists := [][]chip{facts, services, links}
	if st.packed && !fr.markers && !st.dense {
		// Packed, the practical details and the services are one list
		// whose rows take whichever fits (see rows): neither follows an
		// order the reader relies on, each has its pictogram. Not in an
		// entry closed up to hold on a page: cut if it does not, it
		// parts between pages where they part.
		lists = [][]chip{append(facts, services...), nil, links}
	}
	col := &qrColumn{size: st.qr, top: -1, from: from}
	if st.qr > 0 && !st.compact {
		for _, list := range lists {
			for i := range list {
				c := &list[i]
				if c.qr == "" {
					continue
				}
				m, err := lc.memo.qrModules(c.qr)
				if err != nil {
					lc.warn(guide.QRWarning(c.qr, false))
					c.qr = ""
					continue
				}
				if len(col.codes) > 0 {
					col.height += th.codeGap()
				}
				col.codes = append(col.codes, columnCode{y: col.height, modules: m})
				col.height += st.qr
			}
		}
	}
	if from < 0 && len(col.codes) > 0 {
		col.top = 0
	}
	linkCode := 0 // the first code of the links, which may go on the phone's line
	for _, list := range lists[:2] {
		for _, c := range list {
			if c.qr != "" && st.qr > 0 && !st.compact {
				linkCode++
			}
		}
	}
	// width is the width of a row starting at y.
	y := 0.0 // top of the next row, from the top of the name
	width := func() float64 {
		if col.beside(y) {
			return fr.width - col.size - th.columnGap()
		}
		return fr.width
	}

	marker := 0 // number of the last part marked, in the sample entry
	drawn := false
	part := func(n int, boxes []box) {
		if len(boxes) == 0 {
			return
		}
		if n > partName {
			// A little air between parts groups the lines that belong together.
			g.elems = append(g.elems, gap)
			y += gap.natural
		}
		if fr.markers {
			marker++
			boxes[0] = lc.withMarker(boxes[0], marker)
		}
		for i := range boxes {
			if !drawn && col.top >= 0 && y >= col.top-0.01 {
				// The first box beside the codes draws them.
				boxes[i] = col.drawnBy(boxes[i], fr.width)
				drawn = true
			}
			y += boxes[i].height
		}
		g.elems = append(g.elems, keep(boxes))
	}

	heading := parent.add(st.heading)
	name := lc.para(append(mapNumber(e, st.name, heading), Span{Text: e.Name, Style: st.name, Node: heading}), 0, width())
	name[0].anchor = e.Anchor
	name[len(name)-1].keepWithNext = true // never the last line of a page
	part(partName, name)

	if address := st.address(e); len(address) > 0 || e.Directions != "" {
		p := parent.add("P")
		// One flowing line when it fits: the postal code and the commune
		// hold together by their no-break space.
		text := strings.Join(address, ", ")
		if e.Directions != "" {
			text = strings.TrimPrefix(text+"\n"+e.Directions, "\n")
		}
		part(partAddress, lc.iconRow(fr, width(), "address", p, []Span{{Text: text, Style: th.body(), Node: p.add("Span")}}))
	}
	var clock func(p *pageWriter, x, y float64) // draws the hours' pictogram when their note ends the phone's line
	if len(e.Phones) > 0 || e.NoPhone != "" {
		p := parent.add("P")
		var spans []Span
		w := width()
		if len(e.Phones) == 0 {
			spans = []Span{{Text: e.NoPhone, Style: th.body(), Node: p.add("Span")}}
		}
		for i, ph := range e.Phones {
			text := ph.Display
			if i > 0 {
				spans = append(spans, Span{Text: "\n" + lc.words.OtherPhone + " ", Style: th.body(), Node: p.add("Span")})
			}
			span := Span{Text: text, Style: lc.phoneStyle(text, st.phone, w-fr.iconCol), Whole: true}
			if ph.URI != "" {
				n := p.add("Link")
				span.Node, span.Link = n, &Link{URL: ph.URI, Alt: guide.Fill(lc.words.Alt.CallPlace, "numero", ph.Display), Node: n}
			} else {
				span.Node = p.add("Span")
			}
			spans = append(spans, span)
			if ph.Note != "" { // an extension: "poste 429"
				spans = append(spans, Span{Text: " (" + ph.Note + ")", Style: th.body(), Node: p.add("Span")})
			}
		}
		lines := lc.breakLines(spans, w-fr.iconCol)
		var after func(p *pageWriter, x, y float64) // draws the pictograms of what ends the last line
		if len(e.Phones) > 0 && len(e.Hours.Lines) == 0 && e.Closure == "" && e.Hours.Note != "" && !st.compact && !fr.markers {
			// Hours not known are said after the number when they
			// hold there, « 04 76 60 70 07 🕒 Horaires inconnus »,
			// rather than on a line of their own.
			lines = slices.Clone(lines) // kept for the next breaks: the last may change
			clock = lc.noteAfter(fr, w, &lines[len(lines)-1], "hours", e.Hours.Note, parent)
			after = clock
		}
		if after == nil && st.contacts && len(lines) == 1 && !st.compact && !fr.markers {
			// The web address and the e-mail, how else to reach the
			// place, after the number or what says there is none.
			lines = slices.Clone(lines)
			var n int
			n, after = lc.chipsAfter(fr, w, &lines[0], lists[2], th.body(), parent, func(c chip, p *Node) {
				if c.qr != "" && linkCode < len(col.codes) {
					lc.tagCode(&col.codes[linkCode], c.qr, p)
					linkCode++
				}
			})
			lists[2] = lists[2][n:]
		}
		boxes := lc.lineBoxes(lines, fr.iconCol)
		if after != nil {
			last := &boxes[len(boxes)-1]
			draw := last.draw
			last.draw = func(p *pageWriter, x, y float64) {
				draw(p, x, y)
				after(p, x, y)
			}
		}
		part(partPhone, lc.withIcon(fr, "phone", p, boxes))
	}
	if clock == nil && (len(e.Hours.Lines) > 0 || e.Closure != "" || e.Hours.Note != "" && !st.compact) {
		part(partHours, lc.hours(fr, width(), e, parent))
	}
	if !st.compact {
		// Facts, services and links flow in rows of pictograms with
		// their words, as many on a row as fit.
		rows := lc.rows(fr, parent, lists, col, y+gap.natural, gap.natural, st.packed) // the gap that part puts before the first list
		part(partFacts, rows[0])
		part(partServices, rows[1])
		part(partLinks, rows[2])
		if links, ok := g.elems[len(g.elems)-1].(group); ok && len(rows[2]) > 0 {
			// In an entry taller than a page, and so cut anyway, the
			// web address, the e-mail and the date may part between
			// pages rather than leave the end of one empty; in an
			// entry that holds on a page, nothing breaks.
			links.flexible = true
			g.elems[len(g.elems)-1] = links
		}
	}
	if end := col.top + col.height; drawn && y < end {
		g.elems = append(g.elems, box{height: end - y}) // room for the codes, when the rows beside them are fewer
	}
	if len(g.elems) >= 4 {
		// The name goes with the first part that follows it, even in an
		// entry split between pages.
		g.elems = append([]element{g.elems[0], group{elems: slices.Clone(g.elems[1:4])}}, g.elems[4:]...)
	}
	if st.summary && e.Summary != "" {
		p := parent.add("P")
		g.elems = append(g.elems, glue(th.itemGap()), keep(lc.para([]Span{{Text: e.Summary, Style: th.body(), Node: p}}, 0, fr.width)))
	}
	return g, len(col.codes) > 0, drawn || len(col.codes) == 0, col.from
}

// hours lays out the hours of an entry beside their pictogram, under
// parent: the closure, the lines, the note. Where a line does not hold
// the days and their hours, they are set as a table when it is shorter:
// the days on the left, the hours on the right, one range a line.
func (lc *context) hours(fr entryFrame, width float64, e *guide.Entry, parent *Node) []box {
	th := lc.th
	text := width - fr.iconCol
	lay := func(table bool) (*Node, []box) {
		p := &Node{Role: "P"}
		para := func(text string, st Style) []box {
			return lc.para([]Span{{Text: text, Style: st, Node: p.add("Span")}}, fr.iconCol, width-fr.iconCol)
		}
		var boxes []box
		if e.Closure != "" {
			boxes = append(boxes, para(e.Closure, th.strong())...)
		}
		switch {
		case table:
			rows, ok := lc.hoursTable(e.Hours.Rows, fr.iconCol, text, p)
			if !ok {
				return nil, nil
			}
			boxes = append(boxes, rows...)
		case len(e.Hours.Lines) > 0:
			boxes = append(boxes, para(strings.Join(e.Hours.Lines, "\n"), th.body())...)
		}
		if e.Hours.Note != "" {
			boxes = append(boxes, para(e.Hours.Note, th.strong())...)
		}
		return p, lc.withIcon(fr, "hours", p, boxes)
	}
	p, boxes := lay(false)
	wraps := slices.ContainsFunc(e.Hours.Lines, func(l string) bool { return lc.width(l, th.body()) > text })
	if wraps && len(e.Hours.Rows) == len(e.Hours.Lines) {
		if tp, table := lay(true); tp != nil && len(table) < len(boxes) {
			p, boxes = tp, table
		}
	}
	parent.Kids = append(parent.Kids, p)
	return boxes
}

// hoursTable lays out rows of hours as a table width wide, indent from
// the left, its text under p: the hours one range a line on the right,
// in a column as wide as the widest, the days on the left in the room
// left, their words broken between lines; a closed line takes the whole
// width. It reports false when a word of the days is wider than their
// column.
func (lc *context) hoursTable(rows []guide.HoursRow, indent, width float64, p *Node) ([]box, bool) {
	th := lc.th
	st := th.body()
	times := 0.0
	for _, r := range rows {
		for _, t := range r.Times {
			times = max(times, lc.width(t, st))
		}
	}
	days := width - th.columnGap() - times
	var boxes []box
	for _, r := range rows {
		if len(r.Times) == 0 {
			boxes = append(boxes, lc.para([]Span{{Text: r.Days, Style: st, Node: p.add("Span")}}, indent, width)...)
			continue
		}
		for _, w := range strings.Fields(r.Days) {
			if lc.width(w, st) > days {
				return nil, false
			}
		}
		left := spaced(lc.breakLines([]Span{{Text: r.Days, Style: st, Node: p.add("Span")}}, days))
		right := spaced(lc.breakLines([]Span{{Text: strings.Join(r.Times, "\n"), Style: st, Node: p.add("Span")}}, times))
		for i := range max(len(left), len(right)) {
			var l, r *line
			b := box{}
			if i < len(left) {
				l = &left[i]
				b.height = l.leading
			}
			if i < len(right) {
				r = &right[i]
				b.height = max(b.height, r.leading)
			}
			b.draw = func(p *pageWriter, x, y float64) {
				if l != nil {
					lc.drawLine(p, *l, x+indent, y)
				}
				if r != nil {
					lc.drawLine(p, *r, x+indent+days+th.columnGap(), y)
				}
			}
			boxes = append(boxes, b)
		}
	}
	return boxes, true
}

// spaced ends the last of the lines of a cell with a space, not measured,
// as a line broken at a space ends (see breakHanging): a screen reader
// does not read the last word of the cell and the first of the next as
// one.
func spaced(lines []line) []line {
	n := len(lines)
	if n == 0 || len(lines[n-1].pieces) == 0 {
		return lines
	}
	l := lines[n-1]
	l.pieces = slices.Clone(l.pieces) // the lines may be kept for the next breaks
	l.pieces[len(l.pieces)-1].text += " "
	return append(slices.Clone(lines[:n-1]), l)
}

// noteAfter sets text, in bold, at the end of l, after the pictogram
// icon (see chipsAfter). It returns what draws the pictogram, or nil when
// the text does not hold there.
func (lc *context) noteAfter(fr entryFrame, width float64, l *line, icon, text string, parent *Node) func(p *pageWriter, x, y float64) {
	if n, draw := lc.chipsAfter(fr, width, l, []chip{{icon: icon, text: text}}, lc.th.strong(), parent, nil); n > 0 {
		return draw
	}
	return nil
}

// chipsAfter sets the first chips that hold at the end of l, each after
// its pictogram, a chip's gap apart, on the line of an entry width wide,
// l starting after the entry's column of pictograms; words without a
// pictogram (the date) never go there, where they would read as the end
// of the line. Their words, in st, share the baseline of the line, each
// chip a paragraph of parent read after l; placed hears of each chip set
// and its paragraph. It returns how many it set, and what draws their
// pictograms at the x and y of the line's box.
func (lc *context) chipsAfter(fr entryFrame, width float64, l *line, chips []chip, st Style, parent *Node, placed func(c chip, p *Node)) (int, func(p *pageWriter, x, y float64)) {
	th := lc.th
	type icon struct {
		name string
		x    float64 // from the start of l
		fig  *Node
	}
	var icons []icon
	n := 0
	for _, c := range chips {
		if c.icon == "" {
			break
		}
		x := l.width + th.chipGap() // where the pictogram stands, from the start of l
		p := &Node{Role: "P"}
		var fig *Node
		if !c.named {
			fig = p.figure(lc.words.Alt.Icons.Of(c.icon))
		}
		role := "Span"
		if c.link != nil {
			role = "Link"
		}
		text := p.add(role)
		if c.link != nil {
			c.link.Node = text
		}
		words := lc.breakLines([]Span{{Text: c.text, Style: st, Node: text, Link: c.link}}, width)
		if len(words) != 1 || fr.iconCol+x+fr.iconCol+words[0].width > width {
			break
		}
		parent.Kids = append(parent.Kids, p)
		if placed != nil {
			placed(c, p)
		}
		pieces := slices.Clone(l.pieces)
		for _, pc := range words[0].pieces {
			pc.x += x + fr.iconCol
			pieces = append(pieces, pc)
		}
		l.pieces, l.width = pieces, x+fr.iconCol+words[0].width
		icons = append(icons, icon{c.icon, x, fig})
		n++
	}
	// The pictograms are centred on the line, as the one in the column is.
	size, leading := th.iconSize(), l.leading
	return n, func(pw *pageWriter, bx, by float64) {
		for _, ic := range icons {
			pw.add(&Icon{X: bx + fr.iconCol + ic.x, Y: by + (leading-size)/2, Size: size, Name: ic.name, Color: th.Accent, node: ic.fig})
		}
	}
}

// tagCode makes a QR code of address url a figure in a link under p,
// where it reads.
func (lc *context) tagCode(c *columnCode, url string, p *Node) {
	n := p.add("Link")
	alt := guide.Fill(lc.words.Alt.QR, "adresse", url)
	c.node = n.figure(alt)
	c.link = &Link{URL: url, Alt: alt, Node: n}
}

// phoneStyle is the style of a phone number: st, its big type, when the
// number holds on a line of width there, else the largest type between
// st's and the body's bold type in which it does (a leaflet's numbers at
// 32 pt), so that it never breaks (only a number wider than a line at
// body size does, between its groups of digits).
func (lc *context) phoneStyle(number string, st Style, width float64) Style {
	for s := st; s.Size > lc.th.body().Size; s.Size -= sizeStep {
		if lc.width(number, s) <= width {
			return s
		}
	}
	return lc.th.strong()
}

// iconRow is text beside a pictogram: the pictogram in the left column,
// centred on the first line, the text in lines beside it, width wide in
// all.
func (lc *context) iconRow(fr entryFrame, width float64, icon string, parent *Node, spans []Span) []box {
	return lc.withIcon(fr, icon, parent, lc.para(spans, fr.iconCol, width-fr.iconCol))
}

// withIcon draws a pictogram in the left column of boxes, centred on the
// first, the pictogram reading first in parent.
func (lc *context) withIcon(fr entryFrame, icon string, parent *Node, boxes []box) []box {
	fig := &Node{Role: "Figure", Alt: lc.words.Alt.Icons.Of(icon)}
	parent.Kids = append([]*Node{fig}, parent.Kids...)
	if len(boxes) == 0 {
		return nil
	}
	first := boxes[0]
	size := lc.th.iconSize()
	boxes[0].draw = func(p *pageWriter, x, y float64) {
		p.add(&Icon{X: x, Y: y + (first.height-size)/2, Size: size, Name: icon, Color: lc.th.Accent, node: fig})
		if first.draw != nil {
			first.draw(p, x, y)
		}
	}
	return boxes
}

// chip is a pictogram with a few words: a service, a practical detail, a
// web address.
type chip struct {
	icon  string // "" for none: the words alone
	text  string
	link  *Link  // where the words lead, if anywhere
	email bool   // an e-mail address: broken only before « @ » or after a dot
	qr    string // address of a QR code to print on the right
	named bool   // the words name what the pictogram means: it is decoration
}

// chips lays out chips in rows, as many on a row as fit, in the whole
// width of the frame.
func (lc *context) chips(fr entryFrame, parent *Node, items []chip) []box {
	return lc.rows(fr, parent, [][]chip{items}, &qrColumn{top: -1}, 0, 0, false)[0]
}

// rows lays out lists of chips, each list opening a row and flowing on as
// few rows as fit: the first pictogram of a row stands in the column of
// the entry's other pictograms, a chip too long for a row has rows of its
// own. The rows beside the column of QR codes are narrower; y is the top
// of the first row, in the entry, the lists being gap apart (the gap
// itself left to the caller). Packed, a row that the next chip of a list
// does not fit takes the first chip after it that does (see movable).
// Each list is a list element of parent, each chip an item whose label is
// its pictogram, in the order they are set. The boxes come back list by
// list.
func (lc *context) rows(fr entryFrame, parent *Node, lists [][]chip, col *qrColumn, y, gap float64, packed bool) [][]box {
	th := lc.th
	size := th.iconSize()
	gapIcon := fr.iconCol - size // the words of a row's first chip line up with the entry's other rows
	gapChip := th.chipGap()
	// chipWidth is the width of a chip on one line: its pictogram and the
	// room after it, then its words.
	chipWidth := func(c chip) float64 {
		w := lc.width(c.text, th.body())
		if c.icon != "" {
			w += fr.iconCol
		}
		return w
	}
	widthAt := func(y float64) float64 {
		if col.beside(y) {
			return fr.width - col.size - th.columnGap()
		}
		return fr.width
	}

	type placed struct {
		chip
		fig   *Node
		lines []line
		x, w  float64
		h     float64
		// goesOn: the chip's last line is on the next row, which the
		// row is kept with (see emit).
		goesOn bool
	}
	out := make([][]box, len(lists))
	// emit makes the boxes of a row of the list k.
	emit := func(r []placed, k int) {
		if len(r) == 1 && len(r[0].lines) > 1 {
			// A chip of many lines, one box a line: it may be taller
			// than a page. Each is kept with the next, up to the
			// chip's last line (see goesOn).
			pc := r[0]
			for i, l := range pc.lines {
				h := l.leading
				if i == 0 {
					h = max(h, min(size, pc.h))
				}
				out[k] = append(out[k], box{height: h, keepWithNext: true, draw: func(p *pageWriter, x, y float64) {
					if i == 0 && pc.icon != "" {
						p.add(&Icon{X: x, Y: y + (l.leading-size)/2, Size: size, Name: pc.icon, Color: th.Accent, node: pc.fig})
					}
					lc.drawLine(p, l, x+size+gapIcon, y)
				}})
			}
			return
		}
		h := 0.0
		for _, pc := range r {
			h = max(h, pc.h)
		}
		// A chip's lines are never cut between pages: an e-mail or a web
		// address set on two lines reads as two.
		out[k] = append(out[k], box{height: h, keepWithNext: r[len(r)-1].goesOn, draw: func(p *pageWriter, x, y float64) {
			for _, pc := range r {
				cx := x + pc.x
				tx := cx
				if pc.icon != "" || pc.x == 0 {
					tx += size + gapIcon
				}
				if pc.icon != "" {
					p.add(&Icon{X: cx, Y: y + (pc.lines[0].leading-size)/2, Size: size, Name: pc.icon, Color: th.Accent, node: pc.fig})
				}
				lc.drawLine(p, pc.lines[0], tx, y)
			}
		}})
	}

	// The row being filled, and the list it belongs to (its boxes go with
	// that list's), the last list whose row was made.
	var row []placed
	owner, last := -1, -1
	x, rowH := 0.0, 0.0
	// rowY is the top of the row that a chip of the list k goes on: the
	// row being filled, or a new one, below the gap between lists.
	rowY := func(k int) float64 {
		if len(row) == 0 && last >= 0 && last != k {
			return y + gap
		}
		return y
	}
	flush := func() {
		if len(row) > 0 {
			emit(row, owner)
			y += rowH
			last = owner
		}
		row, x, rowH = nil, 0, 0
	}
	next := 0 // next code to tag
	for k, items := range lists {
		if len(items) == 0 {
			continue
		}
		// A list goes on in the last row of the one before when it fits
		// there (the web address and the date after the kind of place),
		// unless the codes start beside it, or the sample entry numbers
		// its parts.
		startsCodes := col.top < 0 && len(col.codes) > 0 && k >= col.from
		if startsCodes || fr.markers {
			flush()
		}
		if startsCodes {
			col.top = rowY(k)
			col.from = k // the list it starts beside, as asked or the next there is
		}
		list := parent.add("L")
		pending := slices.Clone(items)
		var widths []float64 // of the pending chips, packed: each measured once
		if packed {
			widths = widestFirst(pending, chipWidth)
		}
		for len(pending) > 0 {
			i := 0
			if packed && len(row) > 0 {
				// The first chip that ends this row, if any does and may
				// go before the others, none going before a web address
				// or an acceslibre page, which keep their place beside
				// their QR codes.
				for j, c := range pending {
					if x+gapChip+widths[j] <= widthAt(rowY(k)) && (j == 0 || movable(c)) {
						i = j
						break
					}
					if c.qr != "" {
						break
					}
				}
			}
			c := pending[i]
			pending = slices.Delete(pending, i, i+1)
			if packed {
				widths = slices.Delete(widths, i, i+1)
			}
			li := list.add("LI")
			pc := placed{chip: c}
			if c.icon != "" && !c.named {
				pc.fig = li.add("Lbl").figure(lc.words.Alt.Icons.Of(c.icon))
			}
			body := li.add("LBody")
			text := body
			if c.link != nil {
				text = body.add("Link")
				c.link.Node = text
			}
			if c.qr != "" && next < len(col.codes) {
				lc.tagCode(&col.codes[next], c.qr, body)
				next++
			}
			lay := func(first bool) {
				width := widthAt(rowY(k))
				lead := 0.0 // room before the words: the pictogram, or the column of pictograms at the start of a row
				if c.icon != "" || first {
					lead = size + gapIcon
				}
				spans := []Span{{Text: c.text, Style: th.body(), Node: text, Link: c.link}}
				if c.email {
					spans = lc.emailSpans(spans[0], width-lead)
				}
				pc.lines = lc.breakLines(spans, width-lead)
				pc.w, pc.h = lead, 0
				for _, l := range pc.lines {
					pc.w = max(pc.w, lead+l.width)
					pc.h += l.leading
				}
				if c.icon != "" {
					pc.h = max(pc.h, size)
				}
			}
			lay(len(row) == 0)
			// Words without a pictogram (the date) never go on in the row
			// of another list, where they would read as the end of the
			// service or detail before them: « Emploi  À jour en mai 2023 ».
			if len(row) > 0 && (x+gapChip+pc.w > widthAt(y) || len(pc.lines) > 1 || c.icon == "" && owner != k) {
				flush()
				lay(true)
			} else if len(row) > 0 {
				x += gapChip
			}
			if len(row) == 0 {
				y, owner = rowY(k), k
			}
			pc.x = x
			x += pc.w
			rowH = max(rowH, pc.h)
			row = append(row, pc)
			if n := len(pc.lines); n > 1 {
				// A chip of several lines has its rows to itself but the
				// last, which the next chips may share: « Conseiller
				// numérique, France » then « Services  € Gratuit ».
				last := pc.lines[n-1]
				pc.lines, pc.h, pc.goesOn = pc.lines[:n-1], 0, true
				for _, l := range pc.lines {
					pc.h += l.leading
				}
				if c.icon != "" {
					pc.h = max(pc.h, size)
				}
				row[len(row)-1], rowH = pc, pc.h
				flush()
				// The words of the last line keep the indent of the
				// chip's other lines (see emit: no pictogram, at x 0).
				rest := placed{chip: chip{text: c.text}, lines: []line{last}, w: size + gapIcon + last.width, h: last.leading}
				y, owner = rowY(k), k
				row, x, rowH = []placed{rest}, rest.w, rest.h
			}
		}
	}
	flush()
	return out
}

// widestFirst orders the chips that may move (see movable) widest first,
// each run of them between two that may not: a row is opened by the
// widest, the narrow ones left to end rows (first fit decreasing). The
// kind of place stays first: it says what the place is. It returns the
// width of each chip, in their new order.
func widestFirst(chips []chip, width func(chip) float64) []float64 {
	widths := make([]float64, len(chips))
	for i, c := range chips {
		widths[i] = width(c)
	}
	start := 0
	if len(chips) > 0 && chips[0].icon == guide.KindIcon {
		start = 1
	}
	// A stable insertion sort, chips and widths together: a list holds a
	// few chips, and a chip that may move never passes one that may not.
	for i := start + 1; i < len(chips); i++ {
		for j := i; j > start && movable(chips[j]) && movable(chips[j-1]) && widths[j] > widths[j-1]; j-- {
			chips[j], chips[j-1] = chips[j-1], chips[j]
			widths[j], widths[j-1] = widths[j-1], widths[j]
		}
	}
	return widths
}

// movable reports whether a chip may go before the chips of its list
// that come first: it leads to no QR code, whose place in the column
// follows the order of the chips, and is no e-mail address, which may
// break across lines. The services come in no order a reader relies on,
// nor do the practical details, each with its pictogram, nor the date
// of the information, which may share the row of a short web address
// ahead of a long e-mail (never a row of the services: see rows).
func movable(c chip) bool { return c.qr == "" && !c.email }

// emailSpans prepares an e-mail address too long for its line: it breaks
// before its « @ », and its parts still too long after a dot, never inside
// a word nor at a hyphen, which a reader would take for part of it.
func (lc *context) emailSpans(s Span, width float64) []Span {
	at := strings.LastIndexByte(s.Text, '@')
	if at <= 0 || lc.width(s.Text, s.Style) <= width {
		return []Span{s}
	}
	var lines []string
	for _, part := range []string{s.Text[:at], s.Text[at:]} {
		cur := "" // as many pieces ending with a dot on a line as fit
		for _, piece := range strings.SplitAfter(part, ".") {
			if cur != "" && lc.width(cur+piece, s.Style) > width {
				lines = append(lines, cur)
				cur = ""
			}
			cur += piece
		}
		lines = append(lines, cur)
	}
	s.Text = strings.Join(lines, "\n")
	return []Span{s}
}

// beside draws a QR code on the right of lines, its top level with the
// first one; a spacer makes room for it when the lines are fewer. The
// code's X is relative to the left of the lines.
func beside(boxes []box, code *QR) []box {
	textH := 0.0
	for _, b := range boxes {
		textH += b.height
	}
	if textH < code.Size {
		boxes = append(boxes, box{height: code.Size - textH})
	}
	first := boxes[0]
	boxes[0].overhang = code.Size - first.height
	boxes[0].draw = func(p *pageWriter, x, y float64) {
		if first.draw != nil {
			first.draw(p, x, y)
		}
		c := *code
		c.X, c.Y = x+code.X, y
		p.add(&c)
	}
	return boxes
}

// qrModulesFor encodes a web address as a QR code (error correction level
// M) and returns its modules with the quiet zone.
func qrModulesFor(url string) ([][]bool, error) {
	c, err := qr.Encode(url, qr.M)
	if err != nil {
		return nil, err
	}
	return qrModules(c), nil
}

// qrModules returns the modules of a QR code with its quiet zone of four
// modules on each side, as the standard asks.
func qrModules(c *qr.Code) [][]bool {
	const quiet = 4
	n := c.Size + 2*quiet
	m := make([][]bool, n)
	for y := range m {
		m[y] = make([]bool, n)
		for x := range m[y] {
			m[y][x] = c.Black(x-quiet, y-quiet)
		}
	}
	return m
}

// withMarker adds a numbered disc in the right margin of the entry, level
// with the first line of a part (used by the annotated sample entry).
func (lc *context) withMarker(b box, n int) box {
	th := lc.th
	draw := b.draw
	b.draw = func(p *pageWriter, x, y float64) {
		draw(p, x, y)
		lc.drawMarker(p, x+th.contentWidth()-lc.markerSize(), y+(min(b.height, th.body().Leading()*1.3)-lc.markerSize())/2, n, nil)
	}
	return b
}

// drawMarker draws a disc of the accent colour with a white number in it;
// the number is the text of label, or decoration when label is nil.
func (lc *context) drawMarker(p *pageWriter, x, y float64, n int, label *Node) {
	th := lc.th
	d := lc.markerSize()
	p.add(&Rect{X: x, Y: y, W: d, H: d, Radius: d / 2, Fill: th.Accent})
	st := Style{Face: th.Family.Bold, Size: th.Size, Color: White}
	s := lc.printable(string(rune('0'+n)), st)
	w := st.Face.Width(s, st.Size)
	p.add(&Text{X: x + (d-w)/2, Y: y + d/2 + st.Face.CapHeight(st.Size)/2, Face: st.Face, Size: st.Size, Color: White, S: s, Width: w, node: label})
}
