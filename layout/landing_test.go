package layout_test

import (
	"testing"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
)

// The places are set on their pages once, ahead of the passes (see
// placesPart); they must land where the plain flow lands them. On a last
// page whose springs shrink, its anchors (the targets of the sommaire's and
// the index's links) move up with the boxes they point to, and the page
// ends where its shrunk boxes end. These communes are the ones where it
// showed: their last page of places shrinks.
func TestPlacesLandAsPlainFlow(t *testing.T) {
	paca := fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json")
	for _, c := range []struct {
		file, prefix, commune string
		size                  float64
		format                layout.Format
	}{
		{fixtures.National, "34", "Lunel", 18, layout.A4}, // Montpellier's shrank until its web addresses went onto the phones' lines
		{fixtures.National, "34", "Lunel", 18, layout.A5},
		{paca, "13", "Salon-de-Provence", 16, layout.A4},
		{fixtures.Path("testdata/donnees/charente-hybride-v1-2024-09-12.json"), "16", "Jarnac", 24, layout.A4},
	} {
		t.Run(c.commune+", "+c.format.Name, func(t *testing.T) {
			g := realGuide(t, c.file, c.prefix, c.commune, guide.ByCommune)
			th, err := layout.DefaultTheme()
			if err != nil {
				t.Fatal(err)
			}
			th.Size, th.Format = c.size, c.format
			parted, plain, ends, shrunk, err := layout.PlacesLanding(g, th)
			if err != nil {
				t.Fatal(err)
			}
			if !shrunk {
				t.Errorf("the last page of the places no longer shrinks: the case tests nothing, choose another")
			}
			for a, d := range parted {
				if p := plain[a]; p != d {
					t.Errorf("anchor %s at page %d, y %.1f; the plain flow puts it at page %d, y %.1f", a, d.Page, d.Y, p.Page, p.Y)
				}
			}
			if ends[0] != ends[1] {
				t.Errorf("the places end at y %.1f; the plain flow ends them at %.1f", ends[0], ends[1])
			}
		})
	}
}

// « À propos » follows under the end of the places when it holds there
// whole: a commune’s guide of a few places saves a page (Lattes 7 → 6
// pages, Pézenas 7 → 6).
func TestAboutFollowsThePlaces(t *testing.T) {
	for _, commune := range []string{"Pézenas", "Lattes"} {
		t.Run(commune, func(t *testing.T) {
			g := realGuide(t, fixtures.National, "34", commune, guide.ByCommune)
			th, err := layout.DefaultTheme()
			if err != nil {
				t.Fatal(err)
			}
			b, err := layout.Guide(g, th)
			if err != nil {
				t.Fatal(err)
			}
			s := g.Sections[len(g.Sections)-1]
			last := b.Anchors[s.Entries[len(s.Entries)-1].Anchor]
			about, ok := b.Anchors["a-propos"]
			if !ok || about.Page != last.Page || about.Y <= last.Y {
				t.Errorf("« À propos » on page %d (found: %v), the last place on page %d: it should follow under it", about.Page+1, ok, last.Page+1)
			}
		})
	}
}
