package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// fr writes an expected message the way the package does: French spacing
// in the template and no-break spaces inside guillemets.
func fr(s string) string {
	s = strings.NewReplacer("« ", "«\u00a0", " »", "\u00a0»", "nᵒ ", "nᵒ\u00a0").Replace(s)
	return frenchSpacing.Replace(s)
}

// want describes what reading a file gives.
type want struct {
	fatal   string            // the fatal error, "" for none
	records []string          // per record: "position && name=value && absent!", fields to check
	rowErrs []string          // row error messages
	notes   map[string]string // record position → its notes joined with " / "
	file    []string          // file notes
	empty   int               // empty rows skipped
	columns int               // number of columns (checked when > 0)
}

func checkRead(t *testing.T, name string, content []byte, opt Options, w want) *Reader {
	t.Helper()
	r, err := NewReader(bytes.NewReader(content), name, opt)
	if err != nil {
		if w.fatal == "" || err.Error() != fr(w.fatal) {
			t.Fatalf("open error:\n got %q\nwant %q", err, fr(w.fatal))
		}
		return nil
	}
	recs, rowErrs, err := readAll(t, r)
	if got := fmt.Sprint(err); w.fatal != "" && got != fr(w.fatal) || w.fatal == "" && err != nil {
		t.Errorf("fatal error:\n got %q\nwant %q", got, fr(w.fatal))
	}
	if len(recs) != len(w.records) {
		t.Errorf("%d records, want %d", len(recs), len(w.records))
	}
	for i := range min(len(recs), len(w.records)) {
		rec := recs[i]
		parts := strings.Split(w.records[i], " && ")
		if rec.Pos.String() != fr(parts[0]) {
			t.Errorf("record %d at %q, want %q", i, rec.Pos, fr(parts[0]))
		}
		for _, p := range parts[1:] {
			if name, ok := strings.CutSuffix(p, "!"); ok {
				if v, ok := rec.Get(name); ok {
					t.Errorf("%v: %s = %q, want no such field", rec.Pos, name, v)
				}
				continue
			}
			name, value, _ := strings.Cut(p, "=")
			if got := get(t, rec, name); got != value {
				t.Errorf("%v: %s = %q, want %q", rec.Pos, name, got, value)
			}
		}
		if got, want := strings.Join(rec.Notes, " / "), fr(w.notes[parts[0]]); got != want {
			t.Errorf("%v: notes\n got %q\nwant %q", rec.Pos, got, want)
		}
	}
	if len(rowErrs) != len(w.rowErrs) {
		t.Errorf("row errors %q, want %q", rowErrs, w.rowErrs)
	} else {
		for i := range rowErrs {
			if rowErrs[i] != fr(w.rowErrs[i]) {
				t.Errorf("row error:\n got %q\nwant %q", rowErrs[i], fr(w.rowErrs[i]))
			}
		}
	}
	var file []string
	for _, n := range w.file {
		file = append(file, fr(n))
	}
	if got := r.Notes(); fmt.Sprint(got) != fmt.Sprint(file) {
		t.Errorf("file notes\n got %q\nwant %q", got, file)
	}
	if r.EmptyRows() != w.empty {
		t.Errorf("%d empty rows, want %d", r.EmptyRows(), w.empty)
	}
	if w.columns > 0 && len(r.Columns()) != w.columns {
		t.Errorf("%d columns, want %d", len(r.Columns()), w.columns)
	}
	return r
}

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestCSV(t *testing.T) {
	t.Parallel()
	manyLines := func(n, broken int) (string, []string) {
		var b strings.Builder
		var recs []string
		b.WriteString("nom;commune\n")
		for i := 2; i <= n+1; i++ {
			if i == broken {
				fmt.Fprintf(&b, "\"Lieu %d;Gap\n", i)
				continue
			}
			fmt.Fprintf(&b, "Lieu %d;Gap\n", i)
			recs = append(recs, fmt.Sprintf("ligne %d && nom=Lieu %d", i, i))
		}
		return b.String(), recs
	}
	long, longRecs := manyLines(150, 10)
	wide := func(n int) string {
		var h, r []string
		for i := range n {
			h = append(h, fmt.Sprintf("c%d", i))
			r = append(r, fmt.Sprintf("v%d", i))
		}
		return strings.Join(h, ",") + "\n" + strings.Join(r, ",") + "\n"
	}
	// Valid UTF-8 for more than the sniffed prefix, then a Windows-1252 row.
	lateLatin1 := "nom;commune\n" + strings.Repeat("Espace numérique;Gap\n", 4000) + "M\xe9diath\xe8que;Apt\n"

	tests := []struct {
		name    string
		content []byte
		want    want
	}{
		{"unclosed quote to the end", []byte("nom;commune\nA;Gap\n\"B;Digne\nC;Nice\nD;Apt\n"), want{
			records: []string{"ligne 2 && nom=A", "ligne 4 && nom=C", "ligne 5 && nom=D && commune=Apt"},
			rowErrs: []string{"fichier « t.csv », ligne 3 : guillemet non fermé (la cellule qui commence ici va jusqu’à la fin du fichier)"},
		}},
		{"unclosed quote over many lines", []byte(long), want{
			records: longRecs,
			rowErrs: []string{"fichier « t.csv », ligne 10 : guillemet non fermé (la cellule qui commence ici va jusqu’à la fin du fichier)"},
		}},
		{"unclosed quote before a whole record", []byte("nom;commune;code_postal;adresse\n\"A;Gap;05000;1 rue\nB;Nice;06000;\"2 rue\"\nC;Apt;84400;3 rue\n"), want{
			records: []string{"ligne 3 && nom=B && adresse=2 rue", "ligne 4 && nom=C"},
			rowErrs: []string{"fichier « t.csv », ligne 2 : guillemet non fermé (la ligne 3 qui suit a toutes les colonnes d’une ligne du fichier)"},
		}},
		{"quoted cell of 200 lines", []byte("nom;commune;code_postal;presentation\nA;Gap;05000;\"" + strings.Repeat("Atelier ; une ligne\n", 200) + "fin\"\nB;Nice;06000;\n"), want{
			records: []string{"ligne 2 && nom=A && presentation=" + strings.Repeat("Atelier ; une ligne\n", 200) + "fin", "ligne 203 && nom=B"},
		}},
		{"unclosed quote on a line read again", []byte("nom;commune\n\"A;Gap\n\"B;Nice\nC;Apt\n"), want{
			records: []string{"ligne 4 && nom=C"},
			rowErrs: []string{
				"fichier « t.csv », ligne 2 : guillemet non fermé (la cellule qui commence ici va jusqu’à la fin du fichier)",
				"fichier « t.csv », ligne 3 : guillemet non fermé",
			},
		}},
		{"quotes, escapes and blanks", []byte("nom;commune\n \"Espace \"\"Cyber\"\" ; Gap\" ; \"Gap\" \n"), want{
			records: []string{`ligne 2 && nom=Espace "Cyber" ; Gap && commune=Gap`},
		}},
		{"stray quote kept", []byte("nom;commune\n\"Médiathèque \"Le Phare\" de Gap\";Gap\n"), want{
			records: []string{`ligne 2 && nom=Médiathèque "Le Phare" de Gap && commune=Gap`},
			notes:   map[string]string{"ligne 2": "guillemet isolé gardé tel quel dans la colonne 1"},
		}},
		{"bare quote in an unquoted cell", []byte("nom;commune\nEspace \"Cyber\";Gap\n"), want{
			records: []string{`ligne 2 && nom=Espace "Cyber"`},
		}},
		{"multi-line cell", []byte("nom,horaires,commune\n\"Mairie\",\"Lundi : 9 h\r\nMardi : 10 h\",\"Gap\"\n\"Poste\",,\"Nice\"\n"), want{
			records: []string{"ligne 2 && nom=Mairie && horaires=Lundi : 9 h\nMardi : 10 h && commune=Gap", "ligne 4 && nom=Poste && horaires="},
		}},
		{"extra cells", []byte("nom;commune\nA;Gap;x;;y\nB;Nice;;\n"), want{
			records: []string{"ligne 2 && nom=A && commune=Gap", "ligne 3 && nom=B"},
			file:    []string{"2 valeurs au-delà des 2 colonnes de l’en-tête, non lues (ligne 2, colonne 3 : « x » ; ligne 2, colonne 5 : « y »)"},
		}},
		{"extra cell beyond a one-column header", []byte("nom\nA;Gap\n"), want{
			records: []string{"ligne 2 && nom=A;Gap"},
		}},
		{"short row", []byte("nom,commune,code_postal\nA,Gap\n"), want{
			records: []string{"ligne 2 && nom=A && commune=Gap && code_postal="},
			file:    []string{"1 ligne a moins de cellules que les 3 colonnes de l’en-tête ; les colonnes manquantes sont vides (ligne 2 : 2 cellules)"},
		}},
		{"unnamed column", []byte("nom;;commune;\nA;zz;Gap;\nB;;Nice;\n"), want{
			records: []string{"ligne 2 && nom=A && commune=Gap", "ligne 3 && nom=B"},
			file:    []string{"1 valeur dans des colonnes sans nom dans l’en-tête, non lue (ligne 2, colonne 2 : « zz »)"},
		}},
		{"repeated column", []byte("nom;commune;nom\nA;Gap;\n;Nice;B\nC;Apt;D\n"), want{
			records: []string{"ligne 2 && nom=A", "ligne 3 && nom=B", "ligne 4 && nom=C"},
			notes:   map[string]string{"ligne 4": "le champ « nom » apparaît plusieurs fois : la valeur « C » est gardée, « D » est écartée"},
			file:    []string{"la colonne « nom » apparaît 2 fois dans l’en-tête (colonne 1, colonne 3) ; sur chaque ligne, la première valeur non vide est gardée"},
		}},
		{"empty lines", []byte("\n\nnom;commune\n\nA;Gap\n;;\n  \nB;Nice\n"), want{
			records: []string{"ligne 5 && nom=A", "ligne 8 && nom=B"},
			empty:   5,
		}},
		{"header only", []byte("\ufeffnom;commune\r\n"), want{columns: 2}},
		{"empty file", nil, want{fatal: "fichier « t.csv » : le fichier est vide"}},
		{"blank file", []byte("\ufeff \r\n\r\n\t\n"), want{fatal: "fichier « t.csv » : le fichier est vide"}},
		{"separators only", []byte(";;;\n;;;\n"), want{fatal: "fichier « t.csv » : le fichier ne contient que des lignes vides"}},
		{"separators before the header", []byte(",,,\nnom;commune\nA;Gap\n"), want{records: []string{"ligne 3 && nom=A && commune=Gap"}, empty: 1}},
		{"header with an unclosed quote", []byte("nom;\"commune\nA;Gap\n"), want{
			fatal: "fichier « t.csv », ligne 1 : en-tête illisible : guillemet non fermé (la cellule qui commence ici va jusqu’à la fin du fichier)",
		}},
		{"old Mac line ends", []byte("nom;commune\rA;Gap\rB;Nice"), want{
			records: []string{"ligne 2 && nom=A", "ligne 3 && nom=B && commune=Nice"},
		}},
		{"comma with quoted commas in the header", []byte("\"nom, complet\",\"commune; ville\"\nA,Gap\n"), want{
			records: []string{"ligne 2 && nom, complet=A && commune; ville=Gap"},
		}},
		{"Excel separator line", []byte("sep=,\r\nnom,commune;ville\r\nA,Gap;Nice\r\n"), want{records: []string{"ligne 3 && nom=A && commune;ville=Gap;Nice"}}},
		{"tab separated", []byte("nom\tcommune\nA ; B\tGap\n"), want{records: []string{"ligne 2 && nom=A ; B && commune=Gap"}}},
		{"pipe separated", []byte("nom|commune\nA|Gap\n"), want{records: []string{"ligne 2 && nom=A && commune=Gap"}}},
		{"names and values cleaned", []byte("\ufeff id ;\u00a0nom\u00a0;description\n 1 ;Me\u0301diathe\u0300que\u00a0\x00\u200b;" + strings.Repeat("Accès libre. ", 20) + "\n"), want{
			records: []string{"ligne 2 && id=1 && nom=Médiathèque"},
		}},
		{"Windows-1252", []byte("nom;commune\nM\xe9diath\xe8que \xab Le Phare \xbb;Gap\n\x8cuvre d\x92art;Nice\n"), want{
			records: []string{"ligne 2 && nom=Médiathèque « Le Phare »", "ligne 3 && nom=Œuvre d’art"},
		}},
		{"UTF-16 LE without BOM", utf16le("nom;commune\r\nMédiathèque;Gap\r\n", false), want{
			records: []string{"ligne 2 && nom=Médiathèque && commune=Gap"},
		}},
		{"UTF-16 BE", utf16be("nom;commune\nŒuvre;Gap\n"), want{records: []string{"ligne 2 && nom=Œuvre"}}},
		{"1 MB cell", []byte("nom;presentation_detail\nA;" + strings.Repeat("é", 1<<19) + "\nB;x\n"), want{
			records: []string{"ligne 2 && nom=A && presentation_detail=" + strings.Repeat("é", 1<<19), "ligne 3 && nom=B"},
		}},
		{"10 000 columns", []byte(wide(10000)), want{
			records: []string{"ligne 2 && c0=v0 && c9999=v9999"},
			columns: 10000,
		}},
		{"line over 16 MB", []byte("nom;commune\nA;" + strings.Repeat("x", 17<<20) + "\nB;Gap\n"), want{
			records: []string{"ligne 3 && nom=B"},
			rowErrs: []string{"fichier « t.csv », ligne 2 : ligne trop longue (plus de 16\u00a0Mo)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRead(t, "t.csv", tt.content, Options{}, tt.want)
		})
	}

	t.Run("one Windows-1252 byte among UTF-8 accents", func(t *testing.T) {
		data := "nom;commune\n" + strings.Repeat("Médiathèque;Gap\n", 3) + "Caf\xe9 num\xe9rique;Apt\n" + strings.Repeat("Médiathèque;Digne\n", 2)
		r := checkRead(t, "t.csv", []byte(data), Options{}, want{records: append(append(
			slicesRepeat("ligne %d && nom=Médiathèque", 2, 3), "ligne 5 && nom=Café numérique && commune=Apt"),
			slicesRepeat("ligne %d && nom=Médiathèque", 6, 2)...),
			notes: map[string]string{"ligne 5": "la colonne 1 a des caractères qui ne sont pas en UTF-8 comme le reste du fichier : lus en Windows-1252 (« Café numérique ») ; vérifiez-les"}})
		if got := r.Encoding(); got != "UTF-8 (avec des passages en Windows-1252)" {
			t.Errorf("encoding %q", got)
		}
	})
	t.Run("a Windows-1252 file", func(t *testing.T) {
		data := "nom;commune\nM\xe9diath\xe8que;Gap\nCaf\xe9;Apt\n"
		r := checkRead(t, "t.csv", []byte(data), Options{}, want{records: []string{"ligne 2 && nom=Médiathèque", "ligne 3 && nom=Café"}})
		if got := r.Encoding(); got != "Windows-1252" {
			t.Errorf("encoding %q", got)
		}
	})
	t.Run("Windows-1252 after the sniffed prefix", func(t *testing.T) {
		r := checkRead(t, "t.csv", []byte(lateLatin1), Options{}, want{records: append(
			slicesRepeat("ligne %d && nom=Espace numérique", 2, 4000), "ligne 4002 && nom=Médiathèque && commune=Apt"),
			notes: map[string]string{"ligne 4002": "la colonne 1 a des caractères qui ne sont pas en UTF-8 comme le reste du fichier : lus en Windows-1252 (« Médiathèque ») ; vérifiez-les"}})
		if got := r.Encoding(); got != "UTF-8 (avec des passages en Windows-1252)" {
			t.Errorf("encoding %q", got)
		}
	})
}

// slicesRepeat returns n expectations from format, numbered from first.
func slicesRepeat(format string, first, n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf(format, first+i))
	}
	return out
}

func TestSniffDelimiter(t *testing.T) {
	t.Parallel()
	tests := map[string]byte{
		"id;nom;commune":           ';',
		"id,nom,commune":           ',',
		"id\tnom\tcommune":         '\t',
		"id|nom|commune":           '|',
		`"a;b","c;d",e`:            ',',
		"nom":                      ',',
		`"nom; commune";"x,y,z,w"`: ';',
	}
	for line, want := range tests {
		if got := sniffDelimiter([]byte(line)); got != want {
			t.Errorf("%q: %q, want %q", line, got, want)
		}
	}
}
