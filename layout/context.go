package layout

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"livret/fonts"
	"livret/guide"
)

// context is the state of one layout pass.
type context struct {
	th       Theme
	footer   footerFunc     // footer line of pages with furniture
	refs     map[string]int // page number (1-based) of each anchor, from the previous pass
	anchors  map[string]Dest
	missing  map[rune]bool
	warnings []string
	root     *Node
	memo     *memo         // shared by the passes
	words    guide.Wording // every word the layout prints that the content does not hold
	// dry contexts only find where the anchors land: the paginator puts
	// nothing on the pages (the leaflet's trials).
	dry bool
	key []byte // scratch room for memo keys
	// splitWords counts the index lines broken inside a word: a layout
	// tries a measure of columns, and gives it up when the count grew.
	splitWords int
	widest     string // see widestNumber: refs do not change during a pass
	// recount is set by a pass that leaves out what depends on the count
	// of its pages once settled (see withNotes): it tells whether that
	// count asks for another pass.
	recount func(pages int) bool
	// shortHeads are the shorter running heads the content gives for
	// some (see shortHead).
	shortHeads map[string]string
}

func newContext(th Theme, refs map[string]int, m *memo) *context {
	return &context{th: th, refs: refs, anchors: map[string]Dest{}, missing: map[rune]bool{}, root: &Node{Role: "Document"},
		memo: m, shortHeads: map[string]string{}}
}

// memo keeps what a layout computes the same way in every pass and for
// many entries: how texts break into lines, QR codes, laid-out entries,
// the how-to's choice of its sample. Entries are laid out on every core
// (see layEntries): mu guards the maps they share.
type memo struct {
	mu      sync.Mutex
	breaks  map[string]breaks
	faces   map[*fonts.Face]int // a number for each face, for keys
	qr      map[string]qrCode
	maps    map[*guide.Map]*mapPlan // the plan of each map's pages (see mapPlan)
	entries map[entryKey]laidEntry
	places  *pagedPart              // the places of the guide, set on pages once (see placesPart)
	ahead   *placesAhead            // …their entries laid out ahead (see layPlacesAhead)
	leaders map[string]*leaderShape // by leaderKey
	howTo   map[*guide.Guide]sampleChoice
	// onCover tells whether the cover holds the first helpline (see
	// helplinesInside): the cover has no page number, so no pass changes it.
	onCover map[*guide.Guide]bool
	// openers are how each section opens (see sectionOpening): heights
	// only decide it, the same in every pass.
	openers map[*guide.Section]opener
	digits  int // of the longest page number of the passes so far (see widestNumber)
	// taller holds the height of the index lines that print pages, the
	// most of the passes so far (see tallest).
	taller map[*guide.RefLine]float64
	// settled is the page count of the first pass that prints page
	// numbers, which decides once for all what a pass leaves out for want
	// of its count (see context.recount), 0 before.
	settled int
}

type qrCode struct {
	modules [][]bool
	err     error
}

func newMemo() *memo {
	return &memo{breaks: map[string]breaks{}, faces: map[*fonts.Face]int{}, qr: map[string]qrCode{}, maps: map[*guide.Map]*mapPlan{},
		entries: map[entryKey]laidEntry{}, leaders: map[string]*leaderShape{}, taller: map[*guide.RefLine]float64{},
		howTo: map[*guide.Guide]sampleChoice{}, onCover: map[*guide.Guide]bool{}, openers: map[*guide.Section]opener{}}
}

// recall is what kept, a map of m, holds for k: found by find and kept
// the first time. The lock is not held while find runs, as it lays out,
// which takes the lock for the line breaks.
func recall[K comparable, V any](m *memo, kept map[K]V, k K, find func() V) V {
	m.mu.Lock()
	v, ok := kept[k]
	m.mu.Unlock()
	if !ok {
		v = find()
		m.mu.Lock()
		kept[k] = v
		m.mu.Unlock()
	}
	return v
}

// tallest is the most height line has taken in the passes that printed
// its pages, h in this one: set that high, it never shrinks from one pass
// to the next. A line's pages may make it shorter as they move (« pages
// 22, 23 et 24 » becomes « pages 22 à 24 »), which moves the pages back,
// and the passes would go back and forth for ever; growing only, they
// settle. The caller leaves out the first pass's placeholders: they
// never make a range, and would hold every line at its longest.
func (m *memo) tallest(line *guide.RefLine, h float64) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	h = max(h, m.taller[line])
	m.taller[line] = h
	return h
}

// faceID numbers a face for the keys of the memo; it holds m.mu.
func (m *memo) faceID(f *fonts.Face) int {
	id, ok := m.faces[f]
	if !ok {
		id = len(m.faces)
		m.faces[f] = id
	}
	return id
}

// breakKey identifies the breaking of text, made of spans, in the widths
// of its first line and of the others: the text, and the bounds, face and
// size of each span. It is appended to b, and holds m.mu.
func (m *memo) breakKey(b []byte, spans []Span, bounds []int, text string, first, rest float64) []byte {
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(first))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(rest))
	for i, s := range spans {
		b = binary.LittleEndian.AppendUint64(b, uint64(bounds[i+1]))
		b = binary.LittleEndian.AppendUint64(b, uint64(m.faceID(s.Style.Face)))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Style.Size))
		if s.Whole {
			b = append(b, 1)
		}
	}
	return append(b, text...)
}

// leaderKey identifies the shape of a leader line (see leaderShape): the
// text, face, size and wholeness of its spans and of its pages, the widths
// it is set in, the room of the widest page number and of a leader dot.
// It is appended to b, and holds m.mu.
func (m *memo) leaderKey(b []byte, spans, right []Span, width, hang, digits, dot float64) []byte {
	for _, f := range []float64{width, hang, digits, dot} {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
	}
	for _, list := range [][]Span{spans, right} {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(list)))
		for _, s := range list {
			b = binary.LittleEndian.AppendUint64(b, uint64(m.faceID(s.Style.Face)))
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Style.Size))
			b = binary.LittleEndian.AppendUint64(b, uint64(len(s.Text)))
			if s.Whole {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
			b = append(b, s.Text...)
		}
	}
	return b
}

// lineBreaks returns how text, made of spans, breaks in the widths of its
// first line and of the others (see breakKey), computing
// it with find the first time, and whether it was found now. key is
// scratch room for the key, returned grown.
func (m *memo) lineBreaks(key []byte, spans []Span, bounds []int, text string, first, rest float64, find func() breaks) (breaks, bool, []byte) {
	m.mu.Lock()
	key = m.breakKey(key[:0], spans, bounds, text, first, rest)
	br, ok := m.breaks[string(key)]
	m.mu.Unlock()
	if !ok {
		br = find()
		m.mu.Lock()
		m.breaks[string(key)] = br
		m.mu.Unlock()
	}
	return br, !ok, key
}

// keepLines keeps the lines a text broke into (see lineBreaks), key the
// key of its breaks.
func (m *memo) keepLines(key []byte, lines *madeLines) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if br, ok := m.breaks[string(key)]; ok && br.made == nil {
		br.made = lines
		m.breaks[string(key)] = br
	}
}

// qrModules returns the modules of the QR code of url (see qrModulesFor).
// The first encoding stored is the one every use gets.
func (m *memo) qrModules(url string) ([][]bool, error) {
	m.mu.Lock()
	c, ok := m.qr[url]
	m.mu.Unlock()
	if ok {
		return c.modules, c.err
	}
	c.modules, c.err = qrModulesFor(url)
	m.mu.Lock()
	defer m.mu.Unlock()
	if first, ok := m.qr[url]; ok {
		c = first
	} else {
		m.qr[url] = c
	}
	return c.modules, c.err
}

// footerFunc gives the footer line of a page: the first of its wordings
// that holds on the line, longest first.
type footerFunc func(page, pages int) []string

// pageNumber is the usual footer, in the words of w: "Page 3 sur 24"
// (RLS 2.3).
func pageNumber(w guide.Wording) footerFunc {
	return func(page, pages int) []string {
		return []string{guide.Fill(w.Page, "page", strconv.Itoa(page), "pages", strconv.Itoa(pages))}
	}
}

// editedPageNumber is the footer of a document handed out on its own:
// "Édité le 1er décembre 2026 · Page 1 sur 2", or its date alone when the
// line is too short for both (a leaflet on A5, large type): a sheet of two
// pages says its date before its page numbers.
func editedPageNumber(w guide.Wording, edition string) footerFunc {
	number := pageNumber(w)
	return func(page, pages int) []string {
		date := guide.Fill(w.EditedOn, "date", edition)
		return []string{date + " · " + number(page, pages)[0], date}
	}
}

func (lc *context) warn(msg string) {
	if !slices.Contains(lc.warnings, msg) {
		lc.warnings = append(lc.warnings, msg)
	}
}

// failure is the error a pagination panicked with (see unknownElement and
// errNoProgress); anything else is a bug, and panics on.
func failure(r any) error {
	switch r := r.(type) {
	case unknownElement:
		return r
	case error:
		if r == errNoProgress {
			return r
		}
	}
	panic(r)
}

// settle runs layout passes until the page numbers it prints (table of
// contents, index) are those where the anchors land: two passes, seldom
// three, like LaTeX's, that only measure, then one that draws the pages.
// w gives the words of the furniture, footer the footer line of pages
// with furniture.
func settle(th Theme, w guide.Wording, footer footerFunc, pass func(lc *context) []element) (book *Book, err error) {
	defer func() {
		if r := recover(); r != nil {
			book, err = nil, failure(r)
		}
	}()
	if err := th.Check(); err != nil {
		return nil, err
	}
	refs := map[string]int{}
	m := newMemo()
	defer m.stopAhead()
	newPass := func() *context {
		lc := newContext(th, refs, m)
		lc.footer, lc.words = footer, w
		return lc
	}
	for i := range 5 { // one more when the first pass with page numbers asks for it (see recount)
		// Passes until the anchors land on the pages the pass printed. A
		// pass puts its boxes on pages without drawing them: the one that
		// lands the anchors where it printed them is the book, and only
		// then draws, as another pass with the same numbers would. The
		// first prints placeholders for page numbers: it is the book only
		// when there are none, and keeps nothing to draw.
		lc := newPass()
		lc.dry = i == 0
		pg := lc.place(pass(lc))
		got := map[string]int{}
		for a, d := range lc.anchors {
			got[a] = d.Page + 1
		}
		if !lc.dry && m.settled == 0 && lc.recount != nil {
			// What the pass left out for want of its count (see withNotes)
			// is decided on the first pass that prints page numbers, once
			// for all, whatever its count: no later pass asks again. When
			// it is wanted, it goes in the passes after this one: that
			// adds anchors, and moves none, so that the next is the book
			// when it lands those of this one again; it costs a pass only
			// when this one is the book.
			m.settled = len(pg.pages)
			if lc.recount(m.settled) {
				refs = got
				continue
			}
		}
		if maps.Equal(got, refs) || m.settled > 0 && landedAgain(refs, got) {
			if lc.dry {
				lc = newPass()
				pg = lc.place(pass(lc))
			}
			// No pass comes after: the boxes of the entries are let go of page
			// by page as drawn, and what the memo keeps for the passes now
			// (line breaks, leader lines).
			m.entries, m.breaks, m.leaders = nil, map[string]breaks{}, map[string]*leaderShape{}
			return pg.book(), nil
		}
		refs = got
	}
	return nil, fmt.Errorf("les numéros de page de la table des matières ne se stabilisent pas")
}

// landedAgain tells whether every anchor of refs landed on the same page
// in got.
func landedAgain(refs, got map[string]int) bool {
	for a, p := range refs {
		if got[a] != p {
			return false
		}
	}
	return true
}

// pageRef is the page number of an anchor as a string, or a placeholder
// of the same width in the first pass.
func (lc *context) pageRef(anchor string) string {
	if n, ok := lc.refs[anchor]; ok {
		return fmt.Sprint(n)
	}
	return "00"
}

// widestNumber is as many zeros as the longest page number any pass has
// found an anchor on, two at least, as the placeholders of the first pass
// are: the room a page number takes. It only grows from pass to pass, so
// that a guide of 99 or 100 pages does not go back and forth.
func (lc *context) widestNumber() string {
	// Asked for by every index line: scanning refs each time made a
	// national guide quadratic in its places.
	if lc.widest != "" {
		return lc.widest
	}
	most := 0
	for _, n := range lc.refs {
		most = max(most, n)
	}
	m := lc.memo
	m.mu.Lock()
	m.digits = max(m.digits, 2, len(strconv.Itoa(most)))
	d := m.digits
	m.mu.Unlock()
	lc.widest = strings.Repeat("0", d)
	return lc.widest
}

// paginate cuts the flow into pages, then draws them with their
// furniture, which needs the page count.
func (lc *context) paginate(elems []element) *Book { return lc.place(elems).book() }

// place cuts the flow into pages, putting the boxes on them, to be drawn
// by book; in a dry context, it only finds where the anchors land.
func (lc *context) place(elems []element) *paginator {
	top, bottom := lc.frame()
	pg := &paginator{lc: lc, top: top, bottom: bottom, x: lc.th.Format.Margin, limit: pageLimit(elems), anchors: lc.anchors}
	pg.rule = pg.drawRule
	pg.startPage(false)
	pg.flow(elems, true)
	pg.finish()
	return pg
}

// book draws the pages the paginator filled, and their furniture.
func (pg *paginator) book() *Book {
	lc := pg.lc
	th := lc.th
	f := th.Format
	book := &Book{Width: f.Width, Height: f.Height, Anchors: lc.anchors, Structure: lc.root, Lang: "fr-FR"}
	for _, p := range pg.pages {
		if lc.dry {
			book.Pages = append(book.Pages, p.page)
			continue
		}
		p.draw()
		if th.Background != White {
			p.page.Items = append([]Item{&Rect{W: f.Width, H: f.Height, Fill: th.Background}}, p.page.Items...)
		}
		if p.furniture {
			lc.furniture(p, len(pg.pages))
		}
		book.Pages = append(book.Pages, p.page)
	}
	if len(lc.missing) > 0 {
		lc.warn(guide.GlyphsWarning(th.Family.Display, slices.Sorted(maps.Keys(lc.missing))))
	}
	book.Warnings = lc.warnings
	book.number()
	return book
}

// scratch sets lc on a structure tree of its own, for a layout tried or
// measured whose structure is dropped, and returns what sets it back:
// defer lc.scratch()().
func (lc *context) scratch() (restore func()) {
	root := lc.root
	lc.root = &Node{}
	return func() { lc.root = root }
}

// trial tells whether a layout tried on a structure tree of its own
// (see scratch) holds where f measures it.
func (lc *context) trial(holds func() bool) bool {
	defer lc.scratch()()
	return holds()
}

// frame is the top and bottom of the text on a page: inside the margins,
// below the running head, above the page number.
func (lc *context) frame() (top, bottom float64) {
	th := lc.th
	band := th.body().Leading()
	top, bottom = th.Format.Margin+band+th.headingGap(), th.Format.Height-th.Format.Margin
	if !th.folioAbove {
		bottom -= band + th.headingGap()
	}
	return top, bottom
}

// furniture draws the running head and the footer (the page number), as
// artifacts: "Page 3 sur 24", at body size, always in the same place
// (RLS 2.3).
func (lc *context) furniture(p *pageWriter, pages int) {
	th := lc.th
	f := th.Format
	st := th.body()
	hst := th.strong()
	baseline := f.Margin + st.Face.Ascent(st.Size)
	// With the page number on the right of the running head's line
	// (folioAbove), the two are set smaller together, never below
	// MinSize, when the head does not hold beside the number at body
	// size, as the footer is. Then, above or not, the head the wording
	// gives for short, if any; the head is cut only if it still does not
	// hold.
	num := ""
	if th.folioAbove {
		num = lc.printable(lc.footer(p.index+1, pages)[0], st)
	}
	headWidth := func() float64 {
		if num == "" {
			return th.contentWidth()
		}
		return th.contentWidth() - th.folioGap() - st.Face.Width(num, st.Size)
	}
	text := p.head
	headFits := func() bool {
		head := lc.printable(text, hst)
		return head == "" || hst.Face.Width(head, hst.Size) <= headWidth()
	}
	for _, t := range []string{p.head, lc.shortHead(p.head)} {
		if t == "" {
			break
		}
		text, st, hst = t, th.body(), th.strong()
		for th.folioAbove && st.Size > MinSize && !headFits() {
			st.Size = max(MinSize, st.Size-1)
			hst.Size = st.Size
		}
		if headFits() {
			break
		}
	}
	if th.folioAbove {
		w := st.Face.Width(num, st.Size)
		p.add(&Text{X: f.Margin + th.contentWidth() - w, Y: baseline, Face: st.Face, Size: st.Size,
			Color: th.Text, S: num, Width: w})
		p.add(&Rect{X: f.Margin, Y: f.Margin + th.body().Leading() - 2, W: th.contentWidth(), H: 1, Fill: Grey})
	}
	if text != "" {
		head := lc.fitOneLineAtWord(text, hst, headWidth())
		// A section's heading set as the running head is the heading of
		// the page, not an artifact, in the headings' colour.
		color := th.Text
		if p.headNode != nil {
			color = th.Accent
		}
		p.add(&Text{X: f.Margin, Y: baseline, Face: hst.Face, Size: hst.Size,
			Color: color, S: head, Width: hst.Face.Width(head, hst.Size), node: p.headNode})
		if !th.folioAbove {
			p.add(&Rect{X: f.Margin, Y: f.Margin + st.Leading() - 2, W: th.contentWidth(), H: 1, Fill: Grey})
		}
	}
	if th.folioAbove {
		return
	}
	// A footer too long for its line (a leaflet's date and page, A5,
	// large type) is set smaller, never below MinSize, then said shorter,
	// before it is cut.
	p.add(&Rect{X: f.Margin, Y: f.Height - f.Margin - st.Leading(), W: th.contentWidth(), H: 1, Fill: Grey})
	feet := lc.footer(p.index+1, pages)
	fits := func(s string) bool { return st.Face.Width(lc.printable(s, st), st.Size) <= th.contentWidth() }
	foot := feet[0]
	for st.Size > MinSize && !fits(foot) {
		st.Size = max(MinSize, st.Size-1)
	}
	for _, f := range feet[1:] {
		if fits(foot) {
			break
		}
		foot, st = f, th.body() // a shorter wording, in type as large as it can
		for st.Size > MinSize && !fits(foot) {
			st.Size = max(MinSize, st.Size-1)
		}
	}
	foot = lc.fitOneLine(foot, st, th.contentWidth())
	y := f.Height - f.Margin - st.Face.Descent(st.Size)
	p.add(&Text{X: f.Margin, Y: y, Face: st.Face, Size: st.Size, Color: th.Text, S: foot, Width: st.Face.Width(foot, st.Size)})
}

// shortHead is the shorter running head the content gives for head, ""
// for none: « Mode d’emploi » for « Comment lire ce guide ».
func (lc *context) shortHead(head string) string { return lc.shortHeads[head] }

// fitOneLineAtWord shortens s as fitOneLine does, but at the end of a word
// when one holds: « Comment lire… » rather than « Comment lire c… », a
// running head being read at a glance.
func (lc *context) fitOneLineAtWord(s string, st Style, width float64) string {
	head := lc.fitOneLine(s, st, width)
	whole := lc.printable(s, st)
	if head == whole {
		return head
	}
	cut := strings.TrimSuffix(head, "…")
	mid := strings.HasPrefix(whole, cut) && !strings.HasPrefix(whole[len(cut):], " ") && !strings.HasSuffix(cut, "-")
	if i := strings.LastIndexAny(cut, " -"); mid && i > 0 {
		if cut[i] == '-' {
			i++ // « Saint-Médard-… »
		}
		head = strings.TrimRight(cut[:i], " ,") + "…"
	}
	return head
}

// fitOneLine shortens s with an ellipsis until it fits in width.
func (lc *context) fitOneLine(s string, st Style, width float64) string {
	p := lc.printable(s, st)
	if st.Face.Width(p, st.Size) <= width {
		return p
	}
	r := []rune(p)
	cut := func(k int) string { return lc.printable(strings.TrimRight(string(r[:k]), " ,")+"…", st) }
	// The longest prefix that fits, found by bisection: widths grow with
	// the prefix, and a name may be thousands of characters long.
	lo, hi := 1, len(r)-1 // cut(lo) is the shortest candidate; cut(hi) the longest
	if hi < lo || st.Face.Width(cut(lo), st.Size) > width {
		return p
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if st.Face.Width(cut(mid), st.Size) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}

// para breaks spans into lines of the given width and returns one box per
// line, indented by indent. The first box carries anchor and mark.
func (lc *context) para(spans []Span, indent, width float64) []box {
	return lc.lineBoxes(lc.breakLines(spans, width), indent)
}

// lineBoxes is one box per line, indented by indent.
func (lc *context) lineBoxes(lines []line, indent float64) []box {
	boxes := make([]box, len(lines))
	for i, l := range lines {
		boxes[i] = lc.lineBox(l, indent)
	}
	return boxes
}

// lineBox is the box of one line of text.
func (lc *context) lineBox(l line, indent float64) box {
	return box{height: l.leading, draw: func(p *pageWriter, x, y float64) {
		lc.drawLine(p, l, x+indent, y)
	}}
}

func (lc *context) drawLine(p *pageWriter, l line, x, y float64) {
	for _, pc := range l.pieces {
		if pc.text == "" {
			continue
		}
		st := pc.span.Style
		p.add(&Text{X: x + pc.x, Y: y + l.ascent, Face: st.Face, Size: st.Size, Color: st.Color,
			S: pc.text, Width: pc.w, Link: pc.span.Link, node: pc.span.Node})
	}
}

// heading is a heading line (or lines), kept with what follows, marking
// the running head and an anchor.
func (lc *context) heading(role, text, anchor, mark string, st Style) []element {
	return lc.iconHeading(role, "", text, anchor, mark, st)
}

// iconHeading is a heading with a pictogram (package picto) before its
// first line, the lines beside the pictograms' column, as the facts of a
// place: the need of a part by need. Without icon, it is heading.
func (lc *context) iconHeading(role, icon, text, anchor, mark string, st Style) []element {
	n := lc.root.add(role)
	var lines []box
	if icon == "" {
		lines = lc.para([]Span{{Text: text, Style: st, Node: n}}, 0, lc.th.contentWidth())
	} else {
		fr := lc.entryFrame(false)
		lines = lc.iconRow(fr, fr.width, icon, n, []Span{{Text: text, Style: st, Node: n}})
	}
	if top, bottom := lc.frame(); height(keep(lines)) > (bottom-top)/3 {
		// A heading of many lines cannot be one box: it could be taller than
		// the page. Each line stays with the next, the last with what
		// follows, as long as they fit on a page.
		lines[0].anchor, lines[0].mark = anchor, mark
		out := make([]element, len(lines))
		for i, b := range lines {
			b.keepWithNext = true
			out[i] = b
		}
		return out
	}
	b := stack(lines)
	b.keepWithNext = true
	b.anchor, b.mark = anchor, mark
	return []element{b}
}

// stack makes one box of several, drawn one below the other: the lines of
// a heading never part.
func stack(boxes []box) box {
	var h float64
	for _, b := range boxes {
		h += b.height
	}
	return box{height: h, draw: func(p *pageWriter, x, y float64) {
		for _, b := range boxes {
			if b.draw != nil {
				b.draw(p, x, y)
			}
			y += b.height
		}
	}}
}

// paragraph is a body paragraph under parent, followed by a paragraph gap.
func (lc *context) paragraph(parent *Node, text string, st Style) []element {
	var out []element
	for _, b := range lc.paraLines(parent, text, st) {
		out = append(out, b)
	}
	return append(out, glue(lc.th.gap()))
}

// paraLines are the lines of a paragraph under parent, across the text's
// width.
func (lc *context) paraLines(parent *Node, text string, st Style) []box {
	return lc.para([]Span{{Text: text, Style: st, Node: parent.add("P")}}, 0, lc.th.contentWidth())
}
