package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"livret/guide"
)

// sampleGuide is a guide of real-looking places, long names and all.
func sampleGuide(places int) *guide.Guide {
	g := &guide.Guide{
		Title:     "Où se faire aider avec le numérique\u00a0?",
		Territory: "Bordeaux Métropole",
		Edition:   "23\u00a0novembre 2026",
		Intro: []string{
			"Ce guide donne les lieux où l’on peut se faire aider à utiliser un ordinateur, un téléphone ou internet.",
			"Les lieux sont classés par commune. Pour chaque lieu, vous trouverez son adresse, son numéro de téléphone et ses horaires.",
		},
		Legend: []guide.Legend{
			{Icon: "address", Label: "Adresse"},
			{Icon: "paperwork", Label: "Démarches administratives", Text: "Aide aux démarches administratives en ligne"},
		},
		Helplines: []guide.Helpline{{Name: "Solidarité Numérique", Phone: guide.Phone{Display: "01\u00a070\u00a077\u00a023\u00a072", URI: "tel:+33170772372"},
			When: "Du lundi au vendredi, de 9\u00a0h à 18\u00a0h"}},
		Parts: guide.Parts{HowTo: true, Contents: true, Index: true, Notes: true, About: true},
		About: guide.About{Source: "Données : Cartographie nationale des lieux d’inclusion numérique", Licence: "Licence Ouverte 2.0",
			FontCredits: []string{"Police Luciole © Laurent Bourcellier & Jonathan Perez, CC BY 4.0"}},
	}
	communes := []string{"Bordeaux", "Bègles", "Mérignac", "Pessac", "Saint-Médard-en-Jalles", "Talence"}
	for i := range places {
		c := communes[i%len(communes)]
		if len(g.Sections) <= i%len(communes) {
			g.Sections = append(g.Sections, guide.Section{Title: c, Anchor: "commune-" + c})
		}
		e := guide.Entry{
			Anchor:  fmt.Sprintf("lieu-%d", i),
			Name:    fmt.Sprintf("Espace numérique %d", i),
			Commune: c,
			Address: []string{fmt.Sprintf("%d avenue du Général-Leclerc", 10+i), "Bâtiment B, 2ᵉ étage", "33600\u00a0" + c},
			Phones:  []guide.Phone{{Display: "05\u00a057\u00a093\u00a067\u00a000", URI: "tel:+33557936700"}},
			Hours: guide.Hours{Lines: []string{"Lundi au vendredi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a017\u00a0h",
				"Samedi\u00a0: 9\u00a0h\u00a030\u00a0–\u00a012\u00a0h", "Fermé le dimanche"}},
			Services: []guide.Service{{Icon: "paperwork", Label: "Démarches administratives"}, {Icon: "devices", Label: "Ordinateur et téléphone"},
				{Icon: "work", Label: "Emploi"}, {Icon: "computer", Label: "Accès à internet"}},
			Facts:   []guide.Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "appointment", Text: "Sur rendez-vous"}, {Icon: "wheelchair", Text: "Accès en fauteuil roulant"}},
			Email:   &guide.Link{Text: "mediatheque@mairie-pessac.fr", URL: "mailto:mediatheque@mairie-pessac.fr"},
			Website: &guide.Link{Text: "bibliotheque.pessac.fr/horaires-et-acces-a-la-mediatheque", URL: "https://bibliotheque.pessac.fr/horaires-et-acces-a-la-mediatheque"},
			QR:      "https://bibliotheque.pessac.fr/",
			Updated: "Informations du 3\u00a0mars 2025",
		}
		if i%3 == 0 { // every third place has a long name and address
			e.Name = fmt.Sprintf("Médiathèque Jacques-Ellul et espace public numérique numéro %d", i)
		} else {
			e.Address = append(e.Address[:1], e.Address[2])
			e.Services = e.Services[:2]
		}
		g.Sections[i%len(communes)].Entries = append(g.Sections[i%len(communes)].Entries, e)
		g.Index = append(g.Index, guide.IndexEntry{Letter: "M", Text: e.Name + ", " + c, Anchor: e.Anchor})
	}
	g.Sample = &g.Sections[0].Entries[0]
	return g
}

func layoutSample(t *testing.T, places int, mod func(*Theme)) *Book {
	t.Helper()
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	if mod != nil {
		mod(&th)
	}
	b, err := Guide(sampleGuide(places), th)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGuideReadingComfort(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  func(*Theme)
	}{
		{"A4 18 pt", nil},
		{"A5 16 pt", func(th *Theme) { th.Format, th.Size = A5, 16 }},
		{"A4 24 pt", func(th *Theme) { th.Size = 24 }},
		{"A5 24 pt", func(th *Theme) { th.Format, th.Size = A5, 24 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := layoutSample(t, 13, tc.mod)
			for i, p := range b.Pages {
				var boxes []textBox
				for _, it := range p.Items {
					tx, ok := it.(*Text)
					if !ok {
						continue
					}
					if tx.Size < MinSize {
						t.Errorf("page %d: %q at %g pt", i+1, tx.S, tx.Size)
					}
					bb := boxOf(tx)
					if bb.x0 < -0.01 || bb.y0 < -0.01 || bb.x1 > b.Width+0.01 || bb.y1 > b.Height+0.01 {
						t.Errorf("page %d: %q leaves the page: %+v", i+1, tx.S, bb)
					}
					if tx.Node() != nil && (bb.x0 < 20/25.4*72 || bb.x1 > b.Width-20/25.4*72+0.01) {
						t.Errorf("page %d: %q in the margin: %+v", i+1, tx.S, bb)
					}
					for _, o := range boxes {
						if o.overlaps(bb) {
							t.Errorf("page %d: %q overlaps %q", i+1, tx.S, o.s)
						}
					}
					boxes = append(boxes, bb)
				}
			}
			for _, w := range b.Warnings {
				if tc.mod == nil || !strings.Contains(w, "(suite)") && !strings.HasPrefix(w, "la fiche d’un lieu est plus haute") {
					t.Errorf("warning: %s", w)
				}
			}
		})
	}
}

type textBox struct {
	x0, y0, x1, y1 float64
	s              string
}

func boxOf(t *Text) textBox {
	return textBox{t.X, t.Y - t.Face.Ascent(t.Size), t.X + t.Width, t.Y + t.Face.Descent(t.Size), t.S}
}

func (a textBox) overlaps(b textBox) bool {
	const eps = 0.5
	return a.x0 < b.x1-eps && b.x0 < a.x1-eps && a.y0 < b.y1-eps && b.y0 < a.y1-eps
}

// TestEntriesStayOnOnePage checks that no entry is split across pages.
func TestEntriesStayOnOnePage(t *testing.T) {
	b := layoutSample(t, 40, nil)
	pages := pagesByNode(b)
	entries := 0
	var current []*Node
	check := func() {
		if len(current) == 0 {
			return
		}
		entries++
		seen := map[int]bool{}
		for _, n := range current {
			for _, p := range pagesUnder(n, pages) {
				seen[p] = true
			}
		}
		if len(seen) > 1 {
			t.Errorf("entry %q spans pages %v", textUnder(b, current[0]), seen)
		}
	}
	inEntries := false
	for _, n := range b.Structure.Kids {
		switch n.Role {
		case "H1":
			check()
			current = nil
			title := textUnder(b, n)
			inEntries = inEntries && title != "Index des lieux" || title == "Bordeaux"
		case "H2":
			check()
			current = []*Node{n}
		default:
			if inEntries && current != nil {
				current = append(current, n)
			}
		}
	}
	check()
	if entries < 40 {
		t.Errorf("checked %d entries, want at least 40", entries)
	}
}

// TestEntryContinuation checks that an entry taller than a page (A5, 24
// pt) continues on the next page under its name and « (suite) ».
func TestEntryContinuation(t *testing.T) {
	b := layoutSample(t, 6, func(th *Theme) { th.Format, th.Size = A5, 24 })
	n := 0
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && strings.HasSuffix(tx.S, "(suite)") {
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no entry continued under « (suite) »")
	}
	if len(b.Warnings) != 1 || !strings.HasPrefix(b.Warnings[0], "la fiche d’un lieu est plus haute qu’une page") {
		t.Errorf("warnings = %q", b.Warnings)
	}
}

// TestContentsPageNumbers checks that the contents give the page where
// each section begins.
func TestContentsPageNumbers(t *testing.T) {
	b := layoutSample(t, 30, nil)
	g := sampleGuide(30)
	for _, s := range g.Sections {
		d, ok := b.Anchors[s.Anchor]
		if !ok {
			t.Fatalf("no anchor for %s", s.Title)
		}
		want := fmt.Sprint(d.Page + 1)
		found := false
		for _, p := range b.Pages {
			for _, it := range p.Items {
				if tx, ok := it.(*Text); ok && tx.Link != nil && tx.Link.Anchor == s.Anchor && tx.S == want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("contents do not give page %s for %s", want, s.Title)
		}
	}
	// The index gives the page of each place.
	for _, ix := range g.Index {
		d, ok := b.Anchors[ix.Anchor]
		if !ok {
			t.Fatalf("no anchor for %s", ix.Text)
		}
		want := fmt.Sprint(d.Page + 1)
		found := false
		for _, p := range b.Pages {
			for _, it := range p.Items {
				if tx, ok := it.(*Text); ok && tx.Link != nil && tx.Link.Anchor == ix.Anchor && tx.S == want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("index does not give page %s for %s", want, ix.Text)
		}
	}
	// The page number printed on the page where a section begins agrees.
	d := b.Anchors[g.Sections[2].Anchor]
	footer := fmt.Sprintf("Page %d sur %d", d.Page+1, len(b.Pages))
	if !hasText(b.Pages[d.Page], footer) {
		t.Errorf("page %d has no footer %q", d.Page+1, footer)
	}
}

func hasText(p *Page, s string) bool {
	for _, it := range p.Items {
		if tx, ok := it.(*Text); ok && tx.S == s {
			return true
		}
	}
	return false
}

func pagesByNode(b *Book) map[*Node][]int {
	m := map[*Node][]int{}
	for i, p := range b.Pages {
		for _, it := range p.Items {
			if n := it.Node(); n != nil {
				m[n] = append(m[n], i)
			}
		}
	}
	return m
}

func pagesUnder(n *Node, m map[*Node][]int) []int {
	out := append([]int(nil), m[n]...)
	for _, k := range n.Kids {
		out = append(out, pagesUnder(k, m)...)
	}
	return out
}

func textUnder(b *Book, n *Node) string {
	var s []string
	var walk func(*Node)
	set := map[*Node]bool{}
	walk = func(n *Node) {
		set[n] = true
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && set[tx.Node()] {
				s = append(s, tx.S)
			}
		}
	}
	return strings.Join(s, " ")
}

func TestContrast(t *testing.T) {
	for _, tt := range []struct {
		a, b Color
		want float64
	}{
		{Black, White, 21},
		{White, White, 1},
		{NightBlue, White, 14.9},
		{NightBlue, Ivory, 14.6},
		{Color{0x76, 0x76, 0x76}, White, 4.54},
	} {
		if got := Contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.05 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	th, _ := DefaultTheme()
	th.Accent = Color{0x76, 0x76, 0x76}
	if err := th.Check(); err == nil || !strings.Contains(err.Error(), "7:1") {
		t.Errorf("grey accent accepted: %v", err)
	}
}
