package controle

import (
	"strings"
	"testing"
	"time"

	"livret/source"
)

func TestReviewPlaces(t *testing.T) {
	t.Parallel()
	csv := "id;nom;commune;code_postal;adresse;telephone;horaires;date_maj\n" +
		"a;Mairie;Pessac;33600;1 rue A;05 56 00 00 00;Mo-Fr 09:00-12:00;2026-06-01\n" +
		"b;AG_MR_HetH_BonsEnfants;Pessac;33600;2 rue B;+3399231769;;2017-11-06\n" +
		"c;Centre social;Pessac;33600;3 rue C;;Très variables;2026-05-01\n"
	r, err := source.NewReader(strings.NewReader(csv), "revue.csv", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	places, rep, err := Check(r, Options{})
	if err != nil || len(places) != 3 {
		t.Fatalf("%v, %d places", err, len(places))
	}
	chosen := []*Place{&places[0], &places[1], &places[2]}
	rv := ReviewPlaces(chosen, rep.Newest(places), time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC))
	if len(rv.Places) != 2 || rv.Places[0].Place.ID != "b" || rv.Places[1].Place.ID != "c" {
		t.Fatalf("to check: %+v", rv.Places)
	}
	if got := strings.Join(rv.Places[0].What, " / "); got != "numéro invalide : « +3399231769 » / pas d’horaires / informations du 6 novembre 2017 / nom en forme de code : quel nom les gens connaissent-ils ?" {
		t.Errorf("b: %s", got)
	}
	if got := strings.Join(rv.Places[1].What, " / "); got != "pas de téléphone / horaires illisibles : « Très variables »" {
		t.Errorf("c: %s", got)
	}
	want := "À vérifier avant d’imprimer : 2 lieux sur 3.|  2 lieux sans téléphone valide|  1 lieu sans horaires|  1 lieu aux horaires illisibles|  1 lieu aux informations de plus de deux ans|  1 nom en forme de code"
	if got := strings.ReplaceAll(strings.Join(rv.Summary(), "|"), "\u00a0", " "); got != want {
		t.Errorf("summary:\n%s\nwant\n%s", got, want)
	}
	if rv.Stale || rv.Staleness() != "" {
		t.Errorf("a file updated on 1 June is not stale on 15 August")
	}
	late := ReviewPlaces(chosen, rep.Newest(places), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if !late.Stale || !strings.Contains(late.Staleness(), "datent du 1er juin 2026, plus de trois mois avant l’édition du 23 novembre 2026") {
		t.Errorf("staleness: %q", late.Staleness())
	}
}
