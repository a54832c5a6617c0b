package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorrectionsLoop runs the monthly loop of the README: export, correct,
// print. The workbook comes back as a source, the corrections file starts
// from the template, and what it adds is printed in the guide.
func TestCorrectionsLoop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wb := filepath.Join(dir, "pessac.xlsx")
	if _, stderr, err := run(t, "exporter", "--commune", "Pessac", "--sortie", wb); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	tpl := filepath.Join(dir, "modele.xlsx")
	if _, stderr, err := run(t, "exporter", "--modele-corrections", "--sortie", tpl); err != nil || !strings.Contains(stderr, "Modèle de corrections écrit") {
		t.Fatalf("%v\n%s", err, stderr)
	}
	corr := filepath.Join(dir, "corrections.csv")
	if err := os.WriteFile(corr, []byte("Identifiant,Fermeture temporaire,Comment s’y rendre,Action\n"+
		"1747,Fermé du 1er au 15 août,\"Tram B, arrêt Unitec\",\n1890,,,masquer\nparti-3,,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "guide.pdf")
	_, stderr, err := run(t, "guide", "--source", wb, "--corrections", corr, "--date", "2026-11-23", "--sortie", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	stderr = plainSpaces(stderr)
	for _, want := range []string{
		"Lecture de « " + wb + " » : 5 lignes lues, 5 lieux retenus",
		"1 lieu corrigé, 0 lieu ajouté, 1 lieu masqué ; 1 correction vise un lieu absent de la source.",
		"(1747) corrigé : Fermeture temporaire, Comment s’y rendre",
		"aucun lieu d’identifiant « parti-3 » dans la source",
		"Sélection : 4 lieux retenus.",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("messages lack %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "avertissement") {
		t.Errorf("the workbook livret wrote gets warnings:\n%s", stderr)
	}
	needTools(t, "pdftotext")
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Join(strings.Fields(plainSpaces(string(text))), " ")
	for _, want := range []string{"Fermé du 1er au 15 août", "Tram B, arrêt Unitec"} {
		if !strings.Contains(page, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
	if strings.Contains(page, "MAISON DE SIMONE") || strings.Contains(page, "Maison de Simone") {
		t.Error("hidden place printed")
	}
}
