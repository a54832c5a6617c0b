// Package fonts embeds the typefaces livret prints with, and measures text
// the way the PDF will show it.
//
// Two families are offered, both drawn for readers with low vision:
// Luciole (CTRDV and typographies.fr, CC BY 4.0, the default) and Atkinson
// Hyperlegible (Braille Institute, SIL OFL 1.1). Widths are computed from the
// font files exactly as the PDF writer computes them (advance widths
// rounded to thousandths of an em, no kerning), so that text measured here
// fits where it is drawn.
package fonts

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed *.ttf
var files embed.FS

// Family is a typeface in the two weights livret uses.
type Family struct {
	Name    string // as typed after --police: "luciole"
	Display string // as printed: "Luciole"
	Credit  string // French credit line for the colophon
	Regular *Face
	Bold    *Face
}

var families = []*Family{
	{
		Name:    "luciole",
		Display: "Luciole",
		Credit:  "Police Luciole © Laurent Bourcellier & Jonathan Perez (CTRDV et typographies.fr), licence Creative Commons Attribution 4.0",
		Regular: &Face{file: "Luciole-Regular.ttf"},
		Bold:    &Face{file: "Luciole-Bold.ttf"},
	},
	{
		Name:    "atkinson",
		Display: "Atkinson Hyperlegible",
		Credit:  "Police Atkinson Hyperlegible © 2020 Braille Institute of America, licence SIL Open Font License 1.1",
		Regular: &Face{file: "AtkinsonHyperlegible-Regular.ttf"},
		Bold:    &Face{file: "AtkinsonHyperlegible-Bold.ttf"},
	},
}

// Default is the family used when none is asked for.
const Default = "luciole"

// Names lists the families, as typed on the command line.
func Names() []string {
	names := make([]string, len(families))
	for i, f := range families {
		names[i] = f.Name
	}
	return names
}

// Lookup returns the family called name (case-insensitive). Its faces are
// loaded on first use.
func Lookup(name string) (*Family, error) {
	for _, f := range families {
		if strings.EqualFold(f.Name, name) || strings.EqualFold(f.Display, name) {
			for _, face := range []*Face{f.Regular, f.Bold} {
				if err := face.load(); err != nil {
					return nil, err
				}
			}
			return f, nil
		}
	}
	return nil, fmt.Errorf("police « %s » inconnue ; polices disponibles : %s", name, strings.Join(Names(), ", "))
}

// Face is one weight of a family: its file and its metrics. A Face is safe
// for concurrent use once loaded.
type Face struct {
	file string
	once sync.Once
	err  error

	data      []byte
	widths    []int32 // advance widths in thousandths of an em, by rune; -1: no glyph
	ascent    float64 // in ems, positive
	descent   float64 // in ems, positive
	capHeight float64 // in ems
}

// Name is the file name of the face, which the PDF writer uses as the
// font's identity.
func (f *Face) Name() string { return strings.TrimSuffix(f.file, ".ttf") }

// Data returns the TrueType file.
func (f *Face) Data() []byte { return f.data }

func (f *Face) load() error {
	f.once.Do(func() { f.err = f.parse() })
	return f.err
}

func (f *Face) parse() error {
	data, err := files.ReadFile(f.file)
	if err != nil {
		return fmt.Errorf("police %s introuvable dans le programme : %w", f.file, err)
	}
	ft, err := sfnt.Parse(data)
	if err != nil {
		return fmt.Errorf("police %s illisible : %w", f.file, err)
	}
	var buf sfnt.Buffer
	upem := int(ft.UnitsPerEm())
	ppem := fixed.I(upem) // one pixel per font unit: advances come out in font units
	f.data = data
	// A slice, not a map: every character of a national guide is measured
	// several times, and a map's probing was a tenth of its layout.
	f.widths = make([]int32, 0x10000)
	for r := range f.widths {
		f.widths[r] = -1
	}
	for r := rune(0x20); r <= 0xFFFF; r++ {
		gi, err := ft.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := ft.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			continue
		}
		// Rounded as the PDF writer rounds it (fpdf utf8fontfile.go).
		f.widths[r] = int32(float64(adv)/64*1000/float64(upem) + 0.5)
	}
	m, err := ft.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return fmt.Errorf("police %s : métriques illisibles : %w", f.file, err)
	}
	em := float64(upem)
	f.ascent = float64(m.Ascent) / 64 / em
	f.descent = float64(m.Descent) / 64 / em
	f.capHeight = float64(m.CapHeight) / 64 / em
	return nil
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	return r >= 0 && int(r) < len(f.widths) && f.widths[r] >= 0
}

// Width returns the width of s, in points, at size points. s should be
// printable (see Printable): a rune without a glyph counts as the PDF
// writer counts it, half an em.
func (f *Face) Width(s string, size float64) float64 {
	return float64(f.Units(s)) * size / 1000
}

// Units returns the width of s in thousandths of an em, counted as Width
// counts it. Widths in units add up: Units(a+b) = Units(a) + Units(b),
// which lets a line breaker measure a line word by word.
func (f *Face) Units(s string) int {
	w := 0
	for _, r := range s {
		if f.Has(r) {
			w += int(f.widths[r])
		} else {
			w += 500
		}
	}
	return w
}

// Ascent and Descent are the heights above and below the baseline, in
// points, at size points. CapHeight is the height of capital letters.
func (f *Face) Ascent(size float64) float64    { return f.ascent * size }
func (f *Face) Descent(size float64) float64   { return f.descent * size }
func (f *Face) CapHeight(size float64) float64 { return f.capHeight * size }

// substitutes lists, for characters a face may lack, what to print
// instead, best first. Line breaking has already been decided when text is
// made printable, so a no-break space may become an ordinary space.
var substitutes = map[rune][]string{
	'\u00a0': {" "},           // no-break space (Luciole has none)
	'\u202f': {"\u2009", " "}, // narrow no-break space → thin space
	'\u2007': {"\u2009", " "}, // figure space
	'\u2009': {" "},           // thin space (Atkinson has none)
	'\u2011': {"-"},           // non-breaking hyphen
	'\u2010': {"-"},           // hyphen
	'\u2012': {"\u2013", "-"}, // figure dash
	'\u2212': {"-"},           // minus
	'\u2019': {"'"},           // apostrophe
	'\u2018': {"'"},
	'\u201c': {"\u00ab\u00a0", "\""},
	'\u201d': {"\u00a0\u00bb", "\""},
	'\u2026': {"..."},
	'\u2022': {"\u00b7", "-"}, // bullet
	// Superscript letters of ordinals (2ᵉ, nᵒ) and the numero sign.
	'\u1d49': {"e"}, '\u02b3': {"r"}, '\u1d52': {"o"}, '\u00ba': {"o"},
	'\u2116': {"nº", "no"},
}

// Printable returns s with every character the face lacks replaced by a
// close one it has, and the characters it could not replace at all (those
// become "?"). Accented letters the face lacks lose their accent.
func (f *Face) Printable(s string) (string, []rune) {
	if f.covers(s) {
		return s, nil
	}
	var b strings.Builder
	var missing []rune
	for _, r := range s {
		switch {
		case r == '\n' || f.Has(r):
			b.WriteRune(r)
			continue
		}
		if sub, ok := f.substitute(r); ok {
			b.WriteString(sub)
			continue
		}
		if !slices.Contains(missing, r) {
			missing = append(missing, r)
		}
		b.WriteRune('?')
	}
	return b.String(), missing
}

func (f *Face) covers(s string) bool {
	for _, r := range s {
		if r != '\n' && !f.Has(r) {
			return false
		}
	}
	return true
}

func (f *Face) substitute(r rune) (string, bool) {
	for _, sub := range substitutes[r] {
		if printable, missing := f.Printable(sub); len(missing) == 0 {
			return printable, true
		}
	}
	if base := stripAccent(r); base != r && f.Has(base) {
		return string(base), true
	}
	return "", false
}
