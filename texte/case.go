package texte

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FixCase turns a name written in capitals into readable French case, and
// leaves any other text alone:
//
//	"MEDIATHEQUE DE SAINT-MEDARD" → "Médiathèque de Saint-Medard"
//	"CENTRE COMMUNAL D'ACTION SOCIALE" → "Centre communal d'action sociale"
//
// A text shouts when at least four letters in five are capitals. Then:
//   - the first word, and the first after "(", ":", "/" or a spaced dash,
//     takes a capital, and so does the noun after a leading article ("La
//     Maison de la solidarité");
//   - articles, prepositions and conjunctions (de, la, en, à, sur, d', l'…)
//     are in lower case, after a hyphen too ("Saint-Médard-en-Jalles");
//   - common nouns and adjectives of place names (centre, social, commune,
//     médiathèque…) are in lower case, as French writes names;
//   - other words are capitalised, after a hyphen or an apostrophe too;
//   - acronyms stay in capitals: listed ones (CCAS, MJC, CAF…), a short
//     word of five letters at most that stands alone at the head of a
//     name and is not in the lists of French words ("CIJ", "APIJE -
//     LUNEL"), words
//     without a vowel (CC, CHRS), letters with dots or spaces (C.C.A.S.,
//     "C I D F F"), Roman numerals, words with digits (MODE83, 3.0);
//   - words already in mixed case are kept.
//
// Accents lost by the capitals are not guessed. They come back only on the
// listed words whose unaccented spelling is not French (médiathèque, école,
// Général, Étienne; never cite or marche, which could be cité or marché), on
// "a", which becomes "à", and on the words of the known names given, such as
// the official name of the place's commune: with "Saint-Médard-en-Jalles"
// known, "SAINT-MEDARD" becomes "Saint-Médard".
//
// Punctuation is left as it is: apply Typography afterwards.
func FixCase(s string, known ...string) string {
	return fixCase(s, false, known)
}

// FixAddressCase is FixCase for a street address. The rules differ in two
// ways: the type of way after the house number is in lower case and spelled
// out ("12 BIS AV DE LA GARE" → "12 bis avenue de la Gare"), and the street
// name is a proper name, every word of which is capitalised ("place de la
// République", not "place de la république").
func FixAddressCase(s string, known ...string) string {
	return fixCase(s, true, known)
}

// shouts reports whether at least four letters in five are capitals.
func shouts(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper >= 2 && upper >= 4*lower
}

// token is a run of word characters (letters, digits, marks) or of others.
type token struct {
	text string
	word bool
}

func tokenize(s string) []token {
	var toks []token
	start := 0
	inWord := false
	for i, r := range s {
		w := isWordRune(r)
		if i > 0 && w != inWord {
			toks = append(toks, token{s[start:i], inWord})
			start = i
		}
		inWord = w
	}
	if start < len(s) {
		toks = append(toks, token{s[start:], inWord})
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// romanRE matches Roman numerals up to 39, enough for kings and districts.
var romanRE = regexp.MustCompile(`^X{0,3}(?:IX|IV|V?I{0,3})$`)

// caser holds the state of one FixCase call.
type caser struct {
	toks    []token
	address bool
	known   map[string]string // folded word → spelling, from known names
	out     strings.Builder

	skipSpace bool // the last word wrote the space that follows it
}

func fixCase(s string, address bool, known []string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !shouts(s) {
		return s
	}
	c := &caser{toks: tokenize(s), address: address, known: knownWords(known)}
	c.run()
	return c.out.String()
}

// knownWords maps the words of known names to their spelling, when it
// differs from the capitalised unaccented word: only those teach something.
func knownWords(names []string) map[string]string {
	m := make(map[string]string)
	for _, name := range names {
		for _, t := range tokenize(name) {
			if t.word && utf8.RuneCountInString(t.text) >= 3 && t.text != capitalize(Fold(t.text)) {
				m[Fold(t.text)] = t.text
			}
		}
	}
	return m
}

func (c *caser) run() {
	segStart := true // the next word opens a segment and takes a capital
	typePos := true  // address: the next word may be the type of way
	afterNumber := false
	for i := 0; i < len(c.toks); i++ {
		t := c.toks[i]
		if !t.word {
			c.out.WriteString(t.text)
			if opensSegment(t.text, c.address) {
				segStart, typePos, afterNumber = true, true, false
			}
			continue
		}
		key := Fold(t.text)
		switch {
		case c.address && typePos && isNumber(t.text):
			c.out.WriteString(t.text)
			afterNumber = true
			continue
		case c.address && isPostcode(t.text):
			// The commune follows: "13740 LE ROVE".
			c.out.WriteString(t.text)
			segStart = true
			continue
		case c.address && afterNumber && houseSuffixes[key] != "" && !c.elided(i):
			c.out.WriteString(houseSuffixes[key])
			continue
		case c.address && typePos && !c.elided(i):
			if n, way := c.streetType(i, key); n > 0 {
				if segStart && !afterNumber {
					way = capitalize(way)
				}
				c.out.WriteString(way)
				i += n - 1
				segStart, typePos, afterNumber = false, false, false
				continue
			}
		}
		c.out.WriteString(c.word(i, key, segStart))
		// After a leading article the noun takes a capital too: "La Maison
		// de la solidarité", "L'Atelier".
		segStart = segStart && (key == "le" || key == "la" || key == "les" || (key == "l" && c.elided(i)))
		typePos, afterNumber = false, false
		if c.skipSpace {
			c.skipSpace = false
			i++
		}
	}
}

// opensSegment reports separators after which a new phrase begins.
func opensSegment(sep string, address bool) bool {
	return strings.ContainsAny(sep, "(:/[") || strings.Contains(sep, " - ") ||
		strings.Contains(sep, " – ") || (address && strings.Contains(sep, ","))
}

// streetType recognises a type of way at token i, of one word or two
// ("ROND-POINT", "LIEU DIT"). It returns the number of tokens used and the
// type written out, or 0.
func (c *caser) streetType(i int, key string) (int, string) {
	if i+2 < len(c.toks) && c.toks[i+2].word && (c.toks[i+1].text == "-" || c.toks[i+1].text == " ") {
		if way, ok := streetTypes[key+" "+Fold(c.toks[i+2].text)]; ok {
			return 3, way
		}
	}
	if way, ok := streetTypes[key]; ok {
		return 1, way
	}
	return 0, ""
}

// word writes the word at token i in its right case.
func (c *caser) word(i int, key string, segStart bool) string {
	w := c.toks[i].text
	switch {
	case hasLower(w) || hasDigit(w):
		return w
	case utf8.RuneCountInString(w) == 1:
		return c.letter(i, key, segStart)
	case c.elided(i):
		if segStart {
			return capitalize(w)
		}
		return strings.ToLower(w)
	case acronyms[strings.ToUpper(key)] || romanRE.MatchString(w) || !hasVowel(key) && abbreviations[key] == "":
		return w
	case abbreviations[key] != "":
		return abbreviations[key]
	case c.known[key] != "":
		return c.known[key]
	}
	if small, ok := smallWords[key]; ok {
		if segStart {
			return capitalize(small)
		}
		return small
	}
	if common, ok := lookup(commonWords, key); ok {
		if segStart || c.address {
			return capitalize(common)
		}
		return common
	}
	if accented, ok := lookup(accentedWords, key); ok {
		return accented
	}
	if !c.address && c.first(i) && utf8.RuneCountInString(w) <= 5 && c.standsAlone(i) {
		// A short word that stands alone at the head of a name in
		// capitals and is no French word of the lists is an acronym:
		// "CIJ", "APIJE - LUNEL".
		return w
	}
	return capitalize(w)
}

// standsAlone reports whether the word at i ends the text or its first
// phrase: "CIJ", "APIJE - LUNEL", "ACPM (ATELIER…)".
func (c *caser) standsAlone(i int) bool {
	return i+1 == len(c.toks) || strings.TrimSpace(c.toks[i+1].text) == "" && i+2 == len(c.toks) ||
		strings.ContainsAny(c.toks[i+1].text, "(:") || strings.Contains(c.toks[i+1].text, " - ") || strings.Contains(c.toks[i+1].text, " – ")
}

// first reports whether token i is the first word of the text.
func (c *caser) first(i int) bool {
	for _, t := range c.toks[:i] {
		if t.word {
			return false
		}
	}
	return true
}

// letter writes a word of one letter: an initial or part of a spelled-out
// acronym stays, an elided article goes to lower case, and "A" standing
// alone becomes "à". "L HOTEL" and "D ALFORTVILLE", whose apostrophe was
// lost, get it back: "l'Hotel", "d'Alfortville".
func (c *caser) letter(i int, key string, segStart bool) string {
	w := c.toks[i].text
	var small string
	switch {
	case i+1 < len(c.toks) && strings.HasPrefix(c.toks[i+1].text, "."):
		return w // "C.C.A.S.", "J. MOULIN"
	case c.spelled(i):
		return w // "C I D F F"
	case c.elided(i):
		small = strings.ToLower(w)
	case (key == "l" || key == "d") && c.beforeVowel(i):
		small = strings.ToLower(w) + "'"
		c.skipSpace = true
	case key == "a" && (i+1 == len(c.toks) || startsWithSpace(c.toks[i+1].text)):
		small = "à"
	default:
		return w
	}
	if segStart {
		return capitalize(small)
	}
	return small
}

// beforeVowel reports whether the word at i is followed by one space and a
// word beginning with a vowel or an h.
func (c *caser) beforeVowel(i int) bool {
	if i+2 >= len(c.toks) || c.toks[i+1].text != " " || !c.toks[i+2].word {
		return false
	}
	return strings.ContainsAny(Fold(c.toks[i+2].text)[:1], "aeiouyh")
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// spelled reports whether the one-letter word at i stands among other
// one-letter words separated by single spaces.
func (c *caser) spelled(i int) bool {
	single := func(j int) bool {
		return j >= 0 && j < len(c.toks) && c.toks[j].word && utf8.RuneCountInString(c.toks[j].text) == 1
	}
	return (single(i-2) && c.toks[i-1].text == " ") || (single(i+2) && c.toks[i+1].text == " ")
}

// elided reports whether the word at i is an elided article or pronoun,
// followed by an apostrophe: "D'", "L’", "QU'".
func (c *caser) elided(i int) bool { return elisionBefore(c.toks, i) }

// lookup finds a word in a list, or its singular for a plural in -s.
func lookup(list map[string]string, key string) (string, bool) {
	if w, ok := list[key]; ok {
		return w, true
	}
	if stem, ok := strings.CutSuffix(key, "s"); ok {
		if w, ok := list[stem]; ok && !strings.HasSuffix(w, "s") {
			return w + "s", true
		}
	}
	return "", false
}

// capitalize writes w with a capital first letter and the rest in lower
// case.
func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToTitle(r)) + strings.ToLower(w[n:])
}

func isPostcode(w string) bool {
	return len(w) == 5 && strings.Trim(w, "0123456789") == ""
}

func isNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

func hasLower(w string) bool { return strings.IndexFunc(w, unicode.IsLower) >= 0 }

func hasDigit(w string) bool { return strings.IndexFunc(w, unicode.IsDigit) >= 0 }

func hasVowel(key string) bool { return strings.ContainsAny(key, "aeiouy") }
