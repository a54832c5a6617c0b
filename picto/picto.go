package picto

import (
	"slices"
	"strconv"
	"strings"
)

// Size is the side of the box icons are drawn in.
const Size = 24

// Point is a position in the 24-unit box, y growing downwards.
type Point struct{ X, Y float64 }

// Op is the kind of a Segment.
type Op uint8

const (
	MoveTo Op = iota // start a subpath at P[0]
	LineTo           // straight line to P[0]
	CubeTo           // cubic Bézier curve: control points P[0] and P[1], end point P[2]
	Close            // straight line back to the start of the subpath, which ends
)

var opNames = [...]string{MoveTo: "MoveTo", LineTo: "LineTo", CubeTo: "CubeTo", Close: "Close"}

func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return "Op(" + strconv.Itoa(int(o)) + ")"
}

// points is the number of points of P an Op uses.
func (o Op) points() int {
	switch o {
	case MoveTo, LineTo:
		return 1
	case CubeTo:
		return 3
	}
	return 0
}

// Segment is one drawing step, in absolute coordinates.
type Segment struct {
	Op Op
	P  [3]Point
}

// Icon is a pictogram. Every subpath of Segments starts with MoveTo and ends
// with Close. The icon is filled with the nonzero winding rule. What it
// says to screen readers is the template's (guide.IconAlts), in the
// reader's words, as every word of a guide.
type Icon struct {
	Name     string // as passed to Lookup: "address"
	Segments []Segment
}

// Lookup returns the icon with the given name. The icon is shared: callers
// must not modify it.
func Lookup(name string) (*Icon, bool) {
	i, ok := slices.BinarySearchFunc(icons, name, func(ic Icon, name string) int {
		return strings.Compare(ic.Name, name)
	})
	if !ok {
		return nil, false
	}
	return &icons[i], true
}

// Names returns the names of all icons, sorted.
func Names() []string {
	names := make([]string, len(icons))
	for i, ic := range icons {
		names[i] = ic.Name
	}
	return names
}

// Transform returns the icon's segments with its box placed at (x, y), its
// top-left corner, and scaled to size × size, in a space where y grows
// downwards (flip the result for a y-up space).
func (ic *Icon) Transform(x, y, size float64) []Segment {
	k := size / Size
	out := make([]Segment, len(ic.Segments))
	for i, s := range ic.Segments {
		out[i].Op = s.Op
		for j := range s.Op.points() {
			out[i].P[j] = Point{x + s.P[j].X*k, y + s.P[j].Y*k}
		}
	}
	return out
}

// Pather receives the segments of an icon: a renderer's path.
type Pather interface {
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CubeTo(x1, y1, x2, y2, x, y float64)
	Close()
}

// Draw feeds segments, as Transform returns them, to p.
func Draw(p Pather, segs []Segment) {
	for _, s := range segs {
		switch s.Op {
		case MoveTo:
			p.MoveTo(s.P[0].X, s.P[0].Y)
		case LineTo:
			p.LineTo(s.P[0].X, s.P[0].Y)
		case CubeTo:
			p.CubeTo(s.P[0].X, s.P[0].Y, s.P[1].X, s.P[1].Y, s.P[2].X, s.P[2].Y)
		case Close:
			p.Close()
		}
	}
}
