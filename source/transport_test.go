package source

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// TestTransport checks the rules of the network: https only unless told,
// no downgrade by redirect, a stalled or endless download abandoned, the
// user agent, revalidation, and no temporary file left behind.
func TestTransport(t *testing.T) {
	csv, err := os.ReadFile("testdata/national-export.csv")
	if err != nil {
		t.Fatal(err)
	}
	var agent string
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(csv) }))
	defer plain.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/lieux.csv", func(w http.ResponseWriter, r *http.Request) {
		agent = r.Header.Get("User-Agent")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 04:00:00 GMT")
		w.Write(csv)
	})
	mux.HandleFunc("/vers-http", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/lieux.csv", http.StatusFound)
	})
	mux.HandleFunc("/boucle", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/boucle", http.StatusFound) })
	mux.HandleFunc("/goutte", func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := w.Write([]byte("n")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/flot", func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := w.Write(bytes.Repeat([]byte("nom\n"), 1000)); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	srv := httptest.NewTLSServer(mux)
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "https://")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opt := Options{Client: srv.Client()}

	var buf bytes.Buffer
	got, err := Fetch(context.Background(), srv.URL+"/lieux.csv", &buf, Options{Client: srv.Client(), Download: Download{UserAgent: "livret/1.2"}})
	if err != nil || !bytes.Equal(buf.Bytes(), csv) || got.ETag != `"v1"` || got.LastModified == "" || agent != "livret/1.2" {
		t.Errorf("fetch: %v, %d bytes, %+v, user agent %q", err, buf.Len(), got, agent)
	}
	buf.Reset()
	got, err = Fetch(context.Background(), srv.URL+"/lieux.csv", &buf, Options{Client: srv.Client(), Download: Download{ETag: `"v1"`}})
	if err != nil || !got.NotModified || buf.Len() != 0 {
		t.Errorf("revalidation: %v, %+v, %d bytes", err, got, buf.Len())
	}

	for _, tt := range []struct {
		name, url string
		opt       Options
		want      string
	}{
		{"http refused", plain.URL + "/lieux.csv", Options{},
			"adresse non chiffrée (http://) refusée : les données pourraient être modifiées en chemin ; utilisez l’adresse en https://, ou ajoutez --http pour un serveur local de confiance"},
		{"downgrade refused even with --http", srv.URL + "/vers-http", Options{Client: srv.Client(), Download: Download{AllowHTTP: true}},
			"le serveur « " + host + " » redirige vers une adresse non chiffrée (" + plain.URL + "/lieux.csv) : téléchargement refusé, les données pourraient être modifiées en chemin"},
		{"redirect loop", srv.URL + "/boucle", opt,
			"le serveur « " + host + " » renvoie d’adresse en adresse sans fin (plus de 10 redirections) ; vérifiez l’adresse"},
		{"stall", srv.URL + "/goutte", Options{Client: srv.Client(), Download: Download{StallWindow: 200 * time.Millisecond, MinRate: 1000}},
			"le téléchargement a été interrompu : le serveur « " + host + " » n’envoie presque plus rien (moins de 1 ko par seconde) : téléchargement abandonné ; réessayez plus tard"},
		{"deadline", srv.URL + "/flot", Options{Client: srv.Client(), Download: Download{Deadline: 300 * time.Millisecond}},
			"le téléchargement a été interrompu : le téléchargement depuis « " + host + " » a duré plus de 1\u00a0seconde : abandonné ; réessayez plus tard ou allongez le délai avec --delai"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r, err := Open(context.Background(), tt.url, tt.opt)
			if err == nil {
				r.Close()
				t.Fatal("no error")
			}
			if want := fr("fichier « " + tt.url + " » : " + tt.want); err.Error() != want {
				t.Errorf("\n got %q\nwant %q", err, want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if files, _ := os.ReadDir(tmp); len(files) != 0 {
				t.Errorf("temporary files left: %v", files)
			}
		})
	}
}
