package layout

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"livret/guide"
)

// hostileGuide is a guide whose one place has fields of the given length:
// a name, an address, hours, an e-mail and a web address far longer than
// any page.
func hostileGuide(n int) *guide.Guide {
	g := sampleGuide(2)
	long := func(word string) string {
		var b strings.Builder
		for b.Len() < n {
			fmt.Fprintf(&b, "%s%d ", word, b.Len())
		}
		return strings.TrimSpace(b.String())
	}
	e := &g.Sections[0].Entries[0]
	e.Name = long("Médiathèque")
	e.Address = []string{long("rue"), "33000\u00a0Bordeaux"}
	e.Hours.Lines = []string{long("lundi")}
	e.Email = &guide.Link{Text: strings.Repeat("a", n) + "@exemple.fr", URL: "mailto:x@exemple.fr"}
	e.Website = &guide.Link{Text: "exemple.fr/" + strings.Repeat("b", n), URL: "https://exemple.fr/"}
	g.Title = long("Titre")
	g.Sections[0].Title = long("Commune")
	g.Index[0].Text = e.Name
	return g
}

// TestHostileLengthsTerminate lays out places whose fields are longer than
// a page, in every document, format and size: the layout must end, and
// every line must stay on the page.
func TestHostileLengthsTerminate(t *testing.T) {
	docs := []struct {
		name string
		make func(*guide.Guide, Theme) (*Book, error)
	}{
		{"guide", Guide},
		{"fiches", Sheets},
		{"dépliant", Leaflet},
	}
	for _, n := range []int{150, 1000, 4000} {
		for _, f := range []Format{A4, A5} {
			for _, size := range []float64{16, 18, 24, 32} {
				for _, d := range docs {
					name := fmt.Sprintf("%s/%s/%gpt/%d", d.name, f.Name, size, n)
					t.Run(name, func(t *testing.T) {
						t.Parallel()
						th, err := DefaultTheme()
						if err != nil {
							t.Fatal(err)
						}
						th.Format, th.Size = f, size
						type result struct {
							b   *Book
							err error
						}
						done := make(chan result, 1)
						go func() {
							b, err := d.make(hostileGuide(n), th)
							done <- result{b, err}
						}()
						var r result
						select {
						case r = <-done:
						case <-time.After(time.Minute):
							t.Fatal("the layout does not end")
						}
						if r.err != nil {
							if errors.Is(r.err, ErrLeafletEmpty) && d.name == "dépliant" {
								return
							}
							t.Fatal(r.err)
						}
						checkOnPage(t, r.b)
						checkPlaced(t, r.b, hostileGuide(n), d.name != "dépliant")
					})
				}
			}
		}
	}
}

// checkOnPage fails for any text that leaves its page.
func checkOnPage(t *testing.T, b *Book) {
	t.Helper()
	for i, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok {
				bb := boxOf(tx)
				if bb.x0 < -0.01 || bb.y0 < -0.01 || bb.x1 > b.Width+0.01 || bb.y1 > b.Height+0.01 {
					t.Errorf("page %d: %.40q leaves the page: %+v", i+1, tx.S, bb)
					return
				}
			}
		}
	}
}

// checkPlaced fails when a field of the long place is not printed whole:
// nothing may be dropped to make it fit. A word wider than a line is cut
// into pieces, so the text is compared without spaces, page furniture and
// continuation headings left out.
func checkPlaced(t *testing.T, b *Book, g *guide.Guide, links bool) {
	t.Helper()
	var all strings.Builder
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Node() != nil {
				all.WriteString(tx.S)
			}
		}
	}
	text := squeeze(all.String())
	e := g.Sections[0].Entries[0]
	fields := []string{e.Name, e.Address[0], e.Hours.Lines[0]}
	if links {
		fields = append(fields, e.Email.Text)
	}
	for i, f := range fields {
		// A leaflet that cannot hold a whole place prints its name (and
		// phone) only: what it prints, it prints whole.
		if i > 0 && !links && !strings.Contains(text, strings.Fields(f)[0]) {
			continue
		}
		if !strings.Contains(text, squeeze(f)) {
			t.Errorf("%.40q… is not printed whole", f)
		}
	}
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// FuzzLayout lays out a place with any fields, at any size and format,
// in every document: the layout must end, with the place printed whole
// and every line on its page.
func FuzzLayout(f *testing.F) {
	f.Add("Médiathèque Jacques-Ellul", "21 rue du Professeur-Calmette", "Lundi : 9 h – 12 h", uint8(18), false, uint8(0))
	f.Add(strings.Repeat("Maison France Services ", 60), strings.Repeat("x", 900), "", uint8(32), true, uint8(1))
	f.Add("AG_CHRS_CCASGrenoble_HenriTarze", "\n\n\n", strings.Repeat("9 h – 12 h\n", 80), uint8(24), true, uint8(2))
	f.Fuzz(func(t *testing.T, name, street, hours string, size uint8, a5 bool, doc uint8) {
		th, err := DefaultTheme()
		if err != nil {
			t.Fatal(err)
		}
		th.Size = MinSize + float64(size%17) // 16 to 32 pt
		if a5 {
			th.Format = A5
		}
		g := sampleGuide(2)
		e := &g.Sections[0].Entries[0]
		e.Name, e.Address, e.Hours.Lines = name, []string{street}, strings.Split(hours, "\n")
		makers := []func(*guide.Guide, Theme) (*Book, error){Guide, Sheets, Leaflet}
		b, err := makers[int(doc)%len(makers)](g, th)
		if err != nil {
			if errors.Is(err, ErrLeafletEmpty) {
				return
			}
			t.Fatal(err)
		}
		checkOnPage(t, b)
	})
}
