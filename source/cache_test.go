package source

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCache downloads a source into the cache, revalidates it, falls back
// on it when the server fails, and never keeps a half-written copy.
func TestCache(t *testing.T) {
	t.Parallel()
	csv, err := os.ReadFile("testdata/national-export.csv")
	if err != nil {
		t.Fatal(err)
	}
	mode := "ok"
	requests := 0
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		switch mode {
		case "ok":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Disposition", `attachment; filename="lieux-mediation-numerique.csv"`)
			w.Write(csv)
		case "changed":
			w.Header().Set("ETag", `"v2"`)
			w.Write(csv[:len(csv)/2])
		case "cut":
			w.Header().Set("Content-Length", "100000")
			w.Write(csv[:100])
			w.(http.Flusher).Flush()
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		case "down":
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := &Cache{Dir: filepath.Join(t.TempDir(), "cache"), Now: func() time.Time { return day }}
	opt := Options{Client: srv.Client()}
	get := func(want CopyHow) Copy {
		t.Helper()
		cp, err := c.Get(context.Background(), "national", srv.URL+"/r/1", opt)
		if err != nil {
			t.Fatal(err)
		}
		if cp.How != want {
			t.Errorf("%s: how %v, want %v (%s)", mode, cp.How, want, cp.Problem)
		}
		files, _ := os.ReadDir(c.Dir)
		for _, f := range files {
			if strings.HasSuffix(f.Name(), ".part") {
				t.Errorf("%s: half-written file %s left", mode, f.Name())
			}
		}
		return cp
	}

	cp := get(Downloaded)
	if b, _ := os.ReadFile(cp.Path); string(b) != string(csv) || filepath.Base(cp.Path) != "national.csv" || !cp.Downloaded.Equal(day) {
		t.Errorf("copy %+v", cp)
	}
	r, err := OpenCopy(cp, "national", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if recs, _, err := readAll(t, r); err != nil || len(recs) != 28 {
		t.Errorf("%d records, %v", len(recs), err)
	}
	r.Close()

	day = day.AddDate(0, 0, 1)
	cp = get(Unchanged)
	if !cp.Downloaded.Equal(day.AddDate(0, 0, -1)) || !cp.Checked.Equal(day) {
		t.Errorf("revalidated copy %+v", cp)
	}

	for _, m := range []string{"cut", "down"} {
		mode = m
		day = day.AddDate(0, 0, 1)
		cp = get(Offline)
		if b, _ := os.ReadFile(cp.Path); string(b) != string(csv) || cp.Problem == "" {
			t.Errorf("%s: copy %+v changed", m, cp)
		}
	}
	mode = "changed"
	cp = get(Downloaded)
	if b, _ := os.ReadFile(cp.Path); len(b) != len(csv)/2 {
		t.Errorf("new copy of %d bytes", len(b))
	}

	// No copy yet and no server: the error says why.
	empty := &Cache{Dir: filepath.Join(t.TempDir(), "vide")}
	mode = "down"
	if _, err := empty.Get(context.Background(), "national", srv.URL+"/r/1", opt); err == nil || !strings.Contains(err.Error(), "erreur 503") || !strings.Contains(err.Error(), "aucune copie n’est encore gardée") {
		t.Errorf("error %v", err)
	}
}
