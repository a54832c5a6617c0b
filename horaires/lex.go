package horaires

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind int

const (
	tEOF     tokenKind = iota
	tWord              // a run of letters
	tNumber            // a run of ASCII digits
	tComment           // a quoted comment; text is what is inside the quotes
	tPunct             // one ASCII punctuation character
	tOther             // any other character
)

type token struct {
	kind     tokenKind
	text     string
	off, end int // byte offsets in the value: [off, end)
}

// is reports whether t is the punctuation character c.
func (t token) is(c byte) bool { return t.kind == tPunct && t.text[0] == c }

// word returns t's text in lower case when t is a word, "" otherwise:
// opening_hours accepts "mo-fr" and "OFF" as well as "Mo-Fr" and "off".
func (t token) word() string {
	if t.kind != tWord {
		return ""
	}
	return strings.ToLower(t.text)
}

// lex splits s into tokens, skipping white space of any kind (the data has
// tabs and no-break spaces). The last token is always tEOF.
func lex(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		start := i
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case r == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				// Left for the parser to report in reading order.
				i += size
				toks = append(toks, token{tOther, s[start:i], start, i})
				continue
			}
			i += j + 2
			toks = append(toks, token{tComment, s[start+1 : i-1], start, i})
			continue
		case r >= '0' && r <= '9':
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			toks = append(toks, token{tNumber, s[start:i], start, i})
			continue
		case unicode.IsLetter(r):
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsLetter(r) {
					break
				}
				i += size
			}
			toks = append(toks, token{tWord, s[start:i], start, i})
			continue
		case r < utf8.RuneSelf && (unicode.IsPunct(r) || unicode.IsSymbol(r)):
			i += size
			toks = append(toks, token{tPunct, s[start:i], start, i})
			continue
		}
		i += size
		toks = append(toks, token{tOther, s[start:i], start, i})
	}
	return append(toks, token{kind: tEOF, off: len(s), end: len(s)})
}
