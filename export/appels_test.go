package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"livret/controle"
	"livret/source"
)

// TestCallList writes the call list of a small file and reads it back: one
// row per place to phone, by commune, with what to ask and empty columns
// for the answer.
func TestCallList(t *testing.T) {
	t.Parallel()
	csv := "id;nom;commune;code_postal;adresse;telephone;horaires;date_maj\n" +
		"a;Mairie;Talence;33400;1 rue A;05 56 00 00 00;Mo-Fr 09:00-12:00;2026-06-01\n" +
		"b;=HYPERLINK(\"x\");Talence;33400;2 rue B;;;2026-06-01\n" +
		"c;Centre social;Bègles;33130;3 rue C;05 56 00 00 01;Très variables;2017-11-06\n"
	r, err := source.NewReader(strings.NewReader(csv), "appels.csv", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	places, rep, err := controle.Check(r, controle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	chosen := []*controle.Place{&places[0], &places[1], &places[2]}
	rv := controle.ReviewPlaces(chosen, rep.Newest(places), time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := CallList(&buf, rv, "Lieux à appeler"); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	rows, err := f.GetRows("À appeler")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || strings.Join(rows[0], "|") != "Commune|Lieu|Téléphone|Adresse|À vérifier|Identifiant|Réponse|Appelé le" {
		t.Fatalf("rows: %q", rows)
	}
	if rows[1][0] != "Bègles" || rows[1][4] != "horaires illisibles : « Très variables »\ninformations du 6 novembre 2017" {
		t.Errorf("first row: %q", rows[1])
	}
	if rows[2][1] != `=HYPERLINK("x")` || rows[2][4] != "pas de téléphone\npas d’horaires" {
		t.Errorf("second row: %q", rows[2])
	}
	if formula, _ := f.GetCellFormula("À appeler", "B3"); formula != "" {
		t.Errorf("a name became a formula: %q", formula)
	}
}
