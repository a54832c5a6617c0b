package main

import (
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"livret/guide"
	"livret/layout"
	"livret/selection"
	"livret/territoire"
)

// TestCommuneIndexPages lays out the guide of the Isère and reads its
// index of communes as a reader would: every commune of the département
// has a line, and every page a line names holds the place it points to.
// The page numbers of the index by need are checked likewise.
func TestCommuneIndexPages(t *testing.T) {
	t.Parallel()
	book, _, communes := layOutGuide(t, "--source", "../../testdata/donnees/national-v0.1-2023-02-06.json", "--departement", "38", "--date", "2026-11-23")
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

// TestWithoutIndexes checks --sans-index-communes and --sans-index-lieux,
// alone and together, on a département and on the Marseille booklet: an
// index kept is printed, its heading in the sommaire and on its pages; one
// left out is named nowhere, neither in the text nor in the outline, the
// links or the tags (qpdf's JSON spells them all); every place is still
// there. lot and the help offer both, and a booklet too thick proposes
// to leave out the index of places.
func TestWithoutIndexes(t *testing.T) {
	t.Parallel()
	needTools(t, "pdftotext", "qpdf")
	const (
		national = "../../testdata/donnees/national-v0.1-2023-02-06.json"
		paca     = "../../testdata/donnees/paca-v0.1-2023-05-17.json"
	)
	charente := []string{"--source", national, "--departement", "16"}
	marseille := []string{"--source", paca, "--commune", "Marseille", "--format", "A5", "--livret"}
	dir := t.TempDir()
	read := func(args ...string) (text, all, stderr string) {
		t.Helper()
		out := filepath.Join(dir, "g.pdf")
		_, stderr, err := run(t, append([]string{"guide", "--date", "2026-11-23", "-o", out}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v %s", args, err, stderr)
		}
		b, _ := exec.Command("pdftotext", out, "-").Output()
		j, err := exec.Command("qpdf", "--json=2", out).Output()
		if err != nil {
			t.Fatalf("qpdf: %v", err)
		}
		return string(b), string(b) + string(j), stderr
	}
	for _, territory := range [][]string{charente, marseille} {
		for _, tt := range []struct {
			flags           []string
			communes, lieux bool
		}{{nil, true, true}, {[]string{"--sans-index-communes"}, false, true}, {[]string{"--sans-index-lieux"}, true, false},
			{[]string{"--sans-index-communes", "--sans-index-lieux"}, false, false}} {
			args := append(slices.Clip(territory), tt.flags...)
			text, all, stderr := read(args...)
			name := fmt.Sprint(territory[3], tt.flags)
			// Marseille's booklet of 28 sheets is too thick: the warning
			// proposes to leave out the index of places it has.
			if warned := strings.Contains(plainSpaces(stderr), "retirez l’index des lieux (--sans-index-lieux) ou imprimez"); warned != (tt.lieux && slices.Contains(args, "--livret")) {
				t.Errorf("%s: the booklet's warning proposes --sans-index-lieux: %v\n%s", name, warned, stderr)
			}
			for _, ix := range []struct {
				title string
				want  bool
			}{{"Index des communes", tt.communes && territory[3] != "Marseille"}, {"Index des lieux", tt.lieux}} {
				// The sommaire names it, and its pages head with it.
				if n := strings.Count(text, ix.title); ix.want && n < 2 {
					t.Errorf("%s: « %s » printed %d times, want it in the sommaire and as a heading", name, ix.title, n)
				}
				if n := strings.Count(strings.ToLower(all), strings.ToLower(ix.title)); !ix.want && n > 0 {
					t.Errorf("%s: « %s » named %d times, want none", name, ix.title, n)
				}
			}
			// Every place keeps its entry.
			book, kept, _ := layOutGuide(t, args...)
			entries := 0
			for a := range book.Anchors {
				if strings.HasPrefix(a, "lieu-") {
					entries++
				}
			}
			if len(kept) == 0 || entries != len(kept) {
				t.Errorf("%s: %d entries for %d places", name, entries, len(kept))
			}
		}
	}
	// A lot's guides leave it out too: that of Grand Angoulême would
	// have one.
	lot := filepath.Join(dir, "lot")
	if _, stderr, err := run(t, append([]string{"lot", "--date", "2026-11-23", "--dossier", lot, "--sans-index-lieux"}, charente...)...); err != nil {
		t.Fatalf("lot: %v %s", err, stderr)
	}
	guides, _ := filepath.Glob(filepath.Join(lot, "*.pdf"))
	for _, g := range guides {
		if b, _ := exec.Command("pdftotext", g, "-").Output(); len(b) == 0 || strings.Contains(string(b), "Index des lieux") {
			t.Errorf("lot: %s has %d bytes of text, with an index of places", filepath.Base(g), len(b))
		}
	}
	if len(guides) < 5 {
		t.Errorf("lot: %d guides", len(guides))
	}
	for _, cmd := range []string{"guide", "lot"} {
		stdout, _, _ := run(t, cmd, "--help")
		if !strings.Contains(stdout, "--sans-index-lieux") || !strings.Contains(stdout, typesetAs("sans l’index des lieux par leur nom")) {
			t.Errorf("livret %s --help does not offer --sans-index-lieux:\n%s", cmd, stdout)
		}
	}
}

// layOutGuide lays out in-process the guide of the given options, by
// commune, as the command chooses its places and names its territory, and
// gives it with the places kept and the communes of the territory.
func layOutGuide(t *testing.T, args ...string) (*layout.Book, []selection.Selected, []*territoire.Commune) {
	t.Helper()
	c := fromCLI(guideContext(t, args...))
	c.log = io.Discard
	settings, err := readSettings(c)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		t.Fatal(err)
	}
	communes := ch.crit.TerritoryCommunes(territoire.Default(), ch.res.Kept)
	book, err := settings.document(guideDoc, ch.res.Kept, communes, ch.territory, guide.ByCommune, ch.loaded, nil)
	if err != nil {
		t.Fatal(err)
	}
	return book, ch.res.Kept, communes
}
