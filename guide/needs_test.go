package guide

import (
	"slices"
	"strings"
	"testing"

	"livret/lieu"
)

// TestByService: a guide by service prints each place once, by commune,
// after parts by need: each service the places offer, in the order of the
// standard, with the communes and the place of each entry that offers it.
func TestByService(t *testing.T) {
	places := examplePlaces(t)
	w := words
	w.OrderByService = "Le guide commence par les besoins."
	g := Compose(places, Options{Words: w, By: ByService})
	byCommune := Compose(places, Options{Words: w})
	anchors := map[string]*Entry{}
	for i := range g.Sections {
		for j := range g.Sections[i].Entries {
			e := &g.Sections[i].Entries[j]
			if anchors[e.Anchor] != nil {
				t.Errorf("%s printed twice", e.Name)
			}
			anchors[e.Anchor] = e
		}
		if g.Sections[i].Title != byCommune.Sections[i].Title {
			t.Errorf("section %d is %q, by commune %q", i, g.Sections[i].Title, byCommune.Sections[i].Title)
		}
	}
	if len(anchors) != len(places) || len(g.Sections) != len(byCommune.Sections) {
		t.Fatalf("%d entries in %d sections for %d places", len(anchors), len(g.Sections), len(places))
	}
	if g.Needs != nil || len(g.ByNeed) == 0 || !slices.Contains(g.Intro, w.OrderByService) || slices.Contains(byCommune.Intro, w.OrderByService) {
		t.Fatalf("needs %v, by need %d, intro %q", g.Needs, len(g.ByNeed), g.Intro)
	}
	var titles []string
	for _, ix := range g.ByNeed {
		titles = append(titles, ix.Title)
		svc := ""
		for _, v := range lieu.Services.Values {
			if ix.Title == w.Services[v] || ix.Title == v {
				svc = v
			}
		}
		if svc == "" {
			t.Fatalf("part %q names no service", ix.Title)
		}
		for _, l := range ix.Lines {
			for _, p := range l.Pieces {
				if p.Pages == nil {
					continue
				}
				e := anchors[p.Pages.Anchors[0]]
				if e == nil || e.Commune != strings.TrimSpace(strings.Split(l.Head, "\u00a0")[0]) && !strings.HasPrefix(l.Head, e.Commune) {
					t.Errorf("%s: %s points to %v", ix.Title, l.Head, e)
					continue
				}
				if !slices.Contains(places[e.place].Lieu.Services, svc) {
					t.Errorf("%s under %s", e.Name, ix.Title)
				}
			}
		}
	}
	if titles[0] != "Démarches administratives" {
		t.Errorf("parts %v", titles)
	}
	// A service every place offers: one line, no list of every place.
	var all []Place
	for _, p := range places {
		if slices.Contains(p.Lieu.Services, lieu.ServiceQuotidien) {
			all = append(all, p)
		}
	}
	shared := Compose(all, Options{Words: w, By: ByService})
	if ix := shared.ByNeed[slices.IndexFunc(shared.ByNeed, func(ix *RefIndex) bool { return ix.Title == "Ordinateur et téléphone" })]; len(ix.Lines) != 1 ||
		!strings.HasPrefix(ix.Lines[0].Pieces[0].Text, "Tous les lieux de ce guide le proposent") || ix.Lines[0].Pieces[1].Pages.Anchors[0] != shared.Sections[0].Anchor {
		t.Errorf("a service all places offer: %+v", ix.Lines)
	}
	if only := Compose(places, Options{Words: w, By: ByService, Services: []string{lieu.ServiceQuotidien}}); len(only.ByNeed) != 1 || only.ByNeed[0].Title != "Ordinateur et téléphone" {
		t.Errorf("--service quotidien: %d parts", len(only.ByNeed))
	}
}
