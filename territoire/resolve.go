package territoire

import (
	"slices"
	"sort"
	"strings"
)

// Resolve turns what a user typed into an area of the given kind:
//
//   - KindCommune: an INSEE code (current, old, delegated, or of an
//     arrondissement: "33449", "75115") or a name ("st medard en jalles",
//     "Bouscat (Le)", "Marseille 11e"), possibly followed by its
//     département ("Saint-Denis (93)", "Saint-Denis 974");
//   - KindCodePostal: a postal code, for all the communes it serves;
//   - KindEPCI: a SIREN ("243300316") or a name ("Bordeaux Métropole",
//     "CC du Bazadais", "Communauté de communes du Bazadais");
//   - KindDepartement: a code ("33", "2A", "974") or a name ("Gironde");
//   - KindRegion: a code ("75") or a name ("Nouvelle-Aquitaine", "PACA").
//
// Names are compared without case, accents or punctuation. A name that
// fits several territories gives an *AmbiguousError, an unknown one an
// *UnknownError with the closest names; nothing is guessed.
func (a *Atlas) Resolve(kind Kind, query string) (Area, error) {
	return a.ResolveIn(kind, query, nil)
}

// ResolveIn is Resolve with commune and EPCI names, and postal codes,
// narrowed to the départements whose codes are given, as in --commune
// "Saint-Denis" --departement 93. INSEE codes and SIREN are not narrowed:
// they designate one territory already.
func (a *Atlas) ResolveIn(kind Kind, query string, departements []string) (Area, error) {
	q := strings.TrimSpace(query)
	if q == "" {
		return Area{}, &UnknownError{Kind: kind}
	}
	switch kind {
	case KindCommune:
		return a.resolveCommune(q, departements)
	case KindCodePostal:
		return a.resolvePostalCode(q, departements)
	case KindEPCI:
		return a.resolveEPCI(q, departements)
	case KindDepartement:
		return a.resolveDepartement(q)
	case KindRegion:
		return a.resolveRegion(q)
	}
	return Area{}, &UnknownError{Kind: kind, Query: q}
}

// isINSEE reports whether s has the shape of an INSEE commune code.
func isINSEE(s string) bool {
	return len(s) == 5 && (isDigits(s) || (s[0] == '2' && (s[1] == 'A' || s[1] == 'B') && isDigits(s[2:])))
}

func (a *Atlas) resolveCommune(q string, depts []string) (Area, error) {
	if code := strings.ToUpper(q); isINSEE(code) {
		c, note, ok := a.Commune(code)
		switch {
		case !ok:
			err := &UnknownError{Kind: KindCommune, Query: q, Code: true}
			for _, c := range a.byPostalCode[code] {
				err.Suggestions = append(err.Suggestions, communeArea(c, Note{}))
			}
			return Area{}, err
		case note.Arrondissement != nil:
			return arrondissementArea(note.Arrondissement), nil
		case note.How != ByCode:
			note.Commune = c
		}
		return communeArea(c, note), nil
	}
	name, depts := a.splitDepartement(q, depts)
	key := nameKey(name)
	ix := a.index()
	if arrs := ix.arrs[key]; len(arrs) == 1 {
		return arrondissementArea(arrs[0]), nil
	}
	var found []Area
	for _, c := range ix.communesNamed(key) {
		if inDepts(c, depts) {
			found = append(found, communeArea(c, Note{}))
		}
	}
	if len(found) == 0 {
		seen := map[*Commune]bool{}
		for _, d := range ix.delegated[key] {
			if c := d.Commune; inDepts(c, depts) && !seen[c] {
				seen[c] = true
				found = append(found, communeArea(c, Note{How: ByDelegatedName, Commune: c, Code: d.Code, Name: d.Name, Given: name}))
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		// "Saint-Denis 93": a département code written after the name.
		if i := strings.LastIndexByte(name, ' '); i > 0 && len(depts) == 0 {
			if d, ok := a.departements[strings.ToUpper(name[i+1:])]; ok {
				if ar, err := a.resolveCommune(name[:i], []string{d.Code}); err == nil {
					return ar, nil
				}
			}
		}
		err := &UnknownError{Kind: KindCommune, Query: name, Within: depts}
		if len(depts) > 0 {
			// The name may exist elsewhere: say where.
			if other, oerr := a.resolveCommune(name, nil); oerr == nil {
				err.Suggestions = []Area{other}
			} else if amb, ok := oerr.(*AmbiguousError); ok {
				err.Suggestions = amb.Candidates
			}
		}
		if len(err.Suggestions) == 0 {
			err.Suggestions = a.suggestCommunes(key, depts)
		}
		return Area{}, err
	}
	byPopulation(found)
	return Area{}, &AmbiguousError{Kind: KindCommune, Query: name, Candidates: found}
}

// splitDepartement reads a département written after a commune name, as
// in "Saint-Denis (93)" or "Saint-Denis (Seine-Saint-Denis)", and returns
// the name alone with the département added to depts. Other parentheses,
// like the article of "Bouscat (Le)", are left in the name.
func (a *Atlas) splitDepartement(q string, depts []string) (string, []string) {
	if !strings.HasSuffix(q, ")") {
		return q, depts
	}
	open := strings.LastIndexByte(q, '(')
	if open <= 0 {
		return q, depts
	}
	inner := strings.TrimSpace(q[open+1 : len(q)-1])
	d, err := a.resolveDepartement(inner)
	if err != nil {
		return q, depts
	}
	return strings.TrimSpace(q[:open]), []string{d.Code}
}

func inDepts(c *Commune, depts []string) bool {
	return len(depts) == 0 || slices.Contains(depts, c.Departement.Code)
}

func (a *Atlas) resolvePostalCode(q string, depts []string) (Area, error) {
	pc := q
	var communes []*Commune
	for _, c := range a.byPostalCode[pc] {
		if inDepts(c, depts) {
			communes = append(communes, c)
		}
	}
	if len(communes) == 0 {
		return Area{}, &UnknownError{Kind: KindCodePostal, Query: q, Code: true, Within: depts}
	}
	return a.postalCodeArea(pc, communes), nil
}

func (a *Atlas) resolveEPCI(q string, depts []string) (Area, error) {
	if len(q) == 9 && isDigits(q) {
		e, ok := a.epcis[q]
		if !ok {
			return Area{}, &UnknownError{Kind: KindEPCI, Query: q, Code: true}
		}
		return epciArea(e), nil
	}
	key := epciKey(q)
	ix := a.areas()
	candidates := ix.epcis[key]
	if len(candidates) == 0 {
		candidates = ix.epcisAlt[key]
	}
	var found []Area
	for _, e := range candidates {
		if epciIn(e, depts) {
			found = append(found, epciArea(e))
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return Area{}, &UnknownError{Kind: KindEPCI, Query: q, Within: depts, Suggestions: a.suggestEPCIs(key, depts)}
	}
	byPopulation(found)
	return Area{}, &AmbiguousError{Kind: KindEPCI, Query: q, Candidates: found}
}

func epciIn(e *EPCI, depts []string) bool {
	if len(depts) == 0 {
		return true
	}
	for _, c := range e.Members {
		if slices.Contains(depts, c.Departement.Code) {
			return true
		}
	}
	return false
}

func (a *Atlas) resolveDepartement(q string) (Area, error) {
	code := strings.ToUpper(q)
	if len(code) == 1 && isDigits(code) {
		code = "0" + code
	}
	if d, ok := a.departements[code]; ok {
		return departementArea(d), nil
	}
	key := adminKey(q)
	if ds := a.areas().departements[key]; len(ds) == 1 {
		return departementArea(ds[0]), nil
	}
	err := &UnknownError{Kind: KindDepartement, Query: q, Code: isDigits(code) || isINSEEDept(code)}
	if !err.Code {
		err.Suggestions = a.suggestDepartements(key)
	}
	return Area{}, err
}

func isINSEEDept(s string) bool { return s == "2A" || s == "2B" }

func (a *Atlas) resolveRegion(q string) (Area, error) {
	code := q
	if len(code) == 1 && isDigits(code) {
		code = "0" + code
	}
	if r, ok := a.regions[code]; ok {
		return regionArea(r), nil
	}
	key := adminKey(q)
	if rs := a.areas().regions[key]; len(rs) == 1 {
		return regionArea(rs[0]), nil
	}
	err := &UnknownError{Kind: KindRegion, Query: q, Code: isDigits(code)}
	if !err.Code {
		err.Suggestions = a.suggestRegions(key)
	}
	return Area{}, err
}

// byPopulation sorts areas by decreasing population, then code: the most
// likely meaning of an ambiguous name comes first.
func byPopulation(areas []Area) {
	sort.SliceStable(areas, func(i, j int) bool {
		if areas[i].Population != areas[j].Population {
			return areas[i].Population > areas[j].Population
		}
		return areas[i].Code < areas[j].Code
	})
}
