package layout

import "livret/fonts"

// Book is a laid-out document.
type Book struct {
	Width, Height float64 // page size
	Pages         []*Page
	Anchors       map[string]Dest // where each anchor of the document landed
	Structure     *Node           // logical structure, root role "Document"
	Title         string
	BookletTitle  string // title of the booklet Impose makes of the book
	// BackCover says the last page is the back cover: Impose keeps it
	// last, the blank pages going before it.
	BackCover bool
	Lang      string   // "fr-FR"
	Warnings  []string // French, e.g. characters the font lacks
}

// Dest is a place in the book: a page (0-based) and a height on it.
type Dest struct {
	Page int
	Y    float64
}

// Page is one page: what to draw on it, in drawing order.
type Page struct {
	Items []Item
}

// Item is something drawn on a page. Its Node is the structure element it
// belongs to; nil marks page furniture and decoration (an artifact).
//
// The set of items is closed, as go/ast's nodes are: Text, Rect, Icon, QR,
// Image and Path. Every renderer handles each of them and fails on any
// other; a test of each renderer checks that its switch names them all.
type Item interface {
	Node() *Node
	item()
}

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Text is a run of text in one style, its baseline starting at (X, Y).
type Text struct {
	X, Y  float64
	Face  *fonts.Face
	Size  float64
	Color Color
	S     string  // printable in Face; a space ends a line broken at a space
	Width float64 // measured width of S, without the space ending a line
	Link  *Link   // when the run is (part of) a link
	node  *Node
}

// Rect is a filled rectangle, with rounded corners when Radius > 0.
type Rect struct {
	X, Y, W, H float64
	Radius     float64
	Fill       Color
	node       *Node
}

// Icon is a pictogram of package picto, its box's top-left at (X, Y).
type Icon struct {
	X, Y, Size float64
	Name       string
	Color      Color
	node       *Node
}

// QR is a QR code: Modules[y][x] is true for a dark module. The quiet zone
// is included in Size.
type QR struct {
	X, Y, Size float64
	Modules    [][]bool
	Link       *Link
	node       *Node
}

// Image is a raster image (a publisher's logo) as PNG data, its top-left
// at (X, Y), drawn W × H.
type Image struct {
	X, Y, W, H float64
	PNG        []byte
	node       *Node
}

func (t *Text) Node() *Node  { return t.node }
func (i *Image) Node() *Node { return i.node }
func (r *Rect) Node() *Node  { return r.node }
func (i *Icon) Node() *Node  { return i.node }
func (q *QR) Node() *Node    { return q.node }

func (*Text) item()  {}
func (*Image) item() {}
func (*Rect) item()  {}
func (*Icon) item()  {}
func (*QR) item()    {}
func (*Path) item()  {}

// Link is the target of a link: a web address, or an anchor of the book.
// Node is the Link structure element the annotation belongs to.
type Link struct {
	URL    string
	Anchor string
	Alt    string // French description, for the annotation's Contents
	Node   *Node
}

// Node is an element of the logical structure (PDF structure types: H1, P,
// L, LI, Link, Figure…). Kids are in reading order. A node holds either
// kids or content (the items that point to it), never both, so that the
// reading order is the order of the tree. A national guide has a million
// of them: a Node takes 64 bytes.
type Node struct {
	Role string
	Alt  string // alternative text of a Figure
	Kids []*Node
	// ID is the element's place in the book's structure in reading order
	// (preorder, the root 0), set once the book is laid out: renderers
	// keep what they know of each element in slices indexed by it.
	ID    int32
	Scope Scope // of a table header cell (TH)
}

// Scope is what a table header cell heads.
type Scope uint8

const (
	NoScope Scope = iota
	ColumnScope
	RowScope
)

// String is the scope's PDF name, "" for none.
func (s Scope) String() string {
	switch s {
	case ColumnScope:
		return "Column"
	case RowScope:
		return "Row"
	}
	return ""
}

// number gives each element of the structure its ID.
func (b *Book) number() {
	var id int32
	var walk func(n *Node)
	walk = func(n *Node) {
		n.ID = id
		id++
		for _, k := range n.Kids {
			walk(k)
		}
	}
	if b.Structure != nil {
		walk(b.Structure)
	}
}

// add appends a child element and returns it.
func (n *Node) add(role string) *Node {
	k := &Node{Role: role}
	n.Kids = append(n.Kids, k)
	return k
}

// figure appends a Figure element with its alternative text.
func (n *Node) figure(alt string) *Node {
	k := n.add("Figure")
	k.Alt = alt
	return k
}
