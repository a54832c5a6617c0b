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
	if p, rest, ok := contracted(name, "du ", "des "); ok {
		return p + rest
	}
	r, _ := utf8.DecodeRuneInString(Fold(name))
	if strings.ContainsRune("aeiouy", unicode.ToLower(r)) {
		return "d’" + name
	}
	return "de " + name
}

// At puts "à" before a name, contracted with an article: "à Marseille",
// "au Havre", "aux Mureaux", "à La Rochelle", "à L’Haÿ-les-Roses".
func At(name string) string {
	if p, rest, ok := contracted(name, "au ", "aux "); ok {
		return p + rest
	}
	return "à " + name
}

// contracted gives the preposition that contracts with the article "Le"
// or "Les" a name opens with (one or many), and the name without it.
func contracted(name, one, many string) (prep, rest string, ok bool) {
	switch {
	case strings.HasPrefix(name, "Le "):
		return one, name[len("Le "):], true
	case strings.HasPrefix(name, "Les "):
		return many, name[len("Les "):], true
	}
	return "", name, false
}
