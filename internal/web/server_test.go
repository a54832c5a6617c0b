package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"livret/controle"
	"livret/territoire"
)

// recorder is an Engine for the handlers' tests: it keeps the jobs it
// gets and answers with a small document of two pages, or what make
// says.
type recorder struct {
	mu      sync.Mutex
	jobs    []*Job
	running atomic.Int32
	most    atomic.Int32 // jobs running at once, at most
	make    func(*Job) (*Product, error)
}

func (e *recorder) Make(ctx context.Context, job *Job) (*Product, error) {
	n := e.running.Add(1)
	defer e.running.Add(-1)
	for {
		m := e.most.Load()
		if n <= m || e.most.CompareAndSwap(m, n) {
			break
		}
	}
	e.mu.Lock()
	e.jobs = append(e.jobs, job)
	e.mu.Unlock()
	if e.make != nil {
		return e.make(job)
	}
	return &Product{
		Messages: []string{"Sélection : 5 lieux retenus."},
		FileName: job.Document.Name + "-pessac.pdf",
		Write:    func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.7 "+job.Options.Encode()); return err },
		Pages:    2,
		Page: func(i int) (image.Image, error) {
			img := image.NewGray(image.Rect(0, 0, 20, 30))
			img.Set(i, i, color.White)
			return img, nil
		},
		Report: &controle.Report{File: "lieux.csv", Rows: 3, Kept: 2, SetAside: 1,
			Issues: []controle.Issue{{Name: "Sans adresse", Problem: "pas d’adresse", Action: "ligne écartée", Severity: controle.Error}}},
	}, nil
}

func (e *recorder) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.jobs)
}

func (e *recorder) last() *Job {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.jobs) == 0 {
		return nil
	}
	return e.jobs[len(e.jobs)-1]
}

func newTest(t *testing.T, cfg Config) (*Server, *recorder) {
	t.Helper()
	e := &recorder{}
	if cfg.Engine == nil {
		cfg.Engine = e
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, e
}

// get sends a GET as a browser on this computer would.
func get(s http.Handler, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = "127.0.0.1:8080"
	s.ServeHTTP(w, r)
	return w
}

func TestIndexIsAccessible(t *testing.T) {
	s, _ := newTest(t, Config{})
	w := get(s, "/")
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, `<html lang="fr">`) {
		t.Fatalf("status %d\n%.300s", w.Code, body)
	}
	// Every field has its label; no resource comes from elsewhere.
	ids := regexp.MustCompile(`<(?:input|select)[^>]* id="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(ids) < 30 {
		t.Errorf("only %d fields", len(ids))
	}
	for _, m := range ids {
		if m[1] == "lien" {
			continue
		}
		if !strings.Contains(body, `for="`+m[1]+`"`) {
			t.Errorf("field %s has no label", m[1])
		}
	}
	if regexp.MustCompile(`(?:src|href)="(?:https?:)?//`).MatchString(body) {
		t.Error("the page loads something from another site")
	}
	for _, want := range []string{`name="epci"`, `data-suggest="commune"`, `name="service" value="Aide aux démarches administratives"`,
		`name="fichier"`, `name="fichier-logo"`, `name="aide-telephone"`, `name="editeur"`, `value="livret"`,
		`name="sans-index-communes"`, `name="sans-index-lieux"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	for _, local := range []string{`name="sortie"`, `name="source"`, `name="apercu"`, `name="rapport"`, `name="logo"`} {
		if strings.Contains(body, local) {
			t.Errorf("the form offers %s, which names a file of the server", local)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	// The form is filled again from a link.
	body = get(s, "/?commune=Pessac&service=demarches&document=fiches").Body.String()
	for _, want := range []string{`name="commune" value="Pessac"`, `value="Aide aux démarches administratives" checked`, `value="fiches" aria-describedby="document-3-aide" checked`} {
		if !strings.Contains(body, want) {
			t.Errorf("form not filled again: lacks %s", want)
		}
	}
}

func TestStaticFiles(t *testing.T) {
	s, _ := newTest(t, Config{})
	for path, want := range map[string]string{"/static/livret.css": "text/css", "/static/livret.js": "javascript"} {
		w := get(s, path)
		if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), want) {
			t.Errorf("%s: %d %s", path, w.Code, w.Header().Get("Content-Type"))
		}
	}
}

// TestStableAddresses: the links of the issue give each document, read
// with the same options as the command line.
func TestStableAddresses(t *testing.T) {
	s, e := newTest(t, Config{})
	tests := []struct {
		target, document, contentType string
		check                         func(*Job) bool
	}{
		{"/guide.pdf?epci=Bordeaux+M%C3%A9tropole&service=demarches&format=A5", "guide", "application/pdf",
			func(j *Job) bool {
				return j.Options.StringSlice("epci")[0] == "Bordeaux Métropole" && j.Options.String("format") == "A5"
			}},
		{"/depliant.pdf?autour=Pessac&rayon=5", "depliant", "application/pdf",
			func(j *Job) bool { return j.Options.String("autour") == "Pessac" && j.Options.Float64("rayon") == 5 }},
		{"/fiches.pdf?commune=Pessac", "fiches", "application/pdf", func(j *Job) bool { return j.Options.StringSlice("commune")[0] == "Pessac" }},
		{"/lieux.xlsx?departement=33", "tableur", typeXLSX, func(j *Job) bool { return j.Options.String("format") == "xlsx" }},
		{"/lieux.csv?departement=33", "csv", "text/csv", func(j *Job) bool { return j.Options.String("format") == "csv" }},
		{"/livret.pdf?commune=Pessac&format=A4", "livret", "application/pdf",
			func(j *Job) bool { return j.Options.String("format") == "A5" && j.Options.Bool("livret") }},
		{"/indicateurs.pdf?epci=Bordeaux+M%C3%A9tropole", "indicateurs", "application/pdf", func(j *Job) bool { return true }},
		{"/indicateurs.xlsx?epci=Bordeaux+M%C3%A9tropole", "chiffres", typeXLSX, func(j *Job) bool { return true }},
	}
	for _, tt := range tests {
		w := get(s, tt.target)
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), tt.contentType) {
			t.Errorf("%s: %d %s\n%.300s", tt.target, w.Code, w.Header().Get("Content-Type"), w.Body)
			continue
		}
		if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=\""+tt.document+"-pessac.pdf\"") {
			t.Errorf("%s: Content-Disposition %q", tt.target, cd)
		}
		j := e.last()
		if j.Document.Name != tt.document || !tt.check(j) || j.Data != nil || j.MaxRows != 100_000 {
			t.Errorf("%s: job %s %s", tt.target, j.Document.Name, j.Options.Encode())
		}
	}
}

// TestNoPathFromTheClient: an option naming a file of the server is
// refused before anything is made.
func TestNoPathFromTheClient(t *testing.T) {
	s, e := newTest(t, Config{})
	for _, target := range []string{
		"/guide.pdf?commune=Pessac&sortie=%2Fetc%2Fpasswd",
		"/guide.pdf?source=%2Fetc%2Fpasswd",
		"/guide.pdf?modele=..%2F..%2Fetc%2Fpasswd",
		"/guide.pdf?logo=%2Fetc%2Fshadow",
		"/guide.pdf?apercu=%2Ftmp",
		"/fiches.pdf?rapport=%2Ftmp%2Fx",
		"/resultat?document=guide&source=C%3A%5CWindows%5Cwin.ini",
		"/guide.pdf?donnees=..%2F..%2Fetc%2Fpasswd",
		"/apercu/guide/1.png?donnees=%2Fetc%2Fpasswd",
	} {
		w := get(s, target)
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "La demande est à corriger") {
			t.Errorf("%s: %d\n%.400s", target, w.Code, w.Body)
		}
	}
	if n := e.count(); n != 0 {
		t.Errorf("%d documents made from refused requests", n)
	}
}

// TestErrorsNextToTheField: a wrong value is shown by its field, with the
// field marked for screen readers.
func TestErrorsNextToTheField(t *testing.T) {
	s, e := newTest(t, Config{})
	w := get(s, "/resultat?document=guide&commune=Pessac&taille=12&fond=rose")
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", w.Code)
	}
	for _, want := range []string{
		`<p class="erreur" id="champ-taille-erreur">taille de texte 12 pt trop petite`,
		`id="champ-taille" name="taille" aria-describedby="champ-taille-aide champ-taille-erreur" aria-invalid="true"`,
		`<p class="erreur" id="champ-fond-erreur">« rose » n’est pas un choix possible : blanc ou ivoire</p>`,
		`name="commune" value="Pessac"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if e.count() != 0 {
		t.Error("a document was made of a wrong request")
	}
	// A mistyped link is refused; the form's fields of other documents are not.
	if w := get(s, "/guide.pdf?comune=Pessac"); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "paramètre « comune » inconnu") {
		t.Errorf("mistyped link: %d", w.Code)
	}
	if w := get(s, "/resultat?document=tableur&commune=Pessac&format=A4&taille=18&par=commune"); w.Code != 200 {
		t.Errorf("form of a spreadsheet: %d\n%.500s", w.Code, w.Body)
	}
}

// TestAmbiguousTerritory: the page explains a name that fits several
// communes, as the command line does, with a link for each.
func TestAmbiguousTerritory(t *testing.T) {
	_, err := territoire.Default().Resolve(territoire.KindCommune, "Saint-Denis")
	e := &recorder{make: func(*Job) (*Product, error) { return nil, err }}
	s, _ := newTest(t, Config{Engine: e})
	body := plain(get(s, "/resultat?document=guide&commune=Saint-Denis&service=demarches").Body.String())
	for _, want := range []string{"« Saint-Denis » désigne 4 communes : choisissez celle que vous voulez dire.",
		`<a href="/resultat?commune=93066&amp;document=guide&amp;service=demarches">Saint-Denis (Seine-Saint-Denis, 93)</a>`,
		`id="champ-commune-erreur">plusieurs territoires portent ce nom`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s\n", want)
		}
	}
	// An error that names an option names the form's field instead.
	e.make = func(*Job) (*Product, error) {
		return nil, errors.New("indiquez un rayon positif en kilomètres avec --rayon, par exemple --rayon 5")
	}
	body = get(s, "/resultat?document=guide&autour=Pessac&rayon=3").Body.String()
	if !strings.Contains(body, "indiquez un rayon positif en kilomètres avec « Rayon (km) », par exemple « Rayon (km) » 5") {
		t.Errorf("error not worded for the page:\n%s", body)
	}
}

func TestResultPage(t *testing.T) {
	s, e := newTest(t, Config{})
	w := get(s, "/resultat?document=guide&commune=Pessac&taille=18&format=A4&service=demarches")
	body := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, body)
	}
	for _, want := range []string{
		`href="/guide.pdf?commune=Pessac&amp;service=demarches"`, // defaults left out of the link
		`value="http://127.0.0.1:8080/guide.pdf?commune=Pessac&amp;service=demarches"`,
		`<img src="/apercu/guide/1.png?commune=Pessac&amp;service=demarches" alt="Aperçu, Page 1 sur 2`,
		`/apercu/guide/2.png`, "Sélection : 5 lieux retenus.", `href="/verifier"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("result lacks %s", want)
		}
	}
	// The preview and the download reuse what was made.
	for _, target := range []string{"/apercu/guide/1.png?commune=Pessac&service=demarches", "/apercu/guide/2.png?commune=Pessac&service=demarches", "/guide.pdf?commune=Pessac&service=demarches"} {
		if w := get(s, target); w.Code != 200 {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
	if n := e.count(); n != 1 {
		t.Errorf("document made %d times", n)
	}
	w = get(s, "/apercu/guide/1.png?commune=Pessac&service=demarches")
	if w.Header().Get("Content-Type") != "image/png" || !bytes.HasPrefix(w.Body.Bytes(), []byte("\x89PNG")) {
		t.Errorf("preview: %s", w.Header().Get("Content-Type"))
	}
	for _, target := range []string{"/apercu/guide/3.png?commune=Pessac&service=demarches", "/apercu/guide/0.png", "/apercu/tableur/1.png", "/apercu/guide/x.png"} {
		if w := get(s, target); w.Code != http.StatusNotFound {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
	if w := get(s, "/resultat?document=verifier&donnees=exemple"); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/verifier" {
		t.Errorf("check from the form: %d %s", w.Code, w.Header().Get("Location"))
	}
}

func TestVerifierPage(t *testing.T) {
	s, _ := newTest(t, Config{})
	body := plain(get(s, "/verifier").Body.String())
	for _, want := range []string{"Vérification de « lieux.csv »", "3 lignes lues", "<th scope=\"col\">Problème</th>", "pas d’adresse", `href="/verifier.csv"`} {
		if !strings.Contains(body, want) {
			t.Errorf("check page lacks %s", want)
		}
	}
	if w := get(s, "/verifier.csv"); w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Errorf("check CSV: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
}

func TestSuggestions(t *testing.T) {
	s, _ := newTest(t, Config{})
	w := get(s, "/suggestions?champ=commune&q=saint-denis")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `{"valeur":"97411","libelle":"Saint-Denis (La Réunion, 974)"}`) {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	w = get(s, "/suggestions?champ=epci&q=bordeaux+m")
	if !strings.Contains(w.Body.String(), `{"valeur":"Bordeaux Métropole","libelle":"Bordeaux Métropole (métropole)"}`) {
		t.Errorf("%s", w.Body)
	}
	if w := get(s, "/suggestions?champ=chemin&q=etc"); w.Code != http.StatusBadRequest {
		t.Errorf("unknown field: %d", w.Code)
	}
	if w := get(s, "/suggestions?champ=commune&q=zzzzqqq"); w.Body.String() != "[]\n" {
		t.Errorf("nothing found: %q", w.Body)
	}
}

// multipartForm builds the body the page's form sends.
func multipartForm(t *testing.T, fields map[string]string, files map[string][]byte) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for k, data := range files {
		fw, _ := mw.CreateFormFile(k, `C:\Users\agent\Documents\`+k+".csv")
		fw.Write(data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func post(s http.Handler, body io.Reader, contentType string, header map[string]string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodPost, "/envoi", body)
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Content-Type", contentType)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	s.ServeHTTP(w, r)
	return w
}

// TestUpload: the file sent is held in memory under a random name and
// read by the job; nothing is written to disk; it is forgotten.
func TestUpload(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s, e := newTest(t, Config{MaxRows: 50})
	csv := []byte("nom;adresse;code_postal;commune\nMédiathèque;1 rue du Port;33600;Pessac\n")
	body, ct := multipartForm(t, map[string]string{"document": "guide", "commune": "Pessac", "titre": "", "taille": "18"},
		map[string][]byte{"fichier": csv})
	w := post(s, body, ct, map[string]string{"Origin": "http://127.0.0.1:8080", "Sec-Fetch-Site": "same-origin"})
	loc, _ := url.Parse(w.Header().Get("Location"))
	if w.Code != http.StatusSeeOther || loc.Path != "/resultat" {
		t.Fatalf("%d %s\n%s", w.Code, loc, w.Body)
	}
	q := loc.Query()
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(q.Get("donnees")) || q.Has("titre") || q.Get("commune") != "Pessac" {
		t.Errorf("redirect to %s", loc)
	}
	if w := get(s, loc.String()); w.Code != 200 {
		t.Fatalf("result: %d %s", w.Code, w.Body)
	}
	j := e.last()
	if j.Data == nil || !bytes.Equal(j.Data.Data, csv) || j.Data.Name != "fichier.csv" || j.MaxRows != 50 {
		t.Errorf("job data %+v", j.Data)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("files written to disk: %v", entries)
	}
	s.Close()
	if s.store.len() != 0 {
		t.Error("files kept after Close")
	}
	w = get(s, loc.String())
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "le fichier envoyé n’est plus gardé par le serveur") {
		t.Errorf("forgotten file: %d", w.Code)
	}
}

func TestUploadTooBig(t *testing.T) {
	s, e := newTest(t, Config{MaxUpload: 1 << 10})
	body, ct := multipartForm(t, map[string]string{"document": "guide"}, map[string][]byte{"fichier": bytes.Repeat([]byte("a;b\n"), 1000)})
	w := post(s, body, ct, nil)
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "Le fichier envoyé dépasse 0 Mo") && !strings.Contains(w.Body.String(), "dépasse") {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	if s.store.len() != 0 || e.count() != 0 {
		t.Error("a file too big was kept")
	}
}

// TestCrossOriginPost: a form posted from another site is refused.
func TestCrossOriginPost(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "http://evil.example"},
	} {
		body, ct := multipartForm(t, map[string]string{"document": "guide"}, nil)
		w := post(s, body, ct, h)
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "Envoi refusé") {
			t.Errorf("%v: %d", h, w.Code)
		}
	}
	body, ct := multipartForm(t, map[string]string{"document": "guide"}, nil)
	if w := post(s, body, ct, map[string]string{"Sec-Fetch-Site": "same-origin"}); w.Code != http.StatusSeeOther {
		t.Errorf("same origin: %d", w.Code)
	}
	// The form also works as a plain urlencoded form.
	if w := post(s, strings.NewReader("document=guide&commune=Pessac"), "application/x-www-form-urlencoded", nil); w.Code != http.StatusSeeOther {
		t.Errorf("urlencoded: %d", w.Code)
	}
}

// TestLocalOnly: the server answers only to the names of this computer,
// unless opened to the network.
func TestLocalOnly(t *testing.T) {
	s, _ := newTest(t, Config{})
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200,
		"evil.example": http.StatusMisdirectedRequest, "192.168.1.20:8080": http.StatusMisdirectedRequest} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = host
		s.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
	open, _ := newTest(t, Config{Network: true})
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Host = "192.168.1.20:8080"
	open.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Errorf("open to the network: %d", w.Code)
	}
}

// TestBoundedJobs: no more documents are made at once than the bound;
// a request that cannot get a slot in time is told so in French.
func TestBoundedJobs(t *testing.T) {
	release := make(chan struct{})
	e := &recorder{}
	e.make = func(j *Job) (*Product, error) {
		<-release
		return &Product{FileName: "g.pdf", Write: func(w io.Writer) error { return nil }}, nil
	}
	s, _ := newTest(t, Config{Engine: e, Jobs: 1, Timeout: 400 * time.Millisecond})
	var wg sync.WaitGroup
	codes := make([]int, 3)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = get(s, fmt.Sprintf("/guide.pdf?commune=C%d", i)).Code
		}()
	}
	time.Sleep(600 * time.Millisecond)
	close(release)
	wg.Wait()
	if e.most.Load() != 1 {
		t.Errorf("%d documents made at once", e.most.Load())
	}
	busy := 0
	for _, c := range codes {
		if c == http.StatusServiceUnavailable {
			busy++
		}
	}
	if busy < 2 {
		t.Errorf("codes %v: the requests beyond the bound should be told to wait", codes)
	}
}

// TestTimeout: a document too long to make gets a French page.
func TestTimeout(t *testing.T) {
	e := &recorder{}
	e.make = func(j *Job) (*Product, error) {
		time.Sleep(300 * time.Millisecond)
		return &Product{FileName: "g.pdf", Write: func(w io.Writer) error { return nil }}, nil
	}
	s, _ := newTest(t, Config{Engine: e, Timeout: 100 * time.Millisecond})
	w := get(s, "/guide.pdf?commune=Pessac")
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "Temps dépassé") {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}

// TestCrash: a crash gives a French page; its details go to the log only.
func TestCrash(t *testing.T) {
	var log bytes.Buffer
	e := &recorder{make: func(*Job) (*Product, error) { panic("index out of range [3] with length 2") }}
	s, _ := newTest(t, Config{Engine: e, Errors: &log})
	w := get(s, "/guide.pdf?commune=Pessac")
	body := w.Body.String()
	if w.Code != http.StatusInternalServerError || !strings.Contains(body, "Erreur interne") || strings.Contains(body, "index out of range") || strings.Contains(body, "goroutine") {
		t.Errorf("%d %s", w.Code, body)
	}
	if !strings.Contains(log.String(), "index out of range") {
		t.Errorf("crash not logged: %q", log.String())
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	s, _ := newTest(t, Config{})
	w := get(s, "/../../etc/passwd")
	if w.Code != http.StatusNotFound && w.Code != http.StatusTemporaryRedirect {
		t.Errorf("traversal: %d", w.Code)
	}
	w = get(s, "/inconnu")
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "Page introuvable") || !strings.Contains(w.Body.String(), `lang="fr"`) {
		t.Errorf("404: %d %s", w.Code, w.Body)
	}
	r := httptest.NewRequest(http.MethodPost, "/guide.pdf", nil)
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	if rec.Code != http.StatusMethodNotAllowed || !strings.Contains(rec.Body.String(), "Méthode refusée") {
		t.Errorf("POST on a document: %d", rec.Code)
	}
	if w := get(s, "/static/../server.go"); w.Code == 200 && strings.Contains(w.Body.String(), "package web") {
		t.Error("source served")
	}
}

func TestStore(t *testing.T) {
	st := newStore(100, time.Hour)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	st.now = func() time.Time { return now }
	a := st.put(&File{Name: "a", Data: make([]byte, 60)})
	now = now.Add(time.Minute)
	b := st.put(&File{Name: "b", Data: make([]byte, 60)}) // over the bound: a goes
	if _, ok := st.get(a); ok {
		t.Error("the oldest file stays beyond the memory bound")
	}
	if _, ok := st.get(b); !ok {
		t.Error("the newest file is forgotten")
	}
	now = now.Add(2 * time.Hour)
	if _, ok := st.get(b); ok || st.len() != 0 {
		t.Error("a file unused for too long is kept")
	}
}

// TestNationalData: the page offers the national downloads by name only;
// an address from the client is never downloaded.
func TestNationalData(t *testing.T) {
	s, e := newTest(t, Config{})
	for target, want := range map[string]string{
		"/guide.pdf?donnees=national&commune=Pessac":         "national",
		"/guide.pdf?donnees=departement&departement=33":      "departement:33",
		"/guide.pdf?donnees=departement&departement=Gironde": "departement:Gironde",
	} {
		if w := get(s, target); w.Code != 200 {
			t.Errorf("%s: %d", target, w.Code)
			continue
		}
		if j := e.last(); j.Source != want || j.Data != nil {
			t.Errorf("%s: source %q", target, j.Source)
		}
	}
	n := e.count()
	for _, target := range []string{
		"/guide.pdf?donnees=departement",
		"/guide.pdf?donnees=departement&departement=33&departement=40",
		"/guide.pdf?donnees=https%3A%2F%2Fevil.example%2Fl.csv",
		"/guide.pdf?donnees=departement%3A33",
	} {
		if w := get(s, target); w.Code != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
	if e.count() != n {
		t.Error("a refused source reached the engine")
	}
	body := get(s, "/resultat?document=guide&donnees=national&commune=Pessac").Body.String()
	if !strings.Contains(body, `href="/guide.pdf?commune=Pessac&amp;donnees=national"`) || !strings.Contains(body, `href="/verifier?donnees=national"`) {
		t.Errorf("links lose the data chosen:\n%s", body)
	}
}
