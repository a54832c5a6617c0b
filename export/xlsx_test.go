package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"livret/controle"
	"livret/lieu"
	"livret/telephone"
	"livret/territoire"
)

// openXLSX reads back a workbook written by the package.
func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// handPlaces are places with what real files hold, built by hand.
func handPlaces() []controle.Place {
	atlas := territoire.Default()
	pessac, _, _ := atlas.Commune("33318")
	bourg, _, _ := atlas.Commune("01053")
	places := []controle.Place{{
		Lieu: lieu.Lieu{
			ID: "mediatheque-pessac", Name: "Médiathèque Jacques-Ellul", Commune: "PESSAC", PostalCode: "33600", INSEE: "33318",
			Address: "21 rue de Camponac", AddressComplement: "Rez-de-chaussée",
			Phone: "05 57 93 67 00 ou 06 12 34 56 78 (poste 12)", Emails: []string{"mediatheque@mairie-pessac.fr", "accueil@mairie-pessac.fr"},
			Websites: []string{"www.mairie-pessac.fr/mediatheque", "https://facebook.com/mediathequepessac"},
			Hours:    "Tu-Fr 10:00-12:00,14:00-18:00; Sa 10:00-17:00",
			Services: []string{lieu.ServiceDemarches, lieu.ServiceQuotidien}, Publics: []string{"Seniors"},
			Support: []string{lieu.SupportMobility}, Fees: []string{lieu.FeeFree}, Access: []string{lieu.AccessWalkIn, lieu.AccessPhone},
			Guidance: []string{"Accompagnement individuel"}, Programmes: []string{"Conseillers numériques"},
			Labels: []string{"Formé à « Mon Espace Santé »"}, OtherLabels: []string{"Pass numérique accepté"},
			Position: lieu.Point{Lat: 44.8067, Lon: -0.6311}, Updated: time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC), Source: "dora",
		},
		Location: territoire.Location{Commune: pessac},
	}, {
		// Text a spreadsheet would take for formulas, from real files and
		// from the OWASP list; a postal code with a leading zero.
		Lieu: lieu.Lieu{
			ID: "=1+1", Name: "@telier connecté udaf", Commune: "Bourg-en-Bresse", PostalCode: "01000", INSEE: "01053",
			Address: "- Avenue Paul Mairat", AddressComplement: "=HYPERLINK(\"http://exemple.fr\";\"Cliquez\")",
			Hours: "9h-12h le mardi", Source: "+33 1 23", Phone: "3949",
		},
		Location: territoire.Location{Commune: bourg},
	}}
	for i := range places {
		places[i].Phones, _ = telephone.ParseAll(places[i].Phone, places[i].INSEE)
	}
	return places
}

// TestXLSX reads back the workbook of hand-built places, cell by cell.
func TestXLSX(t *testing.T) {
	t.Parallel()
	places := handPlaces()
	sel := selected(places, -1)
	sel[0].Distance = 2.345
	sel[1].Distance = 12
	var buf bytes.Buffer
	if err := XLSX(&buf, sel, XLSXOptions{Title: "Lieux de Bordeaux Métropole"}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())

	if got := f.GetSheetList(); !slices.Equal(got, []string{"Lieux"}) {
		t.Errorf("sheets %q", got)
	}
	rows, err := f.GetRows("Lieux")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Nom", "Adresse", "Complément", "Code postal", "Commune", "Code INSEE", "Téléphone", "Courriel",
		"Site web", "Horaires", "Services", "Publics", "Prise en charge", "Frais", "Modalités d’accès", "Accompagnement",
		"Dispositifs", "Labels", "Distance (km)", "Latitude", "Longitude", "Date de mise à jour", "Identifiant", "Source",
		"Comment s’y rendre", "Fermeture temporaire", "Présentation", "Description", "Typologie", "Itinérance",
		"Structure parente", "SIRET ou RNA", "Fiche Accès libre", "Prise de rendez-vous", "Horaires (OpenStreetMap)"}
	if !slices.Equal(rows[0], wantHeader) {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	want := map[string]string{
		"A2": "Médiathèque Jacques-Ellul",
		"C2": "Rez-de-chaussée",
		"D2": "33600",
		"E2": "Pessac", // the geography's name, not the source's capitals
		"F2": "33318",
		"G2": "05 57 93 67 00\n06 12 34 56 78 (poste 12)",
		"H2": "mediatheque@mairie-pessac.fr\naccueil@mairie-pessac.fr",
		"I2": "https://www.mairie-pessac.fr/mediatheque\nhttps://facebook.com/mediathequepessac",
		"J2": "Mardi\u00a0au\u00a0vendredi\u00a0: 10\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a018\u00a0h\n" +
			"Samedi\u00a0: 10\u00a0h\u00a0–\u00a017\u00a0h\nFermé le\u00a0lundi et le\u00a0dimanche",
		"K2": "Aide aux démarches administratives\u00a0; Maîtrise des outils numériques du quotidien",
		"L2": "Seniors",
		"M2": "Handicaps moteurs",
		"N2": "Gratuit",
		"O2": "Se présenter\u00a0; Téléphoner",
		"P2": "Accompagnement individuel",
		"Q2": "Conseillers numériques",
		"R2": "Formé à « Mon Espace Santé »\u00a0; Pass numérique accepté",
		"S2": "2.3",
		"T2": "44.8067",
		"U2": "-0.6311",
		"V2": "02/04/2024",
		"W2": "mediatheque-pessac",
		"X2": "dora",

		"A3": "@telier connecté udaf",
		"B3": "- Avenue Paul Mairat",
		"C3": "=HYPERLINK(\"http://exemple.fr\";\"Cliquez\")",
		"D3": "01000",
		"F3": "01053",
		"G3": "39 49",
		"J3": "9h-12h le mardi (à confirmer)",
		"S3": "12.0",
		"T3": "",
		"V3": "",
		"W3": "=1+1",
		"X3": "+33 1 23",
	}
	for cell, w := range want {
		got, err := f.GetCellValue("Lieux", cell)
		if err != nil || got != w {
			t.Errorf("%s = %q, %v; want %q", cell, got, err, w)
		}
	}

	// Numbers and dates are numbers, codes are text.
	for cell, w := range map[string]excelize.CellType{
		"S2": excelize.CellTypeUnset, "T2": excelize.CellTypeUnset, "V2": excelize.CellTypeUnset,
		"D3": excelize.CellTypeInlineString, "F3": excelize.CellTypeInlineString,
	} {
		if got, _ := f.GetCellType("Lieux", cell); got != w {
			t.Errorf("%s: type %v, want %v", cell, got, w)
		}
	}
	raw, _ := f.GetCellValue("Lieux", "V2", excelize.Options{RawCellValue: true})
	if raw != "45384" {
		t.Errorf("date cell holds %q, want the day 45384", raw)
	}

	// Text that looks like a formula is a string, never a formula, and
	// keeps the Text format so that editing it does not make it one.
	for _, cell := range []string{"A3", "B3", "C3", "W3", "X3", "D3", "G2"} {
		if formula, _ := f.GetCellFormula("Lieux", cell); formula != "" {
			t.Errorf("%s holds the formula %q", cell, formula)
		}
		if typ, _ := f.GetCellType("Lieux", cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: type %v, want a string", cell, typ)
		}
		if format := numFmt(t, f, cell); format != 49 {
			t.Errorf("%s: number format %d, want 49 (Text)", cell, format)
		}
	}
	if format := numFmt(t, f, "A2"); format != 0 {
		t.Errorf("A2: number format %d, want General", format)
	}

	// The header stays in view, the filter covers the data.
	panes, err := f.GetPanes("Lieux")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v", panes, err)
	}
	if filter := filterRange(f); filter != "'Lieux'!$A$1:$AI$3" {
		t.Errorf("auto-filter over %q", filter)
	}
	style, _ := f.GetCellStyle("Lieux", "A1")
	if s, _ := f.GetStyle(style); s.Font == nil || !s.Font.Bold {
		t.Errorf("header not bold: %+v", s)
	}
	if w, _ := f.GetColWidth("Lieux", "J"); w != 44 {
		t.Errorf("hours column %g wide", w)
	}
	props, _ := f.GetDocProps()
	if props.Title != "Lieux de Bordeaux Métropole" || props.Language != "fr-FR" {
		t.Errorf("properties %+v", props)
	}

	// Without a distance, no distance column.
	buf.Reset()
	if err := XLSX(&buf, selected(places, -1), XLSXOptions{}); err != nil {
		t.Fatal(err)
	}
	f = openXLSX(t, buf.Bytes())
	rows, _ = f.GetRows("Lieux")
	if slices.Contains(rows[0], "Distance (km)") || len(rows[0]) != len(wantHeader)-1 {
		t.Errorf("header without distances %q", rows[0])
	}
}

func numFmt(t *testing.T, f *excelize.File, cell string) int {
	t.Helper()
	id, err := f.GetCellStyle("Lieux", cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s.NumFmt
}

func filterRange(f *excelize.File) string {
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			return d.RefersTo
		}
	}
	return ""
}

// TestXLSXNational writes the real national file and reads it back.
func TestXLSXNational(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: the national file exported")
	}
	places := checked(t, national)
	var buf bytes.Buffer
	if err := XLSX(&buf, places, XLSXOptions{}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	rows, err := f.GetRows("Lieux")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(places)+1 {
		t.Fatalf("%d rows for %d places", len(rows), len(places))
	}
	id, phone, hours := slices.Index(rows[0], "Identifiant"), slices.Index(rows[0], "Téléphone"), slices.Index(rows[0], "Horaires")
	unsure := 0
	for i, s := range places {
		row := rows[i+1]
		if row[id] != s.Place.ID {
			t.Fatalf("row %d: identifier %q, want %q", i+2, row[id], s.Place.ID)
		}
		if len(s.Place.Phones) == 1 && row[phone] != strings.ReplaceAll(s.Place.Phones[0].Display, "\u00a0", " ") {
			t.Errorf("row %d: phone %q for %q", i+2, row[phone], s.Place.Phone)
		}
		if (s.Place.Schedule == nil) != (row[hours] == "" || strings.HasSuffix(row[hours], " (à confirmer)")) {
			t.Errorf("row %d: hours %q for %q", i+2, row[hours], s.Place.Hours)
		}
		if strings.HasSuffix(row[hours], " (à confirmer)") {
			unsure++
		}
	}
	// The national file of 2023 has hours that cannot be read safely.
	if unsure == 0 {
		t.Error("no unsure hours")
	}
}
