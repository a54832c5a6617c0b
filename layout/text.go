package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Span is a run of text in one style, belonging to one structure element
// (and to a link, when Link is set).
type Span struct {
	Text  string
	Style Style
	Link  *Link
	Node  *Node
	// Whole spans never break inside, whatever their spaces: a phone
	// number, even written with ordinary spaces, is read in one go.
	Whole bool
}

// line is a line of text after breaking: pieces of spans placed from x = 0.
type line struct {
	pieces  []piece
	width   float64
	leading float64 // line height
	ascent  float64 // baseline distance from the top of the line box
}

type piece struct {
	span *Span
	text string // printable in the span's face
	x, w float64
}

// noBreak reports whether r forbids a line break on either side: the
// no-break spaces French typography puts in "9 h – 12 h", "05 57 65 75 39"
// or before a colon. The Unicode line-breaking rules alone would still
// allow a break after a dash followed by a no-break space.
func noBreak(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\u2060' || r == '\u2011'
}

// inCompound reports whether a break after text, before next, would cut a
// hyphenated word such as "Saint-Médard-en-Jalles" or "rendez-vous": a
// place name is one piece of information and stays on one line (UKAAF).
func inCompound(text string, next rune) bool {
	before, size := utf8.DecodeLastRuneInString(text)
	if before != '-' && before != '\u2010' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:len(text)-size])
	return unicode.IsLetter(prev) && unicode.IsLetter(next)
}

// insideWhole reports whether a break at byte pos of the text would cut
// a span that must stay whole.
func insideWhole(spans []Span, bounds []int, pos int) bool {
	i := spanAt(bounds, pos)
	return i < len(spans) && spans[i].Whole && bounds[i] < pos && pos < bounds[i+1]
}

// spanAt is the index of the span holding byte pos (bounds[i] <= pos <
// bounds[i+1]), found by bisection: a paragraph may hold thousands of
// spans (the pages of a need in a national guide), and a walk from the
// first for every word would grow with their square.
func spanAt(bounds []int, pos int) int {
	i, _ := slices.BinarySearch(bounds, pos+1)
	return max(i-1, 0)
}

// breakLines breaks spans into lines no wider than width, at the break
// opportunities of Unicode line breaking (UAX #14) and at "\n". Words are
// never hyphenated; a word wider than the whole line (a long web address)
// is split between characters, as a last resort.
func (lc *context) breakLines(spans []Span, width float64) []line {
	lines, _ := lc.breakHanging(spans, width, width)
	return lines
}

// breakHanging breaks spans as breakLines does, the first line in first,
// the others in rest (an index line wraps under itself, indented), and
// tells what had to be cut of a word wider than its line.
func (lc *context) breakHanging(spans []Span, first, rest float64) ([]line, wordCut) {
	bounds := make([]int, len(spans)+1) // span i covers text[bounds[i]:bounds[i+1]]
	var text string
	if len(spans) == 1 {
		text = spans[0].Text // most texts are one span: no copy
		bounds[1] = len(text)
	} else {
		var full strings.Builder
		for i, s := range spans {
			full.WriteString(s.Text)
			bounds[i+1] = full.Len()
		}
		text = full.String()
	}
	trimmed := func(a, b int) int { // end of [a, b) without trailing spaces and newlines
		return a + len(strings.TrimRight(text[a:b], " \t\r\n"))
	}

	// The same texts are broken again and again: a service's label in
	// every entry that offers it, the same hours in many entries, every
	// entry in each layout pass. Breaking depends only on the text, the
	// faces and sizes of its spans and the width.
	br, found, key := lc.memo.lineBreaks(lc.key, spans, bounds, text, first, rest, func() breaks {
		return lc.lineRanges(spans, bounds, text, first, rest, trimmed)
	})
	lc.key = key
	for _, r := range br.lacking {
		lc.missing[r] = true
	}
	if br.made != nil {
		return br.made.of(spans), br.cut
	}
	lines := make([]line, 0, len(br.ranges))
	for i, r := range br.ranges {
		end := trimmed(r[0], r[1])
		l := lc.makeLine(spans, bounds, text, r[0], end)
		if end < r[1] && i < len(br.ranges)-1 && len(l.pieces) > 0 && l.pieces[len(l.pieces)-1].text != "" {
			// A line broken at a space or "\n" ends with a space, not
			// measured: invisible, but the text a screen reader gets keeps
			// the last word of the line apart from the first of the next.
			l.pieces[len(l.pieces)-1].text += " "
		}
		lines = append(lines, l)
	}
	if !found {
		// Broken so before: the lines are kept, to be made again of the
		// spans of the next text broken so.
		lc.memo.keepLines(lc.key, keptLines(lines, spans))
	}
	return lines, br.cut
}

// madeLines are lines a text broke into, kept for the next time it breaks
// so (see breakHanging): their pieces hold no span, spanOf gives the index
// of each one's.
type madeLines struct {
	lines  []line
	spanOf [][]int32
}

// keptLines keeps lines made of spans.
func keptLines(lines []line, spans []Span) *madeLines {
	m := &madeLines{lines: make([]line, len(lines)), spanOf: make([][]int32, len(lines))}
	k := 0 // the pieces' spans come in order, but for an empty line's
	for i, l := range lines {
		pieces := make([]piece, len(l.pieces))
		idx := make([]int32, len(l.pieces))
		for j, pc := range l.pieces {
			if k >= len(spans) || pc.span != &spans[k] {
				k = 0
			}
			for pc.span != &spans[k] {
				k++
			}
			pc.span, idx[j] = nil, int32(k)
			pieces[j] = pc
		}
		l.pieces = pieces
		m.lines[i], m.spanOf[i] = l, idx
	}
	return m
}

// of makes the kept lines again of spans.
func (m *madeLines) of(spans []Span) []line {
	lines := make([]line, len(m.lines))
	for i, l := range m.lines {
		pieces := make([]piece, len(l.pieces))
		for j, pc := range l.pieces {
			pc.span = &spans[m.spanOf[i][j]]
			pieces[j] = pc
		}
		l.pieces = pieces
		lines[i] = l
	}
	return lines
}

// wordCut is the worst a text had to do to a word wider than its line.
type wordCut uint8

const (
	noCut     wordCut = iota
	hyphenCut         // a compound name, after one of its hyphens: « Saint-Jean- / de-Védas »
	letterCut         // a word, between two letters
)

// breaks is how a text breaks into lines: the byte range of each line,
// trailing spaces included, and the characters its faces lack.
type breaks struct {
	ranges  [][2]int
	lacking []rune
	cut     wordCut
	made    *madeLines // the lines of a text broken so twice
}

// lineRanges finds where text, made of spans, breaks into lines no wider
// than first for the first, rest for the others.
func (lc *context) lineRanges(spans []Span, bounds []int, text string, first, rest float64, trimmed func(a, b int) int) breaks {
	var br breaks
	var ranges [][2]int
	width := func() float64 {
		if len(ranges) == 0 {
			return first
		}
		return rest
	}

	type word struct {
		start, end int  // byte range, trailing spaces included
		hard       bool // a mandatory break follows
	}
	var words []word
	start, pos, state := 0, 0, -1
	for rest := text; rest != ""; {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		if rest != "" && !must {
			before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:pos], " "))
			after, _ := utf8.DecodeRuneInString(rest)
			if noBreak(before) || noBreak(after) || inCompound(text[:pos], after) || insideWhole(spans, bounds, pos) {
				continue
			}
		}
		words = append(words, word{start, pos, must && rest != ""})
		start = pos
	}

	// Lines are measured word by word, so text is measured once: units[k]
	// is the width of text[:k] in thousandths of an em of each rune's face
	// (widths in units add up, see fonts.Face.Units), at rune starts.
	// measure(a, b) is the printed width of text[a:b], each span's part in
	// its style, and remembers the characters there that the faces lack.
	units := make([]int, len(text)+1)
	var lacking []int // byte offsets of characters a face lacks
	for i, s := range spans {
		f := s.Style.Face
		for k := bounds[i]; k < bounds[i+1]; {
			r, size := utf8.DecodeRuneInString(text[k:])
			c := text[k : k+size]
			if r != '\n' && !f.Has(r) {
				p, missing := f.Printable(c)
				if len(missing) > 0 {
					lacking = append(lacking, k)
				}
				c = p
			}
			units[k+size] = units[k] + f.Units(c)
			k += size
		}
	}
	measure := func(a, b int) float64 {
		from, _ := slices.BinarySearch(lacking, a) // lacking is in text order
		for _, k := range lacking[from:] {
			if k >= b {
				break
			}
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !slices.Contains(br.lacking, r) {
				br.lacking = append(br.lacking, r)
			}
		}
		w := 0.0
		for i := spanAt(bounds, a); i < len(spans) && bounds[i] < b; i++ {
			lo, hi := max(a, bounds[i]), min(b, bounds[i+1])
			if lo < hi {
				w += float64(units[hi]-units[lo]) * spans[i].Style.Size / 1000
			}
		}
		return w
	}
	lineStart, lineEnd := -1, -1
	flush := func() {
		if lineStart >= 0 {
			ranges = append(ranges, [2]int{lineStart, lineEnd})
		}
		lineStart, lineEnd = -1, -1
	}
	for _, w := range words {
		switch {
		case lineStart < 0:
			lineStart, lineEnd = w.start, w.end
		case measure(lineStart, trimmed(lineStart, w.end)) <= width():
			lineEnd = w.end
		default:
			flush()
			lineStart, lineEnd = w.start, w.end
		}
		// A word alone wider than the line is split between characters.
		for measure(lineStart, trimmed(lineStart, lineEnd)) > width() {
			cut := lc.fitPrefix(text, lineStart, trimmed(lineStart, lineEnd), width(), measure)
			if before, _ := utf8.DecodeLastRuneInString(text[:cut]); before == '-' || before == '\u2010' {
				br.cut = max(br.cut, hyphenCut)
			} else {
				br.cut = letterCut
			}
			ranges = append(ranges, [2]int{lineStart, cut})
			lineStart = cut
		}
		if w.hard {
			flush()
		}
	}
	flush()
	br.ranges = ranges
	return br
}

// fitPrefix returns the end of the longest run of whole grapheme clusters
// from a that fits in width (at least one cluster, so that progress is
// made), moved back after the last no-break space, so that "26 septembre
// 2022" too wide for its line breaks before the year, not inside it; or
// else after the last "/", "." or "-", so that a web address breaks where
// a reader expects it.
func (lc *context) fitPrefix(text string, a, b int, width float64, measure func(int, int) float64) int {
	end := a
	g := uniseg.NewGraphemes(text[a:b])
	for g.Next() {
		_, to := g.Positions()
		if end > a && measure(a, a+to) > width {
			break
		}
		end = a + to
	}
	if end < b {
		if i := strings.LastIndexAny(text[a:end], "\u00a0\u202f"); i > 0 {
			_, size := utf8.DecodeRuneInString(text[a+i:])
			return a + i + size
		}
		if i := strings.LastIndexAny(text[a:end], "/.-_?&="); i > 0 {
			return a + i + 1
		}
	}
	return end
}

func (lc *context) makeLine(spans []Span, bounds []int, text string, a, b int) line {
	var l line
	x := 0.0
	// Only the spans from the one holding a: a line of a paragraph of
	// thousands of spans must not walk them all. An empty line takes the
	// first span, for its style.
	from := spanAt(bounds, a)
	if a == b {
		from = 0
	}
	for i := from; i < len(spans) && (i == from || bounds[i] < b); i++ {
		s := &spans[i]
		lo, hi := max(a, bounds[i]), min(b, bounds[i+1])
		if lo >= hi && !(a == b && i == 0) {
			continue
		}
		p := lc.printable(text[lo:max(lo, hi)], s.Style)
		w := s.Style.Face.Width(p, s.Style.Size)
		l.pieces = append(l.pieces, piece{span: s, text: p, x: x, w: w})
		x += w
		l.leading = max(l.leading, s.Style.Leading())
	}
	l.width = x
	asc, desc := 0.0, 0.0
	for _, p := range l.pieces {
		asc = max(asc, p.span.Style.Face.Ascent(p.span.Style.Size))
		desc = max(desc, p.span.Style.Face.Descent(p.span.Style.Size))
	}
	l.ascent = (l.leading-(asc+desc))/2 + asc
	return l
}

// printable maps s to characters the face has, remembering those it lacks.
func (lc *context) printable(s string, st Style) string {
	p, missing := st.Face.Printable(s)
	for _, r := range missing {
		lc.missing[r] = true
	}
	return p
}

// width measures s as it will be printed in style st.
func (lc *context) width(s string, st Style) float64 {
	return st.Face.Width(lc.printable(s, st), st.Size)
}
