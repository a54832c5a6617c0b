package guide

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"livret/lieu"
)

// TestOrdering: the how-to says how the guide is really ordered: by
// commune when there are several, else by the parts of the one commune,
// from the first to the last, else by name.
func TestOrdering(t *testing.T) {
	w := words
	w.Intro = []string{"Voici les lieux."}
	w.OrderByCommune, w.OrderByName = "Par commune.", "Par nom."
	w.OrderByDistrict, w.OrderByPostalCode = "Par arrondissement, du {premier} au {dernier}.", "Par code postal, du {premier} au {dernier}."
	marseille := func(n int) *District {
		return &District{Code: fmt.Sprintf("132%02d", n), Name: fmt.Sprintf("Marseille %de Arrondissement", n)}
	}
	first := &District{Code: "13201", Name: "Marseille 1er Arrondissement"}
	type at struct {
		commune, postalCode string
		district            *District
		n                   int
	}
	for _, tc := range []struct {
		name   string
		places []at
		want   string
	}{
		{"arrondissements, the unknown last", []at{{"Marseille", "13016", marseille(16), 1}, {"Marseille", "13001", first, 2},
			{"Marseille", "13000", nil, 1}, {"Marseille", "13003", marseille(3), 1}}, "Par arrondissement, du 1er au 16e."},
		{"postal codes", []at{{"Toulouse", "31500", nil, 7}, {"Toulouse", "31000", nil, 4}, {"Toulouse", "31100", nil, 3}},
			"Par code postal, du 31000 au 31500."},
		{"one commune, one part", []at{{"Pessac", "33600", nil, 3}}, "Par nom."},
		{"one arrondissement known, the others not", []at{{"Marseille", "13001", first, 2}, {"Marseille", "13000", nil, 2}}, "Par nom."},
		{"a commune cut in parts among others", []at{{"Marseille", "13001", first, 1}, {"Marseille", "13003", marseille(3), 1},
			{"Aubagne", "13400", nil, 1}}, "Par commune."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var places []Place
			for _, p := range tc.places {
				for i := range p.n {
					places = append(places, Place{Lieu: lieu.Lieu{Name: fmt.Sprintf("Lieu %s %d", p.postalCode, i), PostalCode: p.postalCode},
						Commune: p.commune, Distance: -1, District: p.district})
				}
			}
			g := Compose(places, Options{Words: w})
			if got, ok := strings.CutPrefix(g.Intro[0], "Voici les lieux. "); !ok || got != tc.want {
				t.Errorf("intro %q, want it to end with %q", g.Intro[0], tc.want)
			}
		})
	}
}

// TestOrderingByService: by need, a guide of one commune says how its
// places follow, and its parts by need name no communes; a guide of
// several keeps the template's sentence.
func TestOrderingByService(t *testing.T) {
	w := words
	w.Intro = []string{"Voici les lieux."}
	w.OrderByService, w.OrderByServiceOne = "Par besoin, puis commune par commune.", "Par besoin."
	w.OrderByCommune, w.OrderByDistrict = "Par commune.", "Par arrondissement, du {premier} au {dernier}."
	place := func(commune, code string, d *District) Place {
		return Place{Lieu: lieu.Lieu{Name: "Lieu " + code, PostalCode: code, Services: []string{lieu.ServiceDemarches}},
			Commune: commune, Distance: -1, District: d}
	}
	marseille := []Place{
		place("Marseille", "13001", &District{Code: "13201", Name: "Marseille 1er Arrondissement"}),
		place("Marseille", "13003", &District{Code: "13203", Name: "Marseille 3e Arrondissement"}),
	}
	several := append(slices.Clone(marseille), place("Aubagne", "13400", nil))
	for _, tc := range []struct {
		name         string
		places       []Place
		intro, needs string
	}{
		{"one commune", marseille, "Voici les lieux. Par besoin. Par arrondissement, du 1er au 3e.",
			"Pour chaque besoin, les lieux où l’on peut vous aider et leur page."},
		{"several", several, "Voici les lieux. Par besoin, puis commune par commune.",
			"Pour chaque besoin, les communes où l’on peut vous aider, le nom des lieux et leur page."},
	} {
		g := Compose(tc.places, Options{Words: w, By: ByService})
		if g.Intro[0] != tc.intro || len(g.ByNeed) == 0 || g.ByNeed[0].Intro != tc.needs {
			t.Errorf("%s: intro %q, needs %+v", tc.name, g.Intro[0], g.ByNeed)
		}
	}
}
