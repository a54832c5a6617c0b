package fonts

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// stripAccent returns the base letter of an accented letter (ǎ → a), or r.
func stripAccent(r rune) rune {
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			return d
		}
	}
	return r
}
