package main

import "math"

// The generator keeps its own small geometry model rather than importing
// livret/picto: picto's data is this program's output, and the generator must
// still build when that output is missing or broken.

// op is the kind of a segment; the values mirror picto.Op.
type op uint8

const (
	moveTo op = iota
	lineTo
	cubeTo
	closePath
)

type point struct{ x, y float64 }

func (a point) add(b point) point             { return point{a.x + b.x, a.y + b.y} }
func (a point) sub(b point) point             { return point{a.x - b.x, a.y - b.y} }
func (a point) scale(k float64) point         { return point{a.x * k, a.y * k} }
func (a point) lerp(b point, t float64) point { return a.add(b.sub(a).scale(t)) }

// segment is an absolute drawing step: p[0] is the end point of moveTo and
// lineTo; cubeTo uses p[0], p[1] as control points and p[2] as end point.
type segment struct {
	op op
	p  [3]point
}

// A pen turns drawing commands into segments that keep the invariants picto
// promises: every subpath starts with moveTo and ends with closePath, and has
// at least one drawing segment. Filling closes open subpaths anyway, so
// closing them explicitly changes nothing to the drawing.
type pen struct {
	segs  []segment
	start point // first point of the current subpath
	cur   point // current point
	open  bool  // a moveTo was emitted and its subpath is not yet closed
	drawn bool  // the open subpath has a drawing segment
}

func (p *pen) moveTo(a point) {
	if p.open && !p.drawn {
		p.segs = p.segs[:len(p.segs)-1] // a lone moveTo draws nothing
	} else if p.open {
		p.segs = append(p.segs, segment{op: closePath})
	}
	p.segs = append(p.segs, segment{op: moveTo, p: [3]point{a}})
	p.start, p.cur, p.open, p.drawn = a, a, true, false
}

// begin reopens a subpath at the current point when a drawing command
// follows closePath: SVG then starts a new subpath where the last one began.
func (p *pen) begin() {
	if !p.open {
		p.moveTo(p.cur)
	}
	p.drawn = true
}

func (p *pen) lineTo(a point) {
	if a == p.cur {
		return // a line of length zero fills nothing
	}
	p.begin()
	p.segs = append(p.segs, segment{op: lineTo, p: [3]point{a}})
	p.cur = a
}

func (p *pen) cubeTo(c1, c2, a point) {
	p.begin()
	p.segs = append(p.segs, segment{op: cubeTo, p: [3]point{c1, c2, a}})
	p.cur = a
}

// quadTo draws a quadratic Bézier curve as the cubic that traces it exactly
// (degree elevation).
func (p *pen) quadTo(c, a point) {
	p.cubeTo(p.cur.lerp(c, 2.0/3), a.lerp(c, 2.0/3), a)
}

func (p *pen) closePath() {
	switch {
	case p.open && p.drawn:
		p.segs = append(p.segs, segment{op: closePath})
	case p.open:
		p.segs = p.segs[:len(p.segs)-1]
	}
	p.open, p.drawn, p.cur = false, false, p.start
}

// finish closes the last subpath and returns the segments.
func (p *pen) finish() []segment {
	p.closePath()
	return p.segs
}

// arcTo draws an elliptical arc from the current point to a, converting the
// endpoint parameterization to the centre parameterization as the SVG
// implementation notes prescribe (SVG 1.1 appendix F.6.5 and F.6.6), then
// approximating each piece of at most 90° by a cubic Bézier curve.
// phi is the rotation of the ellipse's x axis, in degrees.
func (p *pen) arcTo(rx, ry, phi float64, large, sweep bool, a point) {
	p0 := p.cur
	if p0 == a {
		return // F.6.2: an arc whose endpoints are identical is omitted
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		p.lineTo(a) // F.6.2: a zero radius makes a straight line
		return
	}
	sin, cos := math.Sincos(math.Mod(phi, 360) * math.Pi / 180)

	// F.6.5.1: the midpoint-relative start point, in the ellipse's axes.
	dx, dy := (p0.x-a.x)/2, (p0.y-a.y)/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy

	// F.6.6.2: radii too small to reach a are scaled up just enough.
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		s := math.Sqrt(l)
		rx, ry = rx*s, ry*s
	}

	// F.6.5.2: the centre, in the ellipse's axes.
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	k := math.Sqrt(math.Max(0, num/den)) // num < 0 only by rounding after scaling
	if large == sweep {
		k = -k
	}
	cx1, cy1 := k*rx*y1/ry, -k*ry*x1/rx

	// F.6.5.3: the centre in user space.
	c := point{cos*cx1 - sin*cy1 + (p0.x+a.x)/2, sin*cx1 + cos*cy1 + (p0.y+a.y)/2}

	// F.6.5.5–6: start angle and signed extent.
	theta := math.Atan2((y1-cy1)/ry, (x1-cx1)/rx)
	delta := math.Atan2((-y1-cy1)/ry, (-x1-cx1)/rx) - theta
	if sweep && delta < 0 {
		delta += 2 * math.Pi
	} else if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	}
	if math.IsNaN(c.x) || math.IsNaN(c.y) || math.IsNaN(delta) || math.IsInf(rx*ry, 0) {
		p.lineTo(a) // overflowing input: degrade like a zero radius, never loop on NaN
		return
	}

	// Pieces of at most 90°, each drawn by the cubic whose control arms have
	// length 4/3·tan(δ/4), which meets the arc at both ends and in the middle.
	n := int(math.Ceil(math.Abs(delta)/(math.Pi/2) - 1e-9))
	n = max(n, 1)
	step := delta / float64(n)
	arm := 4.0 / 3 * math.Tan(step/4)
	onEllipse := func(u point) point { // unit circle → user space
		x, y := u.x*rx, u.y*ry
		return point{cos*x - sin*y + c.x, sin*x + cos*y + c.y}
	}
	for i := range n {
		t0 := theta + float64(i)*step
		t1 := t0 + step
		s0, c0 := math.Sincos(t0)
		s1, c1 := math.Sincos(t1)
		end := onEllipse(point{c1, s1})
		if i == n-1 {
			end = a // land exactly where the path data says
		}
		p.cubeTo(
			onEllipse(point{c0 - arm*s0, s0 + arm*c0}),
			onEllipse(point{c1 + arm*s1, s1 - arm*c1}),
			end,
		)
	}
}
