package source

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellFacts are what excelize's reading of the values does not tell: the
// cells it reads as empty though they are not (a shared string that the
// workbook lacks, a formula never calculated), and the merged ranges, whose
// value only the top-left cell holds.
type cellFacts struct {
	notes     map[int][]cellNote // by row number
	stored    int                // notes in the map, at most maxCellNotes
	notesMore int                // notes past maxCellNotes, only counted
	merges    []mergeRange       // at most maxMerges
	more      int                // merged ranges past maxMerges, only counted
	filled    tally              // merged ranges whose value was copied down
}

// cellNote is what to tell of a cell, and the value to read instead of
// excelize's when set is true.
type cellNote struct {
	col   int    // 1-based
	text  string // "" when the cell is read right and silently
	set   bool
	value string
}

// mergeRange is a range of merged cells, 1-based and inclusive; value is
// the top-left cell's, once its row is read.
type mergeRange struct {
	top, left, bottom, right int
	value                    string
}

const (
	maxCellNotes = 1000
	maxMerges    = 10000
)

// openSheet finds the named sheet's XML in the archive and starts reading
// it, with the shared strings; the merged ranges come from a first, quick
// pass, since the XML gives them after the rows. It returns nil when the
// parts cannot be found, an error when the sheet's part cannot be read.
func openSheet(ra io.ReaderAt, size int64, sheet string, format *cellFormat) (*sheetReader, error) {
	zr, err := openZip(ra, size)
	if err != nil {
		return nil, err
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[partName(f.Name)] = f
	}
	open := func(name string) *xmlScanner {
		f := parts[strings.ToLower(name)]
		if f == nil {
			return nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		s := newXMLScanner(rc)
		s.rc = rc
		return s
	}
	var id string
	eachStart(open("xl/workbook.xml"), func(s *xmlScanner) {
		if string(s.name) == "sheet" {
			if name, _ := s.attr("name"); name == sheet {
				id, _ = s.attr("id")
			}
		}
	})
	var target string
	sst := "xl/sharedStrings.xml"
	eachStart(open("xl/_rels/workbook.xml.rels"), func(s *xmlScanner) {
		if string(s.name) != "Relationship" {
			return
		}
		t, _ := s.attr("Target")
		if !strings.HasPrefix(t, "/") {
			t = path.Join("xl", t)
		}
		t = strings.TrimPrefix(t, "/")
		rid, _ := s.attr("Id")
		typ, _ := s.attr("Type")
		switch {
		case rid == id && id != "":
			target = t
		case strings.HasSuffix(typ, "/sharedStrings"):
			sst = t
		}
	})
	if target == "" {
		return nil, nil
	}
	var shared []string
	eachStart(open(sst), func(s *xmlScanner) {
		if string(s.name) == "si" {
			shared = append(shared, readStringItem(s))
		}
	})
	if parts[strings.ToLower(target)] == nil {
		return nil, nil
	}
	facts := &cellFacts{notes: map[int][]cellNote{}}
	if err := facts.mergedRanges(parts[strings.ToLower(target)]); err != nil {
		return nil, err
	}
	s := open(target)
	if s == nil {
		return nil, nil
	}
	return &sheetReader{s: s, shared: shared, format: format, facts: facts}, nil
}

// mergedRanges reads the merged ranges of the sheet, which its XML gives
// after the rows: a search of the bytes finds where they start. The pass
// reads the whole part, which checks it.
func (f *cellFacts) mergedRanges(part *zip.File) error {
	rc, err := part.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	const keep = 64 // more than a tag's prefix and name
	buf := make([]byte, 64<<10)
	n := 0
	for {
		for n < len(buf) && err == nil {
			var m int
			m, err = rc.Read(buf[n:])
			n += m
		}
		if i := mergeStart(buf[:n]); i >= 0 {
			s := newXMLScanner(io.MultiReader(bytes.NewReader(buf[i:n]), rc))
			f.readMerges(s)
			if s.damaged() {
				return s.err
			}
			_, err := io.Copy(io.Discard, rc)
			return err
		}
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		}
		n = copy(buf, buf[n-keep:n])
	}
}

// mergeStart finds a mergeCells start tag in data.
func mergeStart(data []byte) int {
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte("mergeCells"))
		if i < 0 {
			return -1
		}
		i += from
		from = i + 1
		lt := bytes.LastIndexByte(data[max(0, i-32):i], '<')
		if lt < 0 {
			continue
		}
		lt += max(0, i-32)
		if prefix := data[lt+1 : i]; len(prefix) == 0 || prefix[len(prefix)-1] == ':' && bytes.IndexAny(prefix, " \t\r\n<>/") < 0 {
			return lt
		}
	}
}

// readMerges reads the mergeCell elements s holds.
func (f *cellFacts) readMerges(s *xmlScanner) {
	for {
		switch s.next() {
		case xmlEOF:
			return
		case xmlStart:
			if string(s.name) != "mergeCell" {
				continue
			}
			// Only ranges over several rows have a value to copy down.
			ref, _ := s.attr("ref")
			first, last, _ := strings.Cut(ref, ":")
			l, t, err1 := excelize.CellNameToCoordinates(first)
			r, b, err2 := excelize.CellNameToCoordinates(last)
			switch {
			case err1 != nil || err2 != nil || b <= t || r < l:
			case len(f.merges) < maxMerges:
				f.merges = append(f.merges, mergeRange{top: t, left: l, bottom: b, right: r})
			default:
				f.more++
			}
		}
	}
}

// apply gives the cells of row the values of the merged ranges above
// them, and returns the notes on its cells, each naming the cell and its
// column. It must be called on rows in increasing order.
func (f *cellFacts) apply(row int, cells []string, column func(col int) string) ([]string, []string) {
	var notes []string
	for _, n := range f.notes[row] {
		if n.set {
			for len(cells) < n.col {
				cells = append(cells, "")
			}
			cells[n.col-1] = n.value
		}
		if n.text != "" {
			ref, _ := excelize.CoordinatesToCellName(n.col, row)
			notes = append(notes, sprintf("la cellule %s%s %s", ref, column(n.col), n.text))
		}
	}
	delete(f.notes, row)
	for i := range f.merges {
		m := &f.merges[i]
		if row < m.top || row > m.bottom {
			continue
		}
		if row == m.top {
			if m.left <= len(cells) {
				m.value = cells[m.left-1]
			}
			continue
		}
		if m.value == "" || m.left <= len(cells) && strings.TrimSpace(cells[m.left-1]) != "" {
			continue
		}
		for len(cells) < m.left {
			cells = append(cells, "")
		}
		cells[m.left-1] = m.value
		if row == m.top+1 {
			first, _ := excelize.CoordinatesToCellName(m.left, m.top)
			last, _ := excelize.CoordinatesToCellName(m.right, m.bottom)
			f.filled.add(func() string { return first + ":" + last })
		}
	}
	return cells, notes
}

// fileNotes tell what was made of the merged ranges, and the cell notes
// past the bound.
func (f *cellFacts) fileNotes() []string {
	var notes []string
	if n := f.filled.n; n > 0 {
		notes = append(notes, sprintf("%s sur plusieurs lignes : la valeur de la première ligne est reprise sur les suivantes (%s) ; vérifiez-les",
			count(n, "plage de cellules fusionnées", "plages de cellules fusionnées"), f.filled.examples()))
	}
	if n := f.more; n > 0 {
		notes = append(notes, sprintf("%s en plus ne sont pas reprises : leurs cellules autres que la première sont lues vides",
			count(n, "plage de cellules fusionnées", "plages de cellules fusionnées")))
	}
	if f.notesMore > 0 {
		notes = append(notes, sprintf("%s lues vides pour les mêmes raisons, non détaillées : ouvrez le classeur dans un tableur et enregistrez-le à nouveau",
			count(f.notesMore, "autre cellule", "autres cellules")))
	}
	return notes
}

func (f *cellFacts) note(row, col int, set bool, value, text string) {
	if f.stored >= maxCellNotes {
		if text != "" {
			f.notesMore++
		}
		return
	}
	f.stored++
	f.notes[row] = append(f.notes[row], cellNote{col, text, set, value})
}

// eachStart calls fn on each start tag s reads, then closes it; fn may
// read the element whole. A nil s is no XML.
func eachStart(s *xmlScanner, fn func(*xmlScanner)) {
	if s == nil {
		return
	}
	defer s.rc.Close()
	for {
		switch s.next() {
		case xmlEOF:
			return
		case xmlStart:
			fn(s)
		}
	}
}
