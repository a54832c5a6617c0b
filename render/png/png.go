package png

import (
	"errors"
	"fmt"
	"image"
	"image/draw"
	stdpng "image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"livret/internal/atomicfile"
	"livret/layout"
)

// MaxDPI is the highest resolution Page accepts: an A4 page at 600 dpi is
// already 35 million pixels.
const MaxDPI = 600

// Page draws page i (0-based) of the book at dpi dots per inch. The image
// is ceil(width × dpi / 72) by ceil(height × dpi / 72) pixels, as pdftoppm
// makes it; the paper is white unless the book paints it.
//
// Page may be called from several goroutines at once: each call has its
// own font cache. To draw several pages, Write shares one.
func Page(b *layout.Book, i int, dpi float64) (*image.RGBA, error) {
	r, err := newRenderer(b, dpi)
	if err != nil {
		return nil, err
	}
	return r.page(i)
}

// Write draws the first pages of the book (all of them if it has fewer)
// into dir, created if needed, as page-01.png, page-02.png… and returns
// the paths of the files, in page order. Each file is written under a
// temporary name and then renamed, so that no half-written image is ever
// left under its final name. Files of an earlier run beyond the pages
// written are left as they are. On error, the paths of the files already
// written come with it.
func Write(dir string, b *layout.Book, pages int, dpi float64) ([]string, error) {
	if pages < 1 {
		return nil, fmt.Errorf("nombre de pages d’aperçu invalide\u00a0: %d (il en faut au moins une)", pages)
	}
	r, err := newRenderer(b, dpi)
	if err != nil {
		return nil, err
	}
	pages = min(pages, len(b.Pages))
	if pages == 0 {
		return nil, errors.New("le livret n’a aucune page\u00a0: pas d’aperçu")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("création du dossier d’aperçu «\u00a0%s\u00a0» impossible\u00a0: %w", dir, err)
	}
	// Two digits at least, more for long books, so that names sort in page order.
	digits := max(2, len(strconv.Itoa(pages)))
	var paths []string
	for i := range pages {
		img, err := r.page(i)
		if err != nil {
			return paths, err
		}
		path := filepath.Join(dir, fmt.Sprintf("page-%0*d.png", digits, i+1))
		if err := writeFile(path, img); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// writeFile encodes img to path, whole or not at all.
func writeFile(path string, img image.Image) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		// Best speed: twice as fast as the default level on a guide's pages,
		// for files 4 % larger.
		return (&stdpng.Encoder{CompressionLevel: stdpng.BestSpeed}).Encode(w, img)
	})
	if err != nil {
		return fmt.Errorf("écriture de l’aperçu «\u00a0%s\u00a0» impossible\u00a0: %w", path, err)
	}
	return nil
}

// newRenderer checks the book's page size and the resolution.
func newRenderer(b *layout.Book, dpi float64) (*renderer, error) {
	if !(dpi >= 1 && dpi <= MaxDPI) {
		return nil, fmt.Errorf("résolution d’aperçu invalide\u00a0: %g\u00a0ppp (de 1 à %d\u00a0ppp)", dpi, MaxDPI)
	}
	if b == nil || !(b.Width > 0 && b.Height > 0) || math.IsInf(b.Width, 0) || math.IsInf(b.Height, 0) {
		return nil, errors.New("format de page invalide pour l’aperçu")
	}
	scale := dpi / 72
	// Ceiling as pdftoppm does, less a hair so that float error on a
	// whole number of pixels adds no column.
	w, h := math.Ceil(b.Width*scale-1e-6), math.Ceil(b.Height*scale-1e-6)
	if w*h > 50e6 {
		return nil, fmt.Errorf("page de %g\u00a0×\u00a0%g\u00a0pt trop grande pour un aperçu à %g\u00a0ppp", b.Width, b.Height, dpi)
	}
	return &renderer{book: b, scale: scale, size: image.Pt(int(w), int(h))}, nil
}

// page draws page i on white paper.
func (r *renderer) page(i int) (*image.RGBA, error) {
	if i < 0 || i >= len(r.book.Pages) {
		return nil, fmt.Errorf("page %d inexistante\u00a0: le livret en compte %d", i+1, len(r.book.Pages))
	}
	img := image.NewRGBA(image.Rectangle{Max: r.size})
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r.img = img
	defer func() { r.img = nil }()
	for _, it := range r.book.Pages[i].Items {
		if err := r.item(it); err != nil {
			return nil, fmt.Errorf("page %d\u00a0: %w", i+1, err)
		}
	}
	return img, nil
}
