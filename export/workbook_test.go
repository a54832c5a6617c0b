package export

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"livret/internal/formula"
)

// FuzzSheetRow writes any text in a text column and a code column and
// reads it back: the same text, as a string cell, never a formula, with
// the Text format when a spreadsheet would take it for one.
func FuzzSheetRow(f *testing.F) {
	for _, s := range []string{
		"Médiathèque Jacques-Ellul", "- Avenue Paul Mairat", "@telier connecté udaf", "=1+1",
		"=HYPERLINK(\"http://exemple.fr\";\"Cliquez\")", "+33 5 57 93 67 00", "\t=cmd|' /C calc'!A0",
		"\r=1", "01000", "  espaces  ", "ligne 1\nligne 2", "", "\x00\x1f\ufffe", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		wb := NewWorkbook("essai")
		defer wb.Close()
		sheet, err := wb.AddSheet("Feuille", []Column{{Header: "Texte", Width: 20}, {Header: "Code", Width: 10, Kind: Code}})
		if err != nil {
			t.Fatal(err)
		}
		if err := sheet.Row(s, s); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := wb.Write(&buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		want := xmlText(s)
		for _, cell := range []string{"A2", "B2"} {
			got, err := f.GetCellValue("Feuille", cell)
			if err != nil || got != want {
				t.Errorf("%s = %q, %v; want %q", cell, got, err, want)
			}
			if fml, _ := f.GetCellFormula("Feuille", cell); fml != "" {
				t.Errorf("%s holds the formula %q", cell, fml)
			}
			id, _ := f.GetCellStyle("Feuille", cell)
			st, _ := f.GetStyle(id)
			if text := st != nil && st.NumFmt == 49; s != "" && text != (cell == "B2" || formula.Starts(s)) {
				t.Errorf("%s: Text format %v for %q", cell, text, s)
			}
		}
	})
}

// xmlText is s as XML can hold it: characters XML 1.0 forbids, and bytes
// that are not UTF-8, become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd") ||
			r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			r = '\ufffd'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestSheetErrors checks the misuses a caller can make.
func TestSheetErrors(t *testing.T) {
	t.Parallel()
	wb := NewWorkbook("essai")
	defer wb.Close()
	first, err := wb.AddSheet("Première", []Column{{Header: "A", Width: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Row("un", "deux"); err == nil || !strings.Contains(err.Error(), "2 valeurs pour 1 colonnes") {
		t.Errorf("too many values: %v", err)
	}
	if err := first.Row(struct{}{}); err == nil || !strings.Contains(err.Error(), "valeur de type struct {}") {
		t.Errorf("a value of another type: %v", err)
	}
	if _, err := wb.AddSheet("Seconde", nil); err != nil {
		t.Fatal(err)
	}
	if err := first.Row("trois"); err == nil || !strings.Contains(err.Error(), "feuille « Première », ligne 2 : la feuille est terminée") {
		t.Errorf("a row on an ended sheet: %v", err)
	}
	if _, err := wb.AddSheet("Seconde", nil); err == nil {
		t.Error("two sheets of the same name")
	}
}
