package source

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sameRows checks that sheetReader reads the first sheet of the workbook
// row for row as excelize's row reader, its reference: the same cells,
// the same errors.
func sameRows(t *testing.T, data []byte) {
	t.Helper()
	opt := excelize.Options{ShortDatePattern: "[$-409]yyyy-mm-dd", UnzipSizeLimit: 1 << 26, UnzipXMLSizeLimit: 1 << 24}
	var (
		ref  *excelize.File
		mine *excelize.File
	)
	if guard(func() (err error) {
		ref, err = excelize.OpenReader(bytes.NewReader(data), opt)
		if err == nil {
			mine, err = excelize.OpenReader(bytes.NewReader(data), opt)
		}
		return err
	}) != nil {
		return
	}
	defer ref.Close()
	defer mine.Close()
	sheets := ref.GetSheetList()
	if len(sheets) == 0 {
		return
	}
	var want *excelize.Rows
	if guard(func() (err error) {
		want, err = ref.Rows(sheets[0])
		return err
	}) != nil {
		return
	}
	defer want.Close()
	got, err := openSheet(bytes.NewReader(data), int64(len(data)), sheets[0], newCellFormat(mine))
	if err != nil || got == nil {
		t.Fatalf("sheet not read: %v", err)
	}
	defer got.s.rc.Close()
	for n := 1; n < 2000; n++ {
		var (
			wantOK, gotOK     bool
			wantErr, gotErr   error
			wantRow, gotRow   []string
			wantPanic, gotPan error
		)
		wantPanic = guard(func() error {
			if wantOK = want.Next(); wantOK {
				wantRow, wantErr = want.Columns()
			} else {
				wantErr = want.Error()
			}
			return nil
		})
		gotPan = guard(func() error {
			if gotOK = got.next(); gotOK {
				gotRow, gotErr = got.columns()
			} else {
				gotErr = got.err
			}
			return nil
		})
		if wantPanic != nil || gotPan != nil {
			if gotPan != nil {
				t.Fatalf("row %d: panic %v", n, gotPan)
			}
			return
		}
		if gotOK != wantOK || (gotErr == nil) != (wantErr == nil) || !slices.Equal(gotRow, wantRow) {
			t.Fatalf("row %d: got %v %q %v, excelize %v %q %v", n, gotOK, gotRow, gotErr, wantOK, wantRow, wantErr)
		}
		if !gotOK || gotErr != nil {
			return
		}
	}
}

// TestSheetReader reads real and odd sheets as excelize does.
func TestSheetReader(t *testing.T) {
	t.Parallel()
	columns, recs := nationalRecords(t)
	template := workbook(t, []string{"Lieux"}, map[string][][]any{"Lieux": {{"nom", "code_postal"}, {"Mairie", 5000}}})
	sheets := map[string][]byte{
		"national": workbookOf(t, columns, recs),
		"mixed": workbook(t, []string{"Lieux"}, map[string][][]any{"Lieux": {
			{"nom", "n", "ok", "x"}, {"A & B <c>", 1.5, true, 12345678901234567890.0}, {}, {nil, "", " ", "_x0041_"}}}),
	}
	for name, xml := range map[string]string{
		"gaps": `<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c></row>` +
			`<row r="5"><c r="D5"><v>1e3</v></c><c r="A5" t="str"><v>avant</v></c></row></sheetData></worksheet>`,
		"no refs": `<x:worksheet xmlns:x="u"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:r><x:t>un</x:t></x:r>` +
			`<x:r><x:rPr/><x:t xml:space="preserve"> deux</x:t></x:r><x:rPh><x:t>non</x:t></x:rPh></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>` +
			`<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row></x:sheetData></x:worksheet>`,
		"text": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b&#233;&#x20AC;` + "\r\n" +
			`c<![CDATA[<d>]]></t></is></c><c r="B1" t="s"><v> 0 </v></c><c r="C1" t="s"><v>9</v></c><c r="D1" t="d"><v>2024-01-02</v></c></row></sheetData></worksheet>`,
		"bad ref":   `<worksheet><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`,
		"bad row":   `<worksheet><sheetData><row r="x"><c><v>1</v></c></row></sheetData></worksheet>`,
		"bad style": `<worksheet><sheetData><row r="1"><c r="A1" s="z"><v>1</v></c><c r="B1" s="7"><v>2</v></c></row></sheetData></worksheet>`,
		"too far":   `<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="2000000"><c><v>2</v></c></row></sheetData></worksheet>`,
		"broken":    `<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</x></c></row></sheetData></worksheet>`,
		"entity":    `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`,
		"comments":  `<?xml version="1.0"?><!-- c --><worksheet><sheetData><row r="1"><!-- <c><v>9</v></c> --><c a=">"><v>1</v></c></row></sheetData></worksheet>`,
	} {
		sheets[name] = withSheet(t, template, []byte(xml))
	}
	for name, data := range sheets {
		t.Run(name, func(t *testing.T) {
			sameRows(t, data)
		})
	}
}

// wellFormed tells whether encoding/xml reads the whole of data.
func wellFormed(data []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzSheetReader checks that sheetReader reads any well-formed sheet XML
// as excelize does.
func FuzzSheetReader(f *testing.F) {
	template := workbook(f, []string{"Lieux"}, map[string][][]any{"Lieux": {{"nom", "code_postal"}, {"Mairie", 5000}}})
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c><c r="C1" t="s"><v>0</v></c></row>` +
			`<row r="3"><c r="B3"><v>1.50</v></c><c t="b"><v>0</v></c><c t="str"><f>A1</f><v>x</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row><c><v>1</v></c><c r="A1"><v>2</v></c></row><row r="1"/></sheetData></worksheet>`,
		`<worksheet><sheetData><row A="0"><c A="00" t="000000000"t="b"><v>0</v></c></row></sheetData></worksheet>`,
		"&00<row>sheetData",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, sheet []byte) {
		if !strings.Contains(string(sheet), "sheetData") {
			return
		}
		data := withSheet(t, template, sheet)
		if !wellFormed(sheet) {
			// The tokenizer may find a fault later than encoding/xml: it
			// must only not crash.
			fuzzOpen(t, "fuzz.xlsx", data)
			return
		}
		sameRows(t, data)
	})
}
