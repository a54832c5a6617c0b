package pdf

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"livret/fonts"
	"livret/layout"
)

// fpdf holds a whole document in memory and copies it into one buffer at
// the end: a national guide of 28 000 pages peaks over 2 GB, drawn on one
// core. So a big book is drawn in chunks of chunkPages pages, each an fpdf
// document of its own, on every core; the merger takes each chunk's page
// contents as it comes, compressed, and writes them out, and the chunk is
// let go. What the pages share is written once:
//
//   - fonts, images and pictograms come from one more fpdf document, whose
//     single page draws every character of each face, every image and every
//     pictogram of the book. fpdf's UTF-8 fonts are Identity-H with codes
//     that are Unicode values (fpdf's Text writes UTF-16, the CIDToGIDMap
//     maps each code to its glyph in the subset), and fpdf names fonts,
//     images and templates by a hash of their content: that one subset, and
//     those names, serve the page contents of every chunk;
//   - the page tree, the bookmarks, the catalog and the tags (tag.go),
//     internal links resolved across chunks, are written by the merger:
//     the pages as they come, their annotations numbered on the way, the
//     rest at the end, in object streams, and one cross-reference stream
//     for the whole file (xref.go).
//
// The repairs of repair.go apply to the fonts of that document as to any.

// chunkPages is the size of a chunk; books of more pages are merged. It is
// fixed, not drawn from the number of cores: the file does not depend on
// the machine.
var chunkPages = 400

// chunked reports whether Write draws b in chunks: tagged books of more
// than one chunk. (An untagged book's links are fpdf's, resolved within one
// document: it is drawn whole.)
func chunked(b *layout.Book, opt Options) bool {
	return !opt.Untagged && len(b.Pages) > chunkPages
}

// writeMerged draws b in chunks and writes the merged file to w, with
// what shared holds when it is not nil.
func writeMerged(w io.Writer, b *layout.Book, opt Options, st *structure, faces []*fonts.Face, shared *Shared) error {
	chunks := (len(b.Pages) + chunkPages - 1) / chunkPages
	results := make([]chan drawn, chunks)
	for i := range results {
		results[i] = make(chan drawn, 1)
	}
	// The chunks drawn or being drawn, not yet merged: one a core, and one
	// more for a chunk drawn ahead of the one awaited, so that memory stays
	// bounded whatever the book.
	ahead := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	done := make(chan struct{})
	defer close(done)
	go drawChunks(b, opt, st, faces, results, ahead, done)

	// What the pages share, and the bookmarks, are read from the whole book
	// while the first chunks are drawn, before any page is released.
	m := &merger{pages: make([]int, len(b.Pages)), tags: newTagger(st)}
	var err error
	if shared != nil {
		m.res, m.own = shared.res, map[int][]byte{}
		info, meta, err := shared.own(b, opt)
		if err != nil {
			return fmt.Errorf("écriture du PDF impossible : %w", err)
		}
		m.own[shared.res.info], m.own[shared.meta] = info, meta
	} else if m.res, err = resources(b, opt, faces); err != nil {
		return fmt.Errorf("écriture du PDF impossible : %w", err)
	}
	marks := headings(b)
	bw := bufio.NewWriterSize(w, 1<<16)
	m.out = &counter{w: bw}
	if err := m.start(); err != nil {
		return err
	}
	for c, ch := range results {
		d := <-ch
		if d.err != nil {
			return d.err
		}
		m.add(d)
		if opt.Release {
			releasePages(b.Pages[c*chunkPages : min(len(b.Pages), (c+1)*chunkPages)])
		}
		<-ahead
	}
	if err := m.finish(b, marks); err != nil {
		return err
	}
	return bw.Flush()
}

// drawn is a chunk drawn: the compressed content of each of its pages,
// from page lo on, and its tags.
type drawn struct {
	lo      int
	content [][]byte
	tags    *tagger
	err     error
}

// drawChunks draws the chunks on every core and hands each to its result
// channel, taking a place in ahead for each, which the merger gives back.
// It stops when done is closed.
func drawChunks(b *layout.Book, opt Options, st *structure, faces []*fonts.Face, results []chan drawn, ahead chan<- struct{}, done <-chan struct{}) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for c := range jobs {
				results[c] <- drawChunk(b, opt, st, faces, c)
			}
		})
	}
	defer wg.Wait()
	defer close(jobs)
	for c := range results {
		select {
		case ahead <- struct{}{}:
		case <-done:
			return
		}
		select {
		case jobs <- c:
		case <-done:
			return
		}
	}
}

// drawChunk draws chunk c and returns its page contents compressed, as
// fpdf compresses them. The pages are drawn by fpdf as the pages of a
// template, whose contents fpdf hands over as they are: no file to write
// (fpdf would copy every page into it), nor to read back.
func drawChunk(b *layout.Book, opt Options, st *structure, faces []*fonts.Face, c int) drawn {
	lo, hi := c*chunkPages, min(len(b.Pages), (c+1)*chunkPages)
	fail := func(err error) drawn {
		return drawn{err: fmt.Errorf("écriture du PDF impossible (pages %d à %d) : %w", lo+1, hi, err)}
	}
	r := newRenderer(b, opt, faces, newTagger(st))
	if spillPaths {
		r.spill = &spill{}
	}
	r.refs = map[*fonts.Face]string{}
	for _, face := range faces {
		ref, err := fontRef(face)
		if err != nil {
			return fail(err)
		}
		r.refs[face] = ref
	}
	var err error
	tpl := fpdf.CreateTpl(fpdf.PointType{}, fpdf.SizeType{Wd: b.Width, Ht: b.Height}, "P", "pt", "", func(t *fpdf.Tpl) {
		r.pdf = &t.Fpdf
		r.pdf.SetAutoPageBreak(false, 0)
		r.pdf.SetMargins(0, 0, 0)
		for i := lo; i < hi; i++ {
			r.drawPage(i)
		}
		err = r.pdf.Error()
	})
	// The template's first page is the empty one fpdf opens it with.
	pages := tpl.FromPages()
	if err == nil && len(pages) != hi-lo+1 {
		err = fmt.Errorf("%d pages dessinées", len(pages)-1)
	}
	if err != nil {
		return fail(err)
	}
	var parts [][]byte
	var buf bytes.Buffer
	// The contents end to end, not each in a buffer grown by doubling.
	kept := records{recs: make([][]byte, 0, hi-lo)}
	for _, p := range pages[1:] {
		parts = r.spill.back(parts[:0], p.Bytes())
		kept.add(deflate(&buf, parts...))
	}
	if !r.spill.empty() {
		return fail(fmt.Errorf("tracés égarés"))
	}
	return drawn{lo: lo, tags: r.tags, content: kept.recs}
}

// The paths of a chunk — maps of France are tens of megabytes of them —
// are kept out of fpdf, which would hold them in its page, copy them into
// its file, and grow both by doubling: the page gets a mark where each
// path goes, and the path is put back in its place as the page is
// compressed (deflate gives the same bytes whatever pieces it is fed in).
var spillPaths = true

// spillMark marks a path in a page: a PDF comment no drawing writes (the
// text of a page is in UTF-16, its bytes two by two).
const spillMark = "%%livret:path"

// spill holds the paths of a chunk, in drawing order.
type spill struct {
	paths records
	next  int // the path the next mark stands for
}

func (s *spill) add(path []byte) { s.paths.add(path) }

// back returns the pieces of page content data, appended to parts, with
// each mark replaced by its path. A nil spill leaves data whole.
func (s *spill) back(parts [][]byte, data []byte) [][]byte {
	for s != nil && s.next < s.paths.len() {
		i := bytes.Index(data, []byte(spillMark))
		if i < 0 {
			break
		}
		parts = append(parts, data[:i], s.paths.at(s.next))
		s.next++
		data = data[i+len(spillMark):]
	}
	return append(parts, data)
}

// empty reports whether every path is back in its page.
func (s *spill) empty() bool { return s == nil || s.next == s.paths.len() }

// records is a list of byte strings, kept end to end in blocks that are
// never copied: a slice grown by doubling would hold up to twice what it
// keeps, and the paths of a chunk with maps of France are tens of
// megabytes.
type records struct {
	block []byte   // the block being filled
	recs  [][]byte // each record, in its block
}

// recordBlock is the size of a block; a longer record has one of its own.
const recordBlock = 1 << 20

// add appends a copy of b.
func (r *records) add(b []byte) {
	if len(b) > cap(r.block)-len(r.block) {
		r.block = make([]byte, 0, max(recordBlock, len(b)))
	}
	from := len(r.block)
	r.block = append(r.block, b...)
	r.recs = append(r.recs, r.block[from:len(r.block):len(r.block)])
}

func (r *records) at(i int) []byte { return r.recs[i] }

func (r *records) len() int { return len(r.recs) }

// resources returns the file of the document that holds what the pages
// of b share: fpdf's file of one page drawing every character of each
// face, every image and every pictogram, compressed and repaired.
func resources(b *layout.Book, opt Options, faces []*fonts.Face) (*pdfFile, error) {
	runes := map[*fonts.Face]*runeSet{}
	for _, face := range faces {
		runes[face] = &runeSet{}
	}
	var items []layout.Item // each image and pictogram once
	images := map[uint32]bool{}
	icons := map[string]bool{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *layout.Text:
				set := runes[it.Face]
				for _, c := range it.S {
					set.add(c)
				}
			case *layout.Image:
				if k := crc32.ChecksumIEEE(it.PNG); !images[k] {
					images[k] = true
					items = append(items, it)
				}
			case *layout.Icon:
				if !icons[it.Name] {
					icons[it.Name] = true
					items = append(items, it)
				}
			}
		}
	}
	return resourcesOf(b, opt, faces, runes, items)
}

// resourcesOf returns the file of one page of b drawing items, then the
// characters of each face, compressed and repaired.
func resourcesOf(b *layout.Book, opt Options, faces []*fonts.Face, runes map[*fonts.Face]*runeSet, items []layout.Item) (*pdfFile, error) {
	r := newRenderer(b, opt, faces, newTagger(nil))
	r.start()
	r.pdf.AddPage()
	for _, it := range items {
		r.item(it)
	}
	for _, face := range faces {
		r.item(&layout.Text{Face: face, Size: 12, S: runes[face].String()})
	}
	r.pdf.SetCompression(false)
	var raw bytes.Buffer
	if err := r.pdf.Output(&raw); err != nil {
		return nil, err
	}
	f, err := parseFile(raw.Bytes())
	if err != nil {
		return nil, err
	}
	repairs, err := f.repairs()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if _, err := f.compress(&out, "1.7", repairs, false); err != nil {
		return nil, err
	}
	return parseFile(out.Bytes())
}

// runeSet is a set of characters: a bit for each, as a national guide has
// tens of millions of characters to look at.
type runeSet [(unicode.MaxRune + 1) / 64]uint64

func (s *runeSet) add(c rune) {
	if c >= 0 && c <= unicode.MaxRune {
		s[c/64] |= 1 << (c % 64)
	}
}

func (s *runeSet) has(c rune) bool {
	return c >= 0 && c <= unicode.MaxRune && s[c/64]&(1<<(c%64)) != 0
}

// String returns the characters of the set, in order.
func (s *runeSet) String() string {
	var b strings.Builder
	for i, w := range s {
		for ; w != 0; w &= w - 1 {
			b.WriteRune(rune(i*64 + bits.TrailingZeros64(w)))
		}
	}
	return b.String()
}

// merger writes the merged file: the shared objects of the resources
// file under their numbers, then the pages' contents as they come, then,
// in object streams, the page tree, the pages, bookmarks, catalog and
// tags, and the cross-reference stream.
//
// Objects 1 (page tree), 3 and 4 (its page and content) and the catalog
// of the resources file are written anew: page 1 of the book takes numbers
// 3 and 4, as fpdf's catalog opens the file on 3 0 R; the other pages
// follow the resources' objects, then the link annotations.
type merger struct {
	res        *pdfFile
	out        *counter
	offsets    []int // object number → offset, for the objects written as they are
	pages      []int // page object numbers
	next       int   // next free object number
	firstAnnot int   // annotation i of the book is object firstAnnot+i
	tags       *tagger
	own        map[int][]byte // the book's own objects, in the place of shared ones
	pageDicts  records        // the page dictionaries, kept for the object streams
	buf        []byte
}

// start writes the header and the shared objects.
func (m *merger) start() error {
	f := m.res
	objs := make([]int, 0, len(f.offsets))
	for n := range f.offsets {
		objs = append(objs, n)
	}
	slices.SortFunc(objs, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	if len(objs) == 0 || f.size < 5 {
		return fmt.Errorf("écriture du PDF impossible : ressources incomplètes")
	}
	for i := range m.pages {
		m.pages[i] = 3
		if i > 0 {
			m.pages[i] = f.size + 2*(i-1)
		}
	}
	m.next = max(f.size, f.size+2*(len(m.pages)-1))
	m.firstAnnot = m.next
	// Sized for the shared objects and every page's contents, numbered above, so that add writes their offsets in place and never grows it.
	m.offsets = make([]int, m.next)
	m.out.Write(f.data[:f.offsets[objs[0]]]) // header
	for i, n := range objs {
		end := f.startxref
		if i+1 < len(objs) {
			end = f.offsets[objs[i+1]]
		}
		if n == 1 || n == 3 || n == 4 || n == f.root {
			continue
		}
		m.offsets[n] = m.out.n
		if own, ok := m.own[n]; ok {
			m.out.Write(own)
			continue
		}
		m.out.Write(f.data[f.offsets[n]:end])
	}
	return m.out.err
}

// add writes the page contents of a chunk, keeps their dictionaries, with
// their tagging entries, and takes its tags.
func (m *merger) add(d drawn) {
	annots := d.tags.annots
	for i, z := range d.content {
		p := d.lo + i
		page := m.pages[p]
		m.offsets[page+1] = m.out.n
		b := strconv.AppendInt(m.buf[:0], int64(page+1), 10)
		b = append(b, " 0 obj\n<</Filter /FlateDecode /Length "...)
		b = strconv.AppendInt(b, int64(len(z)), 10)
		b = append(b, ">>\nstream\n"...)
		m.out.Write(b)
		m.out.Write(z)
		m.out.Write([]byte("\nendstream\nendobj\n"))
		m.buf = b

		// This page's annotations come first among those left.
		var nums []int
		for ; len(annots) > 0 && annots[0].page == p; annots = annots[1:] {
			nums = append(nums, m.next)
			m.next++
		}
		b = append(m.buf[:0], "<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents "...)
		b = appendRef(b, page+1)
		m.buf = append(appendPageTags(b, p, nums), ">>"...)
		m.pageDicts.add(m.buf)
	}
	m.tags.absorb(d.tags)
}

// finish writes the page tree, pages, bookmarks, catalog and tags in
// object streams, and the cross-reference stream.
func (m *merger) finish(book *layout.Book, marks []heading) error {
	if m.next-m.firstAnnot != len(m.tags.annots) {
		return fmt.Errorf("écriture du PDF impossible : %d liens pour %d annotations", len(m.tags.annots), m.next-m.firstAnnot)
	}
	cat, err := m.res.dict(m.res.root)
	if err != nil {
		return fmt.Errorf("écriture du PDF impossible : %w", err)
	}
	outlines, bookmarks := m.next, 0 // the bookmarks and their root
	if len(marks) > 0 {
		bookmarks = len(marks) + 1
	}
	bookmark := m.outlines(marks, outlines, book.Height)
	m.next += bookmarks
	tags, next, err := m.tags.objects(m.pages, m.firstAnnot, m.next, book.Height)
	if err != nil {
		return err
	}
	x := &xrefWriter{out: m.out, next: next}
	for n, off := range m.offsets[1:] {
		if off != 0 {
			x.entries = append(x.entries, xrefEntry{num: n + 1, typ: 1, f2: off})
		}
	}

	// The page tree, the pages, the catalog, the bookmarks, the tags.
	pages := len(m.pages)
	object := func(b []byte, k int) (int, []byte, error) {
		switch {
		case k == 0:
			b = append(b, "<</Type /Pages\n/Kids ["...)
			for _, p := range m.pages {
				b = append(appendRef(b, p), ' ')
			}
			b = append(b, "]\n/Count "...)
			b = strconv.AppendInt(b, int64(pages), 10)
			return 1, fmt.Appendf(b, "\n/MediaBox [0 0 %.2f %.2f]\n>>", book.Width, book.Height), nil
		case k <= pages:
			return m.pages[k-1], append(b, m.pageDicts.at(k-1)...), nil
		case k == pages+1:
			b = append(append(b, "<<"...), cat...)
			if bookmarks > 0 {
				b = fmt.Appendf(b, "\n/Outlines %d 0 R\n/PageMode /UseOutlines", outlines)
			}
			return m.res.root, append(tags.appendCatalogTags(b), ">>"...), nil
		case k < pages+2+bookmarks:
			i := k - pages - 2
			return outlines + i, bookmark(b, i), nil
		default:
			n, b := tags.object(b, k-pages-2-bookmarks)
			return n, b, nil
		}
	}
	if err := x.packed(pages+2+bookmarks+tags.count(), object); err != nil {
		return err
	}
	if len(x.entries) != x.next-1 {
		return fmt.Errorf("écriture du PDF impossible : %d objets écrits sur %d", len(x.entries), x.next-1)
	}
	return x.finish(fmt.Sprintf("/Root %d 0 R /Info %d 0 R", m.res.root, m.res.info))
}

// outlines returns the writer of the bookmarks, closed, as fpdf would
// write them with the repair of their /Count (repair.go): item 0 is their
// root, object number root, item k+1 the bookmark of marks[k], the
// object that follows.
func (m *merger) outlines(marks []heading, root int, pageHeight float64) func(b []byte, i int) []byte {
	type item struct{ parent, prev, next, first, last, kids int }
	items := make([]item, len(marks)+1) // items[0] is the root; bookmark k is items[k+1]
	last := map[int]int{-1: 0}          // level → its last item
	for k, h := range marks {
		i := k + 1
		p, ok := last[h.level-1]
		if !ok {
			p = 0 // a level skipped hangs from the root
		}
		items[i].parent = p
		if prev := items[p].last; prev != 0 {
			items[prev].next = i
			items[i].prev = prev
		} else {
			items[p].first = i
		}
		items[p].last = i
		items[p].kids++
		last[h.level] = i
		for l := range last {
			if l > h.level {
				delete(last, l)
			}
		}
	}
	ref := func(b []byte, key string, i int) []byte { return appendRef(append(b, key...), root+i) }
	return func(b []byte, i int) []byte {
		it := items[i]
		if i == 0 {
			b = ref(append(b, "<</Type /Outlines"...), " /First ", it.first)
			b = ref(b, " /Last ", it.last)
			b = append(b, " /Count "...)
			return append(strconv.AppendInt(b, int64(it.kids), 10), ">>"...)
		}
		h := marks[i-1]
		b = appendText(append(b, "<</Title "...), h.title)
		b = ref(b, " /Parent ", it.parent)
		if it.prev != 0 {
			b = ref(b, " /Prev ", it.prev)
		}
		if it.next != 0 {
			b = ref(b, " /Next ", it.next)
		}
		if it.first != 0 {
			b = ref(b, " /First ", it.first)
			b = ref(b, " /Last ", it.last)
			b = append(b, " /Count -"...)
			b = strconv.AppendInt(b, int64(it.kids), 10)
		}
		b = append(b, " /Dest ["...)
		b = appendRef(b, m.pages[h.page])
		return fmt.Appendf(b, " /XYZ 0 %.2f null]>>", pageHeight-h.y)
	}
}
