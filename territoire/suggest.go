package territoire

import (
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
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
	var lev levenshtein
	for k := range keys {
		s, ok := lev.score(key, k)
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

// score rates how close a known key k is to what was typed (q): the edit
// distance, or 1 when k starts with q as whole words; ok is false when k is
// too far to be suggested.
func (lev *levenshtein) score(q, k string) (int, bool) {
	if len(q) >= 4 && strings.HasPrefix(k, q+" ") {
		return 1, true
	}
	limit := 1
	switch {
	case len(q) > 10:
		limit = 3
	case len(q) > 4:
		limit = 2
	}
	d := lev.distance(q, k, limit)
	return d, d <= limit
}

// levenshtein computes edit distances, keeping its two rows from one call
// to the next: suggestions compare a name with tens of thousands.
type levenshtein struct{ prev, cur []int }

// distance returns the Levenshtein distance between a and b, counted
// on bytes (keys are folded to ASCII letters and digits), or limit+1 as
// soon as it is known to exceed limit.
func (lev *levenshtein) distance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if cap(lev.prev) < len(b)+1 {
		lev.prev = make([]int, len(b)+1)
		lev.cur = make([]int, len(b)+1)
	}
	prev, cur := lev.prev[:len(b)+1], lev.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
