package guide

import (
	"reflect"
	"slices"
	"strings"

	"livret/texte"
)

// Wording is the words printed around the content of a document: the
// headings of its parts, the page numbers, the footers, the continuation
// of an entry, the alternative texts of links and figures, the titles of
// the files. Package templates reads them from the template (its key
// « mise_en_page »); package layout prints them and writes no word of its
// own. A word in braces, « {page} », is a placeholder filled by Fill.
type Wording struct {
	Page          string     `yaml:"page"`               // "Page {page} sur {pages}"
	EditedOn      string     `yaml:"edite_le"`           // "Édité le {date}", footer of the leaflet and of the figures
	EditionOf     string     `yaml:"edition_du"`         // "Édition du {date}", on the cover
	SheetFooter   string     `yaml:"fiche_imprimee_le"`  // "Fiche imprimée le {date}"
	DocumentTitle string     `yaml:"titre_du_document"`  // "{titre} – {territoire}", the PDF's title
	SheetsTitle   string     `yaml:"titre_des_fiches"`   // "Fiches des lieux – {territoire}"
	BookletTitle  string     `yaml:"titre_du_livret"`    // "{titre} (livret à imprimer)"
	Continued     string     `yaml:"suite"`              // "{nom} (suite)", atop the rest of an entry
	OtherPhone    string     `yaml:"ou_telephone"`       // "ou", before a place's second number
	HowTo         string     `yaml:"comment_lire"`       // "Comment lire ce guide"
	HowToShort    string     `yaml:"comment_lire_court"` // "Mode d’emploi", its running head where the whole does not hold beside the page number (A5)
	Sample        string     `yaml:"exemple"`            // "Un exemple de lieu"
	SampleParts   EntryParts `yaml:"parties_d_un_lieu"`  // what each part of the sample entry says
	Legend        string     `yaml:"pictogrammes"`       // "Les pictogrammes"
	Helplines     string     `yaml:"lignes_d_aide"`      // "Un doute ? Appelez"
	Contents      string     `yaml:"sommaire"`           // "Sommaire"
	Index         string     `yaml:"index"`              // "Index des lieux"
	IndexSameName string     `yaml:"index_meme_nom"`     // "{nom} : {lieux}", one index line for the places of one name
	IndexPlace    string     `yaml:"index_lieu"`         // "{commune} {page}", one of those places
	IndexSep      string     `yaml:"index_separateur"`   // ", ", between them
	Notes         string     `yaml:"notes"`              // "Mes notes"
	About         string     `yaml:"a_propos"`           // "À propos de ce guide"
	OnlineMap     string     `yaml:"carte_en_ligne"`     // "Tous les lieux, sur une carte en ligne :", before the leaflet's map QR code
	Alt           Alt        `yaml:"textes_de_remplacement"`
}

// EntryParts names the parts of an entry, as the sample entry of the how-to
// explains them.
type EntryParts struct {
	Name     string    `yaml:"nom"`       // "Le nom du lieu"
	Address  string    `yaml:"adresse"`   // "L’adresse du lieu"
	Phone    string    `yaml:"telephone"` // "Le téléphone"
	Hours    string    `yaml:"horaires"`  // "Les jours et les heures d’ouverture"
	Services string    `yaml:"services"`  // "Ce que l’on peut y faire"
	Facts    FactParts `yaml:"pratique"`
	Links    LinkParts `yaml:"liens"`
}

// FactParts name what the facts of an entry tell, lower case: the sample's
// legend names those its facts show (see EntryParts.FactsOf).
type FactParts struct {
	Kind        string `yaml:"genre"`       // "le genre de lieu": its kind and programmes
	Fees        string `yaml:"prix"`        // "le prix"
	Appointment string `yaml:"rendez_vous"` // "le rendez-vous"
	Access      string `yaml:"acces"`       // "l’accès en fauteuil"
	Help        string `yaml:"aide"`        // "l’aide proposée": how help is given, specific support
	Roaming     string `yaml:"itinerant"`   // "le lieu itinérant"
	Distance    string `yaml:"distance"`    // "la distance"
}

// LinkParts name the links of an entry, lower case (see EntryParts.LinksOf).
type LinkParts struct {
	Email   string `yaml:"courriel"` // "le courriel"
	Website string `yaml:"site"`     // "le site"
	Updated string `yaml:"date"`     // "la date des informations"
	QR      string `yaml:"code_qr"`  // "le code QR", said when nothing else is
}

// FactsOf says what the facts of e tell, in their order: "Le genre de
// lieu, le prix". A legend that named more would send the reader looking
// for what the sample does not show.
func (p EntryParts) FactsOf(e *Entry) string {
	var words []string
	for _, f := range e.Facts {
		if w, ok := p.Facts.Of(f); ok && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return capitalFirst(strings.Join(words, ", "))
}

// Of is what the fact f tells, as the sample's legend names it, by its
// pictogram: the closed set of the facts that compose makes (a test walks
// them all), false for one it does not know, rather than a wrong name.
func (p FactParts) Of(f Fact) (string, bool) {
	switch f.Icon {
	case "info":
		return p.Kind, true
	case "fees":
		return p.Fees, true
	case "walk-in", "appointment":
		return p.Appointment, true
	case "wheelchair":
		return p.Access, true
	case "": // the acceslibre page, under the wheelchair's pictogram just above
		return p.Access, f.Link != nil
	case "people", "hearing", "visibility", "help", "translate": // how help is given, the specific support
		return p.Help, true
	case "roaming":
		return p.Roaming, true
	case "distance":
		return p.Distance, true
	}
	return "", false
}

// LinksOf says what the links of e show: "Le courriel, le site", with
// "la date des informations" when e prints its own; qr tells whether
// its QR code is printed, which is named when nothing else is.
func (p EntryParts) LinksOf(e *Entry, qr bool) string {
	var words []string
	for _, w := range []struct {
		on   bool
		text string
	}{{e.Email != nil, p.Links.Email}, {e.Website != nil, p.Links.Website}, {e.Updated != "", p.Links.Updated}} {
		if w.on {
			words = append(words, w.text)
		}
	}
	if len(words) == 0 && qr {
		words = append(words, p.Links.QR)
	}
	return capitalFirst(strings.Join(words, ", "))
}

// Alt are the alternative texts that screen readers say for links and
// figures.
type Alt struct {
	CallPlace    string   `yaml:"appeler_le_lieu"`  // "Appeler le {numero}"
	CallHelpline string   `yaml:"appeler_la_ligne"` // "Appeler {nom}"
	Write        string   `yaml:"ecrire"`           // "Écrire à {adresse}"
	Open         string   `yaml:"ouvrir_le_site"`   // "Ouvrir le site {adresse}"
	QR           string   `yaml:"code_qr"`          // "Code QR vers {adresse}"
	MapQR        string   `yaml:"code_qr_carte"`    // "Code QR vers la carte en ligne : {adresse}"
	PageOf       string   `yaml:"page_de"`          // "{titre}, page {page}", a line of the contents
	Logo         string   `yaml:"logo"`             // "Logo"
	LogoOf       string   `yaml:"logo_de"`          // "Logo : {nom}"
	Icons        IconAlts `yaml:"pictogrammes"`
}

// IconAlts are the alternative texts of the pictograms, that screen
// readers say for a pictogram which stands for words: beside a place's
// address, phone or hours, in a row of services. The YAML key of each is
// the pictogram's name (package picto).
type IconAlts struct {
	Address       string `yaml:"address"`       // "Adresse"
	Appointment   string `yaml:"appointment"`   // "Sur rendez-vous"
	Computer      string `yaml:"computer"`      // "Accès internet et matériel informatique"
	Devices       string `yaml:"devices"`       // "Maîtrise des outils numériques du quotidien"
	Distance      string `yaml:"distance"`      // "Distance"
	Email         string `yaml:"email"`         // "Courriel"
	Family        string `yaml:"family"`        // "Parentalité et éducation"
	Fees          string `yaml:"fees"`          // "Tarifs"
	Hearing       string `yaml:"hearing"`       // "Surdité"
	Help          string `yaml:"help"`          // "Aide adaptée"
	Helpline      string `yaml:"helpline"`      // "Assistance par téléphone"
	Hours         string `yaml:"hours"`         // "Horaires d’ouverture"
	Info          string `yaml:"info"`          // "Information"
	Leisure       string `yaml:"leisure"`       // "Loisirs et créations"
	Paperwork     string `yaml:"paperwork"`     // "Aide aux démarches administratives"
	People        string `yaml:"people"`        // "Publics accueillis"
	Phone         string `yaml:"phone"`         // "Téléphone"
	Qr            string `yaml:"qr"`            // "Code QR"
	Roaming       string `yaml:"roaming"`       // "Service itinérant"
	Security      string `yaml:"security"`      // "Utilisation sécurisée du numérique"
	Shopping      string `yaml:"shopping"`      // "Acquisition de matériel à prix solidaire"
	Translate     string `yaml:"translate"`     // "Langues étrangères"
	Understanding string `yaml:"understanding"` // "Compréhension du monde numérique"
	Updated       string `yaml:"updated"`       // "Date de mise à jour"
	Visibility    string `yaml:"visibility"`    // "Déficience visuelle"
	WalkIn        string `yaml:"walk-in"`       // "Sans rendez-vous"
	Website       string `yaml:"website"`       // "Site internet"
	Wheelchair    string `yaml:"wheelchair"`    // "Accessible en fauteuil roulant"
	Work          string `yaml:"work"`          // "Insertion professionnelle"
}

// iconFields is the index of each pictogram's field in IconAlts, by its
// name.
var iconFields = func() map[string]int {
	t := reflect.TypeFor[IconAlts]()
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		m[t.Field(i).Tag.Get("yaml")] = i
	}
	return m
}()

// Of returns the alternative text of the pictogram called name, "" for a
// name it does not know.
func (a *IconAlts) Of(name string) string {
	i, ok := iconFields[name]
	if !ok {
		return ""
	}
	return reflect.ValueOf(a).Elem().Field(i).String()
}

// Fill replaces the placeholders of phrase, given as pairs of a name and
// its value: Fill("Page {page} sur {pages}", "page", "3", "pages", "24").
func Fill(phrase string, pairs ...string) string {
	if len(pairs)%2 != 0 {
		panic("guide.Fill: odd number of arguments")
	}
	// A walk over the braces, as strings.Replacer would replace them (left
	// to right, the first name that matches, never inside a value), without
	// building a replacer: a national guide fills phrases a million times.
	var b strings.Builder
	for {
		i := strings.IndexByte(phrase, '{')
		if i < 0 {
			if b.Len() == 0 {
				return phrase
			}
			b.WriteString(phrase)
			return b.String()
		}
		b.WriteString(phrase[:i])
		phrase = phrase[i:]
		matched := false
		for k := 0; k < len(pairs); k += 2 {
			name := pairs[k]
			if len(phrase) >= len(name)+2 && phrase[1:1+len(name)] == name && phrase[1+len(name)] == '}' {
				b.WriteString(pairs[k+1])
				phrase = phrase[len(name)+2:]
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte('{')
			phrase = phrase[1:]
		}
	}
}

// Typeset returns the wording with French typography applied to every
// phrase (no-break spaces before « ? » and « : », apostrophes).
func (w Wording) Typeset() Wording {
	w.Each(func(_ string, s *string) error {
		*s = texte.Typography(*s)
		return nil
	})
	return w
}

// Each calls f with the YAML path ("textes_de_remplacement.logo") and the
// address of every phrase of the wording, in the order of the fields,
// until f fails.
func (w *Wording) Each(f func(key string, s *string) error) error {
	var walk func(v reflect.Value, prefix string) error
	walk = func(v reflect.Value, prefix string) error {
		for i := range v.NumField() {
			key := prefix + v.Type().Field(i).Tag.Get("yaml")
			switch fv := v.Field(i); fv.Kind() {
			case reflect.String:
				if err := f(key, fv.Addr().Interface().(*string)); err != nil {
					return err
				}
			case reflect.Struct:
				if err := walk(fv, key+"."); err != nil {
					return err
				}
			default:
				panic("guide: wording field " + key + " is neither text nor a group")
			}
		}
		return nil
	}
	return walk(reflect.ValueOf(w).Elem(), "")
}
