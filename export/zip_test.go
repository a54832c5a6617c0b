package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// TestWorkbookIsReproducible: a workbook of several streamed sheets is
// the same file every time, its sheets in order.
func TestWorkbookIsReproducible(t *testing.T) {
	t.Parallel()
	write := func() []byte {
		wb := NewWorkbook("Essai")
		defer wb.Close()
		for i := range 6 {
			s, err := wb.AddSheet(fmt.Sprintf("Feuille %d", i+1), []Column{{Header: "Nom", Width: 10}})
			if err != nil {
				t.Fatal(err)
			}
			s.Row(fmt.Sprintf("lieu %d", i))
		}
		var b bytes.Buffer
		if err := wb.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := write()
	for range 8 {
		if !bytes.Equal(write(), first) {
			t.Fatal("same workbook, different bytes")
		}
	}
	r, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var sheets []string
	for _, f := range r.File {
		sheets = append(sheets, f.Name)
	}
	want := []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
		"xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml"}
	if !slices.Equal(sheets[:6], want) || len(sheets) != 6+8 {
		t.Errorf("parts %v", sheets)
	}
}
