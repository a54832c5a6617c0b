package main

import (
	"strings"
	"testing"
)

// TestOneCommuneGuide lays out guides of one commune from the real files,
// as the command does, and reads their cover and how-to: the cover says
// plainly where the places are (« 97 lieux à Marseille », « au Havre »)
// and the how-to how they are really ordered; a guide of several communes
// keeps « par commune, de A à Z ».
func TestOneCommuneGuide(t *testing.T) {
	t.Parallel()
	const (
		national = "../../testdata/donnees/national-v0.1-2023-02-06.json"
		paca     = "../../testdata/donnees/paca-v0.1-2023-05-17.json"
	)
	for _, tc := range []struct {
		name         string
		args         []string
		cover, howTo string
	}{
		{"Marseille", []string{"--source", paca, "--commune", "Marseille", "--format", "A5"},
			"97 lieux à Marseille", "Les lieux sont rangés par arrondissement, du 1er au 16e."},
		{"Lyon", []string{"--source", national, "--commune", "Lyon"},
			"27 lieux à Lyon", "Les lieux sont rangés par arrondissement, du 1er au 9e."},
		{"Paris", []string{"--source", national, "--commune", "Paris"},
			"56 lieux à Paris", "Les lieux sont rangés par arrondissement, du 1er au 20e."},
		{"Grenoble", []string{"--source", national, "--commune", "Grenoble"},
			"18 lieux à Grenoble", "Les lieux sont rangés par code postal, du 38000 au 38100."},
		{"Le Havre", []string{"--source", national, "--commune", "Le Havre"},
			"2 lieux au Havre", "Les lieux sont rangés par nom, de A à Z."},
		{"Isère", []string{"--source", national, "--departement", "38"},
			"76 lieux dans 39 communes", "Les lieux sont rangés par commune, de A à Z."},
		{"Bouches-du-Rhône", []string{"--source", paca, "--departement", "13"},
			"224 lieux dans 45 communes", "Les lieux sont rangés par commune, de A à Z."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			book, _, _ := layOutGuide(t, append(tc.args, "--date", "2026-12-04")...)
			flat := func(i int) string {
				return strings.Join(strings.Fields(strings.ReplaceAll(pageText(book.Pages[i]), "\u00a0", " ")), " ")
			}
			if cover := flat(0); !strings.Contains(cover, tc.cover) {
				t.Errorf("cover %q, want %q", cover, tc.cover)
			}
			var front []string
			for i := 1; i < min(4, len(book.Pages)); i++ {
				front = append(front, flat(i))
			}
			if text := strings.Join(front, " "); !strings.Contains(text, tc.howTo) {
				t.Errorf("how-to %q, want %q", text, tc.howTo)
			}
		})
	}
}

// TestDistrictFromAddressMarseille: in the PACA file, « Weréso Marseille »
// gives the postcode 13000 and its address « … 13003 Marseille »: the
// cleaning files it under Marseille 3e, not under « arrondissement non
// précisé »; --brut prints it as the file gives it.
func TestDistrictFromAddressMarseille(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		brut bool
		head string
	}{{false, "Marseille 3e"}, {true, "Marseille, arrondissement non précisé"}} {
		args := []string{"--source", "../../testdata/donnees/paca-v0.1-2023-05-17.json", "--commune", "Marseille", "--format", "A5", "--date", "2026-12-04"}
		if tc.brut {
			args = append(args, "--brut")
		}
		book, _, _ := layOutGuide(t, args...)
		found := false
		for _, p := range book.Pages {
			if text := strings.Join(strings.Fields(pageText(p)), " "); strings.Contains(text, "Weréso Marseille Dans la Gare") {
				found = true
				if !strings.Contains(text, tc.head) {
					t.Errorf("brut %v: Weréso on a page of another part: %q", tc.brut, text)
				}
			}
		}
		if !found {
			t.Errorf("brut %v: Weréso not printed", tc.brut)
		}
	}
}
