package indicateurs

import (
	"cmp"
	"fmt"

	"livret/guide"
	"livret/texte"
)

// maxWithoutPlace bounds the list of communes without a place printed on
// paper; the spreadsheet has them all.
const maxWithoutPlace = 15

// Figures are the indicators as a page of a guide or a document of their
// own shows them: coverage per commune, communes without a place, and
// charts of services, fees and publics. labels gives the short words of
// each service (the guide's); a service without one keeps its name.
func (ind *Indicators) Figures(labels map[string]string) *guide.Figures {
	f := &guide.Figures{Title: "Les lieux en chiffres"}
	intro := fmt.Sprintf("%s dans %s.", texte.Count(ind.Places, "lieu", "lieux"), texte.Count(len(ind.Communes), "commune", "communes"))
	if r, ok := ind.Territory.PerTenThousand(); ok {
		unit := "lieu"
		if r >= 2 {
			unit = "lieux"
		}
		intro += fmt.Sprintf(" Sur le territoire, cela fait %s\u00a0%s pour 10\u00a0000 habitants.", texte.Decimal(r, 1), unit)
	}
	if n := len(ind.WithoutPlace); n > 0 {
		intro += fmt.Sprintf(" %s du territoire %s aucun lieu.", texte.Count(n, "commune", "communes"), texte.Plural(n, "n’a", "n’ont"))
	}
	f.Intro = append(f.Intro, intro)

	cov := guide.Table{Caption: "Lieux par commune", Header: []string{"Commune", "Lieux", "Pour 10\u00a0000 habitants"},
		Numeric: []bool{false, true, true}}
	for _, c := range ind.Coverage {
		if c.Places == 0 {
			continue
		}
		cov.Rows = append(cov.Rows, []string{c.Commune.Name, texte.Number(c.Places), ratio(c)})
	}
	f.Tables = append(f.Tables, cov)

	if len(ind.WithoutPlace) > 0 {
		t := guide.Table{Caption: "Communes sans lieu, les plus peuplées d’abord", Header: []string{"Commune", "Habitants"},
			Numeric: []bool{false, true}}
		for i, c := range ind.WithoutPlace {
			if i == maxWithoutPlace {
				// One row of the table's two columns, read as the others are.
				t.Rows = append(t.Rows, []string{"et " + texte.Count(len(ind.WithoutPlace)-i, "autre commune", "autres communes"),
					"moins de " + texte.Number(c.Population+1)})
				break
			}
			t.Rows = append(t.Rows, []string{c.Name, texte.Number(c.Population)})
		}
		f.Tables = append(f.Tables, t)
	}

	services := guide.Chart{Title: "Lieux par service"}
	for i, s := range ind.Services {
		n := ind.Unlocated.Services[i]
		for _, c := range ind.Communes {
			n += c.Services[i]
		}
		services.Bars = append(services.Bars, bar(cmp.Or(labels[s], s), n))
	}
	fees := guide.Chart{Title: "Gratuit ou payant"}
	for _, v := range ind.Fees {
		fees.Bars = append(fees.Bars, bar(v.Value, v.Places))
	}
	publics := guide.Chart{Title: "Publics visés"}
	for _, v := range ind.Publics {
		publics.Bars = append(publics.Bars, bar(v.Value, v.Places))
	}
	f.Charts = append(f.Charts, services, fees, publics)
	return f
}

func bar(label string, n int) guide.Bar {
	return guide.Bar{Label: label, Value: float64(n), Text: texte.Count(n, "lieu", "lieux")}
}

func ratio(c Coverage) string {
	r, ok := c.PerTenThousand()
	if !ok {
		return "–"
	}
	return texte.Decimal(r, 1)
}
