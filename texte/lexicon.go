package texte

import "strings"

// The word lists FixCase relies on. Keys are folded (see Fold).

// smallWords stay in lower case inside a name: articles, prepositions and
// conjunctions. "a" stands for "à", whose accent shouting text drops; the
// verb "a" does not occur in names and addresses.
var smallWords = map[string]string{
	"de": "de", "du": "du", "des": "des", "la": "la", "le": "le", "les": "les",
	"et": "et", "en": "en", "a": "à", "au": "au", "aux": "aux", "sur": "sur",
	"sous": "sous", "par": "par", "pour": "pour", "dans": "dans", "chez": "chez",
	"un": "un", "une": "une", "ou": "ou",
}

// elisions are the words written with an apostrophe before a vowel: "D'",
// "L'", "QU'".
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true,
	"c": true, "qu": true, "jusqu": true, "lorsqu": true, "puisqu": true,
}

// acronyms are kept in capitals. Words without a vowel ("CC", "CHRS", "MFR")
// are kept too without being listed.
var acronyms = setOf(`
	ADAPEI ADMR ADSEA AFPA AFEV ALEFPA ANCT APAJH APF ASSO BIJ BP CADA CAF
	CARSAT CCAS CCI CDAD CDAS CEDEX CIAS CIDFF CIO CLIC CLLAJ CMA CMP CMPP
	CNAV CNFS CPAM CSAPA CSC CSCS DGFIP EHPAD EPCI EPI EPN ESAT EVS FJT GRETA
	HLM IME ITEP MDA MDPH MDS MDSI MJC MSA MSAP OPH PIJ PIMMS PLIE PMI QPV RSA
	SAVS SIAO SIVOM SIVU SNCF UDAF UDCCAS UFCV UNA URSSAF`)

// abbreviations written in a particular case.
var abbreviations = map[string]string{
	"st": "St", "ste": "Ste", "sts": "Sts", "stes": "Stes", "mme": "Mme",
	"mlle": "Mlle", "dr": "Dr",
}

// commonWords are the common nouns and adjectives of place names: written in
// lower case inside a name ("Centre communal d’action sociale"), with their
// accents, which only these listed words get back. A word is listed only if
// its spelling without accents is not a French word too: "cite" (cité) or
// "marche" (marché) are not.
var commonWords = wordsOf(`
	accès accompagnement accueil action activité administratif agence agglomération
	agriculture aide animation annexe antenne association associatif
	associative atelier autonomie bibliothèque bureau centre chambre
	circonscription citoyen citoyenne club collectif comité commerce
	communal communale communautaire communauté commune conseil culture
	culturel culturelle département départemental départementale
	développement direction droits école économie économique éducatif
	éducation emploi enfance enseignement entreprise espace établissement
	famille familial familiale fédération femmes formation foyer gestion
	habitants habitat handicap hébergement information informatique
	initiative innovation insertion intercommunal intercommunale
	intergénérationnel itinérant itinérante jeunes jeunesse jour lecture local
	locale logement loisirs ludothèque maison médiathèque médiation médical médicale médico
	métropole mission multimédia municipal municipale national nationale
	numérique office parentalité permanence plateforme point pôle populaire professionnel professionnelle
	projets proximité public publique quartier recyclage région régional régionale
	relais ressources résidence rural rurale salle santé service services
	social sociale socio socioculturel socioculturelle solidaire solidarité
	syndicat territoire territorial territoriale tiers travail union unité
	urgence vie`)

// accentedWords get their accents back but keep their capital, being parts
// of proper names: street names, saints, first names.
var accentedWords = wordsOf(`
	Abbé Août André Anaïs Béatrice Benoît Cécile Césaire Château Clément Cœur
	Écluse Édouard Église Éloi Éluard Émile Étang Étienne Eugène Félix
	Françoise François Frédéric Frères Général Geneviève Gérard Grégoire
	Hélène Honoré Hôpital Hôtel Île Irène Jaurès Jérôme Joël Léo Léon Léonard
	Libération Lycée Maréchal Médard Mendès Molière Musée Noël Pré Préfecture
	Président Raphaël Rémi Rémy René République Résistance Réunion Sœur Stéphane
	Théâtre Théophile Thérèse Université Vallée`)

// streetTypes are written in lower case where the type of way stands in an
// address, with their abbreviations spelled out.
var streetTypes = map[string]string{
	"rue": "rue", "r": "rue", "avenue": "avenue", "av": "avenue", "ave": "avenue",
	"boulevard": "boulevard", "bd": "boulevard", "bld": "boulevard",
	"place": "place", "pl": "place", "allee": "allée", "all": "allée",
	"chemin": "chemin", "che": "chemin", "chem": "chemin", "ch": "chemin",
	"impasse": "impasse", "imp": "impasse", "route": "route", "rte": "route",
	"cours": "cours", "crs": "cours", "quai": "quai", "qu": "quai",
	"square": "square", "sq": "square", "rond point": "rond-point",
	"rond-point": "rond-point", "rpt": "rond-point", "esplanade": "esplanade",
	"esp": "esplanade", "promenade": "promenade", "prom": "promenade",
	"passage": "passage", "pas": "passage", "sentier": "sentier",
	"voie": "voie", "cite": "cité", "residence": "résidence", "res": "résidence",
	"lotissement": "lotissement", "lot": "lotissement", "hameau": "hameau",
	"ham": "hameau", "lieu dit": "lieu-dit", "ld": "lieu-dit",
	"faubourg": "faubourg", "fg": "faubourg", "fbg": "faubourg",
	"montee": "montée", "mte": "montée", "traverse": "traverse",
	"ruelle": "ruelle", "venelle": "venelle", "sente": "sente",
	"parvis": "parvis", "carrefour": "carrefour", "chaussee": "chaussée",
	"mail": "mail", "cheminement": "cheminement", "galerie": "galerie",
}

// houseSuffixes follow a house number: "12 BIS", "12 B".
var houseSuffixes = map[string]string{
	"bis": "bis", "b": "bis", "ter": "ter", "t": "ter", "quater": "quater",
}

func setOf(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// wordsOf maps the folded form of each word to its spelling.
func wordsOf(list string) map[string]string {
	m := make(map[string]string)
	for _, w := range strings.Fields(list) {
		m[Fold(w)] = w
	}
	return m
}
