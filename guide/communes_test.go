package guide

import (
	"fmt"
	"strings"
	"testing"

	"livret/lieu"
	"livret/territoire"
	"livret/texte"
)

// lineText writes a line of a RefIndex with its anchors in brackets.
func lineText(l RefLine) string {
	s := l.Head
	for _, p := range l.Pieces {
		if p.Pages == nil {
			s += p.Text
			continue
		}
		if p.Pages.One != "" {
			s += p.Pages.One + " "
		}
		s += "[" + strings.Join(p.Pages.Anchors, " ") + "]"
	}
	return s
}

func TestCommuneIndex(t *testing.T) {
	pt := func(lat, lon float64) *territoire.Point { return &territoire.Point{Lat: lat, Lon: lon} }
	place := func(name, commune, code string, pos *territoire.Point) Place {
		return Place{Lieu: lieu.Lieu{Name: name}, Commune: commune, CommuneCode: code, Position: pos, Distance: -1}
	}
	// Real centres of communes around Voiron (Isère).
	communes := []Commune{
		{Code: "38563", Name: "Voiron", Centre: pt(45.3710, 5.5796)},
		{Code: "38239", Name: "Moirans", Centre: pt(45.3232, 5.5617)},
		{Code: "38565", Name: "Voreppe", Centre: pt(45.2946, 5.6346)},
		{Code: "38107", Name: "Coublevie", Centre: pt(45.3589, 5.6150)},
		{Code: "38330", Name: "Saint-Aupre", Centre: pt(45.3958, 5.6632)},
		{Code: "38999", Name: "L'Inconnue"},
	}
	places := []Place{
		place("Mairie de Moirans", "Moirans", "38239", pt(45.3255, 5.5650)),
		place("Médiathèque de Voreppe", "Voreppe", "38565", pt(45.2950, 5.6360)),
		place("Centre social", "Voreppe", "38565", pt(45.2900, 5.6300)),
		place("Lieu perdu", "Saint-Nulle-Part", "", nil),
	}
	g := Compose(places, Options{Words: words, Communes: communes, Order: texte.Order{UnderNoun: true}})
	var got []string
	for _, l := range g.Communes.Lines {
		got = append(got, l.Letter+" | "+lineText(l))
	}
	want := []string{
		// The page of the nearest place, bare: the page opens on its
		// commune.
		"C | Coublevie[lieu-1]",
		// Filed under its noun, written with its article; where it is
		// is unknown.
		"I | L’Inconnue\u00a0: voir le sommaire",
		"M | Moirans[section-1]",
		"S | Saint-Aupre[lieu-1]",
		// Not located: filed under the name its source gives.
		"S | Saint-Nulle-Part[section-2]",
		"V | Voiron[lieu-1]",
		"V | Voreppe[section-3]",
	}
	withPlaces := map[string]bool{"Moirans": true, "Saint-Nulle-Part": true, "Voreppe": true}
	for _, l := range g.Communes.Lines {
		if l.Plain == withPlaces[l.Head] {
			t.Errorf("%s: plain %v, want bold exactly for communes with places", l.Head, l.Plain)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("index of communes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Not by commune: a commune with places gives the pages of its entries.
	g = Compose(places, Options{Words: words, Communes: communes, By: InOrder})
	for _, l := range g.Communes.Lines {
		if l.Head == "Voreppe" {
			if p := l.Pieces[0].Pages; len(p.Anchors) != 2 {
				t.Errorf("Voreppe in order: %s", lineText(l))
			}
		}
	}
	// A guide of one commune has no index of communes.
	if g := Compose(places[1:3], Options{Words: words}); g.Communes != nil {
		t.Errorf("one commune, index %+v", g.Communes)
	}
}

func TestNeedsIndex(t *testing.T) {
	places := []Place{
		{Lieu: lieu.Lieu{Name: "B", Services: []string{lieu.ServiceDemarches, lieu.ServiceQuotidien}}, Commune: "Pessac", Distance: -1},
		{Lieu: lieu.Lieu{Name: "A", Services: []string{lieu.ServiceQuotidien}}, Commune: "Talence", Distance: -1},
		{Lieu: lieu.Lieu{Name: "C"}, Commune: "Talence", Distance: -1},
	}
	// Padded past a small guide, which has no index by need.
	for i := range smallGuide {
		places = append(places, Place{Lieu: lieu.Lieu{Name: fmt.Sprintf("Z%d", i)}, Commune: "Talence", Distance: -1})
	}
	g := Compose(places, Options{Words: words})
	var got []string
	for _, l := range g.Needs.Lines {
		got = append(got, lineText(l))
	}
	want := []string{
		"Démarches administratives\u00a0: page [lieu-1]",
		"Ordinateur et téléphone\u00a0: page [lieu-1 lieu-2]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("index by need:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if g := Compose(places, Options{Words: words, By: ByService}); g.Needs != nil {
		t.Error("a guide by service has an index by need")
	}
}

// TestSmallGuide: a guide of a handful of places carries no sommaire, no
// index, no notes and no detail map; one just past the threshold does.
func TestSmallGuide(t *testing.T) {
	var places []Place
	for i := range smallGuide + 1 {
		places = append(places, Place{Lieu: lieu.Lieu{Name: fmt.Sprintf("Lieu %d", i), Services: []string{lieu.ServiceDemarches}},
			Commune: []string{"Pessac", "Talence"}[i%2], Distance: -1})
	}
	parts := Parts{HowTo: true, Contents: true, Index: true, Notes: true, About: true}
	w := words
	w.Parts = parts
	for _, tc := range []struct {
		n    int
		want Parts
	}{
		{2, Parts{HowTo: true, About: true}},
		{smallGuide, Parts{HowTo: true, About: true}},
		{smallGuide + 1, parts},
	} {
		g := Compose(places[:tc.n], Options{Words: w})
		if g.Parts != tc.want || (g.Needs == nil) == (tc.n > smallGuide) {
			t.Errorf("%d places: parts %+v, index by need %v; want %+v", tc.n, g.Parts, g.Needs != nil, tc.want)
		}
	}
}

func TestOverview(t *testing.T) {
	pt := func(lat, lon float64) *territoire.Point { return &territoire.Point{Lat: lat, Lon: lon} }
	square := [][]territoire.Point{{{Lat: 45, Lon: 5}, {Lat: 45, Lon: 5.1}, {Lat: 45.1, Lon: 5.1}, {Lat: 45.1, Lon: 5}}}
	communes := []Commune{
		{Code: "1", Name: "Petite", Centre: pt(45.05, 5.05), Outline: square, Population: 10},
		{Code: "2", Name: "Grande", Centre: pt(45.15, 5.05), Outline: square, Population: 1000},
		{Code: "3", Name: "Avec lieux", Centre: pt(45.25, 5.05), Outline: square, Population: 1},
	}
	places := []Place{
		{Lieu: lieu.Lieu{Name: "B", Services: []string{lieu.ServiceDemarches}}, Commune: "Avec lieux", CommuneCode: "3", Position: pt(45.2, 5.0), Distance: -1},
		{Lieu: lieu.Lieu{Name: "A", Services: []string{lieu.ServiceDemarches, lieu.ServiceQuotidien}}, Commune: "Avec lieux", CommuneCode: "3", Position: pt(45.3, 5.0), Distance: -1},
		{Lieu: lieu.Lieu{Name: "C"}, Commune: "Avec lieux", CommuneCode: "3", Distance: -1}, // no position: no marker
	}
	for _, by := range []Grouping{ByCommune, ByService} {
		g := Compose(places, Options{Words: words, Communes: communes, By: by})
		if g.Map == nil || len(g.Map.Markers) != 2 {
			t.Fatalf("map = %+v", g.Map)
		}
		// Numbered in the order of the guide; every entry of a place
		// carries its number.
		for _, s := range g.Sections {
			for _, e := range s.Entries {
				want := map[string]string{"A": "1", "B": "2", "C": ""}[e.Name]
				if e.Number != want {
					t.Errorf("by %d: %s numbered %q, want %q", by, e.Name, e.Number, want)
				}
			}
		}
		var names []string
		for _, c := range g.Map.Communes {
			names = append(names, c.Name)
		}
		if got := strings.Join(names, ", "); got != "Avec lieux, Grande, Petite" {
			t.Errorf("names in order %s, want those with places, then the most populous", got)
		}
		if !strings.Contains(g.Map.Alt, "les contours de 3\u00a0communes et 2\u00a0lieux") {
			t.Errorf("by %d: the map's text for screen readers is %q", by, g.Map.Alt)
		}
	}
	// One commune is named, never « de 1 commune ».
	one := []Commune{communes[2]}
	one[0].Name = "Angoulême"
	for i := range places {
		places[i].Commune = "Angoulême"
	}
	g := Compose(places, Options{Words: words, Communes: one})
	if g.Map == nil || !strings.Contains(g.Map.Alt, "les contours d’Angoulême et 2\u00a0lieux") {
		t.Errorf("the map of one commune: %+v", g.Map)
	}
}

// TestSinglePlace: a guide of one place (CC La Rochefoucauld in the
// Charente lot) has no index of communes, which would give every commune
// its page, no sample entry, which would print it twice, and says no
// order; two places have them all.
func TestSinglePlace(t *testing.T) {
	pt := func(lat, lon float64) *territoire.Point { return &territoire.Point{Lat: lat, Lon: lon} }
	communes := []Commune{
		{Code: "16224", Name: "Montbron", Centre: pt(45.6686, 0.4971)},
		{Code: "16134", Name: "Écuras", Centre: pt(45.6864, 0.5908)},
		{Code: "16281", Name: "La Rochefoucauld-en-Angoumois", Centre: pt(45.7427, 0.3853)},
	}
	place := func(name, commune, code string, pos *territoire.Point) Place {
		return Place{Lieu: lieu.Lieu{Name: name, Phone: "05 45 63 00 52", Address: "2 rue des Vieilles Écoles"}, Commune: commune, CommuneCode: code, Position: pos, Distance: -1}
	}
	places := []Place{
		place("Siège de la Communauté de Communes", "Montbron", "16224", pt(45.6686, 0.4971)),
		place("Médiathèque", "La Rochefoucauld-en-Angoumois", "16281", pt(45.7427, 0.3853)),
	}
	w := words
	w.OrderByCommune = "Les lieux sont rangés par commune, de A à Z."
	for _, n := range []int{1, 2} {
		g := Compose(places[:n], Options{Words: w, Communes: communes})
		many := n > 1
		if (g.Communes != nil) != many || (g.Sample != nil) != many || (len(g.Samples) > 0) != many {
			t.Errorf("%d places: index of communes %v, sample %v; want them %v", n, g.Communes != nil, g.Sample != nil, many)
		}
		if said := strings.Contains(strings.Join(g.Intro, " "), "rangés"); said != many {
			t.Errorf("%d places: the order said %v, want %v (%q)", n, said, many, g.Intro)
		}
	}
}
