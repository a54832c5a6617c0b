package indicateurs

import (
	"io"
	"strconv"
	"strings"

	"livret/export"
)

// Names of the sheets of the workbook.
const (
	SheetServices     = "Communes × services"
	SheetPublics      = "Publics"
	SheetFees         = "Frais"
	SheetCoverage     = "Couverture"
	SheetWithoutPlace = "Communes sans lieu"
)

// XLSX writes the indicators as a workbook with one sheet per table, each
// with a row of totals; counts and ratios are numbers, so that they can be
// sorted, summed and charted.
func (ind *Indicators) XLSX(w io.Writer) error {
	wb := export.NewWorkbook("Indicateurs des lieux de médiation numérique")
	defer wb.Close()
	for _, sheet := range []func(*export.Workbook) error{
		ind.servicesSheet, ind.publicsSheet, ind.feesSheet, ind.coverageSheet, ind.withoutPlaceSheet,
	} {
		if err := sheet(wb); err != nil {
			return err
		}
	}
	return wb.Write(w)
}

var (
	communeColumn = export.Column{Header: "Commune", Width: 28}
	codeColumn    = export.Column{Header: "Code INSEE", Width: 9, Kind: export.Code}
	placesColumn  = export.Column{Header: "Lieux", Width: 8, Kind: export.Number}
	shareColumn   = export.Column{Header: "Part des lieux", Width: 10, Kind: export.Number, Format: "0.0%"}
	peopleColumn  = export.Column{Header: "Population", Width: 12, Kind: export.Number, Format: "#,##0"}
)

func (ind *Indicators) servicesSheet(wb *export.Workbook) error {
	cols := []export.Column{communeColumn, codeColumn, placesColumn}
	for _, s := range ind.Services {
		cols = append(cols, export.Column{Header: s, Width: 16, Kind: export.Number})
	}
	cols = append(cols, export.Column{Header: "Sans service indiqué", Width: 12, Kind: export.Number})
	sheet, err := wb.AddSheet(SheetServices, cols)
	if err != nil {
		return err
	}
	row := func(name, code string, c Count) []any {
		r := []any{name, code, c.Places}
		for _, n := range c.Services {
			r = append(r, n)
		}
		return append(r, c.NoService)
	}
	total := newCount(len(ind.Services))
	sum := func(c Count) {
		total.Places += c.Places
		total.NoService += c.NoService
		for i, n := range c.Services {
			total.Services[i] += n
		}
	}
	for _, cc := range ind.Communes {
		if err := sheet.Row(row(cc.Commune.Name, cc.Commune.Code, cc.Count)...); err != nil {
			return err
		}
		sum(cc.Count)
	}
	if ind.Unlocated.Places > 0 {
		if err := sheet.Row(row("Commune inconnue", "", ind.Unlocated)...); err != nil {
			return err
		}
		sum(ind.Unlocated)
	}
	return sheet.Total(row("Total", "", total)...)
}

func (ind *Indicators) publicsSheet(wb *export.Workbook) error {
	return ind.valuesSheet(wb, SheetPublics, "Public", ind.Publics, "un lieu peut s’adresser à plusieurs publics")
}

func (ind *Indicators) feesSheet(wb *export.Workbook) error {
	return ind.valuesSheet(wb, SheetFees, "Frais", ind.Fees, "un lieu peut indiquer plusieurs frais, selon le service")
}

// valuesSheet writes the number and the share of places that name each
// value; the row of totals gives the number of places.
func (ind *Indicators) valuesSheet(wb *export.Workbook, name, header string, counts []ValueCount, note string) error {
	sheet, err := wb.AddSheet(name, []export.Column{{Header: header, Width: 36}, placesColumn, shareColumn})
	if err != nil {
		return err
	}
	for _, c := range counts {
		if err := sheet.Row(c.Value, c.Places, ind.share(c.Places)); err != nil {
			return err
		}
	}
	return sheet.Total("Ensemble des lieux ("+note+")", ind.Places, ind.share(ind.Places))
}

// share is n as a part of the places; nil, for an empty cell, when there
// is no place.
func (ind *Indicators) share(n int) any {
	if ind.Places == 0 {
		return nil
	}
	return float64(n) / float64(ind.Places)
}

func (ind *Indicators) coverageSheet(wb *export.Workbook) error {
	sheet, err := wb.AddSheet(SheetCoverage, []export.Column{communeColumn, codeColumn, peopleColumn, placesColumn,
		{Header: "Lieux pour 10 000 habitants", Width: 14, Kind: export.Number, Format: "0.00"}})
	if err != nil {
		return err
	}
	for _, c := range ind.Coverage {
		if err := sheet.Row(c.Commune.Name, c.Commune.Code, c.Population, c.Places, perTenThousand(c)); err != nil {
			return err
		}
	}
	t := ind.Territory
	return sheet.Total("Ensemble du territoire", "", t.Population, t.Places, perTenThousand(t))
}

// perTenThousand is the ratio of c, or nil for an empty cell when the
// population is unknown.
func perTenThousand(c Coverage) any {
	if r, ok := c.PerTenThousand(); ok {
		return r
	}
	return nil
}

func (ind *Indicators) withoutPlaceSheet(wb *export.Workbook) error {
	sheet, err := wb.AddSheet(SheetWithoutPlace, []export.Column{communeColumn, codeColumn, peopleColumn})
	if err != nil {
		return err
	}
	people := 0
	for _, c := range ind.WithoutPlace {
		if err := sheet.Row(c.Name, c.Code, c.Population); err != nil {
			return err
		}
		people += c.Population
	}
	return sheet.Total(communes(len(ind.WithoutPlace)), "", people)
}

// communes writes a number of communes: "Aucune commune", "1 commune",
// "12 communes", "1 234 communes".
func communes(n int) string {
	switch n {
	case 0:
		return "Aucune commune"
	case 1:
		return "1\u00a0commune"
	}
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString("\u00a0") // French thousands separator
		}
		b.WriteRune(d)
	}
	return b.String() + "\u00a0communes"
}
