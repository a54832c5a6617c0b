package guide

import "strings"

// The titles of a guide's documents, as a reader's PDF viewer shows them
// and a screen reader reads them first.

// DocumentTitle is the title of the guide's PDF, and of its leaflet's:
// « Où se faire aider avec le numérique ? – Pessac ».
func (g *Guide) DocumentTitle() string {
	return ofTerritory(g.Wording.DocumentTitle, g.Territory, "titre", g.Title)
}

// BookletTitle is the title of the booklet imposed from the guide, to
// print on A4 sheets: « … – Pessac (livret à imprimer) ».
func (g *Guide) BookletTitle() string {
	return Fill(g.Wording.BookletTitle, "titre", g.DocumentTitle())
}

// SheetsTitle is the title of the PDF of one sheet a place: « Fiches des
// lieux – Pessac ».
func (g *Guide) SheetsTitle() string {
	return ofTerritory(g.Wording.SheetsTitle, g.Territory)
}

// ofTerritory fills phrase, its « {territoire} » with territory. A guide
// of a whole file has none: the placeholder goes then with the dash, the
// colon or the spaces that join it to the rest, so that nothing is left
// dangling (« Fiches des lieux – » is « Fiches des lieux »).
func ofTerritory(phrase, territory string, pairs ...string) string {
	const placeholder = "{territoire}"
	if i := strings.Index(phrase, placeholder); territory == "" && i >= 0 {
		before, after := phrase[:i], strings.TrimLeftFunc(phrase[i+len(placeholder):], isJoint)
		if after == "" {
			before = strings.TrimRightFunc(before, isJoint)
		}
		phrase = before + after
	}
	return Fill(phrase, append(pairs, "territoire", territory)...)
}

// isJoint tells whether r joins a placeholder to the rest of a title.
func isJoint(r rune) bool { return strings.ContainsRune(" \u00a0\u202f–—-:,", r) }
