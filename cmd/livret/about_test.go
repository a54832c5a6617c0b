package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"livret/guide"
)

// TestAboutNamesTheData: « À propos » names the data as the source tells
// it, on real files of several versions and formats: the title, producer
// and date a file gives of itself (a JSON wrapper, a workbook's
// properties), else the file's own name and the sources its places cite;
// never a directory of the machine nor an address's query string. The
// licence is named only when the source states it.
func TestAboutNamesTheData(t *testing.T) {
	t.Parallel()
	needTools(t, "pdftotext")
	abs := func(rel string) string {
		p, err := filepath.Abs(rel)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	bus := abs("../../testdata/donnees/bus-charente-v0.1-2023-10-12.json")
	rows, err := os.ReadFile(bus)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wrapped := filepath.Join(dir, "lieux-avec-metadonnees.json")
	os.WriteFile(wrapped, []byte(`{"title": "Lieux de médiation numérique de la Charente", "publisher": {"name": "Département de la Charente"}, "modified": "2024-09-12", "license": "ODbL", "data": `+string(rows)+`}`), 0o644)
	workbook := filepath.Join(dir, "bus.xlsx")
	if _, stderr, err := run(t, "exporter", "--source", bus, "--sortie", workbook, "--silencieux"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(rows) }))
	defer srv.Close()

	for _, tc := range []struct {
		name      string
		args      []string
		want, not []string
	}{
		{"v0.1 JSON, one source", []string{"--source", bus},
			[]string{"Données : « bus-charente-v0.1-2023-10-12.json », lieux fournis par Bus France Services en Charente. Guide produit"},
			[]string{"testdata", "donnees/", "Licence Ouverte"}},
		{"national v0.1, sources of the places", []string{"--source", abs("../../testdata/donnees/national-v0.1-2023-02-06.json"), "--departement", "34"},
			[]string{"« national-v0.1-2023-02-06.json », lieux fournis par Conseiller numérique"}, []string{"conseiller-numerique"}},
		{"v1 JSON", []string{"--source", abs("../../testdata/donnees/nouvelle-caledonie-v1-2024-09-12.json"), "--commune", "Nouméa"},
			[]string{"« nouvelle-caledonie-v1-2024-09-12.json », lieux fournis par Nouvelle-Calédonie"}, nil},
		{"JSON metadata", []string{"--source", wrapped},
			[]string{"Données : « Lieux de médiation numérique de la Charente », produites par Département de la Charente, version du 12 septembre 2024, sous licence ODbL."},
			[]string{"lieux-avec-metadonnees.json", "Bus France Services"}},
		{"workbook properties", []string{"--source", workbook},
			[]string{"Données : « Lieux de médiation numérique – Charente », lieux fournis par Bus France Services en Charente"}, []string{"bus.xlsx", "2006"}},
		{"embedded example", []string{"--commune", "Pessac"},
			[]string{"Données : « lieux de Nouvelle-Aquitaine du fichier national data·inclusion, exemple intégré à livret », produites par l’Agence nationale de la cohésion des territoires (ANCT), version du 6 février 2023, sous Licence Ouverte."},
			[]string{"nouvelle-aquitaine.json"}},
		{"address", []string{"--http", "--source", srv.URL + "/export/lieux.json?jeton=secret&format=json"},
			[]string{"Données : « lieux.json »"}, []string{"jeton", "secret", "127.0.0.1", "export/"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "g.pdf")
			if _, stderr, err := run(t, append(append([]string{"guide"}, tc.args...), "--date", "2026-12-02", "--silencieux", "-o", out)...); err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			text, err := exec.Command("pdftotext", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			s := string(text)
			about := s[strings.LastIndex(s, "À propos de ce guide"):]
			about = strings.Join(strings.Fields(strings.ReplaceAll(about, "\u00a0", " ")), " ")
			for _, w := range tc.want {
				if !strings.Contains(about, w) {
					t.Errorf("« À propos » lacks %q:\n%s", w, about)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(about, n) {
					t.Errorf("« À propos » prints %q:\n%s", n, about)
				}
			}
		})
	}
}

// TestAboutNationalSource: a guide of --source national names the
// dataset, its producer and the date of the copy.
func TestAboutNationalSource(t *testing.T) {
	needTools(t, "pdftotext")
	csv, err := os.ReadFile("../../source/testdata/national-export.csv")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(csv) }))
	defer srv.Close()
	t.Setenv("LIVRET_CACHE", t.TempDir())
	t.Setenv(envNational, srv.URL+"/api/1/datasets/r/lieux?format=csv")
	out := filepath.Join(t.TempDir(), "g.pdf")
	if _, stderr, err := run(t, "guide", "--source", "national", "--http", "--date", "2026-12-02", "--silencieux", "-o", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	about := strings.Join(strings.Fields(strings.ReplaceAll(s[strings.LastIndex(s, "À propos de ce guide"):], "\u00a0", " ")), " ")
	want := "Données : « Lieux de médiation numérique (data.gouv.fr) », produites par l’Agence nationale de la cohésion des territoires (ANCT), version du " +
		strings.ReplaceAll(guide.Date(time.Now()), "\u00a0", " ") + ", sous Licence Ouverte."
	if !strings.Contains(about, want) || strings.Contains(about, "format=csv") {
		t.Errorf("« À propos » lacks %q:\n%s", want, about)
	}
}
