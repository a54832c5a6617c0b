package corrections

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"livret/controle"
	"livret/export"
	"livret/internal/fixtures"
	"livret/source"
	"livret/territoire"
)

var opt = controle.Options{Atlas: territoire.Default()}

// applyFile applies a corrections file written from text to the example.
func applyFile(t *testing.T, name, content string) ([]controle.Place, []controle.Place, *Report) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return applyPath(t, path)
}

func applyPath(t *testing.T, path string) ([]controle.Place, []controle.Place, *Report) {
	t.Helper()
	places := fixtures.Checked(t, fixtures.Example)
	r, err := source.Open(context.Background(), path, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out, rep, err := Apply(r, places, opt)
	if err != nil {
		t.Fatal(err)
	}
	return places, out, rep
}

func find(places []controle.Place, id string) *controle.Place {
	for i := range places {
		if places[i].ID == id {
			return &places[i]
		}
	}
	return nil
}

// TestApply applies each kind of correction to the example, from a CSV
// with some of the export's columns, in an order of the user's.
func TestApply(t *testing.T) {
	const csv = "Téléphone;Identifiant;Action;Horaires;Comment s’y rendre;Fermeture temporaire;Nom;Adresse;Code postal;Commune\n" +
		"05 57 00 00 01;1747;;Mo-Fr 09:00-12:00;Tram B, arrêt Unitec;Fermé du 1er au 15 août;;;;\n" +
		";1890;masquer;;;;;;;\n" +
		";disparu-42;;;;;;;;\n" +
		";disparu-43;masquer;;;;;;;\n" +
		";62b18563dd51e705b180714d;fermer;;;;;;;\n" +
		"05 56 00 00 02;;;;;;Permanence numérique du marché;Place de la Ve République;33600;Pessac\n" +
		"0x;;;;;;;;;\n"
	before, after, rep := applyFile(t, "corrections.csv", csv)

	if len(after) != len(before) { // one hidden, one added
		t.Errorf("%d places after, %d before", len(after), len(before))
	}
	ccas := find(after, "1747")
	if ccas == nil || len(ccas.Phones) != 1 || ccas.Phones[0].E164 != "+33557000001" || ccas.Schedule == nil ||
		ccas.Directions != "Tram B, arrêt Unitec" || ccas.Closure != "Fermé du 1er au 15 août" || ccas.Name != find(before, "1747").Name {
		t.Errorf("corrected place %+v", ccas)
	}
	if orig := find(before, "1747"); orig.Closure != "" || orig.Phone != "05 57 93 67 67" {
		t.Errorf("the source's places changed: %+v", orig)
	}
	if find(after, "1890") != nil {
		t.Error("hidden place still there")
	}
	added := find(after, "correction-ligne-7")
	if added == nil || added.Location.Commune == nil || added.Location.Commune.Code != "33318" {
		t.Errorf("added place %+v", added)
	}

	kinds := make([]Kind, len(rep.Corrections))
	for i, c := range rep.Corrections {
		kinds[i] = c.Kind
	}
	if want := []Kind{Changed, Hidden, Missing, Missing, Refused, Added, Refused}; !slices.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
	var lines []string
	for _, c := range rep.Corrections {
		lines = append(lines, c.String())
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"ligne 2\u00a0: « " + find(before, "1747").Name + " » (1747) corrigé\u00a0: Téléphone, Horaires, Comment s’y rendre, Fermeture temporaire",
		"ligne 3\u00a0: « " + find(before, "1890").Name + " » (1890) masqué",
		"ligne 4\u00a0: aucun lieu d’identifiant « disparu-42 » dans la source",
		"action « fermer » inconnue",
		"« Permanence numérique du marché » (correction-ligne-7) ajouté",
		"ni identifiant ni nom",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if got, want := rep.Summary(), "Corrections de « corrections.csv » : 1\u00a0lieu corrigé, 1\u00a0lieu ajouté, 1\u00a0lieu masqué ; 2\u00a0corrections visent des lieux absents de la source ; 2\u00a0corrections refusées."; !strings.HasSuffix(got, strings.TrimPrefix(want, "Corrections de « corrections.csv »")) {
		t.Errorf("summary %q", got)
	}
}

// TestTemplate writes the empty workbook and reads it back as a
// corrections file: its columns are the export's, and it changes nothing.
func TestTemplate(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "corrections.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := source.Open(context.Background(), path, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cols := r.Columns()
	r.Close()
	if len(cols) != len(templateColumns) || cols[0] != "Identifiant" || cols[1] != ColumnAction {
		t.Errorf("columns %q", cols)
	}
	for _, c := range cols[2:] {
		if !slices.ContainsFunc(export.Headers(), func(h export.Column) bool { return h.Header == c }) {
			t.Errorf("column %q is not one of the export workbook", c)
		}
	}
	before, after, rep := applyPath(t, path)
	if len(after) != len(before) || len(rep.Corrections) != 0 {
		t.Errorf("the empty template changed %d places: %+v", len(before)-len(after), rep.Corrections)
	}
}

// TestChangesReported: each correction applied says, field by field,
// the value of the source and the new one, and the check's reports list
// them (issue #13).
func TestChangesReported(t *testing.T) {
	const csv = "Identifiant;Téléphone;Horaires;Comment s’y rendre\n" +
		"1747;05 57 00 00 01;Mo-Fr 09:00-12:00;Tram B, arrêt Unitec\n" +
		"1890;;;\n"
	before, _, rep := applyFile(t, "corrections.csv", csv)
	orig := find(before, "1747")
	c := rep.Corrections[0]
	want := []controle.Change{
		{Field: "Téléphone", Before: orig.Phone, After: "05 57 00 00 01"},
		{Field: "Horaires", Before: orig.Hours, After: "Mo-Fr 09:00-12:00"},
		{Field: "Comment s’y rendre", Before: "", After: "Tram B, arrêt Unitec"},
	}
	if !slices.Equal(c.Changes, want) {
		t.Errorf("changes %q\nwant %q", c.Changes, want)
	}
	r := &controle.Report{File: "lieux.csv", CorrectionsFile: rep.File, Fixes: rep.Fixes()}
	var text, csvOut, jsonOut bytes.Buffer
	r.WriteText(&text)
	r.WriteCSV(&csvOut)
	r.WriteJSON(&jsonOut)
	for _, want := range []string{
		"Corrections de « " + rep.File + " »",
		"  ligne 2\u00a0: « " + orig.Name + " » (1747) corrigé\u00a0: Téléphone, Horaires, Comment s’y rendre\n" +
			"    Téléphone : « " + orig.Phone + " » → « 05 57 00 00 01 »\n",
		"    Comment s’y rendre : vide → « Tram B, arrêt Unitec »",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	if want := "ligne 2,2,1747," + orig.Name + ",Téléphone,correction,valeur de la source : « " + orig.Phone + " »,remplacée par « 05 57 00 00 01 »,1"; !strings.Contains(csvOut.String(), want) {
		t.Errorf("CSV report lacks %q:\n%s", want, csvOut.String())
	}
	for _, want := range []string{`"corrections": {`, `"champ": "Téléphone"`, `"avant": "` + orig.Phone + `"`, `"apres": "05 57 00 00 01"`} {
		if !strings.Contains(jsonOut.String(), want) {
			t.Errorf("JSON report lacks %s:\n%s", want, jsonOut.String())
		}
	}
}
