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

// TestAboutBrief: the brief naming of the data, for a page too small for
// the whole, leaves out the places' own sources and keeps the licence.
func TestAboutBrief(t *testing.T) {
	places := []Place{{Lieu: lieu.Lieu{Source: "conseiller-numerique"}}}
	for _, tc := range []struct {
		name               string
		src                Source
		source, brief, lic string
	}{
		{"file", Source{File: "lieux.csv"},
			"Données\u00a0: «\u00a0lieux.csv\u00a0», lieux fournis par Conseiller numérique.", "Données\u00a0: «\u00a0lieux.csv\u00a0».", ""},
		{"licence", Source{File: "lieux.json", Licence: "etalab-2.0"},
			"Données\u00a0: «\u00a0lieux.json\u00a0», lieux fournis par Conseiller numérique,", "Données\u00a0: «\u00a0lieux.json\u00a0»,", "sous Licence Ouverte."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := about(places, &Guide{}, Options{Source: tc.src})
			if a.Source != tc.source || a.SourceBrief != tc.brief || a.Licence != tc.lic {
				t.Errorf("got %q, %q, %q\nwant %q, %q, %q", a.Source, a.SourceBrief, a.Licence, tc.source, tc.brief, tc.lic)
			}
		})
	}
}
