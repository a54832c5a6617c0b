package layout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"livret/controle"
	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
	"livret/templates"
)

// realGuide composes the guide of the places of a file that lie in the
// communes whose INSEE code begins with prefix (a département) or is name.
func realGuide(t *testing.T, file, prefix, name string, by guide.Grouping) *guide.Guide {
	t.Helper()
	if _, err := os.Stat(file); err != nil {
		t.Skipf("données réelles absentes (%s) : %v", file, err)
	}
	words, err := templates.Default().Words()
	if err != nil {
		t.Fatal(err)
	}
	var places []guide.Place
	for _, p := range fixtures.Checked(t, file) {
		c := p.Location.Commune
		if c == nil || !strings.HasPrefix(c.Code, prefix) || name != "" && c.Name != name {
			continue
		}
		places = append(places, place(p))
	}
	if len(places) == 0 {
		t.Fatalf("no place in %s for %q %q", file, prefix, name)
	}
	return guide.Compose(places, guide.Options{Words: words, Territory: cmpOr(name, prefix), By: by,
		Edition: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Source: "« " + filepath.Base(file) + " »"})
}

func place(p controle.Place) guide.Place {
	return guide.Place{Lieu: p.Lieu, Commune: p.Location.Commune.Name, Distance: -1, Schedule: p.Schedule, Phones: p.Phones}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// strandedHeadings lists the pages where a heading is the last thing of
// the page, or all there is on it: the reader turns the page to find what
// it announces.
func strandedHeadings(b *layout.Book) []string {
	notes := -1
	if d, ok := b.Anchors["notes"]; ok {
		notes = d.Page // a page of ruled lines under its heading
	}
	var out []string
	for i, p := range b.Pages {
		var last *layout.Text
		only := true
		for _, it := range p.Items {
			tx, ok := it.(*layout.Text)
			if !ok || tx.Node() == nil {
				continue
			}
			if last == nil || tx.Y >= last.Y {
				last = tx
			}
			if !strings.HasPrefix(tx.Node().Role, "H") {
				only = false
			}
		}
		if last == nil || i == notes {
			continue
		}
		if strings.HasPrefix(last.Node().Role, "H") || only {
			out = append(out, fmt.Sprintf("page %d ends with %q", i+1, last.S))
		}
	}
	return out
}

// TestRealTerritoriesPaginate lays out real territories at the sizes a
// reader may ask for: no heading is stranded, the cover, the sample entry
// and « À propos » each hold on one page.
func TestRealTerritoriesPaginate(t *testing.T) {
	national := fixtures.National
	paca := fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json")
	charente := fixtures.Path("testdata/donnees/charente-hybride-v1-2024-09-12.json")
	caledonia := fixtures.Path("testdata/donnees/nouvelle-caledonie-v1-2024-09-12.json")
	guides := []struct {
		name string
		g    func(t *testing.T) *guide.Guide
	}{
		{"Hérault", func(t *testing.T) *guide.Guide { return realGuide(t, national, "34", "", guide.ByCommune) }},
		{"Isère par service", func(t *testing.T) *guide.Guide { return realGuide(t, national, "38", "", guide.ByService) }},
		{"Marseille", func(t *testing.T) *guide.Guide { return realGuide(t, paca, "13", "Marseille", guide.ByCommune) }},
		// Where issue 10 found stranded headings: a page holding only the
		// sample's heading (Charente), only "Nouméa" at 24 pt.
		{"Charente", func(t *testing.T) *guide.Guide { return realGuide(t, charente, "16", "", guide.ByCommune) }},
		{"Nouméa", func(t *testing.T) *guide.Guide { return realGuide(t, caledonia, "988", "Nouméa", guide.ByCommune) }},
	}
	for _, gc := range guides {
		g := gc.g(t)
		for _, tc := range []struct {
			format layout.Format
			size   float64
		}{{layout.A4, 16}, {layout.A4, 18}, {layout.A4, 20}, {layout.A4, 24}, {layout.A5, 18}} {
			t.Run(fmt.Sprintf("%s %s %g pt", gc.name, tc.format.Name, tc.size), func(t *testing.T) {
				th, _ := layout.DefaultTheme()
				th.Format, th.Size = tc.format, tc.size
				b, err := layout.Guide(g, th)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range strandedHeadings(b) {
					t.Error(s)
				}
				if d := b.Anchors["comment-lire"]; d.Page != 1 {
					t.Errorf("the cover fills %d pages", d.Page)
				}
				if d := b.Anchors["a-propos"]; d.Page != len(b.Pages)-1 {
					t.Errorf("« À propos » on page %d of %d: it spills", d.Page+1, len(b.Pages))
				}
			})
		}
	}
}
