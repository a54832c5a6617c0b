package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// readAll returns every record of r, the row errors, and the fatal error
// that stopped reading, if any.
func readAll(t testing.TB, r *Reader) (recs []Record, rowErrs []string, fatal error) {
	t.Helper()
	for rec, rowErr := range r.Records() {
		if rowErr != nil {
			if rec.Pos != rowErr.Pos {
				t.Errorf("row error at %v returned with record position %v", rowErr.Pos, rec.Pos)
			}
			rowErrs = append(rowErrs, rowErr.Error())
			continue
		}
		recs = append(recs, rec)
	}
	return recs, rowErrs, r.Err()
}

// TestRecords: the iterator gives what Next gives, row errors included,
// stops at a fatal error that Err then returns, and a loop left early
// leaves the rest of the file to read.
func TestRecords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, csv string
		opt       Options
	}{
		{"clean", "nom;commune\nA;Pessac\nB;Talence\n", Options{}},
		{"unclosed quote", "nom;commune\nA;Gap\n\"B;Digne\nC;Nice\nD;Apt\n", Options{}},
		{"too many rows", "nom;commune\nA;Pessac\nB;Talence\nC;Bègles\n", Options{MaxRows: 2}},
		{"header only", "nom;commune\n", Options{}},
	} {
		var want []string
		r, err := NewReader(strings.NewReader(tt.csv), "t.csv", tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			want = append(want, fmt.Sprint(rec.Pos, rec.Fields, err))
			if err != nil && !errors.As(err, new(*RowError)) {
				break
			}
		}
		r, err = NewReader(strings.NewReader(tt.csv), "t.csv", tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rec, rowErr := range r.Records() {
			var err error
			if rowErr != nil {
				err = rowErr
			}
			got = append(got, fmt.Sprint(rec.Pos, rec.Fields, err))
		}
		if err := r.Err(); err != nil {
			got = append(got, fmt.Sprint(Position{}, []Field(nil), err))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Records gives\n%q\nNext gives\n%q", tt.name, got, want)
		}
		if again := r.Err(); tt.opt.MaxRows == 0 && again != nil {
			t.Errorf("%s: Err() = %v at the end of the file, want nil", tt.name, again)
		}
	}
	r, err := NewReader(strings.NewReader("nom\nA\nB\nC\n"), "t.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range r.Records() {
		break
	}
	if rec, err := r.Next(); err != nil || rec.Fields[0].Value != "B" {
		t.Errorf("after a loop left at the first record, Next() = %v, %v; want B", rec.Fields, err)
	}
}

// openString reads content through NewReader.
func openString(t testing.TB, name, content string, opt Options) (*Reader, error) {
	t.Helper()
	return NewReader(strings.NewReader(content), name, opt)
}

// get returns a field of rec, failing the test when it is missing.
func get(t testing.TB, rec Record, name string) string {
	t.Helper()
	v, ok := rec.Get(name)
	if !ok {
		t.Errorf("%v: no field %q in %v", rec.Pos, name, rec.Fields)
	}
	return v
}

// find returns the record whose field name has the given value.
func find(t testing.TB, recs []Record, name, value string) Record {
	t.Helper()
	for _, rec := range recs {
		if v, _ := rec.Get(name); v == value {
			return rec
		}
	}
	t.Fatalf("no record with %s = %q", name, value)
	return Record{}
}

func TestRealFiles(t *testing.T) {
	t.Parallel()
	const mediatheque = "Médiathèque François-Mitterrand PAA (Provence Alpes Agglomération)"
	tests := []struct {
		file     string
		format   Format
		encoding string
		records  int
		columns  int
		check    func(t *testing.T, recs []Record)
	}{
		{"national-export.csv", CSV, "UTF-8 avec BOM", 28, 32, func(t *testing.T, recs []Record) {
			rec := find(t, recs, "nom", mediatheque)
			if rec.Pos.Line != 7 {
				t.Errorf("position = %v, want ligne 7", rec.Pos)
			}
			if got := get(t, rec, "presentation_detail"); got != "Accès libre aux ordinateurs.\nAteliers le mardi ; inscription à l’accueil." {
				t.Errorf("multi-line cell = %q", got)
			}
			if next := find(t, recs, "nom", "Maison de Pays"); next.Pos.Line != 9 {
				t.Errorf("record after the multi-line cell at %v, want ligne 9", next.Pos)
			}
			if got := get(t, find(t, recs, "nom", `EVS "Le Manoir"`), "code_postal"); got != "06730" {
				t.Errorf("code_postal = %q", got)
			}
			rec = find(t, recs, "nom", "Maison de Pays")
			if got := get(t, rec, "horaires"); got != "Th 08:30-12:00,13:30-17:00; Fr 08:30-12:00" {
				t.Errorf("horaires = %q", got)
			}
			if got := get(t, rec, "date_maj"); got != "2023-04-11 00:00:00+00:00" {
				t.Errorf("date_maj = %q", got)
			}
		}},
		{"windows-1252.csv", CSV, "Windows-1252", 28, 32, func(t *testing.T, recs []Record) {
			rec := find(t, recs, "nom", mediatheque)
			if got := get(t, rec, "presentation_detail"); got != "Accès libre aux ordinateurs.\nAteliers le mardi ; inscription à l’accueil." {
				t.Errorf("multi-line cell = %q", got)
			}
			find(t, recs, "nom", "Bus France services « Massif des Maures »")
			find(t, recs, "nom", "Mairie De Quartier : Les Hauts D’Aix")
		}},
		{"utf-16le.csv", CSV, "UTF-16 LE", 28, 32, func(t *testing.T, recs []Record) {
			if got := get(t, find(t, recs, "nom", mediatheque), "code_postal"); got != "04000" {
				t.Errorf("code_postal = %q", got)
			}
		}},
		{"mednum-cli.csv", CSV, "UTF-8", 28, 32, func(t *testing.T, recs []Record) {
			find(t, recs, "nom", "EVS ＂Le Manoir＂")
			if got := get(t, find(t, recs, "nom", mediatheque), "presentation_detail"); got != "Accès libre aux ordinateurs. Ateliers le mardi ; inscription à l’accueil." {
				t.Errorf("presentation_detail = %q", got)
			}
		}},
		{"exemple-valide-v1.0.2.csv", CSV, "UTF-8", 1, 32, func(t *testing.T, recs []Record) {
			rec := recs[0]
			if got := get(t, rec, "formations_labels"); got != "Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)" {
				t.Errorf("formations_labels = %q", got)
			}
			if got := get(t, rec, "latitude"); got != "43.52609" {
				t.Errorf("latitude = %q", got)
			}
		}},
		{"hub-du-sud-v1-extrait.json", JSON, "UTF-8", 28, 21, func(t *testing.T, recs []Record) {
			rec := find(t, recs, "nom", mediatheque)
			if rec.Pos.Index != 6 || rec.Pos.Line != 82 {
				t.Errorf("position = %+v, want objet 6 at line 82", rec.Pos)
			}
			if got := get(t, rec, "latitude"); got != "44.091687" {
				t.Errorf("latitude = %q", got)
			}
			if got := get(t, rec, "labels_nationaux"); got != "CNFS" {
				t.Errorf("labels_nationaux = %q", got)
			}
		}},
		{"antilles-extrait.json", JSON, "UTF-8", 3, 46, func(t *testing.T, recs []Record) {
			rec := recs[0]
			for name, want := range map[string]string{
				"code_postal":     "97221",
				"result_postcode": "97221",
				"latitude":        "14.71217",
				"longitude":       "-61.183635",
				"result_score":    "0.7362499043062201",
				"courriel":        "",
			} {
				if got := get(t, rec, name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		}},
		{"national-export.geojson", GeoJSON, "UTF-8", 28, 21, func(t *testing.T, recs []Record) {
			rec := find(t, recs, "nom", mediatheque)
			if rec.Pos.Index != 6 || rec.Pos.Line != 7 {
				t.Errorf("position = %+v, want objet 6 at line 7", rec.Pos)
			}
			for name, want := range map[string]string{
				"id":          "mediation-numerique-conseiller-numerique-62baaf41dd51e705b180b08e",
				"adresse":     "7 rue colonel payan",
				"commune":     "DIGNE-LES-BAINS",
				"code_postal": "04000",
				"latitude":    "44.091687",
				"longitude":   "6.234144",
				"typologie":   "BIB",
				"telephone":   "+33492312849",
				"services":    "Maîtrise des outils numériques du quotidien|Compréhension du monde numérique",
			} {
				if got := get(t, rec, name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if _, ok := rec.Get("adresse.clef_interop"); ok {
				t.Errorf("null adresse.clef_interop should be absent")
			}
			rec = find(t, recs, "nom", "Ateliers numériques gratuits")
			if got := get(t, rec, "adresse"); got != "27 B AV DE LA TRILLADE" {
				t.Errorf("adresse = %q", got)
			}
			if _, ok := rec.Get("latitude"); ok {
				t.Errorf("null geometry gave a latitude")
			}
			if got := get(t, find(t, recs, "nom", "Maison de Pays"), "courriels"); got != "msap.lamotteturriers@sisteronais-buech.fr" {
				t.Errorf("courriels = %q", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := Open(context.Background(), "testdata/"+tt.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			recs, rowErrs, err := readAll(t, r)
			if err != nil || len(rowErrs) > 0 {
				t.Fatalf("errors: %v %v", err, rowErrs)
			}
			if r.Format() != tt.format || r.Encoding() != tt.encoding || r.Name() != "testdata/"+tt.file {
				t.Errorf("format, encoding, name = %v, %q, %q; want %v, %q", r.Format(), r.Encoding(), r.Name(), tt.format, tt.encoding)
			}
			if len(recs) != tt.records || len(r.Columns()) != tt.columns {
				t.Errorf("%d records, %d columns; want %d, %d", len(recs), len(r.Columns()), tt.records, tt.columns)
			}
			for _, rec := range recs {
				if len(rec.Notes) > 0 {
					t.Errorf("%v: unexpected notes %q", rec.Pos, rec.Notes)
				}
			}
			if len(r.Notes()) > 0 || r.EmptyRows() != 0 {
				t.Errorf("notes %q, %d empty rows", r.Notes(), r.EmptyRows())
			}
			tt.check(t, recs)
		})
	}
}

// The CSV variants of the national export hold the same records.
func TestVariantsAgree(t *testing.T) {
	t.Parallel()
	read := func(file string) []Record {
		r, err := Open(context.Background(), "testdata/"+file, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		recs, _, err := readAll(t, r)
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	want := read("national-export.csv")
	for _, file := range []string{"windows-1252.csv", "utf-16le.csv", "mednum-cli.csv", "national-export.geojson"} {
		got := read(file)
		if len(got) != len(want) {
			t.Fatalf("%s: %d records, want %d", file, len(got), len(want))
		}
		for i := range want {
			for _, f := range want[i].Fields {
				v, ok := got[i].Get(f.Name)
				if file == "mednum-cli.csv" {
					v = strings.ReplaceAll(v, "＂", `"`)
					f.Value = strings.ReplaceAll(f.Value, "\n", " ")
				}
				if file == "national-export.geojson" {
					switch f.Name {
					case "pivot", "date_maj", "structure_parente", "complement_adresse", "presentation_resume", "code_insee":
						continue // not in the GeoJSON export, or null there
					}
					if !ok && f.Value == "" {
						continue
					}
				}
				if v != f.Value {
					t.Errorf("%s %v: %s = %q, want %q", file, got[i].Pos, f.Name, v, f.Value)
				}
			}
		}
	}
}

func TestPositionString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pos  Position
		want string
	}{
		{Position{}, ""},
		{Position{Line: 12}, "ligne 12"},
		{Position{Index: 12}, "objet nᵒ\u00a012"},
		{Position{Index: 3, Line: 40}, "objet nᵒ\u00a03 (ligne 40)"},
		{Position{Line: 5, Sheet: "Lieux"}, "feuille «\u00a0Lieux\u00a0», ligne 5"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	err := newError("lieux.csv", Position{Line: 12}, nil, "guillemet non fermé")
	if got, want := err.Error(), "fichier «\u00a0lieux.csv\u00a0», ligne 12\u00a0: guillemet non fermé"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	row := newRowError("lieux.csv", Position{Line: 3}, "valeur illisible ; ligne mise de côté")
	if got, want := row.Error(), "fichier «\u00a0lieux.csv\u00a0», ligne 3\u00a0: valeur illisible\u202f; ligne mise de côté"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := CSV.String()+", "+XLSX.String()+", "+Format(0).String(), "CSV, classeur Excel (XLSX), format inconnu"; got != want {
		t.Errorf("formats: %q", got)
	}
	for n, want := range map[int64]string{12: "12\u00a0octets", 1536: "1,5\u00a0ko", 512 << 20: "512\u00a0Mo", 3 << 30: "3\u00a0Go"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestMaxRows: a server bounds what one file may hold; a file at the
// bound is read whole.
func TestMaxRows(t *testing.T) {
	t.Parallel()
	csv := "nom;commune\nA;Pessac\nB;Talence\nC;Bègles\n"
	for _, tt := range []struct {
		max  int
		read int
		err  string
	}{
		{0, 3, ""}, {3, 3, ""}, {2, 2, "le fichier compte plus de 2 lignes, la limite de ce serveur"},
	} {
		r, err := NewReader(strings.NewReader(csv), "envoi.csv", Options{MaxRows: tt.max})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			_, err = r.Next()
			if err != nil {
				break
			}
			n++
		}
		if n != tt.read || (tt.err == "") != (err == io.EOF) || tt.err != "" && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("MaxRows %d: %d records, %v", tt.max, n, err)
		}
	}
}
