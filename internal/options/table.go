package options

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"livret/fonts"
	"livret/layout"
	"livret/lieu"
	"livret/telephone"
	"livret/templates"
)

// Groups of commands that share options.
var (
	// selecting: the commands that read a source and choose places.
	selecting = []string{"guide", "depliant", "fiches", "lot", "exporter", "indicateurs", "lieux"}
	// choosing: the commands that take the territory and offer options,
	// verifier for its call list.
	choosing = with(selecting, "verifier")
	// laidOut: the commands that lay out pages.
	laidOut = []string{"guide", "depliant", "fiches", "lot", "indicateurs"}
	// documents: the commands that write one PDF of places.
	documents = []string{"guide", "depliant", "fiches"}
)

func with(groups []string, more ...string) []string {
	return append(append([]string{}, groups...), more...)
}

// MaxSize is the largest text size the layout accepts.
const MaxSize = 32

// table is every option of every command. Two rows may share a name when
// no command has both: --format is the paper of a guide and the file
// type of an export.
var table = []*Option{
	// The data.
	{Name: "source", Aliases: []string{"s"}, Kind: Text, Category: Data, Local: true, Commands: selecting,
		Label: "Fichier des lieux",
		Usage: "fichier du standard (CSV, JSON, GeoJSON, XLSX), adresse https://…, national (le fichier national du jour), departement:33 (l’export d’un département) ou - pour l’entrée standard ; sans elle, l’exemple intégré"},
	{Name: "feuille", Kind: Text, Category: Data, Commands: with(selecting, "verifier"),
		Label: "Feuille du classeur",
		Usage: "feuille à lire dans un classeur XLSX (nom ou numéro), la première par défaut"},
	{Name: "brut", Kind: Switch, Category: Data, Commands: with(selecting, "verifier"),
		Label: "Données brutes, sans nettoyage",
		Usage: "données telles que données, sans les règles de nettoyage (noms, adresses, libellés) ; pour comparer"},
	{Name: "adresse", Kind: Text, Category: Data, Local: true, Commands: with(selecting, "verifier"),
		Usage: "avec --source national ou departement:NN, l’adresse à télécharger si elle a changé (aussi LIVRET_ADRESSE_NATIONALE, LIVRET_ADRESSE_CARTOGRAPHIE)"},
	{Name: "http", Kind: Switch, Category: Data, Local: true, Commands: with(selecting, "verifier"),
		Usage: "accepte une adresse http:// non chiffrée, pour un serveur local de confiance (sans elle : https:// seulement)"},
	{Name: "delai", Kind: Integer, Category: Data, Default: "15", Local: true, Commands: with(selecting, "verifier"),
		Usage: "durée maximale d’un téléchargement, en minutes"},
	{Name: "debit-minimal", Kind: Integer, Category: Data, Default: "1", Local: true, Commands: with(selecting, "verifier"),
		Usage: "un téléchargement qui reçoit moins de ce nombre de ko par seconde pendant 30 secondes est abandonné (0 : jamais)"},
	{Name: "silencieux", Kind: Switch, Category: Output, Local: true, Commands: with(selecting, "verifier"),
		Usage: "sans barre de progression (elle ne s’affiche de toute façon que dans un terminal)"},
	{Name: "corrections", Kind: Text, Category: Data, Local: true, Commands: with(selecting, "verifier"),
		Usage: "classeur XLSX ou CSV de vos corrections (colonnes de l’export), appliquées par-dessus la source : voir livret exporter --modele-corrections"},

	// The territory.
	{Name: "commune", Aliases: []string{"c"}, Kind: List, Category: Territory, Commands: choosing,
		Label: "Commune",
		Usage: "commune, par son nom (accents et majuscules facultatifs) ou son code INSEE"},
	{Name: "code-postal", Kind: List, Category: Territory, Commands: choosing,
		Label: "Code postal", Usage: "code postal"},
	{Name: "epci", Kind: List, Category: Territory, Commands: choosing,
		Label: "Intercommunalité (EPCI)",
		Usage: "intercommunalité (EPCI), par son nom ou son SIREN, par exemple « Bordeaux Métropole »"},
	{Name: "departement", Aliases: []string{"d"}, Kind: List, Category: Territory, Commands: choosing,
		Label: "Département",
		Usage: "département, par son nom ou son numéro ; précise aussi une commune au nom ambigu"},
	{Name: "region", Kind: List, Category: Territory, Commands: choosing,
		Label: "Région", Usage: "région, par son nom ou son code"},
	{Name: "autour", Kind: Text, Category: Territory, Commands: choosing,
		Label: "Autour de",
		Usage: "garde les lieux proches d’une commune ou d’une position « latitude,longitude »"},
	{Name: "rayon", Kind: Number, Category: Territory, Default: "5", Commands: choosing, Check: radius,
		Label: "Rayon (km)", Usage: "distance maximale en kilomètres, avec --autour"},

	// The offer.
	{Name: "service", Kind: List, Category: Offer, Commands: choosing, Choices: lieu.Services.Values,
		Check: vocabulary(lieu.Services), Expand: expand(lieu.Services), Label: "Service",
		Usage: "service du standard ou nom court : demarches, quotidien, smartphone, ordinateur, emploi, securite, parentalite, loisirs, comprendre, internet, materiel, achat"},
	{Name: "public", Kind: List, Category: Offer, Commands: choosing, Choices: lieu.Publics.Values,
		Check: vocabulary(lieu.Publics), Expand: expand(lieu.Publics), Label: "Public",
		Usage: "public visé : jeunes, etudiants, familles, seniors, femmes (les lieux ouverts à tous restent)"},
	{Name: "gratuit", Kind: Switch, Category: Offer, Commands: choosing,
		Label: "Seulement les lieux gratuits", Usage: "seulement les lieux gratuits"},
	{Name: "accessible", Kind: Switch, Category: Offer, Commands: choosing,
		Label: "Seulement les lieux accessibles en fauteuil",
		Usage: "seulement les lieux avec une information d’accessibilité (handicap moteur, fiche Accès libre)"},
	{Name: "sans-rendez-vous", Kind: Switch, Category: Offer, Commands: choosing,
		Label: "Seulement les lieux sans rendez-vous",
		Usage: "seulement les lieux où l’on peut venir sans rendez-vous"},
	{Name: "ouvert-samedi", Kind: Switch, Category: Offer, Commands: choosing,
		Label: "Seulement les lieux ouverts le samedi",
		Usage: "seulement les lieux ouverts le samedi d’après leurs horaires"},

	// The layout.
	{Name: "titre", Kind: Text, Category: Layout, Commands: laidOut,
		Label: "Titre", Usage: "titre du guide (par défaut celui du modèle)"},
	{Name: "format", Kind: Text, Category: Layout, Default: "A4", Commands: laidOut, Choices: []string{"A4", "A5"},
		Check: func(s string) error { _, err := layout.LookupFormat(s); return err },
		Label: "Format du papier", Usage: "format du papier : A4 ou A5"},
	{Name: "taille", Kind: Integer, Category: Layout, Default: strconv.Itoa(layout.DefaultSize), Commands: laidOut,
		Choices: []string{"16", "18", "20", "24"}, Check: textSize,
		Label: "Taille du texte (points)", Usage: "taille du texte en points : 16, 18, 20 ou 24"},
	{Name: "police", Kind: Text, Category: Layout, Default: fonts.Default, Commands: laidOut, Choices: fonts.Names(),
		Check: func(s string) error { _, err := fonts.Lookup(s); return err },
		Label: "Police", Usage: "police : " + Either(fonts.Names())},
	{Name: "qr", Kind: Switch, Category: Layout, Default: "true", Commands: laidOut, Local: true, // the web has sans-qr
		Usage: "codes QR vers les sites des lieux (--qr=false ou --sans-qr pour les retirer)"},
	{Name: "sans-qr", Kind: Switch, Category: Layout, Commands: laidOut,
		Label: "Sans codes QR", Usage: "sans codes QR vers les sites des lieux"},
	{Name: "fond", Kind: Text, Category: Layout, Default: "blanc", Commands: laidOut, Choices: []string{"blanc", "ivoire"},
		Label: "Couleur du papier", Usage: "couleur du papier : blanc ou ivoire"},
	{Name: "modele", Kind: Text, Category: Layout, Commands: laidOut, Choices: templates.Names(), OrFile: true,
		Label: "Modèle",
		Usage: "modèle YAML (textes, couleurs, lignes d’aide) : un fichier, ou " + strings.Join(templates.Names(), ", ")},
	{Name: "sans-article", Kind: Switch, Category: Layout, Commands: laidOut,
		Label: "Classer les communes sans leur article",
		Usage: "classe les noms sans leur article, comme un annuaire : « Le Bouscat » à la lettre B"},
	{Name: "date", Kind: Text, Category: Layout, Commands: with(laidOut, "verifier"), Check: editionDate,
		Label: "Date d’édition",
		Usage: "date d’édition AAAA-MM-JJ (par défaut aujourd’hui) ; fixe aussi les dates du PDF : même entrée, même fichier"},
	{Name: "par", Kind: Text, Category: Layout, Default: "commune", Commands: []string{"guide"},
		Choices: []string{"commune", "service"}, Label: "Classement des lieux",
		Usage: "classement des lieux : commune ou service"},
	{Name: "max", Kind: Integer, Category: Layout, Commands: []string{"depliant"}, Check: atLeastOne,
		Label: "Nombre de lieux au plus",
		Usage: "nombre de lieux au plus sur le dépliant, les plus proches d’abord (par défaut : autant que la feuille en contient)"},
	{Name: "sans-index-communes", Kind: Switch, Category: Layout, Commands: []string{"guide", "lot"},
		Label: "Sans l’index des communes",
		Usage: "sans l’index de toutes les communes du territoire, qui donne à chacune la page du lieu le plus proche (pour l’imprimer à part, ou s’en passer)"},
	{Name: "sans-index-lieux", Kind: Switch, Category: Layout, Commands: []string{"guide", "lot"},
		Label: "Sans l’index des lieux",
		Usage: "sans l’index des lieux par leur nom, de A à Z (pour l’imprimer à part, ou s’en passer : le guide d’une commune se lit aussi par le sommaire et l’index par besoin)"},
	{Name: "indicateurs", Kind: Switch, Category: Layout, Commands: []string{"guide"},
		Label: "Ajouter une page de chiffres",
		Usage: "ajoute une page de chiffres : lieux par commune, par service, gratuits ou payants"},

	// The publisher and the helpline.
	{Name: "editeur", Kind: Text, Category: Publisher, Commands: laidOut,
		Label: "Éditeur (qui distribue le document)", Usage: "nom de qui distribue le document, par exemple « CCAS de Pessac » (par défaut celui du modèle)"},
	{Name: "logo", Kind: Text, Category: Publisher, Commands: laidOut, Local: true, // the web page takes a file sent
		Usage: "image PNG ou JPEG du logo de l’éditeur (par défaut celle du modèle)"},
	{Name: "aide-telephone", Kind: Text, Category: Publisher, Commands: laidOut, Check: phoneNumber,
		Label: "Numéro de la ligne d’aide",
		Usage: "numéro de téléphone à appeler en cas de doute, imprimé en tête du document ; remplace les lignes d’aide du modèle"},
	{Name: "aide-nom", Kind: Text, Category: Publisher, Commands: laidOut,
		Label: "Nom de la ligne d’aide", Usage: "nom de cette ligne d’aide, par exemple « Point numérique de la mairie »"},
	{Name: "aide-horaires", Kind: Text, Category: Publisher, Commands: laidOut,
		Label: "Quand appeler", Usage: "quand l’appeler, par exemple « du lundi au vendredi, de 9 h à 17 h »"},

	// The output.
	{Name: "livret", Kind: Switch, Category: Output, Commands: []string{"guide"},
		Label: "Livret à agrafer (A5)",
		Usage: "avec --format A5 : écrit aussi NOM-livret.pdf, les pages imposées sur A4 pour un livret agrafé"},
	{Name: "sortie", Aliases: []string{"o"}, Kind: Text, Category: Output, Local: true, Commands: documents,
		Usage: "fichier PDF à écrire (par défaut {commande}-TERRITOIRE.pdf)"},
	{Name: "rapport", Kind: Text, Category: Output, Local: true, Commands: documents,
		Usage: "écrit aussi le rapport de vérification des données dans ce fichier"},
	{Name: "non-balise", Kind: Switch, Category: Output, Commands: laidOut,
		Label: "PDF sans balisage d’accessibilité",
		Usage: "PDF sans balisage d’accessibilité (plus léger, illisible par les lecteurs d’écran)"},
	{Name: "apercu", Kind: Text, Category: Output, Local: true, Commands: documents,
		Usage: "écrit aussi les premières pages en images PNG dans ce dossier, pour vérifier avant d’imprimer"},
	{Name: "par", Kind: Text, Category: Output, Default: "epci", Commands: []string{"lot"},
		Choices: []string{"epci", "commune"}, Label: "Un guide par", Usage: "un guide par epci ou par commune"},
	{Name: "dossier", Kind: Text, Category: Output, Default: "guides", Local: true, Commands: []string{"lot"},
		Usage: "dossier où écrire les guides (créé si besoin)"},
	{Name: "format", Aliases: []string{"f"}, Kind: Text, Category: Output, Default: "xlsx", Commands: []string{"exporter"},
		Choices: []string{"xlsx", "csv", "json"}, Label: "Type de fichier", Usage: "xlsx, csv ou json"},
	{Name: "format", Aliases: []string{"f"}, Kind: Text, Category: Output, Default: "tableau", Commands: []string{"lieux"},
		Choices: []string{"tableau", "csv", "json", "xlsx"}, Check: oneOf("tableau", "table", "csv", "json", "xlsx"),
		Label: "Présentation", Usage: "tableau (à l’écran), csv (standard 1.x), json ou xlsx"},
	{Name: "format", Aliases: []string{"f"}, Kind: Text, Category: Output, Default: "texte", Commands: []string{"verifier"},
		Choices: []string{"texte", "csv", "json"}, Check: oneOf("texte", "text", "csv", "json"),
		Label: "Format du rapport", Usage: "format du rapport : texte, csv ou json"},
	{Name: "point-virgule", Kind: Switch, Category: Output, Commands: []string{"exporter", "lieux"},
		Label: "CSV avec « ; »",
		Usage: "CSV avec « ; » et BOM, comme l’export national ; sans elle, « , » comme l’exemple du schéma"},
	{Name: "modele-corrections", Kind: Switch, Category: Output, Local: true, Commands: []string{"exporter"},
		Usage: "écrit un classeur de corrections vide, avec ses colonnes et leur mode d’emploi (corrections.xlsx par défaut)"},
	{Name: "sortie", Aliases: []string{"o"}, Kind: Text, Category: Output, Local: true, Commands: []string{"exporter"},
		Usage: "fichier à écrire (par défaut lieux-TERRITOIRE.xlsx, .csv ou .json)"},
	{Name: "sortie", Aliases: []string{"o"}, Kind: Text, Category: Output, Local: true, Commands: []string{"indicateurs"},
		Usage: "fichier à écrire, .xlsx ou .pdf (par défaut indicateurs-TERRITOIRE.xlsx)"},
	{Name: "sortie", Aliases: []string{"o"}, Kind: Text, Category: Output, Local: true, Commands: []string{"lieux"},
		Usage: "fichier à écrire plutôt que l’écran"},
	{Name: "sortie", Aliases: []string{"o"}, Kind: Text, Category: Output, Local: true, Commands: []string{"verifier"},
		Usage: "écrit le rapport dans ce fichier plutôt qu’à l’écran"},
	{Name: "appels", Kind: Text, Category: Output, Local: true, Commands: []string{"verifier"},
		Usage: "écrit aussi la liste des lieux à appeler avant d’imprimer (XLSX : commune, lieu, téléphone, ce qui manque ou est ancien, une colonne pour la réponse) ; avec les options de territoire, ceux du territoire seulement"},
	// The web server.
	{Name: "adresse", Kind: Text, Category: Server, Default: "127.0.0.1:8080", Local: true, Commands: []string{"serveur"},
		Usage: "adresse et port où la page répond ; une adresse autre que locale demande --reseau"},
	{Name: "reseau", Kind: Switch, Category: Server, Local: true, Commands: []string{"serveur"},
		Usage: "ouvre la page aux autres ordinateurs du réseau (par défaut : seulement cet ordinateur) ; réservez-le à un réseau de confiance"},
	{Name: "navigateur", Kind: Switch, Category: Server, Local: true, Commands: []string{"serveur"},
		Usage: "ouvre la page dans le navigateur dès que le serveur est prêt"},
	{Name: "strict", Kind: Switch, Category: Output, Local: true, Commands: []string{"verifier"},
		Usage: "statut de sortie 1 si une ligne est écartée ou si le fichier ne donne aucun lieu"},
}

// vocabulary checks a service or a public as selection will read it.
func vocabulary(v *lieu.Vocabulary) func(string) error {
	return func(s string) error { _, err := v.Parse(s); return err }
}

func phoneNumber(s string) error {
	if _, err := telephone.Parse(s, ""); err != nil {
		return fmt.Errorf("numéro « %s » illisible : écrivez-le comme on le compose, par exemple 05 56 00 00 00", s)
	}
	return nil
}

func expand(v *lieu.Vocabulary) func(string) []string {
	return func(s string) []string { vals, _ := v.Parse(s); return vals }
}

func textSize(s string) error {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return fmt.Errorf("taille « %s » illisible : un nombre de points, par exemple %d", s, layout.DefaultSize)
	case n < layout.MinSize:
		return fmt.Errorf("taille de texte %d pt trop petite : le gros caractère commence à %d pt", n, layout.MinSize)
	case n > MaxSize:
		return fmt.Errorf("taille %d trop grande : choisissez entre %d et %d points", n, layout.MinSize, MaxSize)
	}
	return nil
}

// atLeastOne refuses a count of places that would print none.
func atLeastOne(s string) error {
	if n, err := strconv.Atoi(s); err != nil || n < 1 {
		return fmt.Errorf("« %s » : indiquez un nombre de lieux, 1 au moins, par exemple --max 4", s)
	}
	return nil
}

func editionDate(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("date « %s » illisible : écrivez-la AAAA-MM-JJ, par exemple 2026-11-23", s)
	}
	// fpdf writes the current time for a zero date: a date that old is a
	// typing mistake anyway.
	if t.Year() < 1900 {
		return fmt.Errorf("date « %s » improbable : écrivez l’année en entier, par exemple 2026-11-23", s)
	}
	return nil
}

// radius refuses what is not a distance: NaN would mean no limit.
func radius(s string) error {
	r, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || !(r > 0 && r <= 20_000) {
		return fmt.Errorf("rayon « %s » impossible : indiquez une distance positive en kilomètres, au plus 20\u202f000, par exemple --rayon 5", s)
	}
	return nil
}
