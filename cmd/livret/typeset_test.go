package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"livret/internal/web"
	"livret/texte"
)

// typesetAs writes, as the messages are printed, a string written with plain
// spaces: tests compare the console with their expectations through it.
func typesetAs(s string) string { return console(texte.NoBreakSpaces(s)) }

// TestMessagesTypeset checks that what livret prints to the maker has its
// French no-break spaces: the messages, on the console and on the web page,
// the help and the error main prints.
func TestMessagesTypeset(t *testing.T) {
	t.Parallel()
	_, stderr, err := run(t, "guide", "--epci", "Bordeaux Métropole", "--date", "2026-11-23", "--sortie", t.TempDir()+"/g.pdf")
	if err != nil {
		t.Fatal(err)
	}
	// The selection is written in several pieces: « ; » opens the second.
	for _, want := range []string{"Sélection : 51\u00a0lieux retenus ; 335\u00a0lieux hors critères", "Guide écrit : "} {
		if !strings.Contains(stderr, typesetAs(want)) {
			t.Errorf("messages lack %q:\n%s", want, stderr)
		}
	}
	if stderr != typesetAs(stderr) {
		t.Errorf("messages with plain spaces left:\n%s", stderr)
	}
	stdout, _, _ := run(t, "territoires", "Angoulême")
	if !strings.Contains(stdout, typesetAs("Commune : Angoulême")) {
		t.Errorf("territoires: %s", stdout)
	}

	// The web page shows the same messages.
	_, body := fetch(t, newWebServer(t, web.Config{}), "/resultat?document=guide&commune=Pessac")
	if !strings.Contains(string(body), typesetAs("Sélection : ")) {
		t.Errorf("web messages:\n%.2000s", body)
	}

	cmd := exec.Command(os.Args[0], "guide", "--taille", "grand")
	cmd.Env = append(os.Environ(), "LIVRET_TEST_MAIN=1")
	out, _ := cmd.CombinedOutput()
	if want := typesetAs("livret : la valeur « grand » de l’option --taille n’est pas un nombre entier ;"); !strings.Contains(string(out), want) {
		t.Errorf("error printed %q, want %q", out, want)
	}
}

// TestTypesetWriter checks the writer across writes and that it reports
// the bytes it was given, not the longer ones it wrote.
func TestTypesetWriter(t *testing.T) {
	var b strings.Builder
	w := newTypeset(&b)
	for _, p := range []string{"Lecture de «", " lieux.csv", " »", " : 3 lieux", " ; fin !\n", " ; indenté\n"} {
		if n, err := w.Write([]byte(p)); n != len(p) || err != nil {
			t.Errorf("Write(%q) = %d, %v", p, n, err)
		}
	}
	if want := "Lecture de «\u00a0lieux.csv\u00a0»\u00a0: 3 lieux\u00a0; fin\u00a0!\n ; indenté\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
}
