package source

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"livret/texte"
)

// maxXMLInMemory is the size above which excelize spools a sheet or the
// shared strings to a temporary file.
const maxXMLInMemory = 16 << 20

// xlsxDecoder streams the rows of one sheet: excelize opens the workbook
// and formats the values, sheetReader reads the rows.
type xlsxDecoder struct {
	name  string
	file  *excelize.File
	rows  *sheetReader
	sheet string // in positions, when the workbook has several sheets
	row   int    // rows.next calls, which is the row number: missing rows are read as empty
	table *table
	empty int
	// fileNotes are remarks on the workbook, before the header's.
	fileNotes []string
	ra        io.ReaderAt // the archive, for openSheet
	size      int64
	meta      Metadata // from the document properties
}

// openXLSX opens a ZIP archive that should be a workbook.
func openXLSX(in input, br *bufio.Reader, opt Options) (*Reader, error) {
	max := opt.maxBytes()
	var (
		ra   io.ReaderAt = in.file
		size             = in.size
		data []byte
	)
	if in.file == nil {
		var err error
		if data, err = readLimited(in.name, br, max); err != nil {
			return nil, err
		}
		ra, size = bytes.NewReader(data), int64(len(data))
	}
	ref, err := inspectZip(ra, size, max)
	switch {
	case errors.Is(err, errZipTooLarge):
		return nil, newError(in.name, Position{}, err,
			"une fois décompressé, le classeur dépasserait la limite de %s : par prudence, il n’est pas lu", formatSize(max))
	case err != nil:
		return nil, damaged(in.name, err)
	case ref != nil:
		return nil, newError(in.name, Position{}, nil, "%s", ref.message())
	}

	xopt := excelize.Options{
		UnzipSizeLimit:    max,
		UnzipXMLSizeLimit: min(max, maxXMLInMemory),
		ShortDatePattern:  "[$-409]yyyy-mm-dd",
	}
	var f *excelize.File
	err = guard(func() error {
		view, err := withoutSheets(ra, size)
		if err == nil {
			f, err = excelize.OpenReader(bytes.NewReader(view), xopt)
		}
		return err
	})
	if err != nil {
		return nil, damaged(in.name, err)
	}
	d := &xlsxDecoder{name: in.name, file: f, ra: ra, size: size}
	if err := d.start(opt.Sheet); err != nil {
		d.close()
		return nil, err
	}
	d.meta = properties(f)
	return &Reader{name: in.name, format: XLSX, dec: d, closers: []func() error{d.close}}, nil
}

// withoutSheets copies the archive without its worksheets, for excelize:
// sheetReader reads the sheet, and excelize would unpack every sheet in
// memory or in temporary files for nothing.
func withoutSheets(ra io.ReaderAt, size int64) ([]byte, error) {
	zr, err := openZip(ra, size)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		name := partName(f.Name)
		if strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml") {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return b.Bytes(), err
}

// properties reads what a workbook says of itself: the title and date of
// its core properties, the company of its application properties. The
// author is left out: it names a person or a program, not a producer.
func properties(f *excelize.File) Metadata {
	var m Metadata
	guard(func() error {
		if core, err := f.GetDocProps(); err == nil {
			m.Title = strings.Join(strings.Fields(core.Title), " ")
			m.Date = metaDate(core.Modified)
		}
		if app, err := f.GetAppProps(); err == nil {
			m.Producer = strings.Join(strings.Fields(app.Company), " ")
		}
		return nil
	})
	return m
}

func (d *xlsxDecoder) metadata() Metadata { return d.meta }

func damaged(name string, err error) error {
	return newError(name, Position{}, err,
		"classeur XLSX abîmé ou incomplet (téléchargement interrompu ?) : téléchargez-le ou enregistrez-le à nouveau")
}

// guard runs f, turning a panic of excelize on a malformed workbook into an
// error: whatever the input, reading must not crash the program.
func guard(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("excelize: %v", p)
		}
	}()
	return f()
}

// start chooses the sheet and reads the header: the first row with a
// non-empty cell.
func (d *xlsxDecoder) start(want string) error {
	var sheets []string
	err := guard(func() error {
		for _, s := range d.file.GetSheetList() {
			if visible, err := d.file.GetSheetVisible(s); err == nil && visible {
				sheets = append(sheets, s)
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return damaged(d.name, err)
	case len(sheets) == 0:
		return newError(d.name, Position{}, nil, "le classeur n’a aucune feuille visible")
	}
	sheet, ok := pickSheet(sheets, want)
	if !ok {
		var names []string
		for _, s := range sheets {
			names = append(names, guillemets(s))
		}
		return newError(d.name, Position{}, nil, "il n’y a pas de feuille %s dans ce classeur ; ses feuilles sont : %s",
			guillemets(want), strings.Join(names, ", "))
	}
	if len(sheets) > 1 {
		d.sheet = sheet
		var others []string
		for _, s := range sheets {
			if s != sheet {
				others = append(others, guillemets(s))
			}
		}
		d.fileNotes = append(d.fileNotes, sprintf("seule la feuille %s est lue ; le classeur en a d’autres : %s",
			guillemets(sheet), strings.Join(others, ", ")))
	}
	d.rows, err = openSheet(d.ra, d.size, sheet, newCellFormat(d.file))
	switch {
	case err != nil:
		return damaged(d.name, err)
	case d.rows == nil:
		return damaged(d.name, errors.New("feuille introuvable dans l’archive"))
	}
	for {
		cells, ok, err := d.nextRow()
		switch {
		case err != nil:
			return err
		case !ok && len(sheets) > 1:
			return newError(d.name, Position{Sheet: d.sheet}, nil, "la feuille est vide ; choisissez-en une autre avec l’option --feuille")
		case !ok:
			return newError(d.name, Position{Sheet: d.sheet}, nil, "la feuille est vide")
		}
		cells, notes := d.apply(cells)
		header := make([]string, len(cells))
		named := false
		for k, cell := range cells {
			header[k] = clean(cell)
			named = named || header[k] != ""
		}
		if named {
			d.table = newTable(header, true)
			d.fileNotes = append(d.fileNotes, notes...)
			return nil
		}
		d.empty++
	}
}

// pickSheet finds the wanted sheet by name, loosely, or by 1-based number;
// "" means the first sheet.
func pickSheet(sheets []string, want string) (string, bool) {
	want = strings.TrimSpace(want)
	if want == "" {
		return sheets[0], true
	}
	for _, s := range sheets {
		if s == want {
			return s, true
		}
	}
	for _, s := range sheets {
		if texte.Fold(s) == texte.Fold(want) {
			return s, true
		}
	}
	if n, err := strconv.Atoi(want); err == nil && n >= 1 && n <= len(sheets) {
		return sheets[n-1], true
	}
	return "", false
}

func (d *xlsxDecoder) nextRow() (cells []string, ok bool, err error) {
	err = guard(func() error {
		if !d.rows.next() {
			return d.rows.err
		}
		d.row++
		ok = true
		cells, err = d.rows.columns()
		return err
	})
	if err != nil {
		return nil, false, newError(d.name, d.pos(), err, "ligne illisible dans le classeur ; la suite ne peut pas être lue")
	}
	return cells, ok, nil
}

func (d *xlsxDecoder) pos() Position { return Position{Line: d.row, Sheet: d.sheet} }

func (d *xlsxDecoder) next() (Record, error) {
	for {
		cells, ok, err := d.nextRow()
		switch {
		case err != nil:
			return Record{}, err
		case !ok:
			return Record{}, io.EOF
		}
		cells, notes := d.apply(cells)
		rec, empty := d.table.record(cells, d.pos())
		if !empty || len(notes) > 0 {
			rec.Pos = d.pos()
			rec.Notes = append(rec.Notes, notes...)
			if empty {
				// The row's only values could not be read: it is kept to
				// be reported and set aside, not skipped as empty.
				rec.Fields = d.table.emptyFields()
			}
			return rec, nil
		}
		d.empty++
	}
}

// apply completes a row with what the scan of the sheet found.
func (d *xlsxDecoder) apply(cells []string) ([]string, []string) {
	return d.rows.facts.apply(d.row, cells, func(col int) string {
		if d.table != nil && col <= len(d.table.columns) && d.table.columns[col-1] != "" {
			return " (" + d.table.columns[col-1] + ")"
		}
		return ""
	})
}

func (d *xlsxDecoder) columns() []string { return d.table.columns }

func (d *xlsxDecoder) notes() []string {
	return slices.Concat(d.fileNotes, d.rows.facts.fileNotes(), d.table.fileNotes())
}
func (d *xlsxDecoder) emptyRows() int { return d.empty }

func (d *xlsxDecoder) close() error {
	var err error
	if d.rows != nil {
		err = d.rows.s.rc.Close()
	}
	return errors.Join(err, guard(d.file.Close))
}
