package controle

import (
	"encoding/json"
	"strconv"

	"livret/nettoyage"
	"livret/source"
)

// Fix is what one row of a corrections file did, as the reports list it
// (see package corrections): which row, which place, and each field it
// changed.
type Fix struct {
	Pos     source.Position // in the corrections file
	ID      string
	Name    string
	Outcome string // French, the whole sentence, as the terminal shows it
	Changes []Change
}

// Change is one field a correction changed: its column, as headed in the
// corrections file, and its values before and after.
type Change struct{ Field, Before, After string }

func (f Fix) visible() Fix {
	v := nettoyage.Visible
	f.ID, f.Name, f.Outcome = v(f.ID), v(f.Name), v(f.Outcome)
	changes := make([]Change, len(f.Changes))
	for i, c := range f.Changes {
		changes[i] = Change{v(c.Field), v(c.Before), v(c.After)}
	}
	f.Changes = changes
	return f
}

// writeFixesText lists the corrections, each change « ancien » → « nouveau ».
func (r *Report) writeFixesText(ew *errWriter) {
	if r.CorrectionsFile == "" {
		return
	}
	ew.printf("\nCorrections de « %s »\n", nettoyage.Visible(r.CorrectionsFile))
	for _, f := range r.Fixes {
		f = f.visible()
		ew.printf("  %s\n", f.Outcome)
		for _, c := range f.Changes {
			ew.printf("    %s : %s → %s\n", c.Field, quoted(c.Before), quoted(c.After))
		}
	}
}

// quoted is « value », or « vide » for none.
func quoted(v string) string {
	if v == "" {
		return "vide"
	}
	return "« " + v + " »"
}

// writeFixesCSV writes a line per change, a line per correction that
// changed nothing, of gravity « correction ».
func (r *Report) writeFixesCSV(write func(...string)) {
	for _, f := range r.Fixes {
		f = f.visible()
		pos, line := f.Pos.String(), strconv.Itoa(f.Pos.Line)
		if len(f.Changes) == 0 {
			write(r.CorrectionsFile, pos, line, f.ID, f.Name, "", "correction", f.Outcome, "", "1")
		}
		for _, c := range f.Changes {
			write(r.CorrectionsFile, pos, line, f.ID, f.Name, c.Field, "correction",
				"valeur de la source : "+quoted(c.Before), "remplacée par "+quoted(c.After), "1")
		}
	}
}

// writeFixesJSON writes the member "corrections", when there are some.
func (r *Report) writeFixesJSON(ew *errWriter) {
	if r.CorrectionsFile == "" {
		return
	}
	type change struct {
		Field  string `json:"champ"`
		Before string `json:"avant"`
		After  string `json:"apres"`
	}
	type fix struct {
		Position string   `json:"position"`
		Line     int      `json:"ligne,omitempty"`
		ID       string   `json:"identifiant,omitempty"`
		Name     string   `json:"nom,omitempty"`
		Outcome  string   `json:"resultat"`
		Changes  []change `json:"changements"`
	}
	out := struct {
		File  string `json:"fichier"`
		Fixes []fix  `json:"lignes"`
	}{File: r.CorrectionsFile, Fixes: []fix{}}
	for _, f := range r.Fixes {
		f = f.visible()
		x := fix{f.Pos.String(), f.Pos.Line, f.ID, f.Name, f.Outcome, []change{}}
		for _, c := range f.Changes {
			x.Changes = append(x.Changes, change{c.Field, c.Before, c.After})
		}
		out.Fixes = append(out.Fixes, x)
	}
	b, err := json.MarshalIndent(out, "  ", "  ")
	if err != nil && ew.err == nil {
		ew.err = err
	}
	ew.printf(",\n  \"corrections\": ")
	ew.write(b)
}
