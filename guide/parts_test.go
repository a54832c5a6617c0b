package guide

import (
	"fmt"
	"strings"
	"testing"

	"livret/lieu"
)

func TestInParts(t *testing.T) {
	var places []Place
	add := func(n int, commune, postalCode string, district *District) {
		for i := range n {
			places = append(places, Place{Lieu: lieu.Lieu{Name: fmt.Sprintf("Lieu %s %s %d", commune, postalCode, i), PostalCode: postalCode},
				Commune: commune, Distance: -1, District: district})
		}
	}
	// Marseille, by arrondissement, whatever its size; 13e after 2e.
	add(2, "Marseille", "13013", &District{Code: "13213", Name: "Marseille 13e Arrondissement"})
	add(1, "Marseille", "13002", &District{Code: "13202", Name: "Marseille 2e Arrondissement"})
	add(1, "Marseille", "13000", nil)
	// Le Mans, 13 places: by postal code.
	add(9, "Le Mans", "72000", nil)
	add(4, "Le Mans", "72100", nil)
	// Twelve places stay together; so do many under one postal code.
	add(12, "Angers", "49000", nil)
	add(14, "Annecy", "74000", nil)
	g := Compose(places, Options{Words: words})
	var got []string
	for _, s := range g.Sections {
		// Its title names the commune of its places, but for a part of
		// unknown arrondissement: the postal code may tell it.
		names := map[bool]string{true: "commune", false: "adresse entière"}[s.NamesCommune]
		got = append(got, fmt.Sprintf("%s (%d) %s, %s", s.Title, len(s.Entries), s.Anchor, names))
	}
	want := []string{
		"Angers (12) section-1, commune",
		"Annecy (14) section-2, commune",
		"Le Mans\u00a072000 (9) section-3-1, commune",
		"Le Mans\u00a072100 (4) section-3-2, commune",
		"Marseille 2e (1) section-4-1, commune",
		"Marseille 13e (2) section-4-2, commune",
		"Marseille, arrondissement non précisé (1) section-4-3, adresse entière",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// In order of distance, one section for all communes.
	if g := Compose(places, Options{Words: words, By: InOrder}); g.Sections[0].NamesCommune {
		t.Error("a section of places of several communes names their commune")
	}
	// The index of communes gives the pages of every part.
	for _, l := range g.Communes.Lines {
		if l.Head == "Marseille" && len(l.Pieces[0].Pages.Anchors) != 3 {
			t.Errorf("Marseille in the index of communes: %s", lineText(l))
		}
	}
}
