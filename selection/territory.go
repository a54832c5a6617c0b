package selection

import (
	"slices"
	"strings"

	"livret/controle"
	"livret/territoire"
)

// TerritoryCommunes returns the communes a guide of the selection covers,
// with or without a place, in code order: those of the territories asked
// for; around a point, those whose centre lies within the radius; else,
// with no territory at all, those of the places kept. The communes of the
// places kept are always in.
func (c *Criteria) TerritoryCommunes(atlas *territoire.Atlas, kept []Selected) []*territoire.Commune {
	var out []*territoire.Commune
	switch {
	case len(c.Areas) > 0:
		for _, code := range c.Communes() {
			if com, _, ok := atlas.Commune(code); ok {
				out = append(out, com)
			}
		}
		if c.Centre != nil {
			out = slices.DeleteFunc(out, func(com *territoire.Commune) bool { return !c.near(com) })
		}
	case c.Centre != nil:
		for _, com := range atlas.Communes() {
			if c.near(com) {
				out = append(out, com)
			}
		}
	}
	for _, s := range kept {
		if com := s.Place.Location.Commune; com != nil {
			out = append(out, com)
		}
	}
	slices.SortFunc(out, func(a, b *territoire.Commune) int { return strings.Compare(a.Code, b.Code) })
	return slices.Compact(out)
}

// near reports whether a commune's centre, when the geography knows it
// precisely, lies within the radius.
func (c *Criteria) near(com *territoire.Commune) bool {
	return com.Centre.Known() && com.Centre.Origin != territoire.CentreFromDepartement &&
		territoire.Distance(*c.Centre, com.Centre.Point) <= c.Radius
}

// Position returns where a place is for distances: its own position, or
// else its commune's centre when the geography knows it precisely.
func Position(p *controle.Place) (territoire.Point, bool) { return position(p) }
