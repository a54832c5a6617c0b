package guide

import (
	"testing"

	"livret/lieu"
)

func TestShortName(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Saint-Médard-en-Jalles", "St-Médard-en-Jalles"},
		{"La Côte-Saint-André", "La Côte-St-André"},
		{"Sainte-Foy-la-Grande", "Ste-Foy-la-Grande"},
		{"Communauté de communes du Bazadais", "CC du Bazadais"},
		{"Communauté d’agglomération du Grand Angoulême", "CA du Grand Angoulême"},
		{"Saint Jean de Luz", "St Jean de Luz"},
		{"Saintes", ""}, // a commune, not an abbreviation
		{"Le Pont-Saint", ""},
		{"Saint-Martin-d’Hères", "St-Martin-d’Hères"},
		{"Marseille 15e", ""},
		{"Grenoble", ""},
	} {
		if got := shortName(c.name); got != c.want {
			t.Errorf("shortName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestNeedPartsShortHeads: a part by need gives its running head for
// short, the template's, where the label does not hold (A5).
func TestNeedPartsShortHeads(t *testing.T) {
	w := Words{Services: map[string]string{lieu.ServiceQuotidien: "Ordinateur et téléphone"},
		ShortServices: map[string]string{lieu.ServiceQuotidien: "Ordinateur"}}
	places := []Place{
		{Lieu: lieu.Lieu{Name: "A", Services: []string{lieu.ServiceQuotidien}}, Commune: "Vif", Distance: -1},
		{Lieu: lieu.Lieu{Name: "B"}, Commune: "Vif", Distance: -1},
	}
	g := Compose(places, Options{Words: w, By: ByService})
	got := map[string]string{}
	for _, ix := range g.ByNeed {
		got[ix.Title] = ix.Short
	}
	if got["Ordinateur et téléphone"] != "Ordinateur" || got["Lieux aux services non précisés"] != "Autres lieux" {
		t.Errorf("short heads %q", got)
	}
}
