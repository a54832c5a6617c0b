package guide

import (
	"strings"
)

// shortName is the short form of the name of a commune or of a
// territory, for a running head where the whole does not hold (A5): the
// legal form of an intercommunality written as its initials, as the
// intercommunalities write it themselves (« Communauté de communes du
// Bazadais » → « CC du Bazadais »), and « Saint », « Sainte » in a
// compound name as La Poste and road signs write them (« Saint-Médard-en-
// Jalles » → « St-Médard-en-Jalles »). It is "" when the name has no
// shorter form.
func shortName(name string) string {
	s := name
	for _, f := range legalForms {
		if rest, ok := strings.CutPrefix(s, f.long+" "); ok {
			s = f.short + " " + rest
			break
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		word := s[i:]
		if j := strings.IndexAny(word, " -"); j >= 0 {
			word = word[:j]
		}
		switch {
		case word == "Saint" && i+len(word) < len(s):
			b.WriteString("St")
		case word == "Sainte" && i+len(word) < len(s):
			b.WriteString("Ste")
		default:
			b.WriteString(word)
		}
		i += len(word)
		if i < len(s) {
			b.WriteByte(s[i])
			i++
		}
	}
	if b.String() == name {
		return ""
	}
	return b.String()
}

// legalForms are the legal forms of intercommunalities and their
// initials.
var legalForms = []struct{ long, short string }{
	{"Communauté de communes", "CC"},
	{"Communauté d’agglomération", "CA"},
	{"Communauté urbaine", "CU"},
	{"Établissement public territorial", "EPT"},
}
