package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"livret/controle"
	"livret/internal/fixtures"
	"livret/internal/pdfua"
	"livret/selection"
	"livret/territoire"
)

// run runs livret in-process and returns its output, error output and
// error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	app := newApp()
	var out, errOut bytes.Buffer
	app.Writer, app.ErrWriter = &out, &errOut
	err := runArgs(context.Background(), app, append([]string{"livret"}, args...))
	return out.String(), errOut.String(), err
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s absent : installez poppler-utils et qpdf (le script .ci/run le fait)", tool)
		}
	}
}

// TestGuideBordeauxMetropole produces the guide of the README's main
// command and checks it as a reader and a screen reader would.
func TestGuideBordeauxMetropole(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "guide.pdf")
	_, stderr, err := run(t, "guide", "--epci", "Bordeaux Métropole", "--date", "2026-11-23", "--sortie", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// The rows outside the territory are counted, not checked.
	if !strings.Contains(plainSpaces(stderr), "387 lignes lues, dont 335 hors du territoire demandé, non vérifiées ; des 52 autres : 51 lieux retenus") ||
		!strings.Contains(plainSpaces(stderr), "Sélection : 51 lieux retenus ; 335 lieux hors critères (335 hors du territoire demandé).") {
		t.Errorf("selection summary: %s", stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("guide file mode %v (%v), want 0644", fi.Mode().Perm(), err)
	}
	checkUA(t, out)
	f, _ := os.Open(out)
	sizes, _ := pdfua.TextSizes(f)
	f.Close()
	for _, s := range sizes {
		if s < 16 {
			t.Fatalf("text at %g pt", s)
		}
	}
	if len(sizes) < 500 {
		t.Errorf("only %d text runs", len(sizes))
	}

	needTools(t, "pdftotext", "qpdf")
	if b, err := exec.Command("qpdf", "--check", out).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %s", b)
	}
	text, _ := exec.Command("pdftotext", out, "-").Output()
	plain := strings.ReplaceAll(string(text), "\u00a0", " ")
	// Every place of the selection is in the guide, with its phone.
	for _, p := range selectedForTest(t, "Bordeaux Métropole") {
		for _, n := range p.Phones {
			if n.Valid() && !strings.Contains(plain, strings.ReplaceAll(n.Display, "\u00a0", " ")) {
				t.Errorf("phone %s of %s missing", n.Display, p.Name)
			}
		}
	}
	for _, want := range []string{"Où se faire aider avec", "Bordeaux Métropole", "Édition du 23 novembre 2026",
		"Comment lire ce guide", "Sommaire", "Index des lieux", "À propos de ce guide", "Luciole"} {
		if !strings.Contains(plain, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
}

// selectedForTest reads the example and selects an EPCI, as the command does.
func selectedForTest(t *testing.T, epci string) []*controle.Place {
	t.Helper()
	places := fixtures.Checked(t, fixtures.Example)
	crit, err := selection.Resolve(territoire.Default(), selection.Query{EPCIs: []string{epci}}, places)
	if err != nil {
		t.Fatal(err)
	}
	var out []*controle.Place
	for _, s := range selection.Select(places, crit).Kept {
		out = append(out, s.Place)
	}
	return out
}

func TestGuideIsReproducible(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var files [2][]byte
	for i := range files {
		out := filepath.Join(dir, "g.pdf")
		if _, stderr, err := run(t, "guide", "--commune", "Pessac", "--date", "2026-11-23", "-o", out); err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		files[i], _ = os.ReadFile(out)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("same input, different PDF")
	}
}

func TestGuideErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "g.pdf")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"guide", "--commune", "Nulpart", "-o", out}, "Aucune commune ne s’appelle « Nulpart ». Vouliez-vous dire : Malpart (Somme, 80) ?"},
		{[]string{"guide", "--commune", "Saint-Denis", "-o", out}, "Précisez le département (par exemple --departement 974)"},
		{[]string{"guide", "--commune", "Bourdeau", "-o", out}, "aucun lieu ne correspond à la sélection (Bourdeau)"},
		{[]string{"guide", "--taille", "12", "-o", out}, "taille de texte 12 pt trop petite"},
		{[]string{"guide", "--police", "comic", "-o", out}, "police « comic » inconnue"},
		{[]string{"guide", "--service", "cuisine", "-o", out}, "« cuisine » n’est pas une valeur connue du champ services"},
		{[]string{"guide", "--commune", "Pessac", "-o", filepath.Join(dir, "absent", "g.pdf")}, "impossible d’écrire dans le dossier"},
		{[]string{"zzzz"}, "la commande « zzzz » n’existe pas. Toutes les commandes : livret --help"},
		{[]string{"abc"}, "la commande « abc » n’existe pas. Toutes les commandes : livret --help"}, // no command near
		{[]string{"vérifier"}, "Vouliez-vous dire « verifier » ?"},
		{[]string{"guid"}, "la commande « guid » n’existe pas. Vouliez-vous dire « guide » ? Toutes les commandes : livret --help"},
		{[]string{"guide", "--inconnue"}, "l’option --inconnue n’existe pas. Toutes les options : livret guide --help"},
		{[]string{"guide", "--sorti", out}, "l’option --sorti n’existe pas. Vouliez-vous dire --sortie ? Toutes les options : livret guide --help"},
		{[]string{"guide", "--Département", "33", "-o", out}, "Vouliez-vous dire --departement ?"},
		{[]string{"guide", "--code_postal", "33600", "-o", out}, "Vouliez-vous dire --code-postal ?"},
		{[]string{"guide", "--sans-index", "-o", out}, "Vouliez-vous dire --sans-index-communes ou --sans-index-lieux ?"},
		{[]string{"lot", "--sortie", dir}, "livret lot n’a pas d’option --sortie. Vouliez-vous dire --dossier ? Toutes les options : livret lot --help"},
		{[]string{"lot", "-o", dir}, "Vouliez-vous dire --dossier ?"},
		{[]string{"guide", "--dossier", dir}, "livret guide n’a pas d’option --dossier. Vouliez-vous dire --sortie ?"},
		{[]string{"lieux", "--taille", "18"}, "livret lieux n’a pas d’option --taille. Elle sert aux commandes guide, depliant, fiches, lot ou indicateurs. Toutes les options : livret lieux --help"},
		{[]string{"--commune", "Pessac", "guide"}, "l’option --commune s’écrit après le nom de la commande, par exemple : livret guide --commune"},
		{[]string{"--inconnue"}, "l’option --inconnue n’existe pas. Toutes les commandes : livret --help"},
		{[]string{"guide", "---sortie", out}, "« ---sortie » : une option s’écrit avec deux tirets, --sortie (voir livret guide --help)"},
		{[]string{"guide", "--=pdf", "-o", out}, "« --=pdf » n’est pas une option"},
		{[]string{"exporter", "--format"}, "il manque la valeur de l’option --format : écrivez par exemple --format xlsx (voir livret exporter --help)"},
		// What Go's flag package would take silently.
		{[]string{"guide", "--taille", "18", "--taille", "20", "-o", out}, "l’option --taille est donnée deux fois : --taille 18, puis --taille 20. Gardez-en une seule."},
		{[]string{"guide", "-o", out, "--sortie", out + "2"}, "l’option --sortie est donnée deux fois : -o " + out + ", puis --sortie " + out + "2."},
		{[]string{"guide", "--format=A4", "--format", "A5", "-o", out}, "l’option --format est donnée deux fois : --format A4, puis --format A5."},
		{[]string{"guide", "foo", "-o", out}, "le mot « foo » n’est pas attendu : livret guide ne prend que des options. Toutes les options : livret guide --help"},
		{[]string{"guide", "-o", out, "--", "foo"}, "le mot « foo » n’est pas attendu"},
		{[]string{"guide", "lieux.csv", "-o", out}, "Pour lire ce fichier, écrivez --source lieux.csv."},
		{[]string{"guide", "Pessac", "-o", out}, "Pour choisir ce territoire, écrivez --commune Pessac."},
		{[]string{"lot", "Gironde"}, "Pour choisir ce territoire, écrivez --departement Gironde."},
		{[]string{"guide", "--epci", "Bordeaux", "Métropole", "-o", out}, "Si « Métropole » fait partie de la valeur de --epci, mettez toute la valeur entre guillemets : --epci \"Bordeaux Métropole\"."},
		{[]string{"guide", "--gratuit", "oui", "-o", out}, "le mot « oui » n’est pas attendu : livret guide ne prend que des options. L’option --gratuit est un interrupteur, sans valeur : écrivez --gratuit seul pour l’activer, --gratuit=false pour le couper."},
		{[]string{"guide", "–sortie", out}, "« –sortie » commence par un tiret long (–) : écrivez deux tirets simples, --sortie"},
		{[]string{"verifier", "—format", "json"}, "« —format » commence par un tiret long"},
		{[]string{"serveur", "maintenant"}, "le mot « maintenant » n’est pas attendu : livret serveur ne prend que des options."},
		{[]string{"guide", "--sorti", out, "--taille", "18", "--taille", "20"}, "Vouliez-vous dire --sortie ?"}, // the unknown option first
		{[]string{"-v", "--version"}, "l’option --version est donnée deux fois : -v et --version. Gardez-en une seule."},
		{[]string{"–help"}, "« –help » commence par un tiret long (–) : écrivez deux tirets simples, --help"},
		{[]string{"--version=oui"}, "l’option --version est un interrupteur"},
		{[]string{"verifier", "a.csv", "b.csv"}, "livret verifier lit une seule SOURCE à la fois : « b.csv » est de trop"},
		// Every path a maker hits once.
		{[]string{"guide", "--format", "A3", "-o", out}, "--format : format « A3 » inconnu ; formats disponibles : A4, A5"},
		{[]string{"guide", "--par", "xyz", "-o", out}, "--par : « xyz » n’est pas un choix possible : commune ou service"},
		{[]string{"guide", "--date", "2026-13-01", "-o", out}, "--date : date « 2026-13-01 » illisible : écrivez-la AAAA-MM-JJ"},
		{[]string{"guide", "--source", filepath.Join(dir, "absent.csv"), "-o", out}, "ce fichier n’existe pas (vérifiez le nom et le dossier)"},
		{[]string{"guide", "--source", dir, "-o", out}, "c’est un dossier, pas un fichier"},
		{[]string{"guide", "--modele", filepath.Join(dir, "absent.yaml"), "-o", out}, "absent.yaml » : ce fichier n’existe pas (vérifiez le nom et le dossier) ; modèles intégrés : "},
		{[]string{"guide", "--modele", dir, "-o", out}, "c’est un dossier ; indiquez le fichier YAML du modèle"},
		{[]string{"guide", "--modele", "nope", "-o", out}, "modèle « nope » inconnu ; modèles disponibles : "},
		{[]string{"guide", "--gratuit=oui", "-o", out}, "l’option --gratuit est un interrupteur"},
		{[]string{"guide", "--taille", "grand", "-o", out}, "la valeur « grand » de l’option --taille n’est pas un nombre entier ; écrivez par exemple --taille 18"},
		{[]string{"guide", "--taille", "99999999999999999999", "-o", out}, "la valeur « 99999999999999999999 » de l’option --taille est trop grande"},
		{[]string{"guide", "--autour", "Pessac", "--rayon", "2,5", "-o", out}, "la valeur « 2,5 » de l’option --rayon n’est pas un nombre (écrivez les décimales après un point : 2.5) ; par exemple --rayon 5"},
		{[]string{"guide", "-o"}, "il manque la valeur de l’option -o"},
		{[]string{"guide", "--delai"}, "il manque la valeur de l’option --delai : écrivez par exemple --delai 15"},
		{[]string{"verifier", "--strict=peut-être"}, "l’option --strict est un interrupteur, sans valeur : écrivez --strict pour l’activer, rien (ou --strict=false) sinon"},
		{[]string{"guide", "--fond", "rose", "-o", out}, "--fond : « rose » n’est pas un choix possible : blanc ou ivoire"},
		{[]string{"exporter", "--format", "pdf", "-o", out}, "--format : « pdf » n’est pas un choix possible : xlsx, csv ou json"},
	}
	for _, tt := range tests {
		_, _, err := run(t, tt.args...)
		if err == nil || !strings.Contains(plainSpaces(err.Error()), tt.want) {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.want)
		}
		if err != nil {
			if exitCode(err) == 0 {
				t.Errorf("%v: exit status 0", tt.args)
			}
			noEnglish(t, tt.args, err.Error())
		}
	}
	// Nothing written, not even a partial file.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

// english are fragments of the messages of urfave/cli and of Go's flag,
// os and strconv packages, none of which may reach a maker.
var english = []string{"flag", "Cannot", "syntax", "invalid", "provided", "defined", "argument", "value", "parse",
	"Incorrect", "Usage", "USAGE", "COMMANDS", "GLOBAL", "OPTIONS:", "help topic", "no such", "permission", "directory",
	"not set", "default:", "out of range", "accepts multiple", "Did you mean", "file does not exist"}

func noEnglish(t *testing.T, args []string, msg string) {
	t.Helper()
	for _, w := range english {
		if strings.Contains(msg, w) {
			t.Errorf("%v: English %q in %q", args, w, msg)
		}
	}
}

// TestMakersPaths runs what a maker types first: no argument, the help,
// the version. Every screen is French.
func TestMakersPaths(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {"--help"}, {"-h"}, {"--version"}, {"-v"}, {"aide"}, {"help", "guide"},
		{"guide", "--help"}, {"guide", "-h"}, {"guide", "aide"}, {"guide", "foo", "--help"}, {"guide", "-h", "--help"}, {"lot", "--help"}} {
		stdout, stderr, err := run(t, args...)
		if err != nil || stdout == "" {
			t.Errorf("%v: %v, %d bytes out", args, err, len(stdout))
		}
		noEnglish(t, args, stdout+stderr)
		if strings.Contains(stdout, `"`) && strings.Contains(stdout, "(par défaut : \"") {
			t.Errorf("%v: Go's quotes around a default", args)
		}
	}
}

// plainSpaces turns no-break spaces into spaces, for comparing messages.
func plainSpaces(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}

func TestVerifier(t *testing.T) {
	t.Parallel()
	stdout, _, err := run(t, "verifier", "../../controle/testdata/cas.csv", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	var bilan map[string]int
	json.Unmarshal(raw["bilan"], &bilan)
	if bilan["lignes_lues"] != 7 || bilan["lieux_retenus"] != 3 || bilan["lignes_ecartees"] != 3 || bilan["doublons_fusionnes"] != 1 {
		t.Errorf("bilan = %v", bilan)
	}
	_, _, err = run(t, "verifier", "--strict", "../../controle/testdata/cas.csv")
	if err == nil || exitCode(err) != 1 {
		t.Errorf("--strict with errors: %v", err)
	}
	stdout, _, err = run(t, "verifier")
	if err != nil || !strings.Contains(plainSpaces(stdout), "387 lignes lues") {
		t.Errorf("verifier on the example: %v\n%s", err, stdout)
	}
}

func TestTerritoires(t *testing.T) {
	t.Parallel()
	stdout, _, err := run(t, "territoires", "bordeaux")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Commune : Bordeaux (Gironde, 33)", "--epci 243300316 ; 28 communes"} {
		if !strings.Contains(plainSpaces(stdout), want) {
			t.Errorf("territoires bordeaux lacks %q:\n%s", want, stdout)
		}
	}
}

func TestLieuxAround(t *testing.T) {
	t.Parallel()
	stdout, stderr, err := run(t, "lieux", "--autour", "44.8067,-0.6311", "--rayon", "2")
	if err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "COMMUNE") || !strings.Contains(lines[0], "DISTANCE") {
		t.Errorf("table:\n%s", stdout)
	}
	for _, l := range lines[1:] {
		if !strings.Contains(l, " km") && !strings.Contains(l, " m") {
			t.Errorf("no distance in %q", l)
		}
	}
}

func TestReorder(t *testing.T) {
	t.Parallel()
	app := newApp()
	got, err := reorder(app, []string{"livret", "verifier", "lieux.csv", "--format", "json", "--strict"})
	want := []string{"livret", "verifier", "--format", "json", "--strict", "--", "lieux.csv"}
	if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("reorder = %q", got)
	}
}

// TestGuideWithTemplateAndLogo uses a user's template: title, publisher,
// logo (an interlaced-free PNG made here), ivory paper.
func TestGuideWithTemplateAndLogo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 300, 100))
	for x := 0; x < 300; x++ {
		for y := 0; y < 100; y++ {
			img.Set(x, y, color.RGBA{0, 38, 84, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	os.WriteFile(filepath.Join(dir, "logo.png"), buf.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "ville.yaml"), []byte("titre: \"Guide du numérique de Pessac\"\nediteur:\n  nom: \"Ville de Pessac\"\n  logo: logo.png\n"), 0o644)
	out := filepath.Join(dir, "g.pdf")
	if _, stderr, err := run(t, "guide", "--commune", "Pessac", "--modele", filepath.Join(dir, "ville.yaml"), "--fond", "ivoire", "-o", out); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	f, _ := os.Open(out)
	defer f.Close()
	if problems, err := pdfua.Check(f); err != nil || len(problems) > 0 {
		t.Errorf("PDF/UA: %v %v", err, problems)
	}
	needTools(t, "pdftotext", "pdfimages")
	text, _ := exec.Command("pdftotext", out, "-").Output()
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Guide du numérique de Pessac", "Ville de Pessac"} {
		if !strings.Contains(flat, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
	list, _ := exec.Command("pdfimages", "-list", out).Output()
	if !strings.Contains(string(list), " 300   100 ") {
		t.Errorf("logo not embedded:\n%s", list)
	}

	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("editeur:\n  logo: absent.png\n"), 0o644)
	_, _, err := run(t, "guide", "--commune", "Pessac", "--modele", filepath.Join(dir, "bad.yaml"), "-o", out)
	if err == nil || !strings.Contains(err.Error(), "logo « absent.png » illisible") {
		t.Errorf("missing logo: %v", err)
	}
}

func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, _ := exec.Command("pdfinfo", path).Output()
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			n := 0
			fmt.Sscan(strings.TrimPrefix(l, "Pages:"), &n)
			return n
		}
	}
	return 0
}

func checkUA(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if problems, err := pdfua.Check(f); err != nil || len(problems) > 0 {
		t.Errorf("%s: PDF/UA: %v %v", filepath.Base(path), err, problems)
	}
	checkIndependently(t, path)
}

func TestLeafletAndSheets(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dep := filepath.Join(dir, "depliant.pdf")
	if _, stderr, err := run(t, "depliant", "--autour", "Saint-Médard-en-Jalles", "--rayon", "5", "-o", dep); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	checkUA(t, dep)
	// More places than the sheet holds: the first that fit, and the count
	// of the others.
	long := filepath.Join(dir, "long.pdf")
	if _, stderr, err := run(t, "depliant", "--commune", "Pessac", "--commune", "Talence", "-o", long); err != nil {
		t.Errorf("leaflet too long: %v %s", err, stderr)
	}
	checkUA(t, long)
	fiches := filepath.Join(dir, "fiches.pdf")
	if _, stderr, err := run(t, "fiches", "--commune", "Pessac", "-o", fiches); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	checkUA(t, fiches)
	needTools(t, "pdfinfo", "pdftotext")
	if n := pageCount(t, dep); n != 2 {
		t.Errorf("leaflet of %d pages", n)
	}
	if n := pageCount(t, fiches); n != 5 {
		t.Errorf("%d sheets for the 5 places of Pessac", n)
	}
	text, _ := exec.Command("pdftotext", fiches, "-").Output()
	if c := strings.Count(string(text), "Fiche imprimée le "); c != 5 {
		t.Errorf("%d sheets dated", c)
	}
	// Away from the guide, which says once the year all its places were
	// updated in, each sheet says its own date.
	if c := strings.Count(string(text), "À jour en "); c != 5 {
		t.Errorf("%d sheets say when their place was updated", c)
	}
}

func TestBooklet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "guide.pdf")
	if _, stderr, err := run(t, "guide", "--commune", "Bordeaux", "--format", "A5", "--livret", "-o", out); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	checkUA(t, out)
	needTools(t, "pdfinfo")
	n := pageCount(t, out)
	booklet := filepath.Join(dir, "guide-livret.pdf")
	if got := pageCount(t, booklet); got != (n+3)/4*2 {
		t.Errorf("%d A5 pages imposed on %d sides", n, got)
	}
	info, _ := exec.Command("pdfinfo", booklet).Output()
	if !strings.Contains(string(info), "841.89 x 595.28 pts (A4)") {
		t.Errorf("booklet not on A4 landscape:\n%s", info)
	}
	_, _, err := run(t, "guide", "--commune", "Bordeaux", "--livret", "-o", out)
	if err == nil || !strings.Contains(err.Error(), "--livret demande --format A5") {
		t.Errorf("--livret on A4: %v", err)
	}
}

func TestLot(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "guides")
	_, stderr, err := run(t, "lot", "--epci", "Bordeaux Métropole", "--par", "commune", "--dossier", dir, "--date", "2026-11-23")
	if err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 17 || !strings.Contains(plainSpaces(stderr), "17 guides écrits") {
		t.Errorf("%d files; %s", len(files), stderr)
	}
	for _, want := range []string{"guide-bordeaux.pdf", "guide-pessac.pdf", "guide-saint-medard-en-jalles.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s not written", want)
		}
	}
	checkUA(t, filepath.Join(dir, "guide-pessac.pdf"))
	// Refused before the source is read: a missing file is not even opened.
	missing := filepath.Join(t.TempDir(), "absent.csv")
	if _, _, err := run(t, "lot", "--dossier", dir, "--source", missing); err == nil || !strings.Contains(err.Error(), "indiquez le territoire à découper") {
		t.Errorf("lot without territory: %v", err)
	}
}

// TestHostileInputs feeds the commands files that real life produces:
// every row invalid, binary garbage, 10 000 columns with a 1 MB cell, a
// UTF-16 export. Each gives a French answer; none crashes.
func TestHostileInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	invalid := write("invalides.csv", []byte("id;nom;adresse;commune\n1;;;\n2;;;\n3;Sans adresse;;\n"))
	_, _, err := run(t, "guide", "--source", invalid, "-o", filepath.Join(dir, "g.pdf"))
	if err == nil || !strings.Contains(plainSpaces(err.Error()), "ne donne aucun lieu : ses 3 lignes sont toutes écartées") {
		t.Errorf("all rows invalid: %v", err)
	}
	stdout, _, err := run(t, "verifier", "--strict", invalid)
	if exitCode(err) != 1 || !strings.Contains(plainSpaces(stdout), "3 lignes écartées (erreurs)") {
		t.Errorf("verifier on invalid rows: %v\n%s", err, stdout)
	}

	garbage := make([]byte, 1<<16)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i>>3)
	}
	_, _, err = run(t, "verifier", write("bizarre.csv", garbage))
	if err == nil || !strings.Contains(err.Error(), "bizarre.csv") || !strings.Contains(err.Error(), "les formats lus sont CSV, JSON, GeoJSON et XLSX") {
		t.Errorf("garbage: %v", err)
	}

	var wide bytes.Buffer
	wide.WriteString("nom;adresse;code_postal;commune")
	for i := range 10000 {
		fmt.Fprintf(&wide, ";colonne_%d", i)
	}
	wide.WriteString("\nMédiathèque;1 rue du Port;33000;Bordeaux;" + strings.Repeat("x", 1<<20) + strings.Repeat(";", 9999) + "\n")
	stdout, _, err = run(t, "verifier", write("large.csv", wide.Bytes()))
	if err != nil || !strings.Contains(plainSpaces(stdout), "1 lieu retenu") {
		t.Errorf("10 000 columns and a 1 MB cell: %v\n%.500s", err, stdout)
	}

	utf16 := []byte{0xff, 0xfe}
	for _, r := range "nom;adresse;code_postal;commune\r\nMédiathèque;1 rue du Port;33000;Bordeaux\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	stdout, _, err = run(t, "lieux", "--source", write("utf16.csv", utf16))
	if err != nil || !strings.Contains(stdout, "Médiathèque") {
		t.Errorf("UTF-16: %v\n%s", err, stdout)
	}
}

// TestHelp shows the help of every command: flags must not clash, and the
// help is in French.
func TestHelp(t *testing.T) {
	t.Parallel()
	for _, cmd := range newApp().Commands {
		stdout, _, err := run(t, cmd.Name, "--help")
		if err != nil || !strings.Contains(stdout, typesetAs("UTILISATION :")) {
			t.Errorf("%s --help: %v\n%s", cmd.Name, err, stdout)
		}
		// « livret aide guide » shows the same screen.
		if aide, _, err := run(t, "aide", cmd.Name); err != nil || aide != stdout {
			t.Errorf("aide %s: %v\n%s", cmd.Name, err, aide)
		}
		// urfave/cli's own words, left in English, would show here.
		for _, english := range []string{typesetAs("(par défaut : false)"), typesetAs("(par défaut : true)"), "(default", "accepts multiple", " value"} {
			if strings.Contains(stdout, english) {
				t.Errorf("%s --help says %q", cmd.Name, english)
			}
		}
	}
	stdout, _, _ := run(t, "--help")
	for _, want := range []string{typesetAs("COMMANDES :"), "guide", "depliant", "verifier", "exporter", "indicateurs"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("livret --help lacks %q", want)
		}
	}
}

func TestExportAndIndicators(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "lieux.xlsx")
	if _, stderr, err := run(t, "exporter", "--epci", "Bordeaux Métropole", "-o", xlsx); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Lieux")
	f.Close()
	if len(rows) != 52 || rows[0][0] != "Nom" {
		t.Errorf("%d rows, header %v", len(rows), rows[0])
	}

	csv := filepath.Join(dir, "lieux.csv")
	if _, stderr, err := run(t, "exporter", "--epci", "Bordeaux Métropole", "--format", "csv", "-o", csv); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	// The CSV of the standard 1.x is read back as it was written.
	stdout, _, err := run(t, "verifier", "--format", "json", csv)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Schema string         `json:"schema"`
		Bilan  map[string]int `json:"bilan"`
	}
	json.Unmarshal([]byte(stdout), &rep)
	if rep.Schema != "1.x" || rep.Bilan["lieux_retenus"] != 51 || rep.Bilan["lignes_ecartees"] != 0 {
		t.Errorf("re-read export: schema %s, %v", rep.Schema, rep.Bilan)
	}

	ind := filepath.Join(dir, "chiffres.xlsx")
	if _, stderr, err := run(t, "indicateurs", "--epci", "Bordeaux Métropole", "-o", ind); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	f, err = excelize.OpenFile(ind)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Communes × services", "Publics", "Frais", "Couverture", "Communes sans lieu"}) {
		t.Errorf("sheets %v", got)
	}
	f.Close()
	indPDF := filepath.Join(dir, "chiffres.pdf")
	// The Gironde: more communes without a place than the table lists.
	if _, stderr, err := run(t, "indicateurs", "--departement", "33", "-o", indPDF); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	checkUA(t, indPDF)

	g := filepath.Join(dir, "guide.pdf")
	if _, stderr, err := run(t, "guide", "--commune", "Pessac", "--indicateurs", "-o", g); err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	checkUA(t, g)
	needTools(t, "pdftotext")
	text, _ := exec.Command("pdftotext", g, "-").Output()
	if strings.Count(string(text), "Les lieux en chiffres") < 2 { // the contents and the page
		t.Error("no page of figures in the guide")
	}
	stdout, _, err = run(t, "lieux", "--commune", "Pessac", "--format", "csv")
	if err != nil || !strings.HasPrefix(stdout, "id,pivot,nom,commune") {
		t.Errorf("lieux --format csv: %v\n%.200s", err, stdout)
	}
}

// TestHelplineTerritory checks that the default helpline, the French short
// number 39 39, is printed in a guide of Gironde and not in one of
// Nouvelle-Calédonie, where it does not reach (issue #12).
func TestHelplineTerritory(t *testing.T) {
	t.Parallel()
	needTools(t, "pdftotext")
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"--commune", "Pessac"}, true},
		{[]string{"--source", "../../testdata/donnees/nouvelle-caledonie-v1-2024-09-12.json", "--commune", "Nouméa"}, false},
	} {
		out := filepath.Join(dir, "g.pdf")
		_, stderr, err := run(t, append(append([]string{"guide"}, tt.args...), "--date", "2026-11-23", "-o", out)...)
		if err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		// Every guide command ends with what to check before printing.
		if !strings.Contains(stderr, "À vérifier avant d’imprimer") || !strings.Contains(stderr, "--appels a-appeler.xlsx") {
			t.Errorf("%v: no summary of what to check:\n%s", tt.args, stderr)
		}
		text, _ := exec.Command("pdftotext", out, "-").Output()
		if got := strings.Contains(string(text), "39\u00a039") || strings.Contains(string(text), "39 39"); got != tt.want {
			t.Errorf("%v: 39 39 printed %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestCallList writes the call list of a territory with verifier.
func TestCallList(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "appels.xlsx")
	_, stderr, err := run(t, "verifier", "--commune", "Pessac", "--appels", out, "--date", "2026-11-23", "--sortie", filepath.Join(t.TempDir(), "r.txt"))
	if err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	s := plainSpaces(stderr)
	for _, want := range []string{"Liste d’appels écrite : " + out + " (5 lieux à appeler sur 5).", "2 lieux sans téléphone valide",
		"Attention : les informations les plus récentes du fichier datent du 7 décembre 2022"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("call list not written: %v", err)
	}
}

// TestTitleOfWholeFile: a guide of a whole file, which names no
// territory, is titled without a « – » left dangling in its information
// (the PDF/UA checker's MH 06: the title in the file information ended
// with a space that the XMP title lacked); one of a territory names it.
func TestTitleOfWholeFile(t *testing.T) {
	t.Parallel()
	needTools(t, "pdfinfo")
	dir := t.TempDir()
	out := filepath.Join(dir, "g.pdf")
	for _, tc := range []struct {
		flags []string
		title string
	}{
		// Guadeloupe and Martinique: two régions, none named.
		{[]string{"--source", "../../testdata/donnees/antilles-sale-2023-05-18.json"}, "Où se faire aider avec le numérique\u202f?"},
		{[]string{"--source", "../../testdata/donnees/national-v0.1-2023-02-06.json", "--departement", "33", "--commune", "Pessac"},
			"Où se faire aider avec le numérique\u202f? – Pessac, Gironde"},
	} {
		args := append([]string{"guide", "--date", "2026-11-23", "-o", out}, tc.flags...)
		if _, stderr, err := run(t, args...); err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		info, _ := exec.Command("pdfinfo", out).Output()
		for _, l := range strings.Split(string(info), "\n") {
			if k, v, _ := strings.Cut(l, ":"); k == "Title" || k == "Subject" {
				v = strings.TrimSpace(v)
				if strings.HasSuffix(v, "–") || k == "Title" && v != tc.title {
					t.Errorf("%v: %s %q, want %q and no dangling dash", tc.flags, k, v, tc.title)
				}
			}
		}
	}
}

// TestMainExitStatus runs the program itself, as a maker's terminal does:
// the mistakes that Go's flag package would take silently end with status
// 2 and a French message, and write nothing.
func TestMainExitStatus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "g.pdf")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"guide", "--taille", "18", "--taille", "20", "-o", out}, "livret : l’option --taille est donnée deux fois"},
		{[]string{"guide", "foo", "-o", out}, "livret : le mot « foo » n’est pas attendu"},
		{[]string{"guide", "--sorti", out}, "livret : l’option --sorti n’existe pas. Vouliez-vous dire --sortie ?"},
		{[]string{"-v", "--version"}, "livret : l’option --version est donnée deux fois"},
	} {
		cmd := exec.Command(os.Args[0], tt.args...)
		cmd.Env = append(os.Environ(), "LIVRET_TEST_MAIN=1")
		got, err := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); err == nil || code != 2 {
			t.Errorf("%v: exit status %d (%v), want 2", tt.args, code, err)
		}
		if !strings.Contains(plainSpaces(string(got)), tt.want) {
			t.Errorf("%v: printed %q, want %q", tt.args, got, tt.want)
		}
		noEnglish(t, tt.args, string(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}
