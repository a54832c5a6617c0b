package indicateurs

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSX writes the indicators of the hand-built places and reads every
// table back.
func TestXLSX(t *testing.T) {
	ind := Compute(handPlaces(t), nil, handTerritory)
	var buf bytes.Buffer
	if err := ind.XLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetServices, SheetPublics, SheetFees, SheetCoverage, SheetWithoutPlace}) {
		t.Fatalf("sheets %q", got)
	}
	pessac, begles, merignac := commune(t, "33318"), commune(t, "33039"), commune(t, "33281")
	n := strconv.Itoa
	ratio := func(places, people int) string { // with the 15 digits a spreadsheet keeps
		return strconv.FormatFloat(float64(places)*10000/float64(people), 'g', 15, 64)
	}
	tables := map[string][][]string{
		SheetServices: {
			{"Commune", "Code INSEE", "Lieux", "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
				"Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique", "Parentalité et éducation avec le numérique",
				"Loisirs et créations numériques", "Compréhension du monde numérique", "Accès internet et matériel informatique",
				"Acquisition de matériel informatique à prix solidaire", "Sans service indiqué"},
			{"Bordeaux", "33063", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0"},
			{"Pessac", "33318", "2", "2", "1", "0", "0", "0", "0", "0", "0", "0", "0"},
			{"Talence", "33522", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1"},
			{"Commune inconnue", "", "1", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0"},
			{"Total", "", "5", "3", "1", "0", "0", "0", "0", "0", "1", "0", "1"},
		},
		SheetPublics: {
			{"Public", "Lieux", "Part des lieux"},
			{"Jeunes", "1", "0.2"},
			{"Étudiants", "0", "0"},
			{"Familles et/ou enfants", "0", "0"},
			{"Seniors", "2", "0.4"},
			{"Femmes", "0", "0"},
			{"Tous publics", "3", "0.6"},
			{"Ensemble des lieux (un lieu peut s’adresser à plusieurs publics)", "5", "1"},
		},
		SheetFees: {
			{"Frais", "Lieux", "Part des lieux"},
			{"Gratuit", "2", "0.4"},
			{"Gratuit sous condition", "1", "0.2"},
			{"Payant", "2", "0.4"},
			{"Non renseigné", "1", "0.2"},
			{"Ensemble des lieux (un lieu peut indiquer plusieurs frais, selon le service)", "5", "1"},
		},
		SheetCoverage: {
			{"Commune", "Code INSEE", "Population", "Lieux", "Lieux pour 10 000 habitants"},
			{"Bègles", "33039", n(begles.Population), "0", "0"},
			{"Mérignac", "33281", n(merignac.Population), "0", "0"},
			{"Pessac", "33318", n(pessac.Population), "2", ratio(2, pessac.Population)},
			{"Talence", "33522", n(commune(t, "33522").Population), "1", ratio(1, commune(t, "33522").Population)},
			{"Ensemble du territoire", "", n(ind.Territory.Population), "3", ratio(3, ind.Territory.Population)},
		},
		SheetWithoutPlace: {
			{"Commune", "Code INSEE", "Population"},
			{"Mérignac", "33281", n(merignac.Population)},
			{"Bègles", "33039", n(begles.Population)},
			{"2\u00a0communes", "", n(merignac.Population + begles.Population)},
		},
	}
	for sheet, want := range tables {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(want) {
			t.Errorf("%s: %d rows, want %d", sheet, len(rows), len(want))
			continue
		}
		for i := range want {
			if !slices.Equal(rows[i], want[i]) {
				t.Errorf("%s, row %d = %q\nwant %q", sheet, i+1, rows[i], want[i])
			}
		}
		last := len(want)
		for col := range want[0] {
			cell, _ := excelize.CoordinatesToCellName(col+1, last)
			// Counts are numbers; names and codes are text.
			typ, _ := f.GetCellType(sheet, cell)
			if text := col < 2 && sheet != SheetPublics && sheet != SheetFees || col == 0; text != (typ == excelize.CellTypeInlineString) && want[last-1][col] != "" {
				t.Errorf("%s!%s: type %v", sheet, cell, typ)
			}
			style, _ := f.GetCellStyle(sheet, cell)
			if s, _ := f.GetStyle(style); s.Font == nil || !s.Font.Bold {
				t.Errorf("%s!%s: total not in bold", sheet, cell)
			}
		}
		if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", sheet, panes)
		}
	}

	// Formats: a share as a percentage, a population with its thousands.
	if got, _ := f.GetCellValue(SheetPublics, "C7"); got != "60.0%" {
		t.Errorf("share shown as %q", got)
	}
	if got, _ := f.GetCellValue(SheetCoverage, "C4"); got != format(pessac.Population) {
		t.Errorf("population shown as %q", got)
	}
}

// format writes n with a comma between thousands, as excelize shows the
// format #,##0.
func format(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestXLSXEmpty writes the indicators of no place.
func TestXLSXEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Compute(nil, nil, nil).XLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetWithoutPlace)
	if len(rows) != 2 || rows[1][0] != "Aucune commune" {
		t.Errorf("rows %q", rows)
	}
	rows, _ = f.GetRows(SheetPublics)
	if len(rows) != 8 || rows[7][1] != "0" || len(rows[7]) != 2 {
		t.Errorf("rows %q", rows)
	}
}
