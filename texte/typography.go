package texte

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"livret/internal/memo"
)

// protectedRE matches what typography must not touch: web addresses and
// e-mail addresses. Trailing punctuation is left out of a web address, since
// it belongs to the sentence.
var protectedRE = regexp.MustCompile(`(?i)(?:\b(?:https?://|ftp://|mailto:|www\.)[^\s\p{Z}<>«»"]*[^\s\p{Z}<>«»".,;:!?)\]']|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`)

// Typography applies French typographic rules to a text meant for print:
//
//   - a straight apostrophe between two letters becomes ’ ("l'école" gives
//     "l’école");
//   - "..." becomes …;
//   - quotes become « » with no-break spaces inside, when they clearly are
//     quotes: pairs of "…" that open after a space and close before one,
//     “…”, and <<…>>; a text whose quotes do not pair up is left alone;
//   - a narrow no-break space (U+202F) goes before ; ! and ?, a no-break
//     space (U+00A0) before : — replacing any space that was there;
//   - no space before , . and …;
//   - a no-break space between a number and € or %.
//
// Web and e-mail addresses are left untouched, and so are times ("09:00"),
// decimal numbers ("3.0") and the start of a line ("? Aide"). Typography
// keeps line breaks; applying it twice gives the same text as once.
func Typography(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !strings.ContainsAny(s, ruleChars) {
		return s // most names and many lines: nothing the rules change
	}
	if len(s) > typesetLen {
		return applyRules(s)
	}
	return typeset.Get(s, func() string { return applyRules(s) })
}

// typeset remembers the short texts the rules were applied to: the same
// lines of hours, services and details come back in thousands of places.
// A description, seldom repeated, is not kept.
var typeset = memo.New[string, string](1 << 16)

const typesetLen = 200

// applyRules applies the rules of Typography to valid UTF-8.
func applyRules(s string) string {
	t := newRunes(s)
	t.ellipses()
	t.apostrophes()
	t.quotes()
	t.spaceGuillemets()
	t.spacePunctuation()
	return string(t.r)
}

// runes is a text being typeset: its characters and, for each, whether it
// is protected from change.
type runes struct {
	r    []rune
	keep []bool
}

// ruleChars holds every character a rule of Typography changes or looks
// at before changing what is around it: a text without any is left as it
// is.
const ruleChars = ".'`´ʼ<>“”\"«»;!?:€%,…"

func newRunes(s string) *runes {
	t := &runes{r: []rune(s)}
	t.keep = make([]bool, len(t.r))
	if !mayProtect(s) {
		return t
	}
	byteAt, runeAt := 0, 0 // a byte offset of s and its rune index
	for _, loc := range protectedRE.FindAllStringIndex(s, -1) {
		start := runeAt + utf8.RuneCountInString(s[byteAt:loc[0]])
		end := start + utf8.RuneCountInString(s[loc[0]:loc[1]])
		for i := start; i < end; i++ {
			t.keep[i] = true
		}
		byteAt, runeAt = loc[1], end
	}
	return t
}

// rebuild lets f write a new text rune by rune; f calls add for each.
func (t *runes) rebuild(f func(add func(r rune, keep bool))) {
	r := make([]rune, 0, len(t.r))
	keep := make([]bool, 0, len(t.r))
	f(func(c rune, k bool) {
		r = append(r, c)
		keep = append(keep, k)
	})
	t.r, t.keep = r, keep
}

// free reports whether the rune at i exists and may be changed.
func (t *runes) free(i int) bool { return i >= 0 && i < len(t.r) && !t.keep[i] }

func (t *runes) at(i int) rune {
	if i < 0 || i >= len(t.r) {
		return 0
	}
	return t.r[i]
}

// ellipses turns runs of three dots or more into "…".
func (t *runes) ellipses() {
	t.rebuild(func(add func(rune, bool)) {
		for i := 0; i < len(t.r); i++ {
			if t.r[i] == '.' && t.free(i) {
				j := i
				for j < len(t.r) && t.r[j] == '.' && t.free(j) {
					j++
				}
				if j-i >= 3 {
					add('…', false)
					i = j - 1
					continue
				}
			}
			add(t.r[i], t.keep[i])
		}
	})
}

// apostrophes turns a straight or grave apostrophe after a letter into ’:
// "l'école", "Clic' & Ressources". One after a letter that closes a
// 'quoted' word is left alone.
func (t *runes) apostrophes() {
	open := false // a quote opened by ' before a letter is pending
	for i, c := range t.r {
		if (c != '\'' && c != '`' && c != '´' && c != 'ʼ') || !t.free(i) {
			continue
		}
		before, after := unicode.IsLetter(t.at(i-1)), unicode.IsLetter(t.at(i+1))
		switch {
		case before && after:
			t.r[i] = '’'
		case before && !open:
			t.r[i] = '’'
		case before:
			open = false
		case after:
			open = true
		}
	}
}

// quotes turns pairs of quotes into « ».
func (t *runes) quotes() {
	t.doubleAngles()
	t.pairs('“', '”')
	t.straightQuotes()
}

// pairs replaces open…close pairs by « », if they alternate properly.
func (t *runes) pairs(open, close rune) {
	var at []int
	depth := 0
	for i, c := range t.r {
		if !t.free(i) || (c != open && c != close) {
			continue
		}
		if (c == open) != (depth == 0) {
			return
		}
		depth = 1 - depth
		at = append(at, i)
	}
	if depth != 0 {
		return
	}
	for k, i := range at {
		t.r[i] = '«'
		if k%2 == 1 {
			t.r[i] = '»'
		}
	}
}

// doubleAngles turns << and >> into “ and ”, for pairs to finish, when
// they are as many.
func (t *runes) doubleAngles() {
	s := string(t.r)
	if !strings.Contains(s, "<<") || strings.Count(s, "<<") != strings.Count(s, ">>") {
		return
	}
	t.rebuild(func(add func(rune, bool)) {
		for i := 0; i < len(t.r); i++ {
			c := t.r[i]
			if (c == '<' || c == '>') && t.at(i+1) == c && t.free(i) && t.free(i+1) {
				if c == '<' {
					add('“', false)
				} else {
					add('”', false)
				}
				i++
				continue
			}
			add(c, t.keep[i])
		}
	})
}

// straightQuotes turns pairs of " into « » when every " opens after a space
// or an opening bracket and before a letter, or closes after a non-space
// and before a space or punctuation, alternately.
func (t *runes) straightQuotes() {
	var at []int
	for i, c := range t.r {
		if c != '"' || !t.free(i) {
			continue
		}
		before, after := t.at(i-1), t.at(i+1)
		if len(at)%2 == 0 {
			if !(before == 0 || unicode.IsSpace(before) || strings.ContainsRune("([‘’'", before)) || after == 0 || unicode.IsSpace(after) {
				return
			}
		} else if before == 0 || unicode.IsSpace(before) || !(after == 0 || unicode.IsSpace(after) || unicode.IsPunct(after)) {
			return
		}
		at = append(at, i)
	}
	if len(at)%2 != 0 {
		return
	}
	for k, i := range at {
		t.r[i] = '«'
		if k%2 == 1 {
			t.r[i] = '»'
		}
	}
}

// spaceGuillemets puts one no-break space inside « and ».
func (t *runes) spaceGuillemets() {
	t.rebuild(func(add func(rune, bool)) {
		for i := 0; i < len(t.r); i++ {
			c := t.r[i]
			switch {
			case c == '«' && t.free(i):
				add(c, false)
				j := t.skipSpaces(i+1, 1)
				if j < len(t.r) && t.r[j] != '\n' && t.r[j] != '»' {
					add(nbsp, false)
				}
				i = j - 1
			case c == '»' && t.free(i):
				// Spaces before it were dropped when they were met.
				if p := t.skipSpaces(i-1, -1); p >= 0 && t.r[p] != '«' && t.r[p] != '\n' {
					add(nbsp, false)
				}
				add(c, false)
			case isHSpace(c):
				// Spaces before » are dropped: it writes its own.
				j := t.skipSpaces(i, 1)
				if t.at(j) != '»' || !t.free(j) {
					for k := i; k < j; k++ {
						add(t.r[k], t.keep[k])
					}
				}
				i = j - 1
			default:
				add(c, t.keep[i])
			}
		}
	})
}

// spacePunctuation writes the right space before ; ! ? : € % and none
// before , . ….
func (t *runes) spacePunctuation() {
	t.rebuild(func(add func(rune, bool)) {
		pending := 0 // free spaces met and not yet written
		for i := 0; i < len(t.r); i++ {
			c := t.r[i]
			if isHSpace(c) && t.free(i) {
				pending++
				continue
			}
			if space, decided := t.spaceBefore(i, pending); !decided {
				t.flushSpaces(i, pending, add)
			} else if space != 0 {
				add(space, false)
			}
			pending = 0
			add(c, t.keep[i])
		}
		t.flushSpaces(len(t.r), pending, add)
	})
}

// flushSpaces writes unchanged the n spaces that precede index i.
func (t *runes) flushSpaces(i, n int, add func(rune, bool)) {
	for k := i - n; k < i; k++ {
		add(t.r[k], t.keep[k])
	}
}

// spaceBefore decides the space that goes before the rune at i, preceded by
// n spaces. decided is false when the spaces stay as they are; otherwise
// space is the one to write, or 0 for none.
func (t *runes) spaceBefore(i, n int) (space rune, decided bool) {
	c := t.r[i]
	if !t.free(i) {
		return 0, false
	}
	prev := t.at(i - n - 1)
	if prev == 0 || prev == '\n' {
		return 0, false // start of a line
	}
	switch c {
	case ';', '!', '?', ':':
		if strings.ContainsRune(";!?:", prev) && n == 0 {
			return 0, false // "?!", "!!": one space before the run
		}
		if strings.ContainsRune("([«", prev) {
			return 0, false
		}
		next := t.at(i + 1)
		if c == ':' && n == 0 && unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return 0, false // a time, "09:00"
		}
		if (c == ':' || c == ';') && n == 0 && (next == ')' || next == '(' || next == '/') {
			return 0, false // ":)" and "http:/" left as found
		}
		if c == ':' {
			return nbsp, true
		}
		return nnbsp, true
	case '€', '%':
		if n > 0 && unicode.IsDigit(prev) {
			return nbsp, true // "3,50 €" stays on one line
		}
	case ',', '.', '…':
		if n == 0 {
			return 0, false
		}
		next := t.at(i + 1)
		if next == 0 || unicode.IsSpace(next) || c == '…' || (c == ',' && !unicode.IsDigit(next)) {
			return 0, true
		}
	}
	return 0, false
}

// skipSpaces returns the first index from i, going in direction step, that
// is not a horizontal space.
func (t *runes) skipSpaces(i, step int) int {
	for i >= 0 && i < len(t.r) && isHSpace(t.r[i]) {
		i += step
	}
	return i
}

// isHSpace reports spaces that are not line breaks.
func isHSpace(r rune) bool { return r != '\n' && r != '\r' && unicode.IsSpace(r) }

// mayProtect reports whether s may hold what protectedRE matches: a web
// address begins with "://", "mailto:" or "www.", an e-mail address holds
// "@". The expression is slow, and most texts hold none.
func mayProtect(s string) bool {
	if strings.Contains(s, "@") || strings.Contains(s, "://") {
		return true
	}
	for i := 0; i+4 <= len(s); i++ {
		switch s[i] {
		case 'w', 'W':
			if strings.EqualFold(s[i:i+4], "www.") {
				return true
			}
		case 'm', 'M':
			if i+7 <= len(s) && strings.EqualFold(s[i:i+7], "mailto:") {
				return true
			}
		}
	}
	return false
}
