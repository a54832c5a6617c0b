package main

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"livret/texte"
)

// typeset writes the messages for the maker with French no-break spaces
// (texte.NoBreakSpaces), so that the strings of the command are written
// with plain spaces once and printed right everywhere. A message may come
// in several writes ("Sélection : 51 lieux", then " ; 3 hors critères"):
// the last character written is the context of the next write.
type typeset struct {
	w    io.Writer
	mu   sync.Mutex // the command's goroutines share its messages
	last []byte     // the last character written
}

func newTypeset(w io.Writer) *typeset { return &typeset{w: w} }

func (t *typeset) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	// The first character is never changed, so the context is cut off
	// unchanged.
	s := console(texte.NoBreakSpaces(string(t.last) + string(p))[len(t.last):])
	_, n := utf8.DecodeLastRune(p)
	t.last = append(t.last[:0], p[len(p)-n:]...)
	if _, err := io.WriteString(t.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Unwrap gives the writer underneath, for the progress bars to find the
// terminal.
func (t *typeset) Unwrap() io.Writer { return t.w }

// typesetHelp makes urfave/cli's help screens typeset as the messages are:
// the help is written whole, then typeset, since its table writer writes
// cell by cell.
func typesetHelp(print func(io.Writer, string, any, map[string]any)) func(io.Writer, string, any, map[string]any) {
	return func(w io.Writer, templ string, data any, funcs map[string]any) {
		var b bytes.Buffer
		print(&b, templ, data, funcs)
		io.WriteString(w, console(texte.NoBreakSpaces(b.String())))
	}
}

// console writes the narrow no-break space as a no-break space: many
// terminal fonts (Windows consoles' among them) have no glyph for U+202F
// and would print a box before every « ; », while U+00A0 is in all of
// them.
func console(s string) string { return strings.ReplaceAll(s, "\u202f", "\u00a0") }
