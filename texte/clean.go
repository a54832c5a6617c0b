package texte

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// No-break spaces, as French typography wants them.
const (
	nbsp  = '\u00a0' // before ":" and inside « »
	nnbsp = '\u202f' // narrow, before ";", "!" and "?"
)

// Clean tidies a single-line text such as a name or an address: Unicode
// NFC, no control or invisible characters (zero-width space, soft hyphen,
// byte-order mark), every run of spaces and line breaks turned into one
// space, and no space at either end. A run made only of no-break spaces
// keeps one of them, since it was put there on purpose.
//
// "  MAIRIE\u00a0\u00a0DE\tPESSAC\n" gives "MAIRIE\u00a0DE PESSAC".
func Clean(s string) string {
	// NFC comes last: removing a character can bring together marks that
	// composition reorders.
	return norm.NFC.String(cleanLine(s))
}

// CleanLines tidies a text whose line breaks mean something, such as a
// description: each line is cleaned as by Clean, "\r\n" and "\r" become
// "\n", and runs of empty lines become one empty line (a paragraph break).
// Empty lines at either end are dropped.
func CleanLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = cleanLine(line)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return norm.NFC.String(b.String())
}

// cleanLine does the work of Clean but for the normalisation.
func cleanLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var run []rune // the spaces seen since the last visible character
	for _, r := range s {
		if isInvisible(r) {
			continue
		}
		if unicode.IsSpace(r) {
			run = append(run, r)
			continue
		}
		if len(run) > 0 && b.Len() > 0 {
			b.WriteRune(collapse(run))
		}
		run = run[:0]
		b.WriteRune(r)
	}
	return b.String()
}

// collapse chooses the one space that replaces a run of spaces.
func collapse(run []rune) rune {
	for _, r := range run {
		if r != nbsp && r != nnbsp {
			return ' '
		}
	}
	return run[0]
}

// isInvisible reports control characters other than spaces, and format
// characters, which carry nothing in print and which the fonts draw as
// « ? »: zero-width space and joiners, soft hyphen, byte-order mark, the
// bidirectional marks, embeddings, overrides and isolates (which can also
// reorder what a terminal shows), and the tag characters.
func isInvisible(r rune) bool {
	if unicode.IsControl(r) && !unicode.IsSpace(r) {
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// IsInvisible reports the characters Clean and CleanLines remove: control
// characters other than spaces and line breaks, and format characters.
func IsInvisible(r rune) bool { return isInvisible(r) }
