package controle

import (
	"bytes"
	"context"
	"flag"
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
	places, rep := checkFile(t, "../testdata/donnees/national-v0.1-2023-02-06.json")
	collisions := 0
	for _, is := range rep.Issues {
		if strings.Contains(is.Problem, "déjà pris par un autre lieu") {
			collisions++
		}
	}
	if rep.Rows != 3811 || rep.Kept != 3681 || rep.Merged != 130 || rep.SetAside != 0 || collisions != 236 {
		t.Errorf("rows %d, kept %d, merged %d, set aside %d, identifier collisions %d; want 3811, 3681, 130, 0, 236",
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
