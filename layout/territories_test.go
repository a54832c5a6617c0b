package layout_test

import (
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"livret/controle"
	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
	"livret/selection"
	"livret/templates"
	"livret/territoire"
)

// realGuide composes the guide of the places of a file that lie in the
// communes whose INSEE code begins with prefix (a département) or is name.
// realTerritory is the guide of a real territory of the test files, by
// the name the tests give it: one table for every test that lays them out.
func realTerritory(t *testing.T, name string) *guide.Guide {
	t.Helper()
	paca := fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json")
	charente := fixtures.Path("testdata/donnees/charente-hybride-v1-2024-09-12.json")
	caledonia := fixtures.Path("testdata/donnees/nouvelle-caledonie-v1-2024-09-12.json")
	switch name {
	case "Hérault":
		return realGuide(t, fixtures.National, "34", "", guide.ByCommune)
	case "Isère":
		return realGuide(t, fixtures.National, "38", "", guide.ByCommune)
	case "Isère par service":
		return realGuide(t, fixtures.National, "38", "", guide.ByService)
	case "Marseille":
		return realGuide(t, paca, "13", "Marseille", guide.ByCommune)
	case "Charente":
		return realGuide(t, charente, "16", "", guide.ByCommune)
	case "Charente, fichier national":
		return realGuide(t, fixtures.National, "16", "", guide.ByCommune)
	case "Nouméa":
		return realGuide(t, caledonia, "988", "Nouméa", guide.ByCommune)
	case "Marseillan":
		return realGuide(t, fixtures.National, "34", "Marseillan", guide.ByCommune)
	}
	t.Fatalf("no real territory called %q", name)
	return nil
}

// laidOut is g laid out in the default theme, on paper of format, in
// type of size.
func laidOut(t *testing.T, g *guide.Guide, format layout.Format, size float64) (*layout.Book, layout.Theme) {
	t.Helper()
	th, err := layout.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	th.Format, th.Size = format, size
	b, err := layout.Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	return b, th
}

func realGuide(t *testing.T, file, prefix, name string, by guide.Grouping) *guide.Guide {
	t.Helper()
	if _, err := os.Stat(file); err != nil {
		t.Skipf("données réelles absentes (%s) : %v", file, err)
	}
	words, err := templates.Default().Words()
	if err != nil {
		t.Fatal(err)
	}
	th, err := layout.DefaultTheme()
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
	// The guide of a département lists all its communes in its index, as
	// the command does; with their outlines, the map numbers the places.
	var communes []guide.Commune
	if d, ok := territoire.Default().Departement(prefix); ok {
		for _, c := range d.Communes {
			if name != "" && c.Name != name {
				continue
			}
			gc := guide.Commune{Code: c.Code, Name: c.Name, Population: c.Population}
			if c.Centre.Known() && c.Centre.Origin != territoire.CentreFromDepartement {
				gc.Centre = &c.Centre.Point
			}
			if o, ok := territoire.Default().Outline(c); ok {
				gc.Outline = o.Rings
			}
			communes = append(communes, gc)
		}
	}
	return guide.Compose(places, guide.Options{Words: words, Territory: cmpOr(name, prefix), By: by, Communes: communes,
		Edition: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Source: guide.Source{File: filepath.Base(file)},
		Fonts: []string{th.Family.Credit}}) // credited as the command does

}

func place(p controle.Place) guide.Place {
	gp := guide.Place{Lieu: p.Lieu, Commune: p.Location.Commune.Name, CommuneCode: p.Location.Commune.Code, Distance: -1,
		Schedule: p.Schedule, Phones: p.Phones}
	if ar := p.Location.Arrondissement; ar != nil {
		gp.District = &guide.District{Code: ar.Code, Name: ar.Name} // as the command does: Marseille by arrondissement
	}
	if pos, ok := selection.Position(&p); ok {
		gp.Position = &pos
	}
	return gp
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// cutHeads lists the pages whose running head is cut with an ellipsis
// where the content gives a shorter one that holds: beside the page
// number on A5, the two set smaller, never under 16 pt, then the shorter
// head (« Mode d’emploi », « Communes », « Ordinateur »,
// « La Côte-St-André »), are tried before a word is cut, the last resort
// of a name with no short form that holds (« Plateau-des-… »).
func cutHeads(b *layout.Book, th layout.Theme, g *guide.Guide) []string {
	shorts := map[string]string{g.Wording.HowTo: g.Wording.HowToShort}
	for _, s := range g.Sections {
		shorts[s.Title] = s.Short
	}
	for _, ix := range append(slices.Clone(g.ByNeed), g.Communes) {
		if ix != nil {
			shorts[ix.Title] = ix.Short
		}
	}
	var out []string
	for i, p := range b.Pages {
		var head, number *layout.Text
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Y < th.Format.Margin+th.Size {
				if tx.X > th.Format.Margin {
					number = tx
				} else {
					head = tx
				}
			}
		}
		if head == nil || !strings.HasSuffix(head.S, "…") {
			continue
		}
		right := th.Format.Width - th.Format.Margin
		if number != nil {
			right = number.X - th.Size/2 // the theme's gap before the page number
		}
		for whole, short := range shorts {
			if !strings.HasPrefix(plainText(whole), plainText(strings.TrimSuffix(head.S, "…"))) {
				continue
			}
			if short != "" && head.X+head.Face.Width(short, head.Size) <= right {
				out = append(out, fmt.Sprintf("page %d: the running head is cut, « %s », where its short form « %s » holds", i+1, head.S, short))
			}
		}
	}
	return out
}

// cutUnderHeading lists the entries cut between pages that hold on one
// alone but not under their section's heading, where the layout had a
// way out: a heading of several lines that the size of a place's name
// sets on one, or, up to 18 pt, another entry of the section to open it
// (in the real territories, one always holds there; at 24 pt on A5 none
// may). Else the heading is set as the running head of the page the
// section opens (see TestSplitReportTellsWhy), unless the commune's name
// does not hold there whole: then the single place of a commune is cut.
func cutUnderHeading(b *layout.Book, g *guide.Guide, size float64) []string {
	texts := map[*layout.Node]string{}
	ys := map[*layout.Node]map[float64]bool{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Node() != nil && tx.Node().Role == "H1" {
				if ys[tx.Node()] == nil {
					ys[tx.Node()] = map[float64]bool{}
				}
				texts[tx.Node()] += tx.S
				ys[tx.Node()][tx.Y] = true
			}
		}
	}
	lines := map[string]int{} // of each heading, by its text
	for n, t := range texts {
		lines[plainText(strings.TrimSpace(t))] = len(ys[n])
	}
	var out []string
	for _, w := range b.Warnings {
		w = plainText(w)
		if !strings.Contains(w, "avec le titre qui la précède") {
			continue
		}
		_, name, _ := strings.Cut(w, "(« ")
		name, _, _ = strings.Cut(name, " »)")
		for _, s := range g.Sections {
			if !slices.ContainsFunc(s.Entries, func(e guide.Entry) bool { return plainText(e.Name) == name }) {
				continue
			}
			if n := lines[plainText(s.Title)]; n > 1 || len(s.Entries) > 1 && size <= 18 {
				out = append(out, fmt.Sprintf("« %s » cut under the heading « %s » (%d places, a heading of %d lines)", name, s.Title, len(s.Entries), n))
			}
		}
	}
	return out
}

// cutLinks lists the links whose lines are on two pages: an e-mail or a
// web address set on several lines is one block, never cut between pages
// (Isère par service, A5: « caf38- » at the foot of a page).
func cutLinks(b *layout.Book) []string {
	pages, text := map[*layout.Node]map[int]bool{}, map[*layout.Node]string{}
	for i, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Node() != nil && tx.Node().Role == "Link" {
				if pages[tx.Node()] == nil {
					pages[tx.Node()] = map[int]bool{}
				}
				pages[tx.Node()][i] = true
				text[tx.Node()] += tx.S
			}
		}
	}
	var out []string
	for n, ps := range pages {
		if len(ps) > 1 {
			out = append(out, fmt.Sprintf("« %s » cut between pages %v", text[n], slices.Sorted(maps.Keys(ps))))
		}
	}
	return out
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

// indexFaults lists what the indexes of a book do that a reader should
// not meet: a word cut in two at the end of a line (a break after a
// hyphen or a space is fine), a letter of the index alone at the foot of
// a column, what it announces at the top of the next.
func indexFaults(b *layout.Book) []string {
	var out []string
	// The pages of the index of communes and of the index of places.
	from, to := len(b.Pages), len(b.Pages)
	for _, a := range []string{guide.CommuneIndexAnchor, guide.PlaceIndexAnchor} {
		if d, ok := b.Anchors[a]; ok {
			from = min(from, d.Page)
		}
	}
	for _, a := range []string{"a-propos", "notes", guide.NeedsIndexAnchor} {
		if d, ok := b.Anchors[a]; ok && d.Page > from {
			to = min(to, d.Page)
		}
	}
	where := map[*layout.Node][]at{}
	for i, p := range b.Pages {
		if i < from || i >= to {
			continue
		}
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Node() != nil {
				where[tx.Node()] = append(where[tx.Node()], at{i, tx})
			}
		}
	}
	var walk func(n *layout.Node, in bool)
	walk = func(n *layout.Node, in bool) {
		if n.Role == "LI" && in {
			var texts []at
			collect(n, where, &texts)
			for k := 1; k < len(texts); k++ {
				prev, next := texts[k-1], texts[k]
				if prev.page == next.page && prev.tx.Y == next.tx.Y {
					continue
				}
				before, _ := utf8.DecodeLastRuneInString(prev.tx.S)
				after, _ := utf8.DecodeRuneInString(next.tx.S)
				if unicode.IsLetter(before) && unicode.IsLetter(after) {
					out = append(out, fmt.Sprintf("page %d: %q / %q, a word cut in two", next.page+1, prev.tx.S, next.tx.S))
				}
			}
			return
		}
		for _, k := range n.Kids {
			walk(k, in || n.Role == "L")
		}
	}
	walk(b.Structure, false)
	// A letter is followed, in its column, by a line just below it, or,
	// set as an initial, by a line that starts right of it.
	for i, p := range b.Pages[from:to] {
		i += from
		for _, it := range p.Items {
			letter, ok := it.(*layout.Text)
			if !ok || letter.Node() == nil || letter.Node().Role != "H2" {
				continue
			}
			followed := false
			for _, it := range p.Items {
				if tx, ok := it.(*layout.Text); ok && tx.Node() != nil && tx.Node().Role != "H2" &&
					(math.Abs(tx.X-letter.X) < 1 && tx.Y > letter.Y && tx.Y-letter.Y < 4*letter.Size ||
						math.Abs(tx.Y-letter.Y) < 0.5 && tx.X > letter.X && tx.X-letter.X < 4*letter.Size) {
					followed = true
				}
			}
			if !followed {
				out = append(out, fmt.Sprintf("page %d: the letter %q ends its column", i+1, letter.S))
			}
		}
	}
	return out
}

// at is a text of a page.
type at struct {
	page int
	tx   *layout.Text
}

// collect appends the texts of n and of its descendants, in reading order.
func collect(n *layout.Node, where map[*layout.Node][]at, out *[]at) {
	*out = append(*out, where[n]...)
	for _, k := range n.Kids {
		collect(k, where, out)
	}
}

// splitEntries lists the places of g whose entry the book prints on more
// than one page: the texts of its name and of the parts that follow it
// in the structure, up to the next heading.
func splitEntries(b *layout.Book, g *guide.Guide) []string {
	names, sections := map[string]bool{}, map[string]bool{}
	for _, s := range g.Sections {
		sections[plainText(s.Title)] = true
		for _, e := range s.Entries {
			names[plainText(e.Name)] = true
		}
	}
	pages, text := map[*layout.Node]map[int]bool{}, map[*layout.Node]string{}
	for i, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Node() != nil {
				if pages[tx.Node()] == nil {
					pages[tx.Node()] = map[int]bool{}
				}
				pages[tx.Node()][i] = true
				text[tx.Node()] += tx.S
			}
		}
	}
	var under func(n *layout.Node, seen map[int]bool)
	under = func(n *layout.Node, seen map[int]bool) {
		for p := range pages[n] {
			seen[p] = true
		}
		for _, k := range n.Kids {
			under(k, seen)
		}
	}
	var out []string
	name, seen, places := "", map[int]bool{}, false // places: under the heading of a section
	done := func() {
		if name != "" && len(seen) > 1 {
			out = append(out, name)
		}
		name, seen = "", map[int]bool{}
	}
	for _, n := range b.Structure.Kids {
		switch {
		case strings.HasPrefix(n.Role, "H"):
			done()
			var all strings.Builder
			var walk func(n *layout.Node)
			walk = func(n *layout.Node) {
				all.WriteString(text[n])
				for _, k := range n.Kids {
					walk(k)
				}
			}
			walk(n)
			// The name, after the number of the place on the map.
			h := plainText(all.String())
			if n.Role == "H1" {
				places = sections[h]
			}
			if _, rest, ok := strings.Cut(h, " "); ok && !names[h] {
				h = rest
			}
			if n.Role == "H2" && places && names[h] {
				name = h
				under(n, seen)
			}
		case name != "":
			under(n, seen)
		}
	}
	done()
	return out
}

// plainText writes no-break spaces as spaces.
func plainText(s string) string { return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) }

// partPages is how many pages a part of a book fills, from the page of
// its anchor to the page before that of the next part's.
func partPages(b *layout.Book, anchor, next string) int {
	return b.Anchors[next].Page - b.Anchors[anchor].Page
}

// printedSample is the candidate the how-to shows as its sample: the
// first whose name is on the page of the sample's heading.
func printedSample(b *layout.Book, g *guide.Guide) *guide.Entry {
	plain := strings.NewReplacer("\u00a0", " ", "\u202f", " ")
	for _, p := range b.Pages {
		var text strings.Builder
		heading := false
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok {
				heading = heading || tx.S == g.Wording.Sample
				text.WriteString(plain.Replace(tx.S) + " ")
			}
		}
		if !heading {
			continue
		}
		for _, c := range g.Samples {
			if strings.Contains(text.String(), plain.Replace(c.Name)) {
				return c
			}
		}
	}
	return g.Sample
}

// onePage tells whether the texts from the one starting with first to
// the one starting with last are all on one page.
func onePage(b *layout.Book, first, last string) (page int, ok bool) {
	plain := strings.NewReplacer("\u00a0", " ", "\u202f", " ")
	first, last = plain.Replace(first), plain.Replace(last)
	start := -1
	for i, p := range b.Pages {
		for _, it := range p.Items {
			tx, isText := it.(*layout.Text)
			if !isText || tx.Node() == nil {
				continue
			}
			text := plain.Replace(tx.S)
			if start < 0 && strings.HasPrefix(text, first) {
				start = i
			}
			if start >= 0 && strings.HasPrefix(text, last) {
				return start, i == start
			}
		}
	}
	return start, false
}

// countPrefix counts the texts that begin with prefix on the pages from
// the anchor's to next's: the lines of an index that begin so.
func countPrefix(b *layout.Book, anchor, next, prefix string) int {
	n := 0
	for _, p := range b.Pages[b.Anchors[anchor].Page : b.Anchors[next].Page+1] {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && strings.HasPrefix(plainText(tx.S), prefix) {
				n++
			}
		}
	}
	return n
}

// TestRealTerritoriesPaginate lays out real territories at the sizes a
// reader may ask for: no heading is stranded, no page of places ends
// early, every page number printed is right (see unusedPages and
// wrongPageNumbers), the cover, the sample entry and « À propos » each
// hold on one page, « Mes notes » adds no page, the back cover of an A5
// book is its last page, and the pages stay within bounds: the furniture
// scales with the guide.
func TestRealTerritoriesPaginate(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: every territory of four real files laid out")
	}
	guides := []struct {
		name string
		// most pages per place at 18 pt, front matter included, in A4
		// and A5, about 10 % above what the guide takes today (sizes 16
		// and 24 scale it by the power 1.7 of their ratio to 18, 2.5 in A5;
		// a few places, whose furniture does not scale, more)
		a4, a5 float64
	}{
		{"Hérault", 0.77, 1.74},
		{"Isère par service", 1.33, 2.6},
		{"Marseille", 0.62, 1.24},
		// Where issue 10 found stranded headings: a page holding only the
		// sample's heading (Charente), only "Nouméa" at 24 pt.
		{"Charente", 0.76, 1.54},
		// 14 communes that the sommaire cannot list with the parts after
		// them on one page: the index of communes lists them.
		{"Charente, fichier national", 1.1, 2.56},
		{"Nouméa", 0.85, 1.7},
		// A handful of places: cover, how-to, map, places, colophon.
		{"Marseillan", 4.0, 6.0},
	}
	for _, gc := range guides {
		g := realTerritory(t, gc.name)
		places := len(g.Index)
		for _, tc := range []struct {
			format layout.Format
			size   float64
		}{{layout.A4, 16}, {layout.A4, 18}, {layout.A4, 20}, {layout.A4, 24}, {layout.A5, 16}, {layout.A5, 18}, {layout.A5, 24}} {
			t.Run(fmt.Sprintf("%s %s %g pt", gc.name, tc.format.Name, tc.size), func(t *testing.T) {
				b, th := laidOut(t, g, tc.format, tc.size)
				for _, s := range cutHeads(b, th, g) {
					t.Error(s)
				}
				// The springs shrunk on a page keep it in its frame.
				for _, s := range layout.PrintFaults(b, g, th) {
					t.Error(s)
				}
				for _, s := range strandedHeadings(b) {
					t.Error(s)
				}
				for _, s := range cutUnderHeading(b, g, tc.size) {
					t.Error(s)
				}
				for _, s := range cutLinks(b) {
					t.Error(s)
				}
				// Every entry split between pages is reported; none is,
				// in A4 up to 20 pt and in the Marseille booklet up to
				// 18 pt, where every entry holds on a page.
				split := splitEntries(b, g)
				for _, n := range split {
					if !slices.ContainsFunc(b.Warnings, func(w string) bool {
						return strings.Contains(plainText(w), "continue sur la page suivante (« "+n+" »)")
					}) {
						t.Errorf("%q split between pages, and not reported", n)
					}
				}
				if len(split) > 0 && tc.size <= 20 && (tc.format == layout.A4 || gc.name == "Marseille" && tc.size <= 18) {
					t.Errorf("entries split between pages: %q", split)
				}
				// Pages of places end only where what opens the next would
				// not hold; the page numbers printed are where links land.
				for _, s := range unusedPages(b, g, th) {
					t.Error(s)
				}
				for _, s := range wrongPageNumbers(b, g.Parts.Contents || g.Parts.Index) {
					t.Error(s)
				}
				for _, s := range indexFaults(b) {
					t.Error(s)
				}
				// The how-to: 2 A4 pages, 4 A5 pages, up to 18 pt.
				if _, ok := b.Anchors["sommaire"]; ok && tc.size <= 18 {
					most := map[string]int{"A4": 2, "A5": 4}[tc.format.Name]
					if n := partPages(b, "comment-lire", "sommaire"); n > most {
						t.Errorf("« Comment lire ce guide » fills %d pages, want at most %d", n, most)
					}
				}
				if d, ok := b.Anchors["sommaire"]; ok {
					t.Logf("how-to: %d pages", d.Page-b.Anchors["comment-lire"].Page)
				}
				if gc.name == "Hérault" && tc.format == layout.A4 && tc.size == 18 {
					// 342 communes, in two columns; 66 places.
					if n := partPages(b, guide.CommuneIndexAnchor, guide.PlaceIndexAnchor); n > 10 {
						t.Errorf("the index of communes fills %d pages, want at most 10", n)
					}
					// Initial letters, no line for a town hall, one line for
					// the places of one name.
					if n := partPages(b, guide.PlaceIndexAnchor, guide.NeedsIndexAnchor); n > 3 {
						t.Errorf("the index of places fills %d pages, want at most 3", n)
					}
					// Its 9 Croix Rouge Française (one in each commune) on one line.
					if n := countPrefix(b, guide.PlaceIndexAnchor, guide.NeedsIndexAnchor, "Croix Rouge Francaise"); n != 1 {
						t.Errorf("%d lines of the index of places begin with « Croix Rouge Francaise », want 1", n)
					}
				}
				if gc.name == "Marseille" && tc.size == 18 {
					// A guide of one commune names none in its index: its
					// three « Centre d’Innovation pour l’Emploi… » share a line.
					if n := countPrefix(b, guide.PlaceIndexAnchor, guide.NeedsIndexAnchor, "Centre d’Innovation"); n != 1 {
						t.Errorf("%d lines of the index of places begin with « Centre d’Innovation », want 1", n)
					}
				}
				// The sommaire holds on one A4 page: it lists the communes
				// only when they leave room for the parts after them, or
				// when there is no index of communes to list them.
				if d, ok := b.Anchors["sommaire"]; ok && tc.format == layout.A4 && g.SectionsTitle != "" {
					next := g.Sections[0].Anchor
					if g.Map != nil {
						next = g.Map.Anchor
					} else if len(g.ByNeed) > 0 {
						next = g.ByNeed[0].Anchor
					}
					if n := b.Anchors[next].Page - d.Page; n != 1 {
						t.Errorf("the sommaire fills %d pages", n)
					}
				}
				// What all the places share opens the page of the first
				// place, or only the how-to says it: never a page of its
				// own before the places.
				if g.Shared != nil {
					first := b.Anchors[g.Sections[0].Anchor].Page
					from := first
					// From the page after the sommaire's, which may end the
					// how-to, where what they share is said too.
					if d, ok := b.Anchors["sommaire"]; ok {
						from = min(from, d.Page+1)
					}
					if d, ok := b.Anchors[guide.MapAnchor]; ok {
						from = min(from, d.Page)
					}
					for p := from; p < first; p++ {
						var text strings.Builder
						for _, it := range b.Pages[p].Items {
							if tx, ok := it.(*layout.Text); ok {
								text.WriteString(tx.S + " ")
							}
						}
						if strings.Contains(strings.Join(strings.Fields(text.String()), " "), strings.Join(strings.Fields(g.Shared.Text), " ")) {
							t.Errorf("what all the places share is on page %d, before the first place, on page %d", p+1, first+1)
						}
					}
				}
				// « Mes notes » takes a page the printing would leave
				// blank, and never adds one: the back of the last A4 sheet,
				// printed on both sides; a page of the last folded sheet of
				// an A5 booklet.
				sheet := map[string]int{"A4": 2, "A5": 4}[tc.format.Name]
				_, notes := b.Anchors["notes"]
				if notes && (len(b.Pages)-1)%sheet == 0 {
					t.Errorf("« Mes notes » adds a page: %d pages, sheets of %d", len(b.Pages), sheet)
				}
				if !notes && g.Parts.Notes && len(b.Pages)%sheet != 0 {
					t.Errorf("%d pages, sheets of %d: a blank page « Mes notes » would take", len(b.Pages), sheet)
				}
				if d := b.Anchors["comment-lire"]; d.Page != 1 {
					t.Errorf("the cover fills %d pages", d.Page)
				}
				last := len(b.Pages) - 1
				if b.BackCover {
					last--
				}
				if notes {
					last-- // the page of notes comes last (before the back cover)
				}
				if d := b.Anchors["a-propos"]; d.Page != last {
					t.Errorf("« À propos » on page %d of %d: it spills", d.Page+1, len(b.Pages))
				}
				if b.BackCover != (tc.format == layout.A5 && len(g.Helplines)+len(g.Publisher.Name) > 0) {
					t.Errorf("back cover %v in %s", b.BackCover, tc.format.Name)
				}
				// In A5, some entries are still taller than a page (see
				// TestEntriesStayOnOnePage): the sample too, at times.
				// Under « Appelez avant de venir », the sample shows a
				// phone to call whenever the guide's best one does.
				// The sample and what its numbers mean are read together.
				if s := sampleApart(b, g); s != "" {
					t.Error(s)
				}
				s := printedSample(b, g)
				if s != nil && g.Sample.ShowsBasics() && !s.ShowsBasics() {
					t.Errorf("the sample entry %q shows no address, phone or hours, though %q does", s.Name, g.Sample.Name)
				}
				if s != nil && tc.format == layout.A4 {
					end := s.Name
					if s.Updated != "" {
						end = s.Updated
					}
					// Its first word: the line may break after it.
					if p, ok := onePage(b, g.Wording.Sample, strings.Fields(end)[0]); !ok {
						t.Errorf("the sample entry %q, from page %d, spills onto the next (%q)", s.Name, p+1, end)
					}
				}
				most := gc.a4
				if tc.format == layout.A5 {
					most = gc.a5
				}
				power := 1.7
				if tc.format == layout.A5 && tc.size > 18 {
					// An A5 page holds a dozen lines at 24 pt: most
					// entries fill one page, the longest two.
					power = 2.5
				}
				most *= math.Pow(tc.size/18, power)
				per := float64(len(b.Pages)) / float64(places)
				t.Logf("%d pages, %.2f a place", len(b.Pages), per)
				if per > most {
					t.Errorf("%d pages for %d places: %.2f a place, want at most %.2f", len(b.Pages), places, per, most)
				}
			})
		}
	}
}

// TestContentsInColumns lays out the Hérault without its index of
// communes: the sommaire then lists its 34 communes, in two columns, as
// the index would (one below the other, they took three pages).
func TestContentsInColumns(t *testing.T) {
	t.Parallel()
	g := realTerritory(t, "Hérault")
	g.Communes, g.SectionsTitle = nil, "" // as --sans-index-communes composes it
	b, _ := laidOut(t, g, layout.A4, layout.DefaultSize)
	page := b.Anchors["sommaire"].Page
	lefts := map[float64]int{} // where the communes' names start, and how many start there
	for _, p := range b.Pages[page : page+2] {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && slices.ContainsFunc(g.Sections, func(s guide.Section) bool { return s.Title == tx.S }) {
				lefts[math.Round(tx.X)]++
			}
		}
	}
	if len(lefts) != 2 {
		t.Errorf("the sommaire's communes start at %v, want two columns", lefts)
	}
}
