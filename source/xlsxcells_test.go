package source

import (
	"archive/zip"
	"fmt"
	"strings"
	"testing"
	"time"
)

// sheetXML is a worksheet of the given rows of cell XML, with extra XML
// after its data (merged ranges).
func sheetXML(dimension string, rows []string, after string) []byte {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	if dimension != "" {
		b.WriteString(`<dimension ref="` + dimension + `"/>`)
	}
	b.WriteString("<sheetData>")
	for _, r := range rows {
		b.WriteString(r)
	}
	b.WriteString("</sheetData>" + after + "</worksheet>")
	return []byte(b.String())
}

// inline is a cell holding its text.
func inline(ref, text string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + text + `</t></is></c>`
}

func row(n int, cells ...string) string {
	return fmt.Sprintf(`<row r="%d">%s</row>`, n, strings.Join(cells, ""))
}

// dateStyles gives the workbook a second cell style, the date format 14.
func dateStyles(t *testing.T, data []byte) []byte {
	return rezip(t, data, "xl/styles.xml", func(w *zip.Writer, h *zip.FileHeader) {
		f, _ := w.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate})
		f.Write([]byte(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
			`<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
			`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
			`<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`))
	})
}

// TestXLSXCells reads the cells that real and damaged workbooks hold:
// each is read right, or reported naming its cell and its column
// (issue #17, item 14).
func TestXLSXCells(t *testing.T) {
	t.Parallel()
	template := workbook(t, []string{"Lieux"}, map[string][][]any{"Lieux": {{"nom", "code_postal"}, {"Mairie", "x"}}})
	header := row(1, inline("A1", "nom"), inline("B1", "code_postal"), inline("C1", "date_maj"), inline("D1", "telephone"))
	tests := []struct {
		name  string
		sheet []byte
		want  want
	}{
		{"shared string missing", sheetXML("", []string{header,
			row(2, `<c r="A2" t="s"><v>2</v></c>`, `<c r="B2" t="s"><v>99</v></c>`),
			row(3, `<c r="A3" t="s"><v>2</v></c>`, `<c r="B3" t="s"><v>-1</v></c>`, `<c r="C3" t="s"><v>x</v></c>`)}, ""), want{
			records: []string{"ligne 2 && nom=Mairie && code_postal=", "ligne 3 && nom=Mairie && date_maj="},
			notes: map[string]string{
				"ligne 2": "la cellule B2 (code_postal) renvoie au texte partagé nᵒ\u00a099, absent du classeur : lue vide ; ouvrez le classeur dans un tableur et enregistrez-le à nouveau",
				"ligne 3": "la cellule B3 (code_postal) renvoie au texte partagé nᵒ\u00a0-1, absent du classeur : lue vide ; ouvrez le classeur dans un tableur et enregistrez-le à nouveau / " +
					"la cellule C3 (date_maj) renvoie au texte partagé nᵒ\u00a0x, absent du classeur : lue vide ; ouvrez le classeur dans un tableur et enregistrez-le à nouveau",
			},
		}},
		{"inline strings and rich text", sheetXML("", []string{header,
			row(2, `<c r="A2" t="inlineStr"><is><r><t>Média</t></r><r><rPr><b/></rPr><t xml:space="preserve">thèque </t></r><r><t>Jean</t></r></is></c>`,
				`<c r="B2" t="inlineStr"><is><t>05000</t></is></c>`)}, ""), want{
			records: []string{"ligne 2 && nom=Médiathèque Jean && code_postal=05000"},
		}},
		{"numbers as numbers and as text", sheetXML("", []string{header,
			row(2, inline("A2", "Mairie"), `<c r="B2"><v>5000</v></c>`, `<c r="D2" t="n"><v>557936700</v></c>`),
			row(3, inline("A3", "Poste"), `<c r="B3" t="n"><v>abc</v></c>`, `<c r="D3"><v>5.57936700E8</v></c>`)}, ""), want{
			// The lost zeros are put back by the check, which knows the fields.
			records: []string{"ligne 2 && code_postal=5000 && telephone=557936700", "ligne 3 && code_postal=abc && telephone=557936700"},
		}},
		{"dates", sheetXML("", []string{header,
			row(2, inline("A2", "Mairie"), `<c r="C2" s="1"><v>45000</v></c>`),
			row(3, inline("A3", "Poste"), `<c r="C3"><v>45000</v></c>`),
			row(4, inline("A4", "Gare"), `<c r="C4" t="d"><v>2024-01-02T00:00:00Z</v></c>`)}, ""), want{
			records: []string{"ligne 2 && date_maj=2023-03-15", "ligne 3 && date_maj=45000", "ligne 4 && date_maj=2024-01-02T00:00:00Z"},
		}},
		{"error cells", sheetXML("", []string{header,
			row(2, inline("A2", "Mairie"), `<c r="B2" t="e"><v>#N/A</v></c>`, `<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`),
			row(3, inline("A3", "Poste"), inline("D3", "#VALEUR!"))}, ""), want{
			records: []string{"ligne 2 && nom=Mairie && code_postal= && date_maj=", "ligne 3 && telephone="},
			notes: map[string]string{
				"ligne 2": "la cellule B2 (code_postal) contient l’erreur de tableur « #N/A » : lue vide ; corrigez la formule ou la valeur à la source / " +
					"la cellule C2 (date_maj) contient l’erreur de tableur « #DIV/0! » : lue vide ; corrigez la formule ou la valeur à la source",
				"ligne 3": "la cellule D3 (telephone) contient l’erreur de tableur « #VALEUR! » : lue vide ; corrigez la formule ou la valeur à la source",
			},
		}},
		{"booleans and formulas", sheetXML("", []string{header,
			row(2, `<c r="A2" t="str"><f>"Mai"&amp;"rie"</f><v>Mairie</v></c>`, `<c r="B2" t="b"><v>1</v></c>`, `<c r="C2"><f>TODAY()</f></c>`)}, ""), want{
			records: []string{"ligne 2 && nom=Mairie && code_postal=TRUE && date_maj="},
			notes: map[string]string{
				"ligne 2": "la cellule C2 (date_maj) a une formule sans valeur calculée : lue vide ; ouvrez le classeur dans un tableur et enregistrez-le pour calculer ses formules",
			},
		}},
		{"a row of unreadable cells only is reported, not skipped", sheetXML("", []string{header,
			row(2, `<c r="A2" t="s"><v>7</v></c>`)}, ""), want{
			records: []string{"ligne 2 && nom="},
			notes: map[string]string{
				"ligne 2": "la cellule A2 (nom) renvoie au texte partagé nᵒ\u00a07, absent du classeur : lue vide ; ouvrez le classeur dans un tableur et enregistrez-le à nouveau",
			},
		}},
		{"huge declared dimension, last row", sheetXML("A1:XFD1048576", []string{header,
			row(1048576, inline("A1048576", "Mairie"), inline("XFD1048576", "loin"))}, ""), want{
			records: []string{"ligne 1048576 && nom=Mairie"},
			empty:   1048574,
			file:    []string{"1 valeur au-delà des 4 colonnes de l’en-tête, non lue (ligne 1048576, colonne XFD : « loin »)"},
		}},
		{"merged cells", sheetXML("", []string{header,
			row(2, inline("A2", "Mairie"), inline("B2", "33600")),
			row(3, inline("A3", "Poste")),
			row(4, inline("A4", "Gare"), inline("B4", "33000")),
			row(5, inline("A5", "Bus"))},
			`<mergeCells count="3"><mergeCell ref="B2:B4"/><mergeCell ref="C1:D1"/><mergeCell ref="nimporte"/></mergeCells>`), want{
			records: []string{"ligne 2 && code_postal=33600", "ligne 3 && code_postal=33600", "ligne 4 && code_postal=33000", "ligne 5 && code_postal="},
			file:    []string{"1 plage de cellules fusionnées sur plusieurs lignes : la valeur de la première ligne est reprise sur les suivantes (B2:B4) ; vérifiez-les"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := dateStyles(t, withSheet(t, template, tt.sheet))
			start := time.Now()
			checkRead(t, "t.xlsx", data, Options{}, tt.want)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("read in %v", d)
			}
		})
	}
}

// TestXLSXEmptySheet: an empty sheet among others says how to choose
// another.
func TestXLSXEmptySheet(t *testing.T) {
	t.Parallel()
	data := workbook(t, []string{"Vide", "Lieux"}, map[string][][]any{"Lieux": {{"nom"}, {"Mairie"}}})
	checkRead(t, "t.xlsx", data, Options{}, want{fatal: "fichier « t.xlsx », feuille « Vide » : la feuille est vide ; choisissez-en une autre avec l’option --feuille"})
	checkRead(t, "t.xlsx", data, Options{Sheet: "Lieux"}, want{records: []string{"feuille « Lieux », ligne 2 && nom=Mairie"},
		file: []string{"seule la feuille « Lieux » est lue ; le classeur en a d’autres : « Vide »"}})
}
