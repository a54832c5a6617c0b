package controle

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"livret/source"
)

// TestReportCSVRunsNoFormula: a spreadsheet opening the CSV report runs
// none of the values the source holds.
func TestReportCSVRunsNoFormula(t *testing.T) {
	t.Parallel()
	r := &Report{File: "@lieux.csv", Issues: []Issue{{Pos: source.Position{Line: 2}, ID: "=1+1", Name: "=HYPERLINK(\"https://x.example\")",
		Field: "telephone", Problem: "-2 numéros", Action: "+ gardé", Severity: Warning}}}
	var b bytes.Buffer
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v %q", err, rows)
	}
	want := []string{"'@lieux.csv", "ligne 2", "2", "'=1+1", "'=HYPERLINK(\"https://x.example\")", "telephone", "avertissement", "'-2 numéros", "'+ gardé", "1"}
	if !slices.Equal(rows[1], want) {
		t.Errorf("row %q\nwant %q", rows[1], want)
	}
}
