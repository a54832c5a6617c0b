package layout

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"livret/guide"
)

// refIndex lays out an index whose lines name pages (the index of
// communes, the index by need): its heading and introduction, then the
// lines filed by letter, each kept on one page, every page number a link
// to what it points to. Compact lines are set in columns where the page
// is wide enough, their pages flush right.
func (lc *context) refIndex(ix *guide.RefIndex) []element {
	th := lc.th
	flow := lc.iconHeading("H1", ix.Icon, ix.Title, ix.Anchor, ix.Title, th.h1())
	lc.shortHeads[ix.Title] = ix.Short
	if ix.Intro != "" {
		flow = append(flow, lc.indexIntro(ix.Intro)...)
	}
	if ix.Compact {
		return append(flow, lc.compactLines(ix))
	}
	lists := letterLists{root: lc.root}
	for i, l := range ix.Lines {
		body := lists.of(l.Letter, func(letter string) {
			if letter != "" {
				flow = append(flow, glue(th.headingGap()))
				flow = append(flow, lc.heading("H2", letter, "", "", th.h2())...)
			}
		}).add("LI").add("LBody")
		var lines []box
		if spans, _ := lc.refSpans(l, body); l.Icon != "" {
			fr := lc.entryFrame(false)
			lines = lc.iconRow(fr, fr.width, l.Icon, body, spans)
		} else {
			lines = lc.para(spans, 0, th.contentWidth())
		}
		if h := height(keep(lines)); !lc.dry {
			if pad := lc.memo.tallest(&ix.Lines[i], h) - h; pad > 0 {
				lines = append(lines, box{height: pad})
			}
		}
		kept := placesKept
		if l.Icon != "" {
			kept = pagesKept // a need and its pages, which read as running text
		}
		flow = append(flow, lc.refGroup(lines, l.Cont, kept), glue(th.rowGap()))
	}
	return flow
}

// indexIntro is the introduction of an index, under its heading: whole
// and kept with the first line, for an index may open under the end of
// the part before it (see follow).
func (lc *context) indexIntro(text string) []element {
	th := lc.th
	b := stack(lc.paraLines(lc.root, text, th.body()))
	b.keepWithNext = true
	return []element{glue(th.headingGap()), b, glue(th.gap())}
}

// compactLines sets the lines of a compact index in columns (see
// indexColumns), filed by letter, their pages flush right.
func (lc *context) compactLines(ix *guide.RefIndex) columns {
	var lines []indexLine
	lists := letterLists{root: lc.root}
	for _, l := range ix.Lines {
		list := lists.of(l.Letter, func(letter string) {
			if letter != "" {
				lines = append(lines, lc.letter(letter))
			}
		})
		spans, pages := lc.refSpans(l, list.add("LI").add("LBody"))
		lines = append(lines, indexLine{words: spans[:pages], pages: spans[pages:]})
	}
	return lc.indexColumns(lines)
}

// indexLine is a line of an index set in columns: its words, then its
// pages flush right after dot leaders; or, when letter is set, the
// letter the lines after it are filed under, on a line of its own; or,
// when initial is set, that letter set beside the next line (see
// initialLetter).
type indexLine struct {
	letter       *column
	initial      *line
	words, pages []Span
}

// letter is the letter under which the lines of an index are filed, kept
// with the first of them.
func (lc *context) letter(s string) indexLine {
	h := lc.heading("H2", s, "", "", lc.th.h2())
	return indexLine{letter: &column{lead: lc.th.headingGap(), boxes: []box{h[0].(box)}}}
}

// initialLetter is the letter under which the lines of an index are
// filed, set in a narrow column on the left of the first of them, as
// dictionaries do: in bold and in the accent colour, with the space
// before it that sets its lines apart, it is found at a glance, and it
// costs no line of its own. An index of a few dozen places has nearly as
// many letters as lines: on lines of their own, they would make it half
// as long again.
func (lc *context) initialLetter(s string) indexLine {
	th := lc.th
	st := Style{Face: th.Family.Bold, Size: th.Size, Color: th.Accent}
	l := lc.breakLines([]Span{{Text: s, Style: st, Node: lc.root.add("H2")}}, 1e6)[0]
	return indexLine{initial: &l}
}

// maxColumns is the most columns an index is set in.
const maxColumns = 3

// columnGain is how much shorter a column more must make a list: its
// lines wrap more often, so are harder to read, and must pay for it.
const columnGain = 0.8

// indexColumns sets the lines of an index in columns (see inColumns),
// each line wrapping under itself, indented, when too long for its
// column. So an A4 page at 18 pt has two columns of communes, and A5 pages
// or 24 pt type fall back to one. With initial letters, every line stands
// right of their column.
func (lc *context) indexColumns(lines []indexLine) columns {
	return lc.inColumns(lc.indexItems(lines))
}

// indexItems sets the lines of an index in a column of a width (see
// indexColumns).
func (lc *context) indexItems(lines []indexLine) func(width float64) []column {
	th := lc.th
	letters := 0.0 // width of the column of initial letters
	for _, l := range lines {
		if l.initial != nil {
			letters = max(letters, l.initial.width+th.labelGap())
		}
	}
	return func(width float64) []column {
		set := lc.leaderLines(lines, width-letters, th.hang())
		var items []column
		var initial *line
		for k, l := range lines {
			switch {
			case l.letter != nil:
				items = append(items, *l.letter)
				continue
			case l.initial != nil:
				initial = l.initial
				continue
			}
			boxes := set[k]
			item := column{boxes: boxes}
			for i := range boxes {
				boxes[i] = shifted(boxes[i], letters)
			}
			if initial != nil {
				boxes[0] = withInitial(boxes[0], *initial, lc)
				item.lead, initial = th.headingGap(), nil
			}
			items = append(items, item)
		}
		return items
	}
}

// shifted draws b dx further right.
func shifted(b box, dx float64) box {
	if draw := b.draw; draw != nil && dx != 0 {
		b.draw = func(p *pageWriter, x, y float64) { draw(p, x+dx, y) }
	}
	return b
}

// withInitial draws the letter l at the left of b, before b's words: a
// screen reader meets the letter first.
func withInitial(b box, l line, lc *context) box {
	draw := b.draw
	b.draw = func(p *pageWriter, x, y float64) {
		lc.drawLine(p, l, x, y)
		if draw != nil {
			draw(p, x, y)
		}
	}
	return b
}

// inColumns sets what build lays out in a column of the given width in
// as many columns as make it clearly shorter, measured at the size asked,
// never in columns too narrow for a word of it (a part of a compound
// name, between its hyphens), which would be cut in two. build makes no
// structure element: it is called once for each number of columns tried.
func (lc *context) inColumns(build func(width float64) []column) columns {
	th := lc.th
	var best columns
	for n := 1; n <= maxColumns; n++ {
		c := columns{n: n, gutter: th.columnGap()}
		split := lc.splitWords
		c.items = build(c.width(th.contentWidth()))
		if n > 1 && (lc.splitWords > split || c.depth() > columnGain*best.depth()) {
			break
		}
		best = c
	}
	return best
}

// breakColumn breaks spans into lines of a column, counting a word cut
// in two (see inColumns).
func (lc *context) breakColumn(spans []Span, width float64) []line {
	lines, cut := lc.breakHanging(spans, width, width)
	if cut == letterCut {
		lc.splitWords++
	}
	return lines
}

// headStyle is the style of the head of a line: bold, unless plain.
func (lc *context) headStyle(l guide.RefLine) Style {
	if l.Plain {
		return lc.th.body()
	}
	return lc.th.strong()
}

// refGroup keeps the lines of an index line on one page, unless they are
// more than kept: they then fill the page, their first two lines together
// and their last two, and the next page opens with cont, when there is
// one.
func (lc *context) refGroup(lines []box, cont string, kept int) element {
	if len(lines) <= kept {
		return keep(lines)
	}
	lines[0].keepWithNext = true
	lines[len(lines)-2].keepWithNext = true
	g := keep(lines)
	g.flexible = true
	if cont != "" {
		g.cont = func(lc *context, _ bool) []box {
			return lc.para([]Span{{Text: cont, Style: lc.th.strong()}}, 0, lc.th.contentWidth())
		}
	}
	return g
}

// The most lines of an index line that never split: a need and its
// pages parts from four lines, two and two (« Emploi (suite) : » opens
// the next page), where it would leave most of a page empty; a commune
// and the places it has for a need, one a line, whose names may wrap, is
// kept to seven.
const (
	pagesKept  = 3
	placesKept = 6
)

// refSpans are the spans of a line under n: its head in bold, words as
// they are, pages as numbers. spans[pages:] are the page numbers that end
// the line, if it ends with some, which a compact index sets flush right.
func (lc *context) refSpans(l guide.RefLine, n *Node) (spans []Span, pages int) {
	st := lc.th.body()
	if l.Head != "" {
		spans = append(spans, Span{Text: l.Head, Style: lc.headStyle(l), Node: n.add("Span")})
	}
	for _, p := range l.Pieces {
		pages = len(spans)
		if p.Pages == nil {
			spans = append(spans, Span{Text: p.Text, Style: st, Node: n.add("Span")})
			continue
		}
		spans = append(spans, lc.pageSpans(p.Pages, st, n)...)
	}
	if k := len(l.Pieces); k == 0 || l.Pieces[k-1].Pages == nil {
		pages = len(spans)
	}
	return spans, pages
}

// pageSpans writes the pages where anchors land, each once, in order, runs
// of three pages or more as a range ("pages 12 à 15"), each number a link
// to the first anchor on its page. In the first pass, pages are unknown
// and printed "00".
func (lc *context) pageSpans(p *guide.Pages, st Style, n *Node) []Span {
	type ref struct {
		page   int
		anchor string
	}
	var refs []ref
	for _, a := range p.Anchors {
		refs = append(refs, ref{lc.refs[a], a})
	}
	byPage := func(a, b ref) int { return cmp.Compare(a.page, b.page) }
	// Anchors mostly come in the order of the book: the thousands of pages
	// of a need in a national guide are sorted already, and are not sorted
	// again in every pass.
	if !slices.IsSortedFunc(refs, byPage) {
		slices.SortStableFunc(refs, byPage)
	}
	refs = slices.CompactFunc(refs, func(a, b ref) bool { return a.page == b.page && a.page != 0 })
	// Cut into runs of consecutive pages; a run of three or more is
	// written as a range.
	var runs [][]ref
	for i, r := range refs {
		if i > 0 && r.page > 0 && r.page == refs[i-1].page+1 {
			runs[len(runs)-1] = append(runs[len(runs)-1], r)
			continue
		}
		runs = append(runs, []ref{r})
	}
	var items [][]ref // a page, or the first and last of a range
	for _, run := range runs {
		if len(run) >= 3 {
			items = append(items, []ref{run[0], run[len(run)-1]})
			continue
		}
		for _, r := range run {
			items = append(items, []ref{r})
		}
	}
	// Spans and their structure elements in reading order.
	var spans []Span
	words := func(s string) { spans = append(spans, Span{Text: s, Style: st, Node: n.add("Span")}) }
	number := func(r ref) {
		text := "00"
		if r.page > 0 {
			text = strconv.Itoa(r.page)
		}
		link := n.add("Link")
		spans = append(spans, Span{Text: text, Style: st, Node: link, Link: &Link{Anchor: r.anchor, Alt: p.One + " " + text, Node: link}})
	}
	switch {
	case p.One == "": // bare numbers
	case len(refs) == 1:
		words(p.One + "\u00a0")
	default:
		words(p.Many + "\u00a0")
	}
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			words(p.Last)
		default:
			words(p.Sep)
		}
		number(it[0])
		if len(it) == 2 {
			words(p.Range)
			number(it[1])
		}
	}
	return spans
}

// refIndexTitle is the title of an index for the table of contents.
func refIndexTitle(ix *guide.RefIndex) string {
	if ix == nil {
		return ""
	}
	return strings.TrimSpace(ix.Title)
}

// letterLists files the lines of an index under their letters: one list
// of the structure per letter, opened after what open lays out for the
// letter (its heading), so that a screen reader meets the letter, then
// its lines.
type letterLists struct {
	root   *Node
	cur    *Node
	letter string
}

// of returns the list of a line filed under letter, calling open first
// when the line starts a letter.
func (ls *letterLists) of(letter string, open func(letter string)) *Node {
	if ls.cur == nil || letter != ls.letter {
		ls.letter = letter
		open(letter)
		ls.cur = ls.root.add("L")
	}
	return ls.cur
}
