package territoire

import (
	"cmp"
	"slices"
	"strings"
)

// Complete lists the areas of a kind that what was typed so far may be
// the start of, for suggestions as one types: by name, from the start of
// the name or of one of its words ("médard" finds Saint-Médard-en-Jalles),
// or by code. Whole names come first, then names that start so, then the
// most populous; at most limit areas.
func (a *Atlas) Complete(kind Kind, typed string, limit int) []Area {
	typed = strings.TrimSpace(typed)
	if typed == "" || limit <= 0 {
		return nil
	}
	key, code := nameKey(typed), strings.ToUpper(typed)
	type match struct {
		rank, population int
		name             string
		area             func() Area
	}
	var found []match
	try := func(name, nameKey, areaCode string, population int, area func() Area) {
		rank := 0
		switch {
		case nameKey == key || areaCode == code:
			rank = 3
		case strings.HasPrefix(nameKey, key) || strings.HasPrefix(areaCode, code):
			rank = 2
		case key != "" && strings.Contains(" "+nameKey, " "+key):
			rank = 1
		default:
			return
		}
		found = append(found, match{rank, population, name, area})
	}
	switch kind {
	case KindCommune:
		a.index()
		for _, c := range a.sortedCommunes {
			try(c.Name, c.key, c.Code, c.Population, func() Area { return communeArea(c, Note{}) })
		}
	case KindCodePostal:
		if !isDigits(typed) || len(typed) < 2 {
			return nil
		}
		for pc, cs := range a.byPostalCode {
			if strings.HasPrefix(pc, typed) {
				pop := 0
				for _, c := range cs {
					pop += c.Population
				}
				found = append(found, match{2, pop, pc, func() Area { return a.postalCodeArea(pc, cs) }})
			}
		}
	case KindEPCI:
		for _, e := range a.sortedEPCIs {
			try(e.Name, epciKey(e.Name), e.Code, e.Population, func() Area { return epciArea(e) })
		}
	case KindDepartement:
		for _, d := range a.sortedDepts {
			try(d.Name, adminKey(d.Name), d.Code, d.Population, func() Area { return departementArea(d) })
		}
	case KindRegion:
		for _, r := range a.sortedRegions {
			try(r.Name, adminKey(r.Name), r.Code, r.Population, func() Area { return regionArea(r) })
		}
	}
	slices.SortFunc(found, func(x, y match) int {
		return cmp.Or(cmp.Compare(y.rank, x.rank), cmp.Compare(y.population, x.population), strings.Compare(x.name, y.name))
	})
	out := make([]Area, 0, min(limit, len(found)))
	for _, m := range found[:min(limit, len(found))] {
		out = append(out, m.area())
	}
	return out
}
