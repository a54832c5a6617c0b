package layout

import (
	"fmt"
	"strings"
	"testing"

	"livret/guide"
)

// TestNeedParts: the parts by need of a guide by service come before the
// places and in the contents; a commune of many places fills the page, and
// the next page opens with its name and « (suite) », never with its name
// alone at the foot of a page.
func TestNeedParts(t *testing.T) {
	th, _ := DefaultTheme()
	g := sampleGuide(4)
	g.By = guide.ByService
	var pieces []guide.Piece
	pieces = append(pieces, guide.Piece{Text: "\u00a0:"})
	for i := range 40 {
		pieces = append(pieces, guide.Piece{Text: fmt.Sprintf("\nLieu numéro %d, ", i)}, guide.Piece{Pages: &guide.Pages{Anchors: []string{"lieu-1"}, One: "page", Many: "pages"}})
	}
	g.ByNeed = []*guide.RefIndex{{Title: "Démarches administratives", Anchor: "besoin-1", Lines: []guide.RefLine{
		{Head: "Bègles", Pieces: []guide.Piece{{Text: "\u00a0: Mairie, "}, {Pages: &guide.Pages{Anchors: []string{"lieu-2"}, One: "page", Many: "pages"}}}},
		{Head: "Bordeaux", Pieces: pieces, Cont: "Bordeaux (suite)\u00a0:"},
	}}}
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	first, places, conts := -1, -1, 0
	for i, p := range b.Pages {
		text := squash(pageText(p))
		if first < 0 && strings.Contains(text, "Bègles : Mairie, page") {
			first = i
		}
		if places < 0 && strings.Contains(text, "Espace numérique") && !strings.Contains(text, "Comment lire") {
			places = i
		}
		if strings.Contains(text, "Bordeaux (suite) : Lieu numéro") {
			conts++
		}
		if strings.HasSuffix(strings.TrimSpace(strings.Split(text, "Page ")[0]), "Bordeaux :") {
			t.Errorf("page %d ends with the commune's name", i+1)
		}
	}
	if first < 0 || places < first || conts == 0 {
		t.Errorf("parts by need on page %d, places from page %d, %d continuations", first+1, places+1, conts)
	}
	if !strings.Contains(bookText(b), "Démarches administratives . . .") {
		t.Error("the contents do not list the need")
	}
}

// pageText is the text of a page, its runs joined by spaces.
func pageText(p *Page) string {
	var s []string
	for _, it := range p.Items {
		if tx, ok := it.(*Text); ok {
			s = append(s, tx.S)
		}
	}
	return strings.Join(s, " ")
}

// TestIndexColumnsKeepWords: an index of short names is set in columns,
// as many as make it shorter, but never in columns too narrow for the
// longest word of one of its lines, which would then be cut in two.
func TestIndexColumnsKeepWords(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	two := columns{n: 2, gutter: th.columnGap()}.width(th.contentWidth())
	three := columns{n: 3, gutter: th.columnGap()}.width(th.contentWidth())
	// A word too wide for three columns, not for two.
	long := "Caussiniojouls"
	for lc.width(long, th.body()) < (two+three)/2 {
		long += "o"
	}
	lines := []guide.RefLine{{Letter: "C", Head: long, Plain: true, Pieces: []guide.Piece{{Pages: &guide.Pages{Anchors: []string{"lieu-1"}}}}}}
	for i := range 150 {
		lines = append(lines, guide.RefLine{Letter: "G", Head: fmt.Sprintf("Gigean %d", i), Plain: true,
			Pieces: []guide.Piece{{Pages: &guide.Pages{Anchors: []string{"lieu-2"}}}}})
	}
	g := sampleGuide(4)
	g.Communes = &guide.RefIndex{Title: "Index des communes", Anchor: guide.CommuneIndexAnchor, Lines: lines, Compact: true}
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	whole := false
	xs := map[float64]bool{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && strings.HasPrefix(tx.S, "Gigean") {
				xs[tx.X] = true
			}
			if tx, ok := it.(*Text); ok && strings.TrimSpace(tx.S) == long {
				whole = true
			}
		}
	}
	if !whole {
		t.Errorf("%q is cut in two", long)
	}
	if len(xs) != 2 {
		t.Errorf("the index is set in %d columns, want 2", len(xs))
	}
}

// TestPlaceIndexInitials: the index of places files its lines under
// initial letters set beside their first line, not on lines of their own,
// opens with what it leaves out, and leaves out the places named after
// their commune.
func TestPlaceIndexInitials(t *testing.T) {
	th, _ := DefaultTheme()
	g := sampleGuide(6)
	g.IndexIntro = "Les lieux au nom de leur commune sont dans l’index des communes."
	for i := range g.Index {
		g.Index[i].Letter = string(rune('A' + i/2)) // A, A, B, B, C, C
	}
	g.Index[5].AtCommune = true
	b, err := Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	from := b.Anchors[guide.PlaceIndexAnchor].Page
	texts := pageText(b.Pages[from])
	if !strings.Contains(squash(texts), squash(g.IndexIntro)) || strings.Contains(texts, g.Index[5].Text) || !strings.Contains(texts, g.Index[4].Text) {
		t.Errorf("index page: %s", texts)
	}
	var letters []string
	for _, it := range b.Pages[from].Items {
		letter, ok := it.(*Text)
		if !ok || letter.Node() == nil || letter.Node().Role != "H2" {
			continue
		}
		letters = append(letters, letter.S)
		beside := false
		for _, it := range b.Pages[from].Items {
			if tx, ok := it.(*Text); ok && tx.Node() != nil && tx.Node().Role != "H2" && tx.Y == letter.Y && tx.X > letter.X {
				beside = true
			}
		}
		if !beside {
			t.Errorf("the letter %q is on a line of its own", letter.S)
		}
	}
	if strings.Join(letters, "") != "ABC" {
		t.Errorf("letters %q, want A, B and C", letters)
	}
}

// TestIndexLineParts: an index line of a need's pages taller than
// pagesKept lines parts between pages two lines and two at least, the
// next page opened by its continuation (« Emploi (suite) : »); one that
// holds not even two lines on the page opens the next whole, with no
// continuation above it (« Eybens (suite) » over « Eybens »).
func TestIndexLineParts(t *testing.T) {
	th, _ := DefaultTheme()
	const n, lineH = 5, 30.0
	for room := 1; room <= n; room++ {
		lc := newContext(th, map[string]int{}, newMemo())
		lc.words = sampleGuide(1).Wording
		top, bottom := lc.frame()
		lines := make([]box, n)
		for i := range lines {
			lines[i] = box{height: lineH, anchor: fmt.Sprint("line", i)}
		}
		filler := box{height: bottom - top - float64(room)*lineH - 1}
		g := lc.refGroup(lines, "Emploi (suite) :", pagesKept)
		pg := lc.place([]element{filler, glue(th.rowGap()), g})
		perPage := map[int]int{}
		for i := range n {
			perPage[lc.anchors[fmt.Sprint("line", i)].Page]++
		}
		continued := 0
		if len(pg.pages) > 1 {
			for _, it := range pg.book().Pages[1].Items {
				if tx, ok := it.(*Text); ok && tx.S == "Emploi (suite) :" {
					continued++
				}
			}
		}
		switch first := perPage[0]; {
		case first == 1 || perPage[1] == 1:
			t.Errorf("room for %d lines: %v lines a page, one alone", room, perPage)
		case first > 0 && first < n && continued != 1:
			t.Errorf("room for %d lines: %v lines a page, continued %d times, want once", room, perPage, continued)
		case first == 0 && continued != 0:
			t.Errorf("room for %d lines: the line opens the next page under its continuation", room)
		}
	}
}

// TestIndexIntroStaysWithLines: an index opening under the end of the
// part before (see follow) takes its heading and introduction to the next
// page when its first line does not hold under them.
func TestIndexIntroStaysWithLines(t *testing.T) {
	th, _ := DefaultTheme()
	lc := newContext(th, map[string]int{}, newMemo())
	lc.words = sampleGuide(1).Wording
	ix := &guide.RefIndex{Title: "Index des communes", Anchor: "index", Compact: true,
		Intro: "En gras, les communes qui ont des lieux. Pour les autres, la page du lieu le plus proche."}
	for i := range 60 {
		ix.Lines = append(ix.Lines, guide.RefLine{Head: fmt.Sprint("Commune ", i), Pieces: []guide.Piece{{Pages: &guide.Pages{Anchors: []string{"lieu-0"}}}}})
	}
	part := lc.refIndex(ix)
	top, bottom := lc.frame()
	// Room for the heading and its introduction, not for a line more.
	above := 0.0
	for _, e := range part {
		if _, ok := e.(columns); ok {
			break
		}
		above += height(e)
	}
	before := []element{box{height: bottom - top - th.sectionGap().natural - above - th.body().Leading()/2}}
	lc.place(lc.follow(before, part, true))
	if got := lc.anchors["index"].Page; got != 1 {
		t.Errorf("the heading on page %d, want 2 with its introduction and first line", got+1)
	}
}
