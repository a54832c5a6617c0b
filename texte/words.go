package texte

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FixCapitalWords puts in readable case the words in capitals inside a
// name that is otherwise in mixed case, when they are known to be words and
// not acronyms: "Mairie de MARSEILLAN" → "Mairie de Marseillan" with the
// commune known, "Médiathèque EMILE ZOLA" → "Médiathèque Émile Zola". A run
// of capital words is rewritten only when one of its words is a French word
// of the lexicon or a word of the known names; otherwise it may be an
// acronym ("Espace Cornu MSA") and is kept. A name that shouts as a whole
// is left as it is, for FixCase.
func FixCapitalWords(s string, known ...string) string {
	if shouts(s) {
		return s
	}
	return fixWords(s, false, known)
}

// FixAddressWords is FixCapitalWords for a street address, which also gets
// one convention for the type of way: in lower case after the house number,
// abbreviations spelled out ("12 Bd Gambetta" → "12 boulevard Gambetta",
// "32 Bis r Liberté" → "32 bis rue Liberté", "Av." → "avenue"), and proper
// names of the street capitalised ("48 Avenue marcel delprat" → "48 avenue
// Marcel Delprat"), as are the titles "Gal", "Mal" and "Pdt" spelled out
// ("Général", "Maréchal", "Président"). An address that shouts as a whole
// is left as it is, for FixAddressCase.
func FixAddressWords(s string, known ...string) string {
	if shouts(s) {
		return s
	}
	return fixWords(s, true, known)
}

// titles are abbreviated titles of street names.
var titles = map[string]string{"gal": "Général", "mal": "Maréchal", "pdt": "Président", "cdt": "Commandant"}

func fixWords(s string, address bool, known []string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	toks := tokenize(s)
	names := map[string]string{}
	whole := map[string]string{} // folded known name → its spelling
	for _, n := range known {
		if n == "" || shouts(n) {
			continue // a name in capitals teaches nothing
		}
		whole[Fold(n)] = n
		for _, t := range tokenize(n) {
			if t.word && utf8.RuneCountInString(t.text) >= 3 {
				names[Fold(t.text)] = t.text
			}
		}
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	fixRuns(toks, out, names, whole, address)
	if address {
		fixStreet(toks, out)
	}
	return strings.Join(out, "")
}

// capitalWord reports a word of two letters or more, all in capitals.
func capitalWord(t token) bool {
	return t.word && utf8.RuneCountInString(t.text) >= 2 && !hasLower(t.text) && !hasDigit(t.text)
}

// fixRuns rewrites the runs of capital words that hold a known word: a
// run of one word only when it is a known name or a proper name of the
// lexicon ("Association AIDES" stays).
func fixRuns(toks []token, out []string, names, whole map[string]string, address bool) {
	for i := 0; i < len(toks); i++ {
		if !capitalWord(toks[i]) {
			continue
		}
		run := []int{i}
		j := i
		for j+2 < len(toks) && isJoiner(toks[j+1].text) && capitalWord(toks[j+2]) {
			j += 2
			run = append(run, j)
		}
		i = j
		done := knownNames(toks, out, run, whole)
		knownRun := false
		for _, k := range run {
			key := Fold(toks[k].text)
			_, proper := lookup(accentedWords, key)
			knownRun = knownRun || names[key] != "" || proper || len(run) > 1 && lexiconWord(key, names)
		}
		if !knownRun {
			continue
		}
		for n, k := range run {
			if !done[k] {
				out[k] = recase(toks, k, names, address, n == 0 && segmentStart(toks, k))
			}
		}
		// "POUR L'INSERTION" → "pour l'insertion".
		if k := run[0]; k >= 2 && (toks[k-1].text == "'" || toks[k-1].text == "’") && elisions[Fold(toks[k-2].text)] &&
			!segmentStart(toks, k-2) && !hasLower(toks[k-2].text) {
			out[k-2] = strings.ToLower(toks[k-2].text)
		}
	}
}

// knownNames writes the known names of two words or more found in a run
// of capital words ("DE LE HAVRE" → "de Le Havre") and returns the tokens
// written.
func knownNames(toks []token, out []string, run []int, whole map[string]string) map[int]bool {
	done := map[int]bool{}
	for a := 0; a < len(run); a++ {
		for b := len(run) - 1; b > a; b-- {
			var text strings.Builder
			for k := run[a]; k <= run[b]; k++ {
				text.WriteString(toks[k].text)
			}
			n, ok := whole[Fold(text.String())]
			if !ok {
				continue
			}
			out[run[a]] = n
			done[run[a]] = true
			for k := run[a] + 1; k <= run[b]; k++ {
				out[k], done[k] = "", true
			}
			a = b
			break
		}
	}
	return done
}

func isJoiner(sep string) bool { return sep == " " || sep == "-" || sep == "'" || sep == "’" }

// lexiconWord reports a French word of the lexicon or of the known names.
func lexiconWord(key string, names map[string]string) bool {
	if acronyms[strings.ToUpper(key)] {
		return false
	}
	if _, ok := names[key]; ok {
		return true
	}
	if _, ok := lookup(commonWords, key); ok {
		return true
	}
	if _, ok := lookup(accentedWords, key); ok {
		return true
	}
	_, ok := streetTypes[key]
	return ok && len(key) > 2
}

// recase writes the capital word at k in its right case.
func recase(toks []token, k int, names map[string]string, address, first bool) string {
	w := toks[k].text
	key := Fold(w)
	switch {
	case acronyms[strings.ToUpper(key)] || romanRE.MatchString(w) || !hasVowel(key):
		return w
	case names[key] != "":
		return names[key]
	}
	if small, ok := smallWords[key]; ok && !first {
		return small
	}
	if common, ok := lookup(commonWords, key); ok {
		if first || address {
			return capitalize(common)
		}
		return common
	}
	if accented, ok := lookup(accentedWords, key); ok {
		return accented
	}
	if k+1 < len(toks) && (toks[k+1].text == "'" || toks[k+1].text == "’") && elisions[key] && !first {
		return strings.ToLower(w)
	}
	return capitalize(w)
}

// segmentStart reports a word that begins the text or follows a separator
// after which a new phrase begins.
func segmentStart(toks []token, k int) bool {
	return k == 0 || (k == 1 && strings.TrimSpace(toks[0].text) == "") || opensSegment(toks[k-1].text, false)
}

// fixStreet writes the type of way and the street name of each part of an
// address (parts are separated by commas): "12 Bis Av. de la gare" → "12
// bis avenue de la Gare".
func fixStreet(toks []token, out []string) {
	start := true // at the start of a part
	number := false
	inName := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.word {
			if strings.Contains(t.text, ",") && !(start && number) { // "34, rue…" goes on
				start, number, inName = true, false, false
			}
			continue
		}
		key := Fold(t.text)
		switch {
		case isPostcode(t.text):
			return // the commune follows
		case start && isNumber(t.text):
			number = true
			continue
		case number && houseSuffixes[key] != "" && start:
			out[i] = houseSuffixes[key]
			continue
		case start:
			start = false
			way, ok := streetTypes[key]
			if !ok || (key == "qu" || key == "pas" || key == "lot") && !number {
				continue
			}
			if !number {
				way = capitalize(way)
			}
			out[i] = way
			if i+1 < len(toks) && strings.HasPrefix(toks[i+1].text, ".") && way != key {
				out[i+1] = strings.TrimPrefix(toks[i+1].text, ".")
				if out[i+1] == "" {
					out[i+1] = " "
				}
			}
			inName = true
			continue
		}
		if !inName {
			continue
		}
		if title, ok := titles[key]; ok && i+2 < len(toks) && toks[i+1].text == " " {
			out[i] = title
			continue
		}
		if _, small := smallWords[key]; small || hasDigit(t.text) || elisionBefore(toks, i) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(out[i]); unicode.IsLower(r) && out[i] == strings.ToLower(out[i]) {
			out[i] = capitalize(out[i])
		}
	}
}

// elisionBefore reports an elided article or pronoun followed by its
// apostrophe: "D'", "l’", "QU'".
func elisionBefore(toks []token, i int) bool {
	if i+1 >= len(toks) || !elisions[Fold(toks[i].text)] {
		return false
	}
	next, _ := utf8.DecodeRuneInString(toks[i+1].text)
	return next == '\'' || next == '’' || next == '`' || next == '´'
}
