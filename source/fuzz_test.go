package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fuzzOptions keep fuzzing light on memory.
var fuzzOptions = Options{MaxBytes: 4 << 20}

// addFiles seeds a fuzz target with the test files matching the patterns.
func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", p))
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// checkReader reads r to the end and checks what must hold whatever the
// input: reading ends, positions move forward, names and values are clean,
// errors are French and name the file, a fatal error sticks.
func checkReader(t *testing.T, r *Reader, inputLen int) {
	t.Helper()
	r.Columns()
	r.Encoding()
	last := Position{}
	for calls := 0; ; calls++ {
		if calls > inputLen+2 {
			t.Fatalf("%d records or errors from %d bytes", calls, inputLen)
		}
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		var rowErr *RowError
		if err != nil && !errors.As(err, &rowErr) {
			if !strings.HasPrefix(err.Error(), "fichier «") {
				t.Fatalf("fatal error without the file: %q", err)
			}
			if _, again := r.Next(); again != err {
				t.Fatalf("fatal error %q not returned again: %v", err, again)
			}
			break
		}
		if err != nil && !strings.HasPrefix(err.Error(), "fichier «") {
			t.Fatalf("row error without the file: %q", err)
		}
		pos := rec.Pos
		switch {
		case pos.Index > 0:
			if pos.Index != last.Index+1 || pos.Line < last.Line {
				t.Fatalf("object at %+v after %+v", pos, last)
			}
		case pos.Line <= last.Line:
			t.Fatalf("record at %+v after %+v", pos, last)
		}
		last = pos
		for _, f := range rec.Fields {
			if f.Name == "" || f.Name != clean(f.Name) || f.Value != clean(f.Value) ||
				!utf8.ValidString(f.Name) || !utf8.ValidString(f.Value) || !norm.NFC.IsNormalString(f.Value) {
				t.Fatalf("%v: unclean field %q = %q", pos, f.Name, f.Value)
			}
		}
		for _, n := range rec.Notes {
			if !utf8.ValidString(n) || n == "" {
				t.Fatalf("%v: bad note %q", pos, n)
			}
		}
	}
	r.Notes()
	r.EmptyRows()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
}

// fuzzOpen reads data as a whole source, format detection included.
func fuzzOpen(t *testing.T, name string, data []byte) {
	r, err := NewReader(bytes.NewReader(data), name, fuzzOptions)
	if err != nil {
		if !strings.HasPrefix(err.Error(), "fichier «") {
			t.Fatalf("open error without the file: %q", err)
		}
		return
	}
	checkReader(t, r, len(data))
}

func FuzzCSV(f *testing.F) {
	addFiles(f, "*.csv")
	for _, s := range []string{
		"nom;commune\nA;Gap\n\"B;Digne\nC;Nice\n",
		"nom,horaires\n\"Mairie\",\"Lundi\r\nMardi\"\n",
		"nom;;nom\n\"a \"b\" c\";x;y;z\n;;;\n",
		"nom\rA\rB",
		"\ufeff id ;\u00a0nom\n1;Me\u0301diathe\u0300que\x00\n",
		"nom;commune\nM\xe9diath\xe8que;Gap\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzOpen(t, "fuzz.csv", data)
		// The CSV parser on its own, whatever the content looks like.
		text, fallback := utf8Text(bytes.NewReader(data), encUTF8)
		dec, err := newCSVDecoder("fuzz.csv", text)
		if err != nil {
			return
		}
		checkReader(t, &Reader{name: "fuzz.csv", format: CSV, fallback: fallback, dec: dec}, len(data))
	})
}

func FuzzJSON(f *testing.F) {
	addFiles(f, "*.json", "*.geojson")
	for _, s := range []string{
		`[{"nom": "A", "code_postal": 97221, "x": null, "l": ["a", null, 1], "o": {"a": {"b": [true]}}}, 3]`,
		`{"total": 2, "data": [{"nom": "A"}], "next": "https://x", "autres": [{"a": 1}]}`,
		"{\"nom\": \"A\"}\n{\"nom\": \"B\", \"m\": [{\"x\": 1}]}\n42",
		`{"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.4, 43.5]}, "properties": {"siret": "1", "rna": "W1", "adresse": {"numero_voie": "1", "nom_voie": "rue"}}}`,
		`{"type": "FeatureCollection", "features": []}`,
		`[{"a": "\u00e9\ud83d\ude00\u0000", "": "x", "a": "y"}]`,
		`[{"nom": "A"}, {"nom": `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzOpen(t, "fuzz.json", data)
		// The JSON reader on its own, whatever the content looks like.
		text, fallback := utf8Text(bytes.NewReader(data), encUTF8)
		checkReader(t, &Reader{name: "fuzz.json", format: JSON, fallback: fallback, dec: newJSONDecoder("fuzz.json", text)}, len(data))
	})
}

// FuzzXLSX fuzzes whole workbooks, and sheets: an input that is not a ZIP
// archive is put in a workbook as its first sheet's XML, so that the fuzzer
// reaches the row reading instead of failing on checksums.
func FuzzXLSX(f *testing.F) {
	template := workbook(f, []string{"Lieux"}, map[string][][]any{"Lieux": {{"nom", "code_postal"}, {"Mairie", 5000}}})
	f.Add(template)
	columns, recs := nationalRecords(f)
	national := workbookOf(f, columns, recs[:6])
	f.Add(national)
	for _, wb := range [][]byte{template, national} {
		zr, err := zip.NewReader(bytes.NewReader(wb), int64(len(wb)))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range zr.File {
			if file.Name == "xl/worksheets/sheet1.xml" {
				rc, _ := file.Open()
				sheet, _ := io.ReadAll(rc)
				rc.Close()
				f.Add(sheet)
			}
		}
	}
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c></row>` +
		`<row r="100000"><c r="XFD100000" t="s"><v>99</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			data = withSheet(t, template, data)
		}
		fuzzOpen(t, "fuzz.xlsx", data)
	})
}

// withSheet returns the workbook with its first sheet's XML replaced.
func withSheet(t testing.TB, workbook, sheet []byte) []byte {
	return rezip(t, workbook, "xl/worksheets/sheet1.xml", func(w *zip.Writer, h *zip.FileHeader) {
		f, err := w.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(sheet)
	})
}

// FuzzSurvey checks that the byte scan of clean finds the characters it
// must scrub exactly where a scan of the runes does, on any bytes.
func FuzzSurvey(f *testing.F) {
	for _, s := range []string{"", "Mairie d’Angoulême", "a\tb\nc", "a\rb", "x\x00y", "\x7f", "\u0085suite", "\u00a0",
		"\ufeffnom", "\ufdd0é", "\xc2A", "\xef\xbb", "\xe0\xc2\x85", "\u00c2\u0080", "café\u0301",
		"Espace numérique", "Médiathèque municipale\x7f", "1 rue de la Paix 33000\x01", "ABCDEFGH\tIJKLMNOP\x1f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		scrubbed, ascii := survey(s)
		if want := strings.ContainsFunc(s, isScrubbed); scrubbed != want {
			t.Fatalf("survey(%q) scrubbed = %v, want %v", s, scrubbed, want)
		}
		if !scrubbed && ascii != isASCII(s) {
			t.Fatalf("survey(%q) ascii = %v", s, ascii)
		}
	})
}

// FuzzUTF8Fallback checks that reading text through the fallback, in
// pieces of any size, gives its valid characters as they are and each
// invalid byte as its Windows-1252 character, marked.
func FuzzUTF8Fallback(f *testing.F) {
	for _, s := range []string{"", "Mairie d’Angoulême", "M\xe9diath\xe8que", strings.Repeat("é", 3000) + "\xe9", "\xe2\x80", "ab\xf0\x9f\x98"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				want.WriteString(misread + windows1252[s[i]-0x80])
			} else {
				want.WriteString(s[i : i+n])
			}
			i += n
		}
		for _, in := range []io.Reader{strings.NewReader(s), iotest.OneByteReader(strings.NewReader(s)), iotest.HalfReader(strings.NewReader(s))} {
			got, err := io.ReadAll(transform.NewReader(in, new(utf8Fallback)))
			if err != nil || string(got) != want.String() {
				t.Fatalf("%q read as %q, %v; want %q", s, got, err, want.String())
			}
		}
	})
}

// FuzzCleaned checks the fast paths of cleaned against its plain rules:
// scrubbed, trimmed of spaces of any kind, NFC.
func FuzzCleaned(f *testing.F) {
	for _, s := range []string{"", " Gap ", "Gap", "\u00a0Apt", "Nice\u200b", "é", "\ufeffnom", "x\x00", "\t", "a b", "Mairie d’Angoulême "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := s
		if strings.ContainsFunc(s, isScrubbed) || strings.Contains(s, "\r") {
			want = scrub(s)
		}
		want = norm.NFC.String(strings.TrimFunc(want, isTrimmed))
		if got, _ := cleaned(s); got != want {
			t.Fatalf("cleaned(%q) = %q, want %q", s, got, want)
		}
	})
}
