package guide

import (
	"strings"
)

// ordering is the sentence of the how-to that says how the places of a
// guide by commune follow one another, as inParts ranged them: by commune
// from A to Z when there are several; in one commune, by arrondissement
// (« du 1er au 16e ») or by postal code when it is cut in parts, else by
// name. Empty when the template says nothing of it.
func ordering(sections []Section, places []Place, w *Words) string {
	if !oneCommune(sections) {
		return w.OrderByCommune
	}
	// One commune: its parts, when it has two of known arrondissement or
	// postal code at least (the part of unknown ones comes last).
	var firsts []*Place
	for _, s := range sections {
		if len(sections) > 1 && s.NamesCommune && len(s.Entries) > 0 {
			firsts = append(firsts, &places[s.Entries[0].place])
		}
	}
	if len(firsts) < 2 {
		return w.OrderByName
	}
	first, last := firsts[0], firsts[len(firsts)-1]
	if first.District != nil && last.District != nil {
		return Fill(w.OrderByDistrict, "premier", districtOrdinal(first.District.Name), "dernier", districtOrdinal(last.District.Name))
	}
	return Fill(w.OrderByPostalCode, "premier", strings.TrimSpace(first.Lieu.PostalCode), "dernier", strings.TrimSpace(last.Lieu.PostalCode))
}

// oneCommune tells whether the entries of sections are all of one
// commune: a guide of Marseille, cut in arrondissements, is.
func oneCommune(sections []Section) bool {
	commune, seen := "", false
	for _, s := range sections {
		for _, e := range s.Entries {
			if !seen {
				commune, seen = e.Commune, true
			} else if e.Commune != commune {
				return false
			}
		}
	}
	return true
}

// districtOrdinal is the ordinal an arrondissement is called by:
// "Marseille 13e Arrondissement" → "13e", "Paris 1er Arrondissement" → "1er".
func districtOrdinal(name string) string {
	t := districtTitle(name)
	return t[strings.LastIndexByte(t, ' ')+1:]
}
