package options

import (
	"slices"
	"strings"

	"livret/internal/near"
	"livret/texte"
)

// confusions are the options makers carry from one command to another,
// which no edit distance finds: lot writes its guides in a folder
// (--dossier), the other commands one file (--sortie, -o). They are the
// only names written here; every other suggestion comes from the table.
var confusions = map[string][]string{
	"sortie":  {"dossier"},
	"o":       {"dossier"},
	"dossier": {"sortie"},
}

// Find returns the option of a command named name or one of its aliases,
// or nil.
func Find(command, name string) *Option {
	for _, o := range Of(command) {
		if o.Name == name || slices.Contains(o.Aliases, name) {
			return o
		}
	}
	return nil
}

// Loosely returns the option of a command whose name or alias is typed
// with other capitals, accents or separators (--Département,
// --code_postal, -O), or nil.
func Loosely(command, typed string) *Option {
	key := texte.Fold(typed)
	for _, o := range Of(command) {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if key != "" && texte.Fold(n) == key {
				return o
			}
		}
	}
	return nil
}

// Suggest returns the names of the options of a command that a maker most
// likely meant by a name it lacks (typed without its dashes): the same
// name written loosely, a known confusion between commands, or else the
// nearest names by the rule that suggests communes (near.Matcher.Score:
// a slip of a letter or two), or those it begins, as GNU tools accept an
// option cut short (--tail, --sans-index). It returns nil when no name is
// near enough to be worth saying.
func Suggest(command, typed string) []string {
	if o := Loosely(command, typed); o != nil {
		return []string{o.Name}
	}
	key := texte.Fold(typed)
	var out []string
	for _, name := range confusions[key] {
		if Lookup(command, name) != nil {
			out = append(out, name)
		}
	}
	if len(out) > 0 || len(key) < 2 { // one letter is an alias, and any name is near it
		return out
	}
	var m near.Matcher
	best := 0
	for _, o := range Of(command) {
		name := texte.Fold(o.Name)
		d, ok := m.Score(key, name)
		if len(key) >= 3 && strings.HasPrefix(name, key) {
			d, ok = 1, true
		}
		switch {
		case !ok || slices.Contains(out, o.Name):
		case out == nil || d < best:
			best, out = d, []string{o.Name}
		case d == best:
			out = append(out, o.Name)
		}
	}
	return out
}

// CommandsWith returns the commands that have an option of that name or
// alias, in table order.
func CommandsWith(name string) []string {
	var out []string
	for _, cmd := range Commands() {
		if Find(cmd, name) != nil {
			out = append(out, cmd)
		}
	}
	return out
}
