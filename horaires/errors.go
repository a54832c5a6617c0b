package horaires

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrUnsupported is matched (with errors.Is) by the errors Parse returns
// for valid OpenStreetMap syntax that the package does not handle.
var ErrUnsupported = errors.New("tournure OpenStreetMap non prise en charge")

// A SyntaxError reports a value that is not valid opening_hours syntax.
type SyntaxError struct {
	Value  string // the value given to Parse
	Offset int    // byte offset in Value where the problem was found
	Reason string // what is wrong, in French
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("horaires illisibles, %s\u00a0: %s", where(e.Value, e.Offset), e.Reason)
}

// An UnsupportedError reports valid opening_hours syntax outside the
// subset the package handles. It matches ErrUnsupported.
type UnsupportedError struct {
	Value   string // the value given to Parse
	Offset  int    // byte offset in Value of the construct
	Feature string // what is not handled, in French
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("horaires non pris en charge, %s\u00a0: %s", where(e.Value, e.Offset), e.Feature)
}

// Unwrap returns ErrUnsupported.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// where names a position for a reader: the character count and the text
// that starts there, cut short.
func where(value string, offset int) string {
	if offset < 0 || offset > len(value) {
		offset = len(value)
	}
	col := utf8.RuneCountInString(value[:offset]) + 1
	rest := strings.ToValidUTF8(value[offset:], "�")
	if rest == "" {
		return fmt.Sprintf("caractère %d (fin du texte)", col)
	}
	const excerpt = 20
	if utf8.RuneCountInString(rest) > excerpt {
		n := 0
		for i := range rest {
			if n == excerpt {
				rest = rest[:i] + "…"
				break
			}
			n++
		}
	}
	return fmt.Sprintf("caractère %d (%s)", col, quote(rest))
}

// quote puts s between French quotation marks: « s ».
func quote(s string) string { return "«\u00a0" + s + "\u00a0»" }
