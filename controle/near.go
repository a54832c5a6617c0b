package controle

import (
	"cmp"
	"strings"

	"livret/texte"
)

// near finds places that are the same though their names or addresses
// are written differently: the same phone at the same address ("207
// avenue Gal de Gaulle" and "207 Avenue du Général de Gaulle"), or the same
// e-mail in the same commune under names one of which has all the words of
// the other ("UNION DEP ASSOCIATIONS FAMILLE" at "73 Impasse" and at "73
// rue Joseph Niepce"). A shared switchboard or e-mail alone is not enough:
// a mairie and its library often have both, and a conseiller numérique
// gives one e-mail for the mairies of several villages.
type near struct {
	byPhoneAddress map[string]int   // phone and address key → index in places
	byEmail        map[string][]int // e-mail → indexes in places
}

func newNear() *near {
	return &near{byPhoneAddress: map[string]int{}, byEmail: map[string][]int{}}
}

// find returns the index of a place p is a near-duplicate of, and why.
func (n *near) find(p *Place, places []Place) (int, string, bool) {
	if k := phoneAddressKey(p); k != "" {
		if i, ok := n.byPhoneAddress[k]; ok {
			return i, "même téléphone et même adresse", true
		}
	}
	words := nameWords(p.Name)
	for _, e := range p.Emails {
		for _, i := range n.byEmail[strings.ToLower(e)] {
			if sameCommune(p, &places[i]) && similar(words, nameWords(places[i].Name)) {
				return i, "même courriel et noms proches", true
			}
		}
	}
	return 0, "", false
}

// add indexes the place at i.
func (n *near) add(p *Place, i int) {
	if k := phoneAddressKey(p); k != "" {
		if _, ok := n.byPhoneAddress[k]; !ok {
			n.byPhoneAddress[k] = i
		}
	}
	for _, e := range p.Emails {
		e = strings.ToLower(e)
		n.byEmail[e] = append(n.byEmail[e], i)
	}
}

// phoneAddressKey is the first valid phone number and the address with its
// small words left out, in the place's commune; empty without either.
func phoneAddressKey(p *Place) string {
	phone := ""
	for _, num := range p.Phones {
		if num.Valid() {
			phone = num.E164 + num.Display
			break
		}
	}
	addr := addressWords(p.Address)
	if phone == "" || addr == "" {
		return ""
	}
	return phone + "|" + addr + "|" + cmp.Or(p.INSEE, texte.Fold(p.Commune))
}

// smallWords are left out of the keys: "avenue du Général" and "avenue
// Général" are one address.
var smallWords = map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true, "les": true,
	"l": true, "d": true, "et": true, "a": true, "au": true, "aux": true, "en": true, "sur": true}

func addressWords(s string) string {
	var out []string
	for _, w := range strings.FieldsFunc(texte.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if !smallWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// nameWords are the words of a name but its small words.
func nameWords(name string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(addressWords(name)) {
		words[w] = true
	}
	return words
}

// sameCommune reports places of one commune: the same INSEE code once
// located, else the same commune name. An e-mail shared by the mairies of
// several villages (a conseiller numérique's) does not make them one.
func sameCommune(a, b *Place) bool {
	if a.INSEE != "" && b.INSEE != "" {
		return a.INSEE == b.INSEE
	}
	return texte.Fold(a.Commune) == texte.Fold(b.Commune)
}

// similar reports names one of which has every word of the other:
// "Centre social les 7 lieux" and "centre social les 7 lieux", "Centre
// Social Simone Veil" and "Centre Social Simone Veil La Grande Maison",
// but not "1er accueil SPIP AJ" and "1er accueil MILO AJ".
func similar(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}
