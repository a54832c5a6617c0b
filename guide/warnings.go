package guide

import (
	"fmt"
	"strings"

	"livret/texte"
)

// The warnings the layout gives the maker while it lays out a guide: the
// layout writes no word of its own (TestNoWordsInLayout), so they are
// written here, in French typography: a no-break space before « : », a
// narrow one before « ; », no-break spaces inside « ».

// SplitWarning says that the entry of the place called name continues on
// the next page: taller tells whether it is taller than a page alone, or
// holds on one but not under the heading that must stay with it; a4
// tells whether the guide is already A4, which leaves only a smaller
// type to advise.
func SplitWarning(name string, taller, a4 bool) string {
	why := "ne tient pas sur une page avec le titre qui la précède"
	if taller {
		why = "est plus haute qu’une page"
	}
	advice := "choisissez le format A4 ou une taille de texte plus petite pour l’éviter"
	if a4 {
		advice = "choisissez une taille de texte plus petite pour l’éviter"
	}
	return "la fiche d’un lieu " + why + "\u00a0: elle continue sur la page suivante («\u00a0" + name + "\u00a0»)\u202f; " + advice
}

// QRWarning says that an address is too long for a QR code; mapQR that
// it is the online map's, on a leaflet.
func QRWarning(url string, mapQR bool) string {
	if mapQR {
		return "adresse de la carte trop longue pour un code QR\u00a0: " + url
	}
	return "adresse trop longue pour un code QR\u00a0: " + url
}

// LogoWarning says that the publisher's logo cannot be read.
const LogoWarning = "logo illisible\u00a0: il n’est pas imprimé"

// GlyphsWarning says that the font called font lacks the characters
// chars, each given as « x » (U+0078), which are printed « ? ».
func GlyphsWarning(font string, chars []rune) string {
	var b strings.Builder
	for i, r := range chars {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "«\u00a0%c\u00a0» (U+%04X)", r, r)
	}
	return "caractères absents de la police " + font + ", imprimés «\u00a0?\u00a0»\u00a0: " + b.String()
}

// CrowdedWarning says that the map markers numbered numbers, out of the
// count on the maps that have them, are drawn over others: there was no
// room to set them apart. Past five, it gives the first three and
// advises a smaller territory.
func CrowdedWarning(numbers []string, count int) string {
	switch {
	case len(numbers) == 1:
		return "carte\u00a0: pas de place pour le repère " + numbers[0] + "\u202f; il en chevauche un autre"
	case len(numbers) <= 5:
		return "carte\u00a0: pas de place pour les repères " + texte.Enumerate(numbers) + "\u202f; ils en chevauchent d’autres"
	}
	return "carte\u00a0: pas de place pour " + texte.Number(len(numbers)) + " repères sur " + texte.Number(count) +
		" (dont " + strings.Join(numbers[:3], ", ") + "…)\u202f; ils en chevauchent d’autres. Choisissez un territoire plus petit pour une carte lisible."
}
