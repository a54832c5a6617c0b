package layout

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"livret/guide"
	"livret/horaires"
	"livret/internal/fixtures"
	"livret/telephone"
)

// sampleGuide is the guide of n places the tests of several packages use.
func sampleGuide(n int) *guide.Guide { return fixtures.SampleGuide(n) }

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
				for _, f := range printFaults(b, p) {
					t.Errorf("page %d: %s", i+1, f)
				}
			}
			for _, w := range b.Warnings {
				if tc.mod == nil || !strings.Contains(w, "(suite)") && !strings.HasPrefix(w, "la fiche d’un lieu ") {
					t.Errorf("warning: %s", w)
				}
			}
		})
	}
}

// printFaults lists what breaks the large-print rules on a page of b: a
// text under 16 pt, off the page or in the margins, or overlapping another.
func printFaults(b *Book, p *Page) []string {
	var out []string
	var boxes []textBox
	for _, it := range p.Items {
		tx, ok := it.(*Text)
		if !ok {
			continue
		}
		if tx.Size < MinSize {
			out = append(out, fmt.Sprintf("%q at %g pt", tx.S, tx.Size))
		}
		bb := boxOf(tx)
		if bb.x0 < -0.01 || bb.y0 < -0.01 || bb.x1 > b.Width+0.01 || bb.y1 > b.Height+0.01 {
			out = append(out, fmt.Sprintf("%q leaves the page: %+v", tx.S, bb))
		}
		if tx.Node() != nil && (bb.x0 < 20/25.4*72 || bb.x1 > b.Width-20/25.4*72+0.01) {
			out = append(out, fmt.Sprintf("%q in the margin: %+v", tx.S, bb))
		}
		for _, o := range boxes {
			if o.overlaps(bb) {
				out = append(out, fmt.Sprintf("%q overlaps %q", tx.S, o.s))
			}
		}
		boxes = append(boxes, bb)
	}
	return out
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
	for _, w := range b.Warnings {
		if !strings.HasPrefix(w, "la fiche d’un lieu est plus haute qu’une page") || !strings.Contains(w, "(«\u00a0") {
			t.Errorf("warning = %q", w)
		}
	}
	if len(b.Warnings) == 0 || len(b.Warnings) > n { // one per place, which may continue over several pages
		t.Errorf("%d warnings for %d continuations", len(b.Warnings), n)
	}
}

// TestSplitReportTellsWhy checks that the report of an entry split
// between pages says why: taller than a page, or holding on one but not
// under the heading of its commune, which must stay with it. The entry,
// the first of its section, grows line by line of hours through both
// cases. Under a commune whose name holds as the running head, an entry
// that holds alone is never split: the heading is set there, in the
// accent colour, as the page's H1.
func TestSplitReportTellsWhy(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	th.Format = A5
	for _, title := range []string{"Vif", "Communes du Plateau-des-Petites-Roches et de la Vallée"} {
		seen := map[bool]int{} // splits reported, by whether the entry alone is taller than a page
		inBand := 0
		for n := 1; n <= 8; n++ {
			g := sampleGuide(2)
			g.Parts, g.Sections = guide.Parts{}, g.Sections[1:] // an ordinary place
			g.Sections[0].Title = title
			e := &g.Sections[0].Entries[0]
			e.Hours.Lines = nil
			for i := range n {
				e.Hours.Lines = append(e.Hours.Lines, fmt.Sprintf("Le %d\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h", i+1))
			}
			lc := newContext(guideTheme(th, g.Wording), map[string]int{}, newMemo())
			lc.words = g.Wording
			alone, _, _ := lc.firstEntry(e, nil, lc.sectionEntry(&g.Sections[0]), true)
			top, bottom := lc.frame()
			taller := height(alone) > bottom-top
			b, err := Guide(g, th)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range b.Warnings {
				if !strings.Contains(w, "continue sur la page suivante") {
					continue
				}
				seen[taller]++
				if want := "la fiche d’un lieu est plus haute qu’une page"; taller != strings.HasPrefix(w, want) {
					t.Errorf("%d lines of hours, the entry alone %.0f high in a frame of %.0f: %q", n, height(alone), bottom-top, w)
				}
			}
			for _, p := range b.Pages {
				for _, it := range p.Items {
					if tx, ok := it.(*Text); ok && tx.Y < th.Format.Margin+th.Size && tx.Node() != nil && tx.Node().Role == "H1" && tx.S == title && tx.Color == th.Accent {
						inBand++
					}
				}
			}
		}
		switch {
		case title == "Vif" && (seen[false] > 0 || seen[true] == 0 || inBand == 0):
			t.Errorf("%s: splits reported: %d of entries that hold on a page alone, %d of taller ones, %d headings as running heads; want none, some, some",
				title, seen[false], seen[true], inBand)
		case title != "Vif" && (seen[false] == 0 || seen[true] == 0):
			t.Errorf("%s: splits reported: %d of entries that hold on a page alone, %d of taller ones; want both", title, seen[false], seen[true])
		}
	}
}

// TestContentsPageNumbers checks that the contents give the page where
// each section begins.
func TestContentsPageNumbers(t *testing.T) {
	b := layoutSample(t, 30, nil)
	g := sampleGuide(30)
	// pageGiven reports whether a link to anchor prints the page where
	// the anchor lands.
	pageGiven := func(anchor string) bool {
		d, ok := b.Anchors[anchor]
		if !ok {
			t.Fatalf("no anchor %s", anchor)
		}
		want := fmt.Sprint(d.Page + 1)
		for _, p := range b.Pages {
			for _, it := range p.Items {
				if tx, ok := it.(*Text); ok && tx.Link != nil && tx.Link.Anchor == anchor && tx.S == want {
					return true
				}
			}
		}
		return false
	}
	for _, s := range g.Sections {
		if !pageGiven(s.Anchor) {
			t.Errorf("contents do not give the page of %s", s.Title)
		}
	}
	for _, ix := range g.Index {
		if !pageGiven(ix.Anchor) {
			t.Errorf("index does not give the page of %s", ix.Text)
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

// TestHeadingNeverEndsPage: a heading is never the last thing of a page;
// it goes to the next page with what it announces, or with the first part
// of it when that is taller than a page. Each case leaves, at the foot of
// the first page, room for the heading but not for what must follow it.
func TestHeadingNeverEndsPage(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	top, bottom := lc.frame()
	frame := bottom - top
	// heading is a heading whose lines are anchored h0, h1…
	heading := func(text string) ([]element, float64) {
		out := lc.heading("H2", text, "", "", th.h2())
		h := 0.0
		for i, e := range out {
			b := e.(box)
			b.anchor = fmt.Sprint("h", i)
			out[i] = b
			h += b.height
		}
		return out, h
	}
	line := func(anchor string) box { return box{height: 30, anchor: anchor} }
	for _, tc := range []struct {
		name  string
		flow  func() []element
		along []string // anchors that must land on the heading's page
	}{
		{"before a group taller than a page", func() []element {
			head, h := heading("Titre")
			part := func() group { return keep([]box{{height: frame / 2}}) }
			first := keep([]box{line("first"), {height: frame/2 - 30}})
			return append(append([]element{box{height: frame - h - 40}}, head...), group{elems: []element{first, part(), part()}})
		}, []string{"h0", "first"}},
		{"before an entry opened by a rule", func() []element {
			// The rule is placed under the heading: the name must fit with it.
			head, h := heading("Titre")
			entry := group{elems: []element{rule(th.entryRule()), keep([]box{line("name0"), line("name1")}), keep([]box{{height: frame}})},
				cont: func(*context, bool) []box { return nil }}
			return append(append([]element{box{height: frame - h - 60 - th.entryRule().natural/2}}, head...), entry)
		}, []string{"h0", "name0", "name1"}},
		{"before an entry whose codes reach below its name", func() []element {
			// The entry fits a page, not with the heading: the heading
			// keeps its name, and the codes drawn beside it, on its page.
			head, h := heading("Titre")
			name := box{height: 30, overhang: 90, anchor: "name"}
			entry := group{elems: []element{keep([]box{name}), keep([]box{{height: frame - h}})}, cont: func(*context, bool) []box { return nil }}
			return append(append([]element{box{height: frame - h - 60}}, head...), entry)
		}, []string{"h0", "name"}},
		{"of many lines", func() []element {
			head, h := heading(strings.Repeat("Maison des services au public ", 12))
			if len(head) < 3 {
				t.Fatalf("heading of %d boxes, want one a line", len(head))
			}
			room := frame - h + 60 // two lines of the heading at the most
			return append(append([]element{box{height: room}}, head...), keep([]box{line("entry"), line("")}))
		}, []string{"h0", "h1", "h2", "entry"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lc.anchors = map[string]Dest{}
			lc.paginate(tc.flow())
			want := lc.anchors["h0"].Page
			if want != 1 {
				t.Errorf("heading on page %d, want 2", want+1)
			}
			for _, a := range tc.along {
				if d, ok := lc.anchors[a]; !ok || d.Page != want {
					t.Errorf("%s on page %d, the heading on page %d", a, d.Page+1, want+1)
				}
			}
		})
	}
}

// TestUnbreakables checks the line-breaking rules of French typography on
// real texts, at a width where a careless break would fall inside the
// unit: a phone number, an hours range and a hyphenated commune name stay
// whole on one line.
func TestUnbreakables(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	// The number as package telephone writes it for print.
	nums, _ := telephone.ParseAll("0557657539", "33")
	if len(nums) != 1 {
		t.Fatalf("ParseAll gave %v", nums)
	}
	for _, tc := range []struct {
		name, before, unit string
		whole              bool // the unit is a span that stays whole
	}{
		{"a phone number never breaks", "Appelez le ", nums[0].Display, false},
		// A helpline number that package telephone cannot read is printed
		// as the template writes it, with ordinary spaces.
		{"a phone number written with ordinary spaces never breaks", "Appelez le ", "0 800 47 47 88", true},
		{"an hours range never breaks", "Lundi au vendredi\u00a0: ", "9\u00a0h\u00a030\u00a0–\u00a012\u00a0h\u00a030", false},
		{"a commune name never breaks", "33160 ", "Saint-Médard-en-Jalles", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := []Span{{Text: tc.before + tc.unit + " puis la suite", Style: th.body()}}
			if tc.whole {
				spans = []Span{{Text: tc.before, Style: th.body()}, {Text: tc.unit, Style: th.body(), Whole: true}, {Text: " puis la suite", Style: th.body()}}
			}
			// Room for what comes before and half of the unit, and for the
			// unit alone: only the rule keeps the unit whole.
			half := []rune(tc.unit)[:len([]rune(tc.unit))/2]
			width := max(lc.width(tc.before+string(half), th.body()), lc.width(tc.unit, th.body())) + 1
			var got []string
			found := false
			for _, l := range lc.breakLines(spans, width) {
				s := lineText(l)
				got = append(got, s)
				found = found || strings.Contains(plain(s), plain(tc.unit))
			}
			if !found {
				t.Errorf("%q broken: %q", tc.unit, got)
			}
		})
	}
}

// TestHoursRangesNeverBreak breaks real opening hours, as package guide
// writes them, at every width from a narrow column to a wide page: no
// line ever ends inside a range « 8 h 30 – 12 h 30 » that holds on a line.
func TestHoursRangesNeverBreak(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	rng := regexp.MustCompile(`\d+\x{a0}h(\x{a0}\d+)?\x{a0}–\x{a0}\d+\x{a0}h(\x{a0}\d+)?`)
	for _, raw := range []string{
		"Mo-Fr 08:30-12:30,13:30-17:30",
		"Mo,Tu,Th 09:00-12:00,14:00-17:00; We 14:00-17:00; Fr 09:00-12:00",
		"Mo-Th 08:45-12:15,13:30-17:00; Fr 08:45-12:15",
		"Tu-Sa 13:00-18:00; PH off",
	} {
		h := guide.ReadHours(raw, nil)
		if len(h.Lines) == 0 || h.Unsure {
			t.Fatalf("%q read as %+v", raw, h)
		}
		text := strings.Join(h.Lines, "\n")
		units := rng.FindAllString(text, -1)
		if len(units) == 0 {
			t.Fatalf("no range in %q", text)
		}
		for width := 100.0; width <= 480; width += 2 {
			var lines []string
			for _, l := range lc.breakLines([]Span{{Text: text, Style: th.body()}}, width) {
				lines = append(lines, plain(lineText(l)))
			}
			joined := strings.Join(lines, "|")
			for _, u := range units {
				// A range wider than the line is cut, as a last resort.
				if lc.width(u, th.body()) <= width && !strings.Contains(joined, plain(u)) {
					t.Errorf("%q broken at %.0f pt: %q", u, width, lines)
				}
			}
		}
	}
}

// TestEntryPhonesWhole lays out entries with two numbers, one written with
// ordinary spaces and an extension, on A4 and A5 at 16 to 24 pt: each
// number is printed in one piece, on one line.
func TestEntryPhonesWhole(t *testing.T) {
	nums, _ := telephone.ParseAll("0557657539", "33")
	phones := []guide.Phone{{Display: nums[0].Display, URI: nums[0].URI()}, {Display: "0 800 47 47 88", Note: "poste 1234, le matin"}}
	for _, f := range []Format{A4, A5} {
		for _, size := range []float64{16, 18, 24} {
			g := sampleGuide(3)
			for i := range g.Sections {
				for j := range g.Sections[i].Entries {
					g.Sections[i].Entries[j].Phones = phones
				}
			}
			th, _ := DefaultTheme()
			th.Format, th.Size = f, size
			b, err := Guide(g, th)
			if err != nil {
				t.Fatal(err)
			}
			found := map[string]int{}
			for _, p := range b.Pages {
				for _, it := range p.Items {
					if tx, ok := it.(*Text); ok {
						for _, ph := range phones {
							if plain(strings.TrimSpace(tx.S)) == plain(ph.Display) {
								found[ph.Display]++
							}
						}
					}
				}
			}
			for _, ph := range phones {
				if found[ph.Display] < 3 { // in each of the places, and the sample entry
					t.Errorf("%s %g pt: %q printed whole %d times", f.Name, size, ph.Display, found[ph.Display])
				}
			}
		}
	}
}

// readingText is the text of a book in the order of its structure, as a
// screen reader reads it.
func readingText(b *Book) string {
	texts := map[*Node]string{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Node() != nil {
				texts[tx.Node()] += tx.S
			}
		}
	}
	var out strings.Builder
	var walk func(n *Node)
	walk = func(n *Node) {
		out.WriteString(texts[n])
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(b.Structure)
	return out.String()
}

// plain writes no-break spaces as spaces, as a face may print them.
func plain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}

// TestEmailBreaks checks that an e-mail address too long for its line
// breaks before its « @ » or after a dot, never inside a word nor at a
// hyphen, which a reader would copy as part of the address.
func TestEmailBreaks(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	for _, mail := range []string{"association.cafes@associationcafes.org", "jean-pierre.durand@mairie-saint-medard-en-jalles.fr",
		"Franceservices.hautsdemazargues@dso.ifac.asso.fr"} {
		for width := 120.0; width <= 480; width += 4 {
			var lines []string
			for _, l := range lc.breakLines(lc.emailSpans(Span{Text: mail, Style: th.body()}, width), width) {
				lines = append(lines, strings.TrimRight(lineText(l), " "))
			}
			if strings.Join(lines, "") != mail {
				t.Fatalf("%q at %.0f pt: %q", mail, width, lines)
			}
			local, domain, _ := strings.Cut(mail, "@")
			fits := true // every piece between the breaks allowed holds on a line
			for _, piece := range append(strings.SplitAfter(local, "."), strings.SplitAfter("@"+domain, ".")...) {
				fits = fits && lc.width(piece, th.body()) <= width
			}
			for i, l := range lines[:len(lines)-1] {
				if fits && !strings.HasSuffix(l, ".") && !strings.HasPrefix(lines[i+1], "@") {
					t.Errorf("%q at %.0f pt broken inside a word: %q", mail, width, lines)
					break
				}
			}
			if lc.width(mail, th.body()) <= width && len(lines) > 1 {
				t.Errorf("%q broken at %.0f pt though it fits: %q", mail, width, lines)
			}
		}
	}
}

// TestAddressUnderCommuneHeading: under the heading of its commune, an
// entry's address leaves out the postal code and commune the heading
// names; under a heading that does not name it, and in the sample entry,
// the address is whole.
func TestAddressUnderCommuneHeading(t *testing.T) {
	g := sampleGuide(12) // two places in each of six communes
	for i := range g.Sections {
		g.Sections[i].NamesCommune = g.Sections[i].Title != "Talence"
	}
	th, _ := DefaultTheme()
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	text := bookText(b)
	for _, tc := range []struct {
		commune string
		want    int
	}{
		{"Bordeaux", 1}, // the sample entry only
		{"Pessac", 0},
		{"Talence", 2},
	} {
		if n := strings.Count(text, "33600 "+tc.commune); n != tc.want {
			t.Errorf("« 33600 %s » printed %d times, want %d", tc.commune, n, tc.want)
		}
	}
	if !strings.Contains(text, "16 avenue du Général-Leclerc") {
		t.Error("the street of the sixth place is missing")
	}
}

// TestListsShareRows: the facts, the services and the links flow on: a
// list begins on the last row of the one before when it fits there,
// except in the sample entry, whose numbers point at each part.
func TestListsShareRows(t *testing.T) {
	th, _ := DefaultTheme()
	th.QR = false
	e := guide.Entry{Name: "Médiathèque", Address: []string{"1 rue de la Gare", "33600\u00a0Pessac"},
		Facts:    []guide.Fact{{Icon: "fees", Text: "Gratuit"}},
		Services: []guide.Service{{Icon: "work", Label: "Emploi"}},
		Website:  &guide.Link{Text: "pessac.fr", URL: "https://pessac.fr/"}}
	for _, markers := range []bool{false, true} {
		lc := newContext(th, map[string]int{}, newMemo())
		st := lc.guideEntry()
		st.markers = markers
		b := lc.paginate([]element{lc.entry(&e, lc.root, st)})
		y := map[string]float64{}
		for _, it := range b.Pages[0].Items {
			if tx, ok := it.(*Text); ok {
				y[strings.TrimSpace(tx.S)] = tx.Y
			}
		}
		one := y["Gratuit"] == y["Emploi"] && y["Emploi"] == y["pessac.fr"]
		if one == markers {
			t.Errorf("markers %v: rows at %v", markers, y)
		}
	}
}

// TestFirstEntryClosesUp: the first entry of a section, too tall to share
// a page with its heading, closes up rather than be cut between pages,
// when closed up they hold on one.
func TestFirstEntryClosesUp(t *testing.T) {
	th, _ := DefaultTheme()
	th.Format = A5
	lc := newContext(th, map[string]int{}, newMemo())
	top, bottom := lc.frame()
	frame := bottom - top
	s := guide.Section{Title: "Marseille 3e", Anchor: "s", NamesCommune: true}
	heading := height(group{elems: lc.heading("H1", s.Title, s.Anchor, s.Title, th.h1())})
	found := false
	for n := 1; n < 20 && !found; n++ {
		e := guide.Entry{Anchor: "e", Name: "Action solidarité de Marseille", Address: []string{"12 boulevard Boyer", "13003\u00a0Marseille"},
			Phones:   []guide.Phone{{Display: "04\u00a091\u00a064\u00a099\u00a009"}},
			Services: []guide.Service{{Icon: "devices", Label: "Ordinateur et téléphone"}, {Icon: "understanding", Label: "Comprendre le numérique"}}}
		for i := range n {
			e.Hours.Lines = append(e.Hours.Lines, fmt.Sprintf("Ligne %d\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h", i+1))
		}
		st := lc.sectionEntry(&s)
		normal := height(lc.entry(&e, &Node{}, st)) - th.entryRule().natural
		st.dense = true
		dense := height(lc.entry(&e, &Node{}, st)) - th.entryRule().natural
		if normal > frame || heading+normal <= frame || heading+dense > frame {
			continue
		}
		found = true
		s.Entries = []guide.Entry{e}
		lc.anchors = map[string]Dest{}
		b := lc.paginate(append([]element{box{height: frame / 2}}, lc.section(&guide.Guide{}, &s, false)...))
		last := -1
		for i, p := range b.Pages {
			if strings.Contains(plain(pageText(p)), fmt.Sprintf("Ligne %d :", n)) {
				last = i
			}
		}
		if last != lc.anchors["s"].Page {
			t.Errorf("%d lines of hours: the heading on page %d, the entry's last hours on page %d", n, lc.anchors["s"].Page+1, last+1)
		}
	}
	if !found {
		t.Fatal("no entry taller than a page with its heading, that closes up to hold on one")
	}
}

// TestSharedBoxLetsFirstEntryGo: under a heading with what the places
// of its section share, a first entry that cannot hold on a page with
// them, though it holds on one alone, goes whole to the next page; the
// heading stays with what is shared.
func TestSharedBoxLetsFirstEntryGo(t *testing.T) {
	th, _ := DefaultTheme()
	th.Format = A5
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = fixtures.Wording()
	top, bottom := lc.frame()
	frame := bottom - top
	s := guide.Section{Title: "Marseille 10e", Anchor: "s", NamesCommune: true,
		Shared: &guide.Shared{Text: "Dans tous les lieux de Marseille 10e :", Services: []guide.Service{{Icon: "devices", Label: "Ordinateur et téléphone"},
			{Icon: "understanding", Label: "Comprendre le numérique"}}, Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}}}}
	shared := height(keep(lc.shared(s.Shared))) + height(group{elems: lc.heading("H1", s.Title, "", "", th.h1())})
	found := false
	for n := 1; n < 20 && !found; n++ {
		e := guide.Entry{Anchor: "e", Name: "Centre social CCO Château Saint-Loup", Address: []string{"29 traverse Chanteperdrix", "13010\u00a0Marseille"},
			Phones: []guide.Phone{{Display: "04\u00a091\u00a089\u00a087\u00a002"}}}
		for i := range n {
			e.Hours.Lines = append(e.Hours.Lines, fmt.Sprintf("Ligne %d\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h", i+1))
		}
		st := lc.sectionEntry(&s)
		if whole := height(lc.entry(&e, &Node{}, st)); whole > frame || shared+whole-th.partGap().natural <= frame {
			continue
		}
		found = true
		s.Entries = []guide.Entry{e}
		lc.anchors = map[string]Dest{}
		b := lc.paginate(append([]element{box{height: frame / 3}}, lc.section(&guide.Guide{}, &s, false)...))
		pages := map[int]bool{}
		for i, p := range b.Pages {
			text := plain(pageText(p))
			if strings.Contains(text, "(suite)") {
				t.Errorf("%d lines of hours: the entry is cut", n)
			}
			for _, l := range []string{"Centre social", "Ligne 1 :", fmt.Sprintf("Ligne %d :", n)} {
				if strings.Contains(text, l) {
					pages[i] = true
				}
			}
			if i == lc.anchors["s"].Page && !strings.Contains(text, "Comprendre le numérique") {
				t.Errorf("%d lines of hours: the heading without what is shared", n)
			}
		}
		if len(pages) != 1 {
			t.Errorf("%d lines of hours: the entry on pages %v", n, pages)
		}
	}
	if !found {
		t.Fatal("no entry that holds on a page alone, not with the heading and what is shared")
	}
}

// TestEntryGivesUpCodes: an entry taller than a page closes up, then
// gives up its QR codes, whose column narrows its rows, then packs its
// services, before being cut; a leaflet's entry, already compact, has no
// closer style.
func TestEntryGivesUpCodes(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	var steps []string
	for st, ok := lc.guideEntry().closer(); ok; st, ok = st.closer() {
		steps = append(steps, fmt.Sprintf("dense %v, codes %v, packed %v", st.dense, st.qr > 0, st.packed))
	}
	if got, want := strings.Join(steps, "; "), "dense true, codes true, packed false; dense true, codes false, packed false; dense true, codes false, packed true"; got != want {
		t.Errorf("closer styles: %s, want %s", got, want)
	}
	if _, ok := (entryStyle{compact: true}).closer(); ok {
		t.Error("a compact entry closes up")
	}
}

// TestPlacesOpenWithoutStaleHead: the page where the places begin, opened
// by what all of them share, carries no running head of the part before
// it (it showed « Carte des lieux : le détail » above the first places).
func TestPlacesOpenWithoutStaleHead(t *testing.T) {
	g := sampleGuide(12)
	g.Shared = &guide.Shared{Text: "Dans tous les lieux de ce guide\u00a0:", Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}}}
	th, _ := DefaultTheme()
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	first := b.Anchors[g.Sections[0].Anchor].Page
	top := th.Format.Margin + th.body().Leading()
	for _, it := range b.Pages[first].Items {
		if tx, ok := it.(*Text); ok && tx.Y < top && !strings.HasPrefix(tx.S, "Page ") { // the page number stands there
			t.Errorf("page %d, where the places begin, has the running head « %s »", first+1, tx.S)
		}
	}
	if !strings.Contains(pageText(b.Pages[first]), "Dans tous les lieux") {
		t.Errorf("page %d does not open with what all places share", first+1)
	}
}

// TestSharedYearWherePlacesBegin: the year all the places were updated in
// is said once, where the places begin, under what they all offer; the
// how-to, which says what they offer, leaves it out.
func TestSharedYearWherePlacesBegin(t *testing.T) {
	th, _ := DefaultTheme()
	g := sampleGuide(4)
	g.Shared = &guide.Shared{Text: "Dans tous les lieux de ce guide\u00a0:", Services: []guide.Service{{Icon: "devices", Label: "Ordinateur et téléphone"}},
		Updated: "Informations mises à jour en 2022"}
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	var pages []int
	for i, p := range b.Pages {
		if strings.Contains(pageText(p), g.Shared.Updated) {
			pages = append(pages, i)
		}
	}
	if places := b.Anchors["sommaire"].Page + 1; len(pages) != 1 || pages[0] != places || !strings.Contains(pageText(b.Pages[places]), "Dans tous les lieux") {
		t.Errorf("the year is said on pages %v, want only on page %d, where the places begin", pages, places)
	}
	howTo := ""
	for _, p := range b.Pages[b.Anchors["comment-lire"].Page : b.Anchors["sommaire"].Page+1] {
		howTo += pageText(p)
	}
	if !strings.Contains(squash(howTo), squash(g.Shared.Text)) {
		t.Errorf("the how-to does not say what all places offer: %s", howTo)
	}
}

// TestEntryPacksServices: packed, a row of an entry that the next chip
// does not fit takes a later one that does: « Emploi » beside « Gratuit »,
// not on a row of its own. An entry taller than a page is packed; a
// guide's entry, when packed is shorter.
func TestEntryPacksServices(t *testing.T) {
	t.Run("facts", func(t *testing.T) {
		th, _ := DefaultTheme()
		lc := newContext(th, map[string]int{}, newMemo())
		lc.words = sampleGuide(1).Wording
		e := &guide.Entry{Name: "Médiathèque", Facts: []guide.Fact{{Icon: "fees", Text: "Payant"},
			{Icon: "people", Text: "On fait avec vous, en atelier ou en libre accès"}, {Icon: "hearing", Text: "Personnes sourdes"}}}
		st := lc.guideEntry()
		loose, _, _, _ := lc.placeEntry(e, &Node{}, st, -1)
		if d := height(loose) - height(lc.entry(e, &Node{}, st)); math.Abs(d-th.body().Leading()) > 0.01 {
			t.Errorf("packed, the entry is %.1f shorter, want a line (%.1f): « Personnes sourdes » beside « Payant »", d, th.body().Leading())
		}
	})
	th, _ := DefaultTheme()
	th.Format = A5
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	top, bottom := lc.frame()
	e := &guide.Entry{Name: "France services", Address: []string{"4 rue Gimon"},
		Phones:   []guide.Phone{{Display: "04\u00a091\u00a035\u00a006\u00a007"}},
		Facts:    []guide.Fact{{Icon: "fees", Text: "Gratuit"}},
		Services: []guide.Service{{Icon: "paperwork", Label: "Démarches en ligne"}, {Icon: "work", Label: "Emploi"}}}
	st := lc.guideEntry()
	st.dense, st.qr = true, 0
	loose, _, _, _ := lc.placeEntry(e, &Node{}, st, -1)
	st.packed = true
	packed, _, _, _ := lc.placeEntry(e, &Node{}, st, -1)
	if d := height(loose) - height(packed); math.Abs(d-th.body().Leading()) > 0.01 {
		t.Fatalf("packed, the entry is %.1f shorter, want a line (%.1f)", d, th.body().Leading())
	}
	// Long hours make it taller than a page, unless packed.
	for height(packed)-opening(packed) <= bottom-top {
		e.Hours.Lines = append(e.Hours.Lines, "Lundi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h")
		packed, _, _, _ = lc.placeEntry(e, &Node{}, st, -1)
	}
	e.Hours.Lines = e.Hours.Lines[:len(e.Hours.Lines)-1]
	if got := lc.entry(e, &Node{}, lc.guideEntry()); height(got)-opening(got) > bottom-top {
		t.Errorf("the entry is %.0f high, its rule dropped, in a frame of %.0f: not packed", height(got)-opening(got), bottom-top)
	}
}

// TestPackedWidestFirst: packed, the practical details and the services
// are one list whose rows are opened by the widest chips, the narrow ones
// ending rows: « Démarches en ligne » beside « On fait avec vous »,
// « Ordinateur et téléphone » beside « Gratuit » (Mairie de Bernin, a
// row less); where packing saves no row, the chips keep their order, the
// details first.
func TestPackedWidestFirst(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	line := th.body().Leading()
	facts := []guide.Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "people", Text: "On fait avec vous"}}
	e := &guide.Entry{Name: "Mairie de Bernin", Facts: facts,
		Services: []guide.Service{{Icon: "paperwork", Label: "Démarches en ligne"}, {Icon: "devices", Label: "Ordinateur et téléphone"}},
		Email:    &guide.Link{Text: "mairie@bernin.fr", URL: "mailto:mairie@bernin.fr"}, Updated: "À jour en mai 2021"}
	st := lc.guideEntry()
	loose, _, _, _ := lc.placeEntry(e, &Node{}, st, -1)
	if d := height(loose) - height(lc.entry(e, &Node{}, st)); d < line-0.01 {
		t.Errorf("packed, the entry is %.1f shorter, want a line (%.1f)", d, line)
	}
	// The kind of place stays first, however narrow (CSAPA Danielle
	// Casanova, Marseille, A5: a row less).
	a5 := th
	a5.Format = A5
	lc5 := newContext(a5, map[string]int{}, newMemo())
	lc5.words = lc.words
	e = &guide.Entry{Name: "CSAPA", Facts: []guide.Fact{{Icon: guide.KindIcon, Text: "Conseiller numérique"}, {Icon: "fees", Text: "Gratuit"}},
		Services: []guide.Service{{Icon: "understanding", Label: "Comprendre le numérique"}, {Icon: "devices", Label: "Ordinateur et téléphone"}, {Icon: "work", Label: "Emploi"}}}
	st5 := lc5.guideEntry()
	loose, _, _, _ = lc5.placeEntry(e, &Node{}, st5, -1)
	packed := lc5.entry(e, &Node{}, st5)
	if d := height(loose) - height(packed); d < line-0.01 {
		t.Errorf("A5: packed, the entry is %.1f shorter, want a line (%.1f)", d, line)
	}
	if first := firstChip(lc5.paginate([]element{packed}), e.Name); first != "Conseiller numérique" {
		t.Errorf("A5: the chips open with « %s », want the kind of place", first)
	}

	// A row less only by the air between the details and the services:
	// the order stays.
	e = &guide.Entry{Name: "Mairie", Facts: facts, Services: []guide.Service{{Icon: "paperwork", Label: "Démarches en ligne"}}}
	if first := firstChip(lc.paginate([]element{lc.entry(e, &Node{}, st)}), e.Name); first != "Gratuit" {
		t.Errorf("the chips open with « %s », want « Gratuit », as they come", first)
	}
}

// firstChip is the first words of b after the name of its entry: those of
// its first chip, in an entry of a name and chips.
func firstChip(b *Book, name string) string {
	for _, it := range b.Pages[0].Items {
		if tx, ok := it.(*Text); ok && strings.TrimSpace(tx.S) != name {
			return strings.TrimSpace(tx.S)
		}
	}
	return ""
}

// TestClosedUpKeepsParts: an entry closed up, as one taller than a page
// is, keeps its details and its services two lists, which part between
// pages when it is cut; packed in the guide, they are one.
func TestClosedUpKeepsParts(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	e := &guide.Entry{Name: "Mairie", Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "people", Text: "On fait avec vous"}},
		Services: []guide.Service{{Icon: "paperwork", Label: "Démarches en ligne"}}}
	for _, dense := range []bool{false, true} {
		st := lc.guideEntry()
		st.packed, st.dense = true, dense
		n := &Node{}
		lc.placeEntry(e, n, st, -1)
		lists := 0
		for _, k := range n.Kids {
			if k.Role == "L" {
				lists++
			}
		}
		if want := map[bool]int{false: 1, true: 2}[dense]; lists != want {
			t.Errorf("closed up %v: %d lists, want %d", dense, lists, want)
		}
	}
}

// TestDateNeverEndsServices: packed, the date of the information, which
// has no pictogram, never ends a row of the services or the practical
// details, where « Emploi  À jour en juillet 2022 » would read as one
// item; it goes on the e-mail's row or a row of its own (Mfi FJT Les
// Îles, whose last services row has room for it).
func TestDateNeverEndsServices(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	e := &guide.Entry{Name: "Mfi FJT Les Îles", Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "people", Text: "On fait avec vous"}},
		Services: []guide.Service{{Icon: "work", Label: "Emploi"}, {Icon: "computer", Label: "Accès à internet"}},
		Email:    &guide.Link{Text: "agunzburger@mutualiteisere.org", URL: "mailto:agunzburger@mutualiteisere.org"}, Updated: "À jour en juillet 2022"}
	b := lc.paginate([]element{lc.entry(e, &Node{}, lc.guideEntry())})
	y := map[string]float64{}
	for _, it := range b.Pages[0].Items {
		if tx, ok := it.(*Text); ok {
			y[squash(tx.S)] = tx.Y
		}
	}
	date := y["À jour en juillet 2022"]
	for _, chip := range []string{"Gratuit", "On fait avec vous", "Emploi", "Accès à internet"} {
		if math.Abs(y[chip]-date) < 0.01 {
			t.Errorf("the date on the row of « %s » (%.1f): want it after the services, on a row of the links", chip, date)
		}
	}
}

// TestSupportSaidTogether: the specific support of a place, said as one
// fact under one pictogram, « Aide adaptée : personnes sourdes ou
// malvoyantes, … », where its chips would take more rows; the
// pictogram is then decoration, its words said once to a screen reader.
// Where the chips take no more rows, they stay.
func TestSupportSaidTogether(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	line := th.body().Leading()
	deaf := guide.Fact{Icon: "hearing", Text: "Personnes sourdes", Support: "personnes sourdes"}
	english := guide.Fact{Icon: "translate", Text: "En anglais", Support: "en anglais"}
	five := &guide.Entry{Name: "Habitat et humanisme", Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "people", Text: "On fait avec vous"}, deaf,
		{Icon: "visibility", Text: "Personnes malvoyantes", Support: "personnes malvoyantes"},
		{Icon: "help", Text: "Handicap mental", Support: "handicap mental"},
		{Icon: "help", Text: "Si vous lisez difficilement", Support: "si vous lisez difficilement"},
		{Icon: "translate", Text: "En anglais et autres langues", Support: "en anglais et autres langues"}}}
	figures := func(n *Node) (alts []string) {
		var walk func(*Node)
		walk = func(n *Node) {
			if n.Role == "Figure" {
				alts = append(alts, n.Alt)
			}
			for _, k := range n.Kids {
				walk(k)
			}
		}
		walk(n)
		return alts
	}
	st := lc.guideEntry()
	chips, _, _, _ := lc.placeEntry(five, &Node{}, st, -1)
	n := &Node{}
	// The name, then « Gratuit » and « On fait avec vous » on a row, and
	// three lines of support, where the chips took four.
	if got := lc.entry(five, n, st); height(chips)-height(got) < line-0.01 || height(got) > height(chips)-line+0.01 {
		t.Errorf("the entry is %.1f high, its chips %.1f: want a line less (%.1f)", height(got), height(chips), line)
	}
	if alts := figures(n); len(alts) != 2 {
		t.Errorf("pictograms said %q, want only those of the price and of how help is given", alts)
	}
	b, err := Guide(&guide.Guide{Title: "Guide", Wording: lc.words, Sections: []guide.Section{{Title: "Grenoble", Anchor: "grenoble", Entries: []guide.Entry{*five}}}}, th)
	if err != nil {
		t.Fatal(err)
	}
	want := "Aide adaptée : personnes sourdes ou malvoyantes, handicap mental, si vous lisez difficilement, en anglais et autres langues"
	if text := squash(pageText(b.Pages[len(b.Pages)-1])); !strings.Contains(text, want) {
		t.Errorf("the entry reads %q, want %q", text, want)
	}

	// Two short ones share a row as chips: they stay.
	two := &guide.Entry{Name: "Médiathèque", Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}, deaf, english}}
	n = &Node{}
	lc.entry(two, n, st)
	if alts := figures(n); !slices.Contains(alts, lc.words.Alt.Icons.Hearing) {
		t.Errorf("pictograms said %q, want the chips of « Personnes sourdes » and « En anglais »", alts)
	}
}

// TestDateBesideWebsite: the date of the information shares the row of a
// short web address when it does not hold beside a long e-mail after it.
func TestDateBesideWebsite(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	e := &guide.Entry{Name: "Demo-TIC", Website: &guide.Link{Text: "demo-tic.org", URL: "https://demo-tic.org"},
		Email:   &guide.Link{Text: "conseiller.numerique.sablons@gmail.com", URL: "mailto:conseiller.numerique.sablons@gmail.com"},
		Updated: "À jour en juillet 2022"}
	st := lc.guideEntry()
	st.qr = 0
	loose, _, _, _ := lc.placeEntry(e, &Node{}, st, -1)
	if d := height(loose) - height(lc.entry(e, &Node{}, st)); math.Abs(d-th.body().Leading()) > 0.01 {
		t.Errorf("the entry is %.1f shorter, want a line (%.1f): the date beside the web address", d, th.body().Leading())
	}
}

// TestHoursNoteBesidePhone: hours not known are said on the phone's
// line, after the hours' pictogram, where they hold there (A4 at 18 pt),
// on a line of their own where they do not (A5).
func TestHoursNoteBesidePhone(t *testing.T) {
	e := guide.Entry{Name: "CCAS Eybens", Address: []string{"10 place Condorcet"},
		Phones: []guide.Phone{{Display: "04\u00a076\u00a060\u00a070\u00a007"}}, Hours: guide.Hours{Note: "Horaires inconnus"},
		Facts: []guide.Fact{{Icon: "fees", Text: "Gratuit"}}}
	for _, tc := range []struct {
		format Format
		beside bool
	}{{A4, true}, {A5, false}} {
		th, _ := DefaultTheme()
		th.Format, th.QR = tc.format, false
		lc := newContext(th, map[string]int{}, newMemo())
		lc.words = sampleGuide(1).Wording
		n := &Node{}
		b := lc.paginate([]element{lc.entry(&e, n, lc.guideEntry())})
		y := map[string]float64{}
		icons := map[string]float64{}
		for _, it := range b.Pages[0].Items {
			switch it := it.(type) {
			case *Text:
				y[squash(it.S)] = it.Y
			case *Icon:
				icons[it.Name] = it.Y
			}
		}
		phone, note := y["04 76 60 70 07"], y["Horaires inconnus"]
		if phone == 0 || note == 0 {
			t.Fatalf("%s: the phone or the note is not printed: %v", tc.format.Name, y)
		}
		if got := phone == note && icons["phone"] == icons["hours"]; got != tc.beside {
			t.Errorf("%s: the note at %.1f, its pictogram at %.1f, the phone at %.1f and %.1f: beside %v, want %v", tc.format.Name, note, icons["hours"], phone, icons["phone"], got, tc.beside)
		}
		if lines := (y["Gratuit"] - phone) / th.body().Leading(); lines > 1.5 == tc.beside {
			t.Errorf("%s: « Gratuit » %.1f lines under the phone", tc.format.Name, lines)
		}
		if !slices.ContainsFunc(n.Kids, func(p *Node) bool { return len(p.Kids) > 0 && p.Kids[0].Alt == lc.words.Alt.Icons.Hours }) {
			t.Errorf("%s: no paragraph opens with the hours' pictogram", tc.format.Name)
		}
	}
}

// TestColumnsNoWidow: the last item of columns never opens a page alone;
// the one before it goes along.
func TestColumnsNoWidow(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	top, bottom := lc.frame()
	const n = 8
	// n-1 items hold on a page: the last would open the next alone.
	h := (bottom-top-(n-2)*th.rowGap())/(n-1) - 0.01
	var items []column
	for i := range n {
		items = append(items, column{lead: th.rowGap(), boxes: []box{{height: h, anchor: fmt.Sprint("i", i)}}})
	}
	lc.paginate([]element{columns{n: 1, gutter: th.columnGap(), items: items}})
	last, before := lc.anchors[fmt.Sprint("i", n-1)], lc.anchors[fmt.Sprint("i", n-2)]
	if last.Page != 1 || before.Page != last.Page {
		t.Errorf("the last items on pages %d and %d, want both on page 2", before.Page+1, last.Page+1)
	}
	// When a letter of the index comes before them, it goes along too:
	// « Y » ended a page, « Yviers » and « Yvrac-et-Malleyrand » on the
	// next (Charente, A5, 24 pt).
	items[n-3].boxes[0].keepWithNext = true
	lc = newContext(th, map[string]int{}, newMemo())
	lc.paginate([]element{columns{n: 1, gutter: th.columnGap(), items: items}})
	if letter := lc.anchors[fmt.Sprint("i", n-3)]; letter.Page != 1 {
		t.Errorf("the letter before the last two items ends page %d", letter.Page+1)
	}
}

// TestCompactEntryKeepsUnits lays out entries whose hours do not hold on
// their lines, on A4 and A5 at 16 to 24 pt: set as a table where that is
// shorter, or as lines, every range of hours and every phone number is
// printed whole, on one line, and the table is set on narrow pages (a
// range alone on its line, beside the days). The facts after a fact of
// two lines go on on its last line.
func TestCompactEntryKeepsUnits(t *testing.T) {
	raw := []string{
		"Mo,We 09:30-11:30,14:00-16:00; Tu,Th 09:30-11:30,14:00-18:30; Fr 09:30-11:30",
		"Mo-Fr 08:45-12:15,13:30-17:00; Sa 09:00-12:00",
		"Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 14:00-17:00 \"sur rendez-vous\"",
	}
	tables := 0
	for _, f := range []Format{A4, A5} {
		for _, size := range []float64{16, 18, 24} {
			g := sampleGuide(6)
			var ranges []string
			for i := range g.Sections {
				for j := range g.Sections[i].Entries {
					e := &g.Sections[i].Entries[j]
					s, err := horaires.Parse(raw[(i+j)%len(raw)])
					if err != nil {
						t.Fatal(err)
					}
					e.Hours = guide.ReadHours("", &s)
					e.Facts = []guide.Fact{{Icon: "info", Text: "Conseiller numérique, France Services"}, {Icon: "fees", Text: "Gratuit"}}
					for _, l := range s.Lines() {
						ranges = append(ranges, l.Ranges()...)
					}
				}
			}
			th, _ := DefaultTheme()
			th.Format, th.Size = f, size
			b, err := Guide(g, th)
			if err != nil {
				t.Fatal(err)
			}
			lines := map[string]bool{} // the text of each line, by page and height
			y := map[string]float64{}
			for i, p := range b.Pages {
				row := map[float64]string{}
				for _, it := range p.Items {
					if tx, ok := it.(*Text); ok {
						row[tx.Y] += " " + plain(tx.S)
						y[plain(strings.TrimSpace(tx.S))] = tx.Y
						if plain(strings.TrimSpace(tx.S)) == plain(g.Sections[0].Entries[0].Hours.Rows[0].Times[0]) {
							tables++
						}
					}
				}
				for at, s := range row {
					lines[fmt.Sprint(i, at, s)] = true
					lines[s] = true
				}
			}
			whole := func(unit string) bool {
				for l := range lines {
					if strings.Contains(l, plain(unit)) {
						return true
					}
				}
				return false
			}
			for _, u := range append(ranges, g.Sections[0].Entries[0].Phones[0].Display) {
				if !whole(u) {
					t.Errorf("%s %g pt: %q broken between lines", f.Name, size, u)
				}
			}
			if f == A5 && size == 18 && y["Services"] != y["Gratuit"] {
				t.Errorf("%s %g pt: « Gratuit » not on the last line of the fact before it: %v", f.Name, size, y)
			}
			// Read in the order of the structure, a table says the days
			// then their hours, a word apart.
			if read := plain(readingText(b)); f == A5 && size == 18 && !strings.Contains(read, "mercredi : 9 h 30 – 11 h 30 14 h – 16 h Mardi et jeudi :") {
				t.Errorf("%s %g pt: the hours read %q", f.Name, size, read)
			}
		}
	}
	if tables == 0 {
		t.Error("no hours set as a table")
	}
}

// TestTallEntryStartsUnderWay: an entry taller than a page, cut in any
// case, starts on the page under way when its name and first part hold
// in what is left of it, rather than leave that room empty; else on the
// next.
func TestTallEntryStartsUnderWay(t *testing.T) {
	th, _ := DefaultTheme()
	th.Format, th.Size = A5, 24
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = fixtures.Wording()
	top, bottom := lc.frame()
	e := guide.Entry{Anchor: "e", Name: "Médiathèque", Address: []string{"1 rue de la Gare"},
		Email: &guide.Link{Text: "mediatheque@pessac.fr", URL: "mailto:mediatheque@pessac.fr"}, Updated: "À jour au 3 mars 2025"}
	for i := range 14 {
		e.Hours.Lines = append(e.Hours.Lines, fmt.Sprintf("Le %d\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h", i+1))
	}
	g := lc.entry(&e, &Node{}, lc.guideEntry())
	if height(g)-opening(g) <= bottom-top {
		t.Fatalf("the entry is %.0f high, in a frame of %.0f", height(g), bottom-top)
	}
	first := height(g.elems[0]) + height(g.elems[1]) // the rule, the name with the address
	for _, tc := range []struct {
		used float64
		page int
	}{{(bottom - top) / 3, 0}, {bottom - top - first/2, 1}} {
		lc.anchors = map[string]Dest{}
		b := lc.paginate([]element{box{height: tc.used}, g})
		if d := lc.anchors["e"]; d.Page != tc.page {
			t.Errorf("under %.0f of a frame of %.0f: the entry starts on page %d, want %d", tc.used, bottom-top, d.Page+1, tc.page+1)
		}
		if len(b.Warnings) != 1 {
			t.Errorf("under %.0f: warnings %q", tc.used, b.Warnings)
		}
	}
}

// TestFolioBesideHead: on A5 at 18 pt, the page number stands at the top
// on the right, on the running head's line, which keeps clear of it,
// shortened at the end of a word when it must be; at 24 pt, the number
// keeps its line at the foot of the page.
func TestFolioBesideHead(t *testing.T) {
	for _, size := range []float64{18, 24} {
		b := layoutSample(t, 13, func(th *Theme) { th.Format, th.Size = A5, size })
		heads := 0
		for i, p := range b.Pages[1:] {
			var num, head *Text
			for _, it := range p.Items {
				if tx, ok := it.(*Text); ok && tx.Node() == nil {
					if strings.HasPrefix(tx.S, "Page ") {
						num = tx
					} else if tx.Y < b.Height/4 {
						head = tx
					}
				}
			}
			if num == nil {
				continue
			}
			if above := num.Y < b.Height/2; above != (size == 18) {
				t.Errorf("%g pt, page %d: the number at %.0f", size, i+2, num.Y)
			}
			if right := b.Width - A5.Margin; size == 18 && math.Abs(num.X+num.Width-right) > 0.5 {
				t.Errorf("%g pt, page %d: the number ends at %.0f, not at the margin (%.0f)", size, i+2, num.X+num.Width, right)
			}
			if head == nil || size != 18 {
				continue
			}
			heads++
			if head.X+head.Width > num.X {
				t.Errorf("page %d: the head %q runs into the number", i+2, head.S)
			}
			if cut, ok := strings.CutSuffix(plain(head.S), "…"); ok && !strings.HasSuffix(cut, "-") &&
				!strings.Contains(plain("Comment lire ce guide Index des lieux Saint-Médard-en-Jalles")+" ", cut+" ") {
				t.Errorf("page %d: the head %q is cut inside a word", i+2, head.S)
			}
		}
		if size == 18 && heads == 0 {
			t.Error("no running head beside a page number")
		}
	}
}

// TestIndexSameNameWording checks that the index line of the places of
// one name is the template's wording, filled: layout writes none of its
// words nor its punctuation.
func TestIndexSameNameWording(t *testing.T) {
	g := sampleGuide(6)
	g.Wording.IndexSameName = "{nom} ({lieux})"
	g.Wording.IndexPlace = "{commune}, p. {page}"
	g.Wording.IndexSep = " ; "
	g.Index = []guide.IndexEntry{
		{Letter: "C", Text: "Croix-Rouge, Bègles", Name: "Croix-Rouge", Commune: "Bègles", Anchor: "lieu-1"},
		{Letter: "C", Text: "Croix-Rouge, Pessac", Name: "Croix-Rouge", Commune: "Pessac", Anchor: "lieu-3"},
	}
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	page := func(a string) string { return strconv.Itoa(b.Anchors[a].Page + 1) } // as printed
	want := "Croix-Rouge (Bègles, p. " + page("lieu-1") + " ; Pessac, p. " + page("lieu-3") + ")"
	if got := plain(readingText(b)); !strings.Contains(got, want) {
		t.Errorf("the index does not say %q", want)
	}
}
