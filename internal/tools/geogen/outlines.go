package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"livret/territoire"
)

const geojsonDir = "france-geojson-2018"

// simplifyTolerance is how far, in metres, a simplified outline may stray
// from the source: a tenth of a millimetre on a map of a département, half
// a millimetre on a map of 20 km. It takes the 2.1 million points of the
// source down to 1.6 million (25 m would keep 2 million).
const simplifyTolerance = 50

// sourceGrid is the grid of the source coordinates (5 decimals): on it,
// the vertices that neighbouring communes share are equal.
const sourceGrid = 1e5

// A vertex is a point on the source grid: longitude then latitude, in
// units of 1/sourceGrid degree.
type vertex struct{ x, y int64 }

func (v vertex) less(w vertex) int { return cmp.Or(cmp.Compare(v.x, w.x), cmp.Compare(v.y, w.y)) }

// A ring is a closed ring of vertices, stored open: the last joins the
// first.
type ring []vertex

// srcFeature is a Feature of france-geojson: a commune of 2018.
type srcFeature struct {
	Properties struct {
		Code string `json:"code"`
		Nom  string `json:"nom"`
	} `json:"properties"`
	Geometry struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

// readOutlines reads the communes-*.geojson files of the data folder and
// returns the rings of every commune of 2018, by its 2018 code.
func readOutlines(data string) (map[string][]ring, error) {
	files, err := filepath.Glob(filepath.Join(data, geojsonDir, "communes-*.geojson"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no communes-*.geojson in %s", filepath.Join(data, geojsonDir))
	}
	out := make(map[string][]ring, 36000)
	for _, f := range files {
		var fc struct {
			Features []srcFeature `json:"features"`
		}
		if err := readJSON(f, &fc); err != nil {
			return nil, err
		}
		for i, ft := range fc.Features {
			rings, err := featureRings(ft)
			if err != nil {
				return nil, fmt.Errorf("%s: feature %d (%s): %w", f, i, ft.Properties.Code, err)
			}
			code := ft.Properties.Code
			if code == "" {
				return nil, fmt.Errorf("%s: feature %d has no code", f, i)
			}
			out[code] = append(out[code], rings...)
		}
	}
	return out, nil
}

func featureRings(ft srcFeature) ([]ring, error) {
	var polys [][][][2]float64
	switch ft.Geometry.Type {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(ft.Geometry.Coordinates, &p); err != nil {
			return nil, err
		}
		polys = [][][][2]float64{p}
	case "MultiPolygon":
		if err := json.Unmarshal(ft.Geometry.Coordinates, &polys); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("geometry %q, want Polygon or MultiPolygon", ft.Geometry.Type)
	}
	var rings []ring
	for _, p := range polys {
		for _, src := range p {
			r := make(ring, 0, len(src))
			for _, c := range src {
				v := vertex{int64(math.Round(c[0] * sourceGrid)), int64(math.Round(c[1] * sourceGrid))}
				if len(r) == 0 || r[len(r)-1] != v {
					r = append(r, v)
				}
			}
			for len(r) > 1 && r[0] == r[len(r)-1] {
				r = r[:len(r)-1]
			}
			if len(r) >= 3 {
				rings = append(rings, r)
			}
		}
	}
	return rings, nil
}

// outlineStats sums up how the outlines of 2018 went to the communes of
// 2026.
type outlineStats struct {
	communes, merged int      // communes of 2026 with an outline, of which made of several of 2018
	unmapped         []string // codes of 2018 that lead to no current commune
	missing          []string // current communes without an outline: "code name"
	points           int      // points written
}

func (s outlineStats) String() string {
	out := fmt.Sprintf("%d communes avec contour (dont %d réunies de plusieurs communes de 2018), %d points", s.communes, s.merged, s.points)
	if len(s.unmapped) > 0 {
		out += fmt.Sprintf("; codes de 2018 sans commune actuelle\u00a0: %s", strings.Join(s.unmapped, ", "))
	}
	if len(s.missing) == 0 {
		return out + "; toutes les communes ont un contour"
	}
	return out + fmt.Sprintf("; %d communes sans contour\u00a0: %s", len(s.missing), strings.Join(s.missing, ", "))
}

// communeOutlines maps the rings of 2018 to the current communes of the
// atlas: a merged commune gets the union of its former outlines, their
// common borders taken away.
func communeOutlines(atlas *territoire.Atlas, src map[string][]ring) (map[string][]ring, outlineStats) {
	var st outlineStats
	parts := make(map[string][]string) // current code → codes of 2018
	for _, old := range sortedKeys(src) {
		c, _, ok := atlas.Commune(old)
		if !ok {
			st.unmapped = append(st.unmapped, old)
			continue
		}
		parts[c.Code] = append(parts[c.Code], old)
	}
	out := make(map[string][]ring, len(parts))
	for code, olds := range parts {
		var rings []ring
		for _, old := range olds {
			rings = append(rings, src[old]...)
		}
		if len(olds) > 1 {
			rings = dissolve(rings)
			st.merged++
		}
		out[code] = rings
	}
	return out, st
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// An edge joins two vertices, the smaller first.
type edge struct{ a, b vertex }

func newEdge(a, b vertex) edge {
	if b.less(a) < 0 {
		a, b = b, a
	}
	return edge{a, b}
}

// dissolve merges rings into the outline of their union: an edge drawn an
// even number of times is a border between two of them and goes; the
// edges left are chained back into rings. Under the even-odd rule this is
// exact whatever the chaining, and every vertex keeps an even number of
// edges, so the chaining always closes.
func dissolve(rings []ring) []ring {
	odd := make(map[edge]bool)
	for _, r := range rings {
		for i := range r {
			e := newEdge(r[i], r[(i+1)%len(r)])
			if odd[e] {
				delete(odd, e)
			} else {
				odd[e] = true
			}
		}
	}
	adj := make(map[vertex][]vertex)
	for e := range odd {
		adj[e.a] = append(adj[e.a], e.b)
		adj[e.b] = append(adj[e.b], e.a)
	}
	starts := make([]vertex, 0, len(adj))
	for v, ns := range adj {
		slices.SortFunc(ns, vertex.less)
		starts = append(starts, v)
	}
	slices.SortFunc(starts, vertex.less)
	used := make(map[edge]bool, len(odd))
	next := func(v vertex) (vertex, bool) {
		for _, w := range adj[v] {
			if e := newEdge(v, w); !used[e] {
				used[e] = true
				return w, true
			}
		}
		return vertex{}, false
	}
	var out []ring
	for _, s := range starts {
		for {
			w, ok := next(s)
			if !ok {
				break
			}
			r := ring{s}
			for v := w; v != s; {
				r = append(r, v)
				if v, ok = next(v); !ok {
					break // cannot happen: degrees are even
				}
			}
			if len(r) >= 3 {
				out = append(out, r)
			}
		}
	}
	return out
}

// simplify thins every ring with Douglas-Peucker at simplifyTolerance,
// keeping the borders that communes share identical on both sides: rings
// are cut into arcs at the vertices where three or more borders meet, and
// each arc is simplified once.
func simplify(outlines map[string][]ring) {
	neighbours := make(map[vertex][]vertex)
	link := func(a, b vertex) {
		if !slices.Contains(neighbours[a], b) {
			neighbours[a] = append(neighbours[a], b)
		}
	}
	for _, rings := range outlines {
		for _, r := range rings {
			for i := range r {
				a, b := r[i], r[(i+1)%len(r)]
				link(a, b)
				link(b, a)
			}
		}
	}
	junction := func(v vertex) bool { return len(neighbours[v]) != 2 }
	done := make(map[arcKey][]vertex)
	for _, code := range sortedKeys(outlines) {
		rings := outlines[code]
		for i, r := range rings {
			rings[i] = simplifyRing(r, junction, done)
		}
	}
}

// An arcKey names an arc by its ends, its second vertex and its length:
// on clean borders, no two different arcs share all four.
type arcKey struct {
	first, second, last vertex
	n                   int
}

func simplifyRing(r ring, junction func(vertex) bool, done map[arcKey][]vertex) ring {
	start := slices.IndexFunc(r, junction)
	if start < 0 {
		// An island or an enclave: start at its smallest vertex, so that
		// both sides of an enclave's border start alike.
		start = 0
		for i, v := range r {
			if v.less(r[start]) < 0 {
				start = i
			}
		}
	}
	rot := append(slices.Clone(r[start:]), r[:start]...)
	rot = append(rot, rot[0])
	var out ring
	for i := 0; i < len(rot)-1; {
		j := i + 1
		for j < len(rot)-1 && !junction(rot[j]) {
			j++
		}
		arc := simplifyArc(rot[i:j+1], done)
		out = append(out, arc[:len(arc)-1]...)
		i = j
	}
	if len(out) < 3 {
		return r // too small to thin: keep it whole
	}
	return out
}

// simplifyArc simplifies an arc in a direction that does not depend on
// which side it is walked from, and remembers the result.
func simplifyArc(arc []vertex, done map[arcKey][]vertex) []vertex {
	n := len(arc)
	reversed := false
	switch c := arc[0].less(arc[n-1]); {
	case c > 0:
		reversed = true
	case c == 0 && n > 2:
		reversed = arc[1].less(arc[n-2]) > 0
	}
	canon := arc
	if reversed {
		canon = slices.Clone(arc)
		slices.Reverse(canon)
	}
	key := arcKey{canon[0], canon[1], canon[n-1], n}
	s, ok := done[key]
	if !ok {
		s = douglasPeucker(canon)
		done[key] = s
	}
	if reversed {
		s = slices.Clone(s)
		slices.Reverse(s)
	}
	return s
}

// douglasPeucker keeps the ends of a polyline and the vertices farther
// than simplifyTolerance from the simplified line. A closed arc (both
// ends equal) is first split at its farthest vertex.
func douglasPeucker(pts []vertex) []vertex {
	n := len(pts)
	if n <= 2 {
		return slices.Clone(pts)
	}
	// Metres per unit of the source grid, at the arc's latitude.
	lat := float64(pts[0].y) / sourceGrid
	ky := 6371008.8 * math.Pi / 180 / sourceGrid
	kx := ky * math.Cos(lat*math.Pi/180)
	xy := func(v vertex) (float64, float64) { return float64(v.x) * kx, float64(v.y) * ky }
	keep := make([]bool, n)
	keep[0], keep[n-1] = true, true
	if pts[0] == pts[n-1] {
		far, best := 0, -1.0
		x0, y0 := xy(pts[0])
		for i, v := range pts {
			x, y := xy(v)
			if d := math.Hypot(x-x0, y-y0); d > best {
				far, best = i, d
			}
		}
		keep[far] = true
		thin(pts, keep, 0, far, xy)
		thin(pts, keep, far, n-1, xy)
	} else {
		thin(pts, keep, 0, n-1, xy)
	}
	var out []vertex
	for i, v := range pts {
		if keep[i] {
			out = append(out, v)
		}
	}
	return out
}

func thin(pts []vertex, keep []bool, i, j int, xy func(vertex) (float64, float64)) {
	if j <= i+1 {
		return
	}
	ax, ay := xy(pts[i])
	bx, by := xy(pts[j])
	far, best := -1, float64(simplifyTolerance)
	for k := i + 1; k < j; k++ {
		x, y := xy(pts[k])
		if d := segmentDistance(x, y, ax, ay, bx, by); d > best {
			far, best = k, d
		}
	}
	if far < 0 {
		return
	}
	keep[far] = true
	thin(pts, keep, i, far, xy)
	thin(pts, keep, far, j, xy)
}

func segmentDistance(x, y, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(x-ax, y-ay)
	}
	t := max(0, min(1, ((x-ax)*dx+(y-ay)*dy)/l2))
	return math.Hypot(x-ax-t*dx, y-ay-t*dy)
}

// quantise rounds rings to the grid of the embedded file and drops the
// points and rings that rounding makes redundant.
func quantise(rings []ring) [][][2]int64 {
	step := sourceGrid * territoire.OutlineQuantum
	var out [][][2]int64
	for _, r := range rings {
		var q [][2]int64
		for _, v := range r {
			p := [2]int64{int64(math.Round(float64(v.x) / step)), int64(math.Round(float64(v.y) / step))}
			if len(q) == 0 || q[len(q)-1] != p {
				q = append(q, p)
			}
		}
		for len(q) > 1 && q[0] == q[len(q)-1] {
			q = q[:len(q)-1]
		}
		if len(q) >= 3 {
			out = append(out, q)
		}
	}
	return out
}

// encodeOutlines writes the outlines file (see territoire/outline.go) for
// the communes in code order, and returns it gzipped with the centre of
// each commune, a point inside its outline. The file is cut into gzip
// members of communesPerPart communes, each read alone by a guide that
// needs only its communes.
func encodeOutlines(outlines map[string][]ring, st *outlineStats) ([]byte, map[string]territoire.Point, error) {
	var b bytes.Buffer
	b.WriteString("# livret contours 1\n")
	centres := make(map[string]territoire.Point, len(outlines))
	var lastCode string
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { b.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	sv := func(v int64) { b.Write(tmp[:binary.PutVarint(tmp[:], v)]) }
	var z bytes.Buffer
	start, inPart := 0, 0 // where the part being written starts in b, and its communes
	for _, code := range sortedKeys(outlines) {
		rings := quantise(outlines[code])
		if len(rings) == 0 {
			continue
		}
		if inPart == communesPerPart {
			if err := gzipPart(&z, b.Bytes()[start:], lastCode); err != nil {
				return nil, nil, err
			}
			start, inPart = b.Len(), 0
		}
		inPart++
		lastCode = code
		uv(uint64(len(code)))
		b.WriteString(code)
		uv(uint64(len(rings)))
		var prev [2]int64
		o := territoire.Outline{Rings: make([][]territoire.Point, len(rings))}
		for i, r := range rings {
			uv(uint64(len(r)))
			o.Rings[i] = make([]territoire.Point, len(r))
			for j, p := range r {
				sv(p[0] - prev[0])
				sv(p[1] - prev[1])
				prev = p
				o.Rings[i][j] = territoire.Point{Lat: float64(p[1]) * territoire.OutlineQuantum, Lon: float64(p[0]) * territoire.OutlineQuantum}
			}
			st.points += len(r)
		}
		centres[code] = pointInside(o)
		st.communes++
	}
	if err := gzipPart(&z, b.Bytes()[start:], lastCode); err != nil {
		return nil, nil, err
	}
	return z.Bytes(), centres, nil
}

// communesPerPart is the size of the parts of the outlines file: a
// département or two per part, so that a guide of one EPCI decompresses
// about 1 % of the file, at the cost of 1 % more bytes than in one part.
const communesPerPart = 256

// gzipPart appends part as a gzip member whose extra field "LC" gives its
// length and its last commune code (see territoire/outline.go).
func gzipPart(z *bytes.Buffer, part []byte, last string) error {
	at := z.Len()
	extra := binary.LittleEndian.AppendUint16([]byte("LC"), uint16(4+len(last)))
	extra = append(binary.LittleEndian.AppendUint32(extra, 0), last...) // length written below
	zw, err := gzip.NewWriterLevel(z, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Extra = extra
	if _, err := zw.Write(part); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	// The length sits after the 10 fixed bytes, the extra length and the
	// subfield's id and length; the header has no checksum to update.
	binary.LittleEndian.PutUint32(z.Bytes()[at+16:], uint32(z.Len()-at))
	return nil
}
