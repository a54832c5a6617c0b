package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/texte"
)

func TestOrder(t *testing.T) {
	for _, tt := range []struct {
		pages int
		want  [][2]int
	}{
		{4, [][2]int{{3, 0}, {1, 2}}},
		{5, [][2]int{{-1, 0}, {1, -1}, {-1, 2}, {3, 4}}}, // 8 pages, the last three blank (-1)
		{8, [][2]int{{7, 0}, {1, 6}, {5, 2}, {3, 4}}},
	} {
		got := Order(tt.pages)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Order(%d) = %v, want %v", tt.pages, got, tt.want)
		}
	}
}

// TestImpose checks that each side of each sheet shows the right pages,
// by their printed page numbers.
// halfHas tells whether a text containing want is drawn on a half of a
// side (0 left, 1 right).
func halfHas(p *Page, width float64, half int, want string) bool {
	for _, it := range p.Items {
		if tx, ok := it.(*Text); ok && (tx.X > width/2) == (half == 1) && strings.Contains(tx.S, want) {
			return true
		}
	}
	return false
}

func TestImpose(t *testing.T) {
	// A book whose pages are not a multiple of four: blanks are added.
	var b *Book
	for k := 8; b == nil || len(b.Pages)%4 == 0; k++ {
		b = layoutSample(t, k, func(th *Theme) { th.Format = A5; th.Size = 16 })
	}
	sheet, err := Impose(b)
	if err != nil {
		t.Fatal(err)
	}
	n := len(b.Pages)
	if len(sheet.Pages) != (n+3)/4*2 || sheet.Width < sheet.Height {
		t.Fatalf("%d A5 pages gave %d sides of %g × %g", n, len(sheet.Pages), sheet.Width, sheet.Height)
	}
	if !b.BackCover {
		t.Fatal("an A5 guide with a helpline has no back cover")
	}
	total := (n + 3) / 4 * 4
	if n == total {
		t.Fatalf("%d pages: no blank page to move before the back cover", n)
	}
	for s, pair := range Order(total) {
		for side, pos := range pair {
			i := pos
			switch {
			case pos == total-1:
				// The back cover is the back: the left half of the first side.
				if s != 0 || side != 0 || !halfHas(sheet.Pages[0], sheet.Width, 0, "Un doute") {
					t.Errorf("the back cover is not the back of the booklet")
				}
				continue
			case pos >= n-1:
				i = -1 // the blanks go before the back cover
			}
			if i < 1 { // the cover and blanks carry no page number
				if i < 0 && halfHas(sheet.Pages[s], sheet.Width, side, "") {
					t.Errorf("side %d, half %d: a blank page is not blank", s, side)
				}
				continue
			}
			want := fmt.Sprintf("Page %d sur %d", i+1, n)
			found := false
			for _, it := range sheet.Pages[s].Items {
				if tx, ok := it.(*Text); ok && tx.S == want {
					found = true
					if onRight := tx.X > sheet.Width/2; onRight != (side == 1) {
						t.Errorf("side %d: %q on the wrong half", s, want)
					}
				}
			}
			if !found {
				t.Errorf("side %d lacks %q (source page has it: %v)", s, want, hasText(b.Pages[i], want))
			}
		}
	}
	if _, err := Impose(layoutSample(t, 2, nil)); err == nil {
		t.Error("an A4 book was imposed")
	}
}

// TestLeaflet: the sheet holds the first places that fit, in order, says
// how many others there are, and never refuses a long selection.
func TestLeaflet(t *testing.T) {
	th, _ := DefaultTheme()
	phone := "05 57 93 67 00" // every sample place's, as printed
	for _, tt := range []struct {
		places, max int
		fit         func(n int) bool // how many places the sheet may show
	}{
		{2, 0, func(n int) bool { return n == 2 }},
		{20, 0, func(n int) bool { return n >= 2 && n < 20 }},
		{20, 1, func(n int) bool { return n == 1 }},
		{2000, 0, func(n int) bool { return n >= 2 && n < 20 }},
	} {
		t.Run(fmt.Sprintf("%d places, at most %d", tt.places, tt.max), func(t *testing.T) {
			g := sampleGuide(tt.places)
			g.Leaflet.Max = tt.max
			b, err := Leaflet(g, th)
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Pages) > LeafletPages {
				t.Errorf("%d pages", len(b.Pages))
			}
			if !hasText(b.Pages[0], "Édité le 23 novembre 2026 · Page 1 sur "+fmt.Sprint(len(b.Pages))) {
				t.Error("no footer on the leaflet")
			}
			// Each place shows its phone number once, in the leaflet's large
			// type; the first places come first.
			shown := 0
			for _, p := range b.Pages {
				for _, it := range p.Items {
					if tx, ok := it.(*Text); ok && tx.S == phone {
						shown++
						if tx.Size < 2*th.Size {
							t.Errorf("phone at %g pt", tx.Size)
						}
					}
				}
			}
			if !tt.fit(shown) {
				t.Fatalf("%d places shown", shown)
			}
			text := bookText(b)
			if !strings.Contains(text, places(g)[shown-1].Name) {
				t.Errorf("the %dth place is not the %dth of the selection", shown, shown)
			}
			rest := squash("il y en a " + texte.Number(tt.places-shown) + " autres")
			if got := strings.Contains(text, rest); got != (shown < tt.places) {
				t.Errorf("says %q: %v, in\n%s", rest, got, text)
			}
		})
	}
}

// bookText is the text of a book, squashed.
func bookText(b *Book) string {
	var s []string
	for _, p := range b.Pages {
		s = append(s, pageText(p))
	}
	return squash(strings.Join(s, " "))
}

// squash makes every run of spaces, breaking or not, one space: lines
// end with their space, and the font may lack the narrow no-break space.
func squash(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u202f' }), " ")
}

// BenchmarkLeaflet: how many places fit is found without laying the sheet
// out again for every count, so that the time hardly grows with the
// selection.
func BenchmarkLeaflet(b *testing.B) {
	th, err := DefaultTheme()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{265, 2000} {
		g := sampleGuide(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Leaflet(g, th); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestSheets(t *testing.T) {
	th, _ := DefaultTheme()
	g := sampleGuide(5)
	g.Sections[1].Entries[0].Summary = "Un espace pour apprendre à se servir d’une tablette."
	b, err := Sheets(g, th)
	if err != nil {
		t.Fatal(err)
	}
	// The sample's long entries take a second page under « (suite) »;
	// ordinary ones take one.
	if len(b.Pages) < 5 || len(b.Pages) > 7 {
		t.Errorf("%d pages for 5 places", len(b.Pages))
	}
	if !slices.ContainsFunc(b.Pages, func(p *Page) bool { return hasText(p, "Un espace pour apprendre à se servir d’une ") }) {
		t.Error("the presentation of a place is not on its sheet")
	}
	for i, p := range b.Pages {
		if !hasText(p, "Fiche imprimée le 23 novembre 2026") {
			t.Errorf("page %d: no date of printing", i+1)
		}
	}
}

func TestFigures(t *testing.T) {
	th, _ := DefaultTheme()
	f := &guide.Figures{
		Title: "Les lieux en chiffres",
		Tables: []guide.Table{{Caption: "Lieux par commune", Header: []string{"Commune", "Lieux", "Pour 10 000 habitants"},
			Numeric: []bool{false, true, true}}},
		Charts: []guide.Chart{{Title: "Lieux par service", Bars: []guide.Bar{{Label: "Démarches administratives", Value: 12, Text: "12 lieux"}, {Label: "Loisirs", Value: 3, Text: "3 lieux"}}}},
	}
	for i := range 60 { // longer than a page: the header is repeated
		f.Tables[0].Rows = append(f.Tables[0].Rows, []string{fmt.Sprintf("Commune numéro %d", i), fmt.Sprint(i), "1,2"})
	}
	b, err := FiguresDocument(f, fixtures.Wording(), th, "23\u00a0novembre 2026")
	if err != nil {
		t.Fatal(err)
	}
	headers := 0
	for _, p := range b.Pages {
		if hasText(p, "habitants") {
			headers++
		}
	}
	if len(b.Pages) < 2 || headers != len(b.Pages)-countChartOnly(b) {
		t.Errorf("%d pages, header on %d", len(b.Pages), headers)
	}
	// Numbers are aligned right: the right edges of a column agree.
	var edges []float64
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.S == "1,2" {
				edges = append(edges, tx.X+tx.Width)
			}
		}
	}
	if len(edges) != 60 {
		t.Fatalf("%d cells « 1,2 »", len(edges))
	}
	for _, e := range edges[1:] {
		if e != edges[0] {
			t.Fatalf("numbers not aligned: %v", edges)
		}
	}
	var th1 []*Node
	var walk func(*Node)
	walk = func(n *Node) {
		if n.Role == "TH" {
			th1 = append(th1, n)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(b.Structure)
	if len(th1) != 3 || th1[0].Scope != ColumnScope {
		t.Errorf("table headers: %d, scope %q", len(th1), th1[0].Scope)
	}
}

// countChartOnly counts pages holding no table row (the chart's page).
func countChartOnly(b *Book) int {
	n := 0
	for _, p := range b.Pages {
		if !hasText(p, "Commune") && !hasText(p, "habitants") {
			n++
		}
	}
	return n
}
