package territoire

import (
	"fmt"
	"sort"
	"strings"
)

// Kind is a kind of territory a user can ask for.
type Kind uint8

const (
	KindCommune     Kind = iota + 1 // a commune, or an arrondissement of Paris, Lyon or Marseille
	KindCodePostal                  // the communes served by a postal code
	KindEPCI                        // an EPCI or an établissement public territorial
	KindDepartement                 // a département or an overseas collectivity
	KindRegion                      // a région or an overseas collectivity
)

// String returns the kind in French, without article: "commune",
// "code postal", "EPCI", "département", "région".
func (k Kind) String() string {
	switch k {
	case KindCommune:
		return "commune"
	case KindCodePostal:
		return "code postal"
	case KindEPCI:
		return "EPCI"
	case KindDepartement:
		return "département"
	case KindRegion:
		return "région"
	}
	return "territoire"
}

// feminine tells the grammatical gender of the kind's noun.
func (k Kind) feminine() bool { return k == KindCommune || k == KindRegion }

// An Area is a territory resolved from what a user typed, with the current
// communes it covers.
type Area struct {
	Kind Kind
	Code string // INSEE code, postal code, SIREN, département or région code
	Name string // French name: "Saint-Médard-en-Jalles", "Bordeaux Métropole", "Gironde"

	// Communes lists the INSEE codes of the current communes the area
	// covers, sorted.
	Communes []string
	// Arrondissements, when not empty, restricts the area within Paris,
	// Lyon or Marseille to these arrondissements municipaux (INSEE codes,
	// sorted): the area of "Marseille 11e" or of the postal code 13011.
	Arrondissements []string

	Population int // population municipale
	Centre     Centre

	// Note says how a commune was found when the query was not its
	// current code or name: an old code, a delegated commune's name.
	Note Note

	// The entity resolved, for the kind of the area; the others are nil.
	// A postal code area has none.
	Commune        *Commune
	Arrondissement *Arrondissement
	EPCI           *EPCI
	Departement    *Departement
	Region         *Region
}

// Contains reports whether a located place lies in the area.
func (ar Area) Contains(l Location) bool {
	if l.Commune == nil || !sortedHas(ar.Communes, l.Commune.Code) {
		return false
	}
	restricted := false
	for _, code := range ar.Arrondissements {
		if x, ok := l.Commune.arrondissement(code); ok {
			restricted = true
			if l.Arrondissement == x {
				return true
			}
		}
	}
	return !restricted
}

func (c *Commune) arrondissement(code string) (*Arrondissement, bool) {
	for _, ar := range c.Arrondissements {
		if ar.Code == code {
			return ar, true
		}
	}
	return nil, false
}

func sortedHas(s []string, v string) bool {
	i := sort.SearchStrings(s, v)
	return i < len(s) && s[i] == v
}

// String names the area for a French sentence: "Saint-Denis
// (Seine-Saint-Denis, 93)", "Bordeaux Métropole (métropole)",
// "Gironde (33)", "code postal 33160 (Saint-Aubin-de-Médoc, …)".
func (ar Area) String() string {
	switch {
	case ar.Arrondissement != nil:
		return ar.Name + " (" + inDept(ar.Arrondissement.Commune.Departement) + ")"
	case ar.Commune != nil:
		return ar.Name + " (" + inDept(ar.Commune.Departement) + ")"
	case ar.EPCI != nil:
		return ar.Name + " (" + ar.EPCI.TypeName() + ")"
	case ar.Departement != nil, ar.Region != nil:
		return ar.Name + " (" + ar.Code + ")"
	case ar.Kind == KindCodePostal:
		return "code postal " + ar.Name
	}
	return ar.Name
}

func inDept(d *Departement) string { return d.Name + ", " + d.Code }

// codeLabel names the code a user can type to designate the area without
// ambiguity: "code INSEE 93066", "SIREN 243300316".
func (ar Area) codeLabel() string {
	switch ar.Kind {
	case KindCommune:
		return "code INSEE " + ar.Code
	case KindEPCI:
		return "SIREN " + ar.Code
	}
	return "code " + ar.Code
}

func communeArea(c *Commune, n Note) Area {
	return Area{
		Kind: KindCommune, Code: c.Code, Name: c.Name,
		Communes:   []string{c.Code},
		Population: c.Population, Centre: c.Centre, Note: n,
		Commune: c,
	}
}

func arrondissementArea(ar *Arrondissement) Area {
	return Area{
		Kind: KindCommune, Code: ar.Code, Name: ar.Name,
		Communes:        []string{ar.Commune.Code},
		Arrondissements: []string{ar.Code},
		Population:      ar.Population, Centre: ar.Centre,
		Arrondissement: ar,
	}
}

func (a *Atlas) postalCodeArea(pc string, communes []*Commune) Area {
	ar := Area{Kind: KindCodePostal, Code: pc}
	var names []string
	for _, c := range communes {
		ar.Communes = append(ar.Communes, c.Code)
		if len(c.Arrondissements) == 0 {
			ar.Population += c.Population
			names = append(names, c.Name)
			continue
		}
		for _, x := range a.arrByPostal[pc] {
			if x.Commune == c {
				ar.Arrondissements = append(ar.Arrondissements, x.Code)
				ar.Population += x.Population
				names = append(names, x.Name)
			}
		}
	}
	sort.Strings(ar.Communes)
	sort.Strings(ar.Arrondissements)
	if len(names) <= 4 {
		ar.Name = pc + " (" + strings.Join(names, ", ") + ")"
	} else {
		ar.Name = fmt.Sprintf("%s (%d communes)", pc, len(names))
	}
	if len(ar.Arrondissements) == 1 {
		ar.Centre = a.arrByCode[ar.Arrondissements[0]].Centre
	} else {
		ar.Centre = mainCentre(communes)
	}
	return ar
}

func epciArea(e *EPCI) Area {
	ar := Area{Kind: KindEPCI, Code: e.Code, Name: e.Name, Population: e.Population, Centre: mainCentre(e.Members), EPCI: e}
	for _, c := range e.Members { // sorted by code
		ar.Communes = append(ar.Communes, c.Code)
	}
	return ar
}

// mainCentre returns the centre of the most populous of several communes
// when it is the commune's own: it stands for the group. A département
// centre would say nothing about the group, so none is given then.
func mainCentre(cs []*Commune) Centre {
	var main *Commune
	for _, c := range cs {
		if main == nil || c.Population > main.Population {
			main = c
		}
	}
	if main == nil || !main.Centre.Known() || main.Centre.Origin == CentreFromDepartement {
		return Centre{}
	}
	return main.Centre
}

func departementArea(d *Departement) Area {
	ar := Area{Kind: KindDepartement, Code: d.Code, Name: d.Name, Population: d.Population, Centre: d.Centre, Departement: d}
	for _, c := range d.Communes {
		ar.Communes = append(ar.Communes, c.Code)
	}
	return ar
}

func regionArea(r *Region) Area {
	ar := Area{Kind: KindRegion, Code: r.Code, Name: r.Name, Population: r.Population, Centre: r.Centre, Region: r}
	for _, c := range r.Communes() {
		ar.Communes = append(ar.Communes, c.Code)
	}
	sort.Strings(ar.Communes)
	return ar
}
