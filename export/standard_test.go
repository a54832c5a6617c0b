package export

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"livret/controle"
	"livret/lieu"
	"livret/selection"
	"livret/source"
	"livret/telephone"
	"livret/texte"
)

// writers are the ways of writing the standard's format.
var writers = []struct {
	name  string
	write func(io.Writer, []selection.Selected) error
}{
	{"csv", func(w io.Writer, p []selection.Selected) error { return CSV(w, p, CSVOptions{}) }},
	{"csv-point-virgule", func(w io.Writer, p []selection.Selected) error { return CSV(w, p, CSVOptions{Semicolon: true}) }},
	{"json", JSON},
}

// TestRoundTrip writes real files in the standard's format, reads them back
// as livret reads any source, and gets the same places: every field, the
// lists, the dates, the positions, the columns outside the standard.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, file := range []string{
		national,
		"../testdata/donnees/antilles-sale-2023-05-18.json",         // geocoder columns, unreadable numbers
		"../testdata/donnees/paca-hybride-v1-2024-09-12.json",       // Marseille's arrondissements
		"../testdata/donnees/nouvelle-caledonie-v1-2024-09-12.json", // overseas numbers
	} {
		places := checked(t, file)
		want := make([]lieu.Lieu, len(places))
		for i, s := range places {
			want[i] = cleaned(s.Place)
			// The international form is the same number.
			if g, w := e164(want[i].Phone, want[i].INSEE), e164(s.Place.Phone, s.Place.INSEE); !slices.Equal(g, w) {
				t.Errorf("place %s: phones %q written %q", s.Place.ID, w, g)
			}
		}
		for _, w := range writers {
			t.Run(w.name+"/"+file[strings.LastIndexByte(file, '/')+1:], func(t *testing.T) {
				var buf bytes.Buffer
				if err := w.write(&buf, places); err != nil {
					t.Fatal(err)
				}
				back := decodeAll(t, buf.Bytes())
				if len(back) != len(places) {
					t.Fatalf("%d places read back, %d written", len(back), len(places))
				}
				for i := range places {
					if !reflect.DeepEqual(back[i], want[i]) {
						t.Fatalf("place %d read back differs:\n got %#v\nwant %#v", i, back[i], want[i])
					}
				}
			})
		}
	}
}

// decodeAll reads an export with package source and decodes each record.
func decodeAll(t *testing.T, data []byte) []lieu.Lieu {
	t.Helper()
	r, err := source.NewReader(bytes.NewReader(data), "export", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []lieu.Lieu
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Notes) > 0 {
			t.Errorf("%s: %v", rec.Pos, rec.Notes)
		}
		l, notes := lieu.Decode(func(yield func(string, string) bool) {
			for _, f := range rec.Fields {
				if !yield(f.Name, f.Value) {
					return
				}
			}
		})
		if len(notes) > 0 {
			t.Errorf("%s: %+v", rec.Pos, notes)
		}
		slices.SortFunc(l.Extra, func(a, b lieu.Extra) int { return cmp.Compare(a.Name, b.Name) })
		out = append(out, l)
	}
	return out
}

// cleaned is the place as the export writes it: text tidied, the commune
// named as the geography names it, the arrondissement's code in Paris, Lyon
// and Marseille, phone numbers in international form.
func cleaned(p *controle.Place) lieu.Lieu {
	l := p.Lieu
	for _, s := range []*string{&l.Name, &l.Address, &l.AddressComplement, &l.Hours, &l.Summary, &l.Source, &l.Parent} {
		*s = texte.Clean(*s)
	}
	l.Description = texte.CleanLines(l.Description)
	if c := p.Location.Commune; c != nil {
		l.Commune = c.Name
	}
	if a := p.Location.Arrondissement; a != nil {
		l.INSEE = a.Code
	}
	var phones []string
	for _, n := range p.Phones {
		phones = append(phones, cmp.Or(n.E164, strings.TrimSpace(n.Raw)))
	}
	l.Phone = strings.Join(phones, "|")
	// lieu.Decode splits the free labels of any file on ", " too (the
	// separator of the 2022 draft), while it keeps whole an unknown value
	// of labels_nationaux, such as "REAAP, CLAS,LAEP": such a label comes
	// back in two.
	var labels []string
	for _, o := range l.OtherLabels {
		labels = append(labels, strings.Split(o, ", ")...)
	}
	l.OtherLabels = slices.Compact(labels)
	l.Extra = slices.Clone(l.Extra)
	slices.SortFunc(l.Extra, func(a, b lieu.Extra) int { return cmp.Compare(a.Name, b.Name) })
	if len(l.Extra) == 0 {
		l.Extra = nil
	}
	return l
}

// e164 reads a phone cell and returns the international form of each
// valid number.
func e164(raw, insee string) []string {
	nums, _ := telephone.ParseAll(raw, insee)
	var out []string
	for _, n := range nums {
		if n.E164 != "" {
			out = append(out, n.E164)
		}
	}
	return out
}

// TestSchemaPatterns checks the CSV against schema 1.0.2: its 32 columns
// in order, and every value of a column the schema constrains by a pattern
// matching it, as Frictionless matches them (anchored at both ends).
func TestSchemaPatterns(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/schema/v1.0.2-main/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Fields []struct {
			Name        string
			Constraints struct{ Pattern string }
		}
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	patterns := map[string]*regexp.Regexp{}
	var names []string
	for _, f := range schema.Fields {
		names = append(names, f.Name)
		if p := f.Constraints.Pattern; p != "" {
			// The pattern of 1.0.2 misses the space of « Étapes numériques
			// (La Poste) », which its description and ANCT's library have.
			p = strings.ReplaceAll(p, `numériques\(La Poste\)`, `numériques \(La Poste\)`)
			patterns[f.Name] = regexp.MustCompile(`^(?:` + p + `)$`)
		}
	}
	if len(patterns) != 13 {
		t.Fatalf("%d patterns in the schema, want 13", len(patterns))
	}

	// No real file uses every value: a place with every value of every
	// vocabulary joins the real ones.
	every := controle.Place{Lieu: lieu.Lieu{ID: "tout", Pivot: "43493312300029", Name: "Toutes les valeurs",
		Commune: "Reims", PostalCode: "51100", INSEE: "51454", Phone: "+33180059880"}}
	for _, v := range lieu.Vocabularies {
		*every.Values(v) = v.Values
	}
	every.Phones, _ = telephone.ParseAll(every.Phone, "")
	checkedValues := map[string]int{}
	for _, file := range []string{national, "../testdata/donnees/paca-hybride-v1-2024-09-12.json"} {
		var buf bytes.Buffer
		if err := CSV(&buf, slices.Concat(checked(t, file), []selection.Selected{{Place: &every, Distance: -1}}), CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], names) {
			t.Fatalf("header %q\nwant %q", rows[0], names)
		}
		for _, row := range rows[1:] {
			for i, v := range row {
				name := names[i]
				re := patterns[name]
				switch {
				case v == "":
				case name == "date_maj":
					if _, err := time.Parse("2006-01-02", v); err != nil {
						t.Errorf("date_maj %q", v)
					}
				case name == "telephone" && !re.MatchString(v):
					// Only numbers that could not be read are written as found.
					if n, _ := telephone.ParseAll(v, row[5]); len(n) == 1 && n[0].Valid() {
						t.Errorf("telephone %q is valid but not in the schema's form", v)
					}
				case re != nil && !re.MatchString(v):
					t.Errorf("%s: %q does not match the schema", name, v)
				case re != nil:
					checkedValues[name]++
				}
			}
		}
	}
	for name := range patterns {
		if checkedValues[name] < 2 {
			t.Errorf("%d values of column %s checked", checkedValues[name], name)
		}
	}
}

// TestCSVDialects checks the two dialects and the columns outside the
// standard.
func TestCSVDialects(t *testing.T) {
	t.Parallel()
	places := []controle.Place{{
		Lieu: lieu.Lieu{
			ID: "a1", Name: "Médiathèque « Le Bouscat », 1er étage", Commune: "Pessac", PostalCode: "33600", INSEE: "33318",
			Description: "Ateliers ; \"cafés numériques\"\nLe mardi.",
			Services:    []string{lieu.ServiceDemarches, lieu.ServiceQuotidien},
			Updated:     time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC),
			Position:    lieu.Point{Lat: 44.8067, Lon: -0.6311},
			Extra:       []lieu.Extra{{Name: "mediateurs", Value: "3"}},
		},
	}, {
		Lieu: lieu.Lieu{
			ID: "a2", Name: "=HYPERLINK(\"http://x\")", Commune: "Talence", PostalCode: "33400",
			Extra: []lieu.Extra{{Name: "result_score", Value: "0.97"}, {Name: "mediateurs", Value: "1"}},
		},
	}}
	sel := selected(places, -1)
	for _, tc := range []struct {
		opt    CSVOptions
		prefix string
		sep    rune
	}{
		{CSVOptions{}, "id,pivot,nom,", ','},
		{CSVOptions{Semicolon: true}, "\uFEFFid;pivot;nom;", ';'},
	} {
		var buf bytes.Buffer
		if err := CSV(&buf, sel, tc.opt); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(buf.String(), tc.prefix) {
			t.Errorf("CSV starts with %q, want %q", buf.String()[:20], tc.prefix)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF")))
		r.Comma = tc.sep
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"a1", "", "Médiathèque « Le Bouscat », 1er étage", "Pessac", "33600", "33318", "", "", "44.8067", "-0.6311",
				"", "", "", "", "", "", "Ateliers ; \"cafés numériques\"\nLe mardi.", "", "", "", "2024-04-02",
				"Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
				"", "", "", "", "", "", "", "", "", "", "3", ""},
			// A formula gets an apostrophe, that livret drops on reading.
			{"a2", "", "'=HYPERLINK(\"http://x\")", "Talence", "33400", "", "", "", "", "",
				"", "", "", "", "", "", "", "", "", "", "",
				"", "", "", "", "", "", "", "", "", "", "", "1", "0.97"},
		}
		if len(rows) != 3 || !slices.Equal(rows[0][32:], []string{"mediateurs", "result_score"}) {
			t.Fatalf("header %q", rows[0])
		}
		for i, w := range want {
			if !slices.Equal(rows[i+1], w) {
				t.Errorf("row %d = %q\nwant %q", i+1, rows[i+1], w)
			}
		}
	}

	var buf bytes.Buffer
	if err := JSON(&buf, sel); err != nil {
		t.Fatal(err)
	}
	want := `[
{"id":"a1","nom":"Médiathèque « Le Bouscat », 1er étage","commune":"Pessac","code_postal":"33600","code_insee":"33318","latitude":44.8067,"longitude":-0.6311,"presentation_detail":"Ateliers ; \"cafés numériques\"\nLe mardi.","date_maj":"2024-04-02","services":"Aide aux démarches administratives|Maîtrise des outils numériques du quotidien","mediateurs":"3"},
{"id":"a2","nom":"=HYPERLINK(\"http://x\")","commune":"Talence","code_postal":"33400","mediateurs":"1","result_score":"0.97"}
]
`
	if buf.String() != want {
		t.Errorf("JSON =\n%s\nwant\n%s", buf.String(), want)
	}
	var objects []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &objects); err != nil || len(objects) != 2 {
		t.Errorf("JSON does not read back: %v", err)
	}
}

// TestEmpty checks that no place gives a file with just the header.
func TestEmpty(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := CSV(&buf, nil, CSVOptions{}); err != nil || strings.Count(buf.String(), "\n") != 1 || !strings.HasPrefix(buf.String(), "id,pivot,") {
		t.Errorf("CSV of no place = %q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := JSON(&buf, nil); err != nil || buf.String() != "[\n]\n" {
		t.Errorf("JSON of no place = %q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := XLSX(&buf, nil, XLSXOptions{}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	if rows, err := f.GetRows(SheetPlaces); err != nil || len(rows) != 1 || rows[0][0] != "Nom" || filterRange(f) != "'Lieux'!$A$1:$AH$1" {
		t.Errorf("XLSX of no place: rows %q, filter %q, %v", rows, filterRange(f), err)
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, errors.New("disque plein")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteError checks that a failing output is reported, in French.
func TestWriteError(t *testing.T) {
	t.Parallel()
	places := checked(t, "../testdata/donnees/bus-charente-v0.1-2023-10-12.json")
	for _, w := range writers {
		err := w.write(&failingWriter{n: 100}, places)
		if err == nil || !strings.Contains(err.Error(), "disque plein") || !strings.Contains(err.Error(), "écriture du fichier") {
			t.Errorf("%s: error %v", w.name, err)
		}
	}
	if err := XLSX(&failingWriter{n: 100}, places, XLSXOptions{}); err == nil || !strings.Contains(err.Error(), "disque plein") {
		t.Errorf("xlsx: error %v", err)
	}
}

// FuzzRoundTrip writes a place with any name, address and description in
// the standard's formats and reads it back as livret reads any source.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Médiathèque « Le Bouscat »", "21, rue de Camponac", "Ateliers ; \"cafés numériques\"\nLe mardi.")
	f.Add("=HYPERLINK(\"x\")", "- Avenue Paul Mairat", "Ligne 1\r\nLigne 2\n\n\nLigne 3")
	f.Add("Espace|numérique", "Bât. A; 2e étage", "\uFEFFtexte")
	f.Fuzz(func(t *testing.T, name, address, description string) {
		name, address = texte.Clean(name), texte.Clean(address)
		if name == "" || address == "" {
			return // the check sets such places aside
		}
		p := controle.Place{Lieu: lieu.Lieu{ID: "a1", Name: name, Address: address, Description: description,
			Commune: "Pessac", PostalCode: "33600"}}
		want := cleaned(&p)
		for _, w := range writers {
			var buf bytes.Buffer
			if err := w.write(&buf, []selection.Selected{{Place: &p, Distance: -1}}); err != nil {
				t.Fatal(err)
			}
			back := decodeAll(t, buf.Bytes())
			if len(back) != 1 || !reflect.DeepEqual(back[0], want) {
				t.Fatalf("%s: read back %+v\nwant %+v\nfile %q", w.name, back, want, buf.String())
			}
		}
	})
}
