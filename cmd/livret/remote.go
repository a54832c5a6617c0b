package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"livret/guide"
	"livret/source"
	"livret/territoire"
	"livret/texte"
)

// The stable addresses of the national data, kept here and nowhere else.
// When one moves, --adresse or the environment variables below replace it
// without a new version of livret.
const (
	// nationalURL is the data.gouv.fr resource of the daily national
	// export (dataset « Lieux de médiation numérique », resource « Format
	// CSV Mednum »): data.gouv.fr redirects it to the latest file.
	nationalURL = "https://www.data.gouv.fr/api/1/datasets/r/320851b5-4ea6-467b-9142-3709400596fb"
	// cartographieURL is the national cartography, whose export of a
	// département is at /{région}/{département}/lieux/exporter.
	cartographieURL = "https://cartographie.societenumerique.gouv.fr"

	envNational     = "LIVRET_ADRESSE_NATIONALE"
	envCartographie = "LIVRET_ADRESSE_CARTOGRAPHIE"
)

// remote is a source named by a word rather than a path: the national
// file, or the export of one département.
type remote struct {
	key   string // name of the copy in the cache: « national », « departement-33 »
	url   string
	title string // for messages
	about guide.Source
}

// anct is the producer of the national data, as the colophon names it.
const anct = "l’Agence nationale de la cohésion des territoires (ANCT)"

// anctLicence is the licence of the national data on data.gouv.fr and of
// the cartographie's exports.
const anctLicence = "etalab-2.0"

// namedSource tells whether location names a remote source: « national »
// or « departement:33 » (a number or a name). A file of that name wins.
func namedSource(location, override string) (*remote, bool, error) {
	word, arg, _ := strings.Cut(location, ":")
	switch texte.Fold(word) {
	case "national", "departement":
	default:
		return nil, false, nil
	}
	if _, err := os.Stat(location); err == nil {
		return nil, false, nil
	}
	if texte.Fold(word) == "national" {
		if arg != "" {
			return nil, true, usageError{fmt.Sprintf("« %s » : écrivez --source national, sans rien après", location)}
		}
		return &remote{key: "national", title: "fichier national des lieux de médiation numérique (data.gouv.fr)",
			about: guide.Source{Title: "Lieux de médiation numérique (data.gouv.fr)", Producer: anct, Licence: anctLicence},
			url:   cmp.Or(override, os.Getenv(envNational), nationalURL)}, true, nil
	}
	d, err := findDepartement(arg)
	if err != nil {
		return nil, true, err
	}
	base := strings.TrimRight(cmp.Or(os.Getenv(envCartographie), cartographieURL), "/")
	return &remote{key: "departement-" + strings.ToLower(d.Code),
		title: "export de la cartographie nationale pour " + d.Name + " (" + d.Code + ")",
		about: guide.Source{Title: "Cartographie nationale des lieux d’inclusion numérique, " + d.Name + " (" + d.Code + ")", Producer: anct, Licence: anctLicence},
		url:   cmp.Or(override, base+"/"+regionSlug(d.Region)+"/"+slug(d.Name)+"/lieux/exporter")}, true, nil
}

// findDepartement finds a département by its number or its name.
func findDepartement(s string) (*territoire.Departement, error) {
	atlas := territoire.Default()
	s = strings.TrimSpace(s)
	if d, ok := atlas.Departement(strings.ToUpper(s)); ok {
		return d, nil
	}
	for _, d := range atlas.Departements() {
		if texte.Fold(d.Name) == texte.Fold(s) {
			return d, nil
		}
	}
	if s == "" {
		return nil, usageError{"il manque le département : --source departement:33 ou --source departement:Gironde"}
	}
	return nil, usageError{fmt.Sprintf("département « %s » inconnu : donnez son numéro (33) ou son nom (Gironde)", s)}
}

// regionSlug is the région's part of the cartography's addresses, its name
// folded; Provence-Alpes-Côte d’Azur loses its apostrophe there.
func regionSlug(r *territoire.Region) string {
	if r != nil && r.Code == "93" {
		return "provence-alpes-cote-dazur"
	}
	if r == nil {
		return ""
	}
	return slug(r.Name)
}

// openRemote returns the current copy of a remote source from the cache,
// downloading it when it changed, and says what it did. The copy's date
// is the version of the data the colophon names.
func openRemote(c *request, rm *remote, opt source.Options) (*source.Reader, error) {
	cache, err := source.UserCache()
	if err != nil {
		return nil, err
	}
	cp, err := cache.Get(c.ctx, rm.key, rm.url, opt)
	if err != nil {
		return nil, err
	}
	describeCopy(c.log, rm, cp, time.Now())
	rm.about.Date = cp.Downloaded
	return source.OpenCopy(cp, rm.key, opt)
}

// describeCopy says which copy livret reads, and how old it is.
func describeCopy(w io.Writer, rm *remote, cp source.Copy, now time.Time) {
	switch cp.How {
	case source.Downloaded:
		fmt.Fprintf(w, "Téléchargé : %s, %s (« %s »).\n", rm.title, size(cp.Size), cp.Name)
	case source.Unchanged:
		fmt.Fprintf(w, "Données à jour : %s, inchangé depuis le téléchargement du %s.\n", rm.title, guide.Date(cp.Downloaded))
	case source.Offline:
		fmt.Fprintf(w, "Téléchargement impossible (%s).\n  livret utilise la copie gardée du %s, %s : %s ; relancez plus tard pour des données fraîches.\n",
			cp.Problem, guide.Date(cp.Checked), age(cp.Checked, now), rm.title)
	}
}

// age says how old a copy is: « d’aujourd’hui », « d’hier », « vieille de 3 jours ».
func age(t, now time.Time) string {
	days := int(now.Sub(t).Hours() / 24)
	switch {
	case days <= 0:
		return "d’aujourd’hui"
	case days == 1:
		return "d’hier"
	}
	return "vieille de " + texte.Count(days, "jour", "jours")
}

func size(n int64) string {
	if n < 1<<20 {
		return texte.Count(int((n+1023)/1024), "ko", "ko")
	}
	return texte.Decimal(float64(n)/(1<<20), 1) + "\u00a0Mo"
}
