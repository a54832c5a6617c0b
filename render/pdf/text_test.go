package pdf

import (
	"bytes"
	"regexp"
	"testing"

	"livret/fonts"
	"livret/layout"
)

// TestTextAsFpdf checks that the text of a chunk, written by the renderer
// with its faces named, is what fpdf's SetFont and Text write: the same
// codes, escapes, places, sizes and colours. Only the font fpdf selects
// again as a page opens, before any text, and a font selected again when
// it is already, are not written.
func TestTextAsFpdf(t *testing.T) {
	family, err := fonts.Lookup(fonts.Default)
	if err != nil {
		t.Fatal(err)
	}
	blue, black := layout.Color{B: 84, G: 38}, layout.Color{}
	var items []layout.Item
	for i, s := range []string{
		"Où se faire aider ?", "l’été « à côté » – œ € … 12 h 30",
		`(entre parenthèses) \ oblique`, "ligne\rretour", "", "Saint-Étienne-du-Rouvray", "\u00a0",
	} {
		face := family.Regular
		if i%2 == 1 {
			face = family.Bold
		}
		fill := []layout.Color{black, blue, {R: 250, G: 250, B: 250}}[i%3]
		items = append(items,
			&layout.Rect{X: 10, Y: 10, W: 5, H: 5, Fill: fill},
			&layout.Text{X: 70.866, Y: 100.125 + float64(i)*21.5, Face: face, Size: 18 + float64(i)/4, Color: blue, S: s},
			&layout.Text{X: 0.004, Y: 841.89, Face: face, Size: 16, Color: black, S: s},
			&layout.Text{X: 100, Y: 400, Face: face, Size: 16, Color: blue, S: s},
			&layout.Text{X: 300, Y: 500, Face: face, Size: 22, Color: layout.Color{R: 150, G: 150, B: 150}, S: s})
	}
	b := &layout.Book{Width: 595.28, Height: 841.89, Lang: "fr-FR", Pages: []*layout.Page{{Items: items}}}
	page := func(named bool) []byte {
		r := newRenderer(b, Options{Untagged: true}, bookFaces(b), nil)
		if named {
			r.refs = map[*fonts.Face]string{}
			for _, face := range r.faces {
				if r.refs[face], err = fontRef(face); err != nil {
					t.Fatal(err)
				}
			}
		}
		r.start()
		r.drawPage(0)
		r.pdf.SetCompression(false)
		var buf bytes.Buffer
		if err := r.pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return pageStream(buf.Bytes())
	}
	// A font selected, and no text after it, is the one fpdf selects again
	// as the page opens; fpdf selects the font of every text.
	selects, shows := regexp.MustCompile(`^BT /F\S+ \S+ Tf ET$`), regexp.MustCompile(`^(q .* )?BT -?[0-9]`)
	lines := bytes.SplitAfter(page(false), []byte("\n"))
	var want, font []byte
	for i, l := range lines {
		if selects.Match(bytes.TrimSuffix(l, []byte("\n"))) {
			if i+1 == len(lines) || !shows.Match(lines[i+1]) || bytes.Equal(l, font) {
				continue
			}
			font = l
		}
		want = append(want, l...)
	}
	if got := page(true); !bytes.Equal(got, want) {
		t.Errorf("text of a chunk:\n%s\nfpdf:\n%s", got, want)
	}
}
