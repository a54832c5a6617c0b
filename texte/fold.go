package texte

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces s to a key for loose comparison: lower case, no accents,
// ligatures spelled out (œ → oe), and every run of punctuation or space
// (hyphens, apostrophes, dots, underscores) turned into one space.
//
// "Saint-Médard-en-Jalles", "SAINT MEDARD EN JALLES" and
// "saint_médard en  jalles" all fold to "saint medard en jalles".
func Fold(s string) string {
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
