package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeLogo writes a PNG of w × h pixels, striped so that it does not
// compress to nothing.
func writeLogo(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.RGBA{0, 38, 84, 255}})
	for y := range h {
		for x := range w {
			if (x/37+y/23)%2 == 0 {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLogoPrintedSize: a big logo is embedded scaled down to its printed
// size at 300 dpi (at most 300 pixels high and 1 200 wide), as pdfimages
// sees it in the guide; a small one is embedded as it is, never scaled
// up; one that claims more than 5 000 pixels a side is refused before
// it is decoded (issue #17, item 3).
func TestLogoPrintedSize(t *testing.T) {
	needTools(t, "pdfimages")
	dir := t.TempDir()
	for _, c := range []struct {
		w, h, wantW, wantH int
	}{
		{4000, 1000, 1200, 300}, // wide: its height bounds it
		{1000, 4000, 75, 300},   // tall
		{240, 80, 240, 80},      // small: as it is
	} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			logo := filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", c.w, c.h))
			writeLogo(t, logo, c.w, c.h)
			tpl := filepath.Join(dir, "ville.yaml")
			os.WriteFile(tpl, []byte("editeur:\n  nom: \"Ville de Pessac\"\n  logo: "+filepath.Base(logo)+"\n"), 0o644)
			out := filepath.Join(dir, "g.pdf")
			if _, stderr, err := run(t, "guide", "--commune", "Pessac", "--modele", tpl, "-o", out); err != nil {
				t.Fatalf("%v %s", err, stderr)
			}
			list, err := exec.Command("pdfimages", "-list", out).Output()
			if err != nil {
				t.Fatal(err)
			}
			var sizes []string
			for _, line := range strings.Split(string(list), "\n")[2:] {
				if f := strings.Fields(line); len(f) > 4 && f[2] == "image" {
					sizes = append(sizes, f[3]+"×"+f[4])
				}
			}
			want := fmt.Sprintf("%d×%d", c.wantW, c.wantH)
			if len(sizes) == 0 || !allEqual(sizes, want) {
				t.Errorf("images of %v in the PDF, want the logo at %s\n%s", sizes, want, list)
			}
		})
	}
	logo := filepath.Join(dir, "bombe.png")
	writeLogo(t, logo, 6000, 10)
	os.WriteFile(filepath.Join(dir, "bombe.yaml"), []byte("editeur:\n  logo: bombe.png\n"), 0o644)
	_, _, err := run(t, "guide", "--commune", "Pessac", "--modele", filepath.Join(dir, "bombe.yaml"), "-o", filepath.Join(dir, "b.pdf"))
	if err == nil || !strings.Contains(plainSpaces(err.Error()), "logo « bombe.png » trop grand (6000 × 10 pixels) : réduisez-le à 5000 pixels de côté au plus") {
		t.Errorf("huge logo: %v", err)
	}
}

func allEqual(values []string, want string) bool {
	for _, v := range values {
		if v != want {
			return false
		}
	}
	return true
}
