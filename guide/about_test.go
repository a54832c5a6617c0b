package guide

import (
	"testing"

	"livret/lieu"
)

// TestCitedSources: the sources the places cite, as readers know them,
// most cited first, at most three and a count of the others.
func TestCitedSources(t *testing.T) {
	from := func(sources ...string) []Place {
		var ps []Place
		for _, s := range sources {
			ps = append(ps, Place{Lieu: lieu.Lieu{Source: s}})
		}
		return ps
	}
	for _, tc := range []struct {
		name    string
		sources []string
		want    string
	}{
		{"none", []string{"", " "}, ""},
		{"one", []string{"Bus France Services en Charente", "Bus France Services en Charente"}, "Bus France Services en Charente"},
		{"known names, most cited first", []string{"dora", "conseiller-numerique", "conseiller-numerique", "aidants-connect", "aidants-connect", "aidants-connect"},
			"Aidants Connect, Conseiller numérique et Dora"},
		{"councils", []string{"cd72", "cd72", "cr93", "cd99"}, "conseil départemental (Sarthe), cd99 et conseil régional (Provence-Alpes-Côte d’Azur)"},
		{"others counted", []string{"siao", "siao", "siao", "Hinaura", "Hinaura", "odspep", "france-services", "cd35"},
			"SIAO, Hinaura, France Services et 2\u00a0autres sources"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := citedSources(from(tc.sources...)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLicenceName: a licence is named as readers know it, whatever the
// file writes; one the file does not state is not guessed.
func TestLicenceName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"etalab-2.0", "Licence Ouverte"},
		{"Licence Ouverte / Open Licence 2.0", "Licence Ouverte"},
		{" lov2 ", "Licence Ouverte"},
		{"ODbL", "licence ODbL"},
		{"Open Database License (ODbL) v1.0", "licence ODbL"},
		{"CC-BY-4.0", "licence Creative Commons BY"},
		{"CC-BY-SA-4.0", "licence Creative Commons BY-SA"},
		{"CC0-1.0", "licence CC0 (domaine public)"},
		{"Licence de la ville", "la licence «\u00a0Licence de la ville\u00a0»"},
	} {
		if got := licenceName(tc.in); got != tc.want {
			t.Errorf("licenceName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
