package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"livret/internal/pdfua"
)

const charente = "../../testdata/donnees/charente-hybride-v1-2024-09-12.json"

// TestLeafletNearest makes leaflets of the Charente file, where Angoulême
// has more places than a sheet holds: each prints the nearest that fit,
// nearest first, says how many others there are, and never refuses.
func TestLeafletNearest(t *testing.T) {
	needTools(t, "pdfinfo", "pdftotext")
	kept := regexp.MustCompile(`Sélection : (\d+) lieux? retenus?`)
	says := regexp.MustCompile(`Ce dépliant donne (?:les (\d+) lieux les plus proches|le lieu le plus proche)\s*; il y en a (\d+|un) autres?\.`)
	where := regexp.MustCompile(`Vous les? trouverez dans le guide « Où se faire aider avec le numérique \? » et sur la carte en ligne :`)
	distance := regexp.MustCompile(`, à (\d+(?:,\d)?) (m|km)\b`)
	for _, tt := range []struct {
		name      string
		args      []string
		shown     func(int) bool
		distances bool
		territory string
	}{
		{"around a point", []string{"--autour", "Angoulême", "--rayon", "10"}, func(n int) bool { return n >= 3 }, true, "à moins de 10 km d’Angoulême"},
		{"a commune", []string{"--commune", "Angoulême"}, func(n int) bool { return n >= 3 }, false, "numérique ? Angoulême 1 "},
		{"at most two", []string{"--autour", "Angoulême", "--rayon", "0.5", "--max", "1"}, func(n int) bool { return n == 1 }, true, "à moins de 500 m d’Angoulême"},
		{"the whole département", []string{"--departement", "16"}, func(n int) bool { return n >= 3 }, false, "Charente"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "depliant.pdf")
			args := append([]string{"depliant", "--source", charente, "--date", "2026-12-01", "-o", out}, tt.args...)
			_, stderr, err := run(t, args...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if n := pageCount(t, out); n != 2 {
				t.Errorf("%d pages", n)
			}
			m := kept.FindStringSubmatch(plainSpaces(stderr))
			if m == nil {
				t.Fatalf("no selection count in\n%s", stderr)
			}
			total, _ := strconv.Atoi(m[1])
			raw, err := exec.Command("pdftotext", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(plainSpaces(string(raw))), " ")
			m = says.FindStringSubmatch(text)
			if m == nil {
				t.Fatalf("does not say how many others in\n%s", text)
			}
			shown, others := 1, 1
			if m[1] != "" {
				shown, _ = strconv.Atoi(m[1])
			}
			if m[2] != "un" {
				others, _ = strconv.Atoi(m[2])
			}
			if !tt.shown(shown) || shown+others != total {
				t.Errorf("%d shown and %d others of %d", shown, others, total)
			}
			if !strings.Contains(text, tt.territory) {
				t.Errorf("no %q in\n%s", tt.territory, text)
			}
			if !where.MatchString(text) {
				t.Errorf("does not say where to find the others:\n%s", text)
			}
			var metres []float64
			for _, d := range distance.FindAllStringSubmatch(text, -1) {
				v, _ := strconv.ParseFloat(strings.Replace(d[1], ",", ".", 1), 64)
				if d[2] == "km" {
					v *= 1000
				}
				metres = append(metres, v)
			}
			if tt.distances && len(metres) != shown {
				t.Errorf("%d distances for %d places: %v", len(metres), shown, metres)
			}
			for i := 1; i < len(metres); i++ {
				if metres[i] < metres[i-1] {
					t.Errorf("not nearest first: %v", metres)
				}
			}
		})
	}
}

func TestLeafletMaxRefused(t *testing.T) {
	for _, v := range []string{"0", "-3"} {
		_, _, err := run(t, "depliant", "--source", charente, "--commune", "Angoulême", "--max", v, "-o", filepath.Join(t.TempDir(), "d.pdf"))
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("--max : « %s » : indiquez un nombre de lieux, 1 au moins", v)) {
			t.Errorf("--max %s: %v", v, err)
		}
	}
}

// TestLeafletLargeType: on A5, or at 24 and 32 pt, where not even one
// whole place fits on the sheet, the leaflet still prints the nearest
// places with their name and phone in very large type, and says how many
// others there are and where; only where even that cannot hold (A5 at
// 32 pt) it refuses, saying what to choose instead.
func TestLeafletLargeType(t *testing.T) {
	needTools(t, "pdftotext")
	says := regexp.MustCompile(`(?:Le lieu le plus proche|Les (\d+) lieux les plus proches) ; (?:l’autre est|les (\d+) autres sont) sur la carte en ligne :`)
	for _, tt := range []struct {
		args   []string
		size   float64
		advice string // when refused
	}{
		{[]string{"--format", "A5"}, 18, ""},
		{[]string{"--format", "A5", "--taille", "24"}, 24, ""},
		{[]string{"--taille", "32"}, 32, ""},
		{[]string{"--format", "A5", "--taille", "32"}, 32, "le dépliant demande une feuille A4 (--format A4)"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "d.pdf")
			args := append([]string{"depliant", "--source", charente, "--commune", "Angoulême", "--date", "2026-12-01", "-o", out}, tt.args...)
			_, stderr, err := run(t, args...)
			if tt.advice != "" {
				if err == nil || !strings.Contains(err.Error(), "même un seul lieu, avec son seul nom et son téléphone, ne tient pas sur le dépliant") || !strings.Contains(err.Error(), tt.advice) {
					t.Errorf("%v: %v", tt.args, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			raw, err := exec.Command("pdftotext", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(plainSpaces(string(raw))), " ")
			// The nearest place of Angoulême in the file, with its phone.
			for _, want := range []string{"Maison des jeunes et de la culture Mosaique", "05 45 91 76 11", "cartographie."} {
				if !strings.Contains(text, want) {
					t.Errorf("no %q in\n%s", want, text)
				}
			}
			m := says.FindStringSubmatch(text)
			if m == nil {
				t.Fatalf("does not say how many others, nor where, in\n%s", text)
			}
			f, _ := os.Open(out)
			sizes, _ := pdfua.TextSizes(f)
			f.Close()
			if len(sizes) == 0 || slices.Max(sizes) < 1.3*tt.size || slices.Min(sizes) < 16 {
				t.Errorf("type from %g to %g pt, want the phone well above %g pt and nothing under 16", slices.Min(sizes), slices.Max(sizes), tt.size)
			}
		})
	}
}
