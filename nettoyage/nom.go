package nettoyage

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"livret/texte"
)

// codePrefixes are the internal codes some sources put before names: the
// programme (AG_CHRS_, AG_MR_, ALT for « aide au logement temporaire »)
// or a département and a kind ("72-RS-", "04-").
var codePrefixes = []*regexp.Regexp{
	regexp.MustCompile(`^(?i:AG_(?:ALT|CHRS|MR)_)`),
	regexp.MustCompile(`^(?i:ALT)(?:\s*-\s*|_|\s+)`),
	regexp.MustCompile(`^\d{2,3}\s*-\s*(?:[A-Z]{2,3}\s*-\s*)?`),
}

// readableName strips the code prefixes of a name and turns the
// underscores and run-together words of a code into words:
// "AG_CHRS_CCASGrenoble_HenriTarze" → "CCAS Grenoble Henri Tarze". unsure
// reports a name that would not read as words once stripped ("HetH"): it
// is then kept as it is.
func readableName(name string) (out string, unsure bool) {
	s := name
	for changed := true; changed; {
		changed = false
		for _, re := range codePrefixes {
			if loc := re.FindStringIndex(s); loc != nil && loc[1] < len(s) {
				s = s[loc[1]:]
				changed = true
			}
		}
	}
	if strings.Contains(name, "_") {
		var words []string
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' }) {
			parts := splitCamel(w)
			for _, p := range parts {
				if len(parts) > 1 && utf8.RuneCountInString(p) == 1 {
					return name, true // "HetH": not words
				}
			}
			words = append(words, parts...)
		}
		s = strings.Join(words, " ")
	}
	s = strings.TrimSpace(s)
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return name, s != name
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) && s != name {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s, false
}

// splitCamel splits words run together in a code: "CCASGrenoble" →
// "CCAS", "Grenoble"; "BonsEnfants" → "Bons", "Enfants".
func splitCamel(w string) []string {
	rs := []rune(w)
	var parts []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if unicode.IsLower(prev) && unicode.IsUpper(cur) || unicode.IsUpper(prev) && unicode.IsUpper(cur) && unicode.IsLower(next) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}

var codeLike = regexp.MustCompile(`_|^\d{2,3}\s*-|^(?i:AG|ALT)[_ -]`)

// LooksLikeCode reports a name that still reads as an internal code:
// underscores, a département number or a programme code at its head. The
// agent should give such a place a name readers know.
func LooksLikeCode(name string) bool { return codeLike.MatchString(name) }

// placeRE finds a postcode and what follows it at the end of a text.
var placeRE = regexp.MustCompile(`^(.*?[^\s,;/–—-])[\s,;/–—-]*\b(\d{5})\b[\s,;/–—-]*([^0-9]*)$`)

// dropPlace removes the postcode and commune repeated at the end of a
// street line or a name, printed on their own line already: "9 boulevard
// Léon Blum 16800 SOYAUX" → "9 boulevard Léon Blum". Only the place's own
// postcode is removed, followed by nothing but a commune name (of at most
// six words, possibly misspelled: "St Yriieix"); inside a name, the
// commune must be the place's.
func dropPlace(s, postcode string) string {
	m := placeRE.FindStringSubmatch(s)
	if m == nil || postcode == "" || m[2] != postcode {
		return s
	}
	rest := strings.TrimSpace(m[3])
	if len(strings.Fields(rest)) > 6 {
		return s
	}
	return m[1]
}

// dropPlaceFromName is dropPlace for a name, which must end with the
// place's commune.
func dropPlaceFromName(s, postcode string, communes []string) string {
	m := placeRE.FindStringSubmatch(s)
	if m == nil || postcode == "" || m[2] != postcode {
		return s
	}
	rest := texte.Fold(m[3])
	for _, c := range communes {
		if c != "" && rest == texte.Fold(c) {
			return m[1]
		}
	}
	return s
}

var (
	dashesRE   = regexp.MustCompile(`\s*-{2,}\s*`)
	bracketsRE = regexp.MustCompile(`\[\s*([^\[\]]*?)\s*\]`)
	emptyRE    = regexp.MustCompile(`\(\s*\)|\[\s*\]`)
	commasRE   = regexp.MustCompile(`\s*,(?:\s*,)+`)
	spaceComma = regexp.MustCompile(`\s+,`)
	// elided is an elided article or pronoun set apart from its word:
	// "L' Arche", "rue d' Endoume".
	elided = regexp.MustCompile(`\b((?i:qu|jusqu|lorsqu|puisqu|[cdjlmnst]))(['’])\s+(\pL)`)
)

// tidyPunctuation removes stray punctuation: runs of dashes ("de
// l'Union---16710" → "de l'Union - 16710"), square brackets around a part
// ("Bus France Services - [Place de la mairie]"), empty brackets, repeated
// commas, dashes or commas at either end, and the space after an elided
// article ("L' Arche" → "L'Arche"). Each expression runs only on a string
// holding what it must match: most names and addresses have no bracket,
// no run of dashes, no comma.
func tidyPunctuation(s string) string {
	if strings.ContainsAny(s, "'’") {
		s = elided.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "--") {
		s = dashesRE.ReplaceAllString(s, " - ")
	}
	if strings.IndexByte(s, '[') >= 0 {
		s = bracketsRE.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "([") {
		s = emptyRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = commasRE.ReplaceAllString(s, ",")
		s = spaceComma.ReplaceAllString(s, ",")
	}
	s = strings.Trim(s, " -–—,;/|")
	return strings.Join(strings.Fields(s), " ")
}
