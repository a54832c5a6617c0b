package fonts

import (
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func TestLookup(t *testing.T) {
	for _, name := range []string{"luciole", "Luciole", "atkinson", "Atkinson Hyperlegible"} {
		f, err := Lookup(name)
		if err != nil {
			t.Fatalf("Lookup(%q): %v", name, err)
		}
		if f.Regular.Width("Médiathèque", 18) <= 0 || f.Bold.Ascent(18) <= 0 {
			t.Errorf("%s: no metrics", name)
		}
	}
	if _, err := Lookup("comic"); err == nil || err.Error() != "police « comic » inconnue ; polices disponibles : luciole, atkinson" {
		t.Errorf("Lookup(comic) error = %v", err)
	}
}

// TestWidthMatchesPDFWriter checks that text measured here has the width
// fpdf gives it, so that what is laid out fits where it is drawn.
func TestWidthMatchesPDFWriter(t *testing.T) {
	texts := []string{"Médiathèque Jacques-Ellul", "05 57 65 75 39", "Lundi au vendredi : 9 h – 12 h",
		"« Œuvre » d’accès, ÉÈÊ àâç ôûù ÿŸ €", "WWWWWWWWiiiiiii"}
	for _, name := range Names() {
		fam, _ := Lookup(name)
		for _, face := range []*Face{fam.Regular, fam.Bold} {
			pdf := fpdf.New("P", "pt", "A4", "")
			pdf.AddUTF8FontFromBytes("f", "", face.Data())
			pdf.SetFont("f", "", 18)
			for _, s := range texts {
				s, _ = face.Printable(s)
				if got, want := face.Width(s, 18), pdf.GetStringWidth(s); got != want {
					t.Errorf("%s: Width(%q) = %v, fpdf says %v", face.Name(), s, got, want)
				}
			}
		}
	}
}

func TestPrintable(t *testing.T) {
	luciole, _ := Lookup("luciole")
	atkinson, _ := Lookup("atkinson")
	tests := []struct {
		face    *Face
		in      string
		want    string
		missing []rune
	}{
		// Luciole has no no-break space but a thin space.
		{luciole.Regular, "05\u00a057\u00a065", "05 57 65", nil},
		{luciole.Regular, "Bonjour\u202f!", "Bonjour\u2009!", nil},
		// Atkinson has a no-break space but no thin space.
		{atkinson.Regular, "05\u00a057", "05\u00a057", nil},
		{atkinson.Regular, "Bonjour\u202f!", "Bonjour !", nil},
		{luciole.Regular, "rue\u2011x", "rue-x", nil},
		{luciole.Regular, "Nouméa ǎ", "Nouméa a", nil},
		{luciole.Regular, "☎ 3949", "? 3949", []rune{'☎'}},
	}
	for _, tt := range tests {
		got, missing := tt.face.Printable(tt.in)
		if got != tt.want || !slices.Equal(missing, tt.missing) {
			t.Errorf("%s.Printable(%q) = %q, %q; want %q, %q", tt.face.Name(), tt.in, got, missing, tt.want, tt.missing)
		}
	}
}

func TestFrenchCoverage(t *testing.T) {
	french := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’–—…€°·:;!?.,()/@&+'"
	for _, name := range Names() {
		fam, _ := Lookup(name)
		for _, face := range []*Face{fam.Regular, fam.Bold} {
			for _, r := range french {
				if !face.Has(r) {
					t.Errorf("%s lacks %q", face.Name(), r)
				}
			}
		}
	}
}
