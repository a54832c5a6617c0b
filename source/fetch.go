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
	"syscall"
	"time"
)

// defaultClient gives up when a server takes more than a minute to start
// answering; the caller's context bounds the whole download.
var defaultClient = &http.Client{Transport: func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = time.Minute
	return t
}()}

// openURL downloads location to a temporary file and opens it. The file is
// removed by Reader.Close.
func openURL(ctx context.Context, location string, opt Options) (*Reader, error) {
	tmp, name, err := download(ctx, location, opt)
	if err != nil {
		return nil, err
	}
	remove := func() error { return os.Remove(tmp) }
	r, err := openFile(tmp, name, opt)
	if err != nil {
		remove()
		return nil, err
	}
	// Remove the file after closing it (closers run last to first).
	r.closers = append([]func() error{remove}, r.closers...)
	return r, nil
}

// download copies the resource at location into a temporary file and returns
// its path and the file name to use in messages.
func download(ctx context.Context, location string, opt Options) (tmp, name string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, location, nil)
	if err != nil {
		return "", "", newError(location, Position{}, err, "adresse web mal formée")
	}
	req.Header.Set("User-Agent", "livret")
	client := opt.Client
	if client == nil {
		client = defaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", "", newError(location, Position{}, err, "%s", networkProblem(ctx, err, req.URL.Host))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", "", newError(location, Position{}, nil, "%s", statusProblem(resp.StatusCode))
	}
	max := opt.maxBytes()
	tooLarge := func() error {
		return newError(location, Position{}, nil, "le fichier à télécharger dépasse la taille maximale de %s", formatSize(max))
	}
	if resp.ContentLength > max {
		return "", "", tooLarge()
	}
	name = downloadName(resp)
	f, err := os.CreateTemp("", "livret-*"+path.Ext(name))
	if err != nil {
		return "", "", newError(location, Position{}, err, "impossible de créer un fichier temporaire pour le téléchargement")
	}
	n, err := io.Copy(f, io.LimitReader(resp.Body, max+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		os.Remove(f.Name())
		return "", "", newError(location, Position{}, err, "le téléchargement a été interrompu : %s", networkProblem(ctx, err, req.URL.Host))
	case n > max:
		os.Remove(f.Name())
		return "", "", tooLarge()
	}
	return f.Name(), name, nil
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
func networkProblem(ctx context.Context, err error, host string) string {
	var (
		dnsErr  *net.DNSError
		netErr  net.Error
		certErr *tls.CertificateVerificationError
	)
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return "téléchargement annulé"
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
