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
		got = append(got, fmt.Sprintf("%s (%d) %s", s.Title, len(s.Entries), s.Anchor))
	}
	want := []string{
		"Angers (12) section-1",
		"Annecy (14) section-2",
		"Le Mans\u00a072000 (9) section-3-1",
		"Le Mans\u00a072100 (4) section-3-2",
		"Marseille 2e (1) section-4-1",
		"Marseille 13e (2) section-4-2",
		"Marseille, arrondissement non précisé (1) section-4-3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The index of communes gives the pages of every part.
	for _, l := range g.Communes.Lines {
		if l.Head == "Marseille" && len(l.Pieces[0].Pages.Anchors) != 3 {
			t.Errorf("Marseille in the index of communes: %s", lineText(l))
		}
	}
}
