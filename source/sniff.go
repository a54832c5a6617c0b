package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// sniffLen is how much of the file the format detection looks at.
const sniffLen = 64 << 10

// content is the kind of file found by sniff.
type content int

const (
	contentText  content = iota // CSV, JSON or GeoJSON
	contentZip                  // maybe XLSX: see inspectZip
	contentCFB                  // old Microsoft Office file: see inspectCFB
	contentOther                // refused: see sniffed.what
	contentEmpty
)

// sniffed is what sniff found at the start of a file.
type sniffed struct {
	content content
	format  Format       // for contentText
	enc     textEncoding // for contentText
	what    refusal      // for contentOther
}

// refusal describes a content that is not a file of the standard.
type refusal struct {
	what string // what the file seems to be, in French: "un document PDF"
	hint string // what the user can do, in French, or ""
}

func (r refusal) message() string {
	msg := sprintf("c’est %s, pas un tableau de lieux ; les formats lus sont CSV, JSON, GeoJSON et XLSX", r.what)
	if r.hint != "" {
		msg += " (" + frenchSpacing.Replace(r.hint) + ")"
	}
	return msg
}

const hintSaveAs = "ouvrez-le dans un tableur et enregistrez-le au format XLSX ou CSV"

var magics = []struct {
	prefix string
	refusal
}{
	{"%PDF-", refusal{"un document PDF", ""}},
	{"\x89PNG\r\n\x1a\n", refusal{"une image PNG", ""}},
	{"\xff\xd8\xff", refusal{"une image JPEG", ""}},
	{"GIF87a", refusal{"une image GIF", ""}},
	{"GIF89a", refusal{"une image GIF", ""}},
	{"II*\x00", refusal{"une image TIFF", ""}},
	{"MM\x00*", refusal{"une image TIFF", ""}},
	{"\x1f\x8b", refusal{"une archive compressée (gzip)", "décompressez-la d’abord"}},
	{"7z\xbc\xaf\x27\x1c", refusal{"une archive 7-Zip", "décompressez-la d’abord"}},
	{"Rar!\x1a\x07", refusal{"une archive RAR", "décompressez-la d’abord"}},
	{"PAR1", refusal{"un fichier Parquet", "l’export national existe aussi au format CSV"}},
	{"{\\rtf", refusal{"un document RTF", ""}},
	{"SQLite format 3\x00", refusal{"une base de données SQLite", ""}},
	{"\x7fELF", refusal{"un programme", ""}},
	{"PK\x05\x06", refusal{"une archive ZIP vide", ""}},
}

var geoJSONType = regexp.MustCompile(`"type"\s*:\s*"Feature(Collection)?"`)

// sniff looks at the first bytes p of a file (all of it when eof) and tells
// what it is.
func sniff(p []byte, eof bool) sniffed {
	switch {
	case bytes.HasPrefix(p, []byte("PK\x03\x04")):
		return sniffed{content: contentZip}
	case bytes.HasPrefix(p, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return sniffed{content: contentCFB}
	}
	for _, m := range magics {
		if bytes.HasPrefix(p, []byte(m.prefix)) {
			return sniffed{content: contentOther, what: m.refusal}
		}
	}

	enc := sniffEncoding(p, eof)
	text := decodePrefix(p, enc)
	trimmed := strings.TrimLeftFunc(text, isTrimmed)
	if trimmed == "" {
		if eof {
			return sniffed{content: contentEmpty}
		}
		return sniffed{content: contentText, format: CSV, enc: enc}
	}
	if isBinary(text) {
		return sniffed{content: contentOther, what: refusal{"un fichier binaire illisible, ni texte ni classeur", ""}}
	}
	switch trimmed[0] {
	case '[', '{':
		if geoJSONType.MatchString(trimmed) {
			return sniffed{content: contentText, format: GeoJSON, enc: enc}
		}
		return sniffed{content: contentText, format: JSON, enc: enc}
	case '<':
		return sniffed{content: contentOther, what: sniffMarkup(trimmed)}
	}
	return sniffed{content: contentText, format: CSV, enc: enc}
}

// sniffEncoding finds the text encoding from the byte order mark, the
// pattern of zero bytes, or how much of the text is valid UTF-8.
func sniffEncoding(p []byte, eof bool) textEncoding {
	switch {
	case bytes.HasPrefix(p, []byte("\xef\xbb\xbf")):
		return encUTF8BOM
	case bytes.HasPrefix(p, []byte("\xff\xfe")):
		return encUTF16LE
	case bytes.HasPrefix(p, []byte("\xfe\xff")):
		return encUTF16BE
	}
	if enc, ok := sniffUTF16(p); ok {
		return enc
	}
	if !eof {
		// Do not hold a rune cut by the end of the prefix against the file.
		for i := 1; i <= utf8.UTFMax && i <= len(p); i++ {
			if utf8.RuneStart(p[len(p)-i]) {
				if !utf8.FullRune(p[len(p)-i:]) {
					p = p[:len(p)-i]
				}
				break
			}
		}
	}
	if mostlyUTF8(p) {
		return encUTF8 // stray bytes are read as Windows-1252, and said so
	}
	return encWindows1252
}

// mostlyUTF8 weighs the evidence of p: UTF-8 when its characters beyond
// ASCII are valid UTF-8 at least as often as not. One Windows-1252 byte
// among accents written in UTF-8 does not turn « Médiathèque » into
// « MÃ©diathÃ¨que »; a Windows-1252 file, whose accents are lone bytes,
// is seldom valid UTF-8 by chance.
func mostlyUTF8(p []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid >= invalid
}

// sniffUTF16 recognises UTF-16 without a byte order mark: mostly Latin text
// has a zero byte in every other position.
func sniffUTF16(p []byte) (textEncoding, bool) {
	n := min(len(p), 1024) &^ 1
	if n < 8 {
		return 0, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if p[i] == 0 {
			zeroEven++
		}
		if p[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*7 && zeroEven*20 <= pairs:
		return encUTF16LE, true
	case zeroEven*10 >= pairs*7 && zeroOdd*20 <= pairs:
		return encUTF16BE, true
	}
	return 0, false
}

// decodePrefix converts the start of a file to UTF-8 text for inspection;
// a character cut at the end is dropped.
func decodePrefix(p []byte, enc textEncoding) string {
	r, _ := utf8Text(bytes.NewReader(p), enc)
	b, _ := io.ReadAll(r)
	return string(b)
}

// isBinary reports whether text has the control characters of a binary
// file: more than 1 % of characters that text files do not hold.
func isBinary(text string) bool {
	var runes, controls int
	for _, r := range text {
		runes++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f {
			controls++
		}
	}
	return controls*100 > runes
}

func sniffMarkup(text string) refusal {
	head := strings.ToLower(text[:min(len(text), 2048)])
	switch {
	case strings.Contains(head, "<html") || strings.HasPrefix(head, "<!doctype html"):
		return refusal{"une page web (HTML)", "l’adresse mène peut-être à la page de présentation du jeu de données et non au fichier lui-même"}
	case strings.Contains(head, "urn:schemas-microsoft-com:office:spreadsheet"):
		return refusal{"un classeur Excel au format XML 2003", hintSaveAs}
	}
	return refusal{"un document XML", ""}
}

// openZip opens an archive whose members are inflated by
// klauspost/compress, faster than the standard library.
func openZip(ra io.ReaderAt, size int64) (*zip.Reader, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, err
	}
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return flate.NewReader(r) })
	return zr, nil
}

// partName is the name of an archive's member as the workbook's parts name
// it: lower case, with forward slashes, without a leading slash.
func partName(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "/"))
}

// inspectZip tells whether a ZIP archive is an XLSX workbook, and checks
// that it unzips without error to at most max bytes. It returns a refusal
// for other archives.
//
// The check unzips every member once: excelize ignores the errors of a
// member that is corrupt or larger than its header says, and would read a
// truncated sheet without a word.
func inspectZip(ra io.ReaderAt, size, max int64) (*refusal, error) {
	zr, err := openZip(ra, size)
	if err != nil {
		return nil, err
	}
	var (
		workbook bool
		declared uint64
		names    []string
	)
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		declared += f.UncompressedSize64
		switch {
		case name == "xl/workbook.xml":
			workbook = true
		case name == "mimetype":
			return &refusal{openDocumentKind(f), hintSaveAs}, nil
		case name == "word/document.xml":
			return &refusal{"un document Word (DOCX)", ""}, nil
		case name == "ppt/presentation.xml":
			return &refusal{"une présentation PowerPoint (PPTX)", ""}, nil
		}
		if !strings.HasSuffix(name, "/") && len(names) < 4 {
			names = append(names, guillemets(f.Name))
		}
	}
	if !workbook {
		what := "une archive ZIP"
		switch {
		case len(names) == 0:
			what += " vide"
		case len(names) == 4:
			what += " contenant " + strings.Join(names[:3], ", ") + "…"
		default:
			what += " contenant " + strings.Join(names, ", ")
		}
		return &refusal{what, "décompressez-la et donnez le fichier de données qu’elle contient"}, nil
	}
	if declared > uint64(max) {
		return nil, errZipTooLarge
	}
	left := max
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, left+1))
		rc.Close()
		if err != nil {
			return nil, err
		}
		if left -= n; left < 0 {
			return nil, errZipTooLarge
		}
	}
	return nil, nil
}

// errZipTooLarge reports a workbook that would unzip beyond the limit.
var errZipTooLarge = errors.New("unzipped workbook too large")

func openDocumentKind(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return "un document OpenDocument"
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 100))
	switch {
	case bytes.HasSuffix(b, []byte(".spreadsheet")):
		return "un classeur OpenDocument (ODS)"
	case bytes.HasSuffix(b, []byte(".text")):
		return "un document OpenDocument (ODT)"
	}
	return "un document OpenDocument"
}

// inspectCFB tells what an old Microsoft Office file (Compound File Binary)
// holds, from the UTF-16 names of its streams.
func inspectCFB(b []byte) refusal {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for _, c := range []byte(name) {
			u = append(u, c, 0)
		}
		return bytes.Contains(b, u)
	}
	switch {
	case has("EncryptionInfo") || has("EncryptedPackage"):
		return refusal{"un classeur protégé par un mot de passe", "ouvrez-le dans un tableur, retirez le mot de passe et enregistrez-le au format XLSX ou CSV"}
	case has("Workbook") || has("Book"):
		return refusal{"un classeur Excel à l’ancien format XLS", hintSaveAs}
	case has("WordDocument"):
		return refusal{"un document Word à l’ancien format DOC", ""}
	case has("PowerPoint Document"):
		return refusal{"une présentation PowerPoint à l’ancien format PPT", ""}
	}
	return refusal{"un fichier Microsoft Office à l’ancien format", hintSaveAs}
}
