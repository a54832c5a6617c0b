package guide

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"livret/territoire"
	"livret/texte"
)

// Source says where the data of a guide comes from, as the colophon names
// it: the dataset's title, its producer and its date when the source tells
// them, else the file's own name (never a directory of the agent's machine).
type Source struct {
	Title    string    // "Cartographie nationale des lieux d’inclusion numérique"
	File     string    // "lieux.csv": the file's own name, when there is no title
	Producer string    // "l’Agence nationale de la cohésion des territoires"
	Date     time.Time // of the dataset's version; zero when unknown
	Licence  string    // as the source writes it ("etalab-2.0"); empty when it does not say
}

// sourceNames are the plain names of the sources the national file's rows
// cite (its « source » field), as readers know them.
var sourceNames = map[string]string{
	"conseiller-numerique": "Conseiller numérique",
	"aidants-connect":      "Aidants Connect",
	"france-services":      "France Services",
	"france-tiers-lieux":   "France Tiers-Lieux",
	"dora":                 "Dora",
	"siao":                 "SIAO",
	"odspep":               "ODSPEP",
	"hinaura":              "Hinaura",
	"mednum":               "La MedNum",
}

// mostSources is how many of the places' own sources the colophon names
// before counting the others: it must hold on one page.
const mostSources = 3

func about(places []Place, g *Guide, opt Options) About {
	var latest time.Time
	communes := map[string]bool{}
	for _, p := range places {
		if p.Lieu.Updated.After(latest) {
			latest = p.Lieu.Updated
		}
		communes[p.Commune] = true
	}
	// A licence the source does not state is not guessed.
	end, licence := ".", ""
	if l := licenceName(opt.Source.Licence); l != "" {
		end, licence = ",", "sous "+l+"."
	}
	a := About{
		Source:      dataSentence(opt.Source, places) + end,
		SourceBrief: dataSentence(opt.Source, nil) + end,
		Licence:     licence,
		Generated:   "Guide produit le " + Date(opt.Edition) + " avec livret.",
		FontCredits: opt.Fonts,
		Counts:      counts(len(places), communes),
	}
	if !latest.IsZero() {
		a.SourceDate = "Informations les plus récentes\u00a0: " + Date(latest) + ". Appelez avant de vous déplacer."
	}
	return a
}

// counts says how many places the guide holds, and where: « 45 lieux
// dans 12 communes », or of one commune, plainly, « 97 lieux à Marseille »,
// « 2 lieux au Havre ».
func counts(places int, communes map[string]bool) string {
	n := texte.Count(places, "lieu", "lieux")
	if len(communes) == 1 {
		for c := range communes {
			if c != "" {
				return n + " " + texte.At(texte.Typography(c))
			}
		}
	}
	return n + " dans " + texte.Count(len(communes), "commune", "communes")
}

// dataSentence names the data: « Données : « Title », produites par
// Producer, version du 12 septembre 2024 », the licence following. With no
// producer, the places' own sources are named, most cited first.
func dataSentence(src Source, places []Place) string {
	name := cmp.Or(src.Title, src.File)
	s := "Données\u00a0: fichier au standard national des lieux de médiation numérique"
	if name != "" {
		s = "Données\u00a0: «\u00a0" + texte.Typography(name) + "\u00a0»"
	}
	if src.Producer != "" {
		s += ", produites par " + texte.Typography(src.Producer)
	} else if cited := citedSources(places); cited != "" {
		s += ", lieux fournis par " + cited
	}
	if !src.Date.IsZero() {
		s += ", version du " + Date(src.Date)
	}
	return s
}

// licenceName is a licence as readers know it, from the identifier or
// title a file writes: « etalab-2.0 » and « Licence Ouverte / Open
// Licence 2.0 » are the Licence Ouverte.
func licenceName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	low := strings.ToLower(s)
	has := func(words ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(low, w) })
	}
	switch {
	case s == "":
		return ""
	case has("etalab", "licence ouverte", "open licence", "lov2"):
		return "Licence Ouverte"
	case has("odbl", "open database"):
		return "licence ODbL"
	case has("cc0", "cc-0", "cc zero", "domaine public", "public domain"):
		return "licence CC0 (domaine public)"
	case has("by-sa", "by sa"):
		return "licence Creative Commons BY-SA"
	case has("cc-by", "cc by", "creative commons"):
		return "licence Creative Commons BY"
	}
	return "la licence «\u00a0" + texte.Typography(s) + "\u00a0»"
}

// citedSources lists the sources the places cite, most cited first: « Conseiller
// numérique, Aidants Connect, France Services et 4 autres sources ».
func citedSources(places []Place) string {
	count := map[string]int{}
	for i := range places {
		if s := texte.Clean(places[i].Lieu.Source); s != "" {
			count[sourceName(s)]++
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	if len(names) > mostSources {
		rest := len(names) - mostSources
		names = append(names[:mostSources], texte.Count(rest, "autre source", "autres sources"))
	}
	return texte.Enumerate(names)
}

// sourceName is the plain name of a source a place cites: the known
// names of the national file, a council for its short name (« cd72 »:
// the Sarthe's, « cr93 »: Provence-Alpes-Côte d’Azur's), else as written.
func sourceName(s string) string {
	low := strings.ToLower(s)
	if name, ok := sourceNames[low]; ok {
		return name
	}
	if code, ok := strings.CutPrefix(low, "cd"); ok {
		if d, ok := territoire.Default().Departement(strings.ToUpper(code)); ok {
			return "conseil départemental (" + texte.Typography(d.Name) + ")"
		}
	}
	if code, ok := strings.CutPrefix(low, "cr"); ok {
		if r, ok := territoire.Default().Region(code); ok {
			return "conseil régional (" + texte.Typography(r.Name) + ")"
		}
	}
	return texte.Typography(s)
}
