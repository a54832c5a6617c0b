package lieu

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"livret/internal/memo"
	"livret/texte"
)

// Note says what Decode did with a value it could not take as it was.
// Problem and Action are French, ready for the report.
type Note struct {
	Field   string // column name as found in the file
	Problem string // e.g. "valeur « Adultes » hors nomenclature"
	Action  string // e.g. "ignorée", "lue comme « Seniors »"
}

// Decode builds a Lieu from the (column name, value) pairs of one record,
// whatever the version of the schema the file follows. Values it cannot
// use are left out and explained in the notes; nothing else is lost:
// columns the standard does not define are kept in Lieu.Extra.
func Decode(fields iter.Seq2[string, string]) (Lieu, []Note) {
	var d decoder
	for name, value := range fields {
		if value = strings.TrimSpace(value); value == "" {
			continue
		}
		if col, known := columns[columnKey(name)]; known {
			col(&d, name, value)
		} else {
			d.l.Extra = append(d.l.Extra, Extra{Name: name, Value: value})
		}
	}
	d.finish()
	return d.l, d.notes
}

// DecodeLocation is Decode reduced to the columns that say where a place
// is (commune, postal code, INSEE code) and to its date of update: enough
// to count a row outside the territory a command keeps, without reading
// the rest.
func DecodeLocation(fields iter.Seq2[string, string]) Lieu {
	// The same as the columns' decoders, without a decoder: called on
	// every row of a national file, it must not allocate.
	var l Lieu
	for name, value := range fields {
		if value = strings.TrimSpace(value); value == "" {
			continue // most cells of a national file are empty
		}
		key, _, _ := locationColumn(name)
		switch key {
		case "commune":
			l.Commune = value
		case "code_postal":
			l.PostalCode = value
		case "code_insee":
			l.INSEE = value
		case "date_maj":
			if t, _, how := readUpdated(value); how == dateRead {
				l.Updated = t
			}
		}
	}
	return l
}

// LocationColumn reports whether DecodeLocation reads the column, and
// whether it says where the place is (the other one gives the date of
// update). A caller decoding many records of one header can pass
// DecodeLocation these cells only, and tell places apart by their where
// cells alone.
func LocationColumn(name string) (read, where bool) {
	_, where, read = locationColumn(name)
	return read, where
}

func locationColumn(name string) (key string, where, ok bool) {
	key = columnKey(name)
	if std, ok := workbookColumns[key]; ok {
		key = std
	}
	where, ok = locationColumns[key]
	return key, where, ok
}

// locationColumns are the columns DecodeLocation reads, true for those
// that say where the place is.
var locationColumns = map[string]bool{"commune": true, "code_postal": true, "code_insee": true, "date_maj": false}

// columnKey folds a column name so that "code_postal", "Code postal" and
// "CODE-POSTAL" are one column.
func columnKey(name string) string {
	return columnKeys.Get(name, func() string { return strings.ReplaceAll(texte.Fold(name), " ", "_") })
}

// columnKeys remembers the keys of the columns met: every record names them.
var columnKeys = memo.New[string, string](1 << 10)

// Known reports whether a version of the standard defines the column.
func Known(name string) bool {
	_, ok := columns[columnKey(name)]
	return ok
}

// Obsolete reports whether name is a column of an older schema that 1.x
// dropped without a replacement, whose values are therefore not kept.
func Obsolete(name string) bool { return columnKey(name) == "cle_ban" }

type decoder struct {
	l     Lieu
	notes []Note
	// hoursShown and hoursOSM are the two columns of hours of livret's
	// workbook (see resolveHours); a file of the standard fills the first.
	hoursShown, hoursOSM string
}

func (d *decoder) note(field, problem, action string) {
	d.notes = append(d.notes, Note{Field: field, Problem: problem, Action: action})
}

// finish puts enumerated values in vocabulary order and drops duplicates.
func (d *decoder) finish() {
	d.resolveHours()
	for _, v := range Vocabularies {
		p := d.l.Values(v)
		*p = v.Sort(*p)
	}
	d.l.Emails = slices.Compact(d.l.Emails)
	d.l.Websites = slices.Compact(d.l.Websites)
	d.l.OtherLabels = slices.Compact(d.l.OtherLabels)
}

// Vocabularies lists every vocabulary of schema 1.x.
var Vocabularies = []*Vocabulary{Services, Publics, Support, Fees, Mobility, Programmes, Labels, Access, Guidance}

// Values returns the field of l that holds the values of vocabulary v.
func (l *Lieu) Values(v *Vocabulary) *[]string {
	switch v {
	case Services:
		return &l.Services
	case Publics:
		return &l.Publics
	case Support:
		return &l.Support
	case Fees:
		return &l.Fees
	case Mobility:
		return &l.Mobility
	case Programmes:
		return &l.Programmes
	case Labels:
		return &l.Labels
	case Access:
		return &l.Access
	case Guidance:
		return &l.Guidance
	}
	panic("lieu: vocabulary without a field: " + v.Field)
}

type column func(d *decoder, name, value string)

func text(field func(*Lieu) *string) column {
	return func(d *decoder, _, value string) { *field(&d.l) = value }
}

var columns = map[string]column{
	"id":                  text(func(l *Lieu) *string { return &l.ID }),
	"pivot":               pivot,
	"pivot_siret_ou_rna":  pivot,
	"siret":               pivot,
	"rna":                 pivot,
	"nom":                 text(func(l *Lieu) *string { return &l.Name }),
	"commune":             text(func(l *Lieu) *string { return &l.Commune }),
	"code_postal":         text(func(l *Lieu) *string { return &l.PostalCode }),
	"code_insee":          text(func(l *Lieu) *string { return &l.INSEE }),
	"adresse":             text(func(l *Lieu) *string { return &l.Address }),
	"complement_adresse":  text(func(l *Lieu) *string { return &l.AddressComplement }),
	"latitude":            coordinate(func(p *Point) *float64 { return &p.Lat }, 90),
	"longitude":           coordinate(func(p *Point) *float64 { return &p.Lon }, 180),
	"typologie":           typologie,
	"telephone":           text(func(l *Lieu) *string { return &l.Phone }),
	"courriel":            emails,
	"courriels":           emails,
	"site_web":            websites,
	"horaires":            func(d *decoder, _, value string) { d.hoursShown = value },
	"presentation_resume": text(func(l *Lieu) *string { return &l.Summary }),
	"presentation_detail": text(func(l *Lieu) *string { return &l.Description }),
	"source":              text(func(l *Lieu) *string { return &l.Source }),
	"structure_parente":   text(func(l *Lieu) *string { return &l.Parent }),
	"date_maj":            updated,
	"fiche_acces_libre":   text(func(l *Lieu) *string { return &l.AccessibilityURL }),
	"accessibilite":       text(func(l *Lieu) *string { return &l.AccessibilityURL }),
	"prise_rdv":           text(func(l *Lieu) *string { return &l.BookingURL }),
	"cle_ban":             func(*decoder, string, string) {},

	"itinerance":                      enum(nil, Mobility),
	"services":                        enum(oldServices, Services),
	"publics_specifiquement_adresses": enum(oldPublics, Publics),
	"prise_en_charge_specifique":      enum(oldPublics, Support),
	"publics_accueillis":              enum(oldPublics, Publics, Support),
	"frais_a_charge":                  enum(oldFees, Fees),
	"conditions_acces":                enum(oldFees, Fees),
	"conditions_access":               enum(oldFees, Fees),
	"dispositif_programmes_nationaux": enum(oldLabels, Programmes),
	"formations_labels":               enum(oldLabels, Labels),
	"labels_nationaux":                enumKeepingRest(oldLabels, Programmes, Labels),
	"autres_formations_labels":        otherLabels,
	"labels_autres":                   otherLabels,
	"modalites_acces":                 enum(nil, Access),
	"modalites_accompagnement":        enum(oldGuidance, Guidance),
}

func pivot(d *decoder, name, value string) {
	if strings.Trim(value, "0 ") == "" {
		return // the national export writes 00000000000000 for "unknown"
	}
	d.l.Pivot = value
}

func coordinate(field func(*Point) *float64, limit float64) column {
	return func(d *decoder, name, value string) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(value, ",", "."), 64)
		if err != nil || f < -limit || f > limit {
			d.note(name, "coordonnée « "+value+" » illisible", "position ignorée")
			return
		}
		*field(&d.l.Position) = f
	}
}

func typologie(d *decoder, _, value string) {
	for _, t := range splitAny(value, "|;,") {
		d.l.Types = append(d.l.Types, strings.ToUpper(t))
	}
}

func emails(d *decoder, _, value string) {
	d.l.Emails = append(d.l.Emails, strings.FieldsFunc(value, func(r rune) bool {
		return r == '|' || r == ';' || r == ',' || unicode.IsSpace(r)
	})...)
}

// websites splits on "|", ";" and line breaks (one address a line in a
// workbook), and on commas only where a new address begins, since URLs may
// contain commas.
func websites(d *decoder, _, value string) {
	for _, part := range splitAny(value, "|;\n\r") {
		start := 0
		for i := 0; i < len(part); i++ {
			if part[i] != ',' {
				continue
			}
			rest := strings.TrimLeft(part[i+1:], " ")
			if strings.HasPrefix(rest, "http") || strings.HasPrefix(rest, "www.") {
				if s := strings.TrimSpace(part[start:i]); s != "" {
					d.l.Websites = append(d.l.Websites, s)
				}
				start = i + 1
			}
		}
		if s := strings.TrimSpace(part[start:]); s != "" {
			d.l.Websites = append(d.l.Websites, s)
		}
	}
}

func updated(d *decoder, name, value string) {
	t, spreadsheet, how := readUpdated(value)
	if spreadsheet {
		d.note(name, "date « "+value+" » écrite comme un nombre de tableur (la cellule a perdu son format de date)",
			"lue comme le "+t.Format("2006-01-02")+" ; donnez à la colonne le format Date")
	}
	switch how {
	case dateUnreadable:
		d.note(name, "date « "+value+" » illisible", "date de mise à jour inconnue")
	case dateDefault:
		d.note(name, "date « "+value+" » fictive (valeur par défaut d’un export)", "date de mise à jour inconnue")
	default:
		d.l.Updated = t
	}
}

// What readUpdated found.
const (
	dateRead       = iota
	dateUnreadable // no date
	dateDefault    // 1970 or before: an export's default value
)

// readUpdated reads a date of update, written as a date or as a
// spreadsheet's day number; the date is to be kept when how is dateRead.
func readUpdated(value string) (t time.Time, spreadsheet bool, how int) {
	t, ok := parseDate(value)
	if !ok {
		t, ok = spreadsheetDate(value)
		spreadsheet = ok
	}
	switch {
	case !ok:
		return t, false, dateUnreadable
	case t.Year() <= 1970:
		return t, spreadsheet, dateDefault
	}
	return t, spreadsheet, dateRead
}

// parseDate reads the dates of real files: 2024-04-02, the national
// export's timestamps (2025-03-12 10:22:33.123+00:00 or with a T), and the
// French 02/04/2024.
func parseDate(s string) (time.Time, bool) {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
		if t, err := time.Parse("02/01/2006", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// spreadsheetDate reads a date that a spreadsheet wrote as its serial
// number, the days since 30 December 1899 (45000 is 15 March 2023): what
// a cell becomes when it loses its date format. Only the serials of
// 1990 to 2099 are read so: a small number is no date of update.
func spreadsheetDate(s string) (time.Time, bool) {
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n < 32874 || n >= 73051 { // 1990-01-01, 2100-01-01
		return time.Time{}, false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)), true
}

func otherLabels(d *decoder, _, value string) {
	d.l.OtherLabels = append(d.l.OtherLabels, splitFree(value)...)
}

// splitAny splits s on any of the separator bytes and drops empty parts.
func splitAny(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitFree splits a free-text list: "|" in 1.x, ";" in 0.1, ", " in the
// 2022 draft.
func splitFree(s string) []string {
	var out []string
	for _, p := range splitAny(s, "|;") {
		out = append(out, splitAny(strings.ReplaceAll(p, ", ", "\x00"), "\x00")...)
	}
	return out
}
