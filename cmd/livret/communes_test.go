package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"livret/guide"
	"livret/layout"
	"livret/territoire"
)

// TestCommuneIndexPages lays out the guide of the Isère and reads its
// index of communes as a reader would: every commune of the département
// has a line, and every page a line names holds the place it points to.
// The page numbers of the index by need are checked likewise.
func TestCommuneIndexPages(t *testing.T) {
	t.Parallel()
	c := fromCLI(guideContext(t, "--source", "../../testdata/donnees/national-v0.1-2023-02-06.json", "--departement", "38", "--date", "2026-11-23"))
	settings, err := readSettings(c)
	if err != nil {
		t.Fatal(err)
	}
	ld, err := load(c, c.String("source"), true)
	if err != nil {
		t.Fatal(err)
	}
	crit, res, err := choose(c, ld)
	if err != nil {
		t.Fatal(err)
	}
	communes := crit.TerritoryCommunes(territoire.Default(), res.Kept)
	book, err := settings.document(guideDoc, res.Kept, communes, "Isère", guide.ByCommune, ld, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := refIndexLines(book, "Index des communes")
	if len(lines) != 512 || len(communes) != 512 {
		t.Fatalf("%d lines in the index of communes, %d communes, want 512", len(lines), len(communes))
	}
	// A commune without a place gives the page of the entry of the
	// nearest place; one with places, the page of its section.
	var pointing int
	for _, l := range lines {
		for _, ref := range l.refs {
			d, ok := book.Anchors[ref.anchor]
			if !ok || strings.TrimSpace(ref.text) != fmt.Sprint(d.Page+1) {
				t.Errorf("%q: page %s for %s, which is on page %d", l.text, ref.text, ref.anchor, d.Page+1)
			}
		}
		if len(l.refs) == 1 && strings.HasPrefix(l.refs[0].anchor, "lieu-") {
			pointing++
		}
	}
	// The index by need: a line per service, every page number right.
	needs := refIndexLines(book, "Index par besoin")
	if len(needs) < 5 {
		t.Errorf("%d lines in the index by need", len(needs))
	}
	for _, l := range needs {
		if len(l.refs) == 0 || !strings.Contains(l.text, " : page") {
			t.Errorf("index by need: %q", l.text)
		}
		for _, ref := range l.refs {
			if d, ok := book.Anchors[ref.anchor]; !ok || strings.TrimSpace(ref.text) != fmt.Sprint(d.Page+1) {
				t.Errorf("%q: page %s for %s, which is on page %d", l.text, ref.text, ref.anchor, d.Page+1)
			}
		}
	}
	// The national file of 2023 has places in 39 communes of the Isère.
	if pointing != 512-39 {
		t.Errorf("%d communes point to a place nearby, want %d", pointing, 512-39)
	}
}

type refLine struct {
	text string
	refs []struct{ text, anchor string }
}

// refIndexLines reads the lines of the index titled title from the
// structure of the book: each LBody's text, and its links.
func refIndexLines(b *layout.Book, title string) []refLine {
	texts := map[*layout.Node][]*layout.Text{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Node() != nil {
				texts[tx.Node()] = append(texts[tx.Node()], tx)
			}
		}
	}
	var out []refLine
	in := false
	for _, n := range b.Structure.Kids {
		if n.Role == "H1" {
			var s string
			for _, tx := range texts[n] {
				s += tx.S
			}
			in = s == title
		}
		if !in || n.Role != "L" {
			continue
		}
		for _, li := range n.Kids {
			var l refLine
			y := 0.0
			for _, body := range li.Kids {
				for _, k := range body.Kids {
					for _, tx := range texts[k] {
						if y != 0 && tx.Y != y && !strings.HasSuffix(l.text, " ") {
							l.text += " " // the line broke there
						}
						y = tx.Y
						l.text += tx.S
						if tx.Link != nil && tx.Link.Anchor != "" {
							l.refs = append(l.refs, struct{ text, anchor string }{tx.S, tx.Link.Anchor})
						}
					}
				}
			}
			out = append(out, l)
		}
	}
	return out
}

func pageText(p *layout.Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		if tx, ok := it.(*layout.Text); ok {
			b.WriteString(tx.S + " ")
		}
	}
	return b.String()
}

// TestWithoutCommuneIndex checks --sans-index-communes: the guide of a
// département keeps its index of communes by default, and leaves it out,
// from its pages and its sommaire, when the maker asks.
func TestWithoutCommuneIndex(t *testing.T) {
	t.Parallel()
	needTools(t, "pdftotext")
	dir := t.TempDir()
	for _, tt := range []struct {
		flags []string
		want  bool
	}{{nil, true}, {[]string{"--sans-index-communes"}, false}} {
		out := filepath.Join(dir, "g.pdf")
		args := append([]string{"guide", "--source", "../../testdata/donnees/national-v0.1-2023-02-06.json", "--departement", "16",
			"--date", "2026-11-23", "-o", out}, tt.flags...)
		if _, stderr, err := run(t, args...); err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		text, _ := exec.Command("pdftotext", out, "-").Output()
		// The sommaire names it, and its pages head with it.
		if n := strings.Count(string(text), "Index des communes"); (n >= 2) != tt.want || !tt.want && n > 0 {
			t.Errorf("%v: « Index des communes » printed %d times, want it %v", tt.flags, n, tt.want)
		}
	}
}
