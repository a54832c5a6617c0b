package source

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellFacts are what excelize's row reader does not tell: the cells it
// reads as empty though they are not (a shared string that the workbook
// lacks, a formula never calculated), and the merged ranges, whose value
// only the top-left cell holds. They come from a streamed pass over the
// sheet's XML, before the rows are read.
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

// scanSheet reads the facts of the named sheet. It returns nil when the
// parts cannot be found or read: excelize then says what is wrong, and the
// rows read as it reads them.
func scanSheet(ra io.ReaderAt, size int64, sheet string) *cellFacts {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	open := func(name string) io.ReadCloser {
		f := parts[strings.ToLower(name)]
		if f == nil {
			return nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		return rc
	}
	var id string
	eachElement(open("xl/workbook.xml"), func(e xml.StartElement, _ *xml.Decoder) {
		if e.Name.Local == "sheet" && attr(e, "name") == sheet {
			id = attr(e, "id")
		}
	})
	var target string
	sst := "xl/sharedStrings.xml"
	eachElement(open("xl/_rels/workbook.xml.rels"), func(e xml.StartElement, _ *xml.Decoder) {
		if e.Name.Local != "Relationship" {
			return
		}
		t := attr(e, "Target")
		if !strings.HasPrefix(t, "/") {
			t = path.Join("xl", t)
		}
		t = strings.TrimPrefix(t, "/")
		switch {
		case attr(e, "Id") == id && id != "":
			target = t
		case strings.HasSuffix(attr(e, "Type"), "/sharedStrings"):
			sst = t
		}
	})
	if target == "" {
		return nil
	}
	shared := 0
	eachElement(open(sst), func(e xml.StartElement, _ *xml.Decoder) {
		if e.Name.Local == "si" {
			shared++
		}
	})
	facts := &cellFacts{notes: map[int][]cellNote{}}
	row, col := 0, 0
	eachElement(open(target), func(e xml.StartElement, dec *xml.Decoder) {
		switch e.Name.Local {
		case "row":
			if r, err := strconv.Atoi(attr(e, "r")); err == nil {
				row = r
			} else {
				row++
			}
			col = 0
		case "c":
			col++
			if c, r, err := excelize.CellNameToCoordinates(attr(e, "r")); err == nil {
				col, row = c, r
			}
			var c struct {
				F *struct{} `xml:"f"`
				V *string   `xml:"v"`
			}
			if dec.DecodeElement(&c, &e) != nil {
				return
			}
			switch typ := attr(e, "t"); {
			case typ == "s" && c.V != nil:
				if i, err := strconv.Atoi(strings.TrimSpace(*c.V)); err != nil || i < 0 || i >= shared {
					facts.note(row, col, true, "", sprintf("renvoie au texte partagé n\u1d52\u00a0%s, absent du classeur : lue vide ; "+
						"ouvrez le classeur dans un tableur et enregistrez-le à nouveau", strings.TrimSpace(*c.V)))
				}
			case typ == "d" && c.V != nil:
				// excelize turns an ISO date into a serial number.
				facts.note(row, col, true, *c.V, "")
			case c.F != nil && c.V == nil && typ != "inlineStr":
				facts.note(row, col, false, "", sprintf("a une formule sans valeur calculée : lue vide ; "+
					"ouvrez le classeur dans un tableur et enregistrez-le pour calculer ses formules"))
			}
		case "mergeCell":
			// Only ranges over several rows have a value to copy down.
			first, last, _ := strings.Cut(attr(e, "ref"), ":")
			l, t, err1 := excelize.CellNameToCoordinates(first)
			r, b, err2 := excelize.CellNameToCoordinates(last)
			switch {
			case err1 != nil || err2 != nil || b <= t || r < l:
			case len(facts.merges) < maxMerges:
				facts.merges = append(facts.merges, mergeRange{top: t, left: l, bottom: b, right: r})
			default:
				facts.more++
			}
		}
	})
	return facts
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

// eachElement calls fn on each start element of the XML rc holds, then
// closes it; fn may decode the element whole. A nil rc is no XML.
func eachElement(rc io.ReadCloser, fn func(xml.StartElement, *xml.Decoder)) {
	if rc == nil {
		return
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e, dec)
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
