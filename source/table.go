package source

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// table turns the cells of a CSV line or a sheet row into a record, by the
// names of the header.
type table struct {
	names       []string // field names, without repeats, in header order
	slot        []int    // for each header column: its field in names, or -1 when unnamed
	columns     []string // the header as found (cleaned)
	spreadsheet bool     // columns are lettered, and short rows are normal
	notes       []string
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

// record maps cells to the header. It reports empty when every cell is
// empty, in which case the record is to be skipped.
func (t *table) record(cells []string, pos Position) (rec Record, empty bool) {
	rec.Pos = pos
	rec.Fields = make([]Field, len(t.names))
	for i, name := range t.names {
		rec.Fields[i].Name = name
	}
	empty = true
	var extra []string
	for k, cell := range cells {
		v := clean(cell)
		if v == "" {
			continue
		}
		empty = false
		switch {
		case k >= len(t.slot):
			extra = append(extra, v)
		case t.slot[k] < 0:
			rec.Notes = append(rec.Notes, sprintf("la valeur %s de la %s n’est pas lue : cette colonne n’a pas de nom dans l’en-tête",
				excerpt(v), t.label(k)))
		default:
			f := &rec.Fields[t.slot[k]]
			switch {
			case f.Value == "":
				f.Value = v
			case v != f.Value:
				rec.Notes = append(rec.Notes, repeatNote(f.Name, f.Value, v))
			}
		}
	}
	if empty {
		return Record{}, true
	}
	if len(cells) < len(t.slot) && !t.spreadsheet {
		rec.Notes = append(rec.Notes, sprintf("la ligne n’a que %d cellule%s pour %d colonnes dans l’en-tête ; les colonnes manquantes sont vides",
			len(cells), plural(len(cells)), len(t.slot)))
	}
	if len(extra) > 0 {
		rec.Notes = append(rec.Notes, extraNote(len(t.slot), extra))
	}
	return rec, false
}

func repeatNote(name, kept, dropped string) string {
	return sprintf("le champ %s apparaît plusieurs fois : la valeur %s est gardée, %s est écartée",
		guillemets(name), excerpt(kept), excerpt(dropped))
}

func extraNote(columns int, extra []string) string {
	var quoted []string
	for i, v := range extra {
		if i == 3 {
			quoted = append(quoted, "…")
			break
		}
		quoted = append(quoted, excerpt(v))
	}
	what := "une valeur"
	if len(extra) > 1 {
		what = sprintf("%d valeurs", len(extra))
	}
	where := sprintf("des %d colonnes de l’en-tête", columns)
	if columns == 1 {
		where = "de l’unique colonne de l’en-tête"
	}
	return sprintf("%s au-delà %s, non lue%s : %s", what, where, plural(len(extra)), strings.Join(quoted, ", "))
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}
