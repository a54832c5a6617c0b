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

// Site writes a web address the shortest way that still leads a reader
// to the page: the domain alone, since a site's home page leads to its
// pages and the full address is behind the QR code and the link; the
// domain and the first part of the path on sites that host the pages of
// many others (a social network, a site builder, a booking platform),
// where the domain alone leads nowhere, as long as it stays short enough
// to type.
//
//	"https://www.castries.fr/CSM/136" → "castries.fr"
//	"https://www.facebook.com/cscgilbertjansem/" → "facebook.com/cscgilbertjansem"
//	"https://www.rdv-aide-numerique.fr/org/2981" → "rdv-aide-numerique.fr/org/2981"
func Site(u string) string {
	short := ShortURL(u)
	if isEmail(short) || strings.ContainsAny(short, " \t\n") {
		return short
	}
	host, path, _ := strings.Cut(short, "/")
	path, _, _ = strings.Cut(path, "?")
	n := sharedHost(host)
	if n == 0 || path == "" {
		return host
	}
	segments := strings.Split(path, "/")
	for k := 0; k < n && k < len(segments)-1; k++ {
		if genericSegment[strings.ToLower(segments[k])] {
			n++ // "facebook.com/pages/…" names no page yet
		}
	}
	if len(segments) > n {
		segments = segments[:n]
	}
	if last := strings.ToLower(segments[len(segments)-1]); strings.HasSuffix(last, ".php") || strings.HasSuffix(last, ".html") {
		return host // "profile.php?id=…": the page is named by the query, too long to type
	}
	if page := host + "/" + strings.Join(segments, "/"); len([]rune(page)) <= maxSiteLength {
		return page
	}
	return host
}

// maxSiteLength is the length of the longest address printed with its
// path: longer ones cannot be typed without error, the QR code serves.
const maxSiteLength = 40

// genericSegment are the parts of a path that name no page by themselves.
var genericSegment = map[string]bool{"pages": true, "groups": true, "people": true, "p": true, "company": true, "channel": true, "c": true, "user": true}

// sharedHost is the number of path segments that name a page on a host
// of many others' pages ("sites.google.com/view/name"), 0 for a site of
// its own.
func sharedHost(host string) int {
	for _, h := range []struct {
		suffix   string
		segments int
	}{
		{"facebook.com", 1}, {"fb.com", 1}, {"instagram.com", 1}, {"linkedin.com", 2}, {"twitter.com", 1}, {"x.com", 1},
		{"youtube.com", 1}, {"linktr.ee", 1}, {"sites.google.com", 2}, {"wixsite.com", 1}, {"helloasso.com", 2},
		{"rdv-aide-numerique.fr", 2}, {"calendly.com", 1}, {"pagesjaunes.fr", 2},
	} {
		if host == h.suffix || strings.HasSuffix(host, "."+h.suffix) {
			return h.segments
		}
	}
	return 0
}
