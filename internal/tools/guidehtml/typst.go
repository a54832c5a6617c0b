package main

import (
	"fmt"
	"io"
	"strings"

	"livret/guide"
)

// writeTypst writes the guide as one Typst file with what the HTML page
// has, in the same type and page style: Luciole 18 pt (given to the
// compiler as font files), A4, 25 mm margins, the commune in the running
// head, « Page N sur M » at the foot, pictograms and QR codes as SVG
// images, contents and index with their page numbers.
func writeTypst(w io.Writer, g *guide.Guide) error {
	t := &typst{alts: g.Wording.Alt.Icons}
	t.line(`#set document(title: %s)`, str(g.Title+" – "+g.Territory))
	t.line(`#set text(font: "Luciole", size: 18pt, lang: "fr")`)
	t.line(`#set par(leading: 9pt, spacing: 12pt)`)
	t.line(`#set page(paper: "a4", margin: 25mm)`)
	t.line(`#show heading.where(level: 1): it => { pagebreak(weak: true); block(below: 18pt, text(size: 22pt, fill: rgb("#002654"), it.body)) }`)
	t.line(`#show heading.where(level: 2): it => block(above: 14pt, below: 7pt, text(size: 20pt, it.body))`)
	t.line(`#let icon(svg, alt) = box(baseline: 20%%, inset: (right: 7pt), image(bytes(svg), width: 27pt, alt: alt))`)

	// Cover, without running head nor foot.
	t.par(`#text(size: 32pt, weight: "bold", fill: rgb("#002654"), %s)`, str(g.Title))
	t.par(`#strong(%s)`, str(g.Territory))
	t.par(`#%s`, str("Édition du "+g.Edition))
	if g.About.Counts != "" {
		t.par(`#%s`, str(g.About.Counts))
	}
	t.line(`#set page(header: context { let on = query(heading.where(level: 1)).filter(h => h.location().page() == here().page()); let h = if on.len() > 0 { on } else { query(heading.where(level: 1).before(here())) }; if h.len() > 0 { block(width: 100%%, stroke: (bottom: 1pt + rgb("#969696")), inset: (bottom: 4pt), strong(if on.len() > 0 { h.first().body } else { h.last().body })) } }, footer: context block(width: 100%%, stroke: (top: 1pt + rgb("#969696")), inset: (top: 4pt))[Page #counter(page).display() sur #counter(page).final().first()])`)
	t.line(`#pagebreak(weak: true)`)

	t.heading(1, "Comment lire ce guide", "")
	for _, p := range g.Intro {
		t.par(`#%s`, str(p))
	}
	t.heading(2, "Les pictogrammes", "")
	for _, l := range g.Legend {
		text := ""
		if l.Text != "" && l.Text != l.Label {
			text = `#" : "#` + str(l.Text)
		}
		t.par(`#%s#strong(%s)%s`, t.icon(l.Icon), str(l.Label), text)
	}
	if len(g.Helplines) > 0 {
		t.heading(2, "Un doute ? Appelez", "")
		for _, h := range g.Helplines {
			when := h.When
			if h.Note != "" {
				when += " – " + h.Note
			}
			t.par(`#strong(%s) #text(size: 22pt, weight: "bold", %s) \ #%s`, str(h.Name), str(h.Phone.Display), str(when))
		}
	}

	t.line(`#outline(title: "Sommaire", depth: 1)`)
	for _, s := range g.Sections {
		t.heading(1, s.Title, s.Anchor)
		for _, e := range s.Entries {
			t.entry(e)
		}
	}
	t.heading(1, "Index des lieux", "")
	for _, ix := range g.Index {
		t.par(`#link(%s)[#%s] #box(width: 1fr, repeat[.]) #context counter(page).at(%s).first()`, label(ix.Anchor), str(ix.Text), label(ix.Anchor))
	}
	t.heading(1, "Mes notes", "")
	t.heading(1, "À propos de ce guide", "")
	for _, p := range append([]string{g.About.Source, g.About.SourceDate, g.About.Licence, g.About.Generated}, g.About.FontCredits...) {
		if p != "" {
			t.par(`#%s`, str(p))
		}
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

// entry writes a place, kept on one page, its QR code at the bottom right.
func (t *typst) entry(e guide.Entry) {
	t.line(`#block(breakable: false, width: 100%%, stroke: (top: 1pt + rgb("#969696")), inset: (top: 9pt), below: 18pt)[`)
	t.line(`#heading(level: 2, outlined: false, %s)`, str(e.Name))
	if len(e.Address) > 0 {
		t.par(`#%s%s`, t.icon("address"), lines(e.Address))
	}
	if len(e.Phones) > 0 {
		var ps []string
		for _, p := range e.Phones {
			ps = append(ps, fmt.Sprintf(`link(%s, text(size: 22pt, weight: "bold", %s))`, str(p.URI), str(p.Display)))
		}
		t.par(`#%s#{%s}`, t.icon("phone"), strings.Join(ps, ` + [ \ ou ] + `))
	}
	if len(e.Hours.Lines) > 0 {
		t.par(`#%s%s`, t.icon("hours"), lines(e.Hours.Lines))
	}
	if e.Hours.Unsure {
		t.par(`#strong("Horaires à confirmer par téléphone")`)
	}
	var items []string
	for _, s := range e.Services {
		items = append(items, fmt.Sprintf(`box[#%s#%s]`, t.icon(s.Icon), str(s.Label)))
	}
	for _, f := range e.Facts {
		items = append(items, fmt.Sprintf(`box[#%s#%s]`, t.icon(f.Icon), str(f.Text)))
	}
	if len(items) > 0 {
		t.par(`#{%s}`, strings.Join(items, ` + h(22pt) + `))
	}
	t.line(`#pad(right: 90pt)[`)
	if e.Email != nil {
		t.par(`#%s#link(%s, %s)`, t.icon("email"), str(e.Email.URL), str(e.Email.Text))
	}
	if e.Website != nil {
		t.par(`#%s#link(%s, %s)`, t.icon("website"), str(e.Website.URL), str(e.Website.Text))
	}
	if e.Updated != "" {
		t.par(`#%s`, str(e.Updated))
	}
	t.line(`]`)
	if e.QR != "" {
		if svg, ok := qrSVG(e.QR); ok {
			t.line(`#place(bottom + right, link(%s, image(bytes(%s), width: 68pt, alt: %s)))`, str(e.QR), str(svg), str("Code QR vers "+e.QR))
		}
	}
	t.line(`] %s`, label(e.Anchor))
}

// typst builds the file.
type typst struct {
	b    strings.Builder
	alts guide.IconAlts // what the pictograms say, the template's
}

func (t *typst) line(format string, args ...any) {
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

// par writes a paragraph.
func (t *typst) par(format string, args ...any) {
	t.line(format, args...)
	t.b.WriteByte('\n')
}

func (t *typst) heading(level int, title, anchor string) {
	t.line(`#heading(level: %d, %s) %s`, level, str(title), label(anchor))
}

// icon is the call that shows a pictogram, or nothing.
func (t *typst) icon(name string) string {
	svg, ok := iconSVG(name)
	if !ok {
		return "[]"
	}
	return fmt.Sprintf("icon(%s, %s)", str(svg), str(t.alts.Of(name)))
}

// str is a Typst string literal.
func str(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// label is a Typst label for an anchor, or nothing.
func label(anchor string) string {
	if anchor == "" {
		return ""
	}
	return "<" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, anchor) + ">"
}

// lines joins lines with line breaks.
func lines(ls []string) string {
	q := make([]string, len(ls))
	for i, l := range ls {
		q[i] = str(l)
	}
	return "#{" + strings.Join(q, ` + linebreak() + `) + "}"
}
