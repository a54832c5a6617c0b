package pdf

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
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
	rect     [4]float64 // in PDF user space (origin bottom-left)
	uri      string
	dest     *layout.Dest
	contents string
	node     *layout.Node // Link element
}

type tagger struct {
	pageMCIDs [][]*layout.Node // per page, the element of each MCID
	content   map[*layout.Node][]mcr
	annots    []annot
}

func newTagger() *tagger {
	return &tagger{content: map[*layout.Node][]mcr{}}
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
		w(fmt.Sprintf("/%s <</MCID %d>> BDC", n.Role, id))
	}
}

func (t *tagger) end(w func(string)) { w("EMC") }

// update writes the incremental update that makes the file tagged to w,
// after base: f as written, with its offsets shifted (see compress).
// Errors of w are returned as they are.
func (t *tagger) update(w io.Writer, f *pdfFile, base written, root *layout.Node, pageHeight float64) error {
	u := &updater{f: f, base: base, next: f.size}

	// The annotations of each Link element, in order.
	linked := map[*layout.Node][]int{}
	for i, a := range t.annots {
		linked[a.node] = append(linked[a.node], i)
	}

	// Object numbers: structure elements (empty ones pruned), annotations.
	elems := map[*layout.Node]int{}
	var number func(n *layout.Node) bool
	number = func(n *layout.Node) bool {
		keep := len(t.content[n]) > 0 || len(linked[n]) > 0
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

	pageRef := func(p int) string { return fmt.Sprintf("%d 0 R", f.pages[p]) }

	// Structure elements.
	parent := map[*layout.Node]int{root: treeRoot}
	var write func(n *layout.Node)
	write = func(n *layout.Node) {
		obj, ok := elems[n]
		if !ok {
			return
		}
		var k []string
		for _, c := range t.content[n] {
			k = append(k, fmt.Sprintf("<</Type /MCR /Pg %s /MCID %d>>", pageRef(c.page), c.mcid))
		}
		for _, i := range linked[n] {
			k = append(k, fmt.Sprintf("<</Type /OBJR /Pg %s /Obj %d 0 R>>", pageRef(t.annots[i].page), annotObj[i]))
		}
		for _, kid := range n.Kids {
			if ko, ok := elems[kid]; ok {
				parent[kid] = obj
				k = append(k, fmt.Sprintf("%d 0 R", ko))
			}
		}
		d := fmt.Sprintf("/Type /StructElem /S /%s /P %d 0 R /K [%s]", n.Role, parent[n], strings.Join(k, " "))
		if n.Alt != "" {
			d += " /Alt " + textString(n.Alt)
		}
		if n == root {
			d += " /Lang (fr-FR)"
		}
		u.object(obj, "<<"+d+">>")
		for _, kid := range n.Kids {
			write(kid)
		}
	}
	write(root)

	// Parent tree: for each page, the element of each MCID; for each
	// annotation, its Link element.
	var nums strings.Builder
	for p, nodes := range t.pageMCIDs {
		fmt.Fprintf(&nums, "%d [", p)
		for _, n := range nodes {
			fmt.Fprintf(&nums, "%d 0 R ", elems[n])
		}
		nums.WriteString("]\n")
	}
	nPages := len(f.pages)
	for i, a := range t.annots {
		fmt.Fprintf(&nums, "%d %d 0 R\n", nPages+i, elems[a.node])
	}
	u.object(parentTree, "<</Nums ["+nums.String()+"]>>")
	u.object(treeRoot, fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		elems[root], parentTree, nPages+len(t.annots)))

	// Link annotations, indirect, with Contents and StructParent.
	for i, a := range t.annots {
		d := fmt.Sprintf("/Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /P %s /StructParent %d /Contents %s",
			a.rect[0], a.rect[1], a.rect[2], a.rect[3], pageRef(a.page), nPages+i, textString(a.contents))
		if a.dest != nil {
			d += fmt.Sprintf(" /Dest [%s /XYZ 0 %.2f null]", pageRef(a.dest.Page), pageHeight-a.dest.Y)
		} else {
			d += " /A <</S /URI /URI " + asciiString(a.uri) + ">>"
		}
		u.object(annotObj[i], "<<"+d+">>")
	}

	// Pages: their StructParents key, tab order, annotations.
	for p, obj := range f.pages {
		body, err := f.dict(obj)
		if err != nil {
			return fmt.Errorf("balisage du PDF impossible : %w", err)
		}
		extra := fmt.Sprintf("\n/StructParents %d /Tabs /S", p)
		if refs := annotsByPage[p]; len(refs) > 0 {
			var s []string
			for _, r := range refs {
				s = append(s, fmt.Sprintf("%d 0 R", r))
			}
			extra += " /Annots [" + strings.Join(s, " ") + "]"
		}
		u.object(obj, "<<"+body+extra+">>")
	}

	// Catalog.
	cat, err := f.dict(f.root)
	if err != nil {
		return fmt.Errorf("balisage du PDF impossible : %w", err)
	}
	u.object(f.root, "<<"+cat+fmt.Sprintf(
		"\n/MarkInfo <</Marked true>> /StructTreeRoot %d 0 R /ViewerPreferences <</DisplayDocTitle true>>>>", treeRoot))

	u.finish()
	_, err = u.buf.WriteTo(w)
	return err
}

// updater writes the objects of an incremental update and its xref.
type updater struct {
	f       *pdfFile
	base    written // the file the update follows
	buf     bytes.Buffer
	next    int
	written map[int]int // object number → offset
}

func (u *updater) alloc() int {
	n := u.next
	u.next++
	return n
}

func (u *updater) object(n int, body string) {
	if u.written == nil {
		u.written = map[int]int{}
	}
	u.written[n] = u.base.size + u.buf.Len()
	fmt.Fprintf(&u.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

func (u *updater) finish() {
	nums := make([]int, 0, len(u.written))
	for n := range u.written {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	xref := u.base.size + u.buf.Len()
	u.buf.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		fmt.Fprintf(&u.buf, "%d %d\n", nums[i], j-i+1)
		for _, n := range nums[i : j+1] {
			fmt.Fprintf(&u.buf, "%010d 00000 n \n", u.written[n])
		}
		i = j + 1
	}
	fmt.Fprintf(&u.buf, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n",
		u.next, u.f.root, u.f.info, u.base.startxref, xref)
}

// textString writes s as a PDF text string in UTF-16BE with its byte
// order mark, in hexadecimal.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// asciiString writes a URI as a PDF string: URIs are 7-bit ASCII, so other
// bytes are percent-encoded, and parentheses and backslashes escaped.
func asciiString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || c < 0x20:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}
