package controle

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"livret/internal/formula"
	"livret/nettoyage"
	"livret/texte"
)

// WriteText writes the report for a person: the file, then each row with
// problems and what was done, then the balance.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("Vérification de « %s »\n", r.File)
	desc := r.Format
	if r.Encoding != "" {
		desc += ", " + r.Encoding
	}
	ew.printf("Format : %s ; schéma du standard : %s\n", desc, r.Version)
	for _, n := range r.FileNotes {
		ew.printf("  • %s\n", nettoyage.Visible(n))
	}
	var last string
	for _, is := range r.Issues {
		is = is.visible()
		head := is.Pos.String()
		if is.ID != "" {
			head += " · identifiant " + is.ID
		}
		if is.Name != "" {
			head += " · « " + is.Name + " »"
		}
		if head != last {
			ew.printf("\n%s\n", head)
			last = head
		}
		field := ""
		if is.Field != "" {
			field = is.Field + " : "
		}
		ew.printf("  %-13s %s%s → %s\n", is.Severity, field, is.Problem, is.Action)
	}
	ew.printf("\nBilan\n")
	width := 0
	for _, n := range []int{r.Rows, r.Outside, r.Kept, r.SetAside, r.Merged, r.Warnings(), r.Empty} {
		width = max(width, utf8.RuneCountInString(texte.Number(n)))
	}
	line := func(n int, what string) { ew.printf("  %*s %s\n", width, texte.Number(n), what) }
	line(r.Rows, texte.Plural(r.Rows, "ligne lue", "lignes lues"))
	if r.Outside > 0 {
		line(r.Outside, texte.Plural(r.Outside, "ligne hors du territoire demandé, non vérifiée", "lignes hors du territoire demandé, non vérifiées"))
	}
	line(r.Kept, texte.Plural(r.Kept, "lieu retenu", "lieux retenus"))
	line(r.SetAside, texte.Plural(r.SetAside, "ligne écartée (erreur)", "lignes écartées (erreurs)"))
	line(r.Merged, texte.Plural(r.Merged, "doublon fusionné", "doublons fusionnés"))
	if r.NearDuplicates > 0 {
		line(r.NearDuplicates, texte.Plural(r.NearDuplicates, "dont quasi-doublon", "dont quasi-doublons")+
			" (même téléphone et même adresse, ou même courriel et noms proches)")
	}
	line(r.Warnings(), texte.Plural(r.Warnings(), "avertissement", "avertissements"))
	if r.Empty > 0 {
		line(r.Empty, texte.Plural(r.Empty, "ligne vide ignorée", "lignes vides ignorées"))
	}
	return ew.err
}

// WriteCSV writes one line per issue, for a spreadsheet or a program. No
// cell can run as a formula in a spreadsheet: one that would starts with
// an apostrophe.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"fichier", "position", "ligne", "identifiant", "nom", "champ", "gravite", "probleme", "action"})
	rec := make([]string, 9)
	for _, is := range r.Issues {
		is = is.visible()
		rec = append(rec[:0], r.File, is.Pos.String(), strconv.Itoa(is.Pos.Line), is.ID, is.Name, is.Field,
			is.Severity.String(), is.Problem, is.Action)
		for i, v := range rec {
			rec[i] = formula.Defuse(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the whole report as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	type issue struct {
		Position string `json:"position"`
		Line     int    `json:"ligne,omitempty"`
		ID       string `json:"identifiant,omitempty"`
		Name     string `json:"nom,omitempty"`
		Field    string `json:"champ,omitempty"`
		Severity string `json:"gravite"`
		Problem  string `json:"probleme"`
		Action   string `json:"action"`
	}
	out := struct {
		File     string   `json:"fichier"`
		Format   string   `json:"format"`
		Encoding string   `json:"encodage,omitempty"`
		Version  string   `json:"schema"`
		Notes    []string `json:"remarques"`
		Balance  struct {
			Rows     int `json:"lignes_lues"`
			Outside  int `json:"hors_territoire_non_verifiees,omitempty"`
			Kept     int `json:"lieux_retenus"`
			SetAside int `json:"lignes_ecartees"`
			Merged   int `json:"doublons_fusionnes"`
			Near     int `json:"dont_quasi_doublons"`
			Warnings int `json:"avertissements"`
			Empty    int `json:"lignes_vides"`
		} `json:"bilan"`
		Issues []issue `json:"problemes"`
	}{File: r.File, Format: r.Format, Encoding: r.Encoding, Version: r.Version.String(), Notes: r.FileNotes}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	out.Balance.Rows, out.Balance.Outside, out.Balance.Kept, out.Balance.SetAside = r.Rows, r.Outside, r.Kept, r.SetAside
	out.Balance.Merged, out.Balance.Warnings, out.Balance.Empty = r.Merged, r.Warnings(), r.Empty
	out.Balance.Near = r.NearDuplicates
	out.Issues = make([]issue, len(r.Issues))
	for i, is := range r.Issues {
		is = is.visible()
		out.Issues[i] = issue{is.Pos.String(), is.Pos.Line, is.ID, is.Name, is.Field, is.Severity.String(), is.Problem, is.Action}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// visible shows the invisible characters of the values an issue quotes
// (see nettoyage.Visible): a name holding a line break or a bidirectional
// override cannot forge a line of a report.
func (is Issue) visible() Issue {
	for _, v := range []*string{&is.ID, &is.Name, &is.Field, &is.Problem, &is.Action} {
		*v = nettoyage.Visible(*v)
	}
	return is
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
