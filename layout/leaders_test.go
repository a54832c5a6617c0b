package layout

import (
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"testing"
)

// TestLeaderShapeKept sets index lines in a pass after the first (page
// numbers known), then again in a later one, with spans of their own (the
// structure of each pass is its own):
// the shape kept from the first (see leaderShape) draws as one found
// afresh, the later spans in place of the first.
func TestLeaderShapeKept(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	st := th.body()
	cases := []struct {
		name         string
		words, pages []string
		width, hang  float64
	}{
		{"short", []string{"Médiathèque François-Mitterrand"}, []string{"12"}, 240, 18},
		{"wrapping", []string{"Centre communal d’action sociale de Saint-Médard-en-Jalles, antenne du Bourg"}, []string{"1234"}, 200, 18},
		{"number alone", []string{"Espace public numérique de la Maison des services au public"}, []string{"21863"}, 150, 18},
		{"head and words", []string{"Bordeaux", " : voir aussi Bègles"}, []string{"77"}, 240, 18},
		{"many pages", []string{"Démarches administratives"}, []string{"pages\u00a0", "12", ", ", "15", " et ", "19"}, 150, 18},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spans := func(pass string) (words, pages []Span) {
				n := &Node{Role: "Link", Alt: pass}
				link := &Link{Anchor: "lieu-1", Alt: pass, Node: n}
				for _, w := range tc.words {
					words = append(words, Span{Text: w, Style: st, Node: n, Link: link})
				}
				for _, p := range tc.pages {
					pages = append(pages, Span{Text: p, Style: st, Node: n, Link: link})
				}
				return words, pages
			}
			m := newMemo()
			first := newContext(th, map[string]int{"lieu-1": 12}, m)
			w1, p1 := spans("first pass")
			first.leaderLine(w1, p1, tc.width, tc.hang)
			w, p := spans("later pass")
			later := newContext(th, map[string]int{"lieu-1": 12}, m)
			boxes, laterCut := later.leaderLine(w, p, tc.width, tc.hang)
			got := drawn(boxes)
			if len(m.leaders) != 1 {
				t.Fatalf("%d shapes kept for one line", len(m.leaders))
			}
			fresh := newContext(th, map[string]int{"lieu-1": 12}, newMemo())
			boxes, freshCut := fresh.leaderLine(w, p, tc.width, tc.hang)
			want := drawn(boxes)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("kept shape draws\n%s\nfound afresh\n%s", texts(got), texts(want))
			}
			if laterCut != freshCut {
				t.Errorf("word cut %v, found afresh %v", laterCut, freshCut)
			}
		})
	}
}

// drawn is what boxes draw, one below the other.
func drawn(boxes []box) []Item {
	p := &pageWriter{page: &Page{}}
	y := 0.0
	for _, b := range boxes {
		if b.draw != nil {
			b.draw(p, 0, y)
		}
		y += b.height
	}
	return p.page.Items
}

func texts(items []Item) string {
	s := ""
	for _, it := range items {
		if tx, ok := it.(*Text); ok && tx.Node() != nil {
			s += tx.S + " [" + tx.Node().Alt + "]\n"
		}
	}
	return s
}

// TestLeaderLinesOnEveryCore sets the lines of a large index on every
// core and on one: the same lines, the same words split, the same
// characters lacking, drawn the same.
func TestLeaderLinesOnEveryCore(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	st := th.body()
	var lines []indexLine
	for i := range 3 * manyLeaderLines {
		name := fmt.Sprintf("Médiathèque n°\u00a0%d de Saint-Rémy-de-Provence", i)
		switch i % 7 {
		case 3:
			name = "Bibliothèque 図書館 " + name // characters Luciole lacks
		case 5:
			name = "Établissementpublicnumériqueintercommunalitédelavalléeduréal " + name // a word wider than a column
		}
		n := &Node{Role: "Link"}
		lines = append(lines, indexLine{words: []Span{{Text: name, Style: st, Node: n}},
			pages: []Span{{Text: fmt.Sprint(100 + i), Style: st, Node: n}}})
		if i%50 == 0 {
			lines = append(lines, indexLine{letter: &column{}})
		}
	}
	set := func(procs int) ([]Item, *context) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		lc := newContext(th, map[string]int{"lieu-1": 12}, newMemo())
		var boxes []box
		for _, b := range lc.leaderLines(lines, 160, th.hang()) {
			boxes = append(boxes, b...)
		}
		return drawn(boxes), lc
	}
	one, lc1 := set(1)
	all, lcN := set(4)
	if !reflect.DeepEqual(one, all) {
		t.Error("lines set on every core draw otherwise than on one")
	}
	if lc1.splitWords == 0 || lc1.splitWords != lcN.splitWords {
		t.Errorf("%d words split on one core, %d on every core", lc1.splitWords, lcN.splitWords)
	}
	if len(lc1.missing) == 0 || !reflect.DeepEqual(lc1.missing, lcN.missing) {
		t.Errorf("characters lacking: %q on one core, %q on every core", keys(lc1.missing), keys(lcN.missing))
	}
}

func keys(m map[rune]bool) string { return string(slices.Sorted(maps.Keys(m))) }

// TestKeptLines breaks a text three times, with spans of its own each time
// (each entry has its own structure): the lines kept from an earlier time
// are those made afresh.
func TestKeptLines(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	spans := func(alt string) []Span {
		n := &Node{Role: "P", Alt: alt}
		return []Span{{Text: "Lundi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h ", Style: th.strong(), Node: n},
			{Text: "et 14\u00a0h\u00a0–\u00a017\u00a0h, sur rendez-vous au 05\u00a057\u00a093\u00a067\u00a000\n", Style: th.body(), Node: n},
			{Text: "", Style: th.body(), Node: n},
			{Text: "Fermé le dimanche", Style: th.body(), Node: n}}
	}
	lc := newContext(th, map[string]int{}, newMemo())
	for i, alt := range []string{"first", "second", "third"} {
		s := spans(alt)
		got, _ := lc.breakHanging(s, 200, 180)
		want, _ := newContext(th, map[string]int{}, newMemo()).breakHanging(s, 200, 180)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("broken a %s time: %v, afresh %v", alt, got, want)
		}
		if made := lc.memo.breaks[string(lc.key)].made; (made != nil) != (i > 0) {
			t.Errorf("broken a %s time: lines kept %v", alt, made != nil)
		}
	}
}
