package export

import (
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"livret/internal/formula"
)

// Kind says what a column holds, and so how its cells are written.
type Kind int

const (
	// Text is wrapped text.
	Text Kind = iota
	// Code is text that must stay text even when edited: postal codes,
	// INSEE codes and phone numbers keep their leading zeros.
	Code
	// Number is a number, shown with the column's Format.
	Number
	// Date is a day, shown as 23/11/2026.
	Date
)

// Column is a column of a worksheet.
type Column struct {
	Header string
	Width  float64 // in characters of the default font
	Kind   Kind
	// Format is the number format of a Number column, such as "0.0" or
	// "0.0%"; empty means General.
	Format string
}

// Workbook writes a spreadsheet made to be read: each sheet has a bold
// header row that stays in view, an auto-filter over its data, set column
// widths and wrapped text.
//
// No text of a workbook is ever evaluated. Every string is a string cell,
// which Excel and LibreOffice never read as a formula when they open the
// file; and a string that starts with =, +, -, @, a tab or a carriage
// return, which they would take for a formula once the cell is edited, gets
// the Text number format, under which they keep what is typed as text. The
// value itself is written unchanged: prefixing it with an apostrophe would
// show the apostrophe, since only typing it makes it a marker.
//
// Sheets are written one after the other, as streams, so that a workbook of
// many rows takes little memory: rows of a sheet go in order, and adding a
// sheet ends the previous one.
type Workbook struct {
	f      *excelize.File
	title  string
	sheet  *Sheet // the sheet being written
	sheets int
	styles map[style]int
}

// NewWorkbook starts an empty workbook; title is its document title, which
// screen readers announce and file managers show.
func NewWorkbook(title string) *Workbook {
	return &Workbook{f: excelize.NewFile(), title: title, styles: map[style]int{}}
}

// Sheet is a worksheet being written.
type Sheet struct {
	wb      *Workbook
	name    string
	sw      *excelize.StreamWriter
	cols    []Column
	row     int // last row written
	lastRow int // last row of the data, where the auto-filter ends
	cells   []any
}

// AddSheet ends the sheet being written and starts a new one with the
// given columns, writing their header row.
func (wb *Workbook) AddSheet(name string, cols []Column) (*Sheet, error) {
	if err := wb.endSheet(); err != nil {
		return nil, err
	}
	var err error
	switch i, _ := wb.f.GetSheetIndex(name); {
	case wb.sheets == 0:
		err = wb.f.SetSheetName(wb.f.GetSheetName(0), name)
	case i >= 0:
		err = errors.New("une autre feuille porte déjà ce nom")
	default:
		_, err = wb.f.NewSheet(name)
	}
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » : %w", name, err)
	}
	wb.sheets++
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("feuille « %s » : %w", name, err)
	}
	s := &Sheet{wb: wb, name: name, sw: sw, cols: cols, cells: make([]any, len(cols))}
	wb.sheet = s
	// The stream writer puts each new width before the others, and Excel
	// wants them in column order: set them from the last column.
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].Width); err != nil {
			return nil, s.error(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, s.error(err)
	}
	header, err := wb.style(style{header: true})
	if err != nil {
		return nil, s.error(err)
	}
	for i, c := range cols {
		s.cells[i] = excelize.Cell{StyleID: header, Value: c.Header}
	}
	if err := s.write(); err != nil {
		return nil, err
	}
	s.lastRow = 1
	return s, nil
}

// Row writes a row of data: one value per column, each a string, an int, a
// float64, a time.Time or nil for an empty cell. A NaN or infinite number
// leaves its cell empty.
func (s *Sheet) Row(values ...any) error {
	if err := s.fill(values, false); err != nil {
		return err
	}
	if err := s.write(); err != nil {
		return err
	}
	s.lastRow = s.row
	return nil
}

// Total writes a row in bold after the data, such as a row of totals. The
// auto-filter leaves it out, so that sorting keeps it last.
func (s *Sheet) Total(values ...any) error {
	if err := s.fill(values, true); err != nil {
		return err
	}
	return s.write()
}

func (s *Sheet) fill(values []any, bold bool) error {
	if s.wb.sheet != s {
		return s.error(errors.New("la feuille est terminée : une autre a été commencée après elle"))
	}
	if len(values) > len(s.cols) {
		return s.error(fmt.Errorf("%d valeurs pour %d colonnes", len(values), len(s.cols)))
	}
	clear(s.cells)
	for i, v := range values {
		c := s.cols[i]
		st := style{kind: c.Kind, format: c.Format, bold: bold}
		switch x := v.(type) {
		case nil:
			if !bold {
				continue
			}
		case string:
			if x == "" {
				if !bold {
					continue
				}
				v = nil
			}
			st.literal = c.Kind == Code || formula.Starts(x)
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				v = nil
			}
		case int, time.Time:
		default:
			return s.error(fmt.Errorf("valeur de type %T dans la colonne « %s »", v, c.Header))
		}
		id, err := s.wb.style(st)
		if err != nil {
			return s.error(err)
		}
		s.cells[i] = excelize.Cell{StyleID: id, Value: v}
	}
	return nil
}

func (s *Sheet) write() error {
	cell, err := excelize.CoordinatesToCellName(1, s.row+1)
	if err == nil {
		err = s.sw.SetRow(cell, s.cells)
	}
	if err != nil {
		return s.error(err)
	}
	s.row++
	return nil
}

// error says where in the sheet an error occurred: the row being written.
func (s *Sheet) error(err error) error {
	return fmt.Errorf("feuille « %s », ligne %d : %w", s.name, s.row+1, err)
}

// end puts the auto-filter over the header and the data, and ends the
// stream of the sheet.
func (s *Sheet) end() error {
	last, err := excelize.CoordinatesToCellName(max(len(s.cols), 1), s.lastRow)
	if err == nil {
		// The stream writer writes the worksheet's settings when it is
		// flushed, so a filter set before that is kept.
		err = s.wb.f.AutoFilter(s.name, "A1:"+last, nil)
	}
	if err == nil {
		err = s.sw.Flush()
	}
	if err != nil {
		return fmt.Errorf("feuille « %s » : %w", s.name, err)
	}
	return nil
}

func (wb *Workbook) endSheet() error {
	if wb.sheet == nil {
		return nil
	}
	s := wb.sheet
	wb.sheet = nil
	return s.end()
}

// Write ends the last sheet and writes the workbook to w. The workbook is
// then finished: call Close.
func (wb *Workbook) Write(w io.Writer) error {
	if err := wb.endSheet(); err != nil {
		return err
	}
	if err := wb.f.SetDocProps(&excelize.DocProperties{
		Title:    wb.title,
		Creator:  "livret",
		Language: "fr-FR",
	}); err != nil {
		return fmt.Errorf("propriétés du classeur : %w", err)
	}
	wb.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newOrderedZip(w, wb.sheets) })
	if err := wb.f.Write(w); err != nil {
		return fmt.Errorf("écriture du classeur : %w", err)
	}
	return nil
}

// Close releases the temporary files of a large workbook.
func (wb *Workbook) Close() error { return wb.f.Close() }

// style is one look of a cell; the workbook makes each one once.
type style struct {
	kind    Kind
	format  string
	bold    bool // a row of totals
	literal bool // text that must stay text when edited
	header  bool
}

func (wb *Workbook) style(st style) (int, error) {
	if id, ok := wb.styles[st]; ok {
		return id, nil
	}
	s := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
	switch {
	case st.header:
		s.Font = &excelize.Font{Bold: true}
		s.Alignment = &excelize.Alignment{Vertical: "center", WrapText: true}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}
		s.Border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
	case st.literal:
		s.NumFmt = 49 // "@": Text
		s.Alignment.WrapText = true
	case st.kind == Text:
		s.Alignment.WrapText = true
	case st.kind == Number && st.format != "":
		f := st.format // not &st.format, which would put every st on the heap
		s.CustomNumFmt = &f
	case st.kind == Date:
		f := "dd/mm/yyyy"
		s.CustomNumFmt = &f
	}
	if st.bold {
		s.Font = &excelize.Font{Bold: true}
		s.Border = []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	}
	id, err := wb.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	wb.styles[st] = id
	return id, nil
}
