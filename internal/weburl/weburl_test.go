package weburl

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, link string
		insecure bool
		err      string
	}{
		{"https://cartographie.societenumerique.gouv.fr/", "https://cartographie.societenumerique.gouv.fr/", false, ""},
		{"HTTPS://Exemple.fr/a?b=c", "https://Exemple.fr/a?b=c", false, ""},
		{"mairie-pessac.fr", "https://mairie-pessac.fr", false, ""},
		{"www.exemple.fr/page", "https://www.exemple.fr/page", false, ""},
		{"http://cyber-base.fr", "https://cyber-base.fr", true, ""},
		{"exemple.fr:8080/x", "https://exemple.fr:8080/x", false, ""},
		{"javascript:alert(1)", "", false, "est refusée : seules les adresses web https://"},
		{"JavaScript://exemple.fr/%0Aalert(1)", "", false, "est refusée"},
		{"data:text/html,<script>", "", false, "est refusée"},
		{"file:///etc/passwd", "", false, "est refusée"},
		{"ftp://exemple.fr", "", false, "est refusée"},
		{"https://impots.gouv.fr@piege.fr/", "", false, "nom d’utilisateur"},
		{"https://localhost/", "", false, "pas de nom de site valable"},
		{"https://", "", false, "illisible"},
		{"https://exemple.fr/a b", "", false, "espaces"},
		{"https://exemple.fr/\u202e", "", false, "caractères de contrôle"},
	} {
		link, insecure, err := Parse(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Parse(%q): %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || link != c.link || insecure != c.insecure {
			t.Errorf("Parse(%q) = %q, %v, %v; want %q, %v", c.in, link, insecure, err, c.link, c.insecure)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"https://exemple.fr", "javascript:alert(1)", "exemple.fr", "http://a.b@c.d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		link, _, err := Parse(s)
		if err != nil {
			return
		}
		if !strings.HasPrefix(link, "https://") {
			t.Fatalf("Parse(%q) = %q: not https", s, link)
		}
		again, insecure, err := Parse(link)
		if err != nil || again != link || insecure {
			t.Fatalf("Parse(%q) = %q, but Parse of it gives %q, %v, %v", s, link, again, insecure, err)
		}
	})
}
