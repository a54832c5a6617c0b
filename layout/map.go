package layout

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"livret/guide"
	"livret/territoire"
	"livret/texte"
)

// Colours of the map: outlines in grey (decoration), the communes with
// places tinted, never needed to read it.
var (
	mapOutline = Color{120, 120, 120}
	mapTint    = Color{225, 232, 242}
	mapLeader  = Color{60, 60, 60}
)

// overviewMap is the page of the overview map: its heading and
// introduction, then the map in all the room left on the page, as one
// Figure with the text alternative the guide gives. Where markers had to
// move far from their places, a second page shows that part of the map
// larger.
func (lc *context) overviewMap(m *guide.Map) []element {
	flow := lc.mapPage(m.Title, m.Anchor, m.Intro)
	all := m.Markers
	sw, ne := mapBounds(m)
	flow = append(flow, lc.mapFill(m, m.Alt, sw, ne))
	if m.DetailTitle == "" {
		return flow
	}
	// Where do markers crowd? Place them as the page will.
	top, bottom := lc.frame()
	used := 0.0
	for _, e := range flow[:len(flow)-1] {
		used += height(e)
	}
	f := newMapFrame(sw, ne, lc.th.Format.Margin, top+used, lc.th.contentWidth(), bottom-top-used)
	// The page places the markers in its frame anew, round its scale
	// bar: that placing, as long as this one, runs meanwhile.
	var taken []rectangle
	if sc, ok := lc.mapScale(m, f); ok {
		taken = append(taken, sc.box)
	}
	lc.placeAhead(inFrame(all, f), f, taken)
	discs := lc.placeMarkers(all, f, nil)
	dsw, dne, ok := crowded(all, f, discs)
	if !ok {
		return flow
	}
	flow = append(flow, newPage{furniture: true})
	flow = append(flow, lc.mapPage(m.DetailTitle, m.Anchor+"-detail", m.DetailIntro)...)
	return append(flow, lc.mapFill(m, m.DetailAlt, dsw, dne))
}

// mapPage is the heading and introduction of a map page.
func (lc *context) mapPage(title, anchor, intro string) []element {
	th := lc.th
	flow := lc.heading("H1", title, anchor, title, th.h1())
	if intro != "" {
		flow = append(flow, glue(th.headingGap()))
		flow = append(flow, lc.paragraph(lc.root, intro, th.body())...)
	}
	return flow
}

// mapFill draws, in the room left on the page, the part of the map
// between sw and ne, as a Figure.
func (lc *context) mapFill(m *guide.Map, alt string, sw, ne territoire.Point) fill {
	fig := lc.root.figure(alt)
	return func(p *pageWriter, x, y, h float64) {
		lc.drawMap(p, m, fig, newMapFrame(sw, ne, x, y, lc.th.contentWidth(), h))
	}
}

// crowded returns the part of the map where markers had to move farther
// than their diameter from their places, when four or more of them lie
// within a tenth of the map's width of one of them: the box of their
// places, with a margin.
func crowded(markers []guide.Marker, f mapFrame, discs []disc) (sw, ne territoire.Point, ok bool) {
	var moved []Pt
	var at []territoire.Point
	for i, mk := range markers {
		p := f.pt(mk.At)
		if math.Hypot(discs[i].c.X-p.X, discs[i].c.Y-p.Y) > 2*discs[i].r {
			moved, at = append(moved, p), append(at, mk.At)
		}
	}
	reach := f.w / 10
	best, count := -1, 0
	for i, p := range moved {
		n := 0
		for _, q := range moved {
			if math.Hypot(p.X-q.X, p.Y-q.Y) <= reach {
				n++
			}
		}
		if n > count {
			best, count = i, n
		}
	}
	if count < 4 {
		return sw, ne, false
	}
	sw = territoire.Point{Lat: math.Inf(1), Lon: math.Inf(1)}
	ne = territoire.Point{Lat: math.Inf(-1), Lon: math.Inf(-1)}
	for i, q := range moved {
		if math.Hypot(moved[best].X-q.X, moved[best].Y-q.Y) <= reach {
			sw.Lat, sw.Lon = min(sw.Lat, at[i].Lat), min(sw.Lon, at[i].Lon)
			ne.Lat, ne.Lon = max(ne.Lat, at[i].Lat), max(ne.Lon, at[i].Lon)
		}
	}
	dLat, dLon := max(ne.Lat-sw.Lat, 0.01)*0.15, max(ne.Lon-sw.Lon, 0.01)*0.15
	sw.Lat, sw.Lon, ne.Lat, ne.Lon = sw.Lat-dLat, sw.Lon-dLon, ne.Lat+dLat, ne.Lon+dLon
	return sw, ne, true
}

// mapBounds is the box of everything on the map: outlines and markers.
func mapBounds(m *guide.Map) (sw, ne territoire.Point) {
	sw = territoire.Point{Lat: math.Inf(1), Lon: math.Inf(1)}
	ne = territoire.Point{Lat: math.Inf(-1), Lon: math.Inf(-1)}
	grow := func(p territoire.Point) {
		sw.Lat, sw.Lon = min(sw.Lat, p.Lat), min(sw.Lon, p.Lon)
		ne.Lat, ne.Lon = max(ne.Lat, p.Lat), max(ne.Lon, p.Lon)
	}
	for _, c := range m.Communes {
		for _, r := range c.Rings {
			for _, p := range r {
				grow(p)
			}
		}
	}
	for _, mk := range m.Markers {
		grow(mk.At)
	}
	return sw, ne
}

// mapFrame is a projection of degrees onto a frame of the page:
// equirectangular, true to scale at the middle latitude.
type mapFrame struct {
	x, y, w, h float64 // the frame, in points
	lon0, lat0 float64 // the north-west corner of what is drawn
	k, kx      float64 // points per degree of latitude; of longitude
}

func (f mapFrame) pt(p territoire.Point) Pt {
	return Pt{f.x + (p.Lon-f.lon0)*f.kx, f.y + (f.lat0-p.Lat)*f.k}
}

// newMapFrame fits the box from sw to ne, centred, in the frame.
func newMapFrame(sw, ne territoire.Point, x, y, w, h float64) mapFrame {
	cos := math.Cos((sw.Lat + ne.Lat) / 2 * math.Pi / 180)
	dx, dy := max((ne.Lon-sw.Lon)*cos, 1e-6), max(ne.Lat-sw.Lat, 1e-6)
	k := min(w/dx, h/dy)
	f := mapFrame{x: x, y: y, w: w, h: h, k: k, kx: k * cos}
	f.lon0 = sw.Lon - (w/f.kx-(ne.Lon-sw.Lon))/2
	f.lat0 = ne.Lat + (h/k-(ne.Lat-sw.Lat))/2
	return f
}

// in reports whether a point of the page is inside the frame.
func (f mapFrame) in(p Pt) bool {
	return p.X >= f.x && p.X <= f.x+f.w && p.Y >= f.y && p.Y <= f.y+f.h
}

// A disc is a marker placed on the map.
type disc struct {
	c Pt // centre
	r float64
}

func (d disc) overlaps(e disc) bool {
	dx, dy, near := d.c.X-e.c.X, d.c.Y-e.c.Y, d.r+e.r+1
	// Squares spare a root in the search's innermost loop, which inlines
	// this: no more to it.
	return dx*dx+dy*dy < near*near
}

// rectangle is a box of the page, for labels and the scale bar.
type rectangle struct{ x0, y0, x1, y1 float64 }

func (a rectangle) overlaps(b rectangle) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a rectangle) touches(d disc) bool {
	cx, cy := max(a.x0, min(d.c.X, a.x1)), max(a.y0, min(d.c.Y, a.y1))
	dx, dy := d.c.X-cx, d.c.Y-cy
	return dx*dx+dy*dy < (d.r+1)*(d.r+1)
}

// drawMap draws the map in the frame: outlines (cut at the frame),
// scale bar, the markers of the places inside the frame (moved aside,
// with a leader line, where they would overlap), then the names of the
// communes that have room.
func (lc *context) drawMap(p *pageWriter, m *guide.Map, fig *Node, f mapFrame) {
	th := lc.th
	x, y, w, h := f.x, f.y, f.w, f.h

	var all, tinted [][]Pt
	for _, c := range m.Communes {
		rings := clipRings(projectRings(f, c.Rings), f)
		all = append(all, rings...)
		if c.Places {
			tinted = append(tinted, rings...)
		}
	}
	p.add(&Path{Lines: tinted, Closed: true, Fill: &mapTint, node: fig})
	p.add(&Path{Lines: all, Closed: true, Stroke: &mapOutline, Width: 0.6, node: fig})
	markers := inFrame(m.Markers, f)

	st := th.body()
	var taken []rectangle
	// The scale bar, bottom left.
	if sc, ok := lc.mapScale(m, f); ok {
		by := y + h - 4
		p.add(&Rect{X: x, Y: by - 4, W: sc.bar, H: 4, Fill: th.Text, node: fig})
		p.add(&Text{X: x, Y: by - 8 - st.Face.Descent(st.Size), Face: st.Face, Size: st.Size, Color: th.Text, S: sc.label, Width: sc.width, node: fig})
		taken = append(taken, sc.box)
	}

	discs := lc.placeMarkers(markers, f, taken)
	ms := Style{Face: th.Family.Bold, Size: th.Size, Color: White}
	for i, mk := range markers {
		d := discs[i]
		at := f.pt(mk.At)
		if math.Hypot(d.c.X-at.X, d.c.Y-at.Y) > d.r/2 {
			// Moved aside: a line from where the place is to its number.
			p.add(&Path{Lines: [][]Pt{{at, d.c}}, Stroke: &mapLeader, Width: 1, node: fig})
			p.add(&Rect{X: at.X - 2, Y: at.Y - 2, W: 4, H: 4, Radius: 2, Fill: mapLeader, node: fig})
		}
	}
	for i, mk := range markers {
		d := discs[i]
		p.add(&Rect{X: d.c.X - d.r, Y: d.c.Y - d.r, W: 2 * d.r, H: 2 * d.r, Radius: d.r, Fill: th.Accent, node: fig})
		s := lc.printable(mk.Number, ms)
		sw := ms.Face.Width(s, ms.Size)
		p.add(&Text{X: d.c.X - sw/2, Y: d.c.Y + ms.Face.CapHeight(ms.Size)/2, Face: ms.Face, Size: ms.Size, Color: White, S: s, Width: sw, node: fig})
	}

	// Names at body size (never smaller), centred on their commune or
	// just above or below it, clear of the markers, the scale bar and
	// each other; the names that find no room are left out.
	for _, c := range m.Communes {
		s := lc.printable(c.Name, st)
		lw := st.Face.Width(s, st.Size)
		at := f.pt(c.Label)
		if !f.in(at) {
			continue
		}
		lh := st.Leading()
		for _, dy := range []float64{0, -lh * 0.8, lh * 0.8} {
			box := rectangle{at.X - lw/2, at.Y + dy - lh/2, at.X + lw/2, at.Y + dy + lh/2}
			if box.x0 < x || box.x1 > x+w || box.y0 < y || box.y1 > y+h ||
				slices.ContainsFunc(taken, box.overlaps) || slices.ContainsFunc(discs, box.touches) {
				continue
			}
			taken = append(taken, box)
			p.add(&Text{X: box.x0, Y: at.Y + dy + st.Face.CapHeight(st.Size)/2, Face: st.Face, Size: st.Size, Color: th.Text, S: s, Width: lw, node: fig})
			break
		}
	}
}

// inFrame returns the markers whose places are inside the frame.
func inFrame(all []guide.Marker, f mapFrame) []guide.Marker {
	var markers []guide.Marker
	for _, mk := range all {
		if f.in(f.pt(mk.At)) {
			markers = append(markers, mk)
		}
	}
	return markers
}

// mapScale is the scale bar of a map in a frame: the bar's width, its
// label as printed and the label's width, and the box both take at the
// bottom left of the frame.
type mapScale struct {
	bar, width float64
	label      string
	box        rectangle
}

// mapScale returns the scale bar of the map in the frame; false when
// none fits.
func (lc *context) mapScale(m *guide.Map, f mapFrame) (mapScale, bool) {
	bar, label, ok := scaleBar(m.Scales, f.k/111.195, f.w/4)
	if !ok {
		return mapScale{}, false
	}
	st := lc.th.body()
	s := lc.printable(label, st)
	lw := st.Face.Width(s, st.Size)
	by := f.y + f.h - 4
	return mapScale{bar, lw, s, rectangle{f.x, by - 8 - st.Leading(), f.x + max(bar, lw), f.y + f.h}}, true
}

// mapNumber is the place's number on the map, before its name; none
// when the place is not on a map.
func mapNumber(e *guide.Entry, st Style, n *Node) []Span {
	if e.Number == "" {
		return nil
	}
	return []Span{{Text: e.Number + "\u00a0", Style: st, Node: n}}
}

// markerRadius is the radius of a marker disc holding its number.
func (lc *context) markerRadius(number string) float64 {
	th := lc.th
	st := Style{Face: th.Family.Bold, Size: th.Size, Color: White}
	w := st.Face.Width(lc.printable(number, st), st.Size)
	return max(lc.markerSize(), w+th.markerPad()) / 2
}

// placeMarkers puts each marker where its place is or, when that spot is
// taken, at the nearest free spot around it (on rings of growing radius),
// inside the frame and clear of the boxes taken. A marker finding no
// room at all stays where its place is.
//
// Every pass of the layout places the same markers in the same frame: a
// placing is remembered, and may have been started ahead (see
// placeAhead).
func (lc *context) placeMarkers(markers []guide.Marker, f mapFrame, taken []rectangle) []disc {
	key := markersKey(markers, f, taken)
	p, ok := lc.memo.markers[key]
	if !ok {
		p = sync.OnceValue(lc.placing(markers, f, taken))
		lc.memo.markers[key] = p
	}
	placed := p()
	for _, w := range placed.warnings {
		lc.warn(w)
	}
	return slices.Clone(placed.discs)
}

// placeAhead starts, beside the layout, a placing that placeMarkers will
// ask for: a crowded map takes tenths of a second to place.
func (lc *context) placeAhead(markers []guide.Marker, f mapFrame, taken []rectangle) {
	key := markersKey(markers, f, taken)
	if _, ok := lc.memo.markers[key]; ok {
		return
	}
	done := make(chan placedMarkers, 1)
	search := lc.placing(markers, f, taken)
	go func() { done <- search() }()
	lc.memo.markers[key] = sync.OnceValue(func() placedMarkers { return <-done })
}

// placing returns the search of a placing. The markers' sizes are
// measured at once, with the context; the search itself uses nothing of
// the context, so that it may run on another goroutine.
func (lc *context) placing(markers []guide.Marker, f mapFrame, taken []rectangle) func() placedMarkers {
	radii := make([]float64, len(markers))
	for i, mk := range markers {
		radii[i] = lc.markerRadius(mk.Number)
	}
	markers, taken = slices.Clone(markers), slices.Clone(taken)
	return func() placedMarkers { return placeDiscs(markers, radii, f, taken) }
}

// placeDiscs is the search of placeMarkers, the markers' radii given.
//
// A crowded map tries thousands of spots per marker: the discs placed are
// held in a grid of cells as wide as two discs, so that a spot is checked
// against the few discs near it only, and the directions of the rings are
// computed once.
func placeDiscs(markers []guide.Marker, radii []float64, f mapFrame, taken []rectangle) placedMarkers {
	discs := make([]disc, 0, len(markers))
	cell := 1.0
	for _, r := range radii {
		cell = max(cell, 2*r+1) // discs farther apart than this never overlap
	}
	// Centres outside the frame go to its edge cells: a disc near the edge
	// is still checked against them.
	cols, rows := int(f.w/cell)+1, int(f.h/cell)+1
	grid := make([][]disc, cols*rows) // cell → the discs placed in it
	key := func(p Pt) (int, int) {
		return min(max(int(math.Floor((p.X-f.x)/cell)), 0), cols-1), min(max(int(math.Floor((p.Y-f.y)/cell)), 0), rows-1)
	}
	// A map with more markers than room (a whole région on one page) would
	// have every marker search all its rings among ever denser cells: the
	// search is bounded, and once spent, a marker whose own place is taken
	// stays there.
	budget := markerSearchBudget
	x0, y0, x1, y1 := f.x, f.y, f.x+f.w, f.y+f.h
	free := func(d disc) bool {
		if d.c.X-d.r < x0 || d.c.X+d.r > x1 || d.c.Y-d.r < y0 || d.c.Y+d.r > y1 {
			return false
		}
		for _, t := range taken {
			if t.touches(d) {
				return false
			}
		}
		kx, ky := key(d.c)
		for x := max(kx-1, 0); x <= min(kx+1, cols-1); x++ {
			column := grid[x:]
			for y := max(ky-1, 0); y <= min(ky+1, rows-1); y++ {
				near := column[y*cols]
				budget -= len(near)
				for _, e := range near {
					if d.overlaps(e) {
						return false
					}
				}
			}
		}
		return true
	}
	var crowded []string // numbers of the markers left over another
	for i, mk := range markers {
		at := f.pt(mk.At)
		r := radii[i]
		best := disc{at, r}
		if !free(best) {
			found := false
			for ring := 1; ring <= markerRings && !found && budget > 0; ring++ {
				dist := float64(ring) * r / 2
				for _, u := range ringDirections()[ring-1] {
					d := disc{Pt{at.X + dist*u.X, at.Y + dist*u.Y}, r}
					if free(d) {
						best, found = d, true
						break
					}
				}
			}
			if !found {
				crowded = append(crowded, mk.Number)
			}
		}
		kx, ky := key(best.c)
		grid[ky*cols+kx] = append(grid[ky*cols+kx], best)
		discs = append(discs, best)
	}
	var warnings []string // told by placeMarkers, each time it is asked
	warn := func(msg string) { warnings = append(warnings, msg) }
	switch {
	case len(crowded) == 1:
		warn("carte : pas de place pour le repère " + crowded[0] + " ; il en chevauche un autre")
	case len(crowded) > 1 && len(crowded) <= 5:
		warn("carte : pas de place pour les repères " + strings.Join(crowded, ", ") + " ; ils en chevauchent d’autres")
	case len(crowded) > 5:
		warn(fmt.Sprintf("carte : pas de place pour %s repères sur %s (dont %s…) ; ils en chevauchent d’autres : choisissez un territoire plus petit pour une carte lisible",
			texte.Number(len(crowded)), texte.Number(len(markers)), strings.Join(crowded[:3], ", ")))
	}
	return placedMarkers{discs, warnings, markerSearchBudget - budget}
}

// placedMarkers are the discs placeMarkers found, and its warnings.
type placedMarkers struct {
	discs    []disc
	warnings []string
	compared int // discs compared to find them
}

// markersKey identifies a placing of markers: the frame, the boxes taken,
// each marker's place and number.
func markersKey(markers []guide.Marker, f mapFrame, taken []rectangle) string {
	b := make([]byte, 0, 64+len(taken)*32+len(markers)*24)
	for _, v := range []float64{f.x, f.y, f.w, f.h, f.lon0, f.lat0, f.k, f.kx} {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	for _, t := range taken {
		for _, v := range []float64{t.x0, t.y0, t.x1, t.y1} {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	b = append(b, '|')
	for _, mk := range markers {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(mk.At.Lat))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(mk.At.Lon))
		b = append(append(b, mk.Number...), 0)
	}
	return string(b)
}

// markerRings is how many rings around its place a marker tries.
const markerRings = 60

// markerSearchBudget bounds the discs a placing compares in all, so that
// the work grows with the markers, not with their square: on a page of
// Hérault's 66 markers the search compares about 30 000; France's 30 000
// would compare billions.
const markerSearchBudget = 20_000_000

// ringDirections are the unit vectors of the spots tried on each ring:
// 8 on the first, 16 on the second, and so on.
var ringDirections = sync.OnceValue(func() [][]Pt {
	rings := make([][]Pt, markerRings)
	for ring := 1; ring <= markerRings; ring++ {
		steps := 8 * ring
		dirs := make([]Pt, steps)
		for s := range steps {
			a := 2 * math.Pi * float64(s) / float64(steps)
			dirs[s] = Pt{math.Cos(a), math.Sin(a)}
		}
		rings[ring-1] = dirs
	}
	return rings
})

// scaleBar chooses the longest scale bar no longer than maxW points, at
// perKm points per kilometre.
func scaleBar(scales []guide.Scale, perKm, maxW float64) (w float64, label string, ok bool) {
	for _, s := range scales {
		if bw := s.Km * perKm; bw <= maxW {
			w, label, ok = bw, s.Label, true
		}
	}
	return w, label, ok
}

// projectRings projects rings onto the page, oriented so that the nonzero
// rule the renderers fill with gives the even-odd reading of the outline:
// a ring inside an odd number of others turns the other way.
func projectRings(f mapFrame, rings [][]territoire.Point) [][]Pt {
	out := make([][]Pt, len(rings))
	for i, r := range rings {
		q := make([]Pt, len(r))
		for j, p := range r {
			q[j] = f.pt(p)
		}
		out[i] = q
	}
	for i, q := range out {
		if len(q) == 0 {
			continue
		}
		depth := 0
		for j, o := range out {
			if j != i && inRing(o, q[0]) {
				depth++
			}
		}
		if (area(q) > 0) != (depth%2 == 0) {
			slices.Reverse(q)
		}
	}
	return out
}

// clipRings cuts rings at the frame (Sutherland–Hodgman, edge by edge):
// what is drawn never leaves it.
func clipRings(rings [][]Pt, f mapFrame) [][]Pt {
	type edge struct {
		in  func(Pt) bool
		cut func(a, b Pt) Pt
	}
	at := func(a, b Pt, t float64) Pt { return Pt{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t} }
	x0, y0, x1, y1 := f.x, f.y, f.x+f.w, f.y+f.h
	edges := []edge{
		{func(p Pt) bool { return p.X >= x0 }, func(a, b Pt) Pt { return at(a, b, (x0-a.X)/(b.X-a.X)) }},
		{func(p Pt) bool { return p.X <= x1 }, func(a, b Pt) Pt { return at(a, b, (x1-a.X)/(b.X-a.X)) }},
		{func(p Pt) bool { return p.Y >= y0 }, func(a, b Pt) Pt { return at(a, b, (y0-a.Y)/(b.Y-a.Y)) }},
		{func(p Pt) bool { return p.Y <= y1 }, func(a, b Pt) Pt { return at(a, b, (y1-a.Y)/(b.Y-a.Y)) }},
	}
	var out [][]Pt
	for _, r := range rings {
		for _, e := range edges {
			var next []Pt
			for i, b := range r {
				a := r[(i+len(r)-1)%len(r)]
				switch {
				case e.in(b) && !e.in(a):
					next = append(next, e.cut(a, b), b)
				case e.in(b):
					next = append(next, b)
				case e.in(a):
					next = append(next, e.cut(a, b))
				}
			}
			r = next
			if len(r) == 0 {
				break
			}
		}
		if len(r) >= 3 {
			out = append(out, r)
		}
	}
	return out
}

func area(q []Pt) float64 {
	a := 0.0
	for i := range q {
		p, n := q[i], q[(i+1)%len(q)]
		a += p.X*n.Y - n.X*p.Y
	}
	return a / 2
}

func inRing(r []Pt, p Pt) bool {
	in := false
	j := len(r) - 1
	for i := range r {
		a, b := r[i], r[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
		j = i
	}
	return in
}
