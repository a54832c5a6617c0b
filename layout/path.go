package layout

import "math"

// Pt is a point of a page, in points from its top-left corner.
type Pt struct{ X, Y float64 }

// Path is a vector drawing (the outlines of a map): polylines filled with
// the nonzero winding rule when Fill is set, and drawn as lines Width wide
// with round joins when Stroke is set.
type Path struct {
	Lines  [][]Pt // subpaths
	Closed bool   // each subpath's last point joins its first
	Fill   *Color
	Stroke *Color
	Width  float64
	node   *Node
}

func (p *Path) Node() *Node { return p.node }

// Bounds returns the top-left and bottom-right corners of the points of
// the path, strokes not counted.
func (p *Path) Bounds() (min, max Pt) {
	min, max = Pt{math.Inf(1), math.Inf(1)}, Pt{math.Inf(-1), math.Inf(-1)}
	for _, l := range p.Lines {
		for _, q := range l {
			min.X, min.Y = math.Min(min.X, q.X), math.Min(min.Y, q.Y)
			max.X, max.Y = math.Max(max.X, q.X), math.Max(max.Y, q.Y)
		}
	}
	return min, max
}

// moved returns a copy of the path moved by (dx, dy).
func (p *Path) moved(dx, dy float64) *Path {
	c := *p
	c.node = nil
	c.Lines = make([][]Pt, len(p.Lines))
	for i, l := range p.Lines {
		c.Lines[i] = make([]Pt, len(l))
		for j, q := range l {
			c.Lines[i][j] = Pt{q.X + dx, q.Y + dy}
		}
	}
	return &c
}
