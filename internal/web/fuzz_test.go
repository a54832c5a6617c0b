package web

import (
	"net/url"
	"testing"
)

// FuzzDemand reads any query as the page reads a link: never a crash,
// and the stable address of what it accepts reads back the same.
func FuzzDemand(f *testing.F) {
	for _, q := range []string{"epci=Bordeaux+M%C3%A9tropole&service=demarches&format=A5", "autour=Pessac&rayon=5",
		"commune=a,b,,c&taille=99999999999999999999", "donnees=%00&logo-envoye=..", "rayon=NaN&gratuit=peut-etre", "%zz"} {
		f.Add("guide", q)
		f.Add("tableur", q)
	}
	s, err := New(Config{Engine: &recorder{}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, document, query string) {
		doc := documentNamed(document)
		if doc == nil {
			doc = Documents[0]
		}
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		d := s.readDemand(doc, q, false)
		if len(d.errs) > 0 {
			return
		}
		again, _ := url.ParseQuery(d.query())
		d2 := s.readDemand(doc, again, false)
		if len(d2.errs) > 0 || d2.query() != d.query() {
			t.Errorf("%q: link %q reads back as %q (%v)", query, d.query(), d2.query(), d2.errs)
		}
	})
}
