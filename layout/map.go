package layout

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"sync"

	"livret/guide"
	"livret/territoire"
)

// Colours of the map: outlines in grey (decoration), the communes with
// places tinted, never needed to read it.
var (
	mapOutline = Color{120, 120, 120}
	mapTint    = Color{225, 232, 242}
	mapLeader  = Color{60, 60, 60}
)

// overviewMap is the map pages: the overview, its heading and
// introduction, then the map in all the room left on the page, as one
// Figure with the text alternative the guide gives; then, where markers
// crowd, a detail map for each frame drawn instead of them, on a page of
// its own (see planMap).
func (lc *context) overviewMap(m *guide.Map) []element {
	pl := lc.mapPlan(m)
	if len(pl.crowded) > 0 {
		lc.warn(guide.CrowdedWarning(pl.crowded, pl.crowdedOf))
	}
	var flow []element
	for i := range pl.views {
		if i > 0 {
			flow = append(flow, newPage{furniture: true})
		}
		v := &pl.views[i]
		w, _ := lc.mapWords(m, i, v.count, v.intro)
		flow = append(flow, lc.mapPage(w.title, w.anchor, w.intro)...)
		fig := lc.root.figure(w.alt)
		flow = append(flow, fill(func(p *pageWriter, x, y, h float64) { lc.drawMap(p, m, pl, i, fig) }))
	}
	return flow
}

// viewWords are the words of a map page: title, anchor, introduction and
// text alternative.
type viewWords struct{ title, anchor, intro, alt string }

// mapWords are the words of the page of view i showing count places, with
// the introduction of the kind asked, and the room they leave for the map:
// the page below its heading and introduction. An introduction that would
// leave the map less than two thirds of the page (A5, large type), a third
// for the overview's, is left out: the title and the labels say enough.
func (lc *context) mapWords(m *guide.Map, i, count int, intro introKind) (viewWords, rectangle) {
	w := viewWords{m.Title, m.Anchor, m.Intro, m.Alt}
	if i > 0 {
		n := strconv.Itoa(i)
		w = viewWords{guide.Fill(m.DetailTitle, "numero", n), detailAnchor(m, i),
			m.DetailIntro.Of(count), guide.Fill(m.DetailAlt.Of(count), "numero", n)}
	}
	switch intro {
	case introZones:
		w.intro = m.IntroZones
	case introNone:
		w.intro = ""
	}
	top, bottom := lc.frame()
	x := lc.th.Format.Margin
	room := func() rectangle {
		// Measured as the page will be laid out, on a tree of its own: the
		// page itself adds its heading to the document's.
		root := lc.root
		lc.root = &Node{Role: "Document"}
		defer func() { lc.root = root }()
		used := 0.0
		for _, e := range lc.mapPage(w.title, w.anchor, w.intro) {
			used += height(e)
		}
		return rectangle{x, top + used, x + lc.th.contentWidth(), bottom}
	}
	r := room()
	least := (bottom - top) * 2 / 3
	if i == 0 {
		least = (bottom - top) / 3 // the overview's tells how to read the maps
	}
	if r.y1-r.y0 < least && w.intro != "" {
		w.intro = ""
		r = room()
	}
	return w, r
}

// detailAnchor is the anchor of the page of detail map i.
func detailAnchor(m *guide.Map, i int) string { return m.Anchor + "-" + strconv.Itoa(i) }

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

// mapPlan is the plan of the map pages of m, the same in every pass: made
// once, with the room of each page (see mapWords), and remembered.
func (lc *context) mapPlan(m *guide.Map) *mapPlan {
	if pl, ok := lc.memo.maps[m]; ok {
		return pl
	}
	radii := make([]float64, len(m.Markers))
	for i, mk := range m.Markers {
		radii[i] = lc.markerRadius(mk.Number)
	}
	th := lc.th
	zs := lc.zoneStyle()
	pad := th.markerPad()
	// The planner asks the same rooms and labels again and again as it
	// cuts and merges frames: each is measured once.
	type roomKey struct {
		v, count int
		intro    introKind
	}
	rooms := map[roomKey]rectangle{}
	labels := map[int][2]float64{}
	pr := mapPlanner{
		markers: m.Markers,
		radii:   radii,
		room: func(v, count int, intro introKind) rectangle {
			k := roomKey{v, count, intro}
			r, ok := rooms[k]
			if !ok {
				_, r = lc.mapWords(m, v, count, intro)
				rooms[k] = r
			}
			return r
		},
		scale: func(f mapFrame) (mapScale, bool) { return lc.mapScale(m, f) },
		label: func(count int) (w, h float64) {
			if s, ok := labels[count]; ok {
				return s[0], s[1]
			}
			// Sized for a page number of three digits: the plan holds in
			// every pass, whatever the pages.
			a, b := lc.zoneLines(m, count, "000")
			w, h = max(zs.Face.Width(a, zs.Size), zs.Face.Width(b, zs.Size))+2*pad, 2*zs.Leading()+pad/2
			labels[count] = [2]float64{w, h}
			return w, h
		},
		details: m.DetailTitle != "",
	}
	sw, ne := mapBounds(m)
	seeking := pr
	seeking.seekClear = true
	pl := pr.plan(sw, ne)
	if len(m.Markers) <= clearPlanMarkers {
		// Planned again, the markers seeking spots whose leader lines
		// cross no other marker: kept when it takes fewer map pages, or
		// as many and crosses less. Seeking takes room, which may send
		// markers placed later to a frame, a page more: one plan is not
		// always better than the other.
		if cp := seeking.plan(sw, ne); len(cp.views) < len(pl.views) || len(cp.views) == len(pl.views) && cp.crossings() < pl.crossings() {
			pl = cp
		}
	}
	for _, c := range m.Communes {
		b := emptyGeoBox()
		for _, r := range c.Rings {
			for _, p := range r {
				b.grow(p)
			}
		}
		pl.boxes = append(pl.boxes, b)
	}
	lc.memo.maps[m] = pl
	return pl
}

// zoneStyle is the type of a frame's label: bold, at body size.
func (lc *context) zoneStyle() Style { st := lc.th.strong(); st.Color = lc.th.Accent; return st }

// zoneLines are the two lines of the label of a frame of count places,
// whose detail map is on page.
func (lc *context) zoneLines(m *guide.Map, count int, page string) (string, string) {
	st := lc.zoneStyle()
	return lc.printable(m.ZonePlaces.Of(count), st),
		lc.printable(guide.Fill(m.ZonePage, "page", page), st)
}

// mapBounds is the box of everything on the map: outlines and markers.
func mapBounds(m *guide.Map) (sw, ne territoire.Point) {
	b := emptyGeoBox()
	for _, c := range m.Communes {
		for _, r := range c.Rings {
			for _, p := range r {
				b.grow(p)
			}
		}
	}
	for _, mk := range m.Markers {
		b.grow(mk.At)
	}
	return b.sw, b.ne
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
	q := a.clamp(d.c)
	dx, dy := d.c.X-q.X, d.c.Y-q.Y
	return dx*dx+dy*dy < (d.r+1)*(d.r+1)
}

// drawMap draws view i of the plan in its frame: outlines (cut at the
// frame), scale bar, the frames of the crowded parts with their labels,
// the markers (moved aside, with a leader line, where they would
// overlap), then the names of the communes that have room.
func (lc *context) drawMap(p *pageWriter, m *guide.Map, pl *mapPlan, i int, fig *Node) {
	th := lc.th
	v := &pl.views[i]
	f := v.f
	x, y, w, h := f.x, f.y, f.w, f.h
	west, north := f.lon0, f.lat0
	east, south := west+w/f.kx, north-h/f.k
	var all, tinted [][]Pt
	for ci, c := range m.Communes {
		if b := pl.boxes[ci]; b.ne.Lon < west || b.sw.Lon > east || b.ne.Lat < south || b.sw.Lat > north {
			continue // off this map: a detail map shows a few communes of many
		}
		rings := clipRings(projectRings(f, c.Rings), f)
		all = append(all, rings...)
		if c.Places {
			tinted = append(tinted, rings...)
		}
	}
	p.add(&Path{Lines: tinted, Closed: true, Fill: &mapTint, node: fig})
	p.add(&Path{Lines: all, Closed: true, Stroke: &mapOutline, Width: 0.6, node: fig})

	st := th.body()
	var taken []rectangle
	// The scale bar, bottom left.
	if v.hasScale {
		sc := v.scale
		by := y + h - 4
		p.add(&Rect{X: x, Y: by - 4, W: sc.bar, H: 4, Fill: th.Text, node: fig})
		p.add(&Text{X: x, Y: by - 8 - st.Face.Descent(st.Size), Face: st.Face, Size: st.Size, Color: th.Text, S: sc.label, Width: sc.width, node: fig})
		taken = append(taken, sc.box)
	}
	// The frames of the crowded parts, under the markers; a label that
	// found room only outside its frame is tied to it by a line.
	for _, z := range v.zones {
		b := z.box
		p.add(&Path{Lines: [][]Pt{{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}}}, Closed: true,
			Stroke: &th.Accent, Width: 1.5, node: fig})
		if !z.label.overlaps(b) {
			c := z.label.middle()
			at := b.clamp(c)
			from := z.label.clamp(at)
			p.add(&Path{Lines: [][]Pt{{from, at}}, Stroke: &th.Accent, Width: 1.5, node: fig})
		}
	}
	for i, mk := range v.markers {
		d := v.discs[i]
		at := f.pt(mk.At)
		if movedAside(at, d) {
			// Moved aside: a line from where the place is to its number.
			p.add(&Path{Lines: [][]Pt{{at, d.c}}, Stroke: &mapLeader, Width: 1, node: fig})
			p.add(&Rect{X: at.X - 2, Y: at.Y - 2, W: 4, H: 4, Radius: 2, Fill: mapLeader, node: fig})
		}
	}
	ms := Style{Face: th.Family.Bold, Size: th.Size, Color: White}
	for i, mk := range v.markers {
		d := v.discs[i]
		p.add(&Rect{X: d.c.X - d.r, Y: d.c.Y - d.r, W: 2 * d.r, H: 2 * d.r, Radius: d.r, Fill: th.Accent, node: fig})
		s := lc.printable(mk.Number, ms)
		sw := ms.Face.Width(s, ms.Size)
		p.add(&Text{X: d.c.X - sw/2, Y: d.c.Y + ms.Face.CapHeight(ms.Size)/2, Face: ms.Face, Size: ms.Size, Color: White, S: s, Width: sw, node: fig})
	}
	// A label: the frame's colour around the page's, its two lines
	// centred in it.
	zs := lc.zoneStyle()
	for _, z := range v.zones {
		b := z.label
		p.add(&Rect{X: b.x0, Y: b.y0, W: b.x1 - b.x0, H: b.y1 - b.y0, Radius: 4, Fill: th.Accent, node: fig})
		p.add(&Rect{X: b.x0 + 2, Y: b.y0 + 2, W: b.x1 - b.x0 - 4, H: b.y1 - b.y0 - 4, Radius: 3, Fill: th.Background, node: fig})
		one, two := lc.zoneLines(m, z.count, lc.pageRef(detailAnchor(m, z.view)))
		base := (b.y0+b.y1)/2 - zs.Leading() + zs.Face.Ascent(zs.Size) + (zs.Leading()-zs.Face.Ascent(zs.Size)-zs.Face.Descent(zs.Size))/2
		for k, s := range []string{one, two} {
			sw := zs.Face.Width(s, zs.Size)
			p.add(&Text{X: (b.x0 + b.x1 - sw) / 2, Y: base + float64(k)*zs.Leading(), Face: zs.Face, Size: zs.Size, Color: zs.Color, S: s, Width: sw, node: fig})
		}
		taken = append(taken, b)
	}

	// Names at body size (never smaller), centred on their commune or
	// just above or below it, clear of the markers, the labels, the
	// scale bar and each other; the names that find no room are left out.
	near := newDiscIndex(v.discs)
	for _, c := range m.Communes {
		at := f.pt(c.Label)
		if !f.in(at) {
			continue
		}
		s := lc.printable(c.Name, st)
		lw := st.Face.Width(s, st.Size)
		lh := st.Leading()
		for _, dy := range []float64{0, -lh * 0.8, lh * 0.8} {
			box := rectangle{at.X - lw/2, at.Y + dy - lh/2, at.X + lw/2, at.Y + dy + lh/2}
			if box.x0 < x || box.x1 > x+w || box.y0 < y || box.y1 > y+h ||
				slices.ContainsFunc(taken, box.overlaps) || near.touches(box) {
				continue
			}
			taken = append(taken, box)
			p.add(&Text{X: box.x0, Y: at.Y + dy + st.Face.CapHeight(st.Size)/2, Face: st.Face, Size: st.Size, Color: th.Text, S: s, Width: lw, node: fig})
			break
		}
	}
}

// discIndex finds the discs a box touches among many: the discs sorted by
// the left of their extent, searched from the box's left edge.
type discIndex struct {
	discs []disc
	r     float64 // the largest radius
}

func newDiscIndex(discs []disc) discIndex {
	ix := discIndex{discs: slices.Clone(discs)}
	for _, d := range discs {
		ix.r = max(ix.r, d.r)
	}
	slices.SortFunc(ix.discs, func(a, b disc) int { return cmp.Compare(a.c.X, b.c.X) })
	return ix
}

func (ix discIndex) touches(b rectangle) bool {
	lo, _ := slices.BinarySearchFunc(ix.discs, b.x0-ix.r-1, func(d disc, x float64) int { return cmp.Compare(d.c.X, x) })
	for _, d := range ix.discs[lo:] {
		if d.c.X > b.x1+ix.r+1 {
			return false
		}
		if b.touches(d) {
			return true
		}
	}
	return false
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

// mapPlan is the map pages: views[0] the overview, then the detail maps
// in page order.
type mapPlan struct {
	views []mapView
	boxes []geoBox // of each commune of the map: a view draws only those it shows
	// crowded are the numbers of the markers drawn over others, on maps
	// of crowdedOf markers in all: the maker is told once.
	crowded   []string
	crowdedOf int
}

// A mapView is one map of the map pages: the part of the territory it
// shows, in the frame of its page; the markers drawn on it, each at its
// disc; the crowded parts, drawn as frames instead of their markers.
type mapView struct {
	f        mapFrame
	count    int // the places it shows, those of its frames included
	intro    introKind
	crowded  []string // the numbers of its markers drawn over others, if it must
	markers  []guide.Marker
	discs    []disc // of the markers, in their order
	zones    []mapZone
	scale    mapScale
	hasScale bool
}

// A mapZone is a frame of a view: the box of its places on the view, and
// the label that says how many they are and the page of the view that
// shows them.
type mapZone struct {
	box, label rectangle
	count      int
	view       int
}

// geoBox is a box of degrees.
type geoBox struct{ sw, ne territoire.Point }

// emptyGeoBox is the box that any point grows.
func emptyGeoBox() geoBox {
	return geoBox{territoire.Point{Lat: math.Inf(1), Lon: math.Inf(1)}, territoire.Point{Lat: math.Inf(-1), Lon: math.Inf(-1)}}
}

func (b *geoBox) grow(p territoire.Point) {
	b.sw.Lat, b.sw.Lon = min(b.sw.Lat, p.Lat), min(b.sw.Lon, p.Lon)
	b.ne.Lat, b.ne.Lon = max(b.ne.Lat, p.Lat), max(b.ne.Lon, p.Lon)
}

// mapPlanner plans the map pages (see plan). It knows nothing of the
// layout but what its functions measure, so that it may be tested alone.
type mapPlanner struct {
	markers []guide.Marker
	radii   []float64 // of each marker's disc
	// room is the frame of the page of view v showing count places, the
	// introduction of the kind given.
	room  func(v, count int, intro introKind) rectangle
	scale func(f mapFrame) (mapScale, bool) // the scale bar of a frame
	label func(count int) (w, h float64)    // the size of a frame's label
	// details: crowded places may go to detail maps. Without, or past
	// maxMapViews, they are moved aside as far as it takes.
	details bool
	// seekClear: a marker moved aside seeks a spot whose leader line
	// crosses no other marker or label, and no line (see placeDiscs).
	seekClear bool
	views     []mapView
	budget    int // discs the searches may still compare, in all (see markerSearchBudget)
	// zonesLeft is how many frames the view being planned may have: the
	// map pages left for their detail maps.
	zonesLeft int
}

// plan plans the map pages. The overview shows the box from sw to ne;
// its markers go where their places are or, when that spot is taken,
// near it with a leader line. Where markers find no room, the places of
// the crowded part go into a frame, drawn with a label that says how many
// they are and the page of the detail map that shows the frame larger,
// which is planned the same way. Every marker is drawn on one view,
// overlapping none.
func (pr *mapPlanner) plan(sw, ne territoire.Point) *mapPlan {
	all := make([]int, len(pr.markers))
	for i := range all {
		all[i] = i
	}
	pr.budget = markerSearchBudget
	// Breadth first: the overview, its details, theirs; when the pages
	// run out (maxMapViews), the details of every part are as deep.
	type pending struct {
		parent, zone int // the frame that leads to it
		ids          []int
		b            geoBox
	}
	queue := []pending{{-1, 0, all, geoBox{sw, ne}}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		i, zones := pr.view(p.ids, p.b, len(pr.views)+len(queue))
		if p.parent >= 0 {
			pr.views[p.parent].zones[p.zone].view = i
		}
		for z, zn := range zones {
			queue = append(queue, pending{i, z, zn, pr.bounds(zn)})
		}
	}
	pl := &mapPlan{views: pr.views}
	for _, v := range pr.views {
		if len(v.crowded) > 0 {
			pl.crowded, pl.crowdedOf = append(pl.crowded, v.crowded...), pl.crowdedOf+v.count
		}
	}
	return pl
}

// maxMapViews bounds the map pages of n places: a detail map shows six
// places or more, on average (A5 at 24 pt, where a page holds few discs:
// the Charente's 178 places take 23 map pages), and there are 40 at most,
// for a guide of a région or of France.
func maxMapViews(n int) int { return min(4+n/6, 40) }

// minZoom is how much larger than its view a detail map shows a frame, at
// least: a frame that a page would not show larger is cut in two.
const minZoom = 1.5

// view plans the view of the markers ids (indices of pr.markers) showing
// the box b, planned views being planned or waiting, and returns its
// index and the markers of each of its frames, for the views to plan.
func (pr *mapPlanner) view(ids []int, b geoBox, planned int) (int, [][]int) {
	i := len(pr.views)
	pr.views = append(pr.views, mapView{})
	most := maxMapViews(len(pr.markers))
	pr.zonesLeft = most - planned - 1 // this one is a page too
	details := pr.details && len(ids) > 1 && pr.zonesLeft >= 2
	var zones [][]int
	// The overview's introduction tells what a frame is, once for all the
	// maps, and leaves less room for the map: laid out with it first,
	// since a map that has frames with it has them without.
	intro := introPlain
	if i == 0 && details {
		intro = introZones
	}
	for {
		v, zs := pr.lay(i, ids, b, intro, details)
		if intro == introZones && len(zs) == 0 {
			if w, wz := pr.lay(i, ids, b, introPlain, details); len(wz) == 0 {
				v, zs = w, wz
			}
		}
		pr.views[i], zones = v, zs
		if len(zones) != 1 || len(zones[0]) != len(ids) {
			break
		}
		// A map of one frame holding all its places shows nothing else.
		if nb := pr.bounds(ids); b != nb {
			b = nb // this one shows their part of the territory instead
			continue
		}
		if i == 0 {
			break // a detail map has more room than the overview
		}
		// Its frame's map would be this one again: more room, without
		// the introduction; or two frames, each of half the places; or,
		// when even these find no room, every marker drawn here, as it can.
		if intro != introNone {
			intro = introNone
			continue
		}
		if v, zs, ok := pr.halves(i, ids, b); ok && pr.zonesLeft >= 2 {
			pr.views[i], zones = v, zs
			break
		}
		pr.views[i], zones = pr.lay(i, ids, b, introNone, false)
		break
	}
	if planned+1+len(zones) > most {
		// More frames than pages left: this map draws them all.
		pr.views[i], zones = pr.lay(i, ids, b, introPlain, false)
	}
	return i, zones
}

// bounds is the box a detail map shows of the markers ids: theirs, with a
// margin, a kilometre across at least.
func (pr *mapPlanner) bounds(ids []int) geoBox {
	b := emptyGeoBox()
	for _, id := range ids {
		b.grow(pr.markers[id].At)
	}
	dLat, dLon := max((b.ne.Lat-b.sw.Lat)*0.08, 0.005), max((b.ne.Lon-b.sw.Lon)*0.08, 0.007)
	b.sw.Lat, b.sw.Lon, b.ne.Lat, b.ne.Lon = b.sw.Lat-dLat, b.sw.Lon-dLon, b.ne.Lat+dLat, b.ne.Lon+dLon
	return b
}

// draft is a frame of a view being planned: its markers (indices of the
// view's), their box on the view.
type draft struct {
	members []int
	box     rectangle
}

// lay plans view i of the markers ids, showing b: where each marker not
// in a frame goes, the frames and their labels (without details, none). It returns the view and
// the markers of each of its frames.
func (pr *mapPlanner) lay(i int, ids []int, b geoBox, intro introKind, details bool) (mapView, [][]int) {
	v, l, fixed := pr.start(i, ids, b, intro)
	split := false
	var free []int
	var discs []disc
	var labels []rectangle
	for {
		var ok bool
		labels, ok = l.placeLabels(fixed)
		if !ok {
			continue // two frames made one: place the labels again
		}
		free = free[:0]
		for k, z := range l.zoneOf {
			if z < 0 {
				free = append(free, k)
			}
		}
		var unplaced []int
		discs, unplaced = l.placeDiscs(free, append(slices.Clone(fixed), labels...), details, len(free))
		for k, fk := range free {
			l.prev[fk] = discs[k]
		}
		if len(unplaced) == 0 {
			if details && !split {
				split = true
				if l.split() {
					continue // more labels: place everything again
				}
			}
			break
		}
		if !details {
			var numbers []string
			for _, u := range unplaced {
				numbers = append(numbers, pr.markers[ids[free[u]]].Number)
			}
			v.crowded = numbers
			break
		}
		for k, u := range unplaced {
			unplaced[k] = free[u]
		}
		l.group(unplaced, !split)
		l.fewer()
	}
	if details {
		free, discs, labels = l.dissolve(free, discs, fixed, labels)
	}
	for k, fk := range free {
		v.markers = append(v.markers, pr.markers[ids[fk]])
		v.discs = append(v.discs, discs[k])
	}
	return v, l.frames(&v, labels)
}

// introKind is the introduction of a map page: the plain one, the one
// that tells what a frame is, none.
type introKind int

const (
	introPlain introKind = iota
	introZones
	introNone
)

// start begins the plan of view i of the markers ids showing b, with the
// introduction given: the view in its frame, with its scale bar; the plan
// of its markers, none in a frame yet; the boxes the scale bar takes.
func (pr *mapPlanner) start(i int, ids []int, b geoBox, intro introKind) (mapView, *layPlan, []rectangle) {
	r := pr.room(i, len(ids), intro)
	f := newMapFrame(b.sw, b.ne, r.x0, r.y0, r.x1-r.x0, r.y1-r.y0)
	v := mapView{f: f, count: len(ids), intro: intro}
	var fixed []rectangle
	if sc, ok := pr.scale(f); ok {
		v.scale, v.hasScale = sc, true
		fixed = append(fixed, sc.box)
	}
	l := &layPlan{pr: pr, f: f, ids: ids, pts: make([]Pt, len(ids)), radii: make([]float64, len(ids)), zoneOf: make([]int, len(ids)),
		prev: make([]disc, len(ids))}
	for k, id := range ids {
		l.pts[k], l.radii[k], l.zoneOf[k] = f.pt(pr.markers[id].At), pr.radii[id], -1
		l.reach = max(l.reach, 3*(2*l.radii[k]+1))
	}
	return v, l, fixed
}

// frames writes the frames of the plan into the view, with their labels,
// and returns the markers of each (indices of the planner's).
func (l *layPlan) frames(v *mapView, labels []rectangle) [][]int {
	var members [][]int
	for z, d := range l.zones {
		members = append(members, l.global(d.members))
		v.zones = append(v.zones, mapZone{box: d.box, label: labels[z], count: len(d.members)})
	}
	return members
}

// halves plans view i of the markers ids showing b as two frames of half
// the places each, cut along the longer side of their places, without
// introduction; false when the two labels find no room.
func (pr *mapPlanner) halves(i int, ids []int, b geoBox) (mapView, [][]int, bool) {
	v, l, fixed := pr.start(i, ids, b, introNone)
	all := make([]int, len(ids))
	for k := range all {
		all[k] = k
	}
	l.zones = []draft{{members: all, box: l.box(all)}}
	l.renumber()
	l.cut(0)
	labels, ok := l.placeLabels(fixed)
	if !ok {
		return v, nil, false
	}
	return v, l.frames(&v, labels), true
}

// layPlan is a view being planned: its frame, its markers (indices of the
// planner's), where their places are on the view, their radii, and the
// frame each is in (-1: none).
type layPlan struct {
	pr     *mapPlanner
	f      mapFrame
	ids    []int
	pts    []Pt
	radii  []float64
	zoneOf []int
	zones  []draft
	reach  float64 // how near a crowded marker joins a frame or another
	// prev is where each marker was placed last (radius 0: nowhere): a
	// marker that the frames made since leave clear stays there.
	prev []disc
}

// placeLabels puts the label of each frame at the middle of its box or,
// when that spot is taken, at the nearest free spot around it, inside the
// frame and clear of the boxes fixed and of each other. When labels find
// no room, their frames join the nearest ones, and placeLabels reports
// false.
func (l *layPlan) placeLabels(fixed []rectangle) ([]rectangle, bool) {
	f := l.f
	var labels []rectangle
	var lost []int // the frames whose labels found no room
	for z, d := range l.zones {
		w, h := l.pr.label(len(d.members))
		cx, cy := (d.box.x0+d.box.x1)/2, (d.box.y0+d.box.y1)/2
		clear := func(b rectangle) bool {
			if b.x0 < f.x || b.x1 > f.x+f.w || b.y0 < f.y || b.y1 > f.y+f.h {
				return false
			}
			g := rectangle{b.x0 - 2, b.y0 - 2, b.x1 + 2, b.y1 + 2}
			return !slices.ContainsFunc(fixed, g.overlaps) && !slices.ContainsFunc(labels, g.overlaps)
		}
		// Its middle in no other frame's box, that it would seem to
		// label, where there is room for that.
		elsewhere := func(c Pt) bool {
			return slices.ContainsFunc(l.zones, func(o draft) bool { return o.box != d.box && o.box.contains(c) })
		}
		found := false
		for _, strict := range []bool{true, false} {
			for c := range labelSpots(f, w, h, Pt{cx, cy}) {
				if b := (rectangle{c.X - w/2, c.Y - h/2, c.X + w/2, c.Y + h/2}); clear(b) && !(strict && elsewhere(c)) {
					labels, found = append(labels, b), true
					break
				}
			}
			if found {
				break
			}
		}
		if found {
			continue
		}
		if len(l.zones) > 1 {
			lost = append(lost, z)
			labels = append(labels, rectangle{}) // none, in its place
			continue
		}
		// A frame alone, and no room: a frame smaller than its label.
		x, y := min(max(cx-w/2, f.x), f.x+f.w-w), min(max(cy-h/2, f.y), f.y+f.h-h)
		labels = append(labels, rectangle{x, y, x + w, y + h})
	}
	if len(lost) == 0 {
		return labels, true
	}
	// Each frame without room joins its nearest, all at once: a map of
	// hundreds of frames would place its labels again for each.
	u := newUnionFind(len(l.zones))
	for _, z := range lost {
		u.union(l.nearestZone(z), z)
	}
	l.regroup(u)
	return nil, false
}

// regroup makes one frame of each group of frames of u.
func (l *layPlan) regroup(u unionFind) {
	var zones []draft
	for _, g := range u.groups() {
		var d draft
		for _, z := range g {
			d.members = append(d.members, l.zones[z].members...)
		}
		d.box = l.box(d.members)
		zones = append(zones, d)
	}
	l.zones = zones
	l.renumber()
}

// fewer makes one of the nearest frames, pair by pair, until there are no
// more than the pages left for their maps (see mapPlanner.zonesLeft).
func (l *layPlan) fewer() {
	for most := max(l.pr.zonesLeft, 1); len(l.zones) > most; {
		type pair struct {
			a, b int
			d    float64
		}
		var pairs []pair
		for z := range l.zones {
			o := l.nearestZone(z)
			a, b := l.zones[z].box.middle(), l.zones[o].box.middle()
			pairs = append(pairs, pair{z, o, math.Hypot(a.X-b.X, a.Y-b.Y)})
		}
		slices.SortFunc(pairs, func(p, q pair) int { return cmp.Compare(p.d, q.d) })
		u := newUnionFind(len(l.zones))
		excess := len(l.zones) - most
		for _, p := range pairs {
			if excess > 0 && u.find(p.a) != u.find(p.b) {
				u.union(p.a, p.b)
				excess--
			}
		}
		l.regroup(u)
	}
}

// labelSpots are the middles of the spots a label of w by h may take in
// the frame: at first, at, and round it on rings a half of its height
// apart, then the whole frame, on a grid of a quarter of its height,
// nearest to at first; yield stops them.
func labelSpots(f mapFrame, w, h float64, at Pt) func(yield func(Pt) bool) {
	return func(yield func(Pt) bool) {
		if !yield(at) {
			return
		}
		for ring := 1; ring <= labelRings; ring++ {
			dist := float64(ring) * h / 2
			for _, u := range ringDirections()[ring-1] {
				if !yield(Pt{at.X + dist*u.X, at.Y + dist*u.Y}) {
					return
				}
			}
		}
		var spots []Pt
		along := func(lo, hi, step float64) []float64 {
			var v []float64
			for x := lo; x < hi; x += step {
				v = append(v, x)
			}
			return append(v, hi)
		}
		step := max(h/4, 1)
		for _, x := range along(f.x+w/2, f.x+f.w-w/2, step) {
			for _, y := range along(f.y+h/2, f.y+f.h-h/2, step) {
				spots = append(spots, Pt{x, y})
			}
		}
		dist := func(p Pt) float64 { return (p.X-at.X)*(p.X-at.X) + (p.Y-at.Y)*(p.Y-at.Y) }
		slices.SortStableFunc(spots, func(a, b Pt) int { return cmp.Compare(dist(a), dist(b)) })
		for _, p := range spots {
			if !yield(p) {
				return
			}
		}
	}
}

// labelRings is how many rings round its frame's middle a label tries
// before the whole frame.
const labelRings = 6

// nearestZone is the frame whose box's middle is nearest that of frame z.
func (l *layPlan) nearestZone(z int) int {
	best, bd := -1, math.Inf(1)
	c := l.zones[z].box.middle()
	for o, d := range l.zones {
		if m := d.box.middle(); o != z && math.Hypot(m.X-c.X, m.Y-c.Y) < bd {
			best, bd = o, math.Hypot(m.X-c.X, m.Y-c.Y)
		}
	}
	return best
}

// renumber writes in zoneOf the frame of each marker.
func (l *layPlan) renumber() {
	for k := range l.zoneOf {
		l.zoneOf[k] = -1
	}
	for z, d := range l.zones {
		for _, m := range d.members {
			l.zoneOf[m] = z
		}
	}
}

// box is the box of a frame of the markers members on the view: their
// places, with room for a disc around each, as large as the label at
// least, inside the frame.
func (l *layPlan) box(members []int) rectangle {
	b := rectangle{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, m := range members {
		p, r := l.pts[m], l.radii[m]
		b = rectangle{min(b.x0, p.X-r), min(b.y0, p.Y-r), max(b.x1, p.X+r), max(b.y1, p.Y+r)}
	}
	w, h := l.pr.label(len(members))
	if dx := w - (b.x1 - b.x0); dx > 0 {
		b.x0, b.x1 = b.x0-dx/2, b.x1+dx/2
	}
	if dy := h - (b.y1 - b.y0); dy > 0 {
		b.y0, b.y1 = b.y0-dy/2, b.y1+dy/2
	}
	f := l.f
	return rectangle{max(b.x0, f.x), max(b.y0, f.y), min(b.x1, f.x+f.w), min(b.y1, f.y+f.h)}
}

func (a rectangle) middle() Pt { return Pt{(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2} }

// distance is how far p is from the box a (0 inside).
func (a rectangle) distance(p Pt) float64 {
	q := a.clamp(p)
	return math.Hypot(p.X-q.X, p.Y-q.Y)
}

// clamp is the point of a nearest to p.
func (a rectangle) clamp(p Pt) Pt {
	return Pt{max(a.x0, min(p.X, a.x1)), max(a.y0, min(p.Y, a.y1))}
}

func (a rectangle) contains(p Pt) bool {
	return p.X >= a.x0 && p.X <= a.x1 && p.Y >= a.y0 && p.Y <= a.y1
}

// group puts the markers crowded (that found no room) into frames. With
// merge, each joins the nearest frame within reach or starts one with the
// crowded markers within reach of it; the frames then take in the
// markers whose places lie in their boxes, and frames whose boxes
// overlap make one. Without merge (once the frames are cut to be shown
// larger, side by side), each joins the nearest frame, whose box grows to
// take it in.
func (l *layPlan) group(crowded []int, merge bool) {
	var seeds []int
	for _, u := range crowded {
		best, bd := -1, l.reach
		if !merge {
			bd = math.Inf(1)
		}
		for z, d := range l.zones {
			if dist := d.box.distance(l.pts[u]); dist <= bd {
				best, bd = z, dist
			}
		}
		if best < 0 {
			seeds = append(seeds, u)
			continue
		}
		l.zones[best].members = append(l.zones[best].members, u)
		l.zoneOf[u] = best
		if !merge {
			p, r, b, f := l.pts[u], l.radii[u], &l.zones[best].box, l.f
			*b = rectangle{max(min(b.x0, p.X-r), f.x), max(min(b.y0, p.Y-r), f.y), min(max(b.x1, p.X+r), f.x+f.w), min(max(b.y1, p.Y+r), f.y+f.h)}
		}
	}
	for _, c := range clusters(l.pts, seeds, l.reach) {
		l.zones = append(l.zones, draft{members: c})
	}
	l.renumber()
	for changed := true; changed; {
		changed = false
		if merge {
			for z := range l.zones {
				l.zones[z].box = l.box(l.zones[z].members)
			}
			changed = l.mergeOverlapping()
		}
		for k, z := range l.zoneOf {
			if z >= 0 {
				continue
			}
			for o, d := range l.zones {
				if d.box.contains(l.pts[k]) {
					l.zones[o].members = append(l.zones[o].members, k)
					l.zoneOf[k] = o
					changed = merge
					break
				}
			}
		}
	}
}

// mergeOverlapping makes one of the frames whose boxes overlap, at once
// (a métropole on a map of France has hundreds of frames), and reports
// whether there were any.
func (l *layPlan) mergeOverlapping() bool {
	u := newUnionFind(len(l.zones))
	merged := false
	for a := range l.zones {
		for b := a + 1; b < len(l.zones); b++ {
			if u.find(a) != u.find(b) && l.zones[a].box.overlaps(l.zones[b].box) {
				u.union(a, b)
				merged = true
			}
		}
	}
	if merged {
		l.regroup(u)
	}
	return merged
}

// unionFind is a partition of 0…n-1 into groups, joined two at a time.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find is the representative of the group of i.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the groups of a and b.
func (u unionFind) union(a, b int) { u[u.find(b)] = u.find(a) }

// groups are the groups, each in increasing order, in the order of their
// first member.
func (u unionFind) groups() [][]int {
	var out [][]int
	index := map[int]int{}
	for i := range u {
		r := u.find(i)
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// clusters are the groups of the points pts[ids] linked by distances of
// reach at most (single linkage), found through a grid of cells whose
// points are all within reach of each other: a point joins the group of
// its cell, and of each cell near that has a point within reach of it.
func clusters(pts []Pt, ids []int, reach float64) [][]int {
	u := newUnionFind(len(ids))
	side := reach / math.Sqrt2
	type cell struct{ x, y int }
	at := func(p Pt) cell { return cell{int(math.Floor(p.X / side)), int(math.Floor(p.Y / side))} }
	grid := map[cell][]int{}
	for i, id := range ids {
		p, c := pts[id], at(pts[id])
		for dx := -2; dx <= 2; dx++ {
			for dy := -2; dy <= 2; dy++ {
				n := cell{c.x + dx, c.y + dy}
				near := rectangle{float64(n.x) * side, float64(n.y) * side, float64(n.x+1) * side, float64(n.y+1) * side}
				if near.distance(p) > reach {
					continue
				}
				for _, j := range grid[n] {
					if u.find(j) == u.find(i) {
						break // the cell's points are one group
					}
					if q := pts[ids[j]]; (p.X-q.X)*(p.X-q.X)+(p.Y-q.Y)*(p.Y-q.Y) <= reach*reach {
						u.union(i, j)
						break
					}
				}
			}
		}
		grid[c] = append(grid[c], i)
	}
	out := u.groups()
	for _, g := range out {
		for k, i := range g {
			g[k] = ids[i]
		}
	}
	return out
}

// split cuts in two, at the median of their places along the longer side,
// the frames that a detail map would not show minZoom times larger than
// view i does, or that hold all its places, until each is shown larger or
// gathers places within a few discs of each other (a detail map spreads
// those round their spot). It reports whether it cut any.
func (l *layPlan) split() bool {
	cut := false
	for z := 0; z < len(l.zones) && len(l.zones) < l.pr.zonesLeft; z++ {
		d := l.zones[z]
		if len(d.members) < 2 {
			continue
		}
		child := l.childFrame(d.members)
		if child.k >= minZoom*l.f.k && len(d.members) < len(l.ids) || l.extent(d.members) <= 2*l.reach/3 {
			continue
		}
		l.cut(z)
		cut = true
		z-- // its first half may need cutting again
	}
	return cut
}

// childFrame is the frame of the detail map that would show the places
// of the markers members.
func (l *layPlan) childFrame(members []int) mapFrame {
	ids := l.global(members)
	r, b := l.pr.room(len(l.pr.views), len(ids), introPlain), l.pr.bounds(ids)
	return newMapFrame(b.sw, b.ne, r.x0, r.y0, r.x1-r.x0, r.y1-r.y0)
}

// global turns the markers members of the view into the planner's
// indices.
func (l *layPlan) global(members []int) []int {
	ids := make([]int, len(members))
	for k, m := range members {
		ids[k] = l.ids[m]
	}
	return ids
}

// span is the box of the places of the markers members on the view.
func (l *layPlan) span(members []int) (lo, hi Pt) {
	lo, hi = Pt{math.Inf(1), math.Inf(1)}, Pt{math.Inf(-1), math.Inf(-1)}
	for _, m := range members {
		p := l.pts[m]
		lo, hi = Pt{min(lo.X, p.X), min(lo.Y, p.Y)}, Pt{max(hi.X, p.X), max(hi.Y, p.Y)}
	}
	return lo, hi
}

// extent is the longer side of the box of the places of the markers
// members on the view.
func (l *layPlan) extent(members []int) float64 {
	lo, hi := l.span(members)
	return max(hi.X-lo.X, hi.Y-lo.Y)
}

// stacked reports whether the places of the markers members lie so near
// each other that even their detail map would show them on one spot.
func (l *layPlan) stacked(members []int) bool {
	child := l.childFrame(members)
	return l.extent(members)*child.k/l.f.k <= 2*l.reach/3
}

// cut cuts frame z in two, at the median of its places along the longer
// side of their box: the first half stays frame z, the second is the last
// frame. The two boxes share the side where the box is cut, between the
// halves: frames side by side, as an atlas's pages.
func (l *layPlan) cut(z int) {
	d := l.zones[z]
	lo, hi := l.span(d.members)
	tall := hi.Y-lo.Y > hi.X-lo.X
	along := func(p Pt) float64 { return p.X }
	if tall {
		along = func(p Pt) float64 { return p.Y }
	}
	members := slices.Clone(d.members)
	slices.SortFunc(members, func(a, b int) int { return cmp.Or(cmp.Compare(along(l.pts[a]), along(l.pts[b])), cmp.Compare(a, b)) })
	half := len(members) / 2
	at := (along(l.pts[members[half-1]]) + along(l.pts[members[half]])) / 2
	first, second := d.box, d.box
	if tall {
		first.y1, second.y0 = at, at
	} else {
		first.x1, second.x0 = at, at
	}
	l.zones[z] = draft{members: members[:half:half], box: first}
	l.zones = append(l.zones, draft{members: members[half:], box: second})
	l.renumber()
}

// placeDiscs puts each marker free (indices of the view's) where its
// place is or, when that spot is taken, at the nearest free spot around it
// (on rings of growing radius), inside the frame and clear of the boxes
// taken. It returns the discs, in the order of free, and those of the
// markers that found no room (indices of free). With details, the search
// stays near the place, a little farther for the markers from far on (the
// crowded markers go to a frame), and a marker without room takes none;
// without, it searches far, and a marker finding no room at all stays
// where its place is, over another.
//
// A crowded map tries thousands of spots per marker: the discs placed are
// held in a grid of cells as wide as two discs, so that a spot is checked
// against the few discs near it only, and the directions of the rings are
// computed once.
func (l *layPlan) placeDiscs(free []int, taken []rectangle, details bool, far int) ([]disc, []int) {
	f := l.f
	discs := make([]disc, len(free))
	if len(free) == 0 {
		return discs, nil
	}
	cell := 1.0
	for _, k := range free {
		cell = max(cell, 2*l.radii[k]+1) // discs farther apart than this never overlap
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
	// finds no room.
	budget := &l.pr.budget
	x0, y0, x1, y1 := f.x, f.y, f.x+f.w, f.y+f.h
	// The leader lines drawn, from a place to its marker moved aside, in
	// the cells their box covers: a reader follows one from the place to
	// its number, so, seeking clear spots (pr.seekClear), a marker goes where
	// its line passes under no other marker or label, and over no line;
	// only where no such spot is near its first free one does it take
	// that one, rather than go to a frame (a page more). Only a plan
	// seeking clear spots keeps them: no other reads them.
	var leaders [][2]Pt
	var lgrid [][]int
	if l.pr.seekClear {
		lgrid = make([][]int, cols*rows)
	}
	cells := func(lo, hi Pt, each func(i int) bool) bool {
		kx0, ky0 := key(lo)
		kx1, ky1 := key(hi)
		for y := ky0; y <= ky1; y++ {
			for x := kx0; x <= kx1; x++ {
				if !each(y*cols + x) {
					return false
				}
			}
		}
		return true
	}
	addLeader := func(at Pt, d disc) {
		if !l.pr.seekClear || !movedAside(at, d) {
			return
		}
		leaders = append(leaders, [2]Pt{at, d.c})
		lo, hi := Pt{min(at.X, d.c.X), min(at.Y, d.c.Y)}, Pt{max(at.X, d.c.X), max(at.Y, d.c.Y)}
		cells(lo, hi, func(i int) bool { lgrid[i] = append(lgrid[i], len(leaders)-1); return true })
	}
	isFree := func(d disc) bool {
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
				*budget -= len(near)
				for _, e := range near {
					if d.overlaps(e) {
						return false
					}
				}
			}
		}
		return true
	}
	isClear := func(d disc, at Pt) bool {
		if !l.pr.seekClear {
			return true
		}
		// Over no leader line drawn before…
		r := Pt{d.r + 1, d.r + 1}
		if !cells(Pt{d.c.X - r.X, d.c.Y - r.Y}, Pt{d.c.X + r.X, d.c.Y + r.Y}, func(i int) bool {
			*budget -= len(lgrid[i])
			for _, k := range lgrid[i] {
				if segmentDistance(d.c, leaders[k][0], leaders[k][1]) < d.r+1 {
					return false
				}
			}
			return true
		}) {
			return false
		}
		if !movedAside(at, d) {
			return true
		}
		// … and its own passes under no marker, but one over its place,
		// and no label it does not start under.
		for _, t := range taken {
			if !t.contains(at) && t.crosses(at, d.c) {
				return false
			}
		}
		lo := Pt{min(at.X, d.c.X) - cell, min(at.Y, d.c.Y) - cell}
		hi := Pt{max(at.X, d.c.X) + cell, max(at.Y, d.c.Y) + cell}
		return cells(lo, hi, func(i int) bool {
			*budget -= len(grid[i])
			for _, e := range grid[i] {
				if e.under(at, d.c, 1) {
					return false
				}
			}
			return true
		})
	}
	// The markers placed before, clear of what is taken now, go first
	// where they were: the frames made since only took markers away, and
	// placing them again would find the same spots, or as good.
	reused := make([]bool, len(free))
	for i, k := range free {
		if d := l.prev[k]; d.r > 0 && l.zoneOf[k] < 0 && !slices.ContainsFunc(taken, func(t rectangle) bool { return t.touches(d) }) {
			kx, ky := key(d.c)
			grid[ky*cols+kx] = append(grid[ky*cols+kx], d)
			discs[i], reused[i] = d, true
			addLeader(l.pts[k], d)
		}
	}
	var crowded []int
	for i, k := range free {
		if reused[i] {
			continue
		}
		rings := markerFarRings
		switch {
		case details && i < far:
			rings = markerNearRings
		case details:
			rings = markerDissolveRings
		}
		at, r := l.pts[k], l.radii[k]
		best := disc{at, r}
		if !isFree(best) {
			found := false
			var near disc // the first free spot, whose line may cross
			nearRing := 0
			for ring := 1; ring <= rings && !found && *budget > 0; ring++ {
				if nearRing > 0 && ring > nearRing+clearRings {
					break
				}
				dist := float64(ring) * r / 2
				if rings == markerNearRings && ring > 4 {
					dist = float64(ring-2) * r // past two radii, a radius apart: half the spots
				}
				for _, u := range ringDirections()[ring-1] {
					d := disc{Pt{at.X + dist*u.X, at.Y + dist*u.Y}, r}
					if !isFree(d) {
						continue
					}
					if isClear(d, at) {
						best, found = d, true
						break
					}
					if nearRing == 0 {
						near, nearRing = d, ring
					}
				}
			}
			if !found && nearRing > 0 {
				best, found = near, true
			}
			if !found {
				crowded = append(crowded, i)
				if details {
					continue
				}
			}
		}
		kx, ky := key(best.c)
		grid[ky*cols+kx] = append(grid[ky*cols+kx], best)
		discs[i] = best
		addLeader(at, best)
	}
	return discs, crowded
}

// clearRings is how many rings farther than its first free spot a
// marker searches for one whose leader line crosses nothing, before it
// takes that first one: farther, it would take the room of the markers
// placed after it, and send them to frames, pages more.
const clearRings = 1

// clearPlanMarkers is the most markers a guide's maps have for them to
// be planned a second time (see mapPlan): a région's thousands are
// crowded in frames anyway.
const clearPlanMarkers = 2000

// crossings counts, on every view, the markers that a leader line not
// theirs passes under: a reader following the line from a place to its
// number would land on the wrong one.
func (pl *mapPlan) crossings() int {
	n := 0
	for _, v := range pl.views {
		for i, mk := range v.markers {
			at, d := v.f.pt(mk.At), v.discs[i]
			if !movedAside(at, d) {
				continue
			}
			for j, e := range v.discs {
				if j != i && e.under(at, d.c, 0) {
					n++
				}
			}
		}
	}
	return n
}

// movedAside tells whether the marker d of the place at is drawn away
// from it, with a leader line (see drawMap).
func movedAside(at Pt, d disc) bool { return math.Hypot(d.c.X-at.X, d.c.Y-at.Y) > d.r/2 }

// under tells whether the leader line from the place at to the marker c
// passes under the marker d, within margin of its disc, d not being over
// the place itself: the line starts under the marker there.
func (d disc) under(at, c Pt, margin float64) bool {
	return math.Hypot(d.c.X-at.X, d.c.Y-at.Y) >= d.r && segmentDistance(d.c, at, c) < d.r+margin
}

// segmentDistance is the distance from c to the segment from a to b.
func segmentDistance(c, a, b Pt) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((c.X-a.X)*dx+(c.Y-a.Y)*dy)/l))
	}
	return math.Hypot(c.X-(a.X+t*dx), c.Y-(a.Y+t*dy))
}

// crosses tells whether the segment from a to b passes through the
// rectangle (Liang–Barsky clipping).
func (r rectangle) crosses(a, b Pt) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [][2]float64{{-dx, a.X - r.x0}, {dx, r.x1 - a.X}, {-dy, a.Y - r.y0}, {dy, r.y1 - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// dissolve draws the markers of the small frames on the view, moved
// farther aside, when they all find room there: a page for a handful of
// places is a page more to turn. So it does, as far aside as it takes,
// for the places of a frame that lie on one spot (a commune's places that
// give no position but the commune's): no map shows them apart. It returns the markers drawn, their
// discs and the labels of the frames left.
func (l *layPlan) dissolve(free []int, discs []disc, fixed, labels []rectangle) ([]int, []disc, []rectangle) {
	for z := len(l.zones) - 1; z >= 0; z-- {
		d := l.zones[z]
		stacked := l.stacked(d.members)
		if len(d.members) > smallZone && !stacked {
			continue
		}
		others := slices.Delete(slices.Clone(labels), z, z+1)
		try := append(slices.Clone(free), d.members...)
		td, crowded := l.placeDiscs(try, append(slices.Clone(fixed), others...), !stacked, len(free))
		if len(crowded) > 0 {
			continue
		}
		free, discs, labels = try, td, others
		for k, m := range try {
			l.prev[m] = td[k] // where the next trial finds them
		}
		l.zones = slices.Delete(l.zones, z, z+1)
		l.renumber()
	}
	return free, discs, labels
}

// smallZone is the most places a frame holds that dissolve tries to draw
// on its view.
const smallZone = 6

// markerNearRings is how many rings around its place a marker tries when
// a frame may take it: its disc stays within three discs of its place;
// markerDissolveRings when it would be a small frame's (see dissolve):
// within four; markerFarRings when no frame may take it.
const markerNearRings, markerDissolveRings, markerFarRings = 8, 16, 60

// markerSearchBudget bounds the discs the placings of all the maps compare
// in all, so that the work grows with the markers, not with their square:
// on a page of Hérault's 66 markers the search compares about 30 000;
// France's 30 000 would compare billions.
const markerSearchBudget = 20_000_000

// ringDirections are the unit vectors of the spots tried on each ring:
// 8 on the first, 16 on the second, and so on.
var ringDirections = sync.OnceValue(func() [][]Pt {
	rings := make([][]Pt, markerFarRings)
	for ring := 1; ring <= len(rings); ring++ {
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
// a ring inside an odd number of others turns the other way. A point
// nearer than mapDetail to the last one kept is left out: on a map of
// France a commune is a few points across, its outline hundreds of
// vertices; a ring left with fewer than three is left out.
func projectRings(f mapFrame, rings [][]territoire.Point) [][]Pt {
	out := make([][]Pt, len(rings))
	for i, r := range rings {
		q := make([]Pt, 0, len(r))
		for _, p := range r {
			pt := f.pt(p)
			if n := len(q); n > 0 && math.Abs(pt.X-q[n-1].X)+math.Abs(pt.Y-q[n-1].Y) < mapDetail {
				continue
			}
			q = append(q, pt)
		}
		if len(q) < 3 {
			q = nil
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

// mapDetail is the least distance, in points, between the vertices of an
// outline drawn: a quarter of a point, below what a print shows.
const mapDetail = 0.25

// clipRings cuts rings at the frame (Sutherland–Hodgman, edge by edge):
// what is drawn never leaves it. A ring inside the frame is kept whole,
// one whose box is off the frame left out, without cutting.
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
		if len(r) < 3 {
			continue
		}
		lo, hi := r[0], r[0]
		for _, p := range r[1:] {
			lo, hi = Pt{min(lo.X, p.X), min(lo.Y, p.Y)}, Pt{max(hi.X, p.X), max(hi.Y, p.Y)}
		}
		if hi.X < x0 || lo.X > x1 || hi.Y < y0 || lo.Y > y1 {
			continue
		}
		if lo.X >= x0 && hi.X <= x1 && lo.Y >= y0 && hi.Y <= y1 {
			out = append(out, r)
			continue
		}
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
