package texte

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NoBreakSpaces puts in a message written by hand with plain spaces the
// no-break spaces French wants, and changes nothing else: a plain space
// becomes U+00A0 before « : » and « » » and after « « », U+202F before
// « ; », « ! » and « ? ».
//
//	"Attention : le fichier « lieux.csv » est vide ; rien à faire !"
//	→ the same, each of those five spaces no-break
//
// It is meant for the messages the command writes to its user; the text
// of the data goes through Typography, which does much more. A space stays
// as it is when it is not the space of a sentence: at the start of a line
// or after another space (indentation, columns), before a sign that does
// not end a clause (" :x", " ?page=2"), inside a Windows path
// (C:\Mes guides !\lieux.csv). Web addresses, times (9:30) and options
// (--sortie) hold no such space; spaces already no-break are kept.
func NoBreakSpaces(s string) string {
	if !strings.Contains(s, " ") || !strings.ContainsAny(s, ":;!?«»") {
		return s
	}
	var paths [][]int
	if strings.Contains(s, `:\`) || strings.Contains(s, `\\`) {
		paths = windowsPaths(s)
	}
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		space := spaceFor(s, i)
		if space == 0 || within(paths, i) {
			continue
		}
		if last == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[last:i])
		b.WriteRune(space)
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// spaceFor is the no-break space the plain space at s[i] becomes, or 0 to
// keep it.
func spaceFor(s string, i int) rune {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if i == 0 || unicode.IsSpace(prev) {
		return 0 // start of a line, indentation, a column
	}
	rest := s[i+1:]
	next, n := utf8.DecodeRuneInString(rest)
	switch {
	case rest == "" || unicode.IsSpace(next):
		return 0
	case prev == '«' || next == '»':
		return nbsp
	case next == ':' || next == ';' || next == '!' || next == '?':
		if !endsClause(rest[n:]) {
			return 0
		}
		if next == ':' {
			return nbsp
		}
		return nnbsp
	}
	return 0
}

// endsClause reports whether the text after a punctuation sign shows that
// the sign ends a clause: nothing, a space, or more punctuation (" ?!",
// " :»", " !)").
func endsClause(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || unicode.IsSpace(r) || strings.ContainsRune(".,;:!?»)]…\"'’", r)
}

// windowsPathRE matches a Windows path: a drive or a network share, then
// what a file name may hold, up to a character no name holds (: ? " < > |
// *), a guillemet or the end of the line.
var windowsPathRE = regexp.MustCompile(`(?:\b[A-Za-z]:\\|\\\\)[^:?"<>|*\r\n«»]*`)

// windowsPaths returns the byte ranges of the Windows paths of s, without
// the spaces that end them: those belong to the sentence.
func windowsPaths(s string) [][]int {
	locs := windowsPathRE.FindAllStringIndex(s, -1)
	for _, l := range locs {
		for l[1] > l[0] && s[l[1]-1] == ' ' {
			l[1]--
		}
	}
	return locs
}

// within reports whether byte i lies in one of the ranges.
func within(ranges [][]int, i int) bool {
	for _, r := range ranges {
		if r[0] <= i && i < r[1] {
			return true
		}
	}
	return false
}
