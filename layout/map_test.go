package layout

import (
	"fmt"
	"math"
	"testing"

	"livret/guide"
	"livret/territoire"
)

// gridMap is a map of a grid of square communes of about 2 km, and of
// places: most of them crowded into the middle commune, so that markers
// must move aside, the others spread out.
func gridMap(places int) *guide.Map {
	m := &guide.Map{Title: "Carte des lieux", Anchor: guide.MapAnchor, Alt: "Carte des lieux"}
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
		d, ok := b.Anchors[guide.MapAnchor]
		if !ok {
			t.Fatal("no map")
		}
		page := b.Pages[d.Page]
		var fig *Node
		for _, n := range b.Structure.Kids {
			if n.Role == "Figure" && n.Alt == "Carte des lieux" {
				fig = n
			}
		}
		if fig == nil {
			t.Fatal("the map is not a Figure with its alternative")
		}
		top, bottom := newContext(th, nil, newMemo()).frame()
		left, right := th.Format.Margin, th.Format.Width-th.Format.Margin
		var discs []*Rect
		numbers := map[string]int{}
		var names, paths int
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
					t.Errorf("%g pt: %q at %g pt", size, it.S, it.Size)
				}
				if it.Color == White {
					numbers[it.S]++
				} else if len(it.S) > 7 && it.S[:7] == "Commune" {
					names++
				}
			case *Path:
				paths++
			}
		}
		if len(discs) != 40 || len(numbers) != 40 {
			t.Errorf("%g pt: %d markers, %d numbers, want 40", size, len(discs), len(numbers))
		}
		for n := range 40 {
			if numbers[fmt.Sprint(n+1)] != 1 {
				t.Errorf("%g pt: marker %d printed %d times", size, n+1, numbers[fmt.Sprint(n+1)])
			}
		}
		for i, a := range discs {
			if a.X < left || a.X+a.W > right || a.Y < top || a.Y+a.H > bottom {
				t.Errorf("%g pt: marker at (%.0f, %.0f) outside the frame", size, a.X, a.Y)
			}
			for _, o := range discs[i+1:] {
				if math.Hypot(a.X+a.W/2-o.X-o.W/2, a.Y+a.H/2-o.Y-o.H/2) < (a.W+o.W)/2 {
					t.Errorf("%g pt: markers at (%.0f, %.0f) and (%.0f, %.0f) overlap", size, a.X, a.Y, o.X, o.Y)
				}
			}
		}
		if names == 0 || paths < 2 {
			t.Errorf("%g pt: %d commune names, %d paths", size, names, paths)
		}
		if !hasText(b.Pages[b.Anchors["sommaire"].Page], "Carte des lieux") {
			t.Errorf("%g pt: the contents do not list the map", size)
		}
	}
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
