package controle

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"livret/source"
	"livret/territoire"
)

// FuzzCheck checks whole rows of any content under the standard's header,
// then writes the three reports: every row is accounted for, every place
// kept has a name and a way to be found, and each report is well formed.
func FuzzCheck(f *testing.F) {
	const header = "id;nom;adresse;code_postal;commune;code_insee;telephone;site_web;horaires;services;latitude;longitude;date_maj\n"
	for _, row := range []string{
		"a1;Médiathèque;21 rue Jean-Jaurès;33600;Pessac;33318;+33557936700;https://bibliotheque.pessac.fr/;Mo-Fr 09:00-12:00;Aide aux démarches administratives;44.8067;-0.6311;2025-03-12",
		";;;;;;;;;;;;",
		"a2;=HYPERLINK(\"x\");;75056;Paris;;0102;javascript:alert(1);24/7;cuisine;NaN;Inf;1969-12-31",
		"a1;Médiathèque;21 rue Jean-Jaurès;33600;Pessac;;;;;;;;\na1;Mediatheque;21 rue Jean Jaures;33600;Pessac;;;;;;;;",
		"\"a3;\"Nom\n;long\";x\u202e;;97411;Saint-Denis;;;http://a.b;;;1e308;-1e308;2099-01-01",
	} {
		f.Add(row)
	}
	atlas := territoire.Default()
	f.Fuzz(func(t *testing.T, rows string) {
		r, err := source.NewReader(strings.NewReader(header+rows), "f.csv", source.Options{})
		if err != nil {
			return
		}
		defer r.Close()
		places, rep, err := Check(r, Options{Atlas: atlas})
		if err != nil {
			return // a fatal error: the file is refused with a message
		}
		if !rep.Balanced() || rep.Kept != len(places) {
			t.Fatalf("rows %d ≠ kept %d + set aside %d + merged %d", rep.Rows, rep.Kept, rep.SetAside, rep.Merged)
		}
		for _, p := range places {
			if strings.TrimSpace(p.Name) == "" {
				t.Fatalf("place kept without a name at %s", p.Pos)
			}
		}
		var text, csvOut, jsonOut bytes.Buffer
		if err := rep.WriteText(&text); err != nil || !strings.HasPrefix(text.String(), "Vérification de « f.csv »") {
			t.Fatalf("text report: %v", err)
		}
		if err := rep.WriteCSV(&csvOut); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&csvOut).ReadAll()
		if err != nil || len(recs) != len(rep.Issues)+len(rep.Summaries)+1 {
			t.Fatalf("CSV report: %v, %d lines for %d issues", err, len(recs), len(rep.Issues))
		}
		for _, rec := range recs[1:] {
			for _, cell := range rec {
				if cell != "" && strings.IndexByte("=+-@\t\r\n", cell[0]) >= 0 && strings.Trim(cell, "+-0123456789.|") != "" {
					t.Fatalf("CSV report cell %q would run as a formula", cell)
				}
			}
		}
		if err := rep.WriteJSON(&jsonOut); err != nil || !json.Valid(jsonOut.Bytes()) {
			t.Fatalf("JSON report: %v", err)
		}
	})
}
