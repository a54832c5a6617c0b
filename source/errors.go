package source

import (
	"fmt"
	"strings"

	"livret/texte"
)

// Error is a fatal error about a source file: it cannot be opened, is not a
// file of the standard, or cannot be read any further.
type Error struct {
	File string   // the file name, as given by Reader.Name
	Pos  Position // where in the file; zero when the whole file is concerned
	Msg  string   // what is wrong, in French
	Err  error    // the underlying error, if any
}

// Error returns the French message with the file and position, for example
// "fichier « lieux.csv », ligne 12 : guillemet non fermé".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("fichier ")
	b.WriteString(guillemets(e.File))
	if p := e.Pos.String(); p != "" {
		b.WriteString(", ")
		b.WriteString(p)
	}
	b.WriteString("\u00a0: ")
	b.WriteString(e.Msg)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// RowError reports a record that cannot be read. The rest of the file can
// still be read: the caller reports the record as set aside and calls
// Reader.Next again. It has the fields of Error.
type RowError Error

// Error returns the French message with the file and position.
func (e *RowError) Error() string { return (*Error)(e).Error() }

func (e *RowError) Unwrap() error { return e.Err }

func newError(file string, pos Position, err error, format string, args ...any) *Error {
	return &Error{File: file, Pos: pos, Msg: sprintf(format, args...), Err: err}
}

func newRowError(file string, pos Position, format string, args ...any) *RowError {
	return &RowError{File: file, Pos: pos, Msg: sprintf(format, args...)}
}

// frenchSpacing puts the no-break spaces of French typography in a message
// template: a no-break space before a colon, a narrow one before ; ! and ?.
var frenchSpacing = strings.NewReplacer(" :", "\u00a0:", " ;", "\u202f;", " !", "\u202f!", " ?", "\u202f?")

// sprintf formats a French message; the template is written with plain
// spaces and gets French spacing, the arguments are left as they are.
func sprintf(format string, args ...any) string {
	return fmt.Sprintf(frenchSpacing.Replace(format), args...)
}

// guillemets quotes s the French way, with no-break spaces inside.
func guillemets(s string) string {
	return "«\u00a0" + s + "\u00a0»"
}

// excerpt quotes a value in a message, shortened to 40 characters.
func excerpt(s string) string {
	n := 0
	for i := range s {
		if n == 40 {
			return guillemets(strings.TrimSpace(s[:i]) + "…")
		}
		n++
	}
	return guillemets(s)
}

// formatSize writes a byte count the French way: "512 Mo", "1,5 Go".
func formatSize(n int64) string {
	units := []string{"octets", "ko", "Mo", "Go", "To"}
	v := float64(n)
	i := 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	return strings.TrimSuffix(texte.Decimal(v, 1), ",0") + "\u00a0" + units[i]
}
