package png

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	stdpng "image/png"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"livret/fonts"
	"livret/layout"
	"livret/picto"
)

// renderer draws the pages of one book at one resolution. It is not safe
// for concurrent use: font faces and the rasterizer hold scratch buffers.
type renderer struct {
	book  *layout.Book
	scale float64     // pixels per point
	size  image.Point // of a page, in pixels
	img   *image.RGBA // page being drawn

	fonts map[*fonts.Face]*opentype.Font
	faces map[faceKey]font.Face
	z     vector.Rasterizer
	src   image.Uniform
}

type faceKey struct {
	face *fonts.Face
	size float64
}

func (r *renderer) item(it layout.Item) error {
	switch it := it.(type) {
	case *layout.Text:
		return r.text(it)
	case *layout.Rect:
		r.rect(it)
	case *layout.Icon:
		r.icon(it)
	case *layout.QR:
		r.qr(it)
	case *layout.Path:
		r.vector(it)
	case *layout.Image:
		return r.image(it)
	default:
		return fmt.Errorf("élément de page inconnu %T : l’aperçu ne sait pas le dessiner", it)
	}
	return nil
}

// image draws a raster image (the publisher's logo) scaled into its box,
// as the PDF does.
func (r *renderer) image(im *layout.Image) error {
	if !finite(im.X, im.Y, im.W, im.H) || im.W <= 0 || im.H <= 0 {
		return nil
	}
	src, err := stdpng.Decode(bytes.NewReader(im.PNG))
	if err != nil {
		return fmt.Errorf("image illisible pour l’aperçu : %w", err)
	}
	box := image.Rect(r.pixel(im.X, math.Round), r.pixel(im.Y, math.Round), r.pixel(im.X+im.W, math.Round), r.pixel(im.Y+im.H, math.Round))
	xdraw.ApproxBiLinear.Scale(r.img, box, src, src.Bounds(), draw.Over, nil)
	return nil
}

// vector fills a path with the nonzero rule, then draws its lines: each
// segment as a band Width wide, lengthened by half the width at both
// ends so that joins have no notch. The bands all turn the same way, so
// where they overlap the ink adds up rather than cancels.
func (r *renderer) vector(v *layout.Path) {
	lo, hi := v.Bounds()
	if !finite(lo.X, lo.Y, hi.X, hi.Y, v.Width) {
		return
	}
	if v.Fill != nil {
		r.fill(lo.X, lo.Y, hi.X, hi.Y, *v.Fill, func(p *pen) {
			for _, l := range v.Lines {
				if len(l) < 3 {
					continue
				}
				p.MoveTo(l[0].X, l[0].Y)
				for _, q := range l[1:] {
					p.LineTo(q.X, q.Y)
				}
				p.Close()
			}
		})
	}
	if v.Stroke == nil || v.Width <= 0 {
		return
	}
	w := v.Width / 2
	r.fill(lo.X-w, lo.Y-w, hi.X+w, hi.Y+w, *v.Stroke, func(p *pen) {
		band := func(a, b layout.Pt) {
			dx, dy := b.X-a.X, b.Y-a.Y
			n := math.Hypot(dx, dy)
			if n == 0 {
				return
			}
			ux, uy := dx/n*w, dy/n*w // along, half the width long
			a.X, a.Y, b.X, b.Y = a.X-ux, a.Y-uy, b.X+ux, b.Y+uy
			p.MoveTo(a.X-uy, a.Y+ux)
			p.LineTo(b.X-uy, b.Y+ux)
			p.LineTo(b.X+uy, b.Y-ux)
			p.LineTo(a.X+uy, a.Y-ux)
			p.Close()
		}
		for _, l := range v.Lines {
			for i := 1; i < len(l); i++ {
				band(l[i-1], l[i])
			}
			if v.Closed && len(l) > 2 {
				band(l[len(l)-1], l[0])
			}
		}
	})
}

// text draws a run glyph by glyph, each at the position the PDF gives it:
// advances are the font's widths in thousandths of an em, with no kerning
// (font.Drawer would kern), so that the run is exactly Width long. As
// poppler does, the baseline lies on a whole pixel row and each glyph's
// origin on a quarter pixel: text is as sharp, and a preview looks like
// the PDF in a viewer, line for line.
func (r *renderer) text(t *layout.Text) error {
	// A glyph taller than the page is no text a page could show, and its
	// mask would be huge. Glyphs are drawn only when they may touch the
	// page, which also keeps positions within the range of fixed.Int26_6.
	em := t.Size * r.scale // in pixels
	if t.S == "" || !finite(t.X, t.Y, t.Size) || t.Size <= 0 || em > float64(max(r.size.X, r.size.Y)) {
		return nil
	}
	if py := t.Y * r.scale; py < -2*em || py > float64(r.size.Y)+2*em {
		return nil
	}
	if t.Face == nil {
		return fmt.Errorf("texte «\u00a0%s\u00a0» sans police", t.S)
	}
	face, err := r.face(t.Face, t.Size)
	if err != nil {
		return err
	}
	r.setColor(t.Color)
	y := fixed.Int26_6(math.Floor(t.Y*r.scale) * 64)
	x := t.X
	for _, c := range t.S {
		if px := x * r.scale; px > -2*em && px < float64(r.size.X)+2*em {
			dot := fixed.Point26_6{X: fixed.Int26_6(math.Floor(px*4) * 16), Y: y}
			// A rune the face lacks draws its .notdef glyph, as in the PDF.
			if dr, mask, mp, _, _ := face.Glyph(dot, c); mask != nil {
				draw.DrawMask(r.img, dr, &r.src, image.Point{}, mask, mp, draw.Over)
			}
		}
		x += t.Face.Width(string(c), t.Size)
	}
	return nil
}

// face returns the font face for f at size points, parsing the font on
// first use.
func (r *renderer) face(f *fonts.Face, size float64) (font.Face, error) {
	k := faceKey{f, size}
	if face, ok := r.faces[k]; ok {
		return face, nil
	}
	ft, ok := r.fonts[f]
	if !ok {
		var err error
		if ft, err = opentype.Parse(f.Data()); err != nil {
			return nil, fmt.Errorf("police %s illisible pour l’aperçu\u00a0: %w", f.Name(), err)
		}
		if r.fonts == nil {
			r.fonts = map[*fonts.Face]*opentype.Font{}
		}
		r.fonts[f] = ft
	}
	face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72 * r.scale, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("police %s à %g\u00a0pt inutilisable pour l’aperçu\u00a0: %w", f.Name(), size, err)
	}
	if r.faces == nil {
		r.faces = map[faceKey]font.Face{}
	}
	r.faces[k] = face
	return face, nil
}

// rect fills a rectangle; a radius of half the side or more makes the ends
// round, and a square a disc.
func (r *renderer) rect(rc *layout.Rect) {
	x, y, w, h := rc.X, rc.Y, rc.W, rc.H
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	if !finite(x, y, w, h, rc.Radius) {
		return
	}
	rad := max(0, min(rc.Radius, w/2, h/2))
	r.fill(x, y, x+w, y+h, rc.Fill, func(p *pen) {
		// Quarter circles as cubic Bézier curves, as PDF writers draw them.
		k := rad * (1 - 0.5522847498)
		p.MoveTo(x+rad, y)
		p.LineTo(x+w-rad, y)
		p.CubeTo(x+w-k, y, x+w, y+k, x+w, y+rad)
		p.LineTo(x+w, y+h-rad)
		p.CubeTo(x+w, y+h-k, x+w-k, y+h, x+w-rad, y+h)
		p.LineTo(x+rad, y+h)
		p.CubeTo(x+k, y+h, x, y+h-k, x, y+h-rad)
		p.LineTo(x, y+rad)
		p.CubeTo(x, y+k, x+k, y, x+rad, y)
		p.Close()
	})
}

// icon fills a pictogram with the nonzero rule, as the PDF operator f
// does: the rasterizer adds up signed coverage and keeps its magnitude,
// capped at full, so a pixel is ink where the winding number is not zero
// and a subpath turning the other way cuts a hole.
func (r *renderer) icon(ic *layout.Icon) {
	icon, ok := picto.Lookup(ic.Name)
	if !ok || !finite(ic.X, ic.Y, ic.Size) || ic.Size <= 0 {
		return
	}
	// Package picto keeps every point in the icon's box.
	r.fill(ic.X, ic.Y, ic.X+ic.Size, ic.Y+ic.Size, ic.Color, func(p *pen) {
		picto.Draw(p, icon.Transform(ic.X, ic.Y, ic.Size))
	})
}

// qr draws a QR code on its white square, each module snapped to whole
// pixels: a blurred module edge is harder for a phone to read than a
// module one pixel wider than its neighbour.
func (r *renderer) qr(q *layout.QR) {
	if !finite(q.X, q.Y, q.Size) || q.Size <= 0 {
		return
	}
	n := len(q.Modules)
	m := q.Size / float64(max(n, 1)) // module side
	edge := func(origin float64, k int) int { return r.pixel(origin+float64(k)*m, math.Round) }
	draw.Draw(r.img, image.Rect(edge(q.X, 0), edge(q.Y, 0), edge(q.X, max(n, 1)), edge(q.Y, max(n, 1))), image.White, image.Point{}, draw.Src)
	for y, row := range q.Modules {
		for x, dark := range row {
			if dark && x < n {
				draw.Draw(r.img, image.Rect(edge(q.X, x), edge(q.Y, y), edge(q.X, x+1), edge(q.Y, y+1)), image.Black, image.Point{}, draw.Src)
			}
		}
	}
}

// fill fills, in colour c, the outline that path draws, which lies within
// the box (x0, y0)–(x1, y1), in points.
func (r *renderer) fill(x0, y0, x1, y1 float64, c layout.Color, path func(*pen)) {
	if !finite(x0, y0, x1, y1) {
		return
	}
	// Only the pixels the box touches, so that the rasterizer's work is
	// the size of the shape, not of the page.
	box := image.Rect(r.pixel(x0, math.Floor), r.pixel(y0, math.Floor), r.pixel(x1, math.Ceil), r.pixel(y1, math.Ceil))
	box = box.Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	r.z.Reset(box.Dx(), box.Dy())
	path(&pen{z: &r.z, scale: r.scale, dx: float64(box.Min.X), dy: float64(box.Min.Y)})
	r.setColor(c)
	r.z.Draw(r.img, box, &r.src, image.Point{})
}

// pixel converts v points to whole pixels with round (math.Floor,
// math.Ceil, math.Round), kept a little beyond the page so that the
// conversion to int cannot overflow.
func (r *renderer) pixel(v float64, round func(float64) float64) int {
	limit := float64(max(r.size.X, r.size.Y) + 1)
	return int(round(max(-1, min(v*r.scale, limit))))
}

func (r *renderer) setColor(c layout.Color) {
	r.src.C = color.RGBA{c.R, c.G, c.B, 0xff}
}

// pen draws an outline given in points into a rasterizer whose origin is
// the pixel (dx, dy) of the page.
type pen struct {
	z      *vector.Rasterizer
	scale  float64
	dx, dy float64
}

// pt converts a point to the rasterizer's pixels. Coordinates are kept
// within a hundred thousand pixels: the rasterizer walks every row from a
// segment's start, and one at -1e30 would take it billions of steps.
func (p *pen) pt(x, y float64) (float32, float32) {
	const far = 1e5
	return float32(max(-far, min(x*p.scale-p.dx, far))), float32(max(-far, min(y*p.scale-p.dy, far)))
}

func (p *pen) MoveTo(x, y float64) { p.z.MoveTo(p.pt(x, y)) }
func (p *pen) LineTo(x, y float64) { p.z.LineTo(p.pt(x, y)) }
func (p *pen) Close()              { p.z.ClosePath() }

func (p *pen) CubeTo(x1, y1, x2, y2, x3, y3 float64) {
	ax, ay := p.pt(x1, y1)
	bx, by := p.pt(x2, y2)
	cx, cy := p.pt(x3, y3)
	p.z.CubeTo(ax, ay, bx, by, cx, cy)
}

// finite reports whether none of vs is infinite or NaN.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
