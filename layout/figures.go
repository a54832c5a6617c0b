package layout

import (
	"strings"

	"livret/guide"
)

// FiguresDocument lays out the indicators of a territory as a document of
// their own: title, then the tables and charts; w gives the words of its
// footer.
func FiguresDocument(f *guide.Figures, w guide.Wording, th Theme, edition string) (*Book, error) {
	book, err := settle(th, w, editedPageNumber(w, edition), func(lc *context) []element {
		return append([]element{newPage{furniture: true}}, lc.figures(f)...)
	})
	if err != nil {
		return nil, err
	}
	book.Title = f.Title
	return book, nil
}

// figures lays out tables and charts, each under its heading.
func (lc *context) figures(f *guide.Figures) []element {
	th := lc.th
	flow := lc.heading("H1", f.Title, "chiffres", f.Title, th.h1())
	flow = append(flow, glue(th.headingGap()))
	for _, p := range f.Intro {
		flow = append(flow, lc.paragraph(lc.root, p, th.body())...)
	}
	for i := range f.Tables {
		flow = append(flow, lc.heading("H2", f.Tables[i].Caption, "", "", th.h2())...)
		flow = append(flow, lc.table(&f.Tables[i]), glue(th.gap()))
	}
	for i := range f.Charts {
		flow = append(flow, lc.heading("H2", f.Charts[i].Title, "", "", th.h2())...)
		flow = append(flow, lc.chart(&f.Charts[i]), glue(th.gap()))
	}
	return flow
}

// table lays out a simple table: the first column takes the width the
// numbers leave; numbers are aligned right; a table longer than the page
// goes on with its header repeated.
func (lc *context) table(t *guide.Table) group {
	th := lc.th
	body, strong := th.body(), th.strong()
	pad := th.columnGap()
	cols := len(t.Header)
	widths := make([]float64, cols)
	for c := 1; c < cols; c++ {
		// A header may wrap, but not inside a word.
		for _, word := range strings.Fields(t.Header[c]) {
			widths[c] = max(widths[c], lc.width(word, strong))
		}
		for _, r := range t.Rows {
			if c < len(r) {
				widths[c] = max(widths[c], lc.width(r[c], body))
			}
		}
	}
	rest := th.contentWidth()
	for _, w := range widths[1:] {
		rest -= w + pad
	}
	widths[0] = max(rest, th.contentWidth()/3)

	node := lc.root.add("Table")
	row := func(cells []string, header bool, n *Node) box {
		st := body
		if header {
			st = strong
		}
		type cell struct {
			lines []line
			x     float64
			right bool
		}
		var cs []cell
		h, x := 0.0, 0.0
		for c := 0; c < cols; c++ {
			text := ""
			if c < len(cells) {
				text = cells[c]
			}
			var cn *Node
			if n != nil {
				if header {
					cn = n.add("TH")
					cn.Scope = ColumnScope
				} else {
					cn = n.add("TD")
				}
			}
			right := c > 0 && c < len(t.Numeric) && t.Numeric[c]
			lines := lc.breakLines([]Span{{Text: text, Style: st, Node: cn}}, widths[c])
			lh := 0.0
			for _, l := range lines {
				lh += l.leading
			}
			h = max(h, lh)
			cs = append(cs, cell{lines, x, right})
			x += widths[c] + pad
		}
		return box{height: h + th.tablePad(), draw: func(p *pageWriter, x, y float64) {
			for c, ce := range cs {
				ly := y
				for _, l := range ce.lines {
					lx := x + ce.x
					if ce.right {
						lx += widths[c] - l.width
					}
					lc.drawLine(p, l, lx, ly)
					ly += l.leading
				}
			}
			rule := 1.0
			if header {
				rule = 2
			}
			p.add(&Rect{X: x, Y: y + h + th.tablePad()/2, W: th.contentWidth(), H: rule, Fill: Grey})
		}}
	}
	head := row(t.Header, true, node.add("TR"))
	g := group{elems: []element{head}, cont: func(*context, bool) []box { return []box{row(t.Header, true, nil)} }, flexible: true}
	for _, r := range t.Rows {
		g.elems = append(g.elems, row(r, false, node.add("TR")))
	}
	return g
}

// chart lays out a horizontal bar chart: each label on its line, then its
// bar with the value written after it. The chart is one figure whose
// alternative text gives every value.
func (lc *context) chart(c *guide.Chart) group {
	th := lc.th
	body, strong := th.body(), th.strong()
	var alt []string
	maxV := 0.0
	for _, b := range c.Bars {
		maxV = max(maxV, b.Value)
		alt = append(alt, b.Label+" : "+b.Text)
	}
	fig := lc.root.figure(c.Title + ". " + strings.Join(alt, " ; ") + ".")
	textW := 0.0
	for _, b := range c.Bars {
		textW = max(textW, lc.width(b.Text, strong))
	}
	barMax := th.contentWidth() - textW - th.columnGap()
	var g group
	for _, b := range c.Bars {
		label := lc.breakLines([]Span{{Text: b.Label, Style: body, Node: fig}}, th.contentWidth())
		for _, l := range label {
			g.elems = append(g.elems, lc.lineBox(l, 0))
		}
		value := lc.breakLines([]Span{{Text: b.Text, Style: strong, Node: fig}}, textW)[0]
		w := 0.0
		if maxV > 0 {
			w = barMax * b.Value / maxV
		}
		barH := th.barHeight()
		g.elems = append(g.elems, box{height: value.leading + th.barPad(), draw: func(p *pageWriter, x, y float64) {
			p.add(&Rect{X: x, Y: y + (value.leading-barH)/2, W: max(w, 2), H: barH, Fill: th.Accent, node: fig})
			lc.drawLine(p, value, x+w+th.labelGap(), y)
		}})
	}
	return g
}
