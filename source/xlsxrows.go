package source

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetReader reads the rows of a sheet in one pass, with excelize's
// meaning: it follows excelize's row reader (Rows.Next, Rows.Columns) step
// by step, on a lighter tokenizer, and notes the cell facts on the way.
type sheetReader struct {
	s      *xmlScanner
	shared []string
	format *cellFormat
	facts  *cellFacts
	// curRow and seekRow are excelize's: the row number the XML is at, and
	// the row asked for; pending is excelize's held row token.
	curRow, seekRow int
	pending         bool
	err             error
}

// next moves to the next row, excelize's Rows.Next: a row missing from
// the XML is read as an empty row.
func (r *sheetReader) next() bool {
	if r.err != nil {
		return false
	}
	r.seekRow++
	if r.curRow >= r.seekRow {
		return true
	}
	for {
		switch r.s.next() {
		case xmlEOF:
			return false
		case xmlStart:
			if string(r.s.name) != "row" {
				continue
			}
			r.curRow++
			n, _ := r.intAttr("r")
			if n > excelize.TotalRows {
				r.err = excelize.ErrMaxRows
				return false
			}
			if n != 0 {
				r.curRow = n
			}
			r.pending = true
			return true
		case xmlEnd:
			if r.s.is(xmlEnd, "sheetData") {
				return false
			}
		}
	}
}

// columns returns the values of the current row, excelize's Rows.Columns.
func (r *sheetReader) columns() ([]string, error) {
	if r.curRow > r.seekRow {
		return nil, nil
	}
	var (
		cells []string
		col   int
	)
	for {
		if !r.pending && r.s.next() == xmlEOF {
			return cells, nil
		}
		switch r.s.kind {
		case xmlStart:
			switch string(r.s.name) {
			case "row":
				n, err := r.intAttr("r")
				switch {
				case n > excelize.TotalRows:
					r.err, r.pending = excelize.ErrMaxRows, false
					return cells, r.err
				case n != 0:
					r.curRow = n
				case !r.pending:
					r.curRow++
				}
				r.pending = false
				if r.curRow > r.seekRow || err != nil {
					return cells, err
				}
			case "c":
				r.pending = false
				col++
				var err error
				if cells, col, err = r.cell(cells, col); err != nil {
					return cells, err
				}
			}
			r.pending = false
		case xmlEnd:
			if r.s.is(xmlEnd, "sheetData") {
				return cells, nil
			}
		}
	}
}

// cell reads a cell element into cells, excelize's rowXMLHandler.
func (r *sheetReader) cell(cells []string, col int) ([]string, int, error) {
	// In excelize's order: a style that is no number ends the reading of
	// the attributes, and the cell reads empty.
	var (
		ref, typ string
		style    int
		badStyle bool
	)
	r.s.eachAttr(func(name []byte, v string) bool {
		switch string(name) {
		case "r":
			ref = v
		case "t":
			typ = v
		case "s":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				badStyle = true
				return false
			}
			if math.MinInt <= n && n <= math.MaxInt {
				style = int(n)
			}
		}
		return true
	})
	var (
		value, inline string
		hasV, hasF    bool
		hasIS         bool
	)
	r.s.eachChild(func() {
		switch string(r.s.name) {
		case "v":
			value, hasV = r.s.text(), true
		case "f":
			hasF = true
		case "is":
			inline, hasIS = readStringItem(r.s), true
		}
	})
	if ref != "" {
		c, _, err := cellCoordinates(ref)
		if err != nil {
			return cells, col, err
		}
		col = c
	}
	r.note(col, typ, value, hasV, hasF)
	if badStyle {
		return cells, col, nil
	}
	var val string
	switch typ {
	case "b":
		switch value {
		case "1":
			val = "TRUE"
		case "0":
			val = "FALSE"
		default:
			val = r.format.text(style, value)
		}
	case "d":
		val = value // the facts give the date as written
	case "s":
		if value != "" {
			if i, err := strconv.Atoi(strings.TrimSpace(value)); err == nil && i >= 0 && i < len(r.shared) {
				val = r.format.text(style, r.shared[i])
			}
		}
	case "str":
		val = value
	case "inlineStr":
		if !hasIS {
			inline = value
		}
		val = r.format.text(style, inline)
	default:
		val = r.format.number(style, value)
	}
	if val != "" || hasF {
		for len(cells) < col-1 {
			cells = append(cells, "")
		}
		cells = append(cells, val)
	}
	return cells, col, nil
}

// note records what excelize's values do not tell of a cell.
func (r *sheetReader) note(col int, typ, value string, hasV, hasF bool) {
	row := r.curRow
	switch {
	case typ == "s" && hasV:
		if i, err := strconv.Atoi(strings.TrimSpace(value)); err != nil || i < 0 || i >= len(r.shared) {
			r.facts.note(row, col, true, "", sprintf("renvoie au texte partagé n\u1d52\u00a0%s, absent du classeur : lue vide ; "+
				"ouvrez le classeur dans un tableur et enregistrez-le à nouveau", strings.TrimSpace(value)))
		}
	case typ == "d" && hasV:
		// excelize turns an ISO date into a serial number.
		r.facts.note(row, col, true, value, "")
	case hasF && !hasV && typ != "inlineStr":
		r.facts.note(row, col, false, "", sprintf("a une formule sans valeur calculée : lue vide ; "+
			"ouvrez le classeur dans un tableur et enregistrez-le pour calculer ses formules"))
	}
}

// intAttr reads an integer attribute as excelize's attrValToInt does.
func (r *sheetReader) intAttr(name string) (n int, err error) {
	r.s.eachAttr(func(key []byte, v string) bool {
		if string(key) == name {
			n, err = strconv.Atoi(v)
		}
		return err == nil
	})
	return n, err
}

// readStringItem reads a shared or inline string (an si or is element)
// as excelize's xlsxSI.String does: its text and its runs' text, not the
// phonetic runs.
func readStringItem(s *xmlScanner) string {
	var (
		text string
		runs []string
	)
	s.eachChild(func() {
		switch string(s.name) {
		case "t":
			text = s.text()
		case "r":
			var run string
			s.eachChild(func() {
				if string(s.name) == "t" {
					run = s.text()
				}
			})
			runs = append(runs, run)
		}
	})
	if len(runs) > 0 {
		text += strings.Join(runs, "")
	}
	return unescapeBstr(text)
}

var bstr = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// unescapeBstr resolves the _xHHHH_ escapes of characters XML cannot hold,
// as excelize does.
func unescapeBstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstr.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" {
			return "_"
		}
		v, _ := strconv.Unquote(`"\u` + m[2:6] + `"`)
		return v
	})
}

// cellCoordinates is excelize.CellNameToCoordinates, with a fast path for
// the plain references a sheet is made of.
func cellCoordinates(ref string) (int, int, error) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A') + 1
	}
	row, j := 0, i
	for ; j < len(ref) && j-i < 7 && '0' <= ref[j] && ref[j] <= '9'; j++ {
		row = row*10 + int(ref[j]-'0')
	}
	if i > 0 && j > i && j == len(ref) && ref[i] != '0' && col <= excelize.MaxColumns && row <= excelize.TotalRows {
		return col, row, nil
	}
	return excelize.CellNameToCoordinates(ref)
}

// cellFormat gives a cell's value as excelize shows it, by its style:
// excelize's formatting is not exported, so a cell of a scratch sheet of
// the workbook, never saved, is given the value and the style and read
// back. Results are memoised: a column of dates or codes repeats itself.
type cellFormat struct {
	f        *excelize.File
	scratch  string // "" until needed
	failed   bool
	plain    map[int]bool // styles that leave a text as it is
	memo     map[formatKey]string
	memoLeft int
}

type formatKey struct {
	text  bool
	style int
	value string
}

func newCellFormat(f *excelize.File) *cellFormat {
	return &cellFormat{f: f, plain: map[int]bool{}, memo: map[formatKey]string{}, memoLeft: 1 << 15}
}

// number gives a number cell's value, excelize's getCellDefault then
// formattedValue.
func (c *cellFormat) number(style int, v string) string {
	if strings.Contains(v, "_") {
		return c.text(style, v)
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return c.text(style, v)
	}
	plain := strconv.FormatFloat(x, 'f', -1, 64)
	if len(plain)-strings.Count(plain, ".") > 15 && !withinPrecision(v) {
		plain = strconv.FormatFloat(x, 'G', 15, 64)
	}
	if style == 0 {
		return plain
	}
	return c.scratchValue(formatKey{false, style, plain})
}

// withinPrecision is excelize's isNumWithinPrecision: an integer filled
// with zeros after its 15 significant digits.
func withinPrecision(s string) bool {
	if strings.ContainsAny(s, ".Ee") {
		return false
	}
	s = strings.TrimLeft(s, "+-0")
	return len(strings.TrimRight(s, "0")) <= 15
}

// text gives a text cell's value: the text, unless the style's number
// format has a text section that adds to it.
func (c *cellFormat) text(style int, v string) string {
	if style == 0 {
		return v
	}
	plain, ok := c.plain[style]
	if !ok {
		plain = c.plainText(style)
		c.plain[style] = plain
	}
	if plain {
		return v
	}
	return c.scratchValue(formatKey{true, style, v})
}

// plainText tells whether the style leaves texts as they are: its format
// has no text section, or "@" alone.
func (c *cellFormat) plainText(style int) bool {
	var st *excelize.Style
	if guard(func() (err error) {
		st, err = c.f.GetStyle(style)
		return err
	}) != nil {
		return true // excelize reads the value as it is then
	}
	if st.CustomNumFmt == nil {
		return st.NumFmt < 41 || st.NumFmt > 44 // the accounting formats pad texts
	}
	code := *st.CustomNumFmt
	return code == "@" || !strings.Contains(code, "@") && strings.Count(code, ";") < 3
}

func (c *cellFormat) scratchValue(k formatKey) string {
	if v, ok := c.memo[k]; ok {
		return v
	}
	v := c.viaScratch(k)
	if c.memoLeft > 0 {
		c.memoLeft--
		c.memo[k] = v
	}
	return v
}

func (c *cellFormat) viaScratch(k formatKey) string {
	if c.failed {
		return k.value
	}
	out := k.value
	err := guard(func() error {
		if c.scratch == "" {
			name := "livret scratch"
			for i := 2; c.sheetExists(name); i++ {
				name = "livret scratch " + strconv.Itoa(i)
			}
			if _, err := c.f.NewSheet(name); err != nil {
				return err
			}
			c.scratch = name
		}
		var err error
		if k.text {
			err = c.f.SetCellStr(c.scratch, "A1", k.value)
		} else {
			err = c.f.SetCellDefault(c.scratch, "A1", k.value)
		}
		if err != nil {
			return err
		}
		if c.f.SetCellStyle(c.scratch, "A1", "A1", k.style) != nil {
			return nil // a style the workbook lacks: excelize shows the value as it is
		}
		out, err = c.f.GetCellValue(c.scratch, "A1")
		return err
	})
	if err != nil {
		c.failed = true
		return k.value
	}
	return out
}

func (c *cellFormat) sheetExists(name string) bool {
	i, err := c.f.GetSheetIndex(name)
	return err == nil && i >= 0
}
