package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
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

// TestLeafletTooLarge: a sheet that cannot hold even one place says what
// to choose instead.
func TestLeafletTooLarge(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		advice string
	}{
		{[]string{"--format", "A5"}, "choisissez --format A4"},
		{[]string{"--taille", "32"}, "choisissez une taille de texte plus petite (--taille 18)"},
	} {
		args := append([]string{"depliant", "--source", charente, "--commune", "Angoulême", "-o", filepath.Join(t.TempDir(), "d.pdf")}, tt.args...)
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "même un seul lieu ne tient pas sur le dépliant") || !strings.Contains(err.Error(), tt.advice) {
			t.Errorf("%v: %v", tt.args, err)
		}
	}
}
