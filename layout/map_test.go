package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
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
		DetailTitle: "Carte des lieux\u00a0: le détail", DetailAlt: "Détail"}
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
// place has one marker, inside the frame, none overlapping another, every
// name at 16 pt or more; and it is one Figure with its alternative.
func TestOverviewMap(t *testing.T) {
	for _, size := range []float64{16, 24} {
		th, err := DefaultTheme()
		if err != nil {
			t.Fatal(err)
		}
		th.Size = size
		g := sampleGuide(6)
		g.Map = gridMap(40)
		b, err := Guide(g, th)
		if err != nil {
			t.Fatal(err)
		}
		top, bottom := newContext(th, nil, newMemo()).frame()
		frame := rectangle{th.Format.Margin, top, th.Format.Width - th.Format.Margin, bottom}
		if n := checkMapPage(t, b, guide.MapAnchor, "Carte des lieux", frame, true); n != 40 {
			t.Errorf("%g pt: %d markers on the map, want 40", size, n)
		}
		// The crowded middle, larger, on a page of its own.
		if n := checkMapPage(t, b, guide.MapAnchor+"-detail", "Détail", frame, false); n < 30 || n > 40 {
			t.Errorf("%g pt: %d markers on the detail", size, n)
		}
		if !hasText(b.Pages[b.Anchors["sommaire"].Page], "Carte des lieux") {
			t.Errorf("%g pt: the contents do not list the map", size)
		}
	}
}

// checkMapPage checks the map on the page of anchor: a Figure with its
// alternative, markers inside the frame and not overlapping, each number
// once, every name at 16 pt or more, and some names when names is set.
// It returns the number of markers.
func checkMapPage(t *testing.T, b *Book, anchor, alt string, frame rectangle, names bool) int {
	t.Helper()
	d, ok := b.Anchors[anchor]
	if !ok {
		t.Fatalf("no map page %s", anchor)
	}
	page := b.Pages[d.Page]
	var fig *Node
	for _, n := range b.Structure.Kids {
		if n.Role == "Figure" && n.Alt == alt {
			fig = n
		}
	}
	if fig == nil {
		t.Fatalf("%s: the map is not a Figure with its alternative %q", anchor, alt)
	}
	var discs []*Rect
	numbers := map[string]int{}
	var named, paths int
	for _, it := range page.Items {
		if it.Node() != fig {
			continue
		}
		switch it := it.(type) {
		case *Rect:
			if it.Radius > 0 && it.W > 5 {
				discs = append(discs, it)
			}
		case *Text:
			if it.Size < 16 {
				t.Errorf("%s: %q at %g pt", anchor, it.S, it.Size)
			}
			if it.Color == White {
				numbers[it.S]++
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
	}
	if names && named == 0 || paths < 2 {
		t.Errorf("%s: %d commune names, %d paths", anchor, named, paths)
	}
	return len(discs)
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

// TestCrowdedMapBounded places far more markers than a frame holds, as a
// whole région on one page would: the search for free spots stays within
// its budget instead of growing with the square of the markers, every
// marker is still drawn, and the maker is told once, with the count.
func TestCrowdedMapBounded(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	lc := newContext(th, nil, newMemo())
	f := newMapFrame(territoire.Point{Lat: 45, Lon: 5}, territoire.Point{Lat: 45.1, Lon: 5.1}, 0, 0, 200, 200)
	markers := make([]guide.Marker, 5000)
	for i := range markers {
		markers[i] = guide.Marker{Number: fmt.Sprint(i + 1), At: territoire.Point{Lat: 45 + float64(i%50)*0.002, Lon: 5 + float64(i/50)*0.001}}
	}
	discs := lc.placeMarkers(markers, f, nil)
	if len(discs) != len(markers) {
		t.Fatalf("%d repères placés sur %d", len(discs), len(markers))
	}
	var p placedMarkers
	for _, v := range lc.memo.markers {
		p = v()
	}
	// Past the budget, a marker compares only the discs of its own cells.
	if limit := markerSearchBudget + 9*len(markers)*len(markers)/50; p.compared > limit {
		t.Errorf("%d disques comparés, au-delà de %d", p.compared, limit)
	}
	if len(lc.warnings) != 1 || !strings.Contains(lc.warnings[0], "repères sur 5\u00a0000") {
		t.Errorf("avertissements : %q, attendu un seul, avec le compte", lc.warnings)
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

// BenchmarkPlaceMarkers places the markers of a crowded métropole map,
// as the overview map of Bordeaux Métropole has them.
//
//	go test ./layout -run '^$' -bench PlaceMarkers
func BenchmarkPlaceMarkers(b *testing.B) {
	th, err := DefaultTheme()
	if err != nil {
		b.Fatal(err)
	}
	f := newMapFrame(territoire.Point{Lat: 44.8, Lon: -0.6}, territoire.Point{Lat: 44.9, Lon: -0.5}, 40, 120, 500, 600)
	markers := crowdedMarkers(280)
	for b.Loop() {
		lc := newContext(th, nil, newMemo())
		lc.placeMarkers(markers, f, []rectangle{{40, 680, 160, 720}})
	}
}
