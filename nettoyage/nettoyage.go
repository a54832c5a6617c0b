// Package nettoyage tidies the text of a place before it is printed: the
// invisible characters every text loses, and the rules that make the dirty
// values of real files readable (names that are internal codes, words in
// capitals, postcode and commune repeated in the street line, stray
// punctuation, abbreviations, zoning labels that are not labels).
//
// It sits between the check and the rest of the pipeline: controle calls
// it on every place kept, and reports each Change it returns, so that an
// agent sees which rule changed what and can undo it. A rule never
// invents: when it is unsure it keeps the original and says so
// (Change.Unsure).
package nettoyage

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"livret/lieu"
	"livret/texte"
)

// Rule names a cleaning rule, in French, as the report shows it.
type Rule string

const (
	Invisible   Rule = "caractères invisibles"
	CodeName    Rule = "nom en forme de code"
	Case        Rule = "casse"
	Repeated    Rule = "code postal et commune répétés"
	Punctuation Rule = "ponctuation parasite"
	Street      Rule = "voie et abréviations"
	Zoning      Rule = "zonage"
	HTML        Rule = "balises et entités HTML"
	District    Rule = "arrondissement d’après l’adresse"
)

// Change is what one rule did to one field of a place.
type Change struct {
	Field  string // column of the standard: "nom", "adresse"…
	Rule   Rule
	Before string
	After  string // equal to Before when Unsure
	Unsure bool   // the rule could not decide and kept the value: to check
	Note   string // what was removed, when Before and After do not show it
}

// Invisibles removes from every text of l the control and format
// characters (bidirectional overrides, zero-width joiners, tags…) and the
// line breaks of single-line fields, which print as « ? », can reorder a
// terminal line or forge a line of a report. It is always applied, even
// to data printed as given.
func Invisibles(l *lieu.Lieu) []Change {
	var out []Change
	for _, f := range textFields(l) {
		if c, ok := invisibles(f.name, f.v, f.lines); ok {
			out = append(out, c)
		}
	}
	for i := range l.Emails {
		if c, ok := invisibles("courriels", &l.Emails[i], false); ok {
			out = append(out, c)
		}
	}
	for i := range l.Websites {
		if c, ok := invisibles("site_web", &l.Websites[i], false); ok {
			out = append(out, c)
		}
	}
	for i := range l.OtherLabels {
		if c, ok := invisibles("autres_formations_labels", &l.OtherLabels[i], false); ok {
			out = append(out, c)
		}
	}
	for i := range l.Extra {
		if c, ok := invisibles(l.Extra[i].Name, &l.Extra[i].Value, true); ok {
			out = append(out, c)
		}
	}
	return out
}

type field struct {
	name  string
	v     *string
	lines bool // line breaks mean something
}

func textFields(l *lieu.Lieu) []field {
	return []field{
		{"id", &l.ID, false}, {"pivot", &l.Pivot, false}, {"nom", &l.Name, false},
		{"commune", &l.Commune, false}, {"code_postal", &l.PostalCode, false}, {"code_insee", &l.INSEE, false},
		{"adresse", &l.Address, false}, {"complement_adresse", &l.AddressComplement, false},
		{"telephone", &l.Phone, false}, {"horaires", &l.Hours, true},
		{"presentation_resume", &l.Summary, true}, {"presentation_detail", &l.Description, true},
		{"source", &l.Source, false}, {"structure_parente", &l.Parent, false},
		{"fiche_acces_libre", &l.AccessibilityURL, false}, {"prise_rdv", &l.BookingURL, false},
	}
}

func invisibles(name string, v *string, lines bool) (Change, bool) {
	var seen []string
	breaks := false
	for _, r := range *v {
		switch {
		case texte.IsInvisible(r):
			d := describe(r)
			if !slices.Contains(seen, d) {
				seen = append(seen, d)
			}
		case !lines && (r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'):
			breaks = true
		}
	}
	if len(seen) == 0 && !breaks {
		return Change{}, false
	}
	if breaks {
		seen = append(seen, "retours à la ligne (remplacés par une espace)")
	}
	before := *v
	var b strings.Builder
	for _, r := range before {
		if !texte.IsInvisible(r) {
			b.WriteRune(r)
		}
	}
	after := b.String()
	if !lines {
		after = strings.Join(strings.Fields(after), " ")
	}
	*v = after
	return Change{Field: name, Rule: Invisible, Before: Visible(before), After: after,
		Note: strings.Join(seen, ", ")}, true
}

// describe names an invisible character for an agent.
func describe(r rune) string {
	name := ""
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		name = "contrôle du sens d’écriture"
	case r == 0x200c || r == 0x200d:
		name = "liant ou antiliant sans chasse"
	case r >= 0xe0000 && r <= 0xe007f:
		name = "étiquette invisible"
	case r == 0x200b || r == 0x2060 || r == 0xfeff:
		name = "espace sans chasse"
	case r == 0xad:
		name = "trait d’union conditionnel"
	case unicode.IsControl(r):
		name = "caractère de contrôle"
	default:
		name = "caractère de mise en forme"
	}
	return fmt.Sprintf("U+%04X (%s)", r, name)
}

// Visible writes s with its invisible characters and line breaks shown as
// their code ("<U+202E>"), so that a report quoting a value stays one
// clean line that nothing can reorder.
func Visible(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return texte.IsInvisible(r) || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
	}) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if texte.IsInvisible(r) || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Place applies the cleaning rules to the name, address, postcode and
// labels of l. commune is the official name of its commune, when known,
// which teaches the spelling of the commune's name inside the name and
// address; districts are the postcodes of its arrondissements, when it is
// Paris, Lyon or Marseille and its arrondissement is not known otherwise.
func Place(l *lieu.Lieu, commune string, districts []string) []Change {
	var out []Change
	known := []string{commune, l.Commune}
	set := func(fieldName string, v *string, rule Rule, after string) {
		if after != *v && after != "" {
			out = append(out, Change{Field: fieldName, Rule: rule, Before: *v, After: after})
			*v = after
		}
	}

	// HTML: "Clic' &amp; Ressources", "<br />" in an address.
	for _, f := range []struct {
		name string
		v    *string
	}{{"nom", &l.Name}, {"adresse", &l.Address}, {"complement_adresse", &l.AddressComplement}, {"commune", &l.Commune}} {
		set(f.name, f.v, HTML, plainText(*f.v))
	}

	// The arrondissement the address writes, before the address rules
	// drop the postcode it repeats.
	if c, ok := districtFromAddress(l, districts, known); ok {
		out = append(out, c)
	}

	// Names.
	name, unsure := readableName(l.Name)
	if unsure {
		out = append(out, Change{Field: "nom", Rule: CodeName, Before: l.Name, After: l.Name, Unsure: true})
	} else {
		set("nom", &l.Name, CodeName, name)
	}
	set("nom", &l.Name, Repeated, dropPlaceFromName(l.Name, l.PostalCode, known))
	set("nom", &l.Name, Punctuation, tidyPunctuation(l.Name))
	set("nom", &l.Name, Case, texte.FixCapitalWords(l.Name, known...))

	// Addresses.
	for _, f := range []struct {
		name string
		v    *string
	}{{"adresse", &l.Address}, {"complement_adresse", &l.AddressComplement}} {
		if *f.v == "" {
			continue
		}
		if rest := dropPlace(*f.v, l.PostalCode); rest != *f.v {
			out = append(out, Change{Field: f.name, Rule: Repeated, Before: *f.v, After: rest})
			*f.v = rest
		}
		set(f.name, f.v, Punctuation, tidyPunctuation(*f.v))
		set(f.name, f.v, Street, texte.FixAddressWords(*f.v, known...))
	}

	// Zoning labels computed by the national pipeline.
	if kept := slices.DeleteFunc(slices.Clone(l.OtherLabels), isZoning); len(kept) != len(l.OtherLabels) {
		out = append(out, Change{Field: "autres_formations_labels", Rule: Zoning,
			Before: strings.Join(l.OtherLabels, "|"), After: strings.Join(kept, "|"),
			Note: "zonage de la politique de la ville ou de la ruralité, pas un label"})
		l.OtherLabels = kept
	}
	return out
}

// isZoning reports the zonings QPV (quartier prioritaire), FRR (France
// ruralités revitalisation) and ZRR (zone de revitalisation rurale) that
// the national pipeline adds to autres_formations_labels.
func isZoning(label string) bool {
	switch strings.ToUpper(strings.TrimSpace(label)) {
	case "QPV", "FRR", "ZRR":
		return true
	}
	return false
}

// plainText turns the HTML of a one-line field into text: entities
// decoded, tags removed, lines joined by commas.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	return strings.Join(strings.Split(texte.StripHTML(s), "\n"), ", ")
}
