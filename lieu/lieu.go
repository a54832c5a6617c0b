package lieu

import "time"

// Lieu is one place of the standard, with its values in the 1.x vocabulary.
//
// Enumerated fields hold canonical values of their Vocabulary (for example
// Services holds values of the Services vocabulary), in the order of the
// vocabulary, without duplicates. Text fields are as found in the source,
// trimmed; cleaning them for print is the job of later steps.
type Lieu struct {
	ID                string
	Pivot             string // SIRET, RNA or RIDET; empty when unknown or all zeros
	Name              string
	Commune           string
	PostalCode        string
	INSEE             string
	Address           string
	AddressComplement string
	Position          Point
	Types             []string // typologie codes, e.g. "BIB", "CCAS"
	Phone             string
	Emails            []string
	Websites          []string
	Hours             string // OpenStreetMap opening_hours syntax
	Summary           string // presentation_resume
	Description       string // presentation_detail
	Source            string
	Mobility          []string // itinerance
	Parent            string   // structure_parente
	Updated           time.Time
	Services          []string
	Publics           []string // publics_specifiquement_adresses
	Support           []string // prise_en_charge_specifique
	Fees              []string // frais_a_charge
	Programmes        []string // dispositif_programmes_nationaux
	Labels            []string // formations_labels
	OtherLabels       []string // autres_formations_labels
	Access            []string // modalites_acces
	Guidance          []string // modalites_accompagnement
	AccessibilityURL  string   // fiche_acces_libre
	BookingURL        string   // prise_rdv
	Directions        string   // how to get there (livret's column « Comment s’y rendre »)
	Closure           string   // temporary closure (livret's column « Fermeture temporaire »)
	Extra             []Extra  // columns outside the standard, kept as found
}

// Point is a WGS84 position. The zero Point means "position unknown": no
// place of the standard lies at 0° N 0° E.
type Point struct {
	Lat, Lon float64
}

// Known reports whether p holds a position.
func (p Point) Known() bool { return p != Point{} }

// Extra is a column of the source file that the standard does not define.
type Extra struct {
	Name, Value string
}
