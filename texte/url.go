package texte

import (
	"net/url"
	"strings"
)

// ShortURL writes a web address for print, where the reader types it by
// hand: no scheme, no "www.", no trailing slash, no "index.html", no
// tracking parameters (utm_…, fbclid…) and no fragment.
//
//	"https://www.exemple.fr/" → "exemple.fr"
//	"https://www.facebook.com/cscgilbertjansem/" → "facebook.com/cscgilbertjansem"
//	"http://site.fr/page.php?id=12&utm_source=x" → "site.fr/page.php?id=12"
//
// The path is kept, since the page is what the reader wants, and so are
// the other query parameters. Nothing is cut with "…": a shortened address
// could not be typed. E-mail addresses come back unchanged, less a
// "mailto:" prefix. Text that is not an address comes back trimmed. The
// full address belongs in the link of the PDF.
func ShortURL(u string) string {
	u = strings.TrimSpace(u)
	if rest, ok := cutPrefixFold(u, "mailto:"); ok {
		return rest
	}
	if isEmail(u) || strings.ContainsAny(u, " \t\n") {
		return u
	}
	raw := u
	if !strings.Contains(u, "://") {
		raw = "http://" + u
	}
	p, err := url.Parse(raw)
	if err != nil || p.Host == "" {
		return u
	}
	host := strings.ToLower(p.Host)
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimSuffix(strings.TrimSuffix(host, ":80"), ":443")
	path := strings.TrimRight(p.EscapedPath(), "/")
	for _, index := range []string{"/index.html", "/index.htm", "/index.php"} {
		path = strings.TrimSuffix(path, index)
	}
	if decoded, err := url.PathUnescape(path); err == nil && !strings.ContainsAny(decoded, " ?#") {
		path = decoded
	}
	short := host + path
	if q := keptQuery(p.RawQuery); q != "" {
		short += "?" + q
	}
	return short
}

// keptQuery removes tracking parameters from a raw query, keeping the order
// of the others.
func keptQuery(raw string) string {
	var kept []string
	for _, part := range strings.Split(raw, "&") {
		name, _, _ := strings.Cut(part, "=")
		name = strings.ToLower(name)
		if part == "" || strings.HasPrefix(name, "utm_") || strings.HasPrefix(name, "at_") || trackers[name] {
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "&")
}

var trackers = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true,
	"mc_eid": true, "xtor": true, "_ga": true, "igshid": true,
}

// isEmail reports text shaped like an e-mail address: something, one "@",
// a domain with a dot, and no slash before the "@".
func isEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && !strings.ContainsAny(local, "/:") &&
		strings.Contains(domain, ".") && !strings.ContainsAny(domain, "@/ ")
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
