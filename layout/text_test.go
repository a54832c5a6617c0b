package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"livret/guide"
)

// TestLinesEndWithTheirSpace checks that a line broken at a space or "\n"
// keeps a space at its end, outside its measured width, so that a screen
// reader does not read its last word and the next line's first as one;
// a line broken after a hyphen gets none, nor does the last line.
func TestLinesEndWithTheirSpace(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	st := th.body()
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"wrapped at spaces", "Un espace pour apprendre à se servir d’une tablette ou d’un ordinateur", 200,
			nil},
		{"address on two lines", "Place de l’Hôtel de Ville\n33160 Saint-Médard-en-Jalles", 1000,
			[]string{"Place de l’Hôtel de Ville ", "33160 Saint-Médard-en-Jalles"}},
		{"words tied by no-break spaces, too wide together", "Le 26\u00a0septembre\u00a02022", lc.width("26\u00a0septembre\u00a020", st),
			[]string{"Le ", "26\u00a0septembre\u00a0", "2022"}},
		{"web address broken after /", "https://www.exemple.fr/ateliers-numeriques/inscription", lc.width("ateliers-numeriques/inscription", st) + 1,
			[]string{"https://www.exemple.fr/", "ateliers-numeriques/inscription"}},
	}
	for _, tt := range tests {
		lines := lc.breakLines([]Span{{Text: tt.text, Style: st}}, tt.width)
		var got []string
		for _, l := range lines {
			s := lineText(l)
			got = append(got, s)
			// The space a break leaves is not measured (a no-break space
			// printed as a space, where a word is cut last, is).
			if w := st.Face.Width(strings.TrimRight(s, " "), st.Size); w < l.width-st.Face.Width(" ", st.Size)-0.01 || w > l.width+0.01 {
				t.Errorf("%s: line %q measured %.2f, its visible text %.2f", tt.name, s, l.width, w)
			}
		}
		if len(got) < 2 {
			t.Fatalf("%s: not broken: %q", tt.name, got)
		}
		if tt.want != nil && strings.Join(got, "|") != lc.printable(strings.Join(tt.want, "|"), st) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		for i, s := range got {
			spaced := strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\u00a0")
			if last := i == len(got)-1; spaced == last && !strings.HasSuffix(s, "/") {
				t.Errorf("%s: line %d %q", tt.name, i+1, s)
			}
		}
		if strings.Join(got, "") != lc.printable(strings.ReplaceAll(tt.text, "\n", " "), st) {
			t.Errorf("%s: lines %q do not give back the text", tt.name, got)
		}
	}
}

// TestHowToReadsWell checks what a screen reader gets of « Comment lire ce
// guide »: each explanation of the sample entry says its number (the
// item's label), and the legend reads each pictogram's name once, beside
// the pictogram, not again as its text alternative.
func TestHowToReadsWell(t *testing.T) {
	b := layoutSample(t, 12, nil)
	texts := map[*Node]string{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Node() != nil {
				texts[tx.Node()] += tx.S
			}
		}
	}
	// What an item reads: its kids' texts, and the alternative of images.
	read := func(li *Node) string {
		s := ""
		for _, k := range li.Kids {
			if k.Role == "Lbl" && len(k.Kids) > 0 && k.Kids[0].Role == "Figure" {
				s += "[image " + k.Kids[0].Alt + "]"
			}
			s += texts[k] + "|"
		}
		return s
	}
	var numbered, legend []string
	kids := b.Structure.Kids
	for i, n := range kids {
		if n.Role != "L" || len(n.Kids) == 0 {
			continue
		}
		var items []string
		for _, li := range n.Kids {
			items = append(items, read(li))
		}
		switch {
		case strings.Contains(items[0], "Le nom du lieu"):
			numbered = items
		case i > 0 && texts[kids[i-1]] == "Les pictogrammes":
			legend = items
		}
	}
	for i, s := range numbered {
		if !strings.HasPrefix(s, fmt.Sprint(i+1, "|")) {
			t.Errorf("explanation %d reads %q", i+1, s)
		}
	}
	// Name, address, phone and hours at least: the sample of this guide,
	// too tall to be read with its meanings on one page or two facing
	// ones, is compact (see chooseSample).
	if len(numbered) < 4 {
		t.Errorf("explanations of the sample entry: %q", numbered)
	}
	if len(legend) != 2 || legend[0] != "Adresse|" || legend[1] != "Démarches administratives : Aide aux démarches administratives en ligne|" {
		t.Errorf("legend items: %q", legend)
	}
}

// BenchmarkManySpans breaks a paragraph of thousands of spans, as the
// pages of one need in a national guide's index are: the work must grow
// with the spans, not with their square (compare -benchtime runs at
// spans=2000 and 20000: about ten times, not a hundred).
func BenchmarkManySpans(b *testing.B) {
	th, err := DefaultTheme()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{2000, 20000} {
		spans := make([]Span, n)
		for i := range spans {
			spans[i] = Span{Text: fmt.Sprintf("%d, ", 10+i), Style: th.body(), Whole: i%2 == 0}
		}
		b.Run(fmt.Sprintf("spans=%d", n), func(b *testing.B) {
			lc := newContext(th, nil, newMemo())
			for b.Loop() {
				lc.breakLines(spans, th.contentWidth())
			}
		})
	}
}

// TestHowToSkipsSameTrial: the how-to tries its second order only for a
// sample that does not hold under the introduction. For one that holds,
// that order would lay out the same pages, which is why it is skipped;
// the guides here, with a short sample and their introduction or a line
// of it, have both kinds.
func TestHowToSkipsSameTrial(t *testing.T) {
	kinds := map[bool]int{}
	for _, f := range []Format{A4, A5} {
		for _, size := range []float64{18, 24} {
			g := sampleGuide(12)
			short := g.Sections[1].Entries[0]
			short.Facts, short.Services, short.Website, short.Email, short.QR = short.Facts[:1], nil, nil, nil, ""
			g.Sample = &short
			g.Samples = []*guide.Entry{g.Sample}
			if size == 18 {
				g.Intro = []string{"Les lieux où l’on vous aide."}
			}
			th, _ := DefaultTheme()
			th.Format, th.Size = f, size
			lc := newContext(th, map[string]int{}, newMemo())
			lc.words = g.Wording
			st := lc.guideEntry()
			st.markers = true
			top, bottom := lc.frame()
			room := bottom - top - height(group{elems: lc.howToFlow(&guide.Guide{Wording: g.Wording, Intro: g.Intro}, nil, howToOrder{})})
			for _, c := range lc.sampleChoices(g, st, room) {
				pages := func(o howToOrder) []string {
					sub := newContext(th, map[string]int{}, newMemo())
					sub.words = g.Wording
					var out []string
					for _, p := range sub.place(sub.howToFlow(g, &c.Entry, o)).book().Pages {
						out = append(out, pageText(p))
					}
					return out
				}
				same := slices.Equal(pages(howToOrder{}), pages(howToOrder{lead: fillLead}))
				kinds[c.under]++
				if c.under && !same {
					t.Errorf("%s %g pt: %q holds under the introduction, yet the second order lays out other pages", f.Name, size, c.Name)
				}
			}
		}
	}
	if kinds[true] == 0 || kinds[false] == 0 {
		t.Errorf("samples under the introduction or not: %v, want both", kinds)
	}
}

// lineText is the text of a line, as printed.
func lineText(l line) string {
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}
