package source

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"livret/internal/cleanup"
	"livret/texte"
)

// Download tunes how a source is downloaded.
type Download struct {
	// AllowHTTP accepts http:// addresses, for a local server one trusts.
	// Without it only https:// is accepted. A redirect from https:// to
	// http:// is refused in any case: it would let anyone on the way
	// change the data.
	AllowHTTP bool
	// Deadline bounds the whole download; zero means DefaultDeadline.
	Deadline time.Duration
	// A download stalls, and is abandoned, when less than MinRate bytes
	// per second arrive over StallWindow; zero means 1 kB/s over 30 s, a
	// negative MinRate never abandons.
	StallWindow time.Duration
	MinRate     int64
	// UserAgent names livret to the server, « livret/1.4 »; empty means
	// « livret ».
	UserAgent string
	// Progress, when set, is called once the size is known (-1 if the
	// server does not say it) and returns where to report the bytes as
	// they arrive, a progress bar, and what to call at the end.
	Progress func(total int64) (w io.Writer, done func())
	// ETag and LastModified, from an earlier download, make the request
	// conditional: a server whose file has not changed answers « not
	// modified » without sending it again.
	ETag, LastModified string
}

// DefaultDeadline bounds a whole download when Download.Deadline is zero:
// the national file (about 20 MB) takes a few seconds on an ordinary line.
const DefaultDeadline = 15 * time.Minute

// defaultClient gives up when a server takes more than a minute to start
// answering; the deadline and the stall rule bound the rest.
var defaultClient = &http.Client{Transport: func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = time.Minute
	return t
}()}

// Fetched is what a download brought.
type Fetched struct {
	Name               string // file name to use in messages
	ETag, LastModified string // to revalidate the copy later
	NotModified        bool   // the server says the copy is current: nothing was written
}

var (
	errStalled  = errors.New("download stalled")
	errDeadline = errors.New("download deadline")
)

// Fetch downloads location into w. Its errors are *Error values with a
// French message naming location.
func Fetch(ctx context.Context, location string, w io.Writer, opt Options) (Fetched, error) {
	d := opt.Download
	fail := func(err error, format string, args ...any) (Fetched, error) {
		return Fetched{}, newError(location, Position{}, err, format, args...)
	}
	u, err := url.Parse(location)
	if err != nil || u.Host == "" {
		return fail(err, "adresse web mal formée")
	}
	if u.Scheme != "https" && !d.AllowHTTP {
		return fail(nil, "adresse non chiffrée (http://) refusée : les données pourraient être modifiées en chemin ; "+
			"utilisez l’adresse en https://, ou ajoutez --http pour un serveur local de confiance")
	}
	deadline := d.Deadline
	if deadline <= 0 {
		deadline = DefaultDeadline
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	timer := time.AfterFunc(deadline, func() { cancel(errDeadline) })
	defer timer.Stop()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, location, nil)
	if err != nil {
		return fail(err, "adresse web mal formée")
	}
	req.Header.Set("User-Agent", cmpOr(d.UserAgent, "livret"))
	if d.ETag != "" {
		req.Header.Set("If-None-Match", d.ETag)
	}
	if d.LastModified != "" {
		req.Header.Set("If-Modified-Since", d.LastModified)
	}
	client := *cmpOr(opt.Client, defaultClient)
	client.CheckRedirect = checkRedirect
	resp, err := client.Do(req)
	if err != nil {
		return fail(err, "%s", networkProblem(ctx, err, req.URL.Host, deadline))
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && (d.ETag != "" || d.LastModified != ""):
		return Fetched{NotModified: true, ETag: d.ETag, LastModified: d.LastModified}, nil
	case resp.StatusCode != http.StatusOK:
		return fail(nil, "%s", statusProblem(resp.StatusCode))
	}
	max := opt.maxBytes()
	tooLarge := func() (Fetched, error) {
		return fail(nil, "le fichier à télécharger dépasse la taille maximale de %s", formatSize(max))
	}
	if resp.ContentLength > max {
		return tooLarge()
	}
	var body io.Reader = resp.Body
	if d.Progress != nil {
		w, done := d.Progress(resp.ContentLength)
		defer done()
		body = io.TeeReader(body, w)
	}
	counted := &countingReader{r: body}
	stop := watchStall(counted, d, func() { cancel(errStalled) })
	n, err := io.Copy(w, io.LimitReader(counted, max+1))
	stop()
	if err == nil && ctx.Err() != nil {
		// Cancelled while the body was ending: what came may be cut short.
		err = context.Cause(ctx)
	}
	switch {
	case err != nil:
		return fail(err, "le téléchargement a été interrompu : %s", networkProblem(ctx, err, req.URL.Host, deadline))
	case n > max:
		return tooLarge()
	}
	return Fetched{Name: downloadName(resp), ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}

func cmpOr[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}

// checkRedirect refuses a redirect that would leave https, and says in
// French when there are too many.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errTooManyRedirects
	}
	if prev := via[len(via)-1]; prev.URL.Scheme == "https" && req.URL.Scheme != "https" {
		return &downgradeError{to: req.URL.Redacted()}
	}
	return nil
}

var errTooManyRedirects = errors.New("too many redirects")

type downgradeError struct{ to string }

func (e *downgradeError) Error() string { return "redirect to " + e.to }

// countingReader counts the bytes read, for the stall rule.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// watchStall calls abort when fewer bytes than the rule asks arrive over
// a window; the returned function stops watching.
func watchStall(c *countingReader, d Download, abort func()) (stop func()) {
	window := cmpOr(d.StallWindow, 30*time.Second)
	rate := cmpOr(d.MinRate, 1024)
	done := make(chan struct{})
	if rate < 0 {
		return func() {}
	}
	go func() {
		t := time.NewTicker(window)
		defer t.Stop()
		last := int64(0)
		for {
			select {
			case <-done:
				return
			case <-t.C:
				n := c.n.Load()
				if float64(n-last) < float64(rate)*window.Seconds() {
					abort()
					return
				}
				last = n
			}
		}
	}()
	return func() { close(done) }
}

// openURL downloads location to a temporary file and opens it. The file is
// removed by Reader.Close, and by livret when it is interrupted.
func openURL(ctx context.Context, location string, opt Options) (*Reader, error) {
	f, err := os.CreateTemp("", "livret-*")
	if err != nil {
		return nil, newError(location, Position{}, err, "impossible de créer un fichier temporaire pour le téléchargement")
	}
	untrack := cleanup.Track(f.Name())
	remove := func() error {
		defer untrack()
		return os.Remove(f.Name())
	}
	got, err := Fetch(ctx, location, f, opt)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = newError(location, Position{}, cerr, "impossible d’écrire le fichier téléchargé")
	}
	if err != nil {
		remove()
		return nil, err
	}
	r, err := openFile(f.Name(), got.Name, opt)
	if err != nil {
		remove()
		return nil, err
	}
	// Remove the file after closing it (closers run last to first).
	r.closers = append([]func() error{remove}, r.closers...)
	return r, nil
}

// downloadName is the name of a downloaded file: the one the server gives,
// or the last element of the final address.
func downloadName(resp *http.Response) string {
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil {
		if name := filepath.Base(params["filename"]); params["filename"] != "" && name != "." && name != "/" {
			return name
		}
	}
	u := resp.Request.URL
	if p, err := url.PathUnescape(path.Base(u.Path)); err == nil && p != "" && p != "." && p != "/" {
		return p
	}
	return u.Host
}

// networkProblem explains a failed download in French.
func networkProblem(ctx context.Context, err error, host string, deadline time.Duration) string {
	var (
		dnsErr    *net.DNSError
		netErr    net.Error
		certErr   *tls.CertificateVerificationError
		downgrade *downgradeError
	)
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, errStalled):
		return sprintf("le serveur %s n’envoie presque plus rien (moins de 1 ko par seconde) : téléchargement abandonné ; réessayez plus tard", guillemets(host))
	case errors.Is(cause, errDeadline):
		return sprintf("le téléchargement depuis %s a duré plus de %s : abandonné ; réessayez plus tard ou allongez le délai avec --delai", guillemets(host), frenchDuration(deadline))
	case errors.Is(ctx.Err(), context.Canceled):
		return "téléchargement annulé"
	case errors.As(err, &downgrade):
		return sprintf("le serveur %s redirige vers une adresse non chiffrée (%s) : téléchargement refusé, les données pourraient être modifiées en chemin", guillemets(host), downgrade.to)
	case errors.Is(err, errTooManyRedirects):
		return sprintf("le serveur %s renvoie d’adresse en adresse sans fin (plus de 10 redirections) ; vérifiez l’adresse", guillemets(host))
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return sprintf("le serveur %s n’a pas répondu à temps ; réessayez plus tard", guillemets(host))
	case errors.As(err, &dnsErr):
		return sprintf("le serveur %s est introuvable ; vérifiez l’adresse et la connexion à internet", guillemets(host))
	case errors.Is(err, syscall.ECONNREFUSED):
		return sprintf("le serveur %s refuse la connexion", guillemets(host))
	case errors.As(err, &certErr):
		return sprintf("le certificat de sécurité du serveur %s n’est pas valide", guillemets(host))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "la connexion a été coupée avant la fin"
	case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return sprintf("le serveur %s ne parle pas https", guillemets(host))
	}
	return sprintf("impossible de joindre le serveur %s", guillemets(host))
}

// statusProblem explains an HTTP status other than 200 in French.
func statusProblem(code int) string {
	switch {
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return sprintf("le serveur refuse l’accès au fichier (erreur %d)", code)
	case code == http.StatusNotFound || code == http.StatusGone:
		return sprintf("il n’y a pas de fichier à cette adresse (erreur %d) ; vérifiez-la", code)
	case code == http.StatusTooManyRequests:
		return sprintf("le serveur reçoit trop de demandes (erreur %d) ; réessayez dans quelques minutes", code)
	case code >= 500:
		return sprintf("le serveur est en difficulté (erreur %d) ; réessayez plus tard", code)
	}
	return sprintf("le serveur a répondu par le code %d au lieu d’envoyer le fichier", code)
}

// frenchDuration writes a delay in minutes, or seconds under a minute.
func frenchDuration(d time.Duration) string {
	if d >= time.Minute {
		return texte.Count(int(d.Round(time.Minute)/time.Minute), "minute", "minutes")
	}
	return texte.Count(max(1, int((d+time.Second-1)/time.Second)), "seconde", "secondes")
}
