// Package weburl checks a web address before it becomes a link or a QR
// code that a reader follows: only https (an http address is upgraded),
// a real host, nothing that a browser would run (javascript:, data:).
package weburl

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// Parse returns raw as a link may use it: https://, with the scheme added
// to a bare "exemple.fr". insecure says that raw was http://, now https://.
// Any other scheme, a host without a dot, spaces, control characters or a
// user name before the host (https://impots.gouv.fr@piege.fr) are refused
// with a French reason.
func Parse(raw string) (link string, insecure bool, err error) {
	s := strings.TrimSpace(raw)
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0 {
		return "", false, fmt.Errorf("l’adresse web « %s » contient des espaces ou des caractères de contrôle ou invisibles", raw)
	}
	scheme, rest, found := strings.Cut(s, "://")
	switch {
	case !found && strings.Contains(strings.SplitN(s, "/", 2)[0], ":") && !strings.Contains(s, "."):
		// "javascript:alert(1)", "data:…": a scheme, not a host.
		return "", false, refused(raw)
	case !found:
		s = "https://" + s
	case strings.EqualFold(scheme, "https"):
		s = "https://" + rest
	case strings.EqualFold(scheme, "http"):
		s, insecure = "https://"+rest, true
	default:
		return "", false, refused(raw)
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Host == "":
		return "", false, fmt.Errorf("l’adresse web « %s » est illisible", raw)
	case u.User != nil:
		return "", false, fmt.Errorf("l’adresse web « %s » cache son site derrière un nom d’utilisateur (avant « @ ») : elle est refusée", raw)
	case !strings.Contains(u.Hostname(), ".") || strings.HasPrefix(u.Hostname(), ".") || strings.HasSuffix(u.Hostname(), "."):
		return "", false, fmt.Errorf("l’adresse web « %s » n’a pas de nom de site valable", raw)
	}
	return s, insecure, nil
}

func refused(raw string) error {
	return fmt.Errorf("l’adresse « %s » est refusée : seules les adresses web https:// deviennent un lien ou un code QR", raw)
}
