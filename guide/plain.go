package guide

import (
	"slices"
	"strings"

	"livret/lieu"
	"livret/texte"
)

// The kinds of places (typologie codes of data·inclusion) and the national
// programmes readers recognise, in plain words. Codes not listed here
// tell a reader nothing and are not printed.
var kindWords = map[string]string{
	"BIB":          "Médiathèque",
	"CCAS":         "CCAS (action sociale de la mairie)",
	"CIAS":         "CIAS (action sociale de l’intercommunalité)",
	"MUNI":         "Mairie",
	"EPN":          "Espace public numérique",
	"RFS":          "France Services",
	"MSAP":         "France Services",
	"LA_POSTE":     "La Poste",
	"CAF":          "Caf",
	"CPAM":         "Assurance maladie",
	"CS":           "Centre social",
	"CSC":          "Centre social",
	"EVS":          "Espace de vie sociale",
	"MJC":          "Maison des jeunes et de la culture",
	"MQ":           "Maison de quartier",
	"ML":           "Mission locale",
	"PIJ_BIJ":      "Point information jeunesse",
	"TIERS_LIEUX":  "Tiers-lieu",
	"FABLAB":       "Fablab",
	"MDS":          "Maison des solidarités",
	"PIMMS":        "Point d’information médiation multi-services",
	"RESSOURCERIE": "Ressourcerie",
	"ASSO":         "Association",
}

var programmeWords = map[string]string{
	"Conseillers numériques":               "Conseiller numérique",
	"France Services":                      "France Services",
	"Aidants Connect":                      "Aidants Connect",
	"Point d'accès numérique CAF":          "Point numérique de la Caf",
	"Emmaüs Connect":                       "Emmaüs Connect",
	"Relais numérique (Emmaüs Connect)":    "Emmaüs Connect",
	"La Croix Rouge":                       "Croix-Rouge",
	"Promeneurs du net":                    "Promeneurs du Net",
	"Bibliothèques numérique de référence": "Bibliothèque numérique de référence",
}

// How help is given (modalites_accompagnement), as a reader would say
// it, in the order they are said.
var guidanceWords = []struct{ value, text string }{
	{"Accompagnement individuel", "on fait avec vous"},
	{onYourBehalf, "à votre place"},
	{"Dans un atelier collectif", "en atelier"},
	{"À distance", "à distance"},
	{"En autonomie", "en libre accès"},
}

// onYourBehalf stands for the places whose helpers may do a procedure in
// the reader's name: those of Aidants Connect, the national programme of
// helpers empowered to do so.
const onYourBehalf = "Aidants Connect"

// Specific support (prise_en_charge_specifique), with its pictogram, in
// short words that the legend explains: the lower-case words of the one
// sentence that may say them all (see Together), capitalised when said
// alone; motor disability is the wheelchair fact.
var supportWords = []struct{ value, icon, words string }{
	{"Surdité", "hearing", "personnes sourdes"},
	{"Déficience visuelle", "visibility", "personnes malvoyantes"},
	{"Handicaps mentaux", "help", "handicap mental"},
	{"Illettrisme", "help", "si vous lisez difficilement"},
	{"Langues étrangères (anglais)", "translate", "en anglais"},
	{"Langues étrangères (autres)", "translate", "autres langues"},
}

// kind says what the place is and the national programmes it belongs to:
// "Médiathèque, Conseiller numérique", less what its name already says
// ("France services Marseille 2e" is not told France Services again).
// Empty when nothing is known.
func kind(l *lieu.Lieu, name string) string {
	var words []string
	folded := texte.Fold(name)
	add := func(w string) {
		if w != "" && !slices.Contains(words, w) && !strings.Contains(folded, texte.Fold(w)) {
			words = append(words, w)
		}
	}
	for _, t := range l.Types {
		add(kindWords[t])
	}
	for _, p := range l.Programmes {
		add(programmeWords[p])
	}
	return strings.Join(words, ", ")
}

// guidance says how help is given: "On fait avec vous, en atelier ou à
// distance".
func guidance(l *lieu.Lieu) string {
	var ways []string
	for _, g := range guidanceWords {
		if slices.Contains(l.Guidance, g.value) || g.value == onYourBehalf && slices.Contains(l.Programmes, g.value) {
			ways = append(ways, g.text)
		}
	}
	switch len(ways) {
	case 0:
		return ""
	case 1:
		return capitalFirst(ways[0])
	}
	return capitalFirst(strings.Join(ways[:len(ways)-1], ", ") + " ou " + ways[len(ways)-1])
}

// bothLanguages is the support of a place that helps in English and in
// other languages: one line of the entry, where two would say it.
const bothLanguages = "en anglais et autres langues"

// support lists the specific support a place gives, one fact each, the
// languages together.
func support(l *lieu.Lieu) []Fact {
	var out []Fact
	for _, s := range supportWords {
		if slices.Contains(l.Support, s.value) && !slices.ContainsFunc(out, func(f Fact) bool { return f.Support == s.words }) {
			out = append(out, supportFact(s.icon, s.words))
		}
	}
	if n := len(out); n >= 2 && out[n-2].Icon == "translate" && out[n-1].Icon == "translate" {
		out = append(out[:n-2], supportFact("translate", bothLanguages))
	}
	return out
}

// supportFact is the fact of a specific support said alone.
func supportFact(icon, words string) Fact {
	return Fact{Icon: icon, Text: capitalFirst(words), Support: words}
}

// The one fact of specific support: its pictogram, the one the legend
// explains as adapted help, and the words that open its list.
const (
	supportIcon  = "help"
	supportLabel = "Aide adaptée"
	// people opens the words of the support given to some people: said
	// once for two, « personnes sourdes ou malvoyantes ».
	people = "personnes "
)

// Together is facts with their specific support said as one fact, in the
// place of the first: « Aide adaptée : personnes sourdes ou malvoyantes,
// handicap mental, en anglais », one pictogram and words that flow on,
// where one pictogram and label each take a row or two more. It reports
// false when facts hold fewer than two facts of specific support: there
// is nothing to say together. The layout keeps it where the entry is
// shorter.
func Together(facts []Fact) ([]Fact, bool) {
	// Counted first: the layout asks of every entry, and most have fewer
	// than two.
	n := 0
	for _, f := range facts {
		if f.Support != "" {
			n++
		}
	}
	if n < 2 {
		return facts, false
	}
	var out []Fact
	var words []string
	at := -1 // where the one goes: in the place of the first
	for _, f := range facts {
		if f.Support == "" {
			out = append(out, f)
			continue
		}
		if at < 0 {
			at = len(out)
		}
		if last := len(words) - 1; last >= 0 && strings.HasPrefix(words[last], people) && strings.HasPrefix(f.Support, people) {
			words[last] += " ou " + strings.TrimPrefix(f.Support, people)
			continue
		}
		words = append(words, f.Support)
	}
	one := Fact{Icon: supportIcon, Text: supportLabel + "\u00a0: " + strings.Join(words, ", "), Named: true}
	return slices.Insert(out, at, one), true
}
