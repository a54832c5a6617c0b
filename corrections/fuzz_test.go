package corrections

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"livret/internal/fixtures"
	"livret/source"
)

// FuzzApply applies any CSV as a corrections file: it never panics, each
// correction says what it did, and the places add up: none appears or
// disappears but by a reported correction.
func FuzzApply(f *testing.F) {
	f.Add("Identifiant;Téléphone\n1747;05 57 00 00 01\n")
	f.Add("Identifiant,Action\n1890,masquer\n1890,masquer\n,masquer\n")
	f.Add("Nom,Adresse,Code postal,Commune,Horaires,Latitude\nPermanence,1 place,33600,Pessac,Mo 9-12,91\n")
	f.Add("Identifiant;Labels;Comment s’y rendre;Fermeture temporaire;Action\n1747;=1+1;\x00;\u202e;MASQUER\n")
	places := fixtures.Checked(f, fixtures.Example)
	f.Fuzz(func(t *testing.T, csv string) {
		r, err := source.NewReader(bytes.NewReader([]byte(csv)), "corrections.csv", source.Options{})
		if err != nil {
			return
		}
		defer r.Close()
		out, rep, err := Apply(r, places, opt)
		if err != nil && !errors.Is(err, io.EOF) {
			return
		}
		if added, hidden := rep.Count(Added), rep.Count(Hidden); len(out) != len(places)+added-hidden {
			t.Errorf("%d places, from %d + %d added - %d hidden", len(out), len(places), added, hidden)
		}
		for _, c := range rep.Corrections {
			if c.Kind < Changed || c.Kind > Refused || c.String() == "" {
				t.Errorf("correction %+v", c)
			}
		}
	})
}
