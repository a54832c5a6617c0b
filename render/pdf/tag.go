package pdf

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"unicode/utf16"

	"livret/layout"
)

// Tagging follows the route fpdf leaves open: marked content is written
// into the page streams while drawing (BDC … EMC with an MCID for content,
// /Artifact for page furniture), and what fpdf cannot write is added
// after: the structure tree and its parent tree, link annotations as
// indirect objects tied to Link elements, and the catalog and page entries
// PDF/UA-1 requires. A book drawn whole gets them in an incremental update
// appended to fpdf's file; a book drawn in chunks, from the merger, which
// writes the pages with their entries (merge.go).
//
// A national guide has close to a million structure elements, most of
// them a single marked sequence: the update is kept small and fast. What
// is known of each element sits in slices indexed by its ID (layout
// numbers the structure in reading order), not in maps; elements say
// nothing a reader can infer (no /Type, the page once in /Pg, a lone kid
// without brackets); text strings are PDFDocEncoding where the text
// allows; and the objects go, compressed, into object streams indexed by
// a cross-reference stream (xref.go).

// mcr is a marked-content reference: the MCID-th marked sequence of a page.
type mcr struct{ page, mcid int32 }

// annot is a link annotation, kept until the incremental update writes it.
type annot struct {
	page     int
	rect     [4]float64   // in PDF user space (origin bottom-left)
	quads    [][4]float64 // the rectangles rect bounds, one per run of text
	uri      string
	dest     *layout.Dest
	contents string
	link     *layout.Link // the runs of one link on a page make one annotation
	elem     int32        // ID of the Link element
}

// add extends the annotation over one more rectangle.
func (a *annot) add(r [4]float64) {
	a.quads = append(a.quads, r)
	a.rect = [4]float64{min(a.rect[0], r[0]), min(a.rect[1], r[1]), max(a.rect[2], r[2]), max(a.rect[3], r[3])}
}

// structure is a book's structure elements by ID: what the tags say of
// each, held in slices sized once, never the elements themselves, so that
// the book's tree of close to a million elements can be let go as soon as
// it is listed (see Options.Release): each element with content stays as
// long as the items of its page, the others go at once.
type structure struct {
	parent []int32 // -1 for the root
	// end is the ID that follows the element's last descendant: as IDs
	// are in preorder, the kids of i are i+1, end[i+1], … before end[i].
	end   []int32
	role  []uint16 // the element's role, an index in roles
	roles []string
	alt   map[int32]string // the alternative text of each Figure
	scope map[int32]string // the scope of each table header cell
}

// newStructure lists the elements of the tree under root, checking that
// their IDs are their places in reading order, as layout numbers them.
func newStructure(root *layout.Node) (*structure, error) {
	var count func(n *layout.Node) int
	count = func(n *layout.Node) int {
		c := 1
		for _, k := range n.Kids {
			c += count(k)
		}
		return c
	}
	if root == nil {
		return nil, errUnnumbered
	}
	size := count(root)
	s := &structure{parent: make([]int32, 0, size), end: make([]int32, size), role: make([]uint16, 0, size),
		alt: map[int32]string{}, scope: map[int32]string{}}
	roles := map[string]uint16{}
	var walk func(n *layout.Node, parent int32) bool
	walk = func(n *layout.Node, parent int32) bool {
		id := int32(len(s.parent))
		if n.ID != id {
			return false
		}
		s.parent = append(s.parent, parent)
		r, ok := roles[n.Role]
		if !ok {
			r = uint16(len(s.roles))
			roles[n.Role] = r
			s.roles = append(s.roles, n.Role)
		}
		s.role = append(s.role, r)
		if n.Alt != "" {
			s.alt[id] = n.Alt
		}
		if n.Scope != layout.NoScope {
			s.scope[id] = n.Scope.String()
		}
		for _, k := range n.Kids {
			if !walk(k, id) {
				return false
			}
		}
		s.end[id] = int32(len(s.parent))
		return true
	}
	if !walk(root, -1) {
		return nil, errUnnumbered
	}
	return s, nil
}

var errUnnumbered = fmt.Errorf("balisage du PDF impossible : structure du livre non numérotée")

// id returns the ID of element n, and whether n is an element of s: one
// layout numbered, of the role listed under its ID. An element layout
// left out of the book's tree is never numbered: its ID is 0, the root's,
// and the root holds the other elements, never content.
func (s *structure) id(n *layout.Node) (int32, bool) {
	if n == nil || n.ID <= 0 || int(n.ID) >= s.len() || s.roleOf(n.ID) != n.Role {
		return 0, false
	}
	return n.ID, true
}

// len is the number of elements.
func (s *structure) len() int { return len(s.parent) }

// roleOf returns the role of element i.
func (s *structure) roleOf(i int32) string { return s.roles[s.role[i]] }

// kids returns the kids of element i, in order.
func (s *structure) kids(i int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for k := i + 1; k < s.end[i]; k = s.end[k] {
			if !yield(k) {
				return
			}
		}
	}
}

type tagger struct {
	st        *structure
	pageMCIDs [][]int32 // per page, the element of each MCID
	annots    []annot
	err       error // the first item tied to an element outside the structure
}

func newTagger(st *structure) *tagger { return &tagger{st: st} }

// begin opens the marked content of an item of element n (nil for an
// artifact) on page (0-based).
func (t *tagger) begin(w func(string), page int, n *layout.Node) {
	for len(t.pageMCIDs) <= page {
		t.pageMCIDs = append(t.pageMCIDs, nil)
	}
	if n == nil {
		w("/Artifact BMC")
		return
	}
	id, ok := t.st.id(n)
	if !ok {
		if t.err == nil {
			t.err = fmt.Errorf("balisage du PDF impossible : élément %s de la page %d hors de la structure du livre", n.Role, page+1)
		}
		w("/Artifact BMC")
		return
	}
	mcid := len(t.pageMCIDs[page])
	t.pageMCIDs[page] = append(t.pageMCIDs[page], id)
	w("/" + n.Role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
}

func (t *tagger) end(w func(string)) { w("EMC") }

// link records a run of link l on page, rect in PDF user space: the runs
// of one link on a page (the lines of a title and its page number in the
// contents) make one annotation, one tab stop.
func (t *tagger) link(page int, rect [4]float64, l *layout.Link, dest *layout.Dest) {
	for i := len(t.annots) - 1; i >= 0 && t.annots[i].page == page; i-- {
		if t.annots[i].link == l {
			t.annots[i].add(rect)
			return
		}
	}
	elem, ok := t.st.id(l.Node)
	if !ok {
		return // a link outside the structure cannot be tagged
	}
	t.annots = append(t.annots, annot{page: page, rect: rect, quads: [][4]float64{rect},
		uri: l.URL, dest: dest, contents: l.Alt, link: l, elem: elem})
}

// absorb takes the tags of the next chunk: its pages follow those of t.
func (t *tagger) absorb(o *tagger) {
	if len(o.pageMCIDs) > len(t.pageMCIDs) {
		t.pageMCIDs = append(t.pageMCIDs, o.pageMCIDs[len(t.pageMCIDs):]...)
	}
	for _, a := range o.annots {
		a.link = nil // the chunk is drawn: its links are let go with the book
		t.annots = append(t.annots, a)
	}
	if t.err == nil {
		t.err = o.err
	}
}

// grouped holds values by element, in the order they were given: those of
// element i are vals[start[i]:start[i+1]].
type grouped[T any] struct {
	start []int32
	vals  []T
}

func (g grouped[T]) of(i int32) []T { return g.vals[g.start[i]:g.start[i+1]] }

// groupBy sorts vals by key (element IDs below n), stably: a counting sort.
func groupBy[T any](n int, keys []int32, vals []T) grouped[T] {
	g := grouped[T]{start: make([]int32, n+1), vals: make([]T, len(vals))}
	for _, k := range keys {
		g.start[k+1]++
	}
	for i := range n {
		g.start[i+1] += g.start[i]
	}
	at := make([]int32, n)
	copy(at, g.start)
	for i, k := range keys {
		g.vals[at[k]] = vals[i]
		at[k]++
	}
	return g
}

// tagObjects are the objects of the tags, numbered: the structure
// elements, the structure tree root, the parent tree and the link
// annotations; and what a page and the catalog say of them.
type tagObjects struct {
	t          *tagger
	pages      []int // page object numbers
	pageHeight float64
	content    grouped[mcr]   // the marked content of each element
	linked     grouped[int32] // the annotations of each Link element
	obj        []int32        // element → object number, 0 for one pruned
	elems      []int32        // the elements kept, in reading order
	treeRoot   int
	parentTree int
	firstAnnot int // annotation i is object firstAnnot+i
}

// objects numbers the objects of the tags of a book of the given pages:
// the annotations from firstAnnot on, the others from next on. It returns
// them and the next free number.
func (t *tagger) objects(pages []int, firstAnnot, next int, pageHeight float64) (*tagObjects, int, error) {
	if t.err != nil {
		return nil, 0, t.err
	}
	st := t.st
	n := st.len()
	o := &tagObjects{t: t, pages: pages, pageHeight: pageHeight, firstAnnot: firstAnnot}

	// The marked content and the annotations of each element, in order.
	var keys []int32
	var refs []mcr
	for p, ids := range t.pageMCIDs {
		for mcid, id := range ids {
			keys = append(keys, id)
			refs = append(refs, mcr{int32(p), int32(mcid)})
		}
	}
	o.content = groupBy(n, keys, refs)
	keys = keys[:0]
	order := make([]int32, len(t.annots))
	for i, a := range t.annots {
		keys = append(keys, a.elem)
		order[i] = int32(i)
	}
	o.linked = groupBy(n, keys, order)

	// Structure elements, empty ones pruned (but for table cells: a row
	// keeps one cell under each column), in reading order.
	keep := make([]bool, n)
	for i := n - 1; i >= 0; i-- {
		role := st.roleOf(int32(i))
		if len(o.content.of(int32(i))) > 0 || len(o.linked.of(int32(i))) > 0 || role == "TD" || role == "TH" {
			keep[i] = true
		}
		if keep[i] && i > 0 {
			keep[st.parent[i]] = true
		}
	}
	keep[0] = true
	o.obj = make([]int32, n)
	for i := range n {
		if keep[i] {
			o.obj[i] = int32(next)
			next++
			o.elems = append(o.elems, int32(i))
		}
	}
	o.treeRoot, o.parentTree = next, next+1
	return o, next + 2, nil
}

// count is the number of objects, annotations included.
func (o *tagObjects) count() int { return len(o.elems) + 2 + len(o.t.annots) }

// object appends the k-th object (k < count) to b and returns its number.
func (o *tagObjects) object(b []byte, k int) (int, []byte) {
	switch n := len(o.elems); {
	case k < n:
		i := o.elems[k]
		return int(o.obj[i]), o.element(b, i)
	case k == n:
		b = append(b, "<</Type /StructTreeRoot /K "...)
		b = append(appendRef(b, int(o.obj[0])), " /ParentTree "...)
		b = append(appendRef(b, o.parentTree), " /ParentTreeNextKey "...)
		b = strconv.AppendInt(b, int64(len(o.pages)+len(o.t.annots)), 10)
		return o.treeRoot, append(b, ">>"...)
	case k == n+1:
		return o.parentTree, o.parents(b)
	default:
		i := k - n - 2
		return o.firstAnnot + i, o.annotation(b, i)
	}
}

func appendRef(b []byte, obj int) []byte {
	return append(strconv.AppendInt(b, int64(obj), 10), " 0 R"...)
}

func (o *tagObjects) pageRef(b []byte, p int) []byte { return appendRef(b, o.pages[p]) }

// element appends the structure element of ID i. Its page is that of its
// first marked content, or annotation: the references to content on that
// page need not name it, and a lone one is a bare MCID.
func (o *tagObjects) element(b []byte, i int32) []byte {
	st := o.t.st
	b = append(b, "<</S /"...)
	b = append(b, st.roleOf(i)...)
	b = append(b, " /P "...)
	if i == 0 {
		b = appendRef(b, o.treeRoot)
	} else {
		b = appendRef(b, int(o.obj[st.parent[i]]))
	}
	mcrs, links := o.content.of(i), o.linked.of(i)
	pg := int32(-1)
	switch {
	case len(mcrs) > 0:
		pg = mcrs[0].page
	case len(links) > 0:
		pg = int32(o.t.annots[links[0]].page)
	}
	if pg >= 0 {
		b = o.pageRef(append(b, " /Pg "...), int(pg))
	}
	kids := len(mcrs) + len(links)
	for k := range st.kids(i) {
		if o.obj[k] != 0 {
			kids++
		}
	}
	b = append(b, " /K "...)
	if kids != 1 {
		b = append(b, '[')
	}
	sep := false
	space := func() {
		if sep {
			b = append(b, ' ')
		}
		sep = true
	}
	for _, c := range mcrs {
		space()
		if c.page == pg {
			b = strconv.AppendInt(b, int64(c.mcid), 10)
			continue
		}
		b = o.pageRef(append(b, "<</Type /MCR /Pg "...), int(c.page))
		b = append(b, " /MCID "...)
		b = strconv.AppendInt(b, int64(c.mcid), 10)
		b = append(b, ">>"...)
	}
	for _, a := range links {
		space()
		b = append(b, "<</Type /OBJR"...)
		if p := o.t.annots[a].page; int32(p) != pg {
			b = o.pageRef(append(b, " /Pg "...), p)
		}
		b = appendRef(append(b, " /Obj "...), o.firstAnnot+int(a))
		b = append(b, ">>"...)
	}
	for k := range st.kids(i) {
		if obj := o.obj[k]; obj != 0 {
			space()
			b = appendRef(b, int(obj))
		}
	}
	if kids != 1 {
		b = append(b, ']')
	}
	if alt, ok := st.alt[i]; ok {
		b = appendText(append(b, " /Alt "...), alt)
	}
	if scope, ok := st.scope[i]; ok {
		b = append(b, " /A <</O /Table /Scope /"+scope+">>"...)
	}
	if i == 0 {
		b = append(b, " /Lang (fr-FR)"...)
	}
	return append(b, ">>"...)
}

// parents appends the parent tree: for each page, the element of each
// MCID; for each annotation, its Link element.
func (o *tagObjects) parents(b []byte) []byte {
	b = append(b, "<</Nums ["...)
	for p, ids := range o.t.pageMCIDs {
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, " ["...)
		for j, id := range ids {
			if j > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, int(o.obj[id]))
		}
		b = append(b, "]\n"...)
	}
	for i, a := range o.t.annots {
		b = strconv.AppendInt(b, int64(len(o.pages)+i), 10)
		b = append(appendRef(append(b, ' '), int(o.obj[a.elem])), '\n')
	}
	return append(b, "]>>"...)
}

// annotation appends link annotation i: indirect, with its Contents and
// StructParent.
func (o *tagObjects) annotation(b []byte, i int) []byte {
	a := &o.t.annots[i]
	b = append(b, "<</Type /Annot /Subtype /Link /Rect ["...)
	for j, v := range a.rect {
		if j > 0 {
			b = append(b, ' ')
		}
		b = appendFixed(b, v, 2)
	}
	if len(a.quads) > 1 {
		// Each rectangle as a quadrilateral: upper left, upper right,
		// lower left, lower right, as readers take them.
		b = append(b, "] /QuadPoints ["...)
		for j, q := range a.quads {
			for k, v := range [8]float64{q[0], q[3], q[2], q[3], q[0], q[1], q[2], q[1]} {
				if j > 0 || k > 0 {
					b = append(b, ' ')
				}
				b = appendFixed(b, v, 2)
			}
		}
	}
	b = append(b, "] /Border [0 0 0] /F 4 /P "...)
	b = o.pageRef(b, a.page)
	b = append(b, " /StructParent "...)
	b = strconv.AppendInt(b, int64(len(o.pages)+i), 10)
	b = appendText(append(b, " /Contents "...), a.contents)
	if a.dest != nil {
		b = o.pageRef(append(b, " /Dest ["...), a.dest.Page)
		b = append(b, " /XYZ 0 "...)
		b = appendFixed(b, o.pageHeight-a.dest.Y, 2)
		b = append(b, " null]"...)
	} else {
		b = append(b, " /A <</S /URI /URI "...)
		b = append(appendASCII(b, a.uri), ">>"...)
	}
	return append(b, ">>"...)
}

// appendPageTags appends the entries a tagged page adds to its
// dictionary: its key in the parent tree, its tab order (the structure's),
// and its annotations.
func appendPageTags(b []byte, p int, annots []int) []byte {
	b = append(b, "\n/StructParents "...)
	b = strconv.AppendInt(b, int64(p), 10)
	b = append(b, " /Tabs /S"...)
	if len(annots) > 0 {
		b = append(b, " /Annots ["...)
		for i, a := range annots {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, a)
		}
		b = append(b, ']')
	}
	return b
}

// appendCatalogTags appends the entries the tags add to the catalog.
func (o *tagObjects) appendCatalogTags(b []byte) []byte {
	b = append(b, "\n/MarkInfo <</Marked true>> /StructTreeRoot "...)
	b = appendRef(b, o.treeRoot)
	return append(b, " /ViewerPreferences <</DisplayDocTitle true>>"...)
}

// update writes the incremental update that makes the file tagged to w,
// after base: f as written, with its offsets shifted (see compress). The
// update rewrites the pages and the catalog with their tagging entries.
// The file's header must say PDF 1.5 or later, for the object streams.
// Errors of w are returned as they are.
func (t *tagger) update(w io.Writer, f *pdfFile, base written, pageHeight float64) error {
	o, next, err := t.objects(f.pages, base.next, base.next+len(t.annots), pageHeight)
	if err != nil {
		return err
	}
	annotsByPage := make([][]int, len(f.pages))
	for i, a := range t.annots {
		annotsByPage[a.page] = append(annotsByPage[a.page], o.firstAnnot+i)
	}
	tags, pages := o.count(), len(f.pages)
	object := func(b []byte, k int) (int, []byte, error) {
		n := f.root
		if k < tags {
			n, b = o.object(b, k)
			return n, b, nil
		}
		if p := k - tags; p < pages {
			n = f.pages[p]
		}
		body, err := f.dict(n)
		if err != nil {
			return 0, nil, fmt.Errorf("balisage du PDF impossible : %w", err)
		}
		b = append(append(b, "<<"...), body...)
		if p := k - tags; p < pages {
			b = appendPageTags(b, p, annotsByPage[p])
		} else {
			b = o.appendCatalogTags(b)
		}
		return n, append(b, ">>"...), nil
	}
	x := &xrefWriter{out: &counter{w: w, n: base.size}, next: next}
	if err := x.packed(tags+pages+1, object); err != nil {
		return err
	}
	return x.finish(fmt.Sprintf("/Root %d 0 R /Info %d 0 R /Prev %d", f.root, f.info, base.startxref))
}

// appendText appends s as a PDF text string: in PDFDocEncoding, a literal
// string, when every character of s has a code there (the French of the
// guides mostly does), else in UTF-16BE.
func appendText(b []byte, s string) []byte {
	n := len(b)
	b = append(b, '(')
	for i, r := range s {
		c, ok := pdfDocCode(r)
		if !ok || i == 0 && (c == 0xFE || c == 0xEF) { // þ or ï first: taken for a byte order mark
			return appendUTF16(b[:n], s)
		}
		if c == '(' || c == ')' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return append(b, ')')
}

// pdfDocCode returns the PDFDocEncoding code of r (ISO 32000-1, Annex D),
// leaving out control characters, whose codes readers do not agree on.
func pdfDocCode(r rune) (byte, bool) {
	switch {
	case r >= 0x20 && r < 0x7F || r >= 0xA1 && r <= 0xFF && r != 0xAD:
		return byte(r), true
	case r == 0x20AC:
		return 0xA0, true
	}
	for i, c := range pdfDoc80 {
		if c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// pdfDoc80 are the characters of PDFDocEncoding's codes 0x80 to 0x9E.
var pdfDoc80 = [...]rune{
	'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘',
	'’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž',
}

// appendUTF16 appends s as a PDF text string in UTF-16BE with its byte
// order mark: a literal string of two bytes a character, escaped where
// they would end the string or be read as an end of line.
func appendUTF16(b []byte, s string) []byte {
	b = append(b, '(', 0xFE, 0xFF)
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range [2]byte{byte(u >> 8), byte(u)} {
			switch c {
			case '(', ')', '\\':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			case '\n':
				b = append(b, '\\', 'n')
			default:
				b = append(b, c)
			}
		}
	}
	return append(b, ')')
}

// appendASCII appends a URI as a PDF string: URIs are 7-bit ASCII, so
// other bytes are percent-encoded, and parentheses and backslashes escaped.
func appendASCII(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || c < 0x20:
			b = append(b, '%', hex[c>>4], hex[c&0xF])
		case c == '(' || c == ')' || c == '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}
