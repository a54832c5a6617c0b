package territoire

import (
	"fmt"
	"strings"

	"livret/texte"
)

// An AmbiguousError says that a name fits several territories; nothing is
// guessed. Its message lists them and says how to choose.
type AmbiguousError struct {
	Kind       Kind
	Query      string
	Candidates []Area // most populous first
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "«\u00a0%s\u00a0» désigne %d %s\u00a0:", e.Query, len(e.Candidates), plural(e.Kind))
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "\n  – %s, %s", c.String(), c.codeLabel())
	}
	first := e.Candidates[0]
	switch e.Kind {
	case KindCommune:
		d := first.Commune.Departement.Code
		fmt.Fprintf(&b, "\nPrécisez le département (par exemple --departement %s) ou donnez le code INSEE (par exemple --commune %s).", d, first.Code)
	case KindEPCI:
		fmt.Fprintf(&b, "\nDonnez le numéro SIREN (par exemple --epci %s) ou précisez le département.", first.Code)
	default:
		fmt.Fprintf(&b, "\nDonnez le code (par exemple %s).", first.Code)
	}
	return b.String()
}

// An UnknownError says that nothing of the kind asked has this name or
// code. Suggestions holds the closest names, if any.
type UnknownError struct {
	Kind        Kind
	Query       string   // what was typed; empty when nothing was
	Code        bool     // the query was read as a code rather than a name
	Within      []string // départements the search was narrowed to
	Suggestions []Area
}

func (e *UnknownError) Error() string {
	var b strings.Builder
	none := "Aucun"
	if e.Kind.feminine() || e.Kind == KindEPCI { // "aucune intercommunalité"
		none = "Aucune"
	}
	switch {
	case e.Kind < KindCommune || e.Kind > KindRegion:
		b.WriteString("Type de territoire inconnu.")
	case e.Query == "":
		if e.Kind.feminine() {
			fmt.Fprintf(&b, "Aucune %s indiquée\u00a0: donnez un nom ou un code.", e.Kind)
		} else {
			fmt.Fprintf(&b, "Aucun %s indiqué\u00a0: donnez un nom ou un code.", e.Kind)
		}
	case e.Kind == KindCodePostal:
		if pc := e.Query; len(pc) != 5 || !isDigits(pc) {
			fmt.Fprintf(&b, "«\u00a0%s\u00a0» n’est pas un code postal\u00a0: il faut cinq chiffres, par exemple 33160.", e.Query)
		} else {
			fmt.Fprintf(&b, "Aucune commune n’a le code postal %s", pc)
		}
	case e.Code:
		fmt.Fprintf(&b, "%s %s n’a le %s «\u00a0%s\u00a0»", none, subject(e.Kind), codeName(e.Kind), e.Query)
	default:
		fmt.Fprintf(&b, "%s %s ne s’appelle «\u00a0%s\u00a0»", none, subject(e.Kind), e.Query)
	}
	if msg := b.String(); strings.HasSuffix(msg, ".") {
		return msg
	}
	if len(e.Within) == 1 {
		fmt.Fprintf(&b, " dans le département %s", e.Within[0])
	} else if len(e.Within) > 1 {
		fmt.Fprintf(&b, " dans les départements %s", texte.Enumerate(e.Within))
	}
	b.WriteString(".")
	switch len(e.Suggestions) {
	case 0:
		if e.Code {
			b.WriteString(" Vérifiez le code.")
		} else {
			b.WriteString(" Vérifiez l’orthographe, ou donnez le code.")
		}
	default:
		names := make([]string, len(e.Suggestions))
		for i, s := range e.Suggestions {
			names[i] = s.String()
		}
		if e.Code && e.Kind == KindCommune {
			fmt.Fprintf(&b, " C’est le code postal de\u00a0: %s.", strings.Join(names, "\u00a0; "))
			if len(e.Suggestions) == 1 {
				fmt.Fprintf(&b, " Son code INSEE est %s.", e.Suggestions[0].Code)
			}
		} else {
			fmt.Fprintf(&b, " Vouliez-vous dire\u00a0: %s\u00a0?", strings.Join(names, "\u00a0; "))
		}
	}
	return b.String()
}

// subject is the noun of a kind for "Aucune commune ne s’appelle…".
func subject(k Kind) string {
	if k == KindEPCI {
		return "intercommunalité"
	}
	return k.String()
}

func codeName(k Kind) string {
	switch k {
	case KindCommune:
		return "code INSEE"
	case KindEPCI:
		return "numéro SIREN"
	}
	return "code"
}

func plural(k Kind) string {
	switch k {
	case KindCommune:
		return "communes"
	case KindEPCI:
		return "intercommunalités"
	case KindDepartement:
		return "départements"
	case KindRegion:
		return "régions"
	}
	return "territoires"
}
