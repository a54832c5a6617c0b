package layout

import (
	"fmt"
	"math"
	"strings"

	"livret/fonts"
)

// Format is a paper size and its margins.
type Format struct {
	Name          string
	Width, Height float64
	Margin        float64
}

// mm converts millimetres to points.
func mm(v float64) float64 { return v * 72 / 25.4 }

// The paper formats livret prints on. Margins follow the large-print
// guidance (at least 20 mm; 25 mm on A4).
var (
	A4 = Format{Name: "A4", Width: mm(210), Height: mm(297), Margin: mm(25)}
	A5 = Format{Name: "A5", Width: mm(148), Height: mm(210), Margin: mm(20)}
)

// LookupFormat returns the format called name ("A4", "a5").
func LookupFormat(name string) (Format, error) {
	for _, f := range []Format{A4, A5} {
		if strings.EqualFold(f.Name, name) {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("format « %s » inconnu ; formats disponibles : A4, A5", name)
}

// Theme is the look of a document: paper, type, colours.
type Theme struct {
	Format     Format
	Family     *fonts.Family
	Size       float64 // body text size, in points (16 at least)
	Text       Color   // body text
	Accent     Color   // headings and pictograms
	Background Color   // paper; white is not painted
	QR         bool    // print QR codes for places with a web page
	// folioAbove sets the page number in the running head's band, on
	// the right, and leaves the foot of the page to the text: a guide on
	// A5, whose page at 18 pt holds some 15 lines under two bands, 16
	// under one, what a long entry needs (see Guide).
	folioAbove bool
}

// Sizes the command line offers; the body never goes below MinSize.
const (
	MinSize     = 16
	DefaultSize = 18
)

// Colours. Every text colour must keep a contrast of at least 7:1 with the
// paper (WCAG 2 level AAA, French RLS 1.4).
var (
	Black = Color{0, 0, 0}
	White = Color{255, 255, 255}
	Ivory = Color{255, 253, 240}
	// NightBlue is the default accent: 14.9:1 on white, 14.6:1 on ivory.
	NightBlue = Color{0, 38, 84}
	// Grey is for rules and decoration only, never for text.
	Grey = Color{150, 150, 150}
)

// DefaultTheme is A4, Luciole 18 pt, black on white.
func DefaultTheme() (Theme, error) {
	fam, err := fonts.Lookup(fonts.Default)
	if err != nil {
		return Theme{}, err
	}
	return Theme{Format: A4, Family: fam, Size: DefaultSize, Text: Black, Accent: NightBlue, Background: White, QR: true}, nil
}

// Check refuses a theme that would not be large print: text under 16 pt,
// colours under 7:1 of contrast.
func (t Theme) Check() error {
	if t.Size < MinSize {
		return fmt.Errorf("taille de texte %g pt trop petite : le gros caractère commence à %d pt", t.Size, MinSize)
	}
	for _, c := range []struct {
		name string
		fg   Color
	}{{"du texte", t.Text}, {"d’accent", t.Accent}} {
		if r := Contrast(c.fg, t.Background); r < 7 {
			return fmt.Errorf("la couleur %s (%s) n’a qu’un contraste de %.1f:1 avec le fond (%s) ; il faut au moins 7:1",
				c.name, c.fg, r, t.Background)
		}
	}
	return nil
}

// String writes the colour as #RRGGBB.
func (c Color) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ParseColor reads "#RRGGBB" or "RRGGBB".
func ParseColor(s string) (Color, error) {
	var c Color
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) != 6 {
		return c, fmt.Errorf("couleur « %s » illisible : écrivez-la #RRVVBB, par exemple #002654", s)
	}
	if _, err := fmt.Sscanf(h, "%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		return c, fmt.Errorf("couleur « %s » illisible : écrivez-la #RRVVBB, par exemple #002654", s)
	}
	return c, nil
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Style is the look of a run of text.
type Style struct {
	Face  *fonts.Face
	Size  float64
	Color Color
}

// Leading is the distance between baselines: 1.5 times the size, as
// WCAG 1.4.8 and the French RLS 1.13 ask.
func (s Style) Leading() float64 { return 1.5 * s.Size }

// The styles of a theme.
func (t Theme) body() Style     { return Style{t.Family.Regular, t.Size, t.Text} }
func (t Theme) strong() Style   { return Style{t.Family.Bold, t.Size, t.Text} }
func (t Theme) h1() Style       { return Style{t.Family.Bold, t.Size + 4, t.Accent} }
func (t Theme) h2() Style       { return Style{t.Family.Bold, t.Size + 2, t.Text} }
func (t Theme) phone() Style    { return Style{t.Family.Bold, t.Size + 4, t.Text} }
func (t Theme) title() Style    { return Style{t.Family.Bold, t.Size * 2, t.Accent} }
func (t Theme) subtitle() Style { return Style{t.Family.Bold, t.Size + 8, t.Text} }

// sizeStep is the step between the type sizes of a text made smaller to
// fit its line (a phone number), as between the headings' sizes.
const sizeStep = 2

// The leaflet's very large type: names half as large again as the body
// (27 pt at 18 pt, the guide's are 20 pt), phone numbers twice as large
// (36 pt, the guide's are 22 pt), what a reader looks for first.
func (t Theme) leafletName() Style  { return Style{t.Family.Bold, 1.5 * t.Size, t.Text} }
func (t Theme) leafletPhone() Style { return Style{t.Family.Bold, 2 * t.Size, t.Text} }

// Spacings are named here, and nowhere else written as a multiple of the
// size: all grow with the body size, so that a guide at 24 pt keeps the
// proportions of one at 18 pt.

// The sheets' large type: the name as a title, the phone twice the body.
func (t Theme) sheetName() Style  { return Style{t.Family.Bold, t.Size + 8, t.Accent} }
func (t Theme) sheetPhone() Style { return Style{t.Family.Bold, t.Size * 2, t.Text} }

// Sizes of the figures, also in proportion to the body size. QR codes
// are 2 cm wide at least in a guide, for phones to read them; larger on
// the leaflet and on sheets, which are read from further away.
func (t Theme) entryQR() float64   { return max(mm(20), 3*t.Size) }
func (t Theme) leafletQR() float64 { return max(mm(30), 4*t.Size) }
func (t Theme) sheetQR() float64   { return max(mm(35), 5*t.Size) }

// coverIcon is the side of the cover's large pictogram.
func (t Theme) coverIcon() float64 { return 5 * t.Size }

// barHeight is the thickness of a bar of a chart.
func (t Theme) barHeight() float64 { return 0.8 * t.Size }

// markerPad is what a map marker's disc adds around its number.
func (t Theme) markerPad() float64 { return t.Size / 2 }

// gap is the space between blocks: 1.5 times the body size (RLS 1.13).
func (t Theme) gap() float64 { return 1.5 * t.Size }

// sectionGap is the space above the heading of a section of places (a
// commune): the heading, large and in the accent colour, opens it more
// than the space does. It shrinks, as the spaces of entries do (see
// partGap), to a third of the size.
func (t Theme) sectionGap() spring { return spring{natural: 0.75 * t.Size, least: t.Size / 3} }

// headingGap is the space under a heading before its text, and between
// the text frame and the band of the running head or the page number.
func (t Theme) headingGap() float64 { return t.gap() / 2 }

// itemGap is the space between the items of a list (the pictograms, what
// the sample's numbers mean, the colophon's heading and text), and the
// gaps of a cover that must be tight to fit its page.
func (t Theme) itemGap() float64 { return t.Size / 2 }

// rowGap is the space between the lines of a table of contents or an
// index, and between the paragraphs of the colophon.
func (t Theme) rowGap() float64 { return t.Size / 3 }

// columnGap is the room between a text and what stands beside it: a QR
// code, the next column of a table, the numbers of the sample entry.
func (t Theme) columnGap() float64 { return t.Size }

// folioGap is the least room between the running head and the page
// number on its right (see Theme.folioAbove).
func (t Theme) folioGap() float64 { return t.Size / 2 }

// labelGap is the room between a mark and its words: a bar of a chart and
// its value, a number of the sample entry and the entry.
func (t Theme) labelGap() float64 { return t.Size / 2 }

// iconGap is the room between a pictogram and the words beside it.
func (t Theme) iconGap() float64 { return 0.6 * t.Size }

// chipGap is the room between two services of a row of pictograms.
func (t Theme) chipGap() float64 { return 1.0 * t.Size }

// codeGap is the space between two QR codes one above the other.
func (t Theme) codeGap() float64 { return t.Size / 2 }

// hang is the indent of the lines after the first of an index line.
func (t Theme) hang() float64 { return t.Size }

// tablePad is the space a table row adds under its text; its rule is in
// the middle of it.
func (t Theme) tablePad() float64 { return 0.4 * t.Size }

// barPad is the space a bar of a chart adds under its value.
func (t Theme) barPad() float64 { return 0.3 * t.Size }

// entryRule is the height of the rule that opens an entry, its line in
// the middle. It shrinks to half as high on a page that holds one more
// entry so: the line stays, a quarter of the size of air on each side,
// above the half leading of the lines around it.
func (t Theme) entryRule() spring { return spring{natural: 0.75 * t.Size, least: t.Size / 2} }

// partGap is the air between the parts of an entry (address, phone,
// hours…): enough to group lines, not to separate places. Each part opens
// with its pictogram and the lines are 1.5 apart: a tenth of the size
// groups them, where more kept a third place off many A4 pages. It may
// close up on a page that holds one more entry so: the pictograms still
// open the parts.
func (t Theme) partGap() spring { return spring{natural: 0.1 * t.Size} }

// iconSize is the size of a pictogram beside a line of body text.
func (t Theme) iconSize() float64 { return 1.3 * t.Size }

// contentWidth is the width between the margins.
func (t Theme) contentWidth() float64 { return t.Format.Width - 2*t.Format.Margin }
