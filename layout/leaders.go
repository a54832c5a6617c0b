package layout

import (
	"runtime"
	"slices"

	"livret/internal/parallel"
)

// leaderLines sets the lines of an index (see leaderLine) in width, lines
// after the first indented by hang; nil for a letter. A national index
// holds tens of thousands: they are set on every core, each core on a
// scratch context whose count of words split and characters lacking the
// pass then hears, as it would have from setting them itself.
func (lc *context) leaderLines(lines []indexLine, width, hang float64) [][]box {
	set := make([][]box, len(lines))
	workers := runtime.GOMAXPROCS(0)
	if len(lines) < manyLeaderLines || workers == 1 {
		for i, l := range lines {
			if l.letter == nil && l.initial == nil {
				set[i] = lc.countCut(lc.leaderLine(l.words, l.pages, width, hang))
			}
		}
		return set
	}
	lc.widestNumber() // known before the scratch contexts copy it
	scratch := make([]*context, workers)
	parallel.For(workers, func(w int) {
		sc := *lc
		sc.key, sc.missing, sc.warnings, sc.splitWords = nil, map[rune]bool{}, nil, 0
		for i := w * len(lines) / workers; i < (w+1)*len(lines)/workers; i++ {
			if l := lines[i]; l.letter == nil && l.initial == nil {
				set[i] = sc.countCut(sc.leaderLine(l.words, l.pages, width, hang))
			}
		}
		scratch[w] = &sc
	})
	for _, sc := range scratch {
		lc.splitWords += sc.splitWords
		for _, w := range sc.warnings {
			lc.warn(w)
		}
		for r := range sc.missing {
			lc.missing[r] = true
		}
		// The lines draw in the scratch context: what the pass draws, it
		// hears.
		sc.missing = lc.missing
	}
	return set
}

// countCut counts a line of an index in columns broken inside a word
// (see inColumns), and returns its boxes.
func (lc *context) countCut(boxes []box, cut bool) []box {
	if cut {
		lc.splitWords++
	}
	return boxes
}

// manyLeaderLines is the count of index lines from which they are set on
// every core.
const manyLeaderLines = 512

// A leader line's shape is how its words break and where its number goes:
// the same in every pass where its texts, and the widest page number, are
// the same, which is most of the lines of an index once the page numbers
// settle. It is kept from pass to pass (see memo.leaders), its lines as
// text kept for the next one broken so (see madeLines): the lines of a
// later pass are made again of its spans.
type leaderShape struct {
	lines   *madeLines // the last, when alone, holds no words: the number's
	num     *madeLines // one line
	many    bool       // the pages follow the words (see leaderLine)
	cut     wordCut
	lacking []rune // characters the faces lack
}

// words are the spans the words of a line of many pages are made of: its
// words, a space, its pages.
func words(spans, right []Span, st Style) []Span {
	return append(append(slices.Clone(spans), Span{Text: " ", Style: st}), right...)
}

// leaderShape returns the shape of a leader line (see leaderLine), and its
// lines and number made of spans and right: found now, or made again of
// them as a shape kept from an earlier setting of the same texts.
func (lc *context) leaderShape(spans, right []Span, width, hang, dotW float64) (*leaderShape, []line, line) {
	m := lc.memo
	digitsW := lc.th.body().Face.Width(lc.widestNumber(), lc.th.body().Size)
	m.mu.Lock()
	lc.key = m.leaderKey(lc.key[:0], spans, right, width, hang, digitsW, dotW)
	sh, ok := m.leaders[string(lc.key)]
	m.mu.Unlock()
	if ok {
		if sh.many {
			spans, right = words(spans, right, lc.th.body()), nil
		}
		return sh, sh.lines.of(spans), sh.num.of(right)[0]
	}
	key := string(lc.key)
	sh, lines, num, spans, right := lc.shapeLeaders(spans, right, width, hang, digitsW, dotW)
	for _, list := range [][]Span{spans, right} {
		for _, s := range list {
			_, missing := s.Style.Face.Printable(s.Text)
			sh.lacking = append(sh.lacking, missing...)
		}
	}
	// The first pass prints placeholders for page numbers, which no later
	// pass prints: its shapes are not kept.
	if len(lc.refs) > 0 {
		sh.lines, sh.num = keptLines(lines, spans), keptLines([]line{num}, right)
		m.mu.Lock()
		m.leaders[key] = sh
		m.mu.Unlock()
	}
	return sh, lines, num
}

// shapeLeaders finds the shape of a leader line, the room of the widest
// page number digitsW, with its lines and number, and the spans they are
// made of: a line of many pages is made of its words (see words).
func (lc *context) shapeLeaders(spans, right []Span, width, hang, digitsW, dotW float64) (*leaderShape, []line, line, []Span, []Span) {
	st := lc.th.body()
	sh := &leaderShape{}
	var num line
	if len(right) > 0 {
		num = lc.breakLines(right, 1e6)[0]
		if num.width > (width-hang)/2 {
			// Many pages: they follow the words, as in a sentence.
			spans = words(spans, right, st)
			right, num, sh.many = nil, line{}, true
		}
	}
	// As wide as the longest page number the guide refers to: page
	// numbers are placeholders in the first pass, and the lines must
	// break alike in the next.
	digits := max(num.width, digitsW)
	reserve := digits + 3*dotW
	lines, cut := lc.breakHanging(spans, width, width-hang)
	alone := false // the number on a line of its own, below the words
	if n := len(lines); len(right) > 0 && n > 0 {
		room := width - hang
		if n == 1 {
			room = width
		}
		// The last line takes the number when a space holds on either
		// side, leaders or not: the number is flush right all the same.
		if lines[n-1].width+digits+dotW > room {
			// Narrower lines, with room for the number on each, when they
			// are no more and cut no more into the words; else the number
			// alone on the next line, under words left as they are.
			narrow := max(width-hang-reserve, (width-hang)/2)
			if l, c := lc.breakHanging(spans, max(width-reserve, narrow), narrow); len(l) <= n && c <= cut {
				lines, cut = l, c
			} else {
				alone = true
			}
		}
	}
	if alone {
		// The words end with a space, not measured: the text a screen
		// reader gets keeps them apart from the number.
		if last := &lines[len(lines)-1]; len(last.pieces) > 0 {
			last.pieces[len(last.pieces)-1].text += " "
		}
		lines = append(lines, line{leading: num.leading, ascent: num.ascent})
	}
	sh.cut = cut
	return sh, lines, num, spans, right
}
