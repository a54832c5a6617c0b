package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// fpdf compresses each page with a new zlib writer, about 1 MB of state
// allocated and cleared for every page: for a national guide of 30 000
// pages, 30 GB of garbage, and most of the time spent writing the file.
// So the renderer has fpdf write its page streams uncompressed, then
// compresses them itself, reusing its writers (zlibWriters), with the
// deflate of github.com/klauspost/compress at fpdf's level: half the time of
// the standard library's, for 5 % fewer bytes. The file is the one fpdf
// would have written but for these bytes and the repairs of repair.go,
// made on the way.

// pdfFile is fpdf's output, with what the compression and the incremental
// update need to know of it.
type pdfFile struct {
	data      []byte
	offsets   map[int]int // object number → offset
	size      int         // trailer /Size
	root      int
	info      int
	startxref int
	pages     []int // page object numbers, in order
}

var (
	reTrailer  = regexp.MustCompile(`trailer\s*<<(?s:(.*?))>>\s*startxref\s*(\d+)\s*%%EOF\s*$`)
	reKey      = regexp.MustCompile(`/(Size|Root|Info) (\d+)`)
	reKids     = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	reXrefHead = regexp.MustCompile(`^(\d+) (\d+)$`)
	reContents = regexp.MustCompile(`/Contents (\d+) 0 R`)
	rePalette  = regexp.MustCompile(`^<</Type /XObject\n/Subtype /Image\n/Width \d+\n/Height \d+\n/ColorSpace \[/Indexed /DeviceRGB \d+ (\d+) 0 R\]`)
)

func parseFile(data []byte) (*pdfFile, error) {
	f := &pdfFile{data: data, offsets: map[int]int{}}
	m := reTrailer.FindSubmatch(data[max(0, len(data)-1024):])
	if m == nil {
		return nil, fmt.Errorf("fin de fichier PDF inattendue")
	}
	for _, k := range reKey.FindAllSubmatch(m[1], -1) {
		v, _ := strconv.Atoi(string(k[2]))
		switch string(k[1]) {
		case "Size":
			f.size = v
		case "Root":
			f.root = v
		case "Info":
			f.info = v
		}
	}
	f.startxref, _ = strconv.Atoi(string(m[2]))
	if f.startxref <= 0 || f.startxref >= len(data) {
		return nil, fmt.Errorf("table des références du PDF introuvable")
	}
	// The classic cross-reference table fpdf writes.
	lines := strings.Split(string(data[f.startxref:]), "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != "xref" {
		return nil, fmt.Errorf("table des références du PDF introuvable")
	}
	for i := 1; i < len(lines); {
		h := reXrefHead.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if h == nil {
			break
		}
		first, _ := strconv.Atoi(h[1])
		count, _ := strconv.Atoi(h[2])
		for j := 0; j < count && i+1+j < len(lines); j++ {
			e := strings.Fields(lines[i+1+j])
			if len(e) == 3 && e[2] == "n" {
				off, _ := strconv.Atoi(e[0])
				f.offsets[first+j] = off
			}
		}
		i += 1 + count
	}
	pages, err := f.dict(1)
	if err != nil {
		return nil, err
	}
	km := reKids.FindStringSubmatch(pages)
	if km == nil {
		return nil, fmt.Errorf("liste des pages du PDF introuvable")
	}
	fields := strings.Fields(km[1])
	for i := 0; i+2 < len(fields); i += 3 {
		n, _ := strconv.Atoi(fields[i])
		f.pages = append(f.pages, n)
	}
	return f, nil
}

// dict returns the body of the dictionary of object n, without the
// outer << >>.
func (f *pdfFile) dict(n int) (string, error) {
	off, ok := f.offsets[n]
	if !ok || off >= len(f.data) {
		return "", fmt.Errorf("objet %d absent du PDF", n)
	}
	rest := f.data[off:]
	start := bytes.Index(rest, []byte("<<"))
	end := bytes.Index(rest, []byte("endobj"))
	if start < 0 || end < start {
		return "", fmt.Errorf("objet %d illisible", n)
	}
	body := bytes.TrimSpace(rest[start:end])
	body = bytes.TrimSuffix(body, []byte(">>"))
	return string(body[2:]), nil
}

// body returns what follows the "n 0 obj\n" line of object n.
func (f *pdfFile) body(n int) []byte {
	off, ok := f.offsets[n]
	if !ok || off >= len(f.data) {
		return nil
	}
	rest := f.data[off:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		return rest[i+1:]
	}
	return nil
}

// written is a file as written out: its length, where its last
// cross-reference section starts, and its next free object number.
type written struct {
	size, startxref, next int
}

// streamHead is the head of a stream object as fpdf writes it: its
// number, its /Length, and the rest of its dictionary (empty for the
// streams fpdf leaves uncompressed when told to: pages and palettes).
var streamHead = regexp.MustCompile(`^(\d+) 0 obj\n<</Length (\d+)([^>]*)>>\nstream\n`)

// stream returns the data of stream object n, where it starts and ends in
// the file, and the rest of its dictionary after /Length.
func (f *pdfFile) stream(n int) (data []byte, start, end int, dict string, err error) {
	off, ok := f.offsets[n]
	if !ok {
		return nil, 0, 0, "", fmt.Errorf("objet %d absent du PDF", n)
	}
	m := streamHead.FindSubmatchIndex(f.data[off:min(len(f.data), off+160)])
	if m == nil || string(f.data[off+m[2]:off+m[3]]) != strconv.Itoa(n) {
		return nil, 0, 0, "", fmt.Errorf("objet %d inattendu dans le PDF", n)
	}
	length, _ := strconv.Atoi(string(f.data[off+m[4] : off+m[5]]))
	from := off + m[1]
	if from+length > f.startxref {
		return nil, 0, 0, "", fmt.Errorf("objet %d tronqué dans le PDF", n)
	}
	return f.data[from : from+length], off, from + length, string(f.data[off+m[6] : off+m[7]]), nil
}

// An edit replaces bytes of fpdf's file as it is written out: either a
// stream object, from its "n 0 obj" to the end of its data, by the same
// object with stream compressed; or any span by literal bytes.
type edit struct {
	start, end int
	obj        int                     // stream object number
	stream     []byte                  // uncompressed data, nil for a literal edit
	dict       string                  // dictionary entries written before /Filter, " "-terminated
	head       func(length int) []byte // the object's head up to its data, when not as above
	literal    []byte
}

// compress writes f to w with its page and palette streams compressed as
// fpdf compresses them, the repairs applied, and the cross-reference table
// moved to match, or made a cross-reference stream (PDF 1.5) when
// xrefStream is set, as the tags that follow will be; with the given PDF
// version ("1.7") in the header of a PDF 1.3 file, unless version is
// empty. Errors of w are returned as they are.
func (f *pdfFile) compress(w io.Writer, version string, repairs []edit, xrefStream bool) (written, error) {
	bad := func(format string, a ...any) (written, error) {
		return written{}, fmt.Errorf("écriture du PDF impossible : "+format, a...)
	}
	// The streams fpdf compresses when told to: the content of each page,
	// the palette of each indexed image.
	targets := map[int]bool{}
	for _, p := range f.pages {
		d, err := f.dict(p)
		if err != nil {
			return bad("%w", err)
		}
		m := reContents.FindStringSubmatch(d)
		if m == nil {
			return bad("contenu de la page %d introuvable", p)
		}
		n, _ := strconv.Atoi(m[1])
		targets[n] = true
	}
	for n := range f.offsets {
		b := f.body(n)
		if m := rePalette.FindSubmatch(b[:min(len(b), 256)]); m != nil {
			p, _ := strconv.Atoi(string(m[1]))
			targets[p] = true
		}
	}
	edits, err := f.formEdits()
	if err != nil {
		return bad("%w", err)
	}
	edits = append(edits, repairs...)
	for n := range targets {
		data, start, end, dict, err := f.stream(n)
		if err != nil {
			return bad("%w", err)
		}
		if dict != "" {
			return bad("objet %d inattendu dans le PDF", n)
		}
		edits = append(edits, edit{obj: n, start: start, end: end, stream: data})
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	for i := 1; i < len(edits); i++ {
		if edits[i].start < edits[i-1].end {
			return bad("objet %d modifié deux fois", edits[i].obj)
		}
	}

	// Offsets move by what the edits change before them.
	objs := make([]int, 0, len(f.offsets))
	for n := range f.offsets {
		objs = append(objs, n)
	}
	slices.SortFunc(objs, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	moved := make(map[int]int, len(f.offsets))

	out := &counter{w: w}
	pos, next := 0, 0 // bytes of f.data written; next object to place
	if head := "%PDF-" + version; version != "" && len(head) == len("%PDF-1.3") && bytes.HasPrefix(f.data, []byte("%PDF-1.3")) {
		out.Write([]byte(head)) // same length: no offset moves
		pos = len(head)
	}
	place := func(upTo int, shift int) {
		for ; next < len(objs) && f.offsets[objs[next]] < upTo; next++ {
			moved[objs[next]] = f.offsets[objs[next]] + shift
		}
	}
	shift := 0
	err = compressAll(edits, func(e edit, z []byte) error {
		place(e.start+1, shift)
		out.Write(f.data[pos:e.start])
		switch {
		case e.head != nil:
			out.Write(e.head(len(z)))
		case e.stream != nil:
			fmt.Fprintf(out, "%d 0 obj\n<<%s/Filter /FlateDecode /Length %d>>\nstream\n", e.obj, e.dict, len(z))
		}
		out.Write(z)
		pos = e.end
		shift = out.n - pos
		return out.err
	})
	if err != nil {
		return written{}, err
	}
	place(f.startxref, shift)
	out.Write(f.data[pos:f.startxref])

	xref := out.n
	if xrefStream {
		x := &xrefWriter{out: out, next: f.size}
		for n := 1; n < f.size; n++ {
			off, ok := moved[n]
			if !ok {
				return bad("objet %d absent du PDF", n)
			}
			x.entries = append(x.entries, xrefEntry{num: n, typ: 1, f2: off})
		}
		err := x.finish(fmt.Sprintf("/Root %d 0 R /Info %d 0 R", f.root, f.info))
		return written{size: out.n, startxref: xref, next: x.next}, err
	}

	// The cross-reference table, as fpdf writes it, with the new offsets.
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", f.size)
	for n := 1; n < f.size; n++ {
		off, ok := moved[n]
		if !ok {
			return bad("objet %d absent du PDF", n)
		}
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	tail := f.data[f.startxref:]
	t := bytes.Index(tail, []byte("trailer\n"))
	s := bytes.LastIndex(tail, []byte("startxref\n"))
	if t < 0 || s < t {
		return bad("fin de fichier PDF inattendue")
	}
	out.Write(tail[t : s+len("startxref\n")])
	fmt.Fprintf(out, "%d\n%%%%EOF\n", xref)
	return written{size: out.n, startxref: xref, next: f.size}, out.err
}

// compressAll compresses the streams of the edits on every core and hands
// the edits to put in order, with their bytes, holding only a few in
// memory at a time.
func compressAll(edits []edit, put func(edit, []byte) error) error {
	workers, slots := parallel()
	results := make([][]byte, slots)
	bufs := make([]bytes.Buffer, slots)
	return inOrder(len(edits), workers, slots, func(slot, i int) {
		if edits[i].stream == nil {
			results[slot] = edits[i].literal
			return
		}
		results[slot] = deflate(&bufs[slot], edits[i].stream)
	}, func(slot, i int) error { return put(edits[i], results[slot]) })
}

// parallel returns the number of workers of inOrder, one a core, and of
// its slots: the jobs done between two hand-overs.
func parallel() (workers, slots int) {
	workers = runtime.GOMAXPROCS(0)
	return workers, 8 * workers
}

// inOrder runs work(slot, i) for each i < n on workers goroutines, and
// put(slot, i) for each, in order, on the caller's, as soon as job i is
// done: the workers go on with the next jobs while put writes, slots jobs
// at most ahead of it. Job i leaves its result in the state of slot
// i%slots, which put reads before the slot is used again.
func inOrder(n, workers, slots int, work func(slot, i int), put func(slot, i int) error) error {
	jobs := make(chan int, slots)
	done := make([]chan struct{}, slots) // one job in flight a slot
	for s := range done {
		done[s] = make(chan struct{}, 1)
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(jobs)
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				work(i%slots, i)
				done[i%slots] <- struct{}{}
			}
		})
	}
	next := min(n, slots)
	for i := range next {
		jobs <- i
	}
	for i := range n {
		<-done[i%slots]
		if err := put(i%slots, i); err != nil {
			return err // the jobs in flight end, unread
		}
		if next < n {
			jobs <- next
			next++
		}
	}
	return nil
}

// deflate compresses parts into buf, emptied first, at the level fpdf
// uses; it returns buf's bytes.
func deflate(buf *bytes.Buffer, parts ...[]byte) []byte {
	buf.Reset()
	z := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(z)
	z.Reset(buf)
	for _, p := range parts {
		z.Write(p) // into memory: no error
	}
	z.Close()
	return buf.Bytes()
}

// zlibWriters are kept from one stream to the next, and from one file to
// the next: each holds about 1 MB of state, which a lot of hundreds of
// guides would otherwise allocate and clear for each of their streams.
var zlibWriters = sync.Pool{New: func() any {
	z, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return z
}}

// counter counts what it writes and keeps the first error.
type counter struct {
	w   io.Writer
	n   int
	err error
}

func (c *counter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}
