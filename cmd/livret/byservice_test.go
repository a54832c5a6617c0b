package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGuideByService makes the guide of Isère by commune and by service:
// by service, it opens with the parts by need, then prints each place
// once, as the guide by commune does, in hardly more pages.
func TestGuideByService(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: two guides of Isère out of the national file")
	}
	needTools(t, "pdfinfo", "pdftotext")
	dir := t.TempDir()
	national := "../../testdata/donnees/national-v0.1-2023-02-06.json"
	text := map[string]string{}
	pages := map[string]int{}
	for _, by := range []string{"commune", "service"} {
		out := filepath.Join(dir, by+".pdf")
		if _, stderr, err := run(t, "guide", "--source", national, "--departement", "38", "--par", by, "--date", "2026-12-01", "-o", out); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		raw, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text[by], pages[by] = plainSpaces(string(raw)), pageCount(t, out)
	}
	// The parts by need add some 19 pages to the 94 of the guide by
	// commune; a place printed under each of its services would add as
	// many pages as the places take.
	if pages["service"] > pages["commune"]*5/4 {
		t.Errorf("%d pages by service, %d by commune", pages["service"], pages["commune"])
	}
	// Each place is printed once: its phone number in large type, as many
	// times by service as by commune.
	phone := regexp.MustCompile(`(?m)^0\d( \d\d){4}$`)
	byCommune, byService := len(phone.FindAllString(text["commune"], -1)), len(phone.FindAllString(text["service"], -1))
	if byCommune < 40 || byService != byCommune {
		t.Errorf("%d phone numbers by service, %d by commune", byService, byCommune)
	}
	s := strings.Join(strings.Fields(text["service"]), " ")
	for _, want := range []string{
		"Le guide commence par les besoins : pour chacun, les communes et les lieux où l’on vous aide",
		"Démarches en ligne Pour chaque besoin, les communes où l’on peut vous aider, le nom des lieux et leur page.",
		"Eybens : CCAS Eybens, page ",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("by service, no %q", want)
		}
	}
	// The specific support of a place said as one sentence, where its
	// chips would take more rows (AG_MR_HetH_BonsEnfants, Grenoble).
	if want := "Aide adaptée : personnes sourdes ou malvoyantes, handicap mental, si vous lisez difficilement, en anglais et autres langues Démarches en ligne"; !strings.Contains(s, want) {
		t.Errorf("by service, no %q", want)
	}
	if strings.Contains(s, "rangés par commune") || !strings.Contains(strings.Join(strings.Fields(text["commune"]), " "), "Les lieux sont rangés par commune") {
		t.Error("the how-to does not say how the guide is ordered")
	}
}
