package main

import (
	"bufio"
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"livret/corrections"
	"livret/internal/web"
)

// newWebServer runs the web page on the command line's pipeline.
func newWebServer(t *testing.T, cfg web.Config) *httptest.Server {
	t.Helper()
	cfg.Engine = engine{}
	s, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); s.Close() })
	return ts
}

func fetch(t *testing.T, ts *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// TestWebMatchesCommandLine: a stable address gives the very file the
// command line writes with the same options.
func TestWebMatchesCommandLine(t *testing.T) {
	ts := newWebServer(t, web.Config{})
	dir := t.TempDir()
	tests := []struct {
		args []string
		path string
	}{
		{[]string{"guide", "--epci", "Bordeaux Métropole", "--service", "demarches", "--format", "A5", "--date", "2026-11-23"},
			"/guide.pdf?epci=Bordeaux+M%C3%A9tropole&service=demarches&format=A5&date=2026-11-23"},
		{[]string{"guide", "--epci", "Bordeaux Métropole", "--sans-index-lieux", "--date", "2026-11-23"},
			"/guide.pdf?epci=Bordeaux+M%C3%A9tropole&sans-index-lieux=oui&date=2026-11-23"},
		{[]string{"depliant", "--autour", "Saint-Médard-en-Jalles", "--rayon", "5", "--date", "2026-11-23"}, "/depliant.pdf?autour=Saint-M%C3%A9dard-en-Jalles&rayon=5&date=2026-11-23"},
		{[]string{"fiches", "--commune", "Pessac", "--date", "2026-11-23", "--police", "atkinson"}, "/fiches.pdf?commune=Pessac&date=2026-11-23&police=atkinson"},
		{[]string{"exporter", "--departement", "33", "--format", "csv"}, "/lieux.csv?departement=33"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, "sortie")
		if _, stderr, err := run(t, append(tt.args, "-o", out)...); err != nil {
			t.Fatalf("%v: %v %s", tt.args, err, stderr)
		}
		want, _ := os.ReadFile(out)
		resp, got := fetch(t, ts, tt.path)
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d\n%.500s", tt.path, resp.StatusCode, got)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, the command line wrote %d", tt.path, len(got), len(want))
		}
	}
}

// TestWebDocuments: each output of the page, checked as a reader would.
func TestWebDocuments(t *testing.T) {
	ts := newWebServer(t, web.Config{})
	resp, body := fetch(t, ts, "/lieux.xlsx?epci=Bordeaux+M%C3%A9tropole")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Lieux")
	if len(rows) != 52 {
		t.Errorf("spreadsheet of %d rows", len(rows))
	}
	resp, body = fetch(t, ts, "/verifier")
	if !strings.Contains(plainSpaces(string(body)), "387 lignes lues") || !strings.Contains(string(body), "<table>") {
		t.Errorf("check page: %d\n%.500s", resp.StatusCode, body)
	}
	// A leaflet of more places than the sheet holds: the nearest that fit.
	resp, body = fetch(t, ts, "/depliant.pdf?commune=Bordeaux&max=3")
	if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(body, []byte("%PDF-")) {
		t.Errorf("leaflet of Bordeaux: %d\n%.300s", resp.StatusCode, body)
	}
	resp, body = fetch(t, ts, "/resultat?document=guide&commune=Saint-Denis")
	if !strings.Contains(string(body), "Saint-Denis (Seine-Saint-Denis, 93)</a>") {
		t.Errorf("ambiguity not explained: %d", resp.StatusCode)
	}
	resp, body = fetch(t, ts, "/apercu/guide/1.png?commune=Pessac")
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil || img.Bounds().Dx() < 400 {
		t.Errorf("preview: %d %v", resp.StatusCode, err)
	}
	needTools(t, "pdftotext", "pdfinfo")
	resp, body = fetch(t, ts, "/livret.pdf?commune=Bordeaux")
	out := filepath.Join(t.TempDir(), "livret.pdf")
	os.WriteFile(out, body, 0o644)
	info, _ := exec.Command("pdfinfo", out).Output()
	if resp.StatusCode != 200 || !strings.Contains(string(info), "(A4)") {
		t.Errorf("booklet: %d\n%s", resp.StatusCode, info)
	}
}

// TestWebUpload sends a file and a logo as the page's form does.
func TestWebUpload(t *testing.T) {
	ts := newWebServer(t, web.Config{MaxRows: 3})
	var logo bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 300, 100))
	for x := range 300 {
		for y := range 100 {
			img.Set(x, y, color.RGBA{0, 38, 84, 255})
		}
	}
	png.Encode(&logo, img)
	send := func(csv string) *http.Response {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for k, v := range map[string]string{"document": "guide", "commune": "Pessac", "editeur": "CCAS de Pessac",
			"aide-telephone": "05 56 45 12 12", "aide-nom": "Point numérique du CCAS", "date": "2026-11-23"} {
			mw.WriteField(k, v)
		}
		fw, _ := mw.CreateFormFile("fichier", "lieux.csv")
		io.WriteString(fw, csv)
		fw, _ = mw.CreateFormFile("fichier-logo", "logo.png")
		fw.Write(logo.Bytes())
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/envoi", &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Origin", ts.URL)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	csv := "nom;adresse;code_postal;commune;telephone\n" +
		"Médiathèque Jacques-Ellul;21 rue de Camponac;33600;Pessac;05 56 15 83 90\n" +
		"Centre social;3 place de la Ve République;33600;Pessac;\n"
	resp := send(csv)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(plainSpaces(string(body)), "2 lignes lues, 2 lieux retenus") {
		t.Fatalf("%d\n%s", resp.StatusCode, body)
	}
	link := resp.Request.URL.Query()
	pdfPath := "/guide.pdf?" + url.Values{"commune": {"Pessac"}, "editeur": {"CCAS de Pessac"}, "aide-telephone": link["aide-telephone"],
		"aide-nom": link["aide-nom"], "date": {"2026-11-23"}, "donnees": link["donnees"], "logo-envoye": link["logo-envoye"]}.Encode()
	resp, pdfData := fetch(t, ts, pdfPath)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", pdfPath, resp.StatusCode, pdfData)
	}
	needTools(t, "pdftotext", "pdfimages")
	out := filepath.Join(t.TempDir(), "guide.pdf")
	os.WriteFile(out, pdfData, 0o644)
	checkUA(t, out)
	text, _ := exec.Command("pdftotext", out, "-").Output()
	flat := plainSpaces(strings.Join(strings.Fields(string(text)), " "))
	for _, want := range []string{"Médiathèque Jacques-Ellul", "CCAS de Pessac", "Point numérique du CCAS", "05 56 45 12 12", "« lieux.csv »"} {
		if !strings.Contains(flat, want) {
			t.Errorf("guide of the file sent lacks %q", want)
		}
	}
	list, _ := exec.Command("pdfimages", "-list", out).Output()
	if !strings.Contains(string(list), " 300   100 ") {
		t.Errorf("logo sent not in the guide:\n%s", list)
	}
	// Past the bound on rows, the page says so.
	resp = send(csv + "A;1 rue A;33600;Pessac;\nB;2 rue B;33600;Pessac;\n")
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(plainSpaces(string(body)), "le fichier compte plus de 3 lignes, la limite de ce serveur") {
		t.Errorf("row bound: %d\n%s", resp.StatusCode, body)
	}
}

func TestServeurRefusesNetworkWithoutFlag(t *testing.T) {
	_, _, err := run(t, "serveur", "--adresse", "0.0.0.0:0")
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), "ajoutez --reseau") {
		t.Errorf("%v", err)
	}
	_, _, err = run(t, "serveur", "--adresse", "nulle-part")
	if err == nil || !strings.Contains(err.Error(), "HÔTE:PORT") {
		t.Errorf("%v", err)
	}
}

// TestWebCorrections runs the monthly loop on the page: the empty
// workbook, then the corrections sent with the example, as the command
// line applies them.
func TestWebCorrections(t *testing.T) {
	s, err := web.New(web.Config{Engine: engine{}, CorrectionsTemplate: corrections.WriteTemplate})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	resp, body := fetch(t, ts, "/modele-corrections.xlsx")
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("PK")) {
		t.Fatalf("empty workbook: %d", resp.StatusCode)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("document", "guide")
	mw.WriteField("commune", "Pessac")
	fw, _ := mw.CreateFormFile("fichier-corrections", "corrections.csv")
	io.WriteString(fw, "Identifiant,Fermeture temporaire,Comment s’y rendre,Action\n1747,Fermé du 1er au 15 août,\"Tram B, arrêt Unitec\",\n1890,,,masquer\n")
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/envoi", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err = ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	text := plainSpaces(string(page))
	for _, want := range []string{"1 lieu corrigé, 0 lieu ajouté, 1 lieu masqué", "Sélection : 4 lieux retenus"} {
		if !strings.Contains(text, want) {
			t.Errorf("result lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(resp.Request.URL.RawQuery, "corrections-envoyees=") {
		t.Errorf("result address %s does not keep the corrections", resp.Request.URL)
	}
}

// TestWebNationalSource: the page's choice of national data reaches the
// command line's download, with its checks (https only, known
// départements), without the network.
func TestWebNationalSource(t *testing.T) {
	t.Setenv("LIVRET_CACHE", t.TempDir())
	t.Setenv(envNational, "http://127.0.0.1:1/lieux.csv")
	ts := newWebServer(t, web.Config{})
	for path, want := range map[string]string{
		"/resultat?document=guide&donnees=departement&departement=Gironda": "département « Gironda » inconnu",
		"/resultat?document=guide&donnees=national&commune=Pessac":         "https",
	} {
		resp, body := fetch(t, ts, path)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(plainSpaces(string(body)), want) {
			t.Errorf("%s: %d, want %q\n%.2000s", path, resp.StatusCode, want, body)
		}
	}
}

// TestServeurCommand starts `livret serveur` on a free port: it says the
// address to open, answers there, and stops cleanly.
func TestServeurCommand(t *testing.T) {
	app := newApp()
	pr, pw := io.Pipe()
	app.Writer, app.ErrWriter = io.Discard, pw
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- app.RunContext(ctx, []string{"livret", "serveur", "--adresse", "127.0.0.1:0"})
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var addr string
	for lines.Scan() {
		if m := regexp.MustCompile(`ouvrez (http://127\.0\.0\.1:\d+) dans votre navigateur`).FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	if addr == "" {
		t.Fatal("no address said")
	}
	go io.Copy(io.Discard, pr)
	resp, err := http.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("%s: %d", addr, resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("stop: %v", err)
	}
}
