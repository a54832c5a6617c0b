// Package formula keeps text from being run as a formula by a spreadsheet
// that opens a CSV file livret wrote (CSV injection): =HYPERLINK(…),
// @SUM(…) or =cmd|' /C calc'!A0 in a place's name must stay text.
//
// It does so as spreadsheets do, with an apostrophe before the value, and
// reversibly: Restore gives back what Defuse was given, so that a file
// livret wrote reads back exactly.
package formula

import "strings"

// Starts reports whether a spreadsheet would take s for a formula: it
// starts with =, +, -, @, a tab, a carriage return or a line feed (the
// characters OWASP lists for CSV injection).
func Starts(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r\n", s[0]) >= 0
}

// Defuse returns s with an apostrophe before it when a spreadsheet would
// run it as a formula, and s itself otherwise. Numbers stay as they are,
// a longitude of -0.57 or a phone number in the form +33…, and so do lists
// of numbers joined with "|": a spreadsheet reads them as numbers, or as
// text, and never calls anything. A value that already starts with
// apostrophes before a formula gets one more, so that Restore can tell.
func Defuse(s string) string {
	if needs(s) {
		return "'" + s
	}
	return s
}

// Restore undoes Defuse: it drops the apostrophe Defuse would have added.
func Restore(s string) string {
	if len(s) > 1 && s[0] == '\'' && needs(s[1:]) {
		return s[1:]
	}
	return s
}

// needs reports whether s, after any apostrophes, starts a formula that is
// not a number.
func needs(s string) bool {
	r := strings.TrimLeft(s, "'")
	return Starts(r) && !numbers(r)
}

// numbers reports whether s is one or more decimal numbers joined with "|".
func numbers(s string) bool {
	for part := range strings.SplitSeq(s, "|") {
		part = strings.TrimPrefix(strings.TrimPrefix(part, "-"), "+")
		whole, frac, _ := strings.Cut(part, ".")
		if !digits(whole) || frac != "" && !digits(frac) {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
