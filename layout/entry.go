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
	partServices
	partFacts
	partLinks
)

// entryStyle is how an entry looks: in a guide, on a sheet of its own,
// in a leaflet.
type entryStyle struct {
	heading string  // structure role of the name: H2 in a guide, H1 on a sheet
	name    Style   // style of the name
	phone   Style   // style of the phone numbers
	qr      float64 // size of the QR code, quiet zone included; 0 for none
	compact bool    // name, address, phone (or that none is known) and hours only (leaflet)
	summary bool    // print the place's presentation (sheets)
	markers bool    // number the parts in the right margin (sample entry)
}

// guideEntry is the style of an entry in a guide.
func (lc *context) guideEntry() entryStyle {
	th := lc.th
	st := entryStyle{heading: "H2", name: th.h2(), phone: th.phone()}
	if th.QR {
		st.qr = max(mm(20), 3*th.Size) // 2 cm at least, for phones to read it
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
		{partAddress, len(e.Address) > 0},
		{partPhone, len(e.Phones) > 0 || e.NoPhone != ""},
		{partHours, len(e.Hours.Lines) > 0 || e.Hours.Note != "" || e.Closure != ""},
		{partServices, !st.compact && len(e.Services) > 0},
		{partFacts, !st.compact && len(e.Facts) > 0},
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
		w -= lc.markerSize() + th.Size/2
	}
	return entryFrame{width: w, iconCol: th.iconSize() + 0.6*th.Size, markers: markers}
}

// markerSize is the diameter of the numbered discs of the sample entry:
// one line high, so that its explanations keep the body's line spacing.
func (lc *context) markerSize() float64 { return lc.th.body().Leading() }

// entry lays out one place. The result is one group: an entry never
// splits across pages, unless it is taller than a page (very large type on
// A5): it is then split between its parts, and the next page opens with
// the place's name followed by « (suite) ».
func (lc *context) entry(e *guide.Entry, parent *Node, st entryStyle) group {
	th := lc.th
	fr := lc.entryFrame(st.markers)
	var g group

	// A thin rule opens every entry, like the lines of a directory.
	g.elems = append(g.elems, rule(th.entryRule()))
	g.cont = func() []box {
		advice := "choisissez une taille de texte plus petite pour l’éviter"
		if th.Format.Name != A4.Name {
			advice = "choisissez le format A4 ou une taille de texte plus petite pour l’éviter"
		}
		lc.warn("la fiche d’un lieu est plus haute qu’une page : elle continue sur la page suivante (« " + e.Name + " ») ; " + advice)
		// One line at most, however long the name: the continuation must
		// leave the page to what continues.
		before, after, _ := strings.Cut(lc.words.Continued, "{nom}")
		name := lc.fitOneLine(e.Name, st.name, fr.width-lc.width(before+after, st.name))
		return lc.para([]Span{{Text: before + name + after, Style: st.name}}, 0, fr.width)
	}

	marker := 0 // number of the last part marked, in the sample entry
	part := func(n int, boxes []box) {
		if len(boxes) == 0 {
			return
		}
		if n > partName {
			// A little air between parts groups the lines that belong together.
			g.elems = append(g.elems, glue(th.partGap()))
		}
		if fr.markers {
			marker++
			boxes[0] = lc.withMarker(boxes[0], marker)
		}
		g.elems = append(g.elems, keep(boxes))
	}

	heading := parent.add(st.heading)
	name := lc.para(append(mapNumber(e, st.name, heading), Span{Text: e.Name, Style: st.name, Node: heading}), 0, fr.width)
	name[0].anchor = e.Anchor
	name[len(name)-1].keepWithNext = true // never the last line of a page
	part(partName, name)

	if len(e.Address) > 0 {
		p := parent.add("P")
		// One flowing line when it fits: the postal code and the commune
		// hold together by their no-break space.
		text := strings.Join(e.Address, ", ")
		if e.Directions != "" {
			text += "\n" + e.Directions
		}
		part(partAddress, lc.iconRow(fr, "address", p, []Span{{Text: text, Style: th.body(), Node: p.add("Span")}}))
	}
	if len(e.Phones) == 0 && e.NoPhone != "" {
		p := parent.add("P")
		part(partPhone, lc.iconRow(fr, "phone", p, []Span{{Text: e.NoPhone, Style: th.body(), Node: p.add("Span")}}))
	}
	if len(e.Phones) > 0 {
		p := parent.add("P")
		var spans []Span
		for i, ph := range e.Phones {
			text := ph.Display
			if i > 0 {
				spans = append(spans, Span{Text: "\n" + lc.words.OtherPhone + " ", Style: th.body(), Node: p.add("Span")})
			}
			span := Span{Text: text, Style: st.phone}
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
		part(partPhone, lc.iconRow(fr, "phone", p, spans))
	}
	if len(e.Hours.Lines) > 0 || e.Closure != "" || e.Hours.Note != "" && !st.compact {
		p := parent.add("P")
		n := p.add("Span")
		var lines []Span
		if e.Closure != "" {
			lines = append(lines, Span{Text: e.Closure, Style: th.strong(), Node: n})
		}
		if len(e.Hours.Lines) > 0 {
			lines = append(lines, Span{Text: strings.Join(e.Hours.Lines, "\n"), Style: th.body(), Node: n})
		}
		if e.Hours.Note != "" {
			lines = append(lines, Span{Text: e.Hours.Note, Style: th.strong(), Node: n})
		}
		var spans []Span
		for i, l := range lines {
			if i > 0 {
				l.Text = "\n" + l.Text
			}
			spans = append(spans, l)
		}
		part(partHours, lc.iconRow(fr, "hours", p, spans))
	}
	if st.compact {
		return g
	}
	if len(e.Services) > 0 {
		chips := make([]chip, len(e.Services))
		for i, s := range e.Services {
			chips[i] = chip{icon: s.Icon, text: s.Label}
		}
		part(partServices, lc.chips(fr, parent.add("L"), chips))
	}
	if len(e.Facts) > 0 {
		chips := make([]chip, len(e.Facts))
		for i, f := range e.Facts {
			chips[i] = chip{icon: f.Icon, text: f.Text}
		}
		part(partFacts, lc.chips(fr, parent.add("L"), chips))
	}
	part(partLinks, lc.links(fr, e, parent, st.qr))
	if len(g.elems) >= 4 {
		// The name goes with the first part that follows it, even in an
		// entry split between pages.
		g.elems = append([]element{g.elems[0], group{elems: slices.Clone(g.elems[1:4])}}, g.elems[4:]...)
	}
	if st.summary && e.Summary != "" {
		p := parent.add("P")
		g.elems = append(g.elems, glue(th.itemGap()), keep(lc.para([]Span{{Text: e.Summary, Style: th.body(), Node: p}}, 0, fr.width)))
	}
	return g
}

// iconRow is text beside a pictogram: the pictogram in the left column,
// centred on the first line, the text in lines beside it.
func (lc *context) iconRow(fr entryFrame, icon string, parent *Node, spans []Span) []box {
	fig := &Node{Role: "Figure", Alt: iconAlt(icon)}
	parent.Kids = append([]*Node{fig}, parent.Kids...) // the pictogram reads first
	boxes := lc.para(spans, fr.iconCol, fr.width-fr.iconCol)
	if len(boxes) == 0 {
		return nil
	}
	first := boxes[0]
	size := lc.th.iconSize()
	boxes[0].draw = func(p *pageWriter, x, y float64) {
		p.add(&Icon{X: x, Y: y + (first.height-size)/2, Size: size, Name: icon, Color: lc.th.Accent, node: fig})
		first.draw(p, x, y)
	}
	return boxes
}

// chip is a pictogram with a few words: a service, a practical detail.
type chip struct {
	icon, text string
}

// chips lays out a list of chips in lines, as many on a line as fit. Each
// chip is a list item whose label is its pictogram.
func (lc *context) chips(fr entryFrame, list *Node, items []chip) []box {
	th := lc.th
	size := th.iconSize()
	gapIcon := 0.6 * th.Size // the text of the first chip lines up with the other rows
	gapChip := 1.2 * th.Size
	// The first pictogram of a row stands in the column of the entry's
	// other pictograms.
	width := fr.width

	type placed struct {
		chip
		fig, body *Node
		lines     []line
		x, w      float64
	}
	var rows [][]placed
	var row []placed
	x := 0.0
	for _, c := range items {
		li := list.add("LI")
		pc := placed{chip: c, fig: li.add("Lbl").figure(iconAlt(c.icon)), body: li.add("LBody")}
		textW := width - size - gapIcon
		pc.lines = lc.breakLines([]Span{{Text: c.text, Style: th.body(), Node: pc.body}}, textW)
		pc.w = size + gapIcon
		for _, l := range pc.lines {
			pc.w = max(pc.w, size+gapIcon+l.width)
		}
		if len(row) > 0 && (x+gapChip+pc.w > width || len(pc.lines) > 1) {
			rows = append(rows, row)
			row, x = nil, 0
		} else if len(row) > 0 {
			x += gapChip
		}
		pc.x = x
		x += pc.w
		row = append(row, pc)
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}

	var boxes []box
	for _, r := range rows {
		h := size
		for _, pc := range r {
			hh := 0.0
			for _, l := range pc.lines {
				hh += l.leading
			}
			h = max(h, hh)
		}
		boxes = append(boxes, box{height: h, draw: func(p *pageWriter, x, y float64) {
			for _, pc := range r {
				cx := x + pc.x
				first := pc.lines[0]
				p.add(&Icon{X: cx, Y: y + (first.leading-size)/2, Size: size, Name: pc.icon, Color: th.Accent, node: pc.fig})
				ly := y
				for _, l := range pc.lines {
					lc.drawLine(p, l, cx+size+gapIcon, ly)
					ly += l.leading
				}
			}
		}})
	}
	return boxes
}

// links lays out the email and web addresses, with the QR code of the web
// page on their right.
func (lc *context) links(fr entryFrame, e *guide.Entry, parent *Node, qrSize float64) []box {
	th := lc.th
	if e.QR == "" {
		qrSize = 0
	}
	textW := fr.width - fr.iconCol
	if qrSize > 0 {
		textW -= qrSize + th.Size
	}
	type row struct {
		icon  string
		lines []line
		fig   *Node
	}
	var rows []row
	for _, l := range []struct {
		icon string
		link *guide.Link
		alt  string
	}{{"email", e.Email, lc.words.Alt.Write}, {"website", e.Website, lc.words.Alt.Open}} {
		if l.link == nil {
			continue
		}
		p := parent.add("P")
		fig := p.add("Figure")
		fig.Alt = iconAlt(l.icon)
		n := p.add("Link")
		link := &Link{URL: l.link.URL, Alt: guide.Fill(l.alt, "adresse", l.link.Text), Node: n}
		spans := []Span{{Text: l.link.Text, Style: th.body(), Node: n, Link: link}}
		if at := strings.IndexByte(l.link.Text, '@'); at > 0 && lc.width(l.link.Text, th.body()) > textW {
			// An e-mail address too long for the line breaks before its
			// « @ », never inside a word.
			spans = []Span{{Text: l.link.Text[:at] + "\n", Style: th.body(), Node: n, Link: link},
				{Text: l.link.Text[at:], Style: th.body(), Node: n, Link: link}}
		}
		rows = append(rows, row{icon: l.icon, lines: lc.breakLines(spans, textW), fig: fig})
	}
	var qrFig *Node
	var qrLink *Link
	var modules [][]bool
	if qrSize > 0 {
		if m, err := lc.memo.qrModules(e.QR); err == nil {
			modules = m
			n := parent.add("Link")
			alt := guide.Fill(lc.words.Alt.QR, "adresse", e.QR)
			qrFig = n.figure(alt)
			qrLink = &Link{URL: e.QR, Alt: alt, Node: n}
		} else {
			lc.warn("adresse trop longue pour un code QR : " + e.QR)
			qrSize = 0
		}
	}
	if e.Updated != "" {
		p := parent.add("P")
		rows = append(rows, row{lines: lc.breakLines([]Span{{Text: e.Updated, Style: th.body(), Node: p}}, textW)})
	}
	if len(rows) == 0 && qrSize == 0 {
		return nil
	}
	size := th.iconSize()
	var boxes []box
	for _, r := range rows {
		for i, l := range r.lines {
			r, l, first := r, l, i == 0
			boxes = append(boxes, box{height: l.leading, draw: func(p *pageWriter, x, y float64) {
				if first && r.icon != "" {
					p.add(&Icon{X: x, Y: y + (l.leading-size)/2, Size: size, Name: r.icon, Color: th.Accent, node: r.fig})
				}
				lc.drawLine(p, l, x+fr.iconCol, y)
			}})
		}
	}
	if qrFig == nil {
		return boxes
	}
	return beside(boxes, &QR{X: fr.width - qrSize, Size: qrSize, Modules: modules, node: qrFig, Link: qrLink})
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
