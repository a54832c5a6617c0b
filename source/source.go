package source

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"slices"
)

// Format is a file format of the standard's data.
type Format int

// The formats a Reader reads.
const (
	CSV Format = iota + 1
	JSON
	GeoJSON
	XLSX
)

// String returns the format's French name.
func (f Format) String() string {
	switch f {
	case CSV:
		return "CSV"
	case JSON:
		return "JSON"
	case GeoJSON:
		return "GeoJSON"
	case XLSX:
		return "classeur Excel (XLSX)"
	}
	return "format inconnu"
}

// Field is one named value of a record.
type Field struct {
	Name  string
	Value string
}

// Record is one place as read from the file, before any interpretation.
type Record struct {
	Pos    Position
	Fields []Field
	// Notes are French remarks on what the reader had to do to read this
	// record (cells beyond the header, a stray quote kept, a nested value
	// that could not be flattened); the caller reports them as warnings.
	Notes []string
}

// Get returns the value of the first field with the given name, and whether
// the record has such a field.
func (r Record) Get(name string) (string, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// Position says where a record comes from, in terms a user can find in the
// file.
type Position struct {
	// Line is the line where the record starts: the physical line for CSV
	// (the header is line 1 when nothing precedes it), the row number of the
	// sheet for XLSX, the line of the opening brace for JSON. Zero if unknown.
	Line int
	// Index is the 1-based rank of the object in a JSON or GeoJSON file;
	// zero for CSV and XLSX.
	Index int
	// Sheet is the XLSX sheet name, set when the workbook has several sheets.
	Sheet string
}

// String returns the position in French: "ligne 12", "objet nᵒ 12 (ligne 40)",
// "feuille « Lieux », ligne 12"; "" for the zero Position.
func (p Position) String() string {
	switch {
	case p.Index > 0 && p.Line > 0:
		return fmt.Sprintf("objet n\u1d52\u00a0%d (ligne %d)", p.Index, p.Line)
	case p.Index > 0:
		return fmt.Sprintf("objet n\u1d52\u00a0%d", p.Index)
	case p.Sheet != "" && p.Line > 0:
		return fmt.Sprintf("feuille %s, ligne %d", guillemets(p.Sheet), p.Line)
	case p.Sheet != "":
		return "feuille " + guillemets(p.Sheet)
	case p.Line > 0:
		return fmt.Sprintf("ligne %d", p.Line)
	}
	return ""
}

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 512 << 20

// Options tune how a source is opened.
type Options struct {
	// Sheet is the XLSX sheet to read: its name, or its 1-based number in
	// the workbook. Empty means the first sheet.
	Sheet string
	// Client downloads http:// and https:// locations. Nil means a client
	// that gives up when the server takes more than a minute to answer.
	Client *http.Client
	// MaxBytes bounds what is held in full: a download, the standard input
	// when it holds a spreadsheet, and the unzipped size of a workbook.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// MaxRows bounds the records read, for a server that must answer
	// everyone: past it, reading stops with an error. Zero means no bound.
	MaxRows int
	// Download tunes downloads: https only unless told, deadlines, user
	// agent, progress.
	Download Download
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// decoder is what each format provides to Reader.
type decoder interface {
	// next returns the next record, a *RowError, io.EOF or a fatal error.
	next() (Record, error)
	// columns returns the field names met so far.
	columns() []string
	// notes returns remarks about the whole file.
	notes() []string
	// emptyRows returns how many empty rows were skipped.
	emptyRows() int
}

// Reader reads the records of one source file.
type Reader struct {
	name     string
	format   Format
	encoding string
	fallback *utf8Fallback // for UTF-8 text: tells whether invalid bytes were met
	dec      decoder
	notes    []string // remarks of Open, before the decoder's
	err      error    // sticky: io.EOF or a fatal error
	closers  []func() error
	rows     int    // records returned so far
	maxRows  int    // see Options.MaxRows
	ahead    *ahead // set by ReadAhead
}

// Next returns the next record. At the end it returns io.EOF. A *RowError
// means that this record cannot be read but the next one may be: the
// returned Record then carries only the position. Any other error is fatal
// and returned again by later calls.
func (r *Reader) Next() (Record, error) {
	if r.ahead != nil {
		return r.ahead.next(r)
	}
	return r.read()
}

// read decodes the next record, as Next returns it.
func (r *Reader) read() (Record, error) {
	if r.err != nil {
		return Record{}, r.err
	}
	rec, err := r.dec.next()
	if err != io.EOF {
		if r.rows++; r.maxRows > 0 && r.rows > r.maxRows {
			r.err = newError(r.name, rec.Pos, nil, "le fichier compte plus de %d lignes, la limite de ce serveur : découpez-le, ou utilisez la ligne de commande", r.maxRows)
			return Record{}, r.err
		}
	}
	if err == nil {
		return rec, nil
	}
	var rowErr *RowError
	if errors.As(err, &rowErr) {
		return Record{Pos: rowErr.Pos}, err
	}
	r.err = err
	return Record{}, err
}

// Records iterates over the records, in file order: each with nil, or
// with the *RowError that keeps it from being read (the record then
// carries only its position), after which reading goes on. It stops at
// the end of the file, or at a fatal error, which Err then returns.
func (r *Reader) Records() iter.Seq2[Record, *RowError] {
	return func(yield func(Record, *RowError) bool) {
		for {
			rec, err := r.Next()
			var rowErr *RowError
			switch {
			case errors.As(err, &rowErr):
			case err != nil:
				return // io.EOF or fatal, kept for Err
			}
			if !yield(rec, rowErr) {
				return
			}
		}
	}
}

// Err returns the fatal error that stopped reading; nil when the records
// were read to the end of the file, or are not read yet.
func (r *Reader) Err() error {
	if errors.Is(r.err, io.EOF) {
		return nil
	}
	return r.err
}

// Name returns the file name used in messages: the path as given, the name
// of the downloaded file, or "entrée standard".
func (r *Reader) Name() string { return r.name }

// Format returns the detected format.
func (r *Reader) Format() Format { return r.format }

// Encoding returns the text encoding found, for example "UTF-8 avec BOM" or
// "Windows-1252", or "" for a workbook. It may change while reading when a
// UTF-8 file turns out to hold Windows-1252 bytes further down.
func (r *Reader) Encoding() string {
	if r.fallback != nil && r.fallback.used {
		return r.encoding + " (avec des passages en Windows-1252)"
	}
	return r.encoding
}

// Columns returns the field names: the header as found for CSV and XLSX,
// the names met so far for JSON and GeoJSON.
func (r *Reader) Columns() []string {
	if r.ahead != nil && !r.ahead.over {
		return r.ahead.columns
	}
	return r.dec.columns()
}

// Notes returns French remarks about the whole file, such as a column name
// that occurs twice or keys of a JSON wrapper object that were not read.
func (r *Reader) Notes() []string {
	return slices.Concat(r.notes, r.dec.notes())
}

// EmptyRows returns how many rows with only empty cells were skipped so far.
func (r *Reader) EmptyRows() int { return r.dec.emptyRows() }

// Close releases the file and removes temporary files.
func (r *Reader) Close() error {
	r.stopReadingAhead()
	var errs []error
	for i := len(r.closers) - 1; i >= 0; i-- {
		errs = append(errs, r.closers[i]())
	}
	r.closers = nil
	if r.err == nil {
		r.err = newError(r.name, Position{}, nil, "le fichier est déjà fermé")
	}
	return errors.Join(errs...)
}
