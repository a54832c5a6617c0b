package lieu

import (
	"strings"

	"livret/horaires"
	"livret/texte"
)

// livret's export workbook names its columns in French, for the people who
// read and edit it (« Complément », « Date de mise à jour »…), and writes
// phones and hours the French way. Reading it back maps those columns onto
// the standard's, so that the workbook is a source like any other and a
// corrections file may use the same names.

// workbookColumns maps the folded French headers of the workbook that are
// not names of the standard to the standard's column they hold.
var workbookColumns = map[string]string{
	"complement":           "complement_adresse",
	"identifiant":          "id",
	"date_de_mise_a_jour":  "date_maj",
	"publics":              "publics_specifiquement_adresses",
	"prise_en_charge":      "prise_en_charge_specifique",
	"frais":                "frais_a_charge",
	"modalites_d_acces":    "modalites_acces",
	"accompagnement":       "modalites_accompagnement",
	"dispositifs":          "dispositif_programmes_nationaux",
	"presentation":         "presentation_resume",
	"description":          "presentation_detail",
	"siret_ou_rna":         "pivot",
	"prise_de_rendez_vous": "prise_rdv",
}

// Columns of livret's own, for what the standard lacks and readers ask for,
// and for what the workbook shows besides the standard's values.
const (
	// ColumnDirections is how to get there: bus stop, entrance, parking.
	ColumnDirections = "Comment s’y rendre"
	// ColumnClosure is a temporary closure: « Fermé du 1er au 15 août ».
	ColumnClosure = "Fermeture temporaire"
	// ColumnHoursOSM holds the hours as the standard writes them, next to
	// the column « Horaires » that shows them in plain French.
	ColumnHoursOSM = "Horaires (OpenStreetMap)"
	// ColumnLabels holds every label: those of the standard's list and the
	// others.
	ColumnLabels = "Labels"
	// ColumnDistance is computed from the point a selection was made
	// around; reading it back would make no sense.
	ColumnDistance = "Distance (km)"
)

// UnsureHours follows, in the workbook, hours that could not be read.
const UnsureHours = " (à confirmer)"

func init() {
	for french, std := range workbookColumns {
		columns[french] = columns[std]
	}
	columns[columnKey(ColumnDirections)] = text(func(l *Lieu) *string { return &l.Directions })
	columns[columnKey(ColumnClosure)] = text(func(l *Lieu) *string { return &l.Closure })
	columns[columnKey(ColumnHoursOSM)] = func(d *decoder, _, value string) { d.hoursOSM = value }
	labels := newEnumColumn(nil, true, []*Vocabulary{Labels})
	labels.quiet = true // livret itself put the other labels there
	columns[columnKey(ColumnLabels)] = labels.decode
	columns[columnKey(ColumnDistance)] = func(*decoder, string, string) {}
}

// isWorkbookColumn reports whether a folded column name is one only
// livret's workbook uses.
func isWorkbookColumn(key string) bool {
	if _, ok := workbookColumns[key]; ok {
		return true
	}
	switch key {
	case columnKey(ColumnDirections), columnKey(ColumnClosure), columnKey(ColumnHoursOSM), columnKey(ColumnLabels), columnKey(ColumnDistance):
		return true
	}
	return false
}

// resolveHours chooses the hours of a record. A file of the standard has
// one column, « horaires ». The workbook has two: the hours in plain French,
// which the user may have edited, and the standard's value they were
// written from. The standard's value is kept while the French text still
// says the same thing; once edited, the French text is what the user means.
func (d *decoder) resolveHours() {
	switch {
	case d.hoursOSM == "":
		d.l.Hours = d.hoursShown
	case d.hoursShown == "" || sameHours(d.hoursShown, d.hoursOSM):
		d.l.Hours = d.hoursOSM
	default:
		d.l.Hours = d.hoursShown
	}
}

// sameHours reports whether shown is the plain-French reading of raw as
// the workbook writes it, whatever its spacing and punctuation.
func sameHours(shown, raw string) bool {
	lines, sure := horaires.Say(raw)
	want := strings.Join(lines, " ")
	if !sure {
		want += UnsureHours
	}
	return texte.Fold(shown) == texte.Fold(want)
}

// IsID reports whether a column holds the identifier of a place.
func IsID(name string) bool {
	k := columnKey(name)
	return k == "id" || k == "identifiant"
}
