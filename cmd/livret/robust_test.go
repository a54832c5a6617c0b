package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"livret/controle"
	"livret/selection"
	"livret/territoire"
)

// copyFile copies a test file into dir, for commands that may write.
func copyFile(t *testing.T, from, dir string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, filepath.Base(from))
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestOutputIsInput: no output replaces the file read, also through a
// link, and the input is left as it was.
func TestOutputIsInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := copyFile(t, "../../controle/testdata/cas.csv", dir)
	link := filepath.Join(dir, "lien.csv")
	os.Symlink(src, link)
	before, _ := os.ReadFile(src)
	for _, args := range [][]string{
		{"exporter", "--source", src, "--format", "csv", "--sortie", src},
		{"exporter", "--source", src, "--format", "csv", "--sortie", link},
		{"verifier", src, "--format", "csv", "--sortie", link},
		{"lieux", "--source", link, "--format", "csv", "--sortie", src},
		{"guide", "--source", src, "--rapport", src, "--sortie", filepath.Join(dir, "g.pdf")},
	} {
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "est le fichier lu") || exitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
	if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
		t.Error("the source was changed")
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

// TestOutputToDevice: --sortie /dev/null writes to the device, which
// stays a device even when the tests run as root.
func TestOutputToDevice(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("/dev/null absent")
	}
	if _, stderr, err := run(t, "exporter", "--commune", "Pessac", "--format", "csv", "--sortie", "/dev/null"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null replaced: %v", err)
	}
	_, _, err := run(t, "exporter", "--commune", "Pessac", "--sortie", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "est un dossier") {
		t.Errorf("folder as output: %v", err)
	}
}

// TestOutputsAreReproducible: every file a command writes is the same,
// byte for byte, for the same input and date, whatever the number of
// cores (workbooks used to list their sheets in random order).
func TestOutputsAreReproducible(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bm, day := []string{"--epci", "Bordeaux Métropole"}, []string{"--date", "2026-11-23"}
	for _, c := range []struct {
		file string
		args []string
	}{
		{"g.pdf", slices.Concat([]string{"guide", "--indicateurs"}, bm, day)},
		{"d.pdf", slices.Concat([]string{"depliant", "--autour", "Pessac", "--rayon", "1"}, day)},
		{"f.pdf", slices.Concat([]string{"fiches"}, bm, day)},
		{"i.xlsx", slices.Concat([]string{"indicateurs"}, bm)},
		{"i.pdf", slices.Concat([]string{"indicateurs"}, bm, day)},
		{"e.xlsx", slices.Concat([]string{"exporter"}, bm)},
		{"e.csv", slices.Concat([]string{"exporter", "--format", "csv"}, bm)},
		{"e.json", slices.Concat([]string{"exporter", "--format", "json"}, bm)},
		{"r.json", []string{"verifier", "--format", "json"}},
	} {
		var files [2][]byte
		for i, procs := range []int{1, 8} {
			prev := runtime.GOMAXPROCS(procs)
			out := filepath.Join(dir, c.file)
			args := slices.Concat(c.args, []string{"--sortie", out})
			_, stderr, err := run(t, args...)
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, stderr)
			}
			files[i], _ = os.ReadFile(out)
		}
		if len(files[0]) == 0 || !bytes.Equal(files[0], files[1]) {
			t.Errorf("%v: two runs, two different files (%d and %d bytes)", c.args, len(files[0]), len(files[1]))
		}
	}
	_, _, err := run(t, "guide", "--date", "0001-01-01", "--sortie", filepath.Join(dir, "x.pdf"))
	if err == nil || !strings.Contains(err.Error(), "date « 0001-01-01 » improbable") {
		t.Errorf("year 1: %v", err)
	}
}

// TestSourceWithoutPlace: a file that gives no place stops every command
// with its reason, never blaming the criteria, and fails --strict.
func TestSourceWithoutPlace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		name, content, want string
	}{
		{"entete.csv", "nom;commune;adresse\n", "ne donne aucun lieu : aucune ligne de données ne suit l’en-tête"},
		{"coupe.csv", "nom;commu", "ne donne aucun lieu : aucune ligne de données ne suit l’en-tête"},
		{"autre.csv", "foo;bar;baz\n1;2;3\n4;5;6\n", "ne donne aucun lieu : ses 2 lignes sont toutes écartées ; aucune colonne de l’en-tête n’est une colonne du standard"},
		{"deux-points.csv", "nom:commune:adresse\nA:Gap:1 rue\n", "sa seule ligne est écartée ; la colonne « nom:commune:adresse » réunit 3 colonnes du standard séparées par « : »"},
		{"scalaire.json", "42", "ne donne aucun lieu"},
	} {
		path := filepath.Join(dir, c.name)
		os.WriteFile(path, []byte(c.content), 0o644)
		for _, args := range [][]string{
			{"guide", "--source", path, "--sortie", filepath.Join(dir, "g.pdf")},
			{"exporter", "--source", path, "--sortie", filepath.Join(dir, "e.csv")},
			{"lot", "--source", path, "--departement", "05", "--dossier", filepath.Join(dir, "lot")},
			{"verifier", path, "--strict"},
		} {
			_, _, err := run(t, args...)
			if err == nil || !strings.Contains(plainSpaces(err.Error()), c.want) || strings.Contains(err.Error(), "critères") || exitCode(err) != 1 {
				t.Errorf("%v: %v, want %q", args, err, c.want)
			}
		}
		_, stderr, err := run(t, "verifier", path)
		if err != nil || !strings.Contains(plainSpaces(stderr), "Attention : «") {
			t.Errorf("verifier without --strict: %v %q", err, stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 5 {
		t.Errorf("files written: %v", entries)
	}
}

// TestRadiusIsADistance: NaN compared as no limit; it and Inf are refused.
func TestRadiusIsADistance(t *testing.T) {
	t.Parallel()
	for _, r := range []string{"NaN", "Inf", "-Inf", "1e300", "0"} {
		_, _, err := run(t, "lieux", "--autour", "Pessac", "--rayon", r)
		if err == nil || !strings.Contains(err.Error(), "--rayon : rayon « ") || exitCode(err) != 2 {
			t.Errorf("--rayon %s: %v", r, err)
		}
	}
}

// TestSplitKeepsHomonymsApart: lot --par commune groups by INSEE code;
// communes of one name get their département in the title and the file,
// and names that make the same file get their code.
func TestSplitKeepsHomonymsApart(t *testing.T) {
	t.Parallel()
	atlas := territoire.Default()
	var kept []selection.Selected
	add := func(com *territoire.Commune) {
		kept = append(kept, selection.Selected{Place: &controle.Place{Location: territoire.Location{Commune: com}}})
	}
	for _, code := range []string{"93066", "97411", "93066", "33063"} { // Saint-Denis twice, Bordeaux
		com, _, ok := atlas.Commune(code)
		if !ok {
			t.Fatalf("commune %s absent from the atlas", code)
		}
		add(com)
	}
	gironde, _ := atlas.Departement("33")
	add(&territoire.Commune{Code: "99001", Name: "Saint-Étienne", Departement: gironde})
	add(&territoire.Commune{Code: "99002", Name: "Saint Etienne", Departement: gironde})
	add(nil)
	var got []string
	batches := split(kept, nil, "commune")
	for _, b := range batches {
		got = append(got, fmt.Sprintf("%s|%s|%d", b.name, b.slug, len(b.places)))
	}
	// Made largest first, the others in French order.
	if first := largestFirst(batches); first[0].name != "Saint-Denis (Seine-Saint-Denis)" || first[1].name != "Bordeaux" || len(first) != len(batches) {
		t.Errorf("largest first: %s, %s…", first[0].name, first[1].name)
	}
	want := []string{
		"Bordeaux|bordeaux|1",
		"Communes non reconnues|communes-non-reconnues|1",
		"Saint-Denis (La Réunion)|saint-denis-la-reunion|1",
		"Saint-Denis (Seine-Saint-Denis)|saint-denis-seine-saint-denis|2",
		"Saint Etienne|saint-etienne-99002|1",
		"Saint-Étienne|saint-etienne-99001|1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("batches\n got %q\nwant %q", got, want)
	}
}

// TestLinksAreHTTPS: a site_web that a browser would run is dropped and
// reported; an http one is reported and linked in https.
func TestLinksAreHTTPS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "lieux.csv")
	os.WriteFile(src, []byte("nom;adresse;code_postal;commune;site_web\n"+
		"Médiathèque;1 rue Jean-Jaurès;33600;Pessac;javascript:alert(1)\n"+
		"Cyber-base;2 rue Jean-Jaurès;33600;Pessac;http://cyber.exemple.fr\n"), 0o644)
	stdout, _, err := run(t, "verifier", src)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"site_web : l’adresse « javascript:alert(1) » est refusée : seules les adresses web https:// deviennent un lien ou un code QR → ignorée",
		"site_web : adresse web « http://cyber.exemple.fr » non chiffrée (http://) → lien et code QR vers https://cyber.exemple.fr",
	} {
		if !strings.Contains(plainSpaces(stdout), want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	out := filepath.Join(dir, "g.pdf")
	if _, stderr, err := run(t, "guide", "--source", src, "--date", "2026-11-23", "--sortie", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// The link annotations are in object streams: qpdf writes them out.
	needTools(t, "qpdf")
	plain := filepath.Join(dir, "plain.pdf")
	if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", out, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, b)
	}
	pdf, _ := os.ReadFile(plain)
	if bytes.Contains(pdf, []byte("javascript")) || bytes.Contains(pdf, []byte("http://cyber")) || !bytes.Contains(pdf, []byte("https://cyber.exemple.fr")) {
		t.Error("the guide links to something else than https://cyber.exemple.fr")
	}
}
