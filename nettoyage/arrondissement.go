package nettoyage

import (
	"regexp"
	"slices"
	"strings"

	"livret/lieu"
	"livret/texte"
)

// postcodeRE finds a postcode in a street line and what follows it.
var postcodeRE = regexp.MustCompile(`\b(\d{5})\b[\s,;/–—-]*`)

// districtFromAddress gives the place the postcode of its arrondissement
// that its street lines write, when its own postcode names none: code
// postal « 13000 », adresse « Place Victor Hugo 13003 Marseille ».
// districts are the postcodes of the arrondissements of its commune
// (Paris, Lyon, Marseille), communes the names it answers to: a postcode
// counts only followed by one of them, or ending the line, so that a
// number of a street or a box is not read as one; a postcode of another
// commune is never taken, which would move the place. Lines that write
// two arrondissements leave the postcode as it is, to check.
func districtFromAddress(l *lieu.Lieu, districts, communes []string) (Change, bool) {
	if len(districts) == 0 || slices.Contains(districts, strings.TrimSpace(l.PostalCode)) {
		return Change{}, false
	}
	var found []string
	for _, line := range []string{l.Address, l.AddressComplement} {
		for _, m := range postcodeRE.FindAllStringSubmatchIndex(line, -1) {
			code, rest := line[m[2]:m[3]], line[m[1]:]
			if slices.Contains(districts, code) && namesCommune(rest, communes) && !slices.Contains(found, code) {
				found = append(found, code)
			}
		}
	}
	switch len(found) {
	case 0:
		return Change{}, false
	case 1:
		c := Change{Field: "code_postal", Rule: District, Before: l.PostalCode, After: found[0],
			Note: "code postal de l’arrondissement écrit dans l’adresse"}
		l.PostalCode = found[0]
		return c, true
	}
	return Change{Field: "code_postal", Rule: District, Before: l.PostalCode, After: l.PostalCode, Unsure: true,
		Note: "l’adresse écrit les codes postaux de plusieurs arrondissements (" + strings.Join(found, ", ") + ")"}, true
}

// namesCommune tells whether rest, what follows a postcode, is empty or
// opens with one of the names: « Marseille », « MARSEILLE CEDEX ».
func namesCommune(rest string, names []string) bool {
	r := texte.Fold(strings.TrimSpace(rest))
	if r == "" {
		return true
	}
	for _, n := range names {
		if n := texte.Fold(strings.TrimSpace(n)); n != "" && strings.HasPrefix(r, n) &&
			(len(r) == len(n) || !isLetter(r[len(n)])) {
			return true
		}
	}
	return false
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
