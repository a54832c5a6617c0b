package controle

import (
	"bytes"
	"context"
	"os"
	"testing"

	"livret/source"
	"livret/territoire"
)

// TestDistrictFromAddress checks, against a golden report, the cleaning
// rule that gives a place of Paris, Lyon or Marseille the arrondissement
// its address writes when its postcode names none: the place is filed
// under it, never under another commune, and --brut (Raw) leaves it as
// the file gives it.
func TestDistrictFromAddress(t *testing.T) {
	t.Parallel()
	const file = "testdata/arrondissements.csv"
	check := func(raw bool) (map[string]string, *Report) {
		r, err := source.Open(context.Background(), file, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		places, rep, err := Check(r, Options{Atlas: territoire.Default(), Raw: raw})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, p := range places {
			where := p.Location.Commune.Name + " " + p.PostalCode
			if ar := p.Location.Arrondissement; ar != nil {
				where += " " + ar.Code
			}
			got[p.ID] = where
		}
		return got, rep
	}
	for _, tc := range []struct {
		raw  bool
		want map[string]string
	}{
		{false, map[string]string{
			"w1": "Marseille 13003 13203", // « … Place Victor Hugo 13003 Marseille »
			"w2": "Marseille 13000",       // 13090 is Aix-en-Provence's: not moved
			"w3": "Marseille 13000",       // two arrondissements: to check
			"w4": "Paris 75116 75116",     // the complement writes it
			"w5": "Lyon 69003 69383",      // the postcode names one already
		}},
		{true, map[string]string{
			"w1": "Marseille 13000", "w2": "Marseille 13000", "w3": "Marseille 13000", "w4": "Paris 75000", "w5": "Lyon 69003 69383",
		}},
	} {
		got, rep := check(tc.raw)
		for id, want := range tc.want {
			if got[id] != want {
				t.Errorf("raw %v, %s: %q, want %q", tc.raw, id, got[id], want)
			}
		}
		if tc.raw {
			continue
		}
		var buf bytes.Buffer
		if err := rep.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		const golden = "testdata/rapport-arrondissements.golden.txt"
		if *update {
			os.WriteFile(golden, buf.Bytes(), 0o644)
		}
		if want, _ := os.ReadFile(golden); buf.String() != string(want) {
			t.Errorf("%s differs; run go test ./controle -run TestDistrictFromAddress -update and review the diff\n%s", golden, buf.String())
		}
	}
}
