package source

import (
	"archive/zip"
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// zipOf builds a ZIP archive holding the given files, in order.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		f, err := w.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(files[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// garbage returns n reproducible random bytes.
func garbage(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestRefused(t *testing.T) {
	t.Parallel()
	xls, err := os.ReadFile("testdata/ancien-format.xls")
	if err != nil {
		t.Fatal(err)
	}
	protected := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		f.SetCellValue("Sheet1", "A1", "nom")
		var b bytes.Buffer
		if err := f.Write(&b, excelize.Options{Password: "secret"}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}()
	const formats = ", pas un tableau de lieux ; les formats lus sont CSV, JSON, GeoJSON et XLSX"
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "c’est un document PDF" + formats},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "c’est une image PNG" + formats},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "c’est une image JPEG" + formats},
		{"gzip", []byte("\x1f\x8b\x08\x00"), "c’est une archive compressée (gzip)" + formats + " (décompressez-la d’abord)"},
		{"parquet", []byte("PAR1\x15\x04"), "c’est un fichier Parquet" + formats + " (l’export national existe aussi au format CSV)"},
		{"garbage", garbage(4096), "c’est un fichier binaire illisible, ni texte ni classeur" + formats},
		{"html", []byte("\n<!DOCTYPE html>\n<html lang=\"fr\"><head><title>data.gouv.fr</title>"),
			"c’est une page web (HTML)" + formats + " (l’adresse mène peut-être à la page de présentation du jeu de données et non au fichier lui-même)"},
		{"xml", []byte("<?xml version=\"1.0\"?><lieux/>"), "c’est un document XML" + formats},
		{"excel 2003 xml", []byte("<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
			"c’est un classeur Excel au format XML 2003" + formats + " (ouvrez-le dans un tableur et enregistrez-le au format XLSX ou CSV)"},
		{"xls", xls, "c’est un classeur Excel à l’ancien format XLS" + formats + " (ouvrez-le dans un tableur et enregistrez-le au format XLSX ou CSV)"},
		{"protected xlsx", protected, "c’est un classeur protégé par un mot de passe" + formats +
			" (ouvrez-le dans un tableur, retirez le mot de passe et enregistrez-le au format XLSX ou CSV)"},
		{"other cfb", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...),
			"c’est un fichier Microsoft Office à l’ancien format" + formats + " (ouvrez-le dans un tableur et enregistrez-le au format XLSX ou CSV)"},
		{"ods", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"),
			"c’est un classeur OpenDocument (ODS)" + formats + " (ouvrez-le dans un tableur et enregistrez-le au format XLSX ou CSV)"},
		{"docx", zipOf(t, "[Content_Types].xml", "<x/>", "word/document.xml", "<x/>"), "c’est un document Word (DOCX)" + formats},
		{"zip of csv", zipOf(t, "lieux/", "", "lieux/a.csv", "nom\n", "lieux/b.csv", "nom\n"),
			"c’est une archive ZIP contenant « lieux/a.csv », « lieux/b.csv »" + formats + " (décompressez-la et donnez le fichier de données qu’elle contient)"},
		{"empty zip", []byte("PK\x05\x06" + string(make([]byte, 18))), "c’est une archive ZIP vide" + formats},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRead(t, "lieux", tt.content, Options{}, want{fatal: "fichier « lieux » : " + tt.want})
		})
	}
}

func TestOpenErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		location string
		want     string
	}{
		{filepath.Join(dir, "absent.csv"), "fichier « " + filepath.Join(dir, "absent.csv") + " » : ce fichier n’existe pas (vérifiez le nom et le dossier)"},
		{dir, "fichier « " + dir + " » : c’est un dossier, pas un fichier"},
	}
	for _, tt := range tests {
		r, err := Open(context.Background(), tt.location, Options{})
		if err == nil {
			r.Close()
			t.Errorf("%s: no error", tt.location)
			continue
		}
		if err.Error() != fr(tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.location, err, fr(tt.want))
		}
	}
}
