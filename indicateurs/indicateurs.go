package indicateurs

import (
	"cmp"
	"slices"

	"livret/lieu"
	"livret/selection"
	"livret/territoire"
	"livret/texte"
)

// Words of the tables for what the standard has no value for.
const (
	// AllPublics counts the places that address no public in particular:
	// the standard says that every place welcomes everyone unless it names
	// the publics it addresses specifically.
	AllPublics = "Tous publics"
	// FeesUnknown counts the places that say nothing of their fees.
	FeesUnknown = "Non renseigné"
)

// Indicators are the figures of a selection of places.
//
// A place is counted once in Places, and under each service, public and
// fee it names: the counts per value add up to more than Places when
// places name several.
type Indicators struct {
	Places int // places counted

	// Services are the services of the standard, in its order: the
	// columns of the counts of each commune.
	Services []string
	// Communes are the communes where places are, in French alphabetical
	// order, with their counts.
	Communes []CommuneCount
	// Unlocated counts the places whose commune is unknown.
	Unlocated Count

	// Publics counts the places that address each public of the standard,
	// in its order, then those that address none in particular
	// (AllPublics).
	Publics []ValueCount
	// Fees counts the places for each value of the standard's fees
	// (Gratuit, Gratuit sous condition, Payant), then those that say
	// nothing of them (FeesUnknown).
	Fees []ValueCount

	// Coverage gives the places per inhabitant of each commune of the
	// territory, in French alphabetical order, communes without places
	// included. Without a territory, the territory is the communes where
	// places are.
	Coverage []Coverage
	// Territory is the coverage of the whole territory.
	Territory Coverage
	// Outside counts the places located in a commune outside the
	// territory, such as the places of a selection by distance beyond it.
	// Places = Territory.Places + Outside + Unlocated.Places.
	Outside int
	// WithoutPlace lists the communes of the territory where no place is,
	// the most populated first.
	WithoutPlace []*territoire.Commune
}

// Count is the number of places of a commune, in all and per service.
type Count struct {
	Places    int
	Services  []int // places offering each service of Indicators.Services
	NoService int   // places that name no service
}

// CommuneCount is the count of the places of one commune.
type CommuneCount struct {
	Commune *territoire.Commune
	Count
}

// ValueCount is the number of places that name a value.
type ValueCount struct {
	Value  string
	Places int
}

// Coverage is the number of places of a commune or a territory, for its
// population.
type Coverage struct {
	Commune    *territoire.Commune // nil for the whole territory
	Population int                 // population municipale
	Places     int
}

// PerTenThousand returns the places per 10 000 inhabitants; ok is false
// when the population is unknown.
func (c Coverage) PerTenThousand() (ratio float64, ok bool) {
	if c.Population <= 0 {
		return 0, false
	}
	return float64(c.Places) * 10000 / float64(c.Population), true
}

// Compute counts the places. territory lists the INSEE codes of the
// communes of the territory asked for (as territoire.Area.Communes gives
// them; former codes lead to the current commune, codes the geography does
// not know are left out); nil means the communes where places are. atlas
// is the geography the codes are looked up in; nil means
// territoire.Default().
func Compute(places []selection.Selected, atlas *territoire.Atlas, territory []string) *Indicators {
	if atlas == nil {
		atlas = territoire.Default()
	}
	services := lieu.Services.Values
	ind := &Indicators{Places: len(places), Services: services, Unlocated: newCount(len(services))}
	counts := map[*territoire.Commune]*CommuneCount{}
	publics := make([]int, len(lieu.Publics.Values)+1) // then AllPublics
	fees := make([]int, len(lieu.Fees.Values)+1)       // then FeesUnknown

	for _, s := range places {
		p := s.Place
		count := &ind.Unlocated
		if c := p.Location.Commune; c != nil {
			cc, ok := counts[c]
			if !ok {
				cc = &CommuneCount{Commune: c, Count: newCount(len(services))}
				counts[c] = cc
			}
			count = &cc.Count
		}
		count.add(p.Services)
		tally(publics, lieu.Publics, p.Publics)
		tally(fees, lieu.Fees, p.Fees)
	}

	for _, cc := range counts {
		ind.Communes = append(ind.Communes, *cc)
	}
	slices.SortFunc(ind.Communes, func(a, b CommuneCount) int { return byName(a.Commune, b.Commune) })
	ind.Publics = values(publics, lieu.Publics, AllPublics)
	ind.Fees = values(fees, lieu.Fees, FeesUnknown)

	communes := territoryCommunes(atlas, territory, ind.Communes)
	for _, c := range communes {
		cov := Coverage{Commune: c, Population: c.Population}
		if cc, ok := counts[c]; ok {
			cov.Places = cc.Places
		} else {
			ind.WithoutPlace = append(ind.WithoutPlace, c)
		}
		ind.Coverage = append(ind.Coverage, cov)
		ind.Territory.Population += cov.Population
		ind.Territory.Places += cov.Places
	}
	ind.Outside = ind.Places - ind.Territory.Places - ind.Unlocated.Places
	slices.SortStableFunc(ind.WithoutPlace, func(a, b *territoire.Commune) int { return cmp.Compare(b.Population, a.Population) })
	return ind
}

func newCount(services int) Count { return Count{Services: make([]int, services)} }

// add counts a place offering the given services.
func (c *Count) add(services []string) {
	c.Places++
	if len(services) == 0 {
		c.NoService++
	}
	for _, s := range services {
		if i := slices.Index(lieu.Services.Values, s); i >= 0 {
			c.Services[i]++
		}
	}
}

// tally counts a place under each value it names of v, or under the last
// entry of counts when it names none.
func tally(counts []int, v *lieu.Vocabulary, named []string) {
	if len(named) == 0 {
		counts[len(counts)-1]++
		return
	}
	for _, s := range named {
		if i := slices.Index(v.Values, s); i >= 0 {
			counts[i]++
		}
	}
}

func values(counts []int, v *lieu.Vocabulary, none string) []ValueCount {
	out := make([]ValueCount, len(counts))
	for i, n := range counts {
		out[i] = ValueCount{Value: none, Places: n}
		if i < len(v.Values) {
			out[i].Value = v.Values[i]
		}
	}
	return out
}

// territoryCommunes returns the communes of the territory, each once, in
// French alphabetical order; without a territory, the communes where
// places are.
func territoryCommunes(atlas *territoire.Atlas, codes []string, counted []CommuneCount) []*territoire.Commune {
	var out []*territoire.Commune
	if codes == nil {
		for _, cc := range counted {
			out = append(out, cc.Commune)
		}
		return out
	}
	seen := map[*territoire.Commune]bool{}
	for _, code := range codes {
		if c, _, ok := atlas.Commune(code); ok && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	slices.SortFunc(out, byName)
	return out
}

// byName sorts communes in French alphabetical order, then by code for
// the communes that share a name.
func byName(a, b *territoire.Commune) int {
	return cmp.Or(texte.Compare(a.Name, b.Name), cmp.Compare(a.Code, b.Code))
}
