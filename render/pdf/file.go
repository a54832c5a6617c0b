package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// fpdf compresses each page with a new zlib writer, about 1 MB of state
// allocated and cleared for every page: for a national guide of 30 000
// pages, 30 GB of garbage, and most of the time spent writing the file.
// So the renderer has fpdf write its page streams uncompressed, then
// compresses them itself, reusing one writer per core. At the same level
// zlib gives the same bytes: the file is the one fpdf would have written.

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

// written is a file as written out: its length and where its xref starts.
type written struct {
	size, startxref int
}

// uncompressed is the head of a stream object that fpdf leaves
// uncompressed when told to: pages and palettes.
var uncompressed = regexp.MustCompile(`^(\d+) 0 obj\n<</Length (\d+)>>\nstream\n`)

// streamObject is a stream object to compress: its object number, where
// it starts and ends in the file, and its stream.
type streamObject struct {
	obj        int
	start, end int // from "n 0 obj" to the end of the stream
	stream     []byte
}

// compress writes f to w with its page and palette streams compressed as
// fpdf compresses them, and the cross-reference table moved to match; with
// the given PDF version ("1.7") in the header of a PDF 1.3 file, unless
// version is empty.
// Errors of w are returned as they are.
func (f *pdfFile) compress(w io.Writer, version string) (written, error) {
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
	var streams []streamObject
	for n := range targets {
		off, ok := f.offsets[n]
		if !ok {
			return bad("objet %d absent du PDF", n)
		}
		m := uncompressed.FindSubmatchIndex(f.data[off:min(len(f.data), off+64)])
		if m == nil || string(f.data[off+m[2]:off+m[3]]) != strconv.Itoa(n) {
			return bad("objet %d inattendu dans le PDF", n)
		}
		length, _ := strconv.Atoi(string(f.data[off+m[4] : off+m[5]]))
		from := off + m[1]
		if from+length > f.startxref {
			return bad("objet %d tronqué dans le PDF", n)
		}
		streams = append(streams, streamObject{obj: n, start: off, end: from + length, stream: f.data[from : from+length]})
	}
	slices.SortFunc(streams, func(a, b streamObject) int { return a.start - b.start })

	// Offsets move by what compression saves before them.
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
	err := compressAll(streams, func(s streamObject, z []byte) error {
		place(s.start+1, shift)
		out.Write(f.data[pos:s.start])
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", s.obj, len(z))
		out.Write(z)
		pos = s.end
		shift = out.n - pos
		return out.err
	})
	if err != nil {
		return written{}, err
	}
	place(f.startxref, shift)
	out.Write(f.data[pos:f.startxref])

	// The cross-reference table, as fpdf writes it, with the new offsets.
	xref := out.n
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
	return written{size: out.n, startxref: xref}, out.err
}

// compressAll compresses the streams on every core and hands them to put
// in order, holding only a few in memory at a time.
func compressAll(streams []streamObject, put func(streamObject, []byte) error) error {
	workers := runtime.GOMAXPROCS(0)
	batch := 8 * workers
	results := make([][]byte, batch)
	zs := make([]*zlib.Writer, workers)
	bufs := make([]bytes.Buffer, batch)
	for lo := 0; lo < len(streams); lo += batch {
		hi := min(lo+batch, len(streams))
		var wg sync.WaitGroup
		for k := range workers {
			wg.Go(func() {
				for i := lo + k; i < hi; i += workers {
					b := &bufs[i-lo]
					b.Reset()
					if zs[k] == nil {
						zs[k], _ = zlib.NewWriterLevel(b, zlib.BestSpeed) // the level fpdf uses
					} else {
						zs[k].Reset(b)
					}
					zs[k].Write(streams[i].stream) // into memory: no error
					zs[k].Close()
					results[i-lo] = b.Bytes()
				}
			})
		}
		wg.Wait()
		for i := lo; i < hi; i++ {
			if err := put(streams[i], results[i-lo]); err != nil {
				return err
			}
		}
	}
	return nil
}

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
