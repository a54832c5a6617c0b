package source

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"

	"livret/internal/formula"
)

const (
	// maxRecordBytes bounds a CSV line, and a record spanning lines.
	maxRecordBytes = 16 << 20
	// maxQuotedLines bounds the lines a quoted cell may span before its
	// quote is taken as unclosed: a long text cut into many short lines
	// stays one cell, and the lines held to be read again stay few.
	maxQuotedLines = 100_000
	// minRecordColumns is the width from which a line that has all the
	// separators of a record ends an open quote: it is the next record,
	// not more text of the cell.
	minRecordColumns = 4
)

// csvDecoder reads CSV text (already UTF-8). It is a small RFC 4180 parser
// rather than encoding/csv, to recover from an unclosed quote without losing
// the rest of the file, and to keep lenient quoting (a stray quote inside a
// quoted cell is kept) with a note.
type csvDecoder struct {
	name   string
	in     *bufio.Reader
	eol    byte // '\n', or '\r' for old Mac files
	sep    byte
	line   int        // physical lines read from in
	long   []byte     // a line longer than in's buffer
	replay []heldLine // lines to read again one by one after an unclosed quote
	rec    []byte     // the cells of the record being parsed, end to end
	ends   []int      // where each cell ends in rec
	stray  []int      // cells where a stray quote was kept
	table  *table
	empty  int
}

// heldLine is a line kept to be read again.
type heldLine struct {
	text []byte
	num  int
	err  error // the line could not be read (too long): replay the error
}

func newCSVDecoder(name string, text io.Reader) (*csvDecoder, error) {
	c := &csvDecoder{name: name, in: bufio.NewReaderSize(text, 64<<10), eol: '\n'}
	if p, _ := c.in.Peek(64 << 10); bytes.IndexByte(p, '\n') < 0 && bytes.IndexByte(p, '\r') >= 0 {
		c.eol = '\r'
	}
	var sep byte // from Excel's "sep=;" first line, if any
	for {
		line, err := c.readLine()
		switch {
		case err == io.EOF:
			return nil, newError(name, Position{}, nil, "le fichier ne contient que des lignes vides")
		case err != nil:
			return nil, headerError(err)
		}
		if len(bytes.TrimFunc(line, isTrimmed)) == 0 {
			c.empty++
			continue
		}
		if len(line) == 5 && sep == 0 && string(bytes.ToLower(line[:4])) == "sep=" && line[4] != '"' {
			sep = line[4]
			continue
		}
		num := c.line
		if c.sep = sep; sep == 0 {
			c.sep = sniffDelimiter(line)
		}
		cells, err := c.parse(line, num, false)
		if err != nil {
			return nil, headerError(err)
		}
		header := make([]string, len(cells))
		named := false
		for k, cell := range cells {
			header[k] = clean(cell)
			named = named || header[k] != ""
		}
		if !named { // a line of separators only
			c.empty++
			continue
		}
		c.table = newTable(header, false)
		return c, nil
	}
}

// headerError turns an error met on the header into a fatal one.
func headerError(err error) error {
	var rowErr *RowError
	if errors.As(err, &rowErr) {
		e := Error(*rowErr)
		e.Msg = sprintf("en-tête illisible : %s", e.Msg)
		return &e
	}
	return err
}

// sniffDelimiter returns the most frequent of ; , tab and | outside quotes
// in the header line; ',' when there is none.
func sniffDelimiter(line []byte) byte {
	const candidates = ";,\t|"
	var counts [len(candidates)]int
	quoted := false
	for _, c := range line {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if i := strings.IndexByte(candidates, c); i >= 0 && !quoted {
			counts[i]++
		}
	}
	best := 1 // ','
	for i, n := range counts {
		if n > counts[best] {
			best = i
		}
	}
	return candidates[best]
}

func (c *csvDecoder) columns() []string { return c.table.columns }
func (c *csvDecoder) notes() []string   { return c.table.fileNotes() }
func (c *csvDecoder) emptyRows() int    { return c.empty }

func (c *csvDecoder) next() (Record, error) {
	for {
		line, num, replayed, err := c.nextLine()
		if err != nil {
			return Record{}, err
		}
		if len(line) == 0 {
			c.empty++
			continue
		}
		cells, err := c.parse(line, num, replayed)
		if err != nil {
			return Record{}, err
		}
		for k, cell := range cells {
			// An apostrophe keeps a spreadsheet from running a value as a
			// formula (livret's exports write one); it is not data.
			cells[k] = formula.Restore(cell)
		}
		rec, empty := c.table.record(cells, Position{Line: num})
		if empty {
			c.empty++
			continue
		}
		for _, k := range c.stray {
			rec.Notes = append(rec.Notes, sprintf("guillemet isolé gardé tel quel dans la %s", c.table.label(k)))
		}
		return rec, nil
	}
}

// nextLine returns the next line to parse, from the replay queue first.
func (c *csvDecoder) nextLine() (line []byte, num int, replayed bool, err error) {
	if len(c.replay) > 0 {
		h := c.replay[0]
		c.replay = c.replay[1:]
		return h.text, h.num, true, h.err
	}
	line, err = c.readLine()
	return line, c.line, false, err
}

// readLine reads one physical line from the input, without its end. The
// line is valid until the next call. A line over maxRecordBytes is skipped
// and reported with a *RowError.
func (c *csvDecoder) readLine() ([]byte, error) {
	line, err := c.in.ReadSlice(c.eol)
	switch {
	case err == nil || err == io.EOF && len(line) > 0:
		c.line++
		return c.trimEOL(line), nil
	case err == io.EOF:
		return nil, io.EOF
	case err != bufio.ErrBufferFull:
		return nil, readError(c.name, Position{Line: c.line + 1}, err)
	}
	c.long = append(c.long[:0], line...)
	tooLong := false
	for err == bufio.ErrBufferFull {
		line, err = c.in.ReadSlice(c.eol)
		if !tooLong && len(c.long)+len(line) > maxRecordBytes {
			tooLong = true
			c.long = c.long[:0]
		}
		if !tooLong {
			c.long = append(c.long, line...)
		}
	}
	if err != nil && err != io.EOF {
		return nil, readError(c.name, Position{Line: c.line + 1}, err)
	}
	c.line++
	if tooLong {
		return nil, newRowError(c.name, Position{Line: c.line}, "ligne trop longue (plus de %s)", formatSize(maxRecordBytes))
	}
	return c.trimEOL(c.long), nil
}

func (c *csvDecoder) trimEOL(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte{c.eol})
	if c.eol == '\n' {
		line = bytes.TrimSuffix(line, []byte{'\r'})
	}
	return line
}

// parse splits a record starting with line (number num) into cells. A
// quoted cell may continue on the next lines, unless single is set (for
// lines read again after an unclosed quote).
func (c *csvDecoder) parse(line []byte, num int, single bool) ([]string, error) {
	c.rec, c.ends, c.stray = c.rec[:0], c.ends[:0], c.stray[:0]
	var held []heldLine // lines after the first, to read again if the quote is unclosed
	unclosed := func(why string) error {
		c.replay = append(held, c.replay...)
		if why != "" {
			why = " (" + why + ")"
		}
		return newRowError(c.name, Position{Line: num}, "guillemet non fermé%s", why)
	}
	i := 0
	for {
		// Blanks before an opening quote are dropped (values are trimmed anyway).
		j := i
		for j < len(line) && c.isBlank(line[j]) {
			j++
		}
		if j < len(line) && line[j] == '"' {
			i = j + 1
		quoted:
			for {
				k := bytes.IndexByte(line[i:], '"')
				if k < 0 {
					// The cell goes on to the next line.
					c.rec = append(c.rec, line[i:]...)
					if single {
						return nil, unclosed("")
					}
					if len(held) >= maxQuotedLines || len(c.rec) > maxRecordBytes {
						return nil, unclosed(sprintf("la cellule qui commence ici dépasse %d lignes", maxQuotedLines))
					}
					next, err := c.readLine()
					var rowErr *RowError
					switch {
					case err == io.EOF:
						return nil, unclosed("la cellule qui commence ici va jusqu’à la fin du fichier")
					case errors.As(err, &rowErr):
						held = append(held, heldLine{num: c.line, err: err})
						return nil, unclosed("")
					case err != nil:
						return nil, err
					}
					held = append(held, heldLine{text: bytes.Clone(next), num: c.line})
					if c.looksLikeRecord(next) {
						return nil, unclosed(sprintf("la ligne %d qui suit a toutes les colonnes d’une ligne du fichier", c.line))
					}
					c.rec = append(c.rec, '\n')
					line, i = next, 0
					continue
				}
				c.rec = append(c.rec, line[i:i+k]...)
				i += k + 1
				if i < len(line) && line[i] == '"' { // escaped quote
					c.rec = append(c.rec, '"')
					i++
					continue
				}
				t := i
				for t < len(line) && c.isBlank(line[t]) {
					t++
				}
				if t == len(line) || line[t] == c.sep { // closing quote
					i = t
					break quoted
				}
				// A stray quote inside the cell: keep it.
				c.rec = append(c.rec, '"')
				if n := len(c.ends); len(c.stray) == 0 || c.stray[len(c.stray)-1] != n {
					c.stray = append(c.stray, n)
				}
			}
		} else {
			k := bytes.IndexByte(line[i:], c.sep)
			if k < 0 {
				k = len(line) - i
			}
			c.rec = append(c.rec, line[i:i+k]...)
			i += k
		}
		c.ends = append(c.ends, len(c.rec))
		if i < len(line) && line[i] == c.sep {
			i++
			continue
		}
		break
	}
	s := string(c.rec)
	cells := make([]string, len(c.ends))
	start := 0
	for k, end := range c.ends {
		cells[k] = s[start:end]
		start = end
	}
	return cells, nil
}

// looksLikeRecord reports whether a line met inside a quoted cell has a
// separator for every column of a wide header: an unclosed quote then,
// rather than a text with that many separators.
func (c *csvDecoder) looksLikeRecord(line []byte) bool {
	if c.table == nil || len(c.table.columns) < minRecordColumns {
		return false
	}
	return bytes.Count(line, []byte{c.sep}) >= len(c.table.columns)-1
}

// isBlank reports the spaces allowed around a quoted cell.
func (c *csvDecoder) isBlank(b byte) bool {
	return b == ' ' || b == '\t' && c.sep != '\t'
}
