package controle

import (
	"bufio"
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
// problems and what was done, then the issues summarised, then the
// balance. It is written as it goes, an issue at a time.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	ew := &errWriter{w: bw}
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
		ew.printf("  %-13s %s%s → %s\n", is.Severity, field(is.Field), is.Problem, is.Action)
	}
	if len(r.Summaries) > 0 {
		ew.printf("\nProblèmes résumés : %s, au-delà des %s premières lignes écartées ou fusionnées ou des %d premiers problèmes d’une ligne\n",
			texte.Count(r.Summarised, "ligne non détaillée", "lignes non détaillées"), texte.Number(maxNoiseRows), maxRowIssues)
		for _, s := range r.Summaries {
			s = s.visible()
			ew.printf("  %-13s %s%s → %s\n  %13s %s : %s\n", s.Severity, field(s.Field), s.Problem, s.Action,
				"", texte.Plural(s.Count, "1 fois", texte.Number(s.Count)+" fois"), s.positions())
		}
	}
	r.writeFixesText(ew)
	ew.printf("\nBilan\n")
	width := 0
	for _, n := range []int{r.Rows, r.Outside, r.Kept, r.SetAside, r.Merged, r.Warnings(), r.Empty, r.Summarised} {
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
	if r.Summarised > 0 {
		line(r.Summarised, texte.Plural(r.Summarised, "ligne aux problèmes résumés, non détaillée", "lignes aux problèmes résumés, non détaillées"))
	}
	if ew.err == nil {
		ew.err = bw.Flush()
	}
	return ew.err
}

func field(name string) string {
	if name == "" {
		return ""
	}
	return name + " : "
}

// WriteCSV writes one line per issue, then one per kind of issue
// summarised, for a spreadsheet or a program; the column « nombre » says
// how many issues a line stands for. No cell can run as a formula in a
// spreadsheet: one that would starts with an apostrophe.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"fichier", "position", "ligne", "identifiant", "nom", "champ", "gravite", "probleme", "action", "nombre"})
	rec := make([]string, 10)
	write := func() {
		for i, v := range rec {
			rec[i] = formula.Defuse(v)
		}
		cw.Write(rec)
	}
	for _, is := range r.Issues {
		is = is.visible()
		rec = append(rec[:0], r.File, is.Pos.String(), strconv.Itoa(is.Pos.Line), is.ID, is.Name, is.Field,
			is.Severity.String(), is.Problem, is.Action, "1")
		write()
	}
	for _, s := range r.Summaries {
		s = s.visible()
		rec = append(rec[:0], r.File, s.positions(), strconv.Itoa(s.First[0].Line), "", "", s.Field,
			s.Severity.String(), s.Problem, s.Action, strconv.Itoa(s.Count))
		write()
	}
	r.writeFixesCSV(func(cells ...string) {
		rec = append(rec[:0], cells...)
		write()
	})
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the whole report as one JSON object, an issue at a
// time.
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
	type summary struct {
		Field     string   `json:"champ,omitempty"`
		Severity  string   `json:"gravite"`
		Problem   string   `json:"probleme"`
		Action    string   `json:"action"`
		Count     int      `json:"nombre"`
		Positions []string `json:"premieres_positions"`
	}
	head := struct {
		File     string   `json:"fichier"`
		Format   string   `json:"format"`
		Encoding string   `json:"encodage,omitempty"`
		Version  string   `json:"schema"`
		Notes    []string `json:"remarques"`
		Balance  struct {
			Rows       int `json:"lignes_lues"`
			Outside    int `json:"hors_territoire_non_verifiees,omitempty"`
			Kept       int `json:"lieux_retenus"`
			SetAside   int `json:"lignes_ecartees"`
			Merged     int `json:"doublons_fusionnes"`
			Near       int `json:"dont_quasi_doublons"`
			Warnings   int `json:"avertissements"`
			Empty      int `json:"lignes_vides"`
			Summarised int `json:"lignes_non_detaillees"`
		} `json:"bilan"`
	}{File: r.File, Format: r.Format, Encoding: r.Encoding, Version: r.Version.String(), Notes: r.FileNotes}
	if head.Notes == nil {
		head.Notes = []string{}
	}
	b := &head.Balance
	b.Rows, b.Outside, b.Kept, b.SetAside, b.Merged, b.Near = r.Rows, r.Outside, r.Kept, r.SetAside, r.Merged, r.NearDuplicates
	b.Warnings, b.Empty, b.Summarised = r.Warnings(), r.Empty, r.Summarised

	bw := bufio.NewWriter(w)
	ew := &errWriter{w: bw}
	out, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return err
	}
	ew.write(out[:len(out)-2]) // without the closing "\n}"
	ew.array("problemes", len(r.Issues), func(i int) any {
		is := r.Issues[i].visible()
		return issue{is.Pos.String(), is.Pos.Line, is.ID, is.Name, is.Field, is.Severity.String(), is.Problem, is.Action}
	})
	ew.array("resumes", len(r.Summaries), func(i int) any {
		s := r.Summaries[i].visible()
		pos := make([]string, len(s.First))
		for k, p := range s.First {
			pos[k] = p.String()
		}
		return summary{s.Field, s.Severity.String(), s.Problem, s.Action, s.Count, pos}
	})
	r.writeFixesJSON(ew)
	ew.write([]byte("\n}\n"))
	if ew.err == nil {
		ew.err = bw.Flush()
	}
	return ew.err
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

func (s Summary) visible() Summary {
	for _, v := range []*string{&s.Field, &s.Problem, &s.Action} {
		*v = nettoyage.Visible(*v)
	}
	return s
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

func (e *errWriter) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// array writes `,\n  "name": [ … ]` as json.MarshalIndent would, each
// element of n marshalled on its own so that the whole is never held.
func (e *errWriter) array(name string, n int, elem func(int) any) {
	e.printf(",\n  %q: [", name)
	for i := range n {
		b, err := json.MarshalIndent(elem(i), "    ", "  ")
		if err != nil && e.err == nil {
			e.err = err
		}
		if i > 0 {
			e.write([]byte(","))
		}
		e.write([]byte("\n    "))
		e.write(b)
	}
	if n > 0 {
		e.write([]byte("\n  "))
	}
	e.write([]byte("]"))
}
