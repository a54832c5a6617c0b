package main

import (
	"math"
	"slices"

	"livret/territoire"
)

// pointInside returns the centre of an outline: its centroid when that
// falls inside, else the middle of the widest stretch of the outline on
// a parallel (through the centroid, or else through the middle of the
// largest ring). The point is on the 4-decimal grid of the atlas and
// inside the outline.
func pointInside(o territoire.Outline) territoire.Point {
	c := centroid(o)
	if p := round4(c); o.Contains(p) {
		return p
	}
	big := largestRing(o)
	sw, ne := territoire.Outline{Rings: [][]territoire.Point{big}}.Bounds()
	lats := []float64{c.Lat, (sw.Lat + ne.Lat) / 2}
	// More parallels, between the grid lines, for thin shapes.
	for i := 1; i < 8; i++ {
		lats = append(lats, sw.Lat+(ne.Lat-sw.Lat)*float64(i)/8)
	}
	for _, lat := range lats {
		if p, ok := widestStretch(o, lat); ok {
			if p := round4(p); o.Contains(p) {
				return p
			}
		}
	}
	return round4(c) // a sliver narrower than the grid: as close as can be
}

// centroid returns the centre of mass of the area inside the outline:
// rings inside an odd number of others are holes and count negatively.
func centroid(o territoire.Outline) territoire.Point {
	var a, cx, cy float64
	for i, r := range o.Rings {
		ra, rx, ry := ringMoments(r)
		sign := 1.0
		depth := 0
		for j, s := range o.Rings {
			if j != i && (territoire.Outline{Rings: [][]territoire.Point{s}}).Contains(r[0]) {
				depth++
			}
		}
		if depth%2 == 1 {
			sign = -1
		}
		// Ring orientation varies: take the area's magnitude.
		if ra < 0 {
			ra, rx, ry = -ra, -rx, -ry
		}
		a += sign * ra
		cx += sign * rx
		cy += sign * ry
	}
	if a == 0 {
		return o.Rings[0][0]
	}
	return territoire.Point{Lat: cy / a, Lon: cx / a}
}

// ringMoments returns the signed area of a ring and its first moments, in
// degrees: centroids are kept by the affine map from degrees to a local
// flat projection.
func ringMoments(r []territoire.Point) (a, mx, my float64) {
	o := r[0] // relative to a vertex, for precision
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		x0, y0 := p.Lon-o.Lon, p.Lat-o.Lat
		x1, y1 := q.Lon-o.Lon, q.Lat-o.Lat
		cross := x0*y1 - x1*y0
		a += cross
		mx += (x0 + x1) * cross
		my += (y0 + y1) * cross
	}
	a /= 2
	mx = mx/6 + a*o.Lon
	my = my/6 + a*o.Lat
	return a, mx, my
}

func largestRing(o territoire.Outline) []territoire.Point {
	best, area := o.Rings[0], -1.0
	for _, r := range o.Rings {
		if a, _, _ := ringMoments(r); math.Abs(a) > area {
			best, area = r, math.Abs(a)
		}
	}
	return best
}

// widestStretch returns the middle of the longest stretch inside the
// outline along the parallel lat.
func widestStretch(o territoire.Outline, lat float64) (territoire.Point, bool) {
	var xs []float64
	for _, r := range o.Rings {
		for i := range r {
			a, b := r[i], r[(i+1)%len(r)]
			if (a.Lat > lat) != (b.Lat > lat) {
				xs = append(xs, a.Lon+(lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat))
			}
		}
	}
	slices.Sort(xs)
	best, width := 0.0, 0.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > width {
			best, width = (xs[i]+xs[i+1])/2, w
		}
	}
	return territoire.Point{Lat: lat, Lon: best}, width > 0
}

func round4(p territoire.Point) territoire.Point {
	return territoire.Point{Lat: math.Round(p.Lat*1e4) / 1e4, Lon: math.Round(p.Lon*1e4) / 1e4}
}
