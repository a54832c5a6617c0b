package lieu

import (
	"fmt"
	"slices"
	"strings"

	"livret/texte"
)

// Vocabulary is one enumeration of schema 1.x: the values a field may take.
type Vocabulary struct {
	Field  string   // column name in schema 1.x
	Title  string   // French title, as the schema gives it
	Values []string // canonical values, in schema order

	// short names a user may type on the command line, folded
	// (see texte.Fold), each mapped to one or more canonical values.
	short map[string][]string
	index map[string]string // folded canonical value → canonical value
}

func newVocabulary(field, title string, values []string, short map[string][]string) *Vocabulary {
	v := &Vocabulary{Field: field, Title: title, Values: values, short: short, index: map[string]string{}}
	for _, val := range values {
		v.index[texte.Fold(val)] = val
	}
	return v
}

// Canonical returns the canonical spelling of s, compared loosely (case,
// accents, apostrophes and spacing do not matter).
func (v *Vocabulary) Canonical(s string) (string, bool) {
	c, ok := v.index[texte.Fold(s)]
	return c, ok
}

// Parse reads what a user typed to name values of the vocabulary: a
// canonical value, a short name ("demarches", "smartphone"), or an
// unambiguous part of a value ("parentalité"). The error is in French and
// lists the accepted names.
func (v *Vocabulary) Parse(s string) ([]string, error) {
	if c, ok := v.Canonical(s); ok {
		return []string{c}, nil
	}
	key := texte.Fold(s)
	if vals, ok := v.short[key]; ok {
		return vals, nil
	}
	var found []string
	if key != "" {
		for _, val := range v.Values {
			if strings.Contains(texte.Fold(val), key) {
				found = append(found, val)
			}
		}
	}
	if len(found) == 1 {
		return found, nil
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range v.short {
			if !yield(k) {
				return
			}
		}
	})
	if len(found) > 1 {
		return nil, fmt.Errorf("« %s » peut désigner plusieurs valeurs du champ %s : %s ; précisez, ou utilisez l’un de ces noms courts : %s",
			s, v.Field, quoteList(found), strings.Join(names, ", "))
	}
	return nil, fmt.Errorf("« %s » n’est pas une valeur connue du champ %s ; valeurs acceptées : %s, ou les noms courts %s",
		s, v.Field, quoteList(v.Values), strings.Join(names, ", "))
}

// Sort sorts values in vocabulary order and removes duplicates.
func (v *Vocabulary) Sort(values []string) []string {
	slices.SortFunc(values, func(a, b string) int {
		return slices.Index(v.Values, a) - slices.Index(v.Values, b)
	})
	return slices.Compact(values)
}

func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "« " + v + " »"
	}
	return strings.Join(q, ", ")
}

// The services of schema 1.x, named for the pictograms and filters that
// need to single one out.
const (
	ServiceDemarches   = "Aide aux démarches administratives"
	ServiceQuotidien   = "Maîtrise des outils numériques du quotidien"
	ServiceInsertion   = "Insertion professionnelle via le numérique"
	ServiceSecurite    = "Utilisation sécurisée du numérique"
	ServiceParentalite = "Parentalité et éducation avec le numérique"
	ServiceLoisirs     = "Loisirs et créations numériques"
	ServiceComprendre  = "Compréhension du monde numérique"
	ServiceAcces       = "Accès internet et matériel informatique"
	ServiceMateriel    = "Acquisition de matériel informatique à prix solidaire"
)

// Values of other vocabularies that livret reasons about.
const (
	FeeFree            = "Gratuit"
	FeeFreeConditional = "Gratuit sous condition"
	FeePaid            = "Payant"

	AccessWalkIn    = "Se présenter"
	AccessPhone     = "Téléphoner"
	AccessEmail     = "Contacter par mail"
	AccessOnline    = "Prendre un RDV en ligne"
	AccessNoPublic  = "Ce lieu n'accueille pas de public"
	AccessReferral  = "Envoyer un mail avec une fiche de prescription"
	SupportMobility = "Handicaps moteurs"
	MobilityRoaming = "Itinérant"
)

// The vocabularies of schema 1.0.2.
var (
	Services = newVocabulary("services", "Services", []string{
		ServiceDemarches, ServiceQuotidien, ServiceInsertion, ServiceSecurite,
		ServiceParentalite, ServiceLoisirs, ServiceComprendre, ServiceAcces, ServiceMateriel,
	}, map[string][]string{
		"demarches":   {ServiceDemarches},
		"quotidien":   {ServiceQuotidien},
		"smartphone":  {ServiceQuotidien},
		"tablette":    {ServiceQuotidien},
		"ordinateur":  {ServiceQuotidien},
		"emploi":      {ServiceInsertion},
		"insertion":   {ServiceInsertion},
		"securite":    {ServiceSecurite},
		"parentalite": {ServiceParentalite},
		"loisirs":     {ServiceLoisirs},
		"comprendre":  {ServiceComprendre},
		"internet":    {ServiceAcces},
		"materiel":    {ServiceAcces},
		"achat":       {ServiceMateriel},
	})

	Publics = newVocabulary("publics_specifiquement_adresses", "Publics spécifiquement adressés", []string{
		"Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes",
	}, map[string][]string{
		"familles": {"Familles et/ou enfants"},
		"enfants":  {"Familles et/ou enfants"},
		"aines":    {"Seniors"},
	})

	Support = newVocabulary("prise_en_charge_specifique", "Prise en charge spécifique", []string{
		"Surdité", SupportMobility, "Handicaps mentaux", "Illettrisme",
		"Langues étrangères (anglais)", "Langues étrangères (autres)", "Déficience visuelle",
	}, map[string][]string{
		"fauteuil":  {SupportMobility},
		"moteur":    {SupportMobility},
		"langues":   {"Langues étrangères (anglais)", "Langues étrangères (autres)"},
		"malvoyant": {"Déficience visuelle"},
	})

	Fees = newVocabulary("frais_a_charge", "Frais à charge", []string{
		FeeFree, FeeFreeConditional, FeePaid,
	}, nil)

	Mobility = newVocabulary("itinerance", "Itinérance", []string{MobilityRoaming, "Fixe"}, nil)

	Programmes = newVocabulary("dispositif_programmes_nationaux", "Dispositifs et programmes nationaux", []string{
		"Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX",
		"Conseillers numériques", "Emmaüs Connect", "France Services", "Grande école du numérique",
		"La Croix Rouge", "Point d'accès numérique CAF", "Promeneurs du net",
		"Relais numérique (Emmaüs Connect)",
	}, map[string][]string{
		"cnfs": {"Conseillers numériques"},
	})

	Labels = newVocabulary("formations_labels", "Formations et labels", []string{
		"Formé à « Mon Espace Santé »", "Formé à « DUPLEX » (illettrisme)",
		"Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
		"Collectif ressources et acteurs réemploi (Normandie)",
		"Étapes numériques (La Poste)", "Fabriques de Territoire",
		"Les Éclaireurs du numérique (Drôme)", "Mes Papiers (Métropole de Lyon)",
		"ORDI 3.0", "SUD LABS (PACA)",
	}, nil)

	Access = newVocabulary("modalites_acces", "Modalités d'accès", []string{
		AccessWalkIn, AccessPhone, AccessEmail, AccessOnline, AccessNoPublic, AccessReferral,
	}, map[string][]string{
		"sans rendez vous": {AccessWalkIn},
	})

	Guidance = newVocabulary("modalites_accompagnement", "Modalités d'accompagnement", []string{
		"En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance",
	}, map[string][]string{
		"autonomie":  {"En autonomie"},
		"individuel": {"Accompagnement individuel"},
		"atelier":    {"Dans un atelier collectif"},
		"distance":   {"À distance"},
	})
)
