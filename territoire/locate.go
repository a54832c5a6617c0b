package territoire

import (
	"fmt"
	"slices"
	"strings"

	"livret/internal/near"
	"livret/texte"
)

// A Location is where a place of a dataset lies: its current commune, its
// arrondissement municipal when it is in Paris, Lyon or Marseille and that
// is known, and how it was found.
type Location struct {
	Commune        *Commune
	Arrondissement *Arrondissement
	Note           Note
}

// A LocateError says that a place could not be attached to a commune.
type LocateError struct {
	INSEE, PostalCode, Name string
	// Candidates are the communes the name could designate when it is not
	// unique in the département of the postal code.
	Candidates []*Commune
}

func (e *LocateError) Error() string {
	var given []string
	if e.INSEE != "" {
		given = append(given, fmt.Sprintf("code INSEE «\u00a0%s\u00a0»", e.INSEE))
	}
	if e.PostalCode != "" {
		given = append(given, fmt.Sprintf("code postal «\u00a0%s\u00a0»", e.PostalCode))
	}
	if e.Name != "" {
		given = append(given, fmt.Sprintf("nom «\u00a0%s\u00a0»", e.Name))
	}
	if len(given) == 0 {
		return "Commune introuvable\u00a0: ni code INSEE, ni code postal, ni nom de commune."
	}
	msg := "Commune introuvable avec " + texte.Enumerate(given)
	if len(e.Candidates) > 0 {
		names := make([]string, len(e.Candidates))
		for i, c := range e.Candidates {
			names[i] = label(c)
		}
		msg += "\u00a0; plusieurs communes portent ce nom\u00a0: " + strings.Join(names, ", ")
	}
	return msg + "."
}

// Locate attaches a place of a dataset to its current commune. It tries, in
// turn:
//
//  1. the INSEE code, current or not (old codes of merged communes,
//     delegated communes and arrondissements lead to their current
//     commune), unless the name and postal code given both contradict it;
//  2. the postal code and the commune name ("Marseille 11" and the names of
//     delegated communes are understood), or the postal code alone when it
//     serves a single commune;
//  3. the name alone, when it is unique in the département of the postal
//     code.
//
// The Note of the Location says which way was taken when it was not the
// current INSEE code. For Paris, Lyon and Marseille the arrondissement is
// filled when the code or the postal code tells it.
func (a *Atlas) Locate(insee, postalCode, name string) (Location, error) {
	insee = strings.ToUpper(strings.TrimSpace(insee))
	postalCode = normalizePostalCode(postalCode)
	name = strings.TrimSpace(name)
	key := withoutCedex(nameKey(name))
	ix := a.index() // sets the name keys answersTo compares

	var byCode Location // the commune the INSEE code designates, if any
	if insee != "" {
		if c, note, ok := a.Commune(insee); ok {
			byCode = Location{Commune: c, Arrondissement: note.Arrondissement, Note: note}
			if note.How != ByCode {
				byCode.Note.Commune = c
			}
			a.fillArrondissement(&byCode, postalCode)
			if key == "" || c.answersTo(key) || slices.Contains(c.PostalCodes, postalCode) {
				return byCode, nil
			}
		}
	}
	loc, err := a.locateWithoutCode(ix, postalCode, name, key)
	if byCode.Commune != nil && (err != nil || loc.Note.How == ByPostalCode) {
		// The name leads nowhere: the code is the better clue.
		return byCode, nil
	}
	if err != nil {
		err.INSEE = insee
		return Location{}, err
	}
	loc.Note.Code = insee
	loc.Note.CodeCommune = byCode.Commune
	a.fillArrondissement(&loc, postalCode)
	return loc, nil
}

func (a *Atlas) locateWithoutCode(ix *nameIndex, postalCode, name, key string) (Location, *LocateError) {
	fail := &LocateError{PostalCode: postalCode, Name: name}
	candidates := a.byPostalCode[postalCode]
	found := func(c *Commune, how How) Location {
		loc := Location{Commune: c, Note: Note{How: how, Commune: c, PostalCode: postalCode, Given: name}}
		for _, ar := range c.Arrondissements {
			if ar.key == key {
				loc.Arrondissement = ar
			}
		}
		return loc
	}
	if c, ok := only(candidates, func(c *Commune) bool { return key != "" && c.answersTo(key) }); ok {
		return found(c, ByPostalCodeAndName), nil
	}
	if len(candidates) == 1 {
		return found(candidates[0], ByPostalCode), nil
	}
	if key == "" {
		return Location{}, fail
	}
	depts := departementsOfPostalCode(postalCode)
	var named []*Commune
	for _, c := range ix.communesNamed(key) {
		if slices.Contains(depts, c.Departement.Code) {
			named = append(named, c)
		}
	}
	if len(named) == 0 {
		for _, d := range ix.delegated[key] {
			if slices.Contains(depts, d.Commune.Departement.Code) {
				named = append(named, d.Commune)
			}
		}
	}
	switch len(named) {
	case 1:
		return found(named[0], ByNameInDepartement), nil
	case 0:
		var m near.Matcher
		if c, ok := only(candidates, func(c *Commune) bool { return designates(&m, key, c.key) }); ok {
			return found(c, ByPostalCodeAndCloseName), nil
		}
		return Location{}, fail
	}
	fail.Candidates = named
	return Location{}, fail
}

// only returns the one commune of cs that satisfies ok; false when none or
// several do.
func only(cs []*Commune, ok func(*Commune) bool) (*Commune, bool) {
	var one *Commune
	for _, c := range cs {
		if ok(c) {
			if one != nil {
				return nil, false
			}
			one = c
		}
	}
	return one, one != nil
}

// designates reports whether a name key given is near enough to a commune's to
// designate it among the few communes of a postal code: one shortened
// ("romorantin" for "romorantin lanthenay", "le luc en provence" for "le
// luc"), or misspelt by a letter or two.
func designates(m *near.Matcher, given, k string) bool {
	if strings.HasPrefix(k, given+" ") || strings.HasPrefix(given, k+" ") {
		return true
	}
	limit := 1
	if len(k) >= 8 {
		limit = 2
	}
	return m.Distance(given, k, limit) <= limit
}

// fillArrondissement sets the arrondissement of a location in Paris, Lyon
// or Marseille from its postal code, when that tells it.
func (a *Atlas) fillArrondissement(loc *Location, postalCode string) {
	if loc.Arrondissement == nil {
		loc.Arrondissement = loc.Commune.ArrondissementOf(postalCode)
	}
}

// ArrondissementOf returns the arrondissement municipal of c that a postal
// code designates ("13003": Marseille 3e), nil when c has none or the
// code designates none of them, or several.
func (c *Commune) ArrondissementOf(postalCode string) *Arrondissement {
	var found *Arrondissement
	for _, ar := range c.Arrondissements {
		if slices.Contains(ar.PostalCodes, postalCode) {
			if found != nil {
				return nil
			}
			found = ar
		}
	}
	return found
}

// withoutCedex drops the "Cedex" mention, with its number, that ends the
// town line of business addresses: "bordeaux cedex 9" → "bordeaux".
func withoutCedex(key string) string {
	words := strings.Fields(key)
	for i := len(words) - 1; i > 0; i-- {
		if words[i] == "cedex" {
			return strings.Join(words[:i], " ")
		}
		if !isDigits(words[i]) {
			break
		}
	}
	return key
}

// normalizePostalCode trims a postal code, removes the spaces some write in
// it ("33 160") or a "Cedex" glued to it ("30252Cedex"), and puts back the
// leading zero that spreadsheets drop ("1000" → "01000").
func normalizePostalCode(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 5 && isDigits(s[:5]) && !isDigits(s[5:6]) {
		s = s[:5]
	}
	if t := strings.Join(strings.Fields(s), ""); len(t) == 5 && isDigits(t) {
		s = t
	}
	if len(s) == 4 && isDigits(s) {
		return "0" + s
	}
	return s
}

// departementsOfPostalCode returns the codes of the départements a postal
// code belongs to by its prefix: Corsica's 20xxx to 2A and 2B, overseas
// 97xxx and 98xxx to their three-digit code.
func departementsOfPostalCode(pc string) []string {
	if len(pc) != 5 || !isDigits(pc) {
		return nil
	}
	switch pc[:2] {
	case "20":
		return []string{"2A", "2B"}
	case "97", "98":
		return []string{pc[:3]}
	}
	return []string{pc[:2]}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
