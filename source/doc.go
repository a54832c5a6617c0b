// Package source reads the files of the « lieux de médiation numérique »
// open-data standard into flat records: one record per place, each an
// ordered list of (field name, text value) pairs as the file gives them.
//
// Package source knows file formats, not the standard: mapping the field
// names and values of the schema versions to the place model is the job of
// package lieu.
//
// # Locations
//
// [Open] takes a file path, "-" for the standard input, or an http:// or
// https:// address, which is downloaded to a temporary file first (removed by
// [Reader.Close]). [NewReader] reads any [io.Reader], such as an embedded
// example file.
//
// # Formats
//
// The format is detected from the content, never from the extension alone:
//
//   - XLSX: a ZIP archive holding xl/workbook.xml. The first visible sheet
//     is read, or [Options.Sheet] (a name, matched loosely, or a number);
//     [Reader.Notes] lists the other sheets, which are not read. The first
//     row with a non-empty cell is the header. A sheet asked for another
//     format is noted too.
//   - JSON: text starting with "[" or "{": an array of objects, an object
//     holding that array ({"data": [...], "next": …}: an object is taken as
//     such a wrapper when one of its members is an array of objects, unless
//     it has a "nom" or "id" of its own), JSON Lines (one object after the
//     other), and GeoJSON (a FeatureCollection, its "features" array, or
//     Features on their own). Wrapper members other than the array are
//     listed in [Reader.Notes].
//   - CSV: any other text. The delimiter is the most frequent of ; , tab and
//     | outside quotes on the header line (the first line with a non-empty
//     cell), unless an Excel "sep=;" line comes first.
//
// Other contents (old .xls and password-protected workbooks, OpenDocument,
// other ZIP archives, PDF, images, HTML pages, Parquet, binary data) are
// refused with a French message saying what the file seems to be and, when
// possible, what to do.
//
// # Text encodings
//
// A UTF-8 byte order mark is removed; UTF-16 with a byte order mark, or
// without one when every other byte is zero, is converted. Otherwise, if the
// first 64 KiB are not valid UTF-8, the whole file is read as Windows-1252
// (the superset of Latin-1 that Excel writes); if they are valid, the file is
// read as UTF-8 and any invalid byte met later is read as Windows-1252, so
// that one badly encoded row does not turn into replacement characters.
// [Reader.Encoding] tells what was found.
//
// # Values
//
// Field names and values are normalised to Unicode NFC and trimmed of spaces
// (including no-break spaces, zero-width spaces and byte order marks).
// Control characters are removed, except tabs and line feeds; CR LF and lone
// CR inside values become LF. Field names keep their case: package lieu
// matches them. JSON numbers keep their exact text (97221 stays "97221",
// 43.52609 stays "43.52609"), booleans become "true" or "false", null means
// the field is absent, and arrays of scalars are joined with "|", the
// separator of schema 1.x.
//
// In CSV and XLSX files every named header column is a field of every record,
// empty when the cell is empty or missing; [Record.Get] reports whether the
// file has the field at all. When a name occurs twice (two columns, or a
// nested GeoJSON value and a flat one), the record keeps the first non-empty
// value and notes any other, different value.
//
// Rows whose cells are all empty (blank lines, ";;;;" lines, empty sheet rows)
// are skipped and counted by [Reader.EmptyRows]; nothing else is skipped. In
// a workbook, cells are read as the spreadsheet shows them (a postcode
// formatted "00000" gives "04000"), except dates in the default short date
// format, which give "2024-04-02".
//
// GeoJSON features are flattened into the standard's flat field names: the
// national export's nested adresse{…} gives adresse (numero_voie, repetition
// and nom_voie joined), complement_adresse, code_postal, commune (from
// nom_commune) and code_insee; contacts{…} gives telephone, site_web and
// courriels; structure_cartographie_nationale_id gives id, siret or rna gives
// pivot, typologies gives typologie, and a Point geometry [lon, lat] gives
// longitude and latitude when the properties lack them. Any other nested
// value is kept under a dotted name such as "adresse.clef_interop", so that
// the caller can report it as an unknown field.
//
// # Errors
//
// [Reader.Next] returns a *[RowError] for a record that cannot be read (an
// unclosed quote, a line over 16 MiB, a JSON array element that is not an
// object): the caller reports the record as set aside and calls Next again.
// Any other error is fatal, an *[Error] (or a wrapped I/O error), and Next
// keeps returning it. Remarks that do not prevent reading (cells beyond the
// header, a stray quote kept as is) are in [Record.Notes] and [Reader.Notes].
// All messages are in French and name the file and the position.
//
// # Multi-line CSV cells and unclosed quotes
//
// A quoted CSV cell may span lines, up to 100 lines. A quote that is still
// open at the end of the file or after 100 lines is taken as an unclosed
// quote: the record where it opened is set aside with a [RowError], and the
// lines it swallowed are read again one by one, so that one stray quote
// costs one row and not the rest of the file. A quote inside a quoted cell
// that is not followed by the delimiter or the end of the line is kept as a
// literal quote, with a note.
//
// # Memory
//
// CSV and JSON are streamed: the reader holds one record at a time (plus, for
// a CSV record that spans lines, the lines of that record). XLSX files are
// read by excelize, whose streaming row reader still keeps the shared-strings
// table in memory; sheets larger than 16 MiB once unzipped are spooled to a
// temporary file. Before that, every member of the archive is unzipped once
// to check it, because excelize would silently read a truncated sheet from a
// corrupt member. [Options.MaxBytes] bounds downloads, the standard input
// when it holds a workbook, and the unzipped size of a workbook (against zip
// bombs).
package source
