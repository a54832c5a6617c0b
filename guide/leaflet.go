package guide

import (
	"strings"

	"livret/texte"
)

// Leaflet is what a leaflet says besides its places. The sheet holds only
// a few places: the layout finds how many, and asks Rest for the words
// about the others.
type Leaflet struct {
	// Max is the most places the leaflet prints; 0 means as many as the
	// sheet holds.
	Max int
	// Nearest tells that the places come nearest first: the leaflet then
	// says it shows the nearest.
	Nearest bool
	// Places is how many places the selection holds, and Guide the title
	// of the guide that holds them all.
	Places int
	Guide  string
}

// leaflet writes the words of a leaflet of places.
func leaflet(g *Guide, places int, opt Options) Leaflet {
	return Leaflet{
		Max:     opt.Max,
		Nearest: opt.Nearest,
		Places:  places,
		Guide:   g.Title,
	}
}

// Rest says how many places of the selection the leaflet leaves out, when
// it prints shown of them, and where to find them all: the guide, the
// online map when there is one. It is nil when none is left out.
func (l Leaflet) Rest(shown int, withMap bool) []string {
	left := l.Places - shown
	if left <= 0 || shown < 0 {
		return nil
	}
	first := "Ce dépliant donne " + l.shown(shown)
	others, them := "il y en a "+texte.Number(left)+"\u00a0autres", "Vous les trouverez"
	if left == 1 {
		others, them = "il y en a un autre", "Vous le trouverez"
	}
	where := them + " dans le guide « " + strings.TrimSpace(l.Guide) + " »"
	if withMap {
		where += " et sur la carte en ligne\u00a0:"
	} else {
		where += "."
	}
	return []string{texte.Typography(first + " ; " + others + "."), texte.Typography(where)}
}

// Brief says the same as Rest in one short sentence, for a leaflet that
// prints only the name and phone of its places (A5, very large type):
// « Le lieu le plus proche ; les 12 autres sont sur la carte en ligne : ».
func (l Leaflet) Brief(shown int, withMap bool) []string {
	left := l.Places - shown
	if left <= 0 || shown < 0 {
		return nil
	}
	first := capitalFirst(l.shown(shown))
	others := "les " + texte.Number(left) + "\u00a0autres sont"
	if left == 1 {
		others = "l’autre est"
	}
	where := " sur la carte en ligne\u00a0:"
	if !withMap {
		where = " dans le guide « " + strings.TrimSpace(l.Guide) + " »."
	}
	return []string{texte.Typography(first + " ; " + others + where)}
}

// shown names the places a leaflet prints: « les 3 lieux les plus
// proches », « un lieu ».
func (l Leaflet) shown(n int) string {
	switch {
	case l.Nearest && n == 1:
		return "le lieu le plus proche"
	case l.Nearest:
		return "les " + texte.Number(n) + "\u00a0lieux les plus proches"
	case n == 1:
		return "un lieu"
	}
	return texte.Count(n, "lieu", "lieux")
}
