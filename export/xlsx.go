package export

import (
	"cmp"
	"io"
	"math"
	"slices"
	"strings"

	"livret/controle"
	"livret/guide"
	"livret/lieu"
	"livret/selection"
	"livret/telephone"
	"livret/texte"
)

// XLSXOptions tune the spreadsheet of places.
type XLSXOptions struct {
	// Title is the document title of the workbook, such as « Lieux de
	// médiation numérique — Bordeaux Métropole ».
	Title string
}

// SheetPlaces is the name of the sheet of places.
const SheetPlaces = "Lieux"

// XLSX writes the places as a workbook with one row per place, in the
// order given. Phone numbers are written the French way ("05 57 65 75 39"),
// opening hours in plain French, one line per group of days; hours that
// cannot be read are written as found, followed by « (à confirmer) ». The
// commune is named as the geography names it, with the code of the current
// commune; the values of the standard's lists are those of the standard.
// Positions, distances and dates are numbers. The column « Distance (km) »
// is there only when the places were selected around a point.
func XLSX(w io.Writer, places []selection.Selected, opt XLSXOptions) error {
	cols := placeColumns
	if !slices.ContainsFunc(places, func(s selection.Selected) bool { return s.Distance >= 0 }) {
		cols = slices.DeleteFunc(slices.Clone(cols), func(c placeColumn) bool { return c.Header == lieu.ColumnDistance })
	}
	cols = append(slices.Clip(cols), extraColumns(places)...)
	wb := NewWorkbook(opt.Title)
	defer wb.Close()
	sheet, err := wb.AddSheet(SheetPlaces, columnsOf(cols))
	if err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i := range places {
		s := &places[i]
		for j, c := range cols {
			row[j] = c.value(s)
		}
		if err := sheet.Row(row...); err != nil {
			return err
		}
	}
	return wb.Write(w)
}

// placeColumn is a column of the sheet of places and how a place fills it.
type placeColumn struct {
	Column
	value func(*selection.Selected) any
}

func columnsOf(cols []placeColumn) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		out[i] = c.Column
	}
	return out
}

// extraColumns are the columns outside the standard that the places
// carry, in the order they first appear, kept as found.
func extraColumns(places []selection.Selected) []placeColumn {
	var cols []placeColumn
	seen := map[string]bool{}
	for _, s := range places {
		for _, e := range s.Place.Extra {
			if seen[e.Name] {
				continue
			}
			seen[e.Name] = true
			name := e.Name
			cols = append(cols, placeColumn{Column{Header: name, Width: 20}, func(s *selection.Selected) any {
				var values []string
				for _, e := range s.Place.Extra {
					if e.Name == name {
						values = append(values, e.Value)
					}
				}
				return strings.Join(values, "|")
			}})
		}
	}
	return cols
}

var placeColumns = []placeColumn{
	{Column{Header: "Nom", Width: 36}, func(s *selection.Selected) any { return texte.Clean(s.Place.Name) }},
	{Column{Header: "Adresse", Width: 30}, func(s *selection.Selected) any { return texte.Clean(s.Place.Address) }},
	{Column{Header: "Complément", Width: 24}, func(s *selection.Selected) any { return texte.Clean(s.Place.AddressComplement) }},
	{Column{Header: "Code postal", Width: 9, Kind: Code}, func(s *selection.Selected) any { return s.Place.PostalCode }},
	{Column{Header: "Commune", Width: 22}, func(s *selection.Selected) any { return communeName(s.Place) }},
	{Column{Header: "Code INSEE", Width: 9, Kind: Code}, func(s *selection.Selected) any { return s.Place.INSEE }},
	{Column{Header: "Téléphone", Width: 16, Kind: Code}, func(s *selection.Selected) any { return phones(s.Place) }},
	{Column{Header: "Courriel", Width: 30}, func(s *selection.Selected) any { return strings.Join(s.Place.Emails, "\n") }},
	{Column{Header: "Site web", Width: 36}, func(s *selection.Selected) any { return webAddresses(s.Place.Websites) }},
	{Column{Header: "Horaires", Width: 44}, func(s *selection.Selected) any { return hours(s.Place) }},
	{Column{Header: "Services", Width: 48}, func(s *selection.Selected) any { return list(s.Place.Services) }},
	{Column{Header: "Publics", Width: 24}, func(s *selection.Selected) any { return list(s.Place.Publics) }},
	{Column{Header: "Prise en charge", Width: 26}, func(s *selection.Selected) any { return list(s.Place.Support) }},
	{Column{Header: "Frais", Width: 16}, func(s *selection.Selected) any { return list(s.Place.Fees) }},
	{Column{Header: "Modalités d’accès", Width: 24}, func(s *selection.Selected) any { return list(s.Place.Access) }},
	{Column{Header: "Accompagnement", Width: 26}, func(s *selection.Selected) any { return list(s.Place.Guidance) }},
	{Column{Header: "Dispositifs", Width: 28}, func(s *selection.Selected) any { return list(s.Place.Programmes) }},
	{Column{Header: lieu.ColumnLabels, Width: 28}, func(s *selection.Selected) any {
		return list(append(slices.Clip(s.Place.Labels), s.Place.OtherLabels...))
	}},
	{Column{Header: lieu.ColumnDistance, Width: 10, Kind: Number, Format: "0.0"}, func(s *selection.Selected) any {
		if s.Distance < 0 {
			return nil
		}
		return math.Round(s.Distance*10) / 10
	}},
	{Column{Header: "Latitude", Width: 11, Kind: Number, Format: coordinateFormat}, func(s *selection.Selected) any { return coordinate(s.Place.Position, s.Place.Position.Lat) }},
	{Column{Header: "Longitude", Width: 11, Kind: Number, Format: coordinateFormat}, func(s *selection.Selected) any { return coordinate(s.Place.Position, s.Place.Position.Lon) }},
	{Column{Header: "Date de mise à jour", Width: 12, Kind: Date}, func(s *selection.Selected) any {
		if s.Place.Updated.IsZero() {
			return nil
		}
		return s.Place.Updated
	}},
	{Column{Header: "Identifiant", Width: 20}, func(s *selection.Selected) any { return s.Place.ID }},
	{Column{Header: "Source", Width: 16}, func(s *selection.Selected) any { return texte.Clean(s.Place.Source) }},
	// What livret adds to the standard, for the readers.
	{Column{Header: lieu.ColumnDirections, Width: 30}, func(s *selection.Selected) any { return s.Place.Directions }},
	{Column{Header: lieu.ColumnClosure, Width: 26}, func(s *selection.Selected) any { return s.Place.Closure }},
	// What the guide needs besides, and the rest of the standard, so that
	// the workbook reads back as the source it was made from.
	{Column{Header: "Présentation", Width: 48}, func(s *selection.Selected) any { return s.Place.Summary }},
	{Column{Header: "Description", Width: 48}, func(s *selection.Selected) any { return s.Place.Description }},
	{Column{Header: "Typologie", Width: 14}, func(s *selection.Selected) any { return list(s.Place.Types) }},
	{Column{Header: "Itinérance", Width: 14}, func(s *selection.Selected) any { return list(s.Place.Mobility) }},
	{Column{Header: "Structure parente", Width: 24}, func(s *selection.Selected) any { return s.Place.Parent }},
	{Column{Header: "SIRET ou RNA", Width: 16, Kind: Code}, func(s *selection.Selected) any { return s.Place.Pivot }},
	{Column{Header: "Fiche Accès libre", Width: 30}, func(s *selection.Selected) any { return s.Place.AccessibilityURL }},
	{Column{Header: "Prise de rendez-vous", Width: 30}, func(s *selection.Selected) any { return s.Place.BookingURL }},
	{Column{Header: lieu.ColumnHoursOSM, Width: 30}, func(s *selection.Selected) any { return s.Place.Hours }},
}

// listSeparator joins the values of a list in one cell, with the no-break
// space French typography wants before a semicolon.
const listSeparator = "\u00a0; "

func list(values []string) string { return strings.Join(values, listSeparator) }

// communeName is the official name of the place's commune, or the name
// the source gives when the commune is unknown.
func communeName(p *controle.Place) string {
	if c := p.Location.Commune; c != nil {
		return c.Name
	}
	return texte.Clean(p.Commune)
}

// phones writes every number of the place the French way, one per line,
// with the words that came with it. Ordinary spaces separate the groups of
// digits, so that searching the sheet for "05 57" finds them.
func phones(p *controle.Place) string {
	nums := p.Phones
	if len(nums) == 0 && p.Phone != "" {
		// A place that did not go through the check.
		nums, _ = telephone.ParseAll(p.Phone, cmp.Or(p.INSEE, p.PostalCode))
	}
	lines := make([]string, len(nums))
	for i, n := range nums {
		lines[i] = strings.ReplaceAll(n.Display, "\u00a0", " ")
		if n.Note != "" {
			lines[i] += " (" + n.Note + ")"
		}
	}
	return strings.Join(lines, "\n")
}

// webAddresses writes the full addresses, one per line: a spreadsheet
// user copies them rather than typing them. An address with its scheme
// is data, kept as the source has it (http:// too).
func webAddresses(urls []string) string {
	full := make([]string, len(urls))
	for i, u := range urls {
		full[i] = u
		if !strings.Contains(u, "://") {
			full[i] = cmp.Or(guide.WebAddress(u), u)
		}
	}
	return strings.Join(full, "\n")
}

// hours writes opening hours as the guide prints them, from the schedule
// the check already read.
func hours(p *controle.Place) string {
	h := guide.ReadHours(p.Hours, p.Schedule)
	s := strings.Join(h.Lines, "\n")
	if h.Unsure {
		s += lieu.UnsureHours
	}
	return s
}

func coordinate(p lieu.Point, v float64) any {
	if !p.Known() {
		return nil
	}
	return v
}

// coordinateFormat shows every decimal a coordinate has (up to 15), so
// that reading the workbook back gives the position it was written from.
const coordinateFormat = "0.0##############"

// Headers are the headers of the sheet of places, which a corrections
// file reuses, with their widths.
func Headers() []Column { return columnsOf(placeColumns) }
