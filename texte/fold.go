package texte

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces s to a key for loose comparison: lower case, no accents,
// ligatures spelled out (œ → oe), and every run of punctuation or space
// (hyphens, apostrophes, dots, underscores) turned into one space.
//
// "Saint-Médard-en-Jalles", "SAINT MEDARD EN JALLES" and
// "saint_médard en  jalles" all fold to "saint medard en jalles".
func Fold(s string) string {
	if ascii(s) {
		return foldASCII(s)
	}
	return fold(s)
}

// fold is Fold for any text.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			switch r {
			case 'œ', 'Œ':
				b.WriteString("oe")
			case 'æ', 'Æ':
				b.WriteString("ae")
			case 'ß':
				b.WriteString("ss")
			default:
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			space = true
		}
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII text, which decomposition leaves as it is:
// column names, codes, most addresses. It is called for every field of
// every row of a source.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}
