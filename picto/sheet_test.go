package picto

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"livret/fonts"
)

var sheet = flag.String("sheet", "", "write a contact sheet of all icons to this PNG file")

// TestContactSheet draws every icon, large and at print sizes (18 and 24 pt
// at 96 dpi), with its name, for a human to check:
//
//	go test ./picto -run ContactSheet -sheet /tmp/picto-sheet.png
func TestContactSheet(t *testing.T) {
	if *sheet == "" {
		t.Skip("no -sheet file given")
	}
	const (
		cols  = 4
		cellW = 330
		cellH = 170
		big   = 96
	)
	fam, err := fonts.Lookup("luciole")
	if err != nil {
		t.Fatal(err)
	}
	otf, err := opentype.Parse(fam.Regular.Data())
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(otf, &opentype.FaceOptions{Size: 15, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	rows := (len(icons) + cols - 1) / cols
	img := image.NewRGBA(image.Rect(0, 0, cols*cellW, rows*cellH))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	grey := image.NewUniform(color.Gray{0xdd})
	for i, ic := range icons {
		x0, y0 := i%cols*cellW, i/cols*cellH
		// Cell frame and the icon's box, so overflow shows.
		draw.Draw(img, image.Rect(x0, y0, x0+cellW, y0+1), grey, image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(x0, y0, x0+1, y0+cellH), grey, image.Point{}, draw.Src)
		box := image.Rect(x0+10, y0+10, x0+10+big, y0+10+big)
		draw.Draw(img, box.Inset(-1), grey, image.Point{}, draw.Src)
		draw.Draw(img, box, image.White, image.Point{}, draw.Src)
		x := x0 + 10
		for _, px := range []int{big, 32, 24} {
			mask := rasterize(&ic, px)
			r := image.Rect(x, y0+10+big-px, x+px, y0+10+big)
			draw.DrawMask(img, r, image.Black, image.Point{}, mask, image.Point{}, draw.Over)
			x += px + 16
		}
		d := font.Drawer{Dst: img, Src: image.Black, Face: face}
		lines := []string{ic.Name}
		for j, line := range lines {
			d.Dot = fixed.P(x0+10, y0+big+32+j*17)
			d.DrawString(line)
		}
	}
	f, err := os.Create(*sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	t.Logf("contact sheet written to %s", *sheet)
}
