package telephone

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minDigits is the fewest digits a long number has: New Caledonia and
// Wallis-and-Futuna write six. A group with fewer digits that follows a long
// number is an extension or a remark ("poste 429 ou 430"), not a number.
const minDigits = 6

// split cuts a cell into the pieces that each hold one number, with the words
// that go with it. Numbers are separated by "/", ";", "|", a line break, a
// comma not between digits, the words "ou" and "et", or a spaced dash.
// Separators inside parentheses do not count: "(poste 311 et 153)" stays
// with its number. Blank pieces are dropped.
func split(cell string) []string {
	type span struct{ start, end int }
	var spans []span
	depth, start := 0, 0
	cut := func(end, next int) {
		spans = append(spans, span{start, end})
		start = next
	}
	for i := 0; i < len(cell); {
		r, size := utf8.DecodeRuneInString(cell[i:])
		switch {
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case strings.ContainsRune("/;|\n\r", r):
			cut(i, i+size)
		case r == ',' && !(i > 0 && isDigit(cell[i-1]) && i+1 < len(cell) && isDigit(cell[i+1])):
			cut(i, i+size)
		case unicode.IsSpace(r):
			if n := wordSeparator(cell[i:]); n > 0 {
				cut(i, i+n)
				i += n
				continue
			}
		}
		i += size
	}
	spans = append(spans, span{start, len(cell)})

	// Merge a remark into the number before it, and drop blank pieces.
	var kept []span
	for _, s := range spans {
		text := cell[s.start:s.end]
		if strings.TrimFunc(text, isFiller) == "" {
			continue
		}
		if k := len(kept); k > 0 {
			prev := cell[kept[k-1].start:kept[k-1].end]
			if n := countDigits(text); n == 0 || (n < minDigits && countDigits(prev) >= minDigits) {
				kept[k-1].end = s.end
				continue
			}
		}
		kept = append(kept, s)
	}
	pieces := make([]string, len(kept))
	for i, s := range kept {
		pieces[i] = cell[s.start:s.end]
	}
	return pieces
}

// wordSeparator returns the length of the separator that s starts with: a
// space followed by "ou", "et" or a dash, then a space. It returns 0 if s
// does not start with one.
func wordSeparator(s string) int {
	j := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	rest := s[j:]
	var w int
	switch {
	case len(rest) >= 2 && (strings.EqualFold(rest[:2], "ou") || strings.EqualFold(rest[:2], "et")):
		w = 2
	case strings.HasPrefix(rest, "-"):
		w = 1
	case strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "—"):
		w = len("–")
	default:
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(rest[w:]); !unicode.IsSpace(r) {
		return 0
	}
	return j + w
}

// runRE matches a written number: digits with at most one separator between
// them, an optional "+" and parenthesised groups such as "(0)".
var runRE = regexp.MustCompile(`\+? ?(?:\(\d{1,4}\)[ .\-]?)?\d(?:[ .\-]?(?:\d|\(\d{1,4}\)))*`)

// locate finds the written number of a piece, cleaned by cleanSpaces: the
// run with the most digits. It returns its bounds, or nil.
func locate(text string) []int {
	var best []int
	most := 0
	for _, loc := range runRE.FindAllStringIndex(text, -1) {
		if n := countDigits(text[loc[0]:loc[1]]); n > most {
			best, most = loc, n
		}
	}
	return best
}

// labelRE matches the labels that announce a number and add nothing to it.
var labelRE = regexp.MustCompile(`(?i)^(?:t|tel|tél|tél[ée]phone|telephone|phone)\.?$`)

// note builds the remark that came with a number from the text before and
// after it: "Tél. :" is dropped, "(poste 311 et 153)" loses its parentheses.
func note(before, after string) string {
	b, a := trimNote(before), trimNote(after)
	if labelRE.MatchString(b) {
		b = ""
	}
	switch {
	case b == "":
		return a
	case a == "":
		return b
	}
	return b + ", " + a
}

// trimNote removes the punctuation around a remark, and parentheses that
// enclose all of it or are left unmatched.
func trimNote(s string) string {
	for {
		t := strings.Trim(s, " :;,.-–—/|")
		if strings.Count(t, "(") != strings.Count(t, ")") {
			t = strings.Trim(t, "()[] ")
		}
		if len(t) >= 2 && t[0] == '(' && t[len(t)-1] == ')' && balanced(t[1:len(t)-1]) {
			t = t[1 : len(t)-1]
		}
		if t == s {
			return t
		}
		s = t
	}
}

// balanced reports whether every parenthesis of s is closed in order.
func balanced(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// cleanSpaces turns every run of spaces (no-break ones included) and control
// characters into one space, and trims the ends.
func cleanSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// keepTogether replaces the spaces between two digits by no-break spaces, so
// that a number printed as given does not break across lines.
func keepTogether(s string) string {
	b := []byte(s)
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' && i > 0 && i+1 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]) {
			out.WriteString(nbsp)
			continue
		}
		out.WriteByte(b[i])
	}
	return out.String()
}

// isFiller reports runes that do not make a piece worth keeping on their own.
func isFiller(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsControl(r) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func onlyDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
