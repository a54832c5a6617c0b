package texte

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Of puts "de" before a name, elided before a vowel, contracted with an
// article: "d’Angoulême", "de Talence", "du Bouscat", "des Mureaux". An h
// is left alone: many are aspirated (Haguenau).
func Of(name string) string {
	switch {
	case strings.HasPrefix(name, "Le "):
		return "du " + name[len("Le "):]
	case strings.HasPrefix(name, "Les "):
		return "des " + name[len("Les "):]
	}
	r, _ := utf8.DecodeRuneInString(Fold(name))
	if strings.ContainsRune("aeiouy", unicode.ToLower(r)) {
		return "d’" + name
	}
	return "de " + name
}
