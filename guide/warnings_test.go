package guide

import (
	"strings"
	"testing"

	"livret/territoire"
	"livret/texte"
)

// TestWarningsTypeset: the warnings the layout gives the maker are in
// French typography (no-break spaces before « : » and « ; », inside « »),
// the counts written the French way.
func TestWarningsTypeset(t *testing.T) {
	msgs := []string{
		SplitWarning("Médiathèque Jean Pellerin", true, true), SplitWarning("CCAS", false, false),
		QRWarning("https://exemple.fr/", false), QRWarning("https://exemple.fr/", true), LogoWarning,
		GlyphsWarning("Luciole", []rune{'ŋ', 'ʁ'}),
		CrowdedWarning([]string{"3"}, 10), CrowdedWarning([]string{"3", "4", "5"}, 10),
		CrowdedWarning([]string{"3", "4", "5", "6", "7", "8"}, 1200),
	}
	for _, m := range msgs {
		if texte.Typography(m) != m {
			t.Errorf("%q\nwant %q", m, texte.Typography(m))
		}
	}
	for _, c := range []struct{ got, want string }{
		{CrowdedWarning([]string{"3", "4", "5"}, 10), "repères 3, 4 et 5\u202f;"},
		{CrowdedWarning([]string{"3", "4", "5", "6", "7", "8"}, 1200), "6 repères sur 1\u00a0200 (dont 3, 4, 5…)"},
		{GlyphsWarning("Luciole", []rune{'ŋ'}), "«\u00a0ŋ\u00a0» (U+014B)"},
		{SplitWarning("CCAS", true, false), "plus haute qu’une page\u00a0: elle continue sur la page suivante («\u00a0CCAS\u00a0»)\u202f; choisissez le format A4"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%q: want %q in it", c.got, c.want)
		}
	}
}

// TestMapWords: what the map pages say of their places agrees with their
// number, « 1 lieu », « 12 lieux », in French typography.
func TestMapWords(t *testing.T) {
	at := territoire.Point{Lat: 45, Lon: 5}
	g := &Guide{Territory: "Isère", Sections: []Section{{Entries: []Entry{{place: 0}}}}}
	m := overview(g, []Place{{CommuneCode: "38185", Position: &at}},
		Options{Communes: []Commune{{Code: "38185", Name: "Grenoble", Centre: &at, Outline: [][]territoire.Point{{at}}}}})
	if m == nil {
		t.Fatal("no map")
	}
	for _, c := range []struct{ got, want string }{
		{m.ZonePlaces.Of(1), "1\u00a0lieu"},
		{m.ZonePlaces.Of(12), "12\u00a0lieux"},
		{m.ZonePlaces.Of(1500), "1\u00a0500\u00a0lieux"},
		{m.DetailIntro.Of(1), "Le lieu d’un cadre de la carte, en plus grand."},
		{m.DetailIntro.Of(3), "Les 3 lieux d’un cadre de la carte, en plus grand."},
		{Fill(m.DetailAlt.Of(1), "numero", "2"), "Détail\u00a02 de la carte des lieux, Isère\u00a0: 1\u00a0lieu, numéroté comme dans la liste du guide."},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	for _, s := range []string{m.Title, m.Intro, m.IntroZones, m.Alt, m.DetailTitle, m.ZonePage,
		m.DetailIntro.One, m.DetailIntro.Many, m.DetailAlt.One, m.DetailAlt.Many, m.ZonePlaces.One, m.ZonePlaces.Many} {
		if texte.Typography(s) != s {
			t.Errorf("%q\nwant %q", s, texte.Typography(s))
		}
	}
}
