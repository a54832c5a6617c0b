package pdf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"livret/fonts"
	"livret/layout"
)

// The pages of a chunk (merge.go) name the fonts of the resources file,
// which alone embeds them: a chunk's own fpdf document need not read the
// fonts, nor cut and compress them again when it is written, only to be
// thrown away. So its text is written here, byte for byte as fpdf's
// SetFont and Text write it, naming each face as fpdf names it.

// fontRefs names each face as fpdf names it in the resources of a page
// ("F" and a digest of the font's definition), found once per process.
var fontRefs sync.Map // *fonts.Face → string

var reFontRef = regexp.MustCompile(`BT /(F\S+) `)

// fontRef returns the name of face in a page's resources: the one fpdf
// writes for the face registered as registerFonts does, read from a
// template that selects it.
func fontRef(face *fonts.Face) (string, error) {
	if ref, ok := fontRefs.Load(face); ok {
		return ref.(string), nil
	}
	var err error
	tpl := fpdf.CreateTpl(fpdf.PointType{}, fpdf.SizeType{Wd: 1, Ht: 1}, "P", "pt", "", func(t *fpdf.Tpl) {
		name := fontFamily(face)
		t.AddUTF8FontFromBytes(name, "", face.Data())
		t.SetFont(name, "", 12)
		err = t.Error()
	})
	m := reFontRef.FindSubmatch(tpl.Bytes())
	if err != nil {
		return "", fmt.Errorf("police %s illisible : %v", face.Name(), err)
	}
	if m == nil {
		return "", fmt.Errorf("police %s : sa référence est introuvable dans le PDF", face.Name())
	}
	ref, _ := fontRefs.LoadOrStore(face, string(m[1]))
	return ref.(string), nil
}

// fontFamily is the family name face is registered under in fpdf.
func fontFamily(face *fonts.Face) string { return strings.ToLower(face.Name()) }

// selected is a font selected on a page: its name and size.
type selected struct {
	ref  string
	size float64
}

// text writes t as fpdf's SetFont and Text would, face named ref: the
// font selected, unless it is already, then the text at its place in
// UTF-16 (fpdf's codes), in its colour when that is not the fill colour.
// The font outlasts the text object that selects it (ISO 32000-1 §9.3.1),
// and nothing drawn between two texts selects another.
func (r *renderer) text(t *layout.Text, ref string) {
	b := r.buf[:0]
	if f := (selected{ref, t.Size}); f != r.font {
		r.font = f
		b = append(b, "BT /"...)
		b = append(b, ref...)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, t.Size, 'f', 2, 64)
		b = append(b, " Tf ET\n"...)
	}
	fr, fg, fb := r.pdf.GetFillColor()
	colored := fr != int(t.Color.R) || fg != int(t.Color.G) || fb != int(t.Color.B)
	if colored {
		b = append(b, "q "...)
		b = appendColor(b, t.Color)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, t.X, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, r.book.Height-t.Y, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = appendUTF16Codes(b, t.S)
	b = append(b, ") Tj ET"...)
	if colored {
		b = append(b, " Q"...)
	}
	r.buf = b
	r.pdf.RawWriteStr(string(b))
}

// appendColor appends the text colour c as fpdf writes it: a grey level,
// or red, green and blue, to three decimals.
func appendColor(b []byte, c layout.Color) []byte {
	v := func(b []byte, x uint8) []byte { return strconv.AppendFloat(b, float64(x)/255, 'f', 3, 64) }
	if c.R == c.G && c.G == c.B {
		return append(v(b, c.R), " g"...)
	}
	b = append(v(b, c.R), ' ')
	b = append(v(b, c.G), ' ')
	return append(v(b, c.B), " rg"...)
}

// appendUTF16Codes appends s as the codes fpdf's Text writes for it, in
// a literal string: two bytes for each character of one to three bytes of
// UTF-8 (fpdf takes a longer one for three bytes and one), escaped.
func appendUTF16Codes(b []byte, s string) []byte {
	put := func(c byte) {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	for i := 0; i < len(s); {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224 && i+1 < len(s):
			c2, c3 := s[i], s[i+1]
			i += 2
			put((c1&0x0F)<<4 + (c2&0x3C)>>2)
			put((c2&0x03)<<6 + c3&0x3F)
		case c1 >= 192 && i < len(s):
			c2 := s[i]
			i++
			put((c1 & 0x1C) >> 2)
			put((c1&0x03)<<6 + c2&0x3F)
		default:
			put(0)
			put(c1)
		}
	}
	return b
}
