package territoire

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// An Outline is the shape of a commune: closed rings of points, the last
// point joined back to the first. The commune is the set of points inside
// an odd number of rings (the even-odd rule), so that holes (a commune
// enclosed in another) and islands need no marking.
type Outline struct {
	Rings [][]Point
}

// Contains reports whether p lies inside the outline.
func (o Outline) Contains(p Point) bool {
	in := false
	for _, r := range o.Rings {
		j := len(r) - 1
		for i := range r {
			a, b := r[i], r[j]
			if (a.Lat > p.Lat) != (b.Lat > p.Lat) &&
				p.Lon < (b.Lon-a.Lon)*(p.Lat-a.Lat)/(b.Lat-a.Lat)+a.Lon {
				in = !in
			}
			j = i
		}
	}
	return in
}

// Bounds returns the south-west and north-east corners of the outline.
func (o Outline) Bounds() (sw, ne Point) {
	sw = Point{Lat: math.Inf(1), Lon: math.Inf(1)}
	ne = Point{Lat: math.Inf(-1), Lon: math.Inf(-1)}
	for _, r := range o.Rings {
		for _, p := range r {
			sw.Lat, sw.Lon = min(sw.Lat, p.Lat), min(sw.Lon, p.Lon)
			ne.Lat, ne.Lon = max(ne.Lat, p.Lat), max(ne.Lon, p.Lon)
		}
	}
	return sw, ne
}

// The outlines file is gzipped: a text header line, outlinesHeader, then
// one binary record per commune, in code order:
//
//	uvarint len(code), code, uvarint number of rings,
//	per ring: uvarint number of points, then per point the longitude and
//	latitude in OutlineQuantum units as zigzag varints, each the
//	difference from the previous point of the commune (from 0 for the
//	first one).
//
// Rings are not closed in the file: the last point joins the first.
//
// The file may be cut into several gzip members, which gunzip reads as
// one. A member whose header has the extra subfield "LC" (chunkID) holds
// whole records, and the subfield gives the member's length in bytes (4
// bytes, little-endian) then the last commune code of the member: such a
// member is found without decompressing those before it, and read alone.
// A guide of one territory thus decompresses the outlines of its few
// communes, not the 4 MB of the whole country.
const outlinesHeader = "# livret contours 1\n"

// chunkID names the extra subfield of an outlines member that can be read alone.
const chunkID = "LC"

// OutlineQuantum is the grid of the embedded outlines, in degrees: about
// 11 m of latitude, invisible at the scales of a printed map.
const OutlineQuantum = 1e-4

// Outlines holds commune outlines read from an outlines file. Rings are
// decoded when asked for, so that holding them costs the size of the
// compact form only. Its methods are safe for concurrent use.
type Outlines struct {
	parts []*outlinePart // in code order
}

// outlinePart is a run of records of the file, decompressed on first use.
type outlinePart struct {
	last  string // last code of the part; "" for the last part
	gz    []byte // its gzip member(s)
	first bool   // the part begins with the header line

	once  sync.Once
	data  []byte
	index map[string]int // commune code → offset of its ring count in data
	err   error
}

// LoadOutlines reads an outlines file in the format written by the geogen
// generator, checking all of it. Atlas.Outline is the usual way to get an
// outline.
func LoadOutlines(r io.Reader) (*Outlines, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("contours illisibles\u00a0: %w", err)
	}
	p := &outlinePart{gz: b, first: true}
	if p.load(); p.err != nil {
		return nil, p.err
	}
	return &Outlines{parts: []*outlinePart{p}}, nil
}

// lazyOutlines finds the parts of an outlines file without reading them:
// each is checked when first used.
func lazyOutlines(b []byte) *Outlines {
	o := &Outlines{}
	for at := 0; at < len(b); {
		length, last, ok := chunkHeader(b[at:])
		if !ok {
			length, last = len(b)-at, "" // the rest is read in one go
		}
		o.parts = append(o.parts, &outlinePart{last: last, gz: b[at : at+length], first: at == 0})
		at += length
	}
	if n := len(o.parts); n > 0 {
		o.parts[n-1].last = ""
	}
	return o
}

// chunkHeader reads the "LC" subfield of the gzip member that b starts
// with (RFC 1952: magic, method, flags, 6 bytes, then the extra field).
func chunkHeader(b []byte) (length int, last string, ok bool) {
	const fextra = 1 << 2
	if len(b) < 12 || b[0] != 0x1f || b[1] != 0x8b || b[3]&fextra == 0 {
		return 0, "", false
	}
	extra := b[12:min(len(b), 12+int(binary.LittleEndian.Uint16(b[10:])))]
	for len(extra) >= 4 {
		id, n := string(extra[:2]), int(binary.LittleEndian.Uint16(extra[2:]))
		if n > len(extra)-4 {
			return 0, "", false
		}
		if field := extra[4 : 4+n]; id == chunkID && n > 4 {
			length = int(binary.LittleEndian.Uint32(field))
			return length, string(field[4:]), length > 0 && length <= len(b)
		}
		extra = extra[4+n:]
	}
	return 0, "", false
}

// load decompresses the part and checks its records.
func (p *outlinePart) load() {
	p.once.Do(func() {
		data, err := gunzip(p.gz)
		if err != nil {
			p.err = fmt.Errorf("contours illisibles\u00a0: %w", err)
			return
		}
		start := 0
		if p.first {
			if !bytes.HasPrefix(data, []byte(outlinesHeader)) {
				p.err = fmt.Errorf("contours illisibles\u00a0: en-tête %q attendu", outlinesHeader)
				return
			}
			start = len(outlinesHeader)
		}
		p.data, p.index, p.err = indexOutlines(data, start)
		p.gz = nil
	})
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// indexOutlines checks the records of data from start on, and indexes them.
func indexOutlines(data []byte, start int) ([]byte, map[string]int, error) {
	index := make(map[string]int, 512)
	d := decoder{b: data, i: start}
	for d.i < len(d.b) {
		n := d.count(1)
		code := string(d.b[d.i:min(d.i+n, len(d.b))])
		d.i += n
		index[code] = d.i
		for rings := d.count(2); rings > 0 && d.err == nil; rings-- {
			for range 2 * d.count(2) {
				d.varint()
			}
		}
		if d.err != nil || n == 0 {
			return nil, nil, fmt.Errorf("contours illisibles\u00a0: contour de %q tronqué à l’octet %d", code, d.i)
		}
	}
	return data, index, nil
}

// Len returns the number of communes with an outline. It reads the whole file.
func (o *Outlines) Len() int {
	n := 0
	for _, p := range o.parts {
		p.load()
		n += len(p.index)
	}
	return n
}

// Of returns the outline of the commune with the given current INSEE code.
func (o *Outlines) Of(code string) (Outline, bool) {
	out, ok, _ := o.of(code) // LoadOutlines checked every part
	return out, ok
}

// of is Of for outlines whose parts are checked on first use (see
// lazyOutlines): the error is for a part found unreadable.
func (o *Outlines) of(code string) (Outline, bool, error) {
	i, _ := slices.BinarySearchFunc(o.parts, code, func(p *outlinePart, code string) int {
		if p.last == "" {
			return 1
		}
		return strings.Compare(p.last, code)
	})
	if i == len(o.parts) {
		return Outline{}, false, nil
	}
	p := o.parts[i]
	if p.load(); p.err != nil {
		return Outline{}, false, p.err
	}
	at, ok := p.index[code]
	if !ok {
		return Outline{}, false, nil
	}
	d := decoder{b: p.data, i: at}
	var x, y int64
	out := Outline{Rings: make([][]Point, d.uvarint())}
	for i := range out.Rings {
		r := make([]Point, d.uvarint())
		for j := range r {
			x += d.varint()
			y += d.varint()
			r[j] = Point{Lat: float64(y) * OutlineQuantum, Lon: float64(x) * OutlineQuantum}
		}
		out.Rings[i] = r
	}
	// load checked every record of the part.
	return out, true, nil
}

// decoder reads varints, remembering the first error.
type decoder struct {
	b   []byte
	i   int
	err error
}

var errTruncated = errors.New("truncated")

// fail marks the file as cut short: every later read returns zero.
func (d *decoder) fail() { d.err, d.i = errTruncated, len(d.b) }

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b[min(d.i, len(d.b)):])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.i += n
	return v
}

// count reads a number of items taking at least size bytes each, and
// fails when the rest of the file is too short to hold them.
func (d *decoder) count(size int) int {
	v := d.uvarint()
	if v > uint64(len(d.b)-d.i)/uint64(size) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b[min(d.i, len(d.b)):])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.i += n
	return v
}

//go:embed outlines.bin.gz
var embeddedOutlines []byte

// Outline returns the outline of a current commune of the embedded
// geography (IGN Admin Express 2018, mapped to the COG 2026; see DATA.md).
// Communes of the overseas collectivities, and the few communes recreated
// since 2018, have none; nor has an atlas read with Load. The outlines are
// read on first use.
func (a *Atlas) Outline(c *Commune) (Outline, bool) {
	if a.outlineData == nil {
		return Outline{}, false
	}
	a.outlinesOnce.Do(func() { a.outlines = lazyOutlines(a.outlineData) })
	o, ok, err := a.outlines.of(c.Code)
	if err != nil {
		// Written by the generator and checked by the tests.
		panic("territoire: embedded outlines: " + err.Error())
	}
	return o, ok
}
