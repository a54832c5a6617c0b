package guide

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// District is an arrondissement municipal of Paris, Lyon or Marseille.
type District struct {
	Code string // INSEE code, e.g. "13213"
	Name string // name in the geography: "Marseille 13e Arrondissement"
}

// partThreshold is the number of places above which a commune's section
// is cut by postal code: past a dozen, a reader leafs through pages.
const partThreshold = 12

// inParts cuts the sections of the big communes into parts a reader
// finds at once: Paris, Lyon and Marseille by arrondissement, other
// communes of more than partThreshold places by postal code, when that
// makes at least two parts. A part's title names the commune and the part
// ("Marseille 13e", "Le Mans 72100"); it is the running head of its
// pages. Places whose arrondissement is unknown come last.
func inParts(sections []Section, places []Place) []Section {
	var out []Section
	for _, s := range sections {
		key := partKey(s, places)
		if key == nil {
			out = append(out, s)
			continue
		}
		type part struct {
			key string
			Section
		}
		var parts []part
		index := map[string]int{}
		for _, e := range s.Entries {
			k, title := key(places[e.place])
			i, ok := index[k]
			if !ok {
				i = len(parts)
				index[k] = i
				// The part of places whose arrondissement or postal code
				// is unknown keeps their addresses whole.
				parts = append(parts, part{key: k, Section: Section{Title: title, NamesCommune: k != ""}})
			}
			parts[i].Entries = append(parts[i].Entries, e)
		}
		if len(parts) < 2 {
			out = append(out, s)
			continue
		}
		slices.SortStableFunc(parts, func(a, b part) int {
			if (a.key == "") != (b.key == "") {
				return cmp.Compare(b.key, a.key) // the unknown part last
			}
			return cmp.Compare(a.key, b.key)
		})
		for i, p := range parts {
			p.Anchor = fmt.Sprintf("%s-%d", s.Anchor, i+1)
			out = append(out, p.Section)
		}
	}
	return out
}

// partKey returns how to cut a section, nil when it stays whole: the key
// of a place's part (sorted as text) and the part's title.
func partKey(s Section, places []Place) func(Place) (key, title string) {
	districts := false
	for _, e := range s.Entries {
		if places[e.place].District != nil {
			districts = true
			break
		}
	}
	switch {
	case districts:
		return func(p Place) (string, string) {
			if p.District == nil {
				return "", s.Title + ", arrondissement non précisé"
			}
			return p.District.Code, districtTitle(p.District.Name)
		}
	case len(s.Entries) > partThreshold:
		return func(p Place) (string, string) {
			pc := strings.TrimSpace(p.Lieu.PostalCode)
			if len(pc) != 5 {
				return "", s.Title + ", code postal non précisé"
			}
			return pc, s.Title + "\u00a0" + pc
		}
	}
	return nil
}

// districtTitle shortens an arrondissement's name the way people say it:
// "Marseille 13e Arrondissement" → "Marseille 13e".
func districtTitle(name string) string {
	return strings.TrimSuffix(strings.TrimSpace(name), " Arrondissement")
}
