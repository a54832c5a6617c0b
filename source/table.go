package source

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"livret/texte"
)

// table turns the cells of a CSV line or a sheet row into a record, by the
// names of the header.
type table struct {
	names       []string // field names, without repeats, in header order
	slot        []int    // for each header column: its field in names, or -1 when unnamed
	columns     []string // the header as found (cleaned)
	spreadsheet bool     // columns are lettered, and short rows are normal
	notes       []string

	// Remarks that a noisy file would repeat on every row, tallied for one
	// note on the whole file: a note per cell would take memory in
	// proportion to the noise (10⁶ notes for 10 rows of 10⁵ cells).
	unnamed, extra, short tally
	columnsSeen           int // the most cells a row had

	blank, slab []Field // see emptyFields
}

// tally counts a remark met on many rows, keeping the first few.
type tally struct {
	n     int
	first []string
}

// maxShown is how many examples a tallied note gives.
const maxShown = 3

func (t *tally) add(example func() string) {
	if t.n++; len(t.first) < maxShown {
		t.first = append(t.first, example())
	}
}

// examples writes "ligne 2 ; ligne 5 ; ligne 9…".
func (t *tally) examples() string {
	s := strings.Join(t.first, "\u202f; ")
	if t.n > len(t.first) {
		s += "…"
	}
	return s
}

// fileNotes are the notes on the whole file, tallies included.
func (t *table) fileNotes() []string {
	notes := slices.Clone(t.notes)
	if n := t.unnamed.n; n > 0 {
		notes = append(notes, sprintf("%s dans des colonnes sans nom dans l’en-tête, non lue%s (%s)",
			count(n, "valeur", "valeurs"), plural(n), t.unnamed.examples()))
	}
	if n := t.extra.n; n > 0 {
		where := sprintf("des %d colonnes de l’en-tête", len(t.slot))
		if len(t.slot) == 1 {
			where = "de l’unique colonne de l’en-tête"
		}
		notes = append(notes, sprintf("%s au-delà %s, non lue%s (%s)",
			count(n, "valeur", "valeurs"), where, plural(n), t.extra.examples()))
	}
	if n := t.short.n; n > 0 {
		notes = append(notes, sprintf("%s moins de cellules que les %d colonnes de l’en-tête ; les colonnes manquantes sont vides (%s)",
			pick(n, "1 ligne a", texte.Number(n)+" lignes ont"), len(t.slot), t.short.examples()))
	}
	return notes
}

func count(n int, one, many string) string { return texte.Number(n) + " " + pick(n, one, many) }

func pick(n int, one, many string) string {
	if n > 1 {
		return many
	}
	return one
}

// newTable builds a table from the cleaned header names.
func newTable(header []string, spreadsheet bool) *table {
	t := &table{columns: header, slot: make([]int, len(header)), spreadsheet: spreadsheet}
	first := make(map[string]int, len(header))
	var repeated []string
	cols := make(map[string][]string)
	for k, name := range header {
		if name == "" {
			t.slot[k] = -1
			continue
		}
		cols[name] = append(cols[name], t.label(k))
		if i, ok := first[name]; ok {
			t.slot[k] = i
			if len(cols[name]) == 2 {
				repeated = append(repeated, name)
			}
			continue
		}
		first[name] = len(t.names)
		t.slot[k] = len(t.names)
		t.names = append(t.names, name)
	}
	for _, name := range repeated {
		t.notes = append(t.notes, sprintf("la colonne %s apparaît %d fois dans l’en-tête (%s) ; sur chaque ligne, la première valeur non vide est gardée",
			guillemets(name), len(cols[name]), strings.Join(cols[name], ", ")))
	}
	return t
}

// label names column k (0-based) for a message: "colonne 6", or "colonne F"
// in a spreadsheet.
func (t *table) label(k int) string {
	if t.spreadsheet {
		if name, err := excelize.ColumnNumberToName(k + 1); err == nil {
			return "colonne " + name
		}
	}
	return "colonne " + strconv.Itoa(k+1)
}

// emptyFields are the fields of a record with no value. They are cut
// from a slab made for many records and copied from a blank one: one
// allocation of a few kilobytes per row was a quarter of reading a
// national file.
func (t *table) emptyFields() []Field {
	n := len(t.names)
	if len(t.blank) != n {
		t.blank = make([]Field, n)
		for i, name := range t.names {
			t.blank[i].Name = name
		}
		t.slab = nil
	}
	if len(t.slab) < n {
		t.slab = make([]Field, n*slabRecords)
	}
	fields := t.slab[:n:n] // a record appending to its fields does not reach the next one's
	t.slab = t.slab[n:]
	copy(fields, t.blank)
	return fields
}

// slabRecords is how many records' fields emptyFields allocates at once.
const slabRecords = 64

// record maps cells to the header. It reports empty when every cell is
// empty, in which case the record is to be skipped.
func (t *table) record(cells []string, pos Position) (rec Record, empty bool) {
	rec.Pos = pos
	rec.Fields = t.emptyFields()
	empty = true
	repeats, errs := 0, 0
	for k, cell := range cells {
		v, scrubbed := cleaned(cell)
		if scrubbed && strings.Contains(cell, misread) {
			rec.Notes = append(rec.Notes, sprintf("la %s a des caractères qui ne sont pas en UTF-8 comme le reste du fichier : lus en Windows-1252 (%s) ; vérifiez-les",
				t.label(k), excerpt(v)))
		}
		if v == "" {
			continue
		}
		if v[0] == '#' && spreadsheetErrors[v] { // every error starts so: no lookup for the others
			// The value of a formula that failed: no value at all.
			if errs++; errs <= maxShown {
				rec.Notes = append(rec.Notes, sprintf("la %s%s contient l’erreur de tableur %s : lue vide ; corrigez la formule ou la valeur à la source",
					t.cell(k, pos), t.named(k), guillemets(v)))
			}
			continue
		}
		empty = false
		switch {
		case k >= len(t.slot):
			t.extra.add(func() string { return sprintf("%s, %s : %s", pos, t.label(k), excerpt(v)) })
		case t.slot[k] < 0:
			t.unnamed.add(func() string { return sprintf("%s, %s : %s", pos, t.label(k), excerpt(v)) })
		default:
			f := &rec.Fields[t.slot[k]]
			switch {
			case f.Value == "":
				f.Value = v
			case v != f.Value:
				// A few on the row say which; a header of 10⁵ repeats
				// must not make 10⁵ notes.
				if repeats++; repeats <= maxShown {
					rec.Notes = append(rec.Notes, repeatNote(f.Name, f.Value, v))
				}
			}
		}
	}
	if empty {
		return Record{}, true
	}
	if errs > maxShown {
		rec.Notes = append(rec.Notes, sprintf("et %d autres cellules en erreur, lues vides", errs-maxShown))
	}
	if repeats > maxShown {
		rec.Notes = append(rec.Notes, sprintf("et %d autres valeurs de colonnes répétées, écartées", repeats-maxShown))
	}
	if len(cells) < len(t.slot) && !t.spreadsheet {
		t.short.add(func() string { return sprintf("%s : %d cellule%s", pos, len(cells), plural(len(cells))) })
	}
	return rec, false
}

// spreadsheetErrors are the values a spreadsheet shows for a formula that
// failed, in English (as a workbook stores them) and in French (as a CSV
// saved by a French spreadsheet writes them).
var spreadsheetErrors = map[string]bool{
	"#N/A": true, "#VALUE!": true, "#REF!": true, "#DIV/0!": true, "#NUM!": true, "#NAME?": true, "#NULL!": true,
	"#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true, "#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true,
	"#BUSY!": true, "#UNKNOWN!": true,
	"#VALEUR!": true, "#NOMBRE!": true, "#NOM?": true, "#NUL!": true, "#DIV/0": true,
}

// cell names cell k of the row at pos: "cellule C12" in a spreadsheet,
// "colonne 3" in a CSV line.
func (t *table) cell(k int, pos Position) string {
	if t.spreadsheet && pos.Line > 0 {
		if ref, err := excelize.CoordinatesToCellName(k+1, pos.Line); err == nil {
			return "cellule " + ref
		}
	}
	return t.label(k)
}

// named is « (code_postal) », the header name of column k, or "".
func (t *table) named(k int) string {
	if k < len(t.columns) && t.columns[k] != "" {
		return " (" + t.columns[k] + ")"
	}
	return ""
}

func repeatNote(name, kept, dropped string) string {
	return sprintf("le champ %s apparaît plusieurs fois : la valeur %s est gardée, %s est écartée",
		guillemets(name), excerpt(kept), excerpt(dropped))
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}
