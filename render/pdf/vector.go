package pdf

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"livret/layout"
	"livret/picto"
)

// Pictograms and QR codes are most of a guide's drawing: a national guide
// uses pictograms 180 000 times and draws 30 000 QR codes. So each
// pictogram is drawn once, as a Form XObject (an fpdf template) that every
// use places with a transform, in the fill colour of the moment; and a QR
// code is one path of its dark runs in module units, scaled by a transform.

// forms holds the pictogram templates, made on first use.
type forms map[string]*form

// form is an fpdf template of a pictogram's path alone. fpdf starts every
// template with the line and colour state of a new page ("0.000 g"), which
// would paint every pictogram black: the form gives its path as its bytes
// instead. Its identifier is computed once, as fpdf hashes the bytes each
// time it asks, on every use.
type form struct {
	fpdf.Template
	path []byte
	id   string
}

func (f *form) ID() string    { return f.id }
func (f *form) Bytes() []byte { return f.path }

// icon draws a pictogram: its template, placed and scaled, in its colour.
// The template holds only the path, so the fill colour set here applies.
func (r *renderer) icon(it *layout.Icon) {
	f, ok := r.forms[it.Name]
	if !ok {
		icon, found := picto.Lookup(it.Name)
		if !found {
			return
		}
		path := iconPath(icon)
		t := fpdf.CreateTpl(fpdf.PointType{}, fpdf.SizeType{Wd: picto.Size, Ht: picto.Size}, "P", "pt", "", func(*fpdf.Tpl) {})
		f = &form{Template: t, path: path, id: fmt.Sprintf("%x", sha1.Sum(path))}
		if r.forms == nil {
			r.forms = forms{}
		}
		r.forms[it.Name] = f
	}
	r.pdf.SetFillColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
	r.pdf.UseTemplateScaled(f, fpdf.PointType{X: it.X, Y: it.Y}, fpdf.SizeType{Wd: it.Size, Ht: it.Size})
}

// iconPath is the filled path of an icon in its 24-unit box, y up as in
// PDF, its numbers to a ten-thousandth of a unit (the precision of the
// drawings).
func iconPath(ic *picto.Icon) []byte {
	p := &pathWriter{k: 1, h: picto.Size}
	picto.Draw(p, ic.Segments)
	p.op("f")
	return p.b
}

// qr draws a QR code on a white square: its dark modules, run by run, as
// one path in module units under a transform that puts the top-left module
// at the code's corner, y down.
func (r *renderer) qr(it *layout.QR) {
	pdf := r.pdf
	pdf.SetFillColor(255, 255, 255)
	pdf.Rect(it.X, it.Y, it.Size, it.Size, "F")
	pdf.SetFillColor(0, 0, 0)
	k := pdf.GetConversionRatio()
	_, h := pdf.GetPageSize()
	m := it.Size / float64(len(it.Modules)) * k
	p := r.path()
	b := append(p.b, "q "...)
	b = appendNum(b, m)
	b = append(b, " 0 0 "...)
	b = appendNum(b, -m)
	b = append(b, ' ')
	b = appendNum(b, it.X*k)
	b = append(b, ' ')
	b = appendNum(b, (h-it.Y)*k)
	b = append(b, " cm\n"...)
	for y, row := range it.Modules {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := x
			for run < len(row) && row[run] {
				run++
			}
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(y), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(run-x), 10)
			b = append(b, " 1 re\n"...)
			x = run
		}
	}
	p.b = append(b, "f Q\n"...)
	r.flush(p)
	if it.Link != nil {
		r.link(it.X, it.Y, it.Size, it.Size, it.Link)
	}
}

// path returns the path writer, ready for a new path on the current page.
func (r *renderer) path() *pathWriter {
	r.paths.k = r.pdf.GetConversionRatio()
	_, r.paths.h = r.pdf.GetPageSize()
	r.paths.b = r.paths.b[:0]
	return &r.paths
}

// pathWriter writes a path whole, in a space of height h, y down, scaled
// by k into PDF's space, y up: fpdf would make a string of every number.
type pathWriter struct {
	k, h float64
	b    []byte
	r    bytes.Reader
}

func (p *pathWriter) point(x, y float64) {
	p.b = appendNum(p.b, x*p.k)
	p.b = append(p.b, ' ')
	p.b = appendNum(p.b, (p.h-y)*p.k)
	p.b = append(p.b, ' ')
}

// MoveTo, LineTo, CubeTo and Close make a pathWriter a picto.Pather.
func (p *pathWriter) MoveTo(x, y float64) { p.point(x, y); p.op("m") }
func (p *pathWriter) LineTo(x, y float64) { p.point(x, y); p.op("l") }
func (p *pathWriter) Close()              { p.op("h") }

func (p *pathWriter) CubeTo(cx0, cy0, cx1, cy1, x, y float64) {
	p.point(cx0, cy0)
	p.point(cx1, cy1)
	p.point(x, y)
	p.op("c")
}

func (p *pathWriter) op(o string) { p.b = append(append(p.b, o...), '\n') }

// flush hands the path to fpdf, which ends it with the last line feed,
// or to the spill, leaving its mark in the page.
func (r *renderer) flush(p *pathWriter) {
	switch {
	case len(p.b) == 0:
	case r.spill != nil:
		r.spill.add(p.b[:len(p.b)-1])
		r.pdf.RawWriteStr(spillMark)
	default:
		p.r.Reset(p.b[:len(p.b)-1])
		r.pdf.RawWriteBuf(&p.r) // copied straight into the page
	}
}

// circle fills a circle as fpdf's Circle does, to the byte: six Bézier
// arcs, the start to two decimals and the arcs to five, in the same
// arithmetic; but as a path, which a chunk spills out of fpdf.
func (r *renderer) circle(cx, cy, radius float64) {
	p := r.path()
	k, h := p.k, p.h
	x, y := cx*k, (h-cy)*k
	rx, ry := radius*k, radius*k
	const segments = 6 // fpdf: one every 60°
	degEnd := 360.0
	dt := (degEnd * math.Pi / 180) / float64(segments) // at run time, as fpdf
	dtm := dt / 3
	t := 0.0
	a0, b0 := x+rx*math.Cos(t), y+ry*math.Sin(t)
	c0, d0 := -rx*math.Sin(t), ry*math.Cos(t)
	sx, sy := a0/k, h-(b0/k)
	p.b = strconv.AppendFloat(p.b, sx*k, 'f', 2, 64)
	p.b = append(p.b, ' ')
	p.b = strconv.AppendFloat(p.b, (h-sy)*k, 'f', 2, 64)
	p.b = append(p.b, " m\n"...)
	for j := 1; j <= segments; j++ {
		t = float64(j) * dt
		a1, b1 := x+rx*math.Cos(t), y+ry*math.Sin(t)
		c1, d1 := -rx*math.Sin(t), ry*math.Cos(t)
		for i, v := range [6]float64{(a0 + (c0 * dtm)) / k, h - ((b0 + (d0 * dtm)) / k),
			(a1 - (c1 * dtm)) / k, h - ((b1 - (d1 * dtm)) / k), a1 / k, h - (b1 / k)} {
			if i%2 == 1 {
				v = h - v // fpdf's curve takes y down and writes it up
			}
			p.b = strconv.AppendFloat(p.b, v*k, 'f', 5, 64)
			p.b = append(p.b, ' ')
		}
		p.b = append(p.b, "c\n"...)
		a0, b0, c0, d0 = a1, b1, c1, d1
	}
	p.op("f")
	r.flush(p)
}

// appendNum appends v to four decimals, without trailing zeros.
func appendNum(b []byte, v float64) []byte { return appendFixed(b, v, 4) }

// appendFixed appends v to prec decimals, without trailing zeros.
func appendFixed(b []byte, v float64, prec int) []byte {
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[n:]) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// formEdits compresses the pictograms' forms as fpdf compresses its
// templates when told to: "/Filter /FlateDecode " first in the dictionary.
func (f *pdfFile) formEdits() ([]edit, error) {
	var edits []edit
	for n, off := range f.offsets {
		b := f.body(n)
		if !bytes.HasPrefix(b, []byte("<</Type /XObject\n/Subtype /Form\n")) {
			continue
		}
		i := bytes.Index(b, []byte("\nstream\n"))
		j := bytes.LastIndex(b[:max(i, 0)], []byte("/Length "))
		if i < 0 || j < 0 {
			return nil, fmt.Errorf("objet %d illisible", n)
		}
		length, err := strconv.Atoi(strings.TrimSuffix(string(b[j+len("/Length "):i]), " >>"))
		from := len(f.data) - len(b) + i + len("\nstream\n")
		if err != nil || from+length > f.startxref {
			return nil, fmt.Errorf("objet %d illisible", n)
		}
		head := strconv.Itoa(n) + " 0 obj\n<</Filter /FlateDecode " + string(b[2:j])
		edits = append(edits, edit{obj: n, start: off, end: from + length, stream: f.data[from : from+length],
			head: func(length int) []byte { return fmt.Appendf(nil, "%s/Length %d >>\nstream\n", head, length) }})
	}
	return edits, nil
}
