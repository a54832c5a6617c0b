package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"livret/guide"
	"livret/territoire"
)

// gridMap is a map of a grid of square communes of about 2 km, and of
// places: most of them crowded into the middle commune, so that markers
// must move aside, the others spread out.
func gridMap(places int) *guide.Map {
	m := &guide.Map{Title: "Carte des lieux", Anchor: guide.MapAnchor, Alt: "Carte des lieux",
		DetailTitle: "Carte des lieux, détail {numero}", DetailAlt: guide.Counted{One: "Détail {numero}", Many: "Détail {numero}"},
		ZonePlaces: guide.Counted{One: "{nombre} lieu", Many: "{nombre} lieux"}, ZonePage: "voir page {page}"}
	const side = 0.02 // degrees
	for i := range 6 {
		for j := range 6 {
			lat, lon := 45.0+float64(i)*side, 5.0+float64(j)*side*1.4
			m.Communes = append(m.Communes, guide.MapCommune{
				Name:   fmt.Sprintf("Commune %d", i*6+j),
				Rings:  [][]territoire.Point{{{Lat: lat, Lon: lon}, {Lat: lat, Lon: lon + side*1.4}, {Lat: lat + side, Lon: lon + side*1.4}, {Lat: lat + side, Lon: lon}}},
				Label:  territoire.Point{Lat: lat + side/2, Lon: lon + side*0.7},
				Places: i == 3 && j == 3,
			})
		}
	}
	for n := range places {
		at := territoire.Point{Lat: 45.07 + float64(n%5)*0.0005, Lon: 5.09 + float64(n/5)*0.0005}
		if n%4 == 0 {
			at = territoire.Point{Lat: 45.0 + float64(n%6)*0.02, Lon: 5.0 + float64(n%7)*0.02}
		}
		m.Markers = append(m.Markers, guide.Marker{Number: fmt.Sprint(n + 1), At: at, Anchor: fmt.Sprintf("lieu-%d", n)})
	}
	for _, km := range []float64{1, 2, 5, 10} {
		m.Scales = append(m.Scales, guide.Scale{Km: km, Label: fmt.Sprintf("%g\u00a0km", km)})
	}
	return m
}

// TestOverviewMap lays out a map and checks it as a reader would: every
// place has one marker, on the overview or on a detail map that a frame
// of the overview leads to, inside the frame, none overlapping another,
// every name at 16 pt or more; and each map is one Figure with its
// alternative.
func TestOverviewMap(t *testing.T) {
	for _, size := range []float64{16, 24} {
		th, err := DefaultTheme()
		if err != nil {
			t.Fatal(err)
		}
		th.Size = size
		g := sampleGuide(6)
		const places = 80
		g.Map = gridMap(places)
		b, err := Guide(g, th)
		if err != nil {
			t.Fatal(err)
		}
		_, gth := prepare(g, th) // the frame of a guide's pages
		top, bottom := newContext(gth, nil, newMemo()).frame()
		frame := rectangle{th.Format.Margin, top, th.Format.Width - th.Format.Margin, bottom}
		seen := map[string]int{}
		checkMapPage(t, b, guide.MapAnchor, "Carte des lieux", frame, true, seen)
		// The crowded middle, larger, on pages of their own.
		details := 0
		for i := 1; ; i++ {
			if _, ok := b.Anchors[fmt.Sprintf("%s-%d", guide.MapAnchor, i)]; !ok {
				break
			}
			checkMapPage(t, b, fmt.Sprintf("%s-%d", guide.MapAnchor, i), "Détail", frame, false, seen)
			details++
		}
		if details == 0 || details > maxMapViews(places) {
			t.Errorf("%g pt: %d detail maps", size, details)
		}
		for n := 1; n <= places; n++ {
			if k := seen[fmt.Sprint(n)]; k != 1 {
				t.Errorf("%g pt: marker %d drawn %d times on the maps", size, n, k)
			}
		}
		if !hasText(b.Pages[b.Anchors["sommaire"].Page], "Carte des lieux") {
			t.Errorf("%g pt: the contents do not list the map", size)
		}
	}
}

// checkMapPage checks the map on the page of anchor: a Figure with its
// alternative, markers inside the frame and not overlapping each other or
// the labels of the frames, each number once, every name at 16 pt or
// more, and some names when names is set. It counts in seen the numbers
// of the markers drawn.
func checkMapPage(t *testing.T, b *Book, anchor, alt string, frame rectangle, names bool, seen map[string]int) {
	t.Helper()
	d, ok := b.Anchors[anchor]
	if !ok {
		t.Fatalf("no map page %s", anchor)
	}
	page := b.Pages[d.Page]
	var fig *Node
	for _, n := range b.Structure.Kids {
		if n.Role == "Figure" && strings.HasPrefix(n.Alt, alt) && fig == nil && pageHas(page, n) {
			fig = n
		}
	}
	if fig == nil {
		t.Fatalf("%s: the map is not a Figure with its alternative %q", anchor, alt)
	}
	var discs, labels []*Rect
	numbers := map[string]int{}
	var named, paths int
	for _, it := range page.Items {
		if it.Node() != fig {
			continue
		}
		switch it := it.(type) {
		case *Rect:
			if it.Radius > 0 && it.W > 5 && it.W == it.H && it.Radius == it.W/2 {
				discs = append(discs, it)
			} else if it.Radius == 4 {
				labels = append(labels, it)
			}
		case *Text:
			if it.Size < 16 {
				t.Errorf("%s: %q at %g pt", anchor, it.S, it.Size)
			}
			if it.Color == White {
				numbers[it.S]++
				seen[it.S]++
			} else if strings.HasPrefix(it.S, "Commune") {
				named++
			}
		case *Path:
			paths++
			lo, hi := it.Bounds()
			if len(it.Lines) > 0 && (lo.X < frame.x0 || hi.X > frame.x1 || lo.Y < frame.y0 || hi.Y > frame.y1) {
				t.Errorf("%s: drawing beyond the frame: %v %v", anchor, lo, hi)
			}
		}
	}
	if len(numbers) != len(discs) {
		t.Errorf("%s: %d markers, %d numbers", anchor, len(discs), len(numbers))
	}
	for n, k := range numbers {
		if k != 1 {
			t.Errorf("%s: marker %s printed %d times", anchor, n, k)
		}
	}
	for i, a := range discs {
		if a.X < frame.x0 || a.X+a.W > frame.x1 || a.Y < frame.y0 || a.Y+a.H > frame.y1 {
			t.Errorf("%s: marker at (%.0f, %.0f) outside the frame", anchor, a.X, a.Y)
		}
		for _, o := range discs[i+1:] {
			if math.Hypot(a.X+a.W/2-o.X-o.W/2, a.Y+a.H/2-o.Y-o.H/2) < (a.W+o.W)/2 {
				t.Errorf("%s: markers at (%.0f, %.0f) and (%.0f, %.0f) overlap", anchor, a.X, a.Y, o.X, o.Y)
			}
		}
		for _, l := range labels {
			if (rectangle{l.X, l.Y, l.X + l.W, l.Y + l.H}).touches(disc{Pt{a.X + a.W/2, a.Y + a.H/2}, a.W/2 - 1}) {
				t.Errorf("%s: marker at (%.0f, %.0f) under a frame's label", anchor, a.X, a.Y)
			}
		}
	}
	if names && named == 0 || paths < 2 {
		t.Errorf("%s: %d commune names, %d paths", anchor, named, paths)
	}
}

// pageHas reports whether something of the node n is drawn on the page.
func pageHas(p *Page, n *Node) bool {
	for _, it := range p.Items {
		if it.Node() == n {
			return true
		}
	}
	return false
}

func TestProjectRingsOrientation(t *testing.T) {
	f := mapFrame{k: 1, kx: 1, lat0: 10}
	sq := func(a, b float64) []territoire.Point {
		return []territoire.Point{{Lat: a, Lon: a}, {Lat: a, Lon: b}, {Lat: b, Lon: b}, {Lat: b, Lon: a}}
	}
	// An outer ring and a hole drawn the same way round.
	rings := projectRings(f, [][]territoire.Point{sq(0, 10), sq(3, 6)})
	if (area(rings[0]) > 0) == (area(rings[1]) > 0) {
		t.Error("the hole turns the same way as the outer ring: the nonzero rule would fill it")
	}
}

// testPlanner is a planner of the markers in a frame of 500 by 600
// points, a scale bar at its bottom left, labels of 100 by 50 points.
func testPlanner(markers []guide.Marker, details bool) *mapPlanner {
	radii := make([]float64, len(markers))
	for i, mk := range markers {
		radii[i] = max(13.5, 5*float64(len(mk.Number))+4.5)
	}
	return &mapPlanner{
		markers: markers,
		radii:   radii,
		room:    func(v, count int, intro introKind) rectangle { return rectangle{40, 120, 540, 720} },
		scale: func(f mapFrame) (mapScale, bool) {
			return mapScale{bar: 40, width: 40, label: "1 km", box: rectangle{f.x, f.y + f.h - 40, f.x + 40, f.y + f.h}}, true
		},
		label:   func(count int) (float64, float64) { return 100, 50 },
		details: details,
	}
}

// planFaults lists what a plan does wrong: a marker drawn on no map or on
// two, drawn over another marker (but on a map that says it must) or a
// label or the scale bar or beyond its frame, labels over each other, a
// frame whose count is not that of the places its detail map shows, a
// detail map that no frame leads to, a warning without a crowded map or
// the reverse.
func planFaults(markers []guide.Marker, pl *mapPlan) []string {
	var out []string
	drawn := map[string]int{}
	led := map[int]int{}
	for i, v := range pl.views {
		f := v.f
		var boxes []rectangle
		if v.hasScale {
			boxes = append(boxes, v.scale.box)
		}
		for a, z := range v.zones {
			led[z.view]++
			if z.view <= i || z.view >= len(pl.views) {
				out = append(out, fmt.Sprintf("view %d: frame %d leads to view %d", i, a, z.view))
			} else if pl.views[z.view].count != z.count {
				out = append(out, fmt.Sprintf("view %d: frame of %d places, its detail map shows %d", i, z.count, pl.views[z.view].count))
			}
			b := z.label
			if b.x0 < f.x || b.x1 > f.x+f.w || b.y0 < f.y || b.y1 > f.y+f.h {
				out = append(out, fmt.Sprintf("view %d: label %v beyond the frame", i, b))
			}
			if slices.ContainsFunc(boxes, b.overlaps) {
				out = append(out, fmt.Sprintf("view %d: label %v over another or the scale bar", i, b))
			}
			boxes = append(boxes, b)
		}
		own := len(v.markers)
		for _, z := range v.zones {
			own += z.count
		}
		if own != v.count {
			out = append(out, fmt.Sprintf("view %d: %d places drawn or framed, of %d", i, own, v.count))
		}
		for k, d := range v.discs {
			drawn[v.markers[k].Number]++
			if d.c.X-d.r < f.x || d.c.X+d.r > f.x+f.w || d.c.Y-d.r < f.y || d.c.Y+d.r > f.y+f.h {
				out = append(out, fmt.Sprintf("view %d: marker %s beyond the frame", i, v.markers[k].Number))
			}
			for _, e := range v.discs[k+1:] {
				if math.Hypot(d.c.X-e.c.X, d.c.Y-e.c.Y) < d.r+e.r && len(v.crowded) == 0 {
					out = append(out, fmt.Sprintf("view %d: marker %s over another", i, v.markers[k].Number))
				}
			}
			if slices.ContainsFunc(boxes, func(b rectangle) bool { return b.touches(disc{d.c, d.r - 1}) }) {
				out = append(out, fmt.Sprintf("view %d: marker %s under a label or the scale bar", i, v.markers[k].Number))
			}
		}
	}
	crowded := slices.ContainsFunc(pl.views, func(v mapView) bool { return len(v.crowded) > 0 })
	if crowded != (len(pl.crowded) > 0) {
		out = append(out, fmt.Sprintf("crowded markers %q, crowded maps %v", pl.crowded, crowded))
	}
	for i := 1; i < len(pl.views); i++ {
		if led[i] != 1 {
			out = append(out, fmt.Sprintf("view %d: %d frames lead to it", i, led[i]))
		}
	}
	for _, mk := range markers {
		if drawn[mk.Number] != 1 {
			out = append(out, fmt.Sprintf("marker %s drawn %d times", mk.Number, drawn[mk.Number]))
		}
	}
	return out
}

// TestMapPlanProperties plans maps of random places, spread or crowded
// into a few spots, some stacked on one point: every marker is drawn once,
// on one map, over nothing, and the map pages stay few.
func TestMapPlanProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for trial := range 150 {
		n := 1 + rnd.IntN(400)
		spots := 1 + rnd.IntN(6)
		spread := 0.001 + rnd.Float64()*0.2
		markers := make([]guide.Marker, n)
		for i := range markers {
			s := i % spots
			at := territoire.Point{Lat: 43 + float64(s)*0.05 + rnd.NormFloat64()*spread, Lon: 5 + float64(s)*0.07 + rnd.NormFloat64()*spread}
			if rnd.IntN(10) == 0 {
				at = territoire.Point{Lat: 43, Lon: 5} // stacked: the centre of a commune
			}
			markers[i] = guide.Marker{Number: fmt.Sprint(i + 1), At: at}
		}
		pr := testPlanner(markers, true)
		pl := pr.plan(mapBounds(&guide.Map{Markers: markers}))
		for _, f := range planFaults(markers, pl) {
			t.Errorf("trial %d (%d places, %d spots, spread %.3f): %s", trial, n, spots, spread, f)
		}
		if len(pl.views) > maxMapViews(n)+8 {
			t.Errorf("trial %d: %d map pages for %d places", trial, len(pl.views), n)
		}
		if len(pl.crowded) > 0 {
			t.Errorf("trial %d: markers %q drawn over others", trial, pl.crowded)
		}
	}
}

// TestMapPlanStacked plans places that all share one point, as the
// places of a commune that give no position of their own: spread round
// it, on as few pages as they fill.
func TestMapPlanStacked(t *testing.T) {
	for _, n := range []int{2, 30, 120} {
		markers := make([]guide.Marker, n)
		for i := range markers {
			markers[i] = guide.Marker{Number: fmt.Sprint(i + 1), At: territoire.Point{Lat: 45, Lon: 5}}
		}
		pl := testPlanner(markers, true).plan(territoire.Point{Lat: 44.9, Lon: 4.9}, territoire.Point{Lat: 45.1, Lon: 5.1})
		for _, f := range planFaults(markers, pl) {
			t.Errorf("%d places: %s", n, f)
		}
		if most := 1 + n/20; len(pl.views) > most {
			t.Errorf("%d places on one point: %d map pages, want at most %d", n, len(pl.views), most)
		}
	}
}

// FuzzMapPlan plans the places the fuzzer writes, two bytes a place: the
// same faults as TestMapPlanProperties, never.
func FuzzMapPlan(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 1, 2, 1, 3})
	f.Add(make([]byte, 200))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 || len(b) > 1200 {
			return
		}
		var markers []guide.Marker
		for i := 0; i+1 < len(b); i += 2 {
			at := territoire.Point{Lat: 43 + float64(b[i])*0.0004, Lon: 5 + float64(b[i+1])*0.0006}
			markers = append(markers, guide.Marker{Number: fmt.Sprint(len(markers) + 1), At: at})
		}
		pl := testPlanner(markers, true).plan(mapBounds(&guide.Map{Markers: markers}))
		for _, f := range planFaults(markers, pl) {
			t.Error(f)
		}
	})
}

// TestCrowdedMapBounded places far more markers than a frame holds, as a
// whole région on one page would, where no detail map may take them: the
// search for free spots stays within its budget instead of growing with
// the square of the markers, every marker is still drawn, and the maker
// is told once, with the count.
func TestCrowdedMapBounded(t *testing.T) {
	markers := make([]guide.Marker, 5000)
	for i := range markers {
		markers[i] = guide.Marker{Number: fmt.Sprint(i + 1), At: territoire.Point{Lat: 45 + float64(i%50)*0.002, Lon: 5 + float64(i/50)*0.001}}
	}
	pl := testPlanner(markers, false).plan(territoire.Point{Lat: 45, Lon: 5}, territoire.Point{Lat: 45.1, Lon: 5.1})
	if len(pl.views) != 1 || len(pl.views[0].discs) != len(markers) {
		t.Fatalf("%d maps, %d repères placés sur %d", len(pl.views), len(pl.views[0].discs), len(markers))
	}
	if w := guide.CrowdedWarning(pl.crowded, pl.crowdedOf); pl.crowdedOf != len(markers) || !strings.Contains(w, "repères sur 5\u00a0000") {
		t.Errorf("avertissement : %q, attendu avec le compte", w)
	}
}

// crowdedMarkers are n markers as a métropole's guide has them: many
// places in a few communes, on the spot of their commune when they give
// no position, and so stacked.
func crowdedMarkers(n int) []guide.Marker {
	rnd := rand.New(rand.NewPCG(33, 63))
	markers := make([]guide.Marker, n)
	for i := range markers {
		at := territoire.Point{Lat: 44.8 + rnd.Float64()*0.1, Lon: -0.6 + rnd.Float64()*0.1}
		if i%3 == 0 { // the centre of one of 28 communes
			c := i % 28
			at = territoire.Point{Lat: 44.8 + float64(c%7)*0.015, Lon: -0.6 + float64(c/7)*0.025}
		}
		markers[i] = guide.Marker{Number: fmt.Sprint(i + 1), At: at}
	}
	return markers
}

// BenchmarkMapPlan plans the map pages of a crowded métropole, as the
// overview map of Bordeaux Métropole has them.
//
//	go test ./layout -run '^$' -bench MapPlan
func BenchmarkMapPlan(b *testing.B) {
	markers := crowdedMarkers(280)
	for b.Loop() {
		testPlanner(markers, true).plan(territoire.Point{Lat: 44.8, Lon: -0.6}, territoire.Point{Lat: 44.9, Lon: -0.5})
	}
}

// TestLeadersClear plans maps of random crowded places twice, the
// markers moved aside taking the first free spot, then seeking one whose
// leader line crosses nothing: every plan still has its faults checked,
// and the leader lines of the second pass under other markers far less
// often (what mapPlan keeps when it costs no map page).
func TestLeadersClear(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	first, clear := 0, 0
	for trial := range 100 {
		n := 20 + rnd.IntN(80)
		markers := make([]guide.Marker, n)
		for i := range markers {
			at := territoire.Point{Lat: 43 + rnd.NormFloat64()*0.01, Lon: 5 + rnd.NormFloat64()*0.014}
			markers[i] = guide.Marker{Number: fmt.Sprint(i + 1), At: at}
		}
		for _, seek := range []bool{false, true} {
			pr := testPlanner(markers, true)
			pr.seekClear = seek
			pl := pr.plan(mapBounds(&guide.Map{Markers: markers}))
			for _, f := range planFaults(markers, pl) {
				t.Errorf("trial %d (%d places, seeking %v): %s", trial, n, seek, f)
			}
			if seek {
				clear += pl.crossings()
			} else {
				first += pl.crossings()
			}
		}
	}
	t.Logf("leader lines under other markers: %d taking the first free spot, %d seeking clear ones", first, clear)
	if first == 0 || 4*clear > 3*first {
		t.Errorf("leader lines under other markers: %d seeking clear spots, %d taking the first free one", clear, first)
	}
}
