package web

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"livret/territoire"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Config tunes a server; zero values take the defaults.
type Config struct {
	Engine Engine
	// CorrectionsTemplate writes the empty corrections workbook the page
	// offers; nil: none offered.
	CorrectionsTemplate func(io.Writer) error
	// Network accepts requests addressed to this computer by another name
	// than localhost, from other computers. Off, the server also refuses
	// requests whose Host is not local (against DNS rebinding).
	Network   bool
	MaxUpload int64         // bytes of a file sent; 32 MiB
	MaxRows   int           // rows of a file sent; 100 000
	Jobs      int           // documents made at once; half the cores, at least 1
	Timeout   time.Duration // of a request; 2 minutes
	Keep      time.Duration // files sent are forgotten after this long unused; 2 hours
	Errors    io.Writer     // where the errors the client is not shown go; nil: nowhere
}

// Server is the web page. It is an http.Handler.
type Server struct {
	cfg      Config
	handler  http.Handler
	pages    *template.Template
	store    *store
	jobs     *jobs
	products *products
	atlas    *territoire.Atlas
}

// New makes a server.
func New(cfg Config) (*Server, error) {
	cfg.MaxUpload = cmp.Or(cfg.MaxUpload, 32<<20)
	cfg.MaxRows = cmp.Or(cfg.MaxRows, 100_000)
	cfg.Jobs = cmp.Or(cfg.Jobs, max(1, runtime.NumCPU()/2))
	cfg.Timeout = cmp.Or(cfg.Timeout, 2*time.Minute)
	cfg.Keep = cmp.Or(cfg.Keep, 2*time.Hour)
	if cfg.Errors == nil {
		cfg.Errors = io.Discard
	}
	pages, err := template.New("").Funcs(funcs).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      cfg,
		pages:    pages,
		store:    newStore(8*cfg.MaxUpload, cfg.Keep),
		jobs:     &jobs{slots: make(chan struct{}, cfg.Jobs), wait: cfg.Timeout / 2},
		products: newProducts(8),
		atlas:    territoire.Default(),
	}
	s.handler = s.routes()
	return s, nil
}

// Close forgets the files sent.
func (s *Server) Close() { s.store.clear() }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// HTTPServer is the http.Server to run the page with: bounded headers and
// slow clients cut off.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.Timeout,
		WriteTimeout:      s.cfg.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("POST /envoi", s.upload)
	mux.HandleFunc("GET /resultat", s.result)
	mux.HandleFunc("GET /suggestions", s.suggestions)
	mux.HandleFunc("GET /apercu/{document}/{page}", s.preview)
	mux.HandleFunc("GET /verifier", s.verifier)
	mux.HandleFunc("GET /verifier.csv", s.verifierCSV)
	if s.cfg.CorrectionsTemplate != nil {
		mux.HandleFunc("GET /modele-corrections.xlsx", s.correctionsTemplate)
	}
	for _, d := range Documents {
		if d.Name != "verifier" {
			mux.HandleFunc("GET "+d.Path, func(w http.ResponseWriter, r *http.Request) { s.download(w, r, d) })
		}
	}
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(withMethod(r, http.MethodGet)); pattern != "" && r.Method != http.MethodGet {
			s.fail(w, r, http.StatusMethodNotAllowed, "Méthode refusée", "Cette adresse se consulte, elle ne reçoit pas d’envoi.")
			return
		}
		s.fail(w, r, http.StatusNotFound, "Page introuvable", "Cette adresse ne correspond à aucune page de livret.")
	})

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, "Envoi refusé",
			"Cet envoi vient d’une autre page que celle de livret : par sécurité, livret ne l’accepte pas. Revenez à la page d’accueil et envoyez le formulaire de là.")
	}))
	timeout := http.TimeoutHandler(cop.Handler(mux), s.cfg.Timeout, timeoutPage)
	return s.recover(s.headers(s.localOnly(timeout)))
}

// withMethod is r as another method would send it, to tell a wrong
// method from a wrong address.
func withMethod(r *http.Request, method string) *http.Request {
	c := r.Clone(r.Context())
	c.Method = method
	return c
}

// timeoutPage is what http.TimeoutHandler sends: it cannot render templates.
const timeoutPage = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Temps dépassé – livret</title>` +
	`<link rel="stylesheet" href="/static/livret.css"><main class="page"><h1>Temps dépassé</h1>` +
	`<p>Le document demandé est trop long à préparer. Choisissez un territoire plus petit, ou utilisez la ligne de commande.</p>` +
	`<p><a href="/">Revenir à la page d’accueil</a></p></main></html>`

// internalErrorPage is sent when a page cannot be made.
const internalErrorPage = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Erreur interne – livret</title>` +
	`<link rel="stylesheet" href="/static/livret.css"><main class="page"><h1>Erreur interne</h1>` +
	`<p>livret n’a pas pu préparer cette page. L’erreur est notée dans la fenêtre du serveur.</p>` +
	`<p><a href="/">Revenir à la page d’accueil</a></p></main></html>`

// headers are the same for every answer: no framing, no sniffing, only
// this server's own scripts and styles.
func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// localOnly refuses, unless the server is open to the network, requests
// that name another host than this computer: a web page elsewhere could
// otherwise reach the server through a name of its own (DNS rebinding).
func (s *Server) localOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.cfg.Network && !isLocalHost(r.Host) {
			s.fail(w, r, http.StatusMisdirectedRequest, "Adresse refusée",
				"Ce serveur ne répond qu’aux adresses de cet ordinateur, comme http://127.0.0.1:8080.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func isLocalHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// recover turns a crash into a French page; the details go to the
// server's error log, never to the client.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				buf := make([]byte, 8<<10)
				buf = buf[:runtime.Stack(buf, false)]
				fmt.Fprintf(s.cfg.Errors, "livret serveur : %s %s : %v\n%s\n", r.Method, r.URL.Path, v, buf)
				s.fail(w, r, http.StatusInternalServerError, "Erreur interne",
					"livret n’a pas pu préparer cette page. L’erreur est notée dans la fenêtre du serveur ; réessayez, ou signalez-la.")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// errorView is the content of an error page.
type errorView struct {
	Title, Message string
}

// fail sends a French error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	s.render(w, status, "erreur.html", pageView{Title: title, Error: &errorView{title, msg}})
}

// render writes a page whole, or an error page if it cannot be made.
func (s *Server) render(w http.ResponseWriter, status int, name string, v pageView) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, v); err != nil {
		fmt.Fprintf(s.cfg.Errors, "livret serveur : page %s : %v\n", name, err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(internalErrorPage)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
