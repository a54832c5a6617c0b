package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"livret/internal/options"
	"livret/territoire"
)

// withOptions gives a command its flags from the option table, and checks
// their values with the table before the command runs.
func withOptions(cmd *cli.Command) *cli.Command {
	cmd.Flags = options.Flags(cmd.Name)
	cmd.Before = func(c *cli.Context) error {
		if errs := options.Validate(cmd.Name, c); len(errs) > 0 {
			return usageError{errs[0].Error()}
		}
		return nil
	}
	return cmd
}

// unexpected tells what is wrong with a word of a command's line that is
// neither an option nor an option's value, or returns nil when the command
// takes such words (verifier SOURCE, territoires NOM). after is the option
// and value typed just before the word, if any (« --epci Bordeaux », or
// « --gratuit » for a switch), next what follows it.
func unexpected(cmd *cli.Command, word, after string, next []string) error {
	if err := longDash(word); err != nil {
		return err
	}
	if cmd.ArgsUsage != "" {
		return nil
	}
	msg := fmt.Sprintf("le mot « %s » n’est pas attendu : livret %s ne prend que des options.", word, cmd.Name)
	switch {
	case looksLikeFile(word) && options.Find(cmd.Name, "source") != nil:
		msg += " Pour lire ce fichier, écrivez --source " + quoteArg(word) + "."
	case after != "" && !strings.Contains(after, " "):
		// --gratuit oui: a switch takes no value.
		msg += fmt.Sprintf(" L’option %s est un interrupteur, sans valeur : écrivez %s seul pour l’activer, %s=false pour le couper.", after, after, after)
	case after != "":
		// --epci Bordeaux Métropole: the shell cut the name at its space.
		value := []string{after, word}
		for _, w := range next {
			if strings.HasPrefix(w, "-") {
				break
			}
			value = append(value, w)
		}
		opt, first, _ := strings.Cut(strings.Join(value, " "), " ")
		msg += fmt.Sprintf(" Si « %s » fait partie de la valeur de %s, mettez toute la valeur entre guillemets : %s \"%s\".", word, opt, opt, first)
	default:
		if opt := territory(cmd.Name, word); opt != "" {
			msg += " Pour choisir ce territoire, écrivez " + opt + "."
		}
	}
	return usageError{msg + " Toutes les options : " + helpOf(cmd.Name)}
}

// longDash tells a word that begins with a long dash (–sortie), as a word
// processor makes of -- and a PDF reader copies it, or returns nil.
func longDash(word string) error {
	isDash := func(r rune) bool { return r != '-' && (unicode.Is(unicode.Pd, r) || r == '−') }
	r, _ := utf8.DecodeRuneInString(word)
	if !isDash(r) {
		return nil
	}
	return usageError{fmt.Sprintf("« %s » commence par un tiret long (%c) : écrivez deux tirets simples, --%s (un traitement de texte change souvent -- en –)",
		word, r, strings.TrimLeftFunc(word, isDash))}
}

// looksLikeFile tells whether a word names a file: one that exists, or a
// name with the extension of a file of places.
func looksLikeFile(word string) bool {
	switch strings.ToLower(filepath.Ext(word)) {
	case ".csv", ".json", ".geojson", ".xlsx", ".xls", ".ods", ".txt":
		return true
	}
	fi, err := os.Stat(word)
	return err == nil && fi.Mode().IsRegular()
}

// territory is the option of a command that chooses the territory a word
// names (« --departement Gironde »), as livret territoires finds it, or "".
func territory(command, word string) string {
	areas := territoire.Default().Search(word)
	if len(areas) == 0 || options.Find(command, flagOf(areas[0].Kind)) == nil {
		return ""
	}
	return "--" + flagOf(areas[0].Kind) + " " + quoteArg(word)
}
