// Package pdf draws a laid-out book (package layout) as a PDF file with
// fpdf: fonts embedded, links, bookmarks, metadata, and — unless asked
// otherwise — the tags that make it readable by screen readers (PDF/UA-1).
//
// It makes no layout decision: every item is drawn where the book puts it.
package pdf

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"livret/fonts"
	"livret/layout"
)

// Options are the metadata and settings of the file.
type Options struct {
	Author   string    // publisher
	Subject  string    // "Lieux de médiation numérique – Bordeaux Métropole"
	Date     time.Time // creation date written in the file; fixed dates give identical files
	Untagged bool      // leave out the structure tags (smaller file, not PDF/UA)
	// Release lets Write empty each page of the book once it is drawn:
	// the laid-out pages of a national guide are hundreds of megabytes,
	// which a caller drawing the book once need not keep to the end; nor
	// its structure, let go as soon as it is listed for the tags. The book
	// is spent then: its pages are left without items, and it has no
	// structure.
	Release bool
	// Shared, when not nil, holds what the files of many books share
	// (fonts, images, pictograms), made once for them all.
	Shared *Shared
}

// Write draws the book and writes the PDF to w.
func Write(w io.Writer, b *layout.Book, opt Options) error {
	r := newRenderer(b, opt, bookFaces(b), nil)
	var st *structure
	if !opt.Untagged {
		var err error
		if st, err = newStructure(b.Structure); err != nil {
			return err
		}
	}
	if opt.Release {
		// Listed for the tags, the tree is let go: the elements that hold
		// others now, each that holds content with the items of its page.
		b.Structure = nil
	}
	if st != nil {
		shared := opt.Shared
		if !shared.covers(b) {
			shared = nil
		}
		if chunked(b, opt) || shared != nil {
			return writeMerged(w, b, opt, st, r.faces, shared) // merge.go
		}
		r.tags = newTagger(st)
	}
	if err := r.draw(); err != nil {
		return err
	}
	if opt.Release {
		releasePages(b.Pages) // fpdf holds what it drew
	}
	// fpdf leaves the pages uncompressed; finish compresses them (see
	// file.go), repairs fonts and bookmarks (repair.go) and adds the tags.
	r.pdf.SetCompression(false)
	bw := bufio.NewWriterSize(w, 1<<16)
	s := &sink{finish: func(data []byte) error {
		f, err := parseFile(data)
		if err != nil {
			return fmt.Errorf("écriture du PDF impossible : %w", err)
		}
		version := ""
		if r.tags != nil {
			version = "1.7" // PDF/UA needs PDF 1.4, the tags' object streams 1.5; fpdf writes 1.3
		}
		repairs, err := f.repairs()
		if err != nil {
			return fmt.Errorf("écriture du PDF impossible : %w", err)
		}
		base, err := f.compress(bw, version, repairs, r.tags != nil)
		if err != nil {
			return err
		}
		if r.tags != nil {
			return r.tags.update(bw, f, base, b.Height)
		}
		return nil
	}}
	if err := r.pdf.Output(s); err != nil {
		if s.err != nil {
			return s.err
		}
		return fmt.Errorf("écriture du PDF impossible : %w", err)
	}
	if err := s.close(); err != nil {
		return err
	}
	return bw.Flush()
}

// sink receives fpdf's file and hands it to finish. fpdf writes its whole
// file in one call (bytes.Buffer.WriteTo), which sink passes on as it is:
// a national guide is hundreds of megabytes, not to be copied. Should the
// file ever come in pieces, they are gathered first.
type sink struct {
	finish func(data []byte) error
	pieces []byte
	done   bool
	err    error // from finish
}

func (s *sink) Write(p []byte) (int, error) {
	if len(s.pieces) == 0 && !s.done && bytes.HasPrefix(p, []byte("%PDF-")) && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		s.done = true
		if s.err = s.finish(p); s.err != nil {
			return 0, s.err
		}
		return len(p), nil
	}
	s.pieces = append(s.pieces, p...)
	return len(p), nil
}

// close finishes a file that came in pieces.
func (s *sink) close() error {
	if s.done {
		return nil
	}
	s.done = true
	return s.finish(s.pieces)
}

type renderer struct {
	book  *layout.Book
	opt   Options
	pdf   *fpdf.Fpdf
	fonts map[*fonts.Face]string // face → fpdf family name
	faces []*fonts.Face          // the faces of the book, in order of first use
	links map[string]int         // anchor → fpdf link id
	tags  *tagger                // nil when untagged
	page  int                    // current page, 0-based
	forms forms                  // pictograms drawn once (vector.go)
	paths pathWriter
	spill *spill // where paths go when not into fpdf's pages (merge.go)
	// refs names the faces of a chunk's text, written by text (text.go):
	// the chunk's fpdf document has no fonts. Nil otherwise.
	refs map[*fonts.Face]string
	font selected // the font text last selected on the page, by text
	buf  []byte
}

// newRenderer returns a renderer of b with its faces (bookFaces), tagging
// when tags is not nil.
func newRenderer(b *layout.Book, opt Options, faces []*fonts.Face, tags *tagger) *renderer {
	return &renderer{book: b, opt: opt, fonts: map[*fonts.Face]string{}, faces: faces, tags: tags}
}

func (r *renderer) draw() error {
	b := r.book
	r.start()
	pdf := r.pdf
	r.links = map[string]int{}
	anchored := make([][]string, len(b.Pages)) // the anchors of each page
	for name, d := range b.Anchors {
		r.links[name] = pdf.AddLink()
		if d.Page >= 0 && d.Page < len(anchored) {
			anchored[d.Page] = append(anchored[d.Page], name)
		}
	}
	marks := headings(b)
	for i := range b.Pages {
		r.drawPage(i)
		for _, name := range anchored[i] {
			pdf.SetLink(r.links[name], b.Anchors[name].Y, i+1)
		}
		for ; len(marks) > 0 && marks[0].page == i; marks = marks[1:] {
			pdf.Bookmark(marks[0].title, marks[0].level, marks[0].y)
		}
	}
	return pdf.Error()
}

// start makes the fpdf document, its settings and its fonts.
func (r *renderer) start() {
	b := r.book
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: b.Width, Ht: b.Height}})
	r.pdf = pdf
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(r.opt.Date)
	pdf.SetModificationDate(r.opt.Date)
	pdf.SetTitle(b.Title, true)
	pdf.SetSubject(r.opt.Subject, true)
	pdf.SetAuthor(r.opt.Author, true)
	pdf.SetCreator("livret", true)
	pdf.SetLang(b.Lang)
	pdf.SetProducer("livret", true)
	pdf.SetDisplayMode("fullpage", "OneColumn")
	pdf.SetXmpMetadata(xmp(b.Title, r.opt.Subject, r.opt.Author, b.Lang, r.opt.Date, r.tags != nil))
	if r.refs == nil {
		r.registerFonts()
	}
}

// drawPage adds page i (0-based) of the book and draws its items, tagged.
func (r *renderer) drawPage(i int) {
	pdf := r.pdf
	pdf.AddPage()
	r.page = i
	r.font = selected{}
	for _, it := range r.book.Pages[i].Items {
		if r.tags != nil {
			r.tags.begin(pdf.RawWriteStr, i, it.Node())
		}
		r.item(it)
		if r.tags != nil {
			r.tags.end(pdf.RawWriteStr)
		}
	}
}

// registerFonts embeds every face the book uses. A font must be selected
// before the first bookmark, or fpdf writes bookmark titles as raw UTF-8.
func (r *renderer) registerFonts() {
	for _, face := range r.faces {
		name := fontFamily(face)
		r.pdf.AddUTF8FontFromBytes(name, "", face.Data())
		r.fonts[face] = name
	}
	if len(r.faces) > 0 {
		r.pdf.SetFont(r.fonts[r.faces[0]], "", 12)
	}
}

// bookFaces returns the faces of b's text, in order of first use: found
// once for the book, not again by each document a big book is drawn in.
func bookFaces(b *layout.Book) []*fonts.Face {
	var faces []*fonts.Face
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*layout.Text); ok && !slices.Contains(faces, t.Face) {
				faces = append(faces, t.Face)
			}
		}
	}
	return faces
}

// releasePages empties pages drawn, so that their items can be collected.
func releasePages(pages []*layout.Page) {
	for _, p := range pages {
		p.Items = nil
	}
}

func (r *renderer) item(it layout.Item) {
	pdf := r.pdf
	switch it := it.(type) {
	case *layout.Text:
		if ref, ok := r.refs[it.Face]; ok {
			r.text(it, ref)
		} else {
			pdf.SetFont(r.fonts[it.Face], "", it.Size)
			pdf.SetTextColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
			pdf.Text(it.X, it.Y, it.S)
		}
		if it.Link != nil {
			asc := it.Face.Ascent(it.Size)
			r.link(it.X, it.Y-asc, it.Width, asc+it.Face.Descent(it.Size), it.Link)
		}
	case *layout.Image:
		name := fmt.Sprintf("image-%08x", crc32.ChecksumIEEE(it.PNG))
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(it.PNG))
		pdf.ImageOptions(name, it.X, it.Y, it.W, it.H, false, opt, 0, "")
	case *layout.Rect:
		pdf.SetFillColor(int(it.Fill.R), int(it.Fill.G), int(it.Fill.B))
		switch {
		case it.Radius > 0 && it.Radius*2 >= it.W && it.W == it.H:
			r.circle(it.X+it.W/2, it.Y+it.H/2, it.W/2) // fpdf's Circle, as a path
		case it.Radius > 0:
			pdf.RoundedRect(it.X, it.Y, it.W, it.H, it.Radius, "1234", "F")
		default:
			pdf.Rect(it.X, it.Y, it.W, it.H, "F")
		}
	case *layout.Icon:
		r.icon(it)
	case *layout.Path:
		r.vector(it)
	case *layout.QR:
		r.qr(it)
	default:
		pdf.SetErrorf("élément de page inconnu %T : le PDF ne sait pas le dessiner", it)
	}
}

// vector draws a path: filled (nonzero rule), stroked with round joins
// and caps, or both.
func (r *renderer) vector(v *layout.Path) {
	pdf := r.pdf
	op := ""
	switch {
	case v.Fill != nil && v.Stroke != nil:
		op = "B"
	case v.Fill != nil:
		op = "f"
	case v.Stroke != nil:
		op = "S"
	default:
		return
	}
	if v.Fill != nil {
		pdf.SetFillColor(int(v.Fill.R), int(v.Fill.G), int(v.Fill.B))
	}
	if v.Stroke != nil {
		pdf.SetDrawColor(int(v.Stroke.R), int(v.Stroke.G), int(v.Stroke.B))
		pdf.SetLineWidth(v.Width)
		pdf.SetLineJoinStyle("round")
		pdf.SetLineCapStyle("round")
	}
	p := r.path()
	for _, l := range v.Lines {
		if len(l) == 0 {
			continue
		}
		p.MoveTo(l[0].X, l[0].Y)
		for _, q := range l[1:] {
			p.LineTo(q.X, q.Y)
		}
		if v.Closed {
			p.Close()
		}
	}
	if len(p.b) == 0 {
		return
	}
	p.op(op)
	r.flush(p)
}

func (r *renderer) link(x, y, w, h float64, l *layout.Link) {
	if r.tags != nil {
		var dest *layout.Dest
		if l.Anchor != "" {
			d, ok := r.book.Anchors[l.Anchor]
			if !ok {
				return
			}
			dest = &d
		}
		r.tags.link(r.page, [4]float64{x, r.book.Height - y - h, x + w, r.book.Height - y}, l, dest)
		return
	}
	switch {
	case l.Anchor != "":
		if id, ok := r.links[l.Anchor]; ok {
			r.pdf.Link(x, y, w, h, id)
		}
	case l.URL != "":
		r.pdf.LinkString(x, y, w, h, l.URL)
	}
}
