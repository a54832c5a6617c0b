package source

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestMetadata: what a file says of itself is read from a JSON wrapper's
// members (title, producer, date, licence), before or after the places,
// nested or not, and from a
// workbook's properties; an array, a CSV file and a GeoJSON layer name say
// nothing.
func TestMetadata(t *testing.T) {
	t.Parallel()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	place := `{"id": "1", "nom": "Mairie"}`
	for _, tc := range []struct {
		name, content string
		want          Metadata
	}{
		{"array", `[` + place + `]`, Metadata{}},
		{"csv", "id;nom\n1;Mairie\n", Metadata{}},
		{"dcat", `{"title": "Lieux de médiation numérique de la Charente", "publisher": {"name": "Département de la Charente"}, "modified": "2024-09-12T08:30:00+02:00", "data": [` + place + `]}`,
			Metadata{Title: "Lieux de médiation numérique de la Charente", Producer: "Département de la Charente", Date: time.Date(2024, 9, 12, 8, 30, 0, 0, time.FixedZone("", 2*3600))}},
		{"after the places", `{"data": [` + place + `], "titre": "  Lieux   d’Angoulême ", "producteur": "Ville d’Angoulême", "date_maj": "2025-03-01"}`,
			Metadata{Title: "Lieux d’Angoulême", Producer: "Ville d’Angoulême", Date: day(2025, 3, 1)}},
		{"nested", `{"metadata": {"title": "Hub du Sud", "organization": {"title": "La MedNum"}, "last_modified": "2023-05-17"}, "lieux": [` + place + `]}`,
			Metadata{Title: "Hub du Sud", Producer: "La MedNum", Date: day(2023, 5, 17)}},
		{"priority", `{"name": "export", "title": "Le bon titre", "date": "2020-01-01", "modified": "2024-02-03", "results": [` + place + `]}`,
			Metadata{Title: "Le bon titre", Producer: "", Date: day(2024, 2, 3)}},
		{"placeholder date", `{"modified": "1970-01-01", "data": [` + place + `]}`, Metadata{}},
		{"frictionless licences", `{"title": "Hub du Sud", "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte / Open Licence 2.0", "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence"}], "data": [` + place + `]}`,
			Metadata{Title: "Hub du Sud", Licence: "Licence Ouverte / Open Licence 2.0"}},
		{"licence after the places", `{"data": [` + place + `], "licence": " ODbL "}`, Metadata{Licence: "ODbL"}},
		{"licence by id", `{"license": {"id": "lov2"}, "data": [` + place + `]}`, Metadata{Licence: "lov2"}},
		{"geojson layer", `{"type": "FeatureCollection", "name": "OGRGeoJSON", "features": [{"type": "Feature", "properties": ` + place + `}]}`, Metadata{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := openString(t, "f", tc.content, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if _, _, err := readAll(t, r); err != nil {
				t.Fatal(err)
			}
			if got := r.Metadata(); got.Title != tc.want.Title || got.Producer != tc.want.Producer || !got.Date.Equal(tc.want.Date) || got.Licence != tc.want.Licence {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestWorkbookMetadata: a workbook's title, company and date of change
// are its metadata; its author is not (a person, or excelize's « xuri »).
func TestWorkbookMetadata(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"id", "nom"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "Mairie"})
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Lieux du CCAS", Creator: "jdupont", Modified: "2025-06-30T10:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Company: "CCAS de Pessac"}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/lieux.xlsx"
	os.WriteFile(path, b.Bytes(), 0o644)
	r, err := Open(t.Context(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	want := Metadata{Title: "Lieux du CCAS", Producer: "CCAS de Pessac", Date: time.Date(2025, 6, 30, 10, 0, 0, 0, time.UTC)}
	if got := r.Metadata(); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// A blank workbook of excelize says nothing of its data.
	blank := workbook(t, []string{"Lieux"}, map[string][][]any{"Lieux": {{"id", "nom"}, {"1", "Mairie"}}})
	r, err = NewReader(bytes.NewReader(blank), "blank.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := r.Metadata(); got != (Metadata{}) {
		t.Errorf("blank workbook: got %+v", got)
	}
}
