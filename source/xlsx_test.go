package source

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX file: each sheet is a name and its rows, written
// from A1. hidden lists sheets to hide.
func workbook(t testing.TB, sheets []string, rows map[string][][]any, hidden ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, name := range sheets {
		if !slices.Contains(hidden, name) {
			f.SetActiveSheet(i) // excelize does not hide the active sheet
			break
		}
	}
	for _, name := range hidden {
		if err := f.SetSheetVisible(name, false); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// nationalWorkbook writes the national export extract as a workbook.
func nationalWorkbook(t testing.TB) []byte {
	t.Helper()
	columns, recs := nationalRecords(t)
	return workbookOf(t, columns, recs)
}

// workbookOf writes records as a workbook the way a user's spreadsheet holds
// them: codes as numbers shown with five digits, coordinates as numbers,
// dates as dates.
func workbookOf(t testing.TB, columns []string, recs []Record) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Lieux")
	sw, err := f.NewStreamWriter("Lieux")
	if err != nil {
		t.Fatal(err)
	}
	zip5, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("00000")})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	var header []any
	for _, c := range columns {
		header = append(header, c)
	}
	sw.SetRow("A1", header)
	for i, rec := range recs {
		var row []any
		for _, fld := range rec.Fields {
			var v any = fld.Value
			switch fld.Name {
			case "code_postal", "code_insee":
				if n, err := strconv.Atoi(fld.Value); err == nil {
					v = excelize.Cell{StyleID: zip5, Value: n}
				}
			case "latitude", "longitude":
				if x, err := strconv.ParseFloat(fld.Value, 64); err == nil {
					v = x
				}
			case "date_maj":
				if d, err := time.Parse("2006-01-02", fld.Value[:min(10, len(fld.Value))]); err == nil {
					v = excelize.Cell{StyleID: date, Value: d}
				}
			}
			row = append(row, v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func ptr(s string) *string { return &s }

func TestXLSX(t *testing.T) {
	t.Parallel()
	data := nationalWorkbook(t)
	path := filepath.Join(t.TempDir(), "lieux.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, open := range []struct {
		name string
		open func() (*Reader, error)
	}{
		{"file", func() (*Reader, error) { return Open(context.Background(), path, Options{}) }},
		{"reader", func() (*Reader, error) { return NewReader(bytes.NewReader(data), "lieux.xlsx", Options{}) }},
	} {
		t.Run(open.name, func(t *testing.T) {
			r, err := open.open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			recs, rowErrs, err := readAll(t, r)
			if err != nil || len(rowErrs) > 0 {
				t.Fatal(err, rowErrs)
			}
			if r.Format() != XLSX || r.Encoding() != "" || len(recs) != 28 || len(r.Columns()) != 32 {
				t.Fatalf("format %v, encoding %q, %d records, %d columns", r.Format(), r.Encoding(), len(recs), len(r.Columns()))
			}
			rec := find(t, recs, "nom", "Médiathèque François-Mitterrand PAA (Provence Alpes Agglomération)")
			if rec.Pos.String() != "ligne 7" {
				t.Errorf("position %q", rec.Pos)
			}
			for name, want := range map[string]string{
				"code_postal":         "04000",
				"latitude":            "44.091687",
				"longitude":           "6.234144",
				"date_maj":            "2022-06-28",
				"presentation_detail": "Accès libre aux ordinateurs.\nAteliers le mardi ; inscription à l’accueil.",
				"complement_adresse":  "",
			} {
				if got := get(t, rec, name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestXLSXSheets(t *testing.T) {
	t.Parallel()
	data := workbook(t, []string{"Lieux", "Autres lieux"}, map[string][][]any{
		"Lieux":        {{"nom", "code_postal"}, {"Mairie", 5000}},
		"Autres lieux": {{}, {}, {"nom", nil, "commune"}, {"Poste", "x", "Gap", "en trop"}, {}, {}, {"Gare", nil, "Nice"}},
	})
	tests := []struct {
		sheet string
		want  want
	}{
		{"", want{
			records: []string{"feuille « Lieux », ligne 2 && nom=Mairie && code_postal=5000"},
			file:    []string{"seule la feuille « Lieux » est lue ; le classeur en a d’autres : « Autres lieux »"},
		}},
		{"2", want{
			records: []string{"feuille « Autres lieux », ligne 4 && nom=Poste && commune=Gap", "feuille « Autres lieux », ligne 7 && nom=Gare"},
			empty:   4,
			file: []string{"seule la feuille « Autres lieux » est lue ; le classeur en a d’autres : « Lieux »",
				"1 valeur dans des colonnes sans nom dans l’en-tête, non lue (feuille « Autres lieux », ligne 4, colonne B : « x »)",
				"1 valeur au-delà des 3 colonnes de l’en-tête, non lue (feuille « Autres lieux », ligne 4, colonne D : « en trop »)"},
		}},
		{"AUTRES LIEUX ", want{
			records: []string{"feuille « Autres lieux », ligne 4 && nom=Poste", "feuille « Autres lieux », ligne 7 && nom=Gare"},
			empty:   4,
			file: []string{"seule la feuille « Autres lieux » est lue ; le classeur en a d’autres : « Lieux »",
				"1 valeur dans des colonnes sans nom dans l’en-tête, non lue (feuille « Autres lieux », ligne 4, colonne B : « x »)",
				"1 valeur au-delà des 3 colonnes de l’en-tête, non lue (feuille « Autres lieux », ligne 4, colonne D : « en trop »)"},
		}},
		{"Inconnue", want{fatal: "fichier « t.xlsx » : il n’y a pas de feuille « Inconnue » dans ce classeur ; ses feuilles sont : « Lieux », « Autres lieux »"}},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			checkRead(t, "t.xlsx", data, Options{Sheet: tt.sheet}, tt.want)
		})
	}

	t.Run("sheet of a CSV file", func(t *testing.T) {
		checkRead(t, "t.csv", []byte("nom\nMairie\n"), Options{Sheet: "Lieux"}, want{
			records: []string{"ligne 2 && nom=Mairie"},
			file:    []string{"la feuille « Lieux » n’est pas lue : ce fichier CSV n’est pas un classeur"},
		})
	})
	t.Run("hidden first sheet", func(t *testing.T) {
		data := workbook(t, []string{"Paramètres", "Lieux"}, map[string][][]any{
			"Paramètres": {{"version"}, {"2"}},
			"Lieux":      {{"nom"}, {"Mairie"}},
		}, "Paramètres")
		checkRead(t, "t.xlsx", data, Options{}, want{records: []string{"ligne 2 && nom=Mairie"}})
	})
	t.Run("empty sheet", func(t *testing.T) {
		checkRead(t, "t.xlsx", workbook(t, []string{"Lieux"}, nil), Options{}, want{fatal: "fichier « t.xlsx » : la feuille est vide"})
	})
}

// rezip copies an archive, replacing the content of one member.
func rezip(t testing.TB, data []byte, member string, replace func(w *zip.Writer, h *zip.FileHeader)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		if f.Name == member {
			replace(zw, &f.FileHeader)
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestXLSXHostile(t *testing.T) {
	t.Parallel()
	data := workbook(t, []string{"Lieux"}, map[string][][]any{"Lieux": {{"nom"}, {"Mairie"}}})
	hugeSheet := "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
		strings.Repeat(" ", 24<<20) + "</sheetData></worksheet>"
	bomb := rezip(t, data, "xl/worksheets/sheet1.xml", func(w *zip.Writer, h *zip.FileHeader) {
		f, _ := w.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate})
		io.WriteString(f, hugeSheet)
	})
	lying := rezip(t, data, "xl/worksheets/sheet1.xml", func(w *zip.Writer, h *zip.FileHeader) {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		io.WriteString(fw, hugeSheet)
		fw.Close()
		f, _ := w.CreateRaw(&zip.FileHeader{Name: h.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(hugeSheet)),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000})
		f.Write(comp.Bytes())
	})
	tests := []struct {
		name    string
		content []byte
		opt     Options
		want    string
	}{
		{"truncated", data[:len(data)*2/3], Options{}, "classeur XLSX abîmé ou incomplet (téléchargement interrompu ?) : téléchargez-le ou enregistrez-le à nouveau"},
		{"zip bomb", bomb, Options{MaxBytes: 8 << 20}, "une fois décompressé, le classeur dépasserait la limite de 8\u00a0Mo : par prudence, il n’est pas lu"},
		{"zip bomb with lying sizes", lying, Options{MaxBytes: 8 << 20}, "classeur XLSX abîmé ou incomplet (téléchargement interrompu ?) : téléchargez-le ou enregistrez-le à nouveau"},
		{"zip member larger than declared", lying, Options{}, "classeur XLSX abîmé ou incomplet (téléchargement interrompu ?) : téléchargez-le ou enregistrez-le à nouveau"},
		{"standard input over the limit", data, Options{MaxBytes: 1000}, "le fichier dépasse la taille maximale de 1000\u00a0octets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRead(t, "t.xlsx", tt.content, tt.opt, want{fatal: "fichier « t.xlsx » : " + tt.want})
		})
	}
}
