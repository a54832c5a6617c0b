package controle

import (
	"cmp"
	"fmt"
	"iter"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"livret/horaires"
	"livret/internal/parallel"
	"livret/internal/weburl"
	"livret/lieu"
	"livret/nettoyage"
	"livret/source"
	"livret/telephone"
	"livret/territoire"
	"livret/texte"
)

// Place is a place kept by the check: its data, where it comes from in the
// file, where it lies, and its hours and phones read once for all.
type Place struct {
	lieu.Lieu
	Pos      source.Position
	Location territoire.Location // Commune is nil when it could not be found
	Schedule *horaires.Schedule  // nil when the place gives no hours or they cannot be read
	Phones   []telephone.Number
	// Near names the near-duplicates merged into this place: « Croix
	// Rouge Francaise », ligne 12 (même téléphone et même adresse).
	Near []string
}

// Options tune the check.
type Options struct {
	// Atlas locates places in their commune; nil leaves them unlocated.
	Atlas *territoire.Atlas
	// Progress, when set, is told of the rows read, a batch at a time.
	Progress func(rows int)
	// Raw leaves the values as given, without the cleaning rules of
	// package nettoyage; invisible characters are removed all the same.
	Raw bool
	// Within, when set with Atlas, tells whether a place located in its
	// commune lies in the territory a command keeps. A row located
	// elsewhere is only counted (Report.Outside): its phones, hours,
	// addresses and duplicates matter to no reader of this document, and
	// checking them is most of the work on a national file. A row that
	// cannot be located is checked in full, so that the report says why.
	Within func(territoire.Location) bool
}

// Check reads every record of r, checks it and returns the places kept and
// the report. The error is only for a file that cannot be read further;
// the places read so far and the report are returned with it.
//
// Records are checked on every core, a batch at a time; what depends on
// the other rows (duplicates, identifiers) and the report are done in
// file order.
func Check(r *source.Reader, opt Options) ([]Place, *Report, error) {
	c := &checker{opt: opt, rep: &Report{File: r.Name(), Format: r.Format().String()},
		byID: map[string]int{}, byKey: map[string]int{}, suffix: map[string]int{}, near: newNear(), locator: newLocator(),
		workbook: lieu.DetectVersion(r.Columns()) == lieu.VersionWorkbook}
	type item struct {
		rec    source.Record
		rowErr *source.RowError // the record could not be read
		row    *row
		// outside tells a record located outside Options.Within, only
		// counted: most rows of a national file, which need no row.
		outside bool
		updated time.Time // of a record outside
	}
	const batch = 256
	checkAll := func(items []item) {
		parallel.For(len(items), func(i int) {
			it := &items[i]
			if it.rowErr == nil {
				if it.updated, it.outside = c.outside(it.rec); !it.outside {
					it.row = c.check(it.rec)
				}
			}
		})
	}
	// addAll accounts for the rows checked, in file order. It changes only
	// what check does not read, so it runs beside the check of the next
	// batch, sharing the cores with its workers (parallel.For takes them
	// all).
	addAll := func(items []item) {
		if opt.Progress != nil && len(items) > 0 {
			opt.Progress(len(items))
		}
		for _, it := range items {
			c.rep.Rows++
			switch {
			case it.rowErr != nil:
				c.rep.SetAside++
				c.rep.record([]Issue{{Pos: it.rec.Pos, Problem: it.rowErr.Error(), Action: "ligne écartée", Severity: Error}}, true)
			case it.outside:
				c.rep.Outside++
				if it.updated.After(c.rep.OutsideNewest) {
					c.rep.OutsideNewest = it.updated
				}
			default:
				c.add(it.row)
			}
		}
	}
	// The next batches (2 048 rows) are read while one is checked: reading
	// is serial, and on a national file kept to a territory it is half of
	// the work. It also goes on while the first batch waits for what
	// locates places (territoire.Default builds the communes' name index).
	batches := make(chan []item, 8)
	var fatal error
	var crash any // a panic of the reader, raised again by the caller
	go func() {
		defer close(batches)
		defer func() { crash = recover() }()
		items := make([]item, 0, batch)
		for rec, rowErr := range r.Records() {
			items = append(items, item{rec: rec, rowErr: rowErr})
			if len(items) == batch {
				batches <- items
				items = make([]item, 0, batch)
			}
		}
		fatal = r.Err()
		batches <- items
	}()
	var checked []item
	for items := range batches {
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkAll(items)
		}()
		addAll(checked)
		<-done
		checked = items
	}
	addAll(checked)
	// The reader is done: the channel is closed after its last use.
	if crash != nil {
		panic(crash)
	}
	c.rep.Encoding = r.Encoding()
	c.rep.Empty = r.EmptyRows()
	c.fileNotes(r)
	c.rep.Kept = len(c.places)
	return c.places, c.rep, fatal
}

type checker struct {
	opt    Options
	rep    *Report
	places []Place
	byID   map[string]int // identifier → index in places
	byKey  map[string]int // folded name, address and postal code → index in places
	suffix map[string]int // identifier taken → next suffix to try for another place
	near   *near          // near-duplicates
	// workbook is set for livret's own workbook, which writes phone
	// numbers the French way on purpose.
	workbook bool
	locator
}

// fields iterates over a record's fields as lieu.Decode reads them.
func fields(rec source.Record) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, f := range rec.Fields {
			if !yield(f.Name, f.Value) {
				return
			}
		}
	}
}

// row is the place being checked and its issues, in order.
type row struct {
	p      Place
	name   string // the place's name as in the file, which heads its issues
	bad    bool   // an error sets the row aside
	issues []Issue
}

func (r *row) warn(field, problem, action string) {
	r.issues = append(r.issues, Issue{Pos: r.p.Pos, ID: r.p.ID, Name: r.name, Field: field, Problem: problem, Action: action, Severity: Warning})
}

func (r *row) fail(field, problem string) {
	r.bad = true
	r.issues = append(r.issues, Issue{Pos: r.p.Pos, ID: r.p.ID, Name: r.name, Field: field, Problem: problem, Action: "ligne écartée", Severity: Error})
}

// add accounts for a checked row, in file order: kept, merged with a
// duplicate or set aside, and its issues reported.
func (c *checker) add(r *row) {
	noise := r.bad
	if r.bad {
		c.rep.SetAside++ // the error says why
	} else {
		noise = c.keep(r)
	}
	c.rep.record(r.issues, noise)
}

// check checks a record on its own, apart from the other rows. It is safe
// for concurrent use.
func (c *checker) check(rec source.Record) *row {
	l, notes := lieu.Decode(fields(rec))
	invisible := nettoyage.Invisibles(&l) // first, so that the report quotes clean values
	r := &row{p: Place{Lieu: l, Pos: rec.Pos}, name: l.Name}
	r.report(invisible)
	for _, n := range rec.Notes {
		r.warn("", n, "lecture poursuivie")
	}
	dated := false
	for _, n := range notes {
		r.warn(n.Field, n.Problem, n.Action)
		dated = dated || n.Field == "date_maj"
	}
	if l.Updated.IsZero() && !dated {
		r.warn("date_maj", "date de mise à jour absente", "lieu imprimé sans date")
	}
	return c.checkPlace(r)
}

// CheckPlace checks one place on its own, as Check checks each row: a
// place a corrections file adds or changes. ok is false when the place
// must be set aside; the issues say why.
func CheckPlace(p Place, opt Options) (checked Place, issues []Issue, ok bool) {
	c := &checker{opt: opt, workbook: true}
	r := c.checkPlace(&row{p: p})
	return r.p, r.issues, !r.bad
}

// checkPlace checks a decoded place.
func (c *checker) checkPlace(r *row) *row {
	r.required()
	if r.bad {
		return r // the other fields do not matter
	}
	r.codes()
	r.locate(c.opt.Atlas)
	if !c.opt.Raw {
		r.clean()
	}
	r.phones(c.workbook)
	r.addresses()
	r.position()
	r.hours()
	if utf8.RuneCountInString(r.p.Summary) > 280 {
		r.warn("presentation_resume", fmt.Sprintf("résumé de %d caractères, plus long que les 280 du standard", utf8.RuneCountInString(r.p.Summary)), "conservé")
	}
	if slices.Contains(r.p.Access, lieu.AccessNoPublic) && !r.bad {
		r.bad = true
		r.issues = append(r.issues, Issue{Pos: r.p.Pos, ID: r.p.ID, Name: r.name, Field: "modalites_acces",
			Problem: "« Ce lieu n’accueille pas de public »", Action: "lieu écarté : un guide pour le public ne doit pas y envoyer", Severity: Error})
	}
	return r
}

// clean applies the cleaning rules, with what the location knows: the
// commune's name, and the postcodes of its arrondissements when the place's
// is unknown, which the address may tell.
func (r *row) clean() {
	loc := &r.p.Location
	commune, districts := "", []string(nil)
	if c := loc.Commune; c != nil {
		commune = c.Name
		for _, ar := range c.Arrondissements {
			if loc.Arrondissement == nil {
				districts = append(districts, ar.PostalCodes...)
			}
		}
	}
	r.report(nettoyage.Place(&r.p.Lieu, commune, districts))
	if loc.Commune != nil && loc.Arrondissement == nil {
		loc.Arrondissement = loc.Commune.ArrondissementOf(r.p.Lieu.PostalCode)
	}
}

// report writes what the cleaning rules did, each naming its rule.
func (r *row) report(changes []nettoyage.Change) {
	for _, ch := range changes {
		switch {
		case ch.Rule == nettoyage.Invisible:
			r.warn(ch.Field, "caractères invisibles dans « "+ch.Before+" » : "+ch.Note, "retirés")
		case ch.Unsure:
			why := "ne se lirait pas mieux nettoyé"
			if ch.Note != "" {
				why = ": " + ch.Note
			}
			r.warn(ch.Field, "règle « "+string(ch.Rule)+" » : « "+ch.Before+" » "+why,
				"conservé tel quel : à vérifier et à corriger à la source")
		default:
			what := "règle « " + string(ch.Rule) + " » : « " + ch.Before + " »"
			if ch.Note != "" {
				what += " (" + ch.Note + ")"
			}
			r.warn(ch.Field, what, "imprimé « "+ch.After+" »")
		}
	}
}

// required checks what the standard requires and what paper needs.
func (r *row) required() {
	l := &r.p.Lieu
	if strings.TrimSpace(l.Name) == "" {
		r.fail("nom", "nom du lieu absent : le lieu ne peut pas être présenté")
	}
	switch {
	case strings.TrimSpace(l.Address) == "" && strings.TrimSpace(l.Commune) == "" && strings.TrimSpace(l.PostalCode) == "":
		r.fail("adresse", "ni adresse, ni commune, ni code postal : personne ne pourrait trouver le lieu")
	case strings.TrimSpace(l.Address) == "":
		r.warn("adresse", "adresse absente", "seuls le code postal et la commune seront imprimés")
	}
	if l.ID == "" {
		l.ID = positionID(r.p.Pos)
		r.warn("id", "identifiant absent", "identifiant « "+l.ID+" » donné d’après la position dans le fichier")
	}
}

// positionID is the identifier of a place that has none: where it is in
// the file, « ligne-12 » or « objet-12 ».
func positionID(p source.Position) string {
	id := fmt.Sprintf("ligne-%d", p.Line)
	if p.Index > 0 {
		id = fmt.Sprintf("objet-%d", p.Index)
	}
	if p.Sheet != "" {
		id = texte.Fold(p.Sheet) + "-" + id
	}
	return strings.ReplaceAll(id, " ", "-")
}

var (
	rePostal = regexp.MustCompile(`^\d{5}$`)
	reINSEE  = regexp.MustCompile(`^([013-9]\d|2[AB1-9])\d{3}$`)
	rePivot  = regexp.MustCompile(`^[a-zA-Z0-9]{9,14}$`)
	reEmail  = regexp.MustCompile(`^[^@\s<>()",;:]+@[^@\s<>()",;:]+\.[a-zA-Z]{2,}$`)
)

// codes checks the postal code, the INSEE code and the SIRET or RNA.
func (r *row) codes() {
	l := &r.p.Lieu
	pc := strings.ReplaceAll(strings.TrimSpace(l.PostalCode), " ", "")
	if len(pc) == 4 && strings.Trim(pc, "0123456789") == "" {
		r.warn("code_postal", "code postal « "+pc+" » à 4 chiffres (zéro initial perdu)", "lu comme « 0"+pc+" »")
		pc = "0" + pc
	}
	if pc != "" && !rePostal.MatchString(pc) {
		r.warn("code_postal", "code postal « "+l.PostalCode+" » invalide : 5 chiffres attendus", "ignoré pour situer le lieu")
		pc = ""
	}
	l.PostalCode = pc
	insee := strings.ToUpper(strings.TrimSpace(l.INSEE))
	if insee != "" && !reINSEE.MatchString(insee) {
		r.warn("code_insee", "code INSEE « "+l.INSEE+" » invalide", "ignoré : le lieu est situé par son code postal et sa commune")
		insee = ""
	}
	l.INSEE = insee
	if p := strings.ReplaceAll(l.Pivot, " ", ""); p != "" && !rePivot.MatchString(p) {
		r.warn("pivot", "SIRET ou RNA « "+l.Pivot+" » invalide", "ignoré")
		l.Pivot = ""
	}
}

// locate attaches the place to its current commune.
func (r *row) locate(atlas *territoire.Atlas) {
	if atlas == nil {
		return
	}
	l := &r.p.Lieu
	loc, err := atlas.Locate(l.INSEE, l.PostalCode, l.Commune)
	if err != nil {
		r.warn("commune", err.Error(), "lieu conservé, mais aucun filtre par territoire ne le retiendra")
		return
	}
	r.p.Location = loc
	if worthReporting(loc.Note, l.INSEE) {
		r.warn("commune", loc.Note.String(), "lieu rattaché à "+loc.Commune.Name+" ("+loc.Commune.Code+")")
	}
	l.INSEE = loc.Commune.Code
}

// worthReporting tells the ways of finding a commune that change what the
// file says: an old or contradicted code, a name not recognised. Finding a
// commune by its postal code and name when the file gives no INSEE code,
// or by the code of an arrondissement of Paris, Lyon or Marseille, is the
// ordinary way and goes unreported.
func worthReporting(n territoire.Note, insee string) bool {
	switch n.How {
	case territoire.ByCode, territoire.ByArrondissementCode:
		return false
	case territoire.ByPostalCodeAndName:
		return insee != "" || n.CodeCommune != nil
	}
	return true
}

// phones reads the phone numbers the way France writes them; french says
// that the file writes them so on purpose.
func (r *row) phones(french bool) {
	l := &r.p.Lieu
	if strings.TrimSpace(l.Phone) == "" {
		return
	}
	nums, err := telephone.ParseAll(l.Phone, cmp.Or(l.INSEE, l.PostalCode))
	r.p.Phones = nums
	if err != nil {
		for _, e := range unwrap(err) {
			r.warn("telephone", e.Error(), "non imprimé : numéro à vérifier auprès du lieu")
		}
	}
	for _, n := range nums {
		switch {
		case n.Repair != "":
			r.warn("telephone", "numéro « "+n.Raw+" » : "+n.Repair, "imprimé "+n.Display)
		case n.Valid() && n.E164 != "" && strings.ReplaceAll(n.Raw, " ", "") != n.E164 && !french:
			r.warn("telephone", "numéro « "+n.Raw+" » hors du format du standard ("+n.E164+")", "imprimé "+n.Display)
		}
	}
}

func unwrap(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// addresses checks emails and web addresses.
func (r *row) addresses() {
	l := &r.p.Lieu
	l.Emails = slices.DeleteFunc(l.Emails, func(e string) bool {
		if reEmail.MatchString(e) {
			return false
		}
		r.warn("courriels", "adresse électronique « "+e+" » invalide", "ignorée")
		return true
	})
	// Addresses become links and QR codes: only https ones (see weburl).
	// An http address stays as the source has it, for the exports; the
	// guide links to its https form.
	check := func(field, u string) bool {
		link, insecure, err := weburl.Parse(u)
		switch {
		case err != nil:
			r.warn(field, err.Error(), "ignorée")
			return false
		case insecure:
			r.warn(field, "adresse web « "+u+" » non chiffrée (http://)", "lien et code QR vers "+link)
		}
		return true
	}
	if l.Websites = slices.DeleteFunc(l.Websites, func(u string) bool { return !check("site_web", u) }); len(l.Websites) == 0 {
		l.Websites = nil // as a source without any reads
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"prise_rdv", &l.BookingURL}, {"fiche_acces_libre", &l.AccessibilityURL}} {
		if *f.v != "" && !check(f.name, *f.v) {
			*f.v = ""
		}
	}
}

// France and its overseas territories, as boxes of latitude and longitude.
var france = [][4]float64{
	{41.3, 51.2, -5.3, 9.7},      // metropolitan France and Corsica
	{15.8, 18.2, -63.2, -60.9},   // Guadeloupe, Saint-Barthélemy, Saint-Martin
	{14.3, 14.95, -61.3, -60.75}, // Martinique
	{2.1, 5.9, -54.7, -51.5},     // Guyane
	{-21.45, -20.85, 55.2, 55.9}, // La Réunion
	{-13.1, -12.6, 44.9, 45.35},  // Mayotte
	{46.7, 47.2, -56.5, -56.1},   // Saint-Pierre-et-Miquelon
	{-23, -19, 163.5, 168.2},     // Nouvelle-Calédonie
	{-28, -7, -155, -134},        // Polynésie française
	{-14.4, -13.1, -178.3, -176}, // Wallis-et-Futuna
}

func inFrance(p lieu.Point) bool {
	for _, b := range france {
		if p.Lat >= b[0] && p.Lat <= b[1] && p.Lon >= b[2] && p.Lon <= b[3] {
			return true
		}
	}
	return false
}

// position keeps coordinates only inside France; swapped ones are put back.
func (r *row) position() {
	l := &r.p.Lieu
	if !l.Position.Known() {
		return
	}
	switch swapped := (lieu.Point{Lat: l.Position.Lon, Lon: l.Position.Lat}); {
	case inFrance(l.Position):
	case inFrance(swapped):
		r.warn("latitude", fmt.Sprintf("latitude et longitude inversées (%g, %g)", l.Position.Lat, l.Position.Lon), "remises dans l’ordre")
		l.Position = swapped
	default:
		r.warn("latitude", fmt.Sprintf("position (%g, %g) hors de France", l.Position.Lat, l.Position.Lon), "position ignorée")
		l.Position = lieu.Point{}
	}
}

// hours reads the opening hours once, for the filters and the guide.
func (r *row) hours() {
	raw := texte.Clean(r.p.Hours)
	if raw == "" {
		return
	}
	s, how, err := horaires.Read(raw)
	if err != nil {
		r.warn("horaires", err.Error(), "imprimés tels qu’écrits, avec « Horaires à confirmer par téléphone »")
		return
	}
	if how.How != "" {
		r.warn("horaires", "règle « horaires » ("+how.How+") : « "+raw+" »",
			"lus comme « "+how.OSM+" », à écrire ainsi dans le fichier")
	}
	r.p.Schedule = &s
}
