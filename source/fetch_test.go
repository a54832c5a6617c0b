package source

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// local accepts the http:// of the test servers.
var local = Download{AllowHTTP: true}

func TestDownload(t *testing.T) {
	csv, err := os.ReadFile("testdata/national-export.csv")
	if err != nil {
		t.Fatal(err)
	}
	geojson, err := os.ReadFile("testdata/national-export.geojson")
	if err != nil {
		t.Fatal(err)
	}
	xlsx := workbook(t, []string{"Lieux"}, map[string][][]any{"Lieux": {{"nom"}, {"Mairie"}}})
	mux := http.NewServeMux()
	mux.HandleFunc("/export/lieux-mediation-numerique.csv", func(w http.ResponseWriter, r *http.Request) { w.Write(csv) })
	mux.HandleFunc("/api/1/datasets/r/72ae4e77", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/files/lieux%20nationaux.geojson", http.StatusFound)
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) { w.Write(geojson) })
	mux.HandleFunc("/telecharger", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Disposition", `attachment; filename="../lieux.xlsx"`)
		w.Write(xlsx)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!doctype html><html><body>Lieux de médiation numérique</body></html>")
	})
	for _, code := range []int{403, 404, 429, 500, 302} {
		mux.HandleFunc(fmt.Sprintf("/status/%d", code), func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) })
	}
	mux.HandleFunc("/gros", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 5000)) })
	mux.HandleFunc("/flot", func(w http.ResponseWriter, r *http.Request) {
		for range 50 {
			w.Write(make([]byte, 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/coupe", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "10000")
		w.Write(csv[:100])
		w.(http.Flusher).Flush()
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	})
	mux.HandleFunc("/lent", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")

	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)

	ok := []struct {
		path, name string
		format     Format
		records    int
	}{
		{"/export/lieux-mediation-numerique.csv", "lieux-mediation-numerique.csv", CSV, 28},
		{"/api/1/datasets/r/72ae4e77", "lieux nationaux.geojson", GeoJSON, 28},
		{"/telecharger", "lieux.xlsx", XLSX, 1},
	}
	for _, tt := range ok {
		t.Run(tt.path, func(t *testing.T) {
			r, err := Open(context.Background(), srv.URL+tt.path, Options{Download: local})
			if err != nil {
				t.Fatal(err)
			}
			if files, _ := os.ReadDir(tmp); len(files) != 1 {
				t.Errorf("%d temporary files while reading, want 1", len(files))
			}
			recs, _, err := readAll(t, r)
			if err != nil || len(recs) != tt.records || r.Name() != tt.name || r.Format() != tt.format {
				t.Errorf("%d records, %v, name %q, format %v", len(recs), err, r.Name(), r.Format())
			}
			if err := r.Close(); err != nil {
				t.Error(err)
			}
			if files, _ := os.ReadDir(tmp); len(files) != 0 {
				t.Errorf("temporary files left after Close: %v", files)
			}
		})
	}

	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	failures := []struct {
		path string
		ctx  context.Context
		opt  Options
		want string
	}{
		{"/page", nil, Options{}, "fichier « page » : c’est une page web (HTML), pas un tableau de lieux ; les formats lus sont CSV, JSON, GeoJSON et XLSX" +
			" (l’adresse mène peut-être à la page de présentation du jeu de données et non au fichier lui-même)"},
		{"/status/403", nil, Options{}, "le serveur refuse l’accès au fichier (erreur 403)"},
		{"/status/404", nil, Options{}, "il n’y a pas de fichier à cette adresse (erreur 404) ; vérifiez-la"},
		{"/status/429", nil, Options{}, "le serveur reçoit trop de demandes (erreur 429) ; réessayez dans quelques minutes"},
		{"/status/500", nil, Options{}, "le serveur est en difficulté (erreur 500) ; réessayez plus tard"},
		{"/status/302", nil, Options{}, "le serveur a répondu par le code 302 au lieu d’envoyer le fichier"},
		{"/gros", nil, Options{MaxBytes: 1000}, "le fichier à télécharger dépasse la taille maximale de 1000\u00a0octets"},
		{"/flot", nil, Options{MaxBytes: 1000}, "le fichier à télécharger dépasse la taille maximale de 1000\u00a0octets"},
		{"/coupe", nil, Options{}, "le téléchargement a été interrompu : la connexion a été coupée avant la fin"},
		{"/lent", nil, Options{Client: &http.Client{Timeout: 50 * time.Millisecond}}, "le serveur « " + host + " » n’a pas répondu à temps ; réessayez plus tard"},
		{"/export/lieux-mediation-numerique.csv", canceled, Options{}, "téléchargement annulé"},
	}
	for _, tt := range failures {
		t.Run(tt.path, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			tt.opt.Download.AllowHTTP = true
			r, err := Open(ctx, srv.URL+tt.path, tt.opt)
			if err == nil {
				r.Close()
				t.Fatal("no error")
			}
			want := tt.want
			if !strings.HasPrefix(want, "fichier") {
				want = "fichier « " + srv.URL + tt.path + " » : " + want
			}
			if err.Error() != fr(want) {
				t.Errorf("\n got %q\nwant %q", err, fr(want))
			}
			if files, _ := os.ReadDir(tmp); len(files) != 0 {
				t.Errorf("temporary files left: %v", files)
			}
		})
	}

	t.Run("server down", func(t *testing.T) {
		down := httptest.NewServer(http.NotFoundHandler())
		url := down.URL + "/lieux.csv"
		down.Close()
		_, err := Open(context.Background(), url, Options{Download: local})
		want := fr("fichier « " + url + " » : le serveur « " + strings.TrimPrefix(down.URL, "http://") + " » refuse la connexion")
		if err == nil || err.Error() != want {
			t.Errorf("\n got %v\nwant %q", err, want)
		}
	})
}
