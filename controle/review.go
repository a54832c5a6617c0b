package controle

import (
	"fmt"
	"strings"
	"time"

	"livret/nettoyage"
	"livret/texte"
)

// Concern is a reason to phone a place before printing its entry.
type Concern int

// The concerns, in the order the summary gives them.
const (
	NoPhone         Concern = iota // no number, or none that can be read
	NoHours                        // no opening hours
	UnreadableHours                // hours printed as written, to be confirmed
	Old                            // information more than two years old
	CodeName                       // a name that reads as an internal code
	NearDuplicate                  // a near-duplicate was merged into it
	concerns
)

var concernLabels = [concerns][2]string{
	NoPhone:         {"lieu sans téléphone valide", "lieux sans téléphone valide"},
	NoHours:         {"lieu sans horaires", "lieux sans horaires"},
	UnreadableHours: {"lieu aux horaires illisibles", "lieux aux horaires illisibles"},
	Old:             {"lieu aux informations de plus de deux ans", "lieux aux informations de plus de deux ans"},
	CodeName:        {"nom en forme de code", "noms en forme de code"},
	NearDuplicate:   {"lieu fusionné avec un quasi-doublon", "lieux fusionnés avec un quasi-doublon"},
}

// ToCheck is a place to phone, and what to ask.
type ToCheck struct {
	Place    *Place
	Concerns []Concern
	What     []string // in French, one per concern: "horaires illisibles : « … »"
}

// Review is what to check before printing a selection: the places to
// phone, as volunteers do before each edition of a paper guide, and
// whether the file itself looks stale.
type Review struct {
	Places  []ToCheck
	Count   [concerns]int
	Total   int       // places reviewed
	Edition time.Time // date of the edition
	Newest  time.Time // newest date_maj of the whole file; zero if none
	// Stale reports a file whose newest date_maj is more than three months
	// before the edition: the national file once stopped updating for
	// five weeks without anyone noticing.
	Stale bool
}

// ReviewPlaces lists what to check in the places chosen, for an edition
// at the given date; newest is the newest date of the file (see
// Report.Newest).
func ReviewPlaces(chosen []*Place, newest, edition time.Time) *Review {
	rv := &Review{Total: len(chosen), Edition: edition, Newest: newest}
	rv.Stale = !rv.Newest.IsZero() && rv.Newest.Before(edition.AddDate(0, -3, 0))
	old := edition.AddDate(-2, 0, 0)
	for _, p := range chosen {
		tc := ToCheck{Place: p}
		add := func(c Concern, what string) {
			tc.Concerns = append(tc.Concerns, c)
			tc.What = append(tc.What, what)
			rv.Count[c]++
		}
		if !hasValidPhone(p) {
			if strings.TrimSpace(p.Phone) != "" {
				add(NoPhone, "numéro invalide : « "+nettoyage.Visible(p.Phone)+" »")
			} else {
				add(NoPhone, "pas de téléphone")
			}
		}
		switch {
		case strings.TrimSpace(p.Hours) == "":
			add(NoHours, "pas d’horaires")
		case p.Schedule == nil:
			add(UnreadableHours, "horaires illisibles : « "+nettoyage.Visible(p.Hours)+" »")
		}
		if !p.Updated.IsZero() && p.Updated.Before(old) {
			add(Old, "informations du "+plain(texte.Date(p.Updated)))
		}
		if nettoyage.LooksLikeCode(p.Name) {
			add(CodeName, "nom en forme de code : quel nom les gens connaissent-ils ?")
		}
		for _, n := range p.Near {
			add(NearDuplicate, "fusionné avec "+n+" : est-ce bien le même lieu ?")
		}
		if len(tc.Concerns) > 0 {
			rv.Places = append(rv.Places, tc)
		}
	}
	return rv
}

func hasValidPhone(p *Place) bool {
	for _, n := range p.Phones {
		if n.Valid() {
			return true
		}
	}
	return false
}

func plain(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// Summary is the review in a few French lines, for the end of a command:
// how many places to check and why.
func (rv *Review) Summary() []string {
	var lines []string
	if len(rv.Places) > 0 {
		lines = append(lines, fmt.Sprintf("À vérifier avant d’imprimer : %s sur %d.",
			texte.Count(len(rv.Places), "lieu", "lieux"), rv.Total))
		for c, n := range rv.Count {
			if n > 0 {
				lines = append(lines, fmt.Sprintf("  %s %s", texte.Number(n), texte.Plural(n, concernLabels[c][0], concernLabels[c][1])))
			}
		}
	}
	return lines
}

// Staleness warns of a file whose newest information is more than three
// months older than the edition; it is empty otherwise.
func (rv *Review) Staleness() string {
	if !rv.Stale {
		return ""
	}
	return fmt.Sprintf("Attention : les informations les plus récentes du fichier datent du %s, plus de trois mois avant l’édition du %s ; le fichier n’est peut-être plus mis à jour : vérifiez sa date de publication.",
		plain(texte.Date(rv.Newest)), plain(texte.Date(rv.Edition)))
}
