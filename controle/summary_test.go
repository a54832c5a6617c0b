package controle

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"livret/source"
)

func checkString(t *testing.T, name, data string) ([]Place, *Report) {
	t.Helper()
	r, err := source.NewReader(strings.NewReader(data), name, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	places, rep, err := Check(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() || len(places) != rep.Kept {
		t.Fatalf("%d rows ≠ %d kept + %d set aside + %d merged", rep.Rows, rep.Kept, rep.SetAside, rep.Merged)
	}
	return places, rep
}

// TestNoiseIsSummarised: past the first rows set aside or merged, their
// issues are tallied by kind, with a count and the first positions, so
// that a report holds what the kept places need and a bounded amount of
// noise; the balance still counts every row.
func TestNoiseIsSummarised(t *testing.T) {
	t.Parallel()
	const garbage, dups = 5000, 3000
	var b strings.Builder
	b.WriteString("nom;adresse;code_postal;commune\n")
	b.WriteString("Mairie;1 place de la Mairie;33600;Pessac\n")
	for range garbage {
		b.WriteString("x\n") // a name, but nowhere to find it
	}
	for range dups {
		b.WriteString("Mairie;1 place de la Mairie;33600;Pessac\n")
	}
	places, rep := checkString(t, "bruit.csv", b.String())
	if len(places) != 1 || rep.SetAside != garbage || rep.Merged != dups {
		t.Fatalf("%d places, %d set aside, %d merged", len(places), rep.SetAside, rep.Merged)
	}
	if len(rep.Issues) > 4*maxNoiseRows {
		t.Errorf("%d issues detailed, for at most %d noisy rows", len(rep.Issues), maxNoiseRows)
	}
	if rep.Summarised != garbage+dups-maxNoiseRows {
		t.Errorf("%d rows summarised, want %d", rep.Summarised, garbage+dups-maxNoiseRows)
	}
	if rep.Errors() != garbage || rep.Warnings() < dups {
		t.Errorf("%d errors, %d warnings: summarised issues are not counted", rep.Errors(), rep.Warnings())
	}
	var noAddress, merged *Summary
	for i, s := range rep.Summaries {
		switch {
		case s.Field == "adresse" && s.Severity == Error:
			noAddress = &rep.Summaries[i]
		case strings.HasPrefix(s.Problem, "doublon de"):
			merged = &rep.Summaries[i]
		}
	}
	if noAddress == nil || noAddress.Count != garbage-maxNoiseRows || noAddress.First[0].Line != maxNoiseRows+3 {
		t.Fatalf("summary of the rows without address: %+v", noAddress)
	}
	if merged == nil || merged.Count != dups || merged.First[0].Line != garbage+3 || len(merged.First) != maxFirst {
		t.Fatalf("summary of the duplicates: %+v", merged)
	}

	var text, csvOut, jsonOut bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Problèmes résumés : 7 000 lignes non détaillées, au-delà des 1 000 premières lignes écartées ou fusionnées",
		"  erreur        adresse : ni adresse, ni commune, ni code postal : personne ne pourrait trouver le lieu → ligne écartée\n" +
			"                4 000 fois : ligne 1003\u202f; ligne 1004\u202f; ligne 1005…",
		"7 000 lignes aux problèmes résumés, non détaillées",
	} {
		if sp := strings.NewReplacer("\u202f", " ", "\u00a0", " "); !strings.Contains(sp.Replace(text.String()), sp.Replace(want)) {
			t.Errorf("text report lacks %q", want)
		}
	}
	if err := rep.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, rec := range recs[1:] {
		var n int
		fmt.Sscan(rec[9], &n)
		total += n
	}
	if total != rep.Errors()+rep.Warnings() {
		t.Errorf("CSV « nombre » adds up to %d, for %d issues", total, rep.Errors()+rep.Warnings())
	}
	if err := rep.WriteJSON(&jsonOut); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Bilan   map[string]int `json:"bilan"`
		Resumes []struct {
			Nombre    int      `json:"nombre"`
			Premieres []string `json:"premieres_positions"`
			Probleme  string   `json:"probleme"`
		} `json:"resumes"`
	}
	if err := json.Unmarshal(jsonOut.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Bilan["lignes_non_detaillees"] != 7000 || len(out.Resumes) != len(rep.Summaries) || out.Resumes[0].Nombre == 0 {
		t.Errorf("JSON balance %v, %d summaries", out.Bilan, len(out.Resumes))
	}
}

// TestRowIssuesBounded: a kept row whose cell lists a thousand invalid
// e-mails gets a bounded detail, the rest tallied.
func TestRowIssuesBounded(t *testing.T) {
	t.Parallel()
	var mails []string
	for i := range 1000 {
		mails = append(mails, fmt.Sprintf("faux%d", i))
	}
	data := "nom;adresse;code_postal;commune;courriels\nMairie;1 place de la Mairie;33600;Pessac;" + strings.Join(mails, "|") + "\n"
	_, rep := checkString(t, "courriels.csv", data)
	if len(rep.Issues) != maxRowIssues || rep.Summarised != 1 {
		t.Fatalf("%d issues detailed, %d rows summarised", len(rep.Issues), rep.Summarised)
	}
	var n int
	for _, s := range rep.Summaries {
		if s.Field == "courriels" {
			n += s.Count
		}
	}
	if n+countField(rep.Issues, "courriels") != 1000 {
		t.Errorf("%d e-mails reported, want 1000", n+countField(rep.Issues, "courriels"))
	}
}

func countField(issues []Issue, field string) int {
	n := 0
	for _, is := range issues {
		if is.Field == field {
			n++
		}
	}
	return n
}

// TestKinds: values quoted and numbers do not make kinds of their own;
// the kinds are bounded even when every problem differs.
func TestKinds(t *testing.T) {
	t.Parallel()
	for _, c := range [][2]string{
		{"code postal « 3360 » invalide : 5 chiffres attendus", "code postal « 1 » invalide : 5 chiffres attendus"},
		{"résumé de 300 caractères, plus long que les 280 du standard", "résumé de 4000 caractères, plus long que les 280 du standard"},
		{"doublon de « A « b » », ligne 2", "doublon de « C », ligne 20"},
	} {
		if kind(c[0]) != kind(c[1]) {
			t.Errorf("%q and %q are of kinds %q and %q", c[0], c[1], kind(c[0]), kind(c[1]))
		}
	}
	if kind("nom absent") == kind("adresse absente") {
		t.Error("two problems of one kind")
	}
	var r Report
	for i := range 10 * maxKinds {
		r.summarise(Issue{Pos: source.Position{Line: i}, Field: fmt.Sprintf("f%d", i), Problem: "p", Severity: Warning})
	}
	if len(r.Summaries) != maxKinds+1 || r.Summaries[maxKinds].Count != 9*maxKinds || r.Warnings() != 10*maxKinds {
		t.Errorf("%d kinds, the last of %d issues", len(r.Summaries), r.Summaries[len(r.Summaries)-1].Count)
	}
}

// TestManyPlacesOneIdentifier: a file reusing one identifier for
// thousands of places gives each its own, without trying every suffix
// each time (that was quadratic).
func TestManyPlacesOneIdentifier(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("id;nom;adresse;code_postal;commune\n")
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, "x;Lieu %d;%d rue de la Gare;33600;Pessac\n", i, i+1)
	}
	places, _ := checkString(t, "ids.csv", b.String())
	seen := map[string]bool{}
	for _, p := range places {
		seen[p.ID] = true
	}
	if len(places) != n || len(seen) != n || !seen["x"] || !seen["x-2"] || !seen[fmt.Sprintf("x-%d", n)] {
		t.Errorf("%d places, %d identifiers", len(places), len(seen))
	}
}
