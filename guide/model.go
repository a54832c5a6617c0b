package guide

import "slices"

// Guide is the content of a large-print guide of digital-help places.
type Guide struct {
	Title     string // "Où se faire aider avec le numérique ?"
	Territory string // "Bordeaux Métropole"
	Edition   string // date printed on the cover: "23 novembre 2026"
	Publisher Publisher

	Intro     []string   // paragraphs of the page « Comment lire ce guide »
	MapURL    string     // online map of all places, for the leaflet's QR code
	Sample    *Entry     // the entry shown, annotated, on that page
	Samples   []*Entry   // the candidates for it, best first: the layout takes the first that fits a page
	Legend    []Legend   // every pictogram of the guide, with its words
	Helplines []Helpline // numbers to call when unsure

	// Shared is what every place of the guide offers, said once for all
	// instead of in every entry; nil when the places share nothing.
	Shared *Shared

	By       Grouping
	Sections []Section
	// SectionsTitle names the part of the places in the sommaire, when
	// the index of communes lists the sections: "Les lieux, commune par
	// commune"; empty when the sommaire must list every section.
	SectionsTitle string
	Index         []IndexEntry // every place once, in French alphabetical order
	// IndexIntro opens the index of places when it leaves out the places
	// named after their commune (see IndexEntry.AtCommune).
	IndexIntro string
	Communes   *RefIndex // every commune of the territory, with the pages to turn to; nil for one commune
	Needs      *RefIndex // for each service, the pages of the places offering it; nil in a guide by service
	// ByNeed opens a guide by service: for each service, the communes
	// where places offer it, with their names and pages (see needParts).
	ByNeed  []*RefIndex
	Map     *Map // overview map; nil without outlines
	Parts   Parts
	Figures *Figures // summary page of indicators, when asked for
	Leaflet Leaflet  // what a leaflet of these places says besides them

	About About

	Wording Wording // the words of the page furniture
}

// Parts says which parts of the guide appear besides the places.
type Parts struct {
	HowTo    bool // « Comment lire ce guide »
	Contents bool // « Sommaire »
	Index    bool // « Index des lieux »
	// Notes is « Mes notes », on a page the printing would leave blank
	// (see layout's withNotes); NotesAlways, even where it adds a page.
	Notes, NotesAlways bool
	About              bool // « À propos de ce guide »
}

// Publisher is who hands the guide out.
type Publisher struct {
	Name    string
	Contact string
	Logo    []byte // PNG image of the publisher's logo, optional
}

// Grouping says how entries are sectioned.
type Grouping int

const (
	ByCommune Grouping = iota
	ByService          // by commune, after parts by need that point to the places
	InOrder            // one section, places in the order given (nearest first for a selection by distance)
)

// Section is a chapter of the guide: a commune, or a service.
type Section struct {
	Title   string
	Short   string // the running head where Title does not hold (A5): « St-Médard-en-Jalles »; "" for none
	Anchor  string // unique, for the table of contents and links
	Shared  *Shared
	Entries []Entry
	// NamesCommune says the title names the commune (or the
	// arrondissement) of every entry: printed under it, an entry's address
	// leaves out the postal code and commune, which would repeat it.
	NamesCommune bool
}

// Shared is what every place of a guide or of a section offers: the
// entries leave it out.
type Shared struct {
	Text     string // "Dans tous les lieux de ce guide :"
	Services []Service
	Facts    []Fact // "Gratuit", "Conseiller numérique"
	Updated  string // "Informations mises à jour en 2022"; empty when the places tell their own dates
}

// Entry is one place, as printed. Every string is ready to print: French
// typography applied, no-break spaces where a line must not break.
type Entry struct {
	Anchor   string // unique in the guide
	Number   string // the place's number on the map, "" when it has none
	Name     string
	Commune  string   // for the index: "Médiathèque, Pessac"
	Address  []string // street, complement, "33600 Pessac"
	Distance string   // "à 2,4 km", when the selection was made around a point
	Phones   []Phone  // the first is printed in big type
	// NoPhone is said instead when Phones is empty: "Pas de téléphone
	// connu", or "Numéro et horaires inconnus" when the hours
	// are not known either (Hours then says nothing).
	NoPhone string
	Hours   Hours
	// Closure is a temporary closure, « Fermé du 1er au 15 août », and
	// Directions how to get there (bus stop, entrance, parking): what an
	// agent adds with a corrections file.
	Closure    string
	Directions string
	Services   []Service
	Facts      []Fact
	Email      *Link
	Website    *Link  // its Text is the short address printed: "castries.fr"
	QR         string // web address to encode as a QR code, empty for none
	Updated    string // "À jour en mars 2025", empty when unknown
	Summary    string // the place's own short presentation, plain text (printed on sheets)

	place int    // index of the place it shows, for the index of places
	year  int    // of its update, 0 when unknown
	whole *whole // what it says before its guide and section share (see Whole)
}

// whole is what an entry says of itself, before what all the places of
// its guide or section share is said once for all.
type whole struct {
	services []Service
	facts    []Fact
	updated  string
}

// OwnDates is the guide with each place's own date of update put back,
// and the year they share no longer said once: for a page too small for
// the year to open the places (see layout).
func (g *Guide) OwnDates() *Guide {
	if g.Shared == nil || g.Shared.Updated == "" {
		return g
	}
	c := *g
	own := func(e *Entry) {
		if e.whole != nil {
			e.Updated = e.whole.updated
		}
	}
	c.Sections = slices.Clone(g.Sections)
	for i := range c.Sections {
		s := &c.Sections[i]
		s.Entries = slices.Clone(s.Entries)
		for j := range s.Entries {
			own(&s.Entries[j])
		}
	}
	c.Samples = nil
	for _, e := range g.Samples {
		s := *e
		own(&s)
		c.Samples = append(c.Samples, &s)
	}
	if len(c.Samples) > 0 {
		c.Sample = c.Samples[0]
	}
	sh := *g.Shared
	sh.Updated = ""
	c.Shared = &sh
	if len(sh.Services) == 0 && len(sh.Facts) == 0 {
		c.Shared = nil
	}
	return &c
}

// Whole is the entry with what its guide or section says once for all
// put back: a sheet of its own, away from the guide, says everything.
func (e Entry) Whole() Entry {
	if e.whole != nil {
		e.Services, e.Facts, e.Updated = e.whole.services, e.whole.facts, e.whole.updated
	}
	return e
}

// Street is the address without its last line, the postal code and
// commune: what an entry prints under the heading of its commune.
func (e *Entry) Street() []string {
	if len(e.Address) == 0 {
		return nil
	}
	return e.Address[:len(e.Address)-1]
}

// ShowsBasics reports whether the entry prints an address, a phone number
// and opening hours: as the sample of the how-to, its numbers then say
// what their pictograms are, and the legend leaves them out.
func (e *Entry) ShowsBasics() bool {
	return len(e.Address) > 0 && len(e.Phones) > 0 && len(e.Hours.Lines) > 0
}

// IndexEntry is a line of the index of places.
type IndexEntry struct {
	Letter string // initial under which the line is filed: "B"
	Text   string // "Médiathèque Jacques-Ellul, Pessac"
	// Name and Commune are the two parts of Text, Commune empty when the
	// name says it (« Commune de Jacou »): places of the same name share a
	// line, « Croix Rouge Française : Agde 7, Béziers 8 ».
	Name, Commune string
	Anchor        string // the entry's anchor
	// AtCommune is a place named after its commune, « Mairie de Gignac »:
	// the index of communes leads to it, and the index of places leaves it
	// out, shorter to read through.
	AtCommune bool
	// Pages, in a guide that names no commune (Marseille), are set on the
	// first of the places of one name: the pages of them all, which share
	// its line, « Association Schebba … 76 et 77 ». The others follow it.
	Pages *Pages
}

// Phone is a phone number written the French way.
type Phone struct {
	Display string // "05 57 65 75 39", with no-break spaces
	URI     string // "tel:+33557657539"; empty when the number is not valid
	Note    string // what comes with the number: "poste 429 ou 430", "standard"
}

// Hours are opening hours in plain French.
type Hours struct {
	Lines []string // "Lundi au vendredi : 9 h – 12 h et 14 h – 17 h"
	// Rows are the lines again, cut for a table, one row a line; nil
	// when the hours were not read from a schedule.
	Rows   []HoursRow
	Unsure bool // the source could not be read: Lines hold it as written
	// Note is said after the lines, or alone when there are none:
	// "Horaires à confirmer par téléphone", "Horaires inconnus".
	Note string
}

// HoursRow is a line of the hours cut for a table, where a line does not
// hold the days and their hours: the days on the left, their words free
// to break, the hours on the right, one range a line.
type HoursRow struct {
	Days  string   // "Lundi et mercredi :"; a closed line whole: "Fermé le dimanche"
	Times []string // "9 h 30 – 11 h 30", "14 h – 16 h", then the note: "(un samedi sur deux)"
}

// Service is one service of a place, as a pictogram and short words.
type Service struct {
	Icon  string // pictogram name, see package picto
	Label string // "Démarches administratives"
}

// Fact is a detail shown with a pictogram: the kind of place, free or
// paid, appointment, accessibility, how help is given, specific support,
// roaming. Facts flow on as few lines as they fit.
type Fact struct {
	Icon string // "" for none
	Text string
	// Link, when set, is the page the fact points to (the place's page on
	// acceslibre): the text links to it and a QR code leads there.
	Link *Link
	// Support is a specific support in the lower-case words of the
	// sentence that may list them all, « personnes sourdes » (see
	// Together); empty for the other facts.
	Support string
	// Named says the text names what the pictogram stands for, « Aide
	// adaptée : … »: a screen reader need not say it twice.
	Named bool
}

// Link is a web address or an email address, shortened for print.
type Link struct {
	Text string // "mairie-pessac.fr"
	URL  string // "https://www.mairie-pessac.fr/"
}

// Legend explains one pictogram.
type Legend struct {
	Icon  string
	Label string // short words used in the entries
	Text  string // the longer explanation
}

// Helpline is a number to call for help.
type Helpline struct {
	Name  string // "Solidarité Numérique"
	Phone Phone
	When  string // "du lundi au vendredi, de 9 h à 18 h"
	Note  string // "prix d’un appel local"
	// Reachable lists where the number can be called (see Zone); empty
	// means everywhere.
	Reachable []string
}

// About is the colophon: where the data comes from and who made the guide.
type About struct {
	Source      string   // "Cartographie nationale des lieux d’inclusion numérique" or the file name
	SourceBrief string   // Source without the places' own sources, for a page too small for it
	SourceDate  string   // "données mises à jour jusqu’au 3 mars 2025"
	Licence     string   // "Licence Ouverte 2.0 (Etalab)"
	Generated   string   // "Guide produit le 23 novembre 2026 avec livret"
	FontCredits []string // one line per font family used
	Counts      string   // "45 lieux dans 12 communes"
}

// Figures are the indicators of a territory, as a guide's summary page or
// a document of their own shows them: tables, then bar charts.
type Figures struct {
	Title  string // "Les lieux en chiffres"
	Intro  []string
	Tables []Table
	Charts []Chart
}

// Table is a simple table: a header row, then rows; Numeric tells which
// columns hold numbers (aligned right).
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Numeric []bool
}

// Chart is a horizontal bar chart: one bar per label, its value written
// beside it, so that no colour is needed to read it.
type Chart struct {
	Title string
	Bars  []Bar
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
	Text  string // the value as printed: "12 lieux"
}
