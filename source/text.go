package source

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// textEncoding is the encoding of a text file, found by sniff.
type textEncoding int

const (
	encUTF8 textEncoding = iota
	encUTF8BOM
	encUTF16LE
	encUTF16BE
	encWindows1252
)

func (e textEncoding) String() string {
	switch e {
	case encUTF8BOM:
		return "UTF-8 avec BOM"
	case encUTF16LE:
		return "UTF-16 LE"
	case encUTF16BE:
		return "UTF-16 BE"
	case encWindows1252:
		return "Windows-1252"
	}
	return "UTF-8"
}

// utf8Text returns a reader of r's text as UTF-8, without byte order mark.
// For the UTF-8 encodings it also returns the fallback transformer, which
// tells whether it met invalid bytes.
func utf8Text(r io.Reader, enc textEncoding) (io.Reader, *utf8Fallback) {
	switch enc {
	case encUTF8BOM:
		// sniff saw the three bytes; a read error would recur on the next read.
		var bom [3]byte
		_, _ = io.ReadFull(r, bom[:])
	case encUTF16LE:
		return transform.NewReader(r, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()), nil
	case encUTF16BE:
		return transform.NewReader(r, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder()), nil
	case encWindows1252:
		return transform.NewReader(r, charmap.Windows1252.NewDecoder()), nil
	}
	fb := new(utf8Fallback)
	return transform.NewReader(r, fb), fb
}

// windows1252 maps the bytes 0x80-0xFF to their Windows-1252 characters.
var windows1252 = func() (t [128]string) {
	dec := charmap.Windows1252
	for i := range t {
		t[i] = string(dec.DecodeByte(byte(0x80 + i)))
	}
	return t
}()

// misread marks a character read as Windows-1252 in UTF-8 text, for the
// table to report the row: a noncharacter, which Unicode keeps for such
// internal use; clean removes it.
const misread = "\ufdd0"

// utf8Fallback passes valid UTF-8 through and reads each invalid byte as
// Windows-1252, for UTF-8 files with a few badly encoded rows.
type utf8Fallback struct {
	transform.NopResetter
	used bool
}

func (t *utf8Fallback) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	// Valid text, nearly all of any file, is copied in one go; a chunk with
	// an invalid byte is read a character at a time.
	if n := validRun(src[:min(len(src), len(dst))]); n > 0 {
		nDst, nSrc = copy(dst, src[:n]), n
	}
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			s := windows1252[c-0x80]
			if nDst+len(misread)+len(s) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], misread)
			nDst += copy(dst[nDst:], s)
			nSrc++
			t.used = true
			continue
		}
		if nDst+size > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
		nSrc += size
	}
	return nDst, nSrc, nil
}

// validRun returns the length of b when b is valid UTF-8 but for a
// character cut at its end, which is left out; 0 otherwise.
func validRun(b []byte) int {
	n := len(b)
	for i := n - 1; i >= max(0, n-utf8.UTFMax); i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				n = i
			}
			break
		}
	}
	if !utf8.Valid(b[:n]) {
		return 0
	}
	return n
}

// isTrimmed reports the characters trimmed from names and values: spaces of
// any kind (including no-break spaces), zero-width spaces and byte order
// marks.
func isTrimmed(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// clean normalises a name or value: control characters removed (tabs and
// line feeds kept, CR LF and lone CR turned into LF), trimmed, NFC.
func clean(s string) string {
	s, _ = cleaned(s)
	return s
}

// cleaned is clean, and tells whether characters were scrubbed (the mark
// of a character misread is one of them). It looks at the bytes of a
// clean value once: a national file has millions of them.
func cleaned(s string) (_ string, scrubbed bool) {
	scrubbed, ascii := survey(s)
	if scrubbed {
		s = scrub(s)
		ascii = isASCII(s)
	}
	// Most values start and end with a printable ASCII character: nothing
	// to trim, no rune to decode.
	if len(s) == 0 || !printableASCII(s[0]) || !printableASCII(s[len(s)-1]) {
		s = strings.TrimFunc(s, isTrimmed)
	}
	// QuickSpanString, unlike IsNormalString, does not allocate.
	if !ascii && norm.NFC.QuickSpanString(s) < len(s) {
		s = norm.NFC.String(s)
	}
	return s, scrubbed
}

// survey reports whether s has a character that isScrubbed, reading
// bytes rather than runes, and else whether s is ASCII.
func survey(s string) (scrubbed, ascii bool) {
	ascii = true
	for i := 0; i < len(s); i++ {
		// Eight bytes at a time while they are printable ASCII, as most
		// are: none from 0x80, none under 0x20, no 0x7f.
		for ; i+8 <= len(s); i += 8 {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			del := x ^ 0x7f7f7f7f7f7f7f7f
			if (x|(x-0x2020202020202020)|(del-0x0101010101010101)&^del)&0x8080808080808080 != 0 {
				break
			}
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return true, false
			}
			continue
		}
		ascii = false
		switch {
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f: // U+0080 to U+009F
			return true, false
		case c == 0xef && i+2 < len(s) && (s[i+1] == 0xbb && s[i+2] == 0xbf || s[i+1] == 0xb7 && s[i+2] == 0x90): // U+FEFF, U+FDD0
			return true, false
		}
	}
	return false, ascii
}

// printableASCII reports an ASCII byte that isTrimmed keeps.
func printableASCII(c byte) bool { return c > ' ' && c < utf8.RuneSelf }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isScrubbed reports the characters that clean removes or replaces: control
// characters other than tab and line feed, and byte order marks (met inside
// values when files were concatenated).
func isScrubbed(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || r == '\ufeff' || r == '\ufdd0'
}

func scrub(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case isScrubbed(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
