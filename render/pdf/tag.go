package pdf

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"

	"livret/layout"
)

// Tagging follows the route fpdf leaves open: marked content is written
// into the page streams while drawing (BDC … EMC with an MCID for content,
// /Artifact for page furniture), and an incremental update appended to
// fpdf's file adds what fpdf cannot write: the structure tree and its
// parent tree, link annotations as indirect objects tied to Link elements,
// and the catalog and page entries PDF/UA-1 requires.

// mcr is a marked-content reference: the MCID-th marked sequence of a page.
type mcr struct{ page, mcid int }

// annot is a link annotation, kept until the incremental update writes it.
type annot struct {
	page     int
	rect     [4]float64   // in PDF user space (origin bottom-left)
	quads    [][4]float64 // the rectangles rect bounds, one per run of text
	uri      string
	dest     *layout.Dest
	contents string
	node     *layout.Node // Link element
}

// add extends the annotation over one more rectangle.
func (a *annot) add(r [4]float64) {
	a.quads = append(a.quads, r)
	a.rect = [4]float64{min(a.rect[0], r[0]), min(a.rect[1], r[1]), max(a.rect[2], r[2]), max(a.rect[3], r[3])}
}

type tagger struct {
	pageMCIDs [][]*layout.Node // per page, the element of each MCID
	content   map[*layout.Node][]mcr
	annots    []annot
	lastAnnot map[*layout.Link]int // the last annotation of each link
}

func newTagger() *tagger {
	return &tagger{content: map[*layout.Node][]mcr{}, lastAnnot: map[*layout.Link]int{}}
}

// begin opens the marked content of an item on page (0-based).
func (t *tagger) begin(w func(string), page int, n *layout.Node, pagination bool) {
	for len(t.pageMCIDs) <= page {
		t.pageMCIDs = append(t.pageMCIDs, nil)
	}
	switch {
	case n == nil && pagination:
		w("/Artifact <</Type /Pagination>> BDC")
	case n == nil:
		w("/Artifact BMC")
	default:
		id := len(t.pageMCIDs[page])
		t.pageMCIDs[page] = append(t.pageMCIDs[page], n)
		t.content[n] = append(t.content[n], mcr{page, id})
		w("/" + n.Role + " <</MCID " + strconv.Itoa(id) + ">> BDC")
	}
}

func (t *tagger) end(w func(string)) { w("EMC") }

// update writes the incremental update that makes the file tagged to w,
// after base: f as written, with its offsets shifted (see compress).
// Errors of w are returned as they are.
//
// A national guide has hundreds of thousands of structure elements: the
// objects are written as they are made, with strconv rather than fmt.
func (t *tagger) update(w io.Writer, f *pdfFile, base written, root *layout.Node, pageHeight float64) error {
	u := &updater{f: f, base: base, next: f.size, out: &counter{w: w, n: base.size}}

	// The annotations of each Link element, in order.
	linked := map[*layout.Node][]int{}
	for i, a := range t.annots {
		linked[a.node] = append(linked[a.node], i)
	}

	// Object numbers: structure elements (empty ones pruned, but for table
	// cells: a row keeps one cell under each column), annotations.
	elems := map[*layout.Node]int{}
	var number func(n *layout.Node) bool
	number = func(n *layout.Node) bool {
		keep := len(t.content[n]) > 0 || len(linked[n]) > 0 || n.Role == "TD" || n.Role == "TH"
		for _, k := range n.Kids {
			if number(k) {
				keep = true
			}
		}
		if keep {
			elems[n] = u.alloc()
		}
		return keep
	}
	number(root)
	treeRoot := u.alloc()
	parentTree := u.alloc()
	annotObj := make([]int, len(t.annots))
	annotsByPage := map[int][]int{}
	for i, a := range t.annots {
		annotObj[i] = u.alloc()
		annotsByPage[a.page] = append(annotsByPage[a.page], annotObj[i])
	}

	ref := func(b []byte, obj int) []byte { return append(strconv.AppendInt(b, int64(obj), 10), " 0 R"...) }
	pageRef := func(b []byte, p int) []byte { return ref(b, f.pages[p]) }

	// Structure elements.
	var write func(n *layout.Node, parent int)
	write = func(n *layout.Node, parent int) {
		obj, ok := elems[n]
		if !ok {
			return
		}
		b := u.begin(obj)
		b = append(b, "<</Type /StructElem /S /"...)
		b = append(b, n.Role...)
		b = append(b, " /P "...)
		b = ref(b, parent)
		b = append(b, " /K ["...)
		sep := false
		space := func() {
			if sep {
				b = append(b, ' ')
			}
			sep = true
		}
		for _, c := range t.content[n] {
			space()
			b = append(b, "<</Type /MCR /Pg "...)
			b = pageRef(b, c.page)
			b = append(b, " /MCID "...)
			b = strconv.AppendInt(b, int64(c.mcid), 10)
			b = append(b, ">>"...)
		}
		for _, i := range linked[n] {
			space()
			b = append(b, "<</Type /OBJR /Pg "...)
			b = pageRef(b, t.annots[i].page)
			b = append(b, " /Obj "...)
			b = ref(b, annotObj[i])
			b = append(b, ">>"...)
		}
		for _, kid := range n.Kids {
			if ko, ok := elems[kid]; ok {
				space()
				b = ref(b, ko)
			}
		}
		b = append(b, ']')
		if n.Alt != "" {
			b = append(b, " /Alt "...)
			b = appendText(b, n.Alt)
		}
		if n.Scope != "" {
			b = append(b, " /A <</O /Table /Scope /"+n.Scope+">>"...)
		}
		if n == root {
			b = append(b, " /Lang (fr-FR)"...)
		}
		b = append(b, ">>"...)
		u.end(b)
		for _, kid := range n.Kids {
			write(kid, obj)
		}
	}
	write(root, treeRoot)

	// Parent tree: for each page, the element of each MCID; for each
	// annotation, its Link element.
	b := u.begin(parentTree)
	b = append(b, "<</Nums ["...)
	for p, nodes := range t.pageMCIDs {
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, " ["...)
		for _, n := range nodes {
			b = append(ref(b, elems[n]), ' ')
		}
		b = append(b, "]\n"...)
	}
	nPages := len(f.pages)
	for i, a := range t.annots {
		b = strconv.AppendInt(b, int64(nPages+i), 10)
		b = append(ref(append(b, ' '), elems[a.node]), '\n')
	}
	u.end(append(b, "]>>"...))
	b = u.begin(treeRoot)
	b = append(b, "<</Type /StructTreeRoot /K ["...)
	b = append(ref(b, elems[root]), "] /ParentTree "...)
	b = append(ref(b, parentTree), " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(nPages+len(t.annots)), 10)
	u.end(append(b, ">>"...))

	// Link annotations, indirect, with Contents and StructParent.
	for i, a := range t.annots {
		b := u.begin(annotObj[i])
		b = append(b, "<</Type /Annot /Subtype /Link /Rect ["...)
		for j, v := range a.rect {
			if j > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendFloat(b, v, 'f', 2, 64)
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
					b = strconv.AppendFloat(b, v, 'f', 2, 64)
				}
			}
		}
		b = append(b, "] /Border [0 0 0] /F 4 /P "...)
		b = pageRef(b, a.page)
		b = append(b, " /StructParent "...)
		b = strconv.AppendInt(b, int64(nPages+i), 10)
		b = append(b, " /Contents "...)
		b = appendText(b, a.contents)
		if a.dest != nil {
			b = append(b, " /Dest ["...)
			b = pageRef(b, a.dest.Page)
			b = append(b, " /XYZ 0 "...)
			b = strconv.AppendFloat(b, pageHeight-a.dest.Y, 'f', 2, 64)
			b = append(b, " null]"...)
		} else {
			b = append(b, " /A <</S /URI /URI "...)
			b = append(appendASCII(b, a.uri), ">>"...)
		}
		u.end(append(b, ">>"...))
	}

	// Pages: their StructParents key, tab order, annotations.
	for p, obj := range f.pages {
		body, err := f.dict(obj)
		if err != nil {
			return fmt.Errorf("balisage du PDF impossible : %w", err)
		}
		b := u.begin(obj)
		b = append(b, "<<"...)
		b = append(b, body...)
		b = append(b, "\n/StructParents "...)
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, " /Tabs /S"...)
		if refs := annotsByPage[p]; len(refs) > 0 {
			b = append(b, " /Annots ["...)
			for i, r := range refs {
				if i > 0 {
					b = append(b, ' ')
				}
				b = ref(b, r)
			}
			b = append(b, ']')
		}
		u.end(append(b, ">>"...))
	}

	// Catalog.
	cat, err := f.dict(f.root)
	if err != nil {
		return fmt.Errorf("balisage du PDF impossible : %w", err)
	}
	b = u.begin(f.root)
	b = append(b, "<<"...)
	b = append(b, cat...)
	b = append(b, "\n/MarkInfo <</Marked true>> /StructTreeRoot "...)
	b = ref(b, treeRoot)
	u.end(append(b, " /ViewerPreferences <</DisplayDocTitle true>>>>"...))

	u.finish()
	return u.out.err
}

// updater writes the objects of an incremental update and its xref.
type updater struct {
	f       *pdfFile
	base    written // the file the update follows
	out     *counter
	next    int
	written []int // object number → offset, 0 for objects not written
	buf     []byte
}

func (u *updater) alloc() int {
	n := u.next
	u.next++
	return n
}

// begin starts writing object n: it returns a buffer to append its
// body to, then to hand to end.
func (u *updater) begin(n int) []byte {
	if u.written == nil {
		u.written = make([]int, u.next)
	}
	u.written[n] = u.out.n
	b := strconv.AppendInt(u.buf[:0], int64(n), 10)
	return append(b, " 0 obj\n"...)
}

func (u *updater) end(b []byte) {
	b = append(b, "\nendobj\n"...)
	u.out.Write(b)
	u.buf = b
}

func (u *updater) finish() {
	xref := u.out.n
	b := append(u.buf[:0], "xref\n"...)
	for i := 0; i < len(u.written); {
		if u.written[i] == 0 {
			i++
			continue
		}
		j := i
		for j+1 < len(u.written) && u.written[j+1] != 0 {
			j++
		}
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(j-i+1), 10)
		b = append(b, '\n')
		for _, off := range u.written[i : j+1] {
			b = fmt.Appendf(b, "%010d 00000 n \n", off)
		}
		i = j + 1
	}
	b = fmt.Appendf(b, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n",
		u.next, u.f.root, u.f.info, u.base.startxref, xref)
	u.out.Write(b)
}

// appendText appends s as a PDF text string in UTF-16BE with its byte
// order mark, in hexadecimal.
func appendText(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12], hex[u>>8&0xF], hex[u>>4&0xF], hex[u&0xF])
	}
	return append(b, '>')
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
