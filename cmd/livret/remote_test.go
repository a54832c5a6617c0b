package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestNamedSources checks the addresses of the national data.
func TestNamedSources(t *testing.T) {
	for _, tc := range []struct{ location, url string }{
		{"national", nationalURL},
		{"departement:33", cartographieURL + "/nouvelle-aquitaine/gironde/lieux/exporter"},
		{"departement:Gironde", cartographieURL + "/nouvelle-aquitaine/gironde/lieux/exporter"},
		{"departement:13", cartographieURL + "/provence-alpes-cote-dazur/bouches-du-rhone/lieux/exporter"},
		{"departement:2a", cartographieURL + "/corse/corse-du-sud/lieux/exporter"},
		{"departement:Côtes-d’Armor", cartographieURL + "/bretagne/cotes-d-armor/lieux/exporter"},
		{"departement:974", cartographieURL + "/la-reunion/la-reunion/lieux/exporter"},
	} {
		rm, named, err := namedSource(tc.location, "")
		if err != nil || !named || rm.url != tc.url {
			t.Errorf("%s: %+v %v %v, want %s", tc.location, rm, named, err, tc.url)
		}
	}
	if _, named, _ := namedSource("lieux.csv", ""); named {
		t.Error("a file taken for a named source")
	}
	if _, _, err := namedSource("departement:Gironda", ""); err == nil || !strings.Contains(err.Error(), "département « Gironda » inconnu") {
		t.Errorf("error %v", err)
	}
	t.Setenv(envNational, "https://miroir.exemple.fr/lieux.csv")
	if rm, _, _ := namedSource("national", ""); rm.url != "https://miroir.exemple.fr/lieux.csv" {
		t.Errorf("environment ignored: %s", rm.url)
	}
	if rm, _, _ := namedSource("national", "https://autre.exemple.fr/l.csv"); rm.url != "https://autre.exemple.fr/l.csv" {
		t.Errorf("--adresse ignored: %s", rm.url)
	}
}

// TestNationalSource runs --source national against a local server: the
// first run downloads, the next finds the copy current, and with the
// server down livret works from the copy and says how old it is.
func TestNationalSource(t *testing.T) {
	csv, err := os.ReadFile("../../source/testdata/national-export.csv")
	if err != nil {
		t.Fatal(err)
	}
	down := false
	var agent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		switch {
		case down:
			w.WriteHeader(http.StatusBadGateway)
		case r.Header.Get("If-None-Match") == `"j1"`:
			w.WriteHeader(http.StatusNotModified)
		default:
			w.Header().Set("ETag", `"j1"`)
			w.Header().Set("Content-Disposition", `attachment; filename="lieux-mediation-numerique.csv"`)
			w.Write(csv)
		}
	}))
	defer srv.Close()
	t.Setenv("LIVRET_CACHE", t.TempDir())
	t.Setenv(envNational, srv.URL+"/api/1/datasets/r/lieux")

	lieux := func() string {
		t.Helper()
		_, stderr, err := run(t, "lieux", "--source", "national", "--http")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		return plainSpaces(stderr)
	}
	for _, want := range [][]string{
		{"Téléchargé : fichier national des lieux de médiation numérique (data.gouv.fr), 13 ko (« lieux-mediation-numerique.csv »).", "Lecture de « national » : 28 lignes lues"},
		{"Données à jour : fichier national des lieux de médiation numérique (data.gouv.fr), inchangé depuis le téléchargement du "},
	} {
		got := lieux()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("messages lack %q:\n%s", w, got)
			}
		}
	}
	if !strings.HasPrefix(agent, "livret/") {
		t.Errorf("user agent %q", agent)
	}
	down = true
	if got := lieux(); !strings.Contains(got, "Téléchargement impossible (le serveur est en difficulté (erreur 502) ; réessayez plus tard).") ||
		!strings.Contains(got, "livret utilise la copie gardée du ") || !strings.Contains(got, ", d’aujourd’hui : fichier national") {
		t.Errorf("offline messages:\n%s", got)
	}
	// Without --http the address is refused; the copy kept is used.
	down = false
	if _, stderr, _ := run(t, "lieux", "--source", "national"); !strings.Contains(plainSpaces(stderr), "Téléchargement impossible (adresse non chiffrée (http://) refusée") {
		t.Errorf("http accepted without --http:\n%s", stderr)
	}
}
