package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"livret/guide"
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
	for _, w := range b.Warnings {
		if !strings.HasPrefix(w, "la fiche d’un lieu est plus haute qu’une page") || !strings.Contains(w, "(« ") {
			t.Errorf("warning = %q", w)
		}
	}
	if len(b.Warnings) == 0 || len(b.Warnings) > n { // one per place, which may continue over several pages
		t.Errorf("%d warnings for %d continuations", len(b.Warnings), n)
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
				cont: func() []box { return nil }}
			return append(append([]element{box{height: frame - h - 60 - th.entryRule()/2}}, head...), entry)
		}, []string{"h0", "name0", "name1"}},
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
	for _, tc := range []struct{ name, before, unit string }{
		{"a phone number never breaks", "Appelez le ", nums[0].Display},
		{"an hours range never breaks", "Lundi au vendredi\u00a0: ", "9\u00a0h\u00a030\u00a0–\u00a012\u00a0h\u00a030"},
		{"a commune name never breaks", "33160 ", "Saint-Médard-en-Jalles"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.before + tc.unit + " puis la suite"
			// Room for what comes before and half of the unit, and for the
			// unit alone: only the rule keeps the unit whole.
			half := []rune(tc.unit)[:len([]rune(tc.unit))/2]
			width := max(lc.width(tc.before+string(half), th.body()), lc.width(tc.unit, th.body())) + 1
			lines := lc.breakLines([]Span{{Text: text, Style: th.body()}}, width)
			found := false
			for _, l := range lines {
				s := ""
				for _, p := range l.pieces {
					s += p.text
				}
				if strings.Contains(plain(s), plain(tc.unit)) {
					found = true
				}
			}
			if !found {
				var got []string
				for _, l := range lines {
					got = append(got, l.pieces[0].text)
				}
				t.Errorf("%q broken: %q", tc.unit, got)
			}
		})
	}
}

// plain writes no-break spaces as spaces, as a face may print them.
func plain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}
