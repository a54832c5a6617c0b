package territoire

import (
	"iter"
	"livret/internal/near"
	"maps"
	"slices"
	"sort"
)

// maxSuggestions is how many names an UnknownError proposes at most.
const maxSuggestions = 5

// closest returns the areas whose keys are nearest to key, best first: by
// edit distance within a bound growing with the key's length, or starting
// with key as whole words ("saint medard" → "saint medard en jalles"); ties
// go to the larger population.
func closest(key string, keys iter.Seq[string], areasOf func(string) []Area) []Area {
	if key == "" {
		return nil
	}
	type scored struct {
		area  Area
		score int
	}
	best := map[string]scored{}
	var m near.Matcher
	for k := range keys {
		s, ok := m.Score(key, k)
		if !ok {
			continue
		}
		for _, ar := range areasOf(k) {
			id := ar.Kind.String() + ar.Code
			if old, seen := best[id]; !seen || s < old.score {
				best[id] = scored{ar, s}
			}
		}
	}
	list := slices.Collect(maps.Values(best))
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score < list[j].score
		}
		if list[i].area.Population != list[j].area.Population {
			return list[i].area.Population > list[j].area.Population
		}
		return list[i].area.Code < list[j].area.Code
	})
	// Only the best-scored names: a one-letter slip hides the
	// two-letter ones.
	var out []Area
	for i := 0; i < len(list) && i < maxSuggestions && list[i].score == list[0].score; i++ {
		out = append(out, list[i].area)
	}
	return out
}

func (a *Atlas) suggestCommunes(key string, depts []string) []Area {
	ix := a.index()
	keys := func(yield func(string) bool) {
		for _, m := range []map[string][]*Commune{ix.communes, ix.communesAlt} {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		}
		for k := range ix.arrs {
			if !yield(k) {
				return
			}
		}
	}
	return closest(key, keys, func(k string) []Area {
		var out []Area
		for _, c := range append(slices.Clone(ix.communes[k]), ix.communesAlt[k]...) {
			if inDepts(c, depts) {
				out = append(out, communeArea(c, Note{}))
			}
		}
		for _, ar := range ix.arrs[k] {
			if inDepts(ar.Commune, depts) {
				out = append(out, arrondissementArea(ar))
			}
		}
		return out
	})
}

func (a *Atlas) suggestEPCIs(key string, depts []string) []Area {
	ix := a.areas()
	keys := func(yield func(string) bool) {
		for _, m := range []map[string][]*EPCI{ix.epcis, ix.epcisAlt} {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		}
	}
	return closest(key, keys, func(k string) []Area {
		var out []Area
		for _, e := range append(slices.Clone(ix.epcis[k]), ix.epcisAlt[k]...) {
			if epciIn(e, depts) {
				out = append(out, epciArea(e))
			}
		}
		return out
	})
}

func (a *Atlas) suggestDepartements(key string) []Area {
	ix := a.areas()
	return closest(key, maps.Keys(ix.departements), func(k string) []Area {
		var out []Area
		for _, d := range ix.departements[k] {
			out = append(out, departementArea(d))
		}
		return out
	})
}

func (a *Atlas) suggestRegions(key string) []Area {
	ix := a.areas()
	return closest(key, maps.Keys(ix.regions), func(k string) []Area {
		var out []Area
		for _, r := range ix.regions[k] {
			out = append(out, regionArea(r))
		}
		return out
	})
}
