package territoire

import (
	"strings"
)

// Search lists everything a name or code could designate, across kinds:
// "Paris" gives the commune and the département, "Bordeaux" the commune
// and Bordeaux Métropole, "33160" the postal code, "2A004" Ajaccio. Within
// a kind, the most populous come first; kinds come in the order commune,
// postal code, EPCI, département, région. An unknown name gives nothing.
func (a *Atlas) Search(query string) []Area {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	var out []Area
	add := func(ars ...Area) {
		for _, ar := range ars {
			dup := false
			for _, o := range out {
				if o.Kind == ar.Kind && o.Code == ar.Code {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, ar)
			}
		}
	}
	for _, kind := range []Kind{KindCommune, KindCodePostal, KindEPCI, KindDepartement, KindRegion} {
		if kind == KindCodePostal && !isDigits(q) {
			continue
		}
		ar, err := a.Resolve(kind, q)
		if err == nil {
			add(ar)
		} else if amb, ok := err.(*AmbiguousError); ok {
			add(amb.Candidates...)
		}
		if kind == KindEPCI {
			add(a.epcisMentioning(q, out)...)
		}
	}
	return out
}

// epcisMentioning returns the EPCI and EPT of the communes found whose
// name contains the query as whole words: "Bordeaux" → Bordeaux Métropole,
// "Lyon" → Métropole de Lyon, but not the other EPCI with Lyon in their
// name.
func (a *Atlas) epcisMentioning(q string, found []Area) []Area {
	key := " " + nameKey(q) + " "
	var out []Area
	for _, ar := range found {
		if ar.Commune == nil {
			continue
		}
		for _, e := range []*EPCI{ar.Commune.EPCI, ar.Commune.EPT} {
			if e != nil && strings.Contains(" "+nameKey(e.Name)+" ", key) {
				out = append(out, epciArea(e))
			}
		}
	}
	return out
}
