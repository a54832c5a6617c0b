package controle

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"strings"
	"testing"

	"livret/source"
	"livret/territoire"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func checkFile(t *testing.T, path string) ([]Place, *Report) {
	t.Helper()
	r, err := source.Open(context.Background(), path, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	places, rep, err := Check(r, Options{Atlas: territoire.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Errorf("%s: %d rows read, %d kept + %d set aside + %d merged", path, rep.Rows, rep.Kept, rep.SetAside, rep.Merged)
	}
	if len(places) != rep.Kept {
		t.Errorf("%d places returned, %d kept in the report", len(places), rep.Kept)
	}
	return places, rep
}

// TestNationalFile checks the real national file of 2023: its duplicates
// are merged, its identifiers that collide between sources are kept apart,
// and every row is accounted for.
func TestNationalFile(t *testing.T) {
	t.Parallel()
	places, rep := checkFile(t, "../testdata/donnees/national-v0.1-2023-02-06.json")
	collisions := 0
	for _, is := range rep.Issues {
		if strings.Contains(is.Problem, "déjà pris par un autre lieu") {
			collisions++
		}
	}
	if rep.Rows != 3811 || rep.Kept != 3633 || rep.Merged != 178 || rep.SetAside != 0 || collisions != 234 {
		t.Errorf("rows %d, kept %d, merged %d, set aside %d, identifier collisions %d; want 3811, 3633, 178, 0, 234",
			rep.Rows, rep.Kept, rep.Merged, rep.SetAside, collisions)
	}
	unlocated := 0
	for _, p := range places {
		if p.Location.Commune == nil {
			unlocated++
		}
	}
	if unlocated > 10 {
		t.Errorf("%d places could not be located", unlocated)
	}
}

// TestReport checks the report on a national-export-style CSV holding the
// problems real files have, against a golden file.
func TestReport(t *testing.T) {
	t.Parallel()
	places, rep := checkFile(t, "testdata/cas.csv")
	if rep.Rows != 7 || rep.Kept != 3 || rep.SetAside != 3 || rep.Merged != 1 {
		t.Errorf("rows %d kept %d set aside %d merged %d", rep.Rows, rep.Kept, rep.SetAside, rep.Merged)
	}
	// The duplicate's services and website were merged in; the older
	// duplicate does not override the newer place's text.
	p := places[0]
	if p.Name != "Médiathèque Jacques-Ellul" || len(p.Services) != 3 || len(p.Websites) != 2 {
		t.Errorf("merged place = %q, services %v, websites %v", p.Name, p.Services, p.Websites)
	}
	// Swapped coordinates put back, the fictitious date unknown.
	if q := places[1]; q.Position.Lat != 44.89 || !q.Updated.IsZero() || q.Location.Commune == nil || q.Location.Commune.Code != "33449" {
		t.Errorf("place a5 = %+v", q)
	}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"testdata/rapport.golden.txt", func(b *bytes.Buffer) error { return rep.WriteText(b) }},
		{"testdata/rapport.golden.csv", func(b *bytes.Buffer) error { return rep.WriteCSV(b) }},
		{"testdata/rapport.golden.json", func(b *bytes.Buffer) error { return rep.WriteJSON(b) }},
	} {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			t.Fatal(err)
		}
		if *update {
			os.WriteFile(f.name, buf.Bytes(), 0o644)
		}
		want, _ := os.ReadFile(f.name)
		if buf.String() != string(want) {
			t.Errorf("%s differs; run go test ./controle -update and review the diff\n%s", f.name, buf.String())
		}
	}
}

// TestInvisibleCharacters checks that control and format characters never
// reach a report or a place, and that each is reported (issue #17, item 12).
func TestInvisibleCharacters(t *testing.T) {
	t.Parallel()
	csv := "id;nom;commune;code_postal;adresse;services\n" +
		"x1;\"Mairie \u202eetarcomed\u202c\nBilan\n  999 lieux retenus\";Pessac;33600;1 rue\u200d de la Gare;Cuisine\u2066\n"
	r, err := source.NewReader(strings.NewReader(csv), "hostile.csv", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	places, rep, err := Check(r, Options{})
	if err != nil || len(places) != 1 {
		t.Fatalf("%v, %d places", err, len(places))
	}
	if p := places[0]; p.Name != "Mairie etarcomed Bilan 999 lieux retenus" || p.Address != "1 rue de la Gare" {
		t.Errorf("place %q, %q", p.Name, p.Address)
	}
	var fields []string
	for _, is := range rep.Issues {
		if strings.Contains(is.Problem, "caractères invisibles") {
			fields = append(fields, is.Field)
		}
	}
	if strings.Join(fields, ",") != "nom,adresse" {
		t.Errorf("invisible characters reported in %q", fields)
	}
	for _, w := range []func(io.Writer) error{rep.WriteText, rep.WriteCSV, rep.WriteJSON} {
		var b strings.Builder
		w(&b)
		if strings.ContainsAny(b.String(), "\u202e\u202c\u200d\u2066") || strings.Contains(b.String(), "\n  999 lieux") {
			t.Errorf("report holds raw invisible characters or a forged line:\n%s", b.String())
		}
	}
}
