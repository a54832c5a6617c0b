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
const outlinesHeader = "# livret contours 1\n"

// OutlineQuantum is the grid of the embedded outlines, in degrees: about
// 11 m of latitude, invisible at the scales of a printed map.
const OutlineQuantum = 1e-4

// Outlines holds commune outlines read from an outlines file. Rings are
// decoded when asked for, so that holding them costs the size of the
// compact form only. Its methods are safe for concurrent use.
type Outlines struct {
	data  []byte
	index map[string]int // commune code → offset of its ring count
}

// LoadOutlines reads an outlines file in the format written by the geogen
// generator. Atlas.Outline is the usual way to get an outline.
func LoadOutlines(r io.Reader) (*Outlines, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("contours illisibles\u00a0: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("contours illisibles\u00a0: %w", err)
	}
	if !bytes.HasPrefix(data, []byte(outlinesHeader)) {
		return nil, fmt.Errorf("contours illisibles\u00a0: en-tête %q attendu", outlinesHeader)
	}
	o := &Outlines{data: data, index: make(map[string]int, 35000)}
	d := decoder{b: data, i: len(outlinesHeader)}
	for d.i < len(d.b) {
		n := d.count(1)
		code := string(d.b[d.i:min(d.i+n, len(d.b))])
		d.i += n
		o.index[code] = d.i
		for rings := d.count(2); rings > 0 && d.err == nil; rings-- {
			for range 2 * d.count(2) {
				d.varint()
			}
		}
		if d.err != nil || n == 0 {
			return nil, fmt.Errorf("contours illisibles\u00a0: contour de %q tronqué à l’octet %d", code, d.i)
		}
	}
	return o, nil
}

// Len returns the number of communes with an outline.
func (o *Outlines) Len() int { return len(o.index) }

// Of returns the outline of the commune with the given current INSEE code.
func (o *Outlines) Of(code string) (Outline, bool) {
	at, ok := o.index[code]
	if !ok {
		return Outline{}, false
	}
	d := decoder{b: o.data, i: at}
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
	// LoadOutlines checked every record.
	return out, true
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
	a.outlinesOnce.Do(func() {
		o, err := LoadOutlines(bytes.NewReader(a.outlineData))
		if err != nil {
			// Written by the generator and checked by the tests.
			panic("territoire: embedded outlines: " + err.Error())
		}
		a.outlines = o
	})
	return a.outlines.Of(c.Code)
}
