package main

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

const svgNamespace = "http://www.w3.org/2000/svg"

// paint is the part of the SVG style the generator understands, inherited
// from a group to its children.
type paint struct {
	none bool // fill="none": the shape is not painted
}

// parseSVG reads one icon and returns the outlines of its painted shapes, in
// document order, for filling with the nonzero rule. It accepts the subset
// of SVG that Material Icons use (path, circle, ellipse, rect, polygon,
// polyline, g; fill and fill-rule) and rejects anything else, such as a
// transform or the even-odd rule, rather than draw a wrong icon.
func parseSVG(r io.Reader) ([]segment, error) {
	dec := xml.NewDecoder(r)
	var (
		segs  []segment
		stack []paint // one entry per open element
		root  bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("XML illisible : %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != svgNamespace && t.Name.Space != "" {
				return nil, fmt.Errorf("élément <%s:%s> hors de l’espace de noms SVG", t.Name.Space, t.Name.Local)
			}
			if !root {
				if t.Name.Local != "svg" {
					return nil, fmt.Errorf("l’élément racine est <%s>, <svg> attendu", t.Name.Local)
				}
				if err := checkRoot(t); err != nil {
					return nil, err
				}
				root = true
				stack = append(stack, paint{})
				continue
			}
			inherited := stack[len(stack)-1]
			ps, err := parseShape(t, inherited)
			if err != nil {
				return nil, fmt.Errorf("<%s> : %w", t.Name.Local, err)
			}
			segs = append(segs, ps.segs...)
			stack = append(stack, ps.paint)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if !root {
		return nil, errors.New("aucun élément <svg>")
	}
	return segs, nil
}

// checkRoot accepts only the 24-unit box picto's coordinates are defined in.
func checkRoot(t xml.StartElement) error {
	a, err := attributes(t, "viewBox", "width", "height")
	if err != nil {
		return fmt.Errorf("<svg> : %w", err)
	}
	s := scanner{s: a["viewBox"]}
	var box [4]float64
	if err := s.numbers(box[:], false); err != nil {
		return fmt.Errorf("<svg> viewBox : %w", err)
	}
	if s.skipSpace(); !s.done() || box != [4]float64{0, 0, 24, 24} {
		return fmt.Errorf("<svg> : viewBox %q, « 0 0 24 24 » attendu", a["viewBox"])
	}
	return nil
}

type shape struct {
	segs  []segment
	paint paint // for the element's children
}

// parseShape converts one element inside the root.
func parseShape(t xml.StartElement, inherited paint) (shape, error) {
	geometry := map[string][]string{
		"g":        nil,
		"path":     {"d"},
		"circle":   {"cx", "cy", "r"},
		"ellipse":  {"cx", "cy", "rx", "ry"},
		"rect":     {"x", "y", "width", "height", "rx", "ry"},
		"polygon":  {"points"},
		"polyline": {"points"},
	}
	names, ok := geometry[t.Name.Local]
	if !ok {
		return shape{}, errors.New("élément non pris en charge")
	}
	a, err := attributes(t, append(names, "fill", "fill-rule")...)
	if err != nil {
		return shape{}, err
	}
	pt := inherited
	switch f, ok := a["fill"]; {
	case ok && f == "none":
		pt.none = true
	case ok:
		pt.none = false // any colour: picto draws in a single colour chosen by the renderer
	}
	if rule, ok := a["fill-rule"]; ok && rule != "nonzero" {
		return shape{}, fmt.Errorf("fill-rule=%q non pris en charge : picto remplit selon la règle nonzero", rule)
	}
	sh := shape{paint: pt}
	if t.Name.Local == "g" || pt.none {
		return sh, nil
	}
	var p pen
	switch t.Name.Local {
	case "path":
		sh.segs, err = parsePath(a["d"])
		return sh, err
	case "polygon", "polyline": // a polyline is filled as if closed
		err = polygon(&p, a["points"])
	default:
		var n map[string]float64
		if n, err = numbers(a, names); err != nil {
			break
		}
		switch t.Name.Local {
		case "circle":
			err = ellipse(&p, n["cx"], n["cy"], n["r"], n["r"])
		case "ellipse":
			err = ellipse(&p, n["cx"], n["cy"], n["rx"], n["ry"])
		case "rect":
			_, hasRx := a["rx"]
			_, hasRy := a["ry"]
			err = rect(&p, n, hasRx, hasRy)
		}
	}
	if err != nil {
		return shape{}, err
	}
	sh.segs = p.finish()
	return sh, checkFinite(sh.segs)
}

// attributes returns the element's attributes by name, rejecting any that is
// not in allowed (besides namespace declarations), since an attribute the
// generator ignores, like transform or opacity, would change the drawing.
func attributes(t xml.StartElement, allowed ...string) (map[string]string, error) {
	a := make(map[string]string, len(t.Attr))
	for _, at := range t.Attr {
		if at.Name.Space == "xmlns" || (at.Name.Space == "" && at.Name.Local == "xmlns") {
			continue
		}
		if at.Name.Space != "" || !slices.Contains(allowed, at.Name.Local) {
			return nil, fmt.Errorf("attribut %s non pris en charge", at.Name.Local)
		}
		a[at.Name.Local] = strings.TrimSpace(at.Value)
	}
	return a, nil
}

// numbers parses the named attributes as plain numbers (user units); a
// missing attribute is 0, as SVG 1.1 says for every geometry attribute used
// here.
func numbers(a map[string]string, names []string) (map[string]float64, error) {
	n := make(map[string]float64, len(names))
	for _, name := range names {
		v, ok := a[name]
		if !ok {
			continue
		}
		s := scanner{s: v}
		s.skipSpace()
		x, err := s.number()
		if err == nil {
			if s.skipSpace(); !s.done() {
				err = fmt.Errorf("%q n’est pas un nombre sans unité", v)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("attribut %s : %w", name, err)
		}
		n[name] = x
	}
	return n, nil
}

// ellipse draws an ellipse the way SVG defines it: four arcs starting at the
// rightmost point, turning towards positive y. The direction matters under
// the nonzero rule when shapes overlap.
func ellipse(p *pen, cx, cy, rx, ry float64) error {
	if rx < 0 || ry < 0 {
		return errors.New("rayon négatif")
	}
	if rx == 0 || ry == 0 {
		return nil // not rendered
	}
	p.moveTo(point{cx + rx, cy})
	p.arcTo(rx, ry, 0, false, true, point{cx, cy + ry})
	p.arcTo(rx, ry, 0, false, true, point{cx - rx, cy})
	p.arcTo(rx, ry, 0, false, true, point{cx, cy - ry})
	p.arcTo(rx, ry, 0, false, true, point{cx + rx, cy})
	p.closePath()
	return nil
}

// rect draws a rectangle, with rounded corners when rx or ry is given, as
// the path SVG 2 defines (§10.2): clockwise from the end of the top-left
// corner; a missing radius takes the other's value, and radii are clamped to
// half the sides.
func rect(p *pen, n map[string]float64, hasRx, hasRy bool) error {
	x, y, w, h, rx, ry := n["x"], n["y"], n["width"], n["height"], n["rx"], n["ry"]
	if w < 0 || h < 0 || rx < 0 || ry < 0 {
		return errors.New("dimension négative")
	}
	if w == 0 || h == 0 {
		return nil // not rendered
	}
	switch {
	case hasRx && !hasRy:
		ry = rx
	case hasRy && !hasRx:
		rx = ry
	}
	rx, ry = min(rx, w/2), min(ry, h/2)
	corner := func(to point) { p.arcTo(rx, ry, 0, false, true, to) }
	p.moveTo(point{x + rx, y})
	p.lineTo(point{x + w - rx, y})
	corner(point{x + w, y + ry})
	p.lineTo(point{x + w, y + h - ry})
	corner(point{x + w - rx, y + h})
	p.lineTo(point{x + rx, y + h})
	corner(point{x, y + h - ry})
	p.lineTo(point{x, y + ry})
	corner(point{x + rx, y})
	p.closePath()
	return nil
}

// polygon draws the points list of <polygon> and <polyline>.
func polygon(p *pen, points string) error {
	s := scanner{s: points}
	for i := 0; ; i++ {
		s.skipSeparator()
		if s.done() {
			return nil
		}
		var xy [2]float64
		if err := s.numbers(xy[:], false); err != nil {
			return fmt.Errorf("attribut points : %w", err)
		}
		if i == 0 {
			p.moveTo(point{xy[0], xy[1]})
		} else {
			p.lineTo(point{xy[0], xy[1]})
		}
	}
}
