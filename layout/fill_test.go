package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"livret/guide"
	"livret/internal/fixtures"
)

// TestSpringsHoldOneMoreEntry: the space between entries and between
// their parts shrinks on a page that holds one more entry only so, down
// to the theme's least, never further, and the page shrunk keeps to the
// large-print rules: nothing under the frame's bottom, in the margins or
// overlapping, the rule between entries still drawn clear of their text.
// A page that holds what follows at natural spacing, or not even shrunk,
// is set at natural spacing.
func TestSpringsHoldOneMoreEntry(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  func(*Theme)
	}{
		{"A4 18 pt", nil},
		{"A4 16 pt", func(th *Theme) { th.Size = 16 }},
		{"A4 24 pt", func(th *Theme) { th.Size = 24 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			th, _ := DefaultTheme()
			if tc.mod != nil {
				tc.mod(&th)
			}
			g := sampleGuide(8)
			th = guideTheme(th, g.Wording)
			// The first place whose entry holds on a page with room to
			// spare, with its services and facts or, in large type,
			// without.
			var place *guide.Entry
			for _, short := range []bool{false, true} {
				for i := range g.Sections {
					e := g.Sections[i].Entries[0]
					if short {
						e.Services, e.Facts = nil, nil
					}
					lc := newContext(th, map[string]int{}, newMemo())
					lc.words = g.Wording
					top, bottom := lc.frame()
					if place == nil && height(lc.entry(&e, lc.root, lc.guideEntry())) < 0.8*(bottom-top) {
						place = &e
					}
				}
			}
			if place == nil {
				t.Fatal("no entry of the sample holds on a page")
			}
			// need is the ratio of shrink the page needs to hold the
			// entry under the filler: over 1, it cannot.
			for _, need := range []float64{0, 0.5, 0.99, 1.05} {
				lc := newContext(th, map[string]int{}, newMemo())
				lc.words = g.Wording
				e := lc.entry(place, lc.root, lc.guideEntry())
				natural, least := height(e), shrunk.height(e)
				if least >= natural {
					t.Fatalf("an entry %g high shrinks to %g", natural, least)
				}
				top, bottom := lc.frame()
				filler := box{height: bottom - top - natural + need*(natural-least)}
				pg := lc.place([]element{filler, e})
				at := lc.anchors[place.Anchor]
				ratio := pg.pages[0].ratio
				under := top + filler.height + th.entryRule().natural - need*th.entryRule().shrink() // the entry's rule shrunk
				switch {
				case need > 1 && (at.Page != 1 || ratio != 0):
					t.Errorf("shrink needed ×%g: entry on page %d, first page shrunk ×%g, want page 2 and natural spacing", need, at.Page+1, ratio)
				case need <= 1 && (at.Page != 0 || ratio < need-1e-6 || ratio > need+1e-6):
					t.Errorf("shrink needed ×%g: entry on page %d, shrunk ×%g, want page 1 shrunk so", need, at.Page+1, ratio)
				case need <= 1 && math.Abs(at.Y-under) > 1e-6:
					t.Errorf("shrink needed ×%g: the entry's anchor at %g, want %g, under its rule shrunk", need, at.Y, under)
				}
				b := pg.book()
				p := b.Pages[0]
				for _, f := range append(framedFaults(b, p, bottom), ruleFaults(p, need <= 1)...) {
					t.Errorf("shrink ×%g: %s", need, f)
				}
			}
		})
	}
}

// ruleFaults lists what a page drawn with its springs shrunk must not
// do to the rules between entries: touch a text, or be missing when the
// page is ruled.
func ruleFaults(p *Page, ruled bool) []string {
	var out []string
	var texts []textBox
	var rules []*Rect
	for _, it := range p.Items {
		switch it := it.(type) {
		case *Text:
			texts = append(texts, boxOf(it))
		case *Rect:
			if it.Fill == Grey {
				rules = append(rules, it)
			}
		}
	}
	if ruled && len(rules) == 0 {
		out = append(out, "no rule between the entries")
	}
	for _, r := range rules {
		for _, tb := range texts {
			if tb.overlaps(textBox{r.X, r.Y, r.X + r.W, r.Y + r.H, "rule"}) {
				out = append(out, fmt.Sprintf("the rule at %g touches %q", r.Y, tb.s))
			}
		}
	}
	return out
}

// TestTallPartFollows: after the how-to or an index, a part taller than a
// page opens under the end of the one before when its heading and first
// lines hold there, else on the next page; its heading never ends a page.
func TestTallPartFollows(t *testing.T) {
	th, _ := DefaultTheme()
	for _, tc := range []struct {
		lines int // room left under the part before, in lines
		page  int // where the part's heading must land
	}{{6, 0}, {1, 1}} {
		lc := newContext(th, map[string]int{}, newMemo())
		lc.words = sampleGuide(1).Wording
		top, bottom := lc.frame()
		leading := th.body().Leading()
		before := []element{box{height: bottom - top - float64(tc.lines)*leading}}
		part := lc.heading("H1", "Sommaire", "sommaire", "Sommaire", th.h1())
		for i := range 40 {
			part = append(part, lc.refLine(&Node{}, fmt.Sprint("Commune ", i), "")...)
		}
		lc.place(lc.follow(before, part, true))
		if got := lc.anchors["sommaire"].Page; got != tc.page {
			t.Errorf("room for %d lines: the part opens page %d, want %d", tc.lines, got+1, tc.page+1)
		}
	}
}

// TestTallEntryCutOnce: an entry taller than a page is cut no more times
// than opened at the top of a page, wherever the page before leaves off:
// it opens under the end of that page only when it ends there no later
// than opened on the next, and then with its name and address; an
// e-mail set on several lines is never cut between pages (Isère par
// service, A5: « Cité des familles » cut twice, under its commune's
// heading too, « caf38- » at the foot of a page).
func TestTallEntryCutOnce(t *testing.T) {
	th, _ := DefaultTheme()
	th.Format = A5
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = fixtures.Wording()
	top, bottom := lc.frame()
	frame := bottom - top
	e := guide.Entry{Anchor: "e", Name: "Cité des familles", Address: []string{"45 avenue Maréchal Leclerc", "38300 Bourgoin-Jallieu"},
		Phones: []guide.Phone{{Display: "04\u00a074\u00a043\u00a063\u00a070", URI: "tel:+33474436370"}},
		Email:  &guide.Link{Text: "caf38-bp-citedesfamilles-bourgoin@caf38.caf.fr", URL: "mailto:caf38-bp-citedesfamilles-bourgoin@caf38.caf.fr"}}
	under := 0 // the cases where the entry opens under the end of a page
	for hours := 4; hours < 16; hours++ {
		e := e
		for i := range hours {
			e.Hours.Lines = append(e.Hours.Lines, fmt.Sprintf("Le %d\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h", i+1))
		}
		for _, s := range []string{"Comprendre le numérique", "Ordinateur et téléphone", "Démarches en ligne", "Accès à internet"} {
			e.Services = append(e.Services, guide.Service{Icon: "devices", Label: s})
		}
		g := lc.entry(&e, &Node{}, lc.guideEntry())
		if h := height(g) - opening(g); h <= frame || h > 2*frame {
			continue // not the case
		}
		whole := len(lc.paginate([]element{g}).Pages) // the pages it takes from the top of one
		leading := th.body().Leading()
		// Also as a commune's first place, kept under its heading.
		heading := lc.heading("H1", "Bourgoin-Jallieu", "s", "Bourgoin-Jallieu", th.h1())
		for k := range 2 * int(frame/(leading/2)) {
			used, headed := leading+float64(k/2)*leading/2, k%2 == 1
			if used >= frame {
				break
			}
			elems := []element{box{height: used}}
			if headed {
				elems = append(elems, heading...)
			}
			b := lc.paginate(append(elems, g))
			whole := whole
			if headed {
				whole = len(lc.paginate(append(slices.Clone(heading), g)).Pages)
			}
			start := 0
			email := map[int]bool{} // the pages of the e-mail's lines
			for i, p := range b.Pages {
				for _, it := range p.Items {
					if tx, ok := it.(*Text); ok && tx.Node() != nil && tx.Node().Role == "Link" && !strings.HasPrefix(tx.S, "04") {
						email[i] = true
					}
					if tx, ok := it.(*Text); ok && strings.HasPrefix(tx.S, "Cité") && !strings.Contains(tx.S, "(suite)") {
						start = i
					}
				}
			}
			if start == 0 {
				under++
			}
			if last := len(b.Pages) - 1; last-start >= whole {
				t.Errorf("%d lines of hours, under %.0f of a frame of %.0f (heading %v): the entry is on pages %d to %d, %d opened at the top of a page", hours, used, frame, headed, start+1, last+1, whole)
			}
			if len(email) != 1 {
				t.Errorf("%d lines of hours, under %.0f: the e-mail is cut between pages %v", hours, used, email)
			}
		}
	}
	if under == 0 {
		t.Error("the entry never opens under the end of a page")
	}
}
