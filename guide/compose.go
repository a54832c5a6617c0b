package guide

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"livret/horaires"
	"livret/internal/parallel"
	"livret/internal/weburl"
	"livret/lieu"
	"livret/telephone"
	"livret/territoire"
	"livret/texte"
)

// Place is a place to print, with what the check and the selection know
// of it. Schedule and Phones, when the check has read them, spare reading
// the source values again.
type Place struct {
	Lieu     lieu.Lieu
	Commune  string  // official name of its commune; the source's spelling when unknown
	Distance float64 // km from the centre of a selection « autour de »; negative when none
	Schedule *horaires.Schedule
	Phones   []telephone.Number
	// CommuneCode is the INSEE code of its commune, empty when unknown;
	// Position is where it is for distances (nil when unknown). The index
	// of communes needs them.
	CommuneCode string
	Position    *territoire.Point
	// District is its arrondissement in Paris, Lyon or Marseille, when
	// known: sections of these communes are cut by arrondissement.
	District *District
}

// Words are the words of a guide that its publisher may change (see
// package templates).
type Words struct {
	Title     string
	Intro     []string
	Publisher Publisher
	Helplines []Helpline
	Parts     Parts
	MapURL    string            // online map of all places
	Services  map[string]string // short label of each service of the standard
	// ShortServices are shorter still: the running head of a part by
	// need where the label does not hold (A5), « Ordinateur ».
	ShortServices map[string]string

	Free, FreeUnderConditions, Paid   string
	ByAppointment, WithoutAppointment string
	Wheelchair, Roaming               string
	UpdatedOn                         string
	// UpdatedIn opens what is said once when every place of a guide or
	// of a section was updated in the same year: "Informations mises à
	// jour en" 2022.
	UpdatedIn string

	// Said when a fact is missing; livret's own words when empty.
	NoPhone, NoHours, HoursUnsure string
	NoPhoneNoHours                string // for a place of which neither is known

	// How the places are ordered, said after the first paragraph of the
	// introduction (nothing when empty): by commune, by need; in a guide
	// of one commune, by arrondissement or postal code (from {premier}
	// to {dernier}), by name when it is not cut in parts.
	// OrderByServiceOne is OrderByService for a guide of one commune,
	// which the order of its places follows.
	OrderByCommune, OrderByService     string
	OrderByServiceOne                  string
	OrderByDistrict, OrderByPostalCode string
	OrderByName                        string
	Wording                            Wording // the words of the page furniture
}

// Options say what guide to compose.
type Options struct {
	Words     Words
	Territory string    // "Bordeaux Métropole"
	Edition   time.Time // date of the guide
	By        Grouping
	Source    Source   // where the data comes from, for the colophon
	Fonts     []string // credit lines of the fonts used
	// Order sorts communes, places and the index; with UnderNoun, "Le
	// Bouscat" is filed under B, as French directories do.
	Order texte.Order
	// Services, with ByService, limits the sections to these services
	// (those the selection asked for); empty means every service.
	Services []string
	// Communes are all the communes of the territory, for the index of
	// communes; those of the places are added when missing.
	Communes []Commune
	// NoCommuneIndex and NoPlaceIndex leave the index of communes and
	// the index of places out, for a maker who prints them apart or needs
	// none: the map keeps the communes, the sommaire the sections.
	NoCommuneIndex, NoPlaceIndex bool
	// Max is the most places a leaflet prints (0: as many as fit);
	// Nearest says the places come nearest first.
	Max     int
	Nearest bool
}

// Compose writes the guide of the given places: entries in plain French,
// grouped by commune or by service, sorted in French order, with the
// index, the legend of the pictograms used and the colophon.
func Compose(places []Place, opt Options) *Guide {
	w := opt.Words
	g := &Guide{
		Title:     texte.Typography(w.Title),
		Territory: texte.Typography(opt.Territory),
		Edition:   Date(opt.Edition),
		Publisher: w.Publisher,
		Helplines: Reachable(w.Helplines, places),
		MapURL:    w.MapURL,
		By:        opt.By,
		Parts:     w.Parts,
		Wording:   w.Wording,
	}
	for _, p := range w.Intro {
		g.Intro = append(g.Intro, texte.Typography(p))
	}

	order := opt.Order
	entries := make([]Entry, len(places))
	parallel.For(len(places), func(i int) {
		e := entry(&places[i], &w)
		e.place = i
		e.whole = &whole{e.Services, e.Facts, e.Updated} // before share leaves out what all say
		entries[i] = e
	})
	// Sort places by name, then by commune, in French order.
	idx := make([]int, len(places))
	names, communes := make([]string, len(places)), make([]string, len(places))
	for i := range idx {
		idx[i] = i
		names[i], communes[i] = entries[i].Name, entries[i].Commune
	}
	nameKeys, communeKeys := order.Keys(names), order.Keys(communes)
	slices.SortFunc(idx, func(a, b int) int { // stable: places equal by both keep the file's order
		return cmp.Or(nameKeys[a].Compare(nameKeys[b]), communeKeys[a].Compare(communeKeys[b]), a-b)
	})

	switch opt.By {
	case InOrder:
		s := Section{Title: g.Territory, Short: shortName(g.Territory), Anchor: "section-1"}
		for i := range entries {
			e := entries[i]
			e.Anchor = fmt.Sprintf("lieu-%d", i+1)
			s.Entries = append(s.Entries, e)
		}
		g.Sections = []Section{s}
	default:
		// By service too, each place is printed once, by commune: the
		// parts by need open the guide (see needParts).
		g.Sections = inParts(byCommune(entries, idx, order), places)
	}
	// How the guide is ordered ends the first paragraph: a paragraph of
	// its own would cost the how-to a blank line. One place has no order.
	var ranged string
	switch {
	case opt.By == ByCommune:
		ranged = ordering(g.Sections, places, &w)
	case opt.By == ByService && oneCommune(g.Sections) && w.OrderByServiceOne != "":
		// The needs, then how the places of the one commune follow.
		ranged = strings.TrimSpace(w.OrderByServiceOne + " " + ordering(g.Sections, places, &w))
	case opt.By == ByService:
		ranged = w.OrderByService
	}
	if ranged != "" && len(places) > 1 {
		if len(g.Intro) == 0 {
			g.Intro = []string{""}
		}
		g.Intro[0] = strings.TrimSpace(g.Intro[0] + " " + texte.Typography(ranged))
	}
	updatedIn := cmp.Or(w.UpdatedIn, "Informations mises à jour en")
	g.Shared = share(g.Sections, "Dans tous les lieux de ce guide :", updatedIn)
	for i := range g.Sections {
		if s := &g.Sections[i]; len(s.Entries) > 2 { // said once for two places, it would save no line
			s.Shared = share(g.Sections[i:i+1], "Dans tous les lieux "+texte.Of(s.Title)+" :", updatedIn)
		}
	}
	if opt.By == ByService {
		g.ByNeed = needParts(g, places, &w, opt.Services)
	}
	g.Map = overview(g, places, opt)
	g.Index = index(g.Sections, order)
	if opt.NoPlaceIndex {
		g.Parts.Index = false
	}
	// Of one place, an index of communes would give every commune the
	// same page, and a sample entry would print it twice.
	single := len(places) == 1
	if !opt.NoCommuneIndex && !single {
		g.Communes = communeIndex(g, places, opt)
	}
	g.IndexIntro = leaveToCommunes(g.Index, g.Communes != nil)
	// By service too, the places follow by commune (see needParts).
	if g.Communes != nil && g.By != InOrder {
		g.SectionsTitle = "Les lieux, commune par commune"
	}
	g.Needs = needsIndex(g, places, &w)
	if !single {
		g.Samples = sample(g.Sections)
	}
	if len(g.Samples) > 0 {
		g.Sample = g.Samples[0]
	}
	g.Legend = legend(g.Sections, &w, g.Sample, g.Shared)
	g.About = about(places, g, opt)
	if len(places) <= smallGuide {
		g.scaleDown()
	}
	g.Leaflet = leaflet(g, len(places), opt)
	return g
}

// smallGuide is the most places of a guide a reader takes in by leafing
// through its few pages: it needs no sommaire, no index, no detail map.
const smallGuide = 8

// scaleDown leaves out of a small guide the parts that add nothing to a
// few pages: the furniture must not outweigh the places.
func (g *Guide) scaleDown() {
	g.Parts.Contents, g.Parts.Index, g.Parts.Notes, g.Parts.NotesAlways = false, false, false, false
	g.Needs = nil
	if g.Map != nil {
		g.Map.DetailTitle = ""
	}
}

// entry writes one place as the guide prints it.
func entry(p *Place, w *Words) Entry {
	l := &p.Lieu
	commune := texte.Typography(p.Commune) // "L’Albenc": the geography writes straight apostrophes
	if commune == "" {
		commune = texte.FixCase(texte.Clean(l.Commune))
	}
	e := Entry{
		Name:    capitalFirst(texte.Typography(texte.FixCase(texte.Clean(l.Name), commune))),
		Commune: commune,
	}
	if a := texte.Clean(l.Address); a != "" {
		e.Address = append(e.Address, texte.Typography(texte.FixAddressCase(a, commune)))
	}
	if c := texte.Clean(l.AddressComplement); c != "" {
		e.Address = append(e.Address, texte.Typography(texte.FixAddressCase(c, commune)))
	}
	e.Address = append(e.Address, strings.TrimSpace(l.PostalCode+"\u00a0"+commune))
	if p.Distance >= 0 {
		e.Distance = Distance(p.Distance)
	}

	numbers := p.Phones
	if numbers == nil {
		numbers, _ = telephone.ParseAll(l.Phone, cmp.Or(l.INSEE, l.PostalCode))
	}
	for _, n := range numbers {
		if len(e.Phones) == 2 {
			break
		}
		if !n.Valid() {
			continue // never printed as if it were right: the check reports it
		}
		e.Phones = append(e.Phones, Phone{Display: n.Display, URI: n.URI(), Note: texte.Typography(n.Note)})
	}
	if len(e.Phones) == 0 {
		e.NoPhone = cmp.Or(w.NoPhone, "Pas de téléphone connu")
	}
	e.Hours = ReadHours(l.Hours, p.Schedule)
	if p.Schedule != nil {
		e.Hours = withoutClosedDays(e.Hours, p.Schedule)
	}
	switch {
	case e.Hours.Unsure:
		e.Hours.Note = cmp.Or(w.HoursUnsure, "Horaires à confirmer par téléphone")
	case len(e.Hours.Lines) == 0 && len(e.Phones) == 0:
		// Said once, on one line: what the reader cannot learn here.
		e.NoPhone = cmp.Or(w.NoPhoneNoHours, "Numéro et horaires inconnus")
	case len(e.Hours.Lines) == 0:
		e.Hours.Note = cmp.Or(w.NoHours, "Horaires inconnus")
	}
	e.Closure = texte.Typography(texte.Clean(l.Closure))
	e.Directions = texte.Typography(texte.Clean(l.Directions))

	for _, s := range l.Services {
		e.Services = append(e.Services, Service{Icon: ServiceIcon(s), Label: cmp.Or(w.Services[s], s)})
	}
	e.Facts = facts(p, w, e.Name)

	if len(l.Emails) > 0 {
		mail := l.Emails[0]
		e.Email = &Link{Text: mail, URL: "mailto:" + mail}
	}
	site := l.BookingURL
	if len(l.Websites) > 0 {
		site = l.Websites[0]
	}
	if u := WebAddress(site); u != "" {
		e.Website = &Link{Text: texte.Site(u), URL: u}
		e.QR = u
	}
	if !l.Updated.IsZero() {
		e.Updated = updated(w.UpdatedOn, l.Updated)
		e.year = l.Updated.Year()
	}
	// Presentations are written for web pages and sometimes hold HTML.
	e.Summary = texte.Typography(texte.CleanLines(texte.StripHTML(l.Summary)))
	return e
}

// updated says when a place's information was last brought up to date, in
// the words of label: by its month (« À jour en juillet 2022 »), the day
// adding nothing to how fresh it is, but by its day when a maker's label
// asks for one (« Mis à jour le », « À jour au »). The date is bound to
// the label's last word, so that a line never ends on « en ».
func updated(label string, t time.Time) string {
	words := strings.Fields(label)
	if len(words) == 0 {
		return texte.Month(t)
	}
	when := texte.Month
	switch strings.ToLower(words[len(words)-1]) {
	case "le", "au", "du":
		when = Date
	}
	return strings.Join(words, " ") + "\u00a0" + when(t)
}

// ReadHours is the plain-French reading of opening hours: the lines of
// horaires, or what horaires.Say makes of a value it cannot read, flagged
// unsure. s is the schedule already read from raw, if any (nil reads raw
// again).
func ReadHours(raw string, s *horaires.Schedule) Hours {
	var h Hours
	if s != nil {
		for _, l := range s.Lines() {
			h.Lines = append(h.Lines, texte.Typography(l.String()))
			h.Rows = append(h.Rows, hoursRow(l))
		}
	}
	if len(h.Lines) == 0 {
		lines, sure := horaires.Say(raw)
		for i, l := range lines {
			lines[i] = texte.Typography(l)
		}
		h = Hours{Lines: lines, Unsure: !sure}
	}
	return h
}

// hoursRow cuts a line of hours for a table: the days with their colon,
// their words free to break in a narrow column (« Lundi au » over
// « vendredi : »), then the ranges and the note.
func hoursRow(l horaires.Line) HoursRow {
	if l.Closed || l.Hours == "" {
		return HoursRow{Days: texte.Typography(l.String())}
	}
	r := HoursRow{Days: texte.Typography(strings.ReplaceAll(l.Label, "\u00a0", " ")) + "\u00a0:"}
	for _, t := range l.Ranges() {
		r.Times = append(r.Times, texte.Typography(t))
	}
	if l.Note != "" {
		r.Times = append(r.Times, texte.Typography("("+l.Note+")"))
	}
	return r
}

// withoutClosedDays leaves out of the printed hours the line « Fermé le
// samedi et le dimanche » when other lines name the open days: the legend
// says the other days are closed, and every entry saves a line. Closed
// holidays and closures with a comment stay.
func withoutClosedDays(h Hours, s *horaires.Schedule) Hours {
	all := s.Lines()
	if len(all) != len(h.Lines) || !slices.ContainsFunc(all, func(l horaires.Line) bool { return !l.Closed }) {
		return h
	}
	var lines []string
	var rows []HoursRow
	for i, l := range all {
		if !l.Closed || l.Note != "" || strings.Contains(l.Label, "fériés") {
			lines = append(lines, h.Lines[i])
			if h.Rows != nil {
				rows = append(rows, h.Rows[i])
			}
		}
	}
	h.Lines, h.Rows = lines, rows
	return h
}

// KindIcon is the pictogram of the kind of place, the first of its facts.
const KindIcon = "info"

// facts are the details of a place, each with its pictogram: what it is,
// then the price, the appointment and the accessibility (short, so that
// they hold on one line), how help is given and the specific support.
func facts(p *Place, w *Words, name string) []Fact {
	l := &p.Lieu
	var f []Fact
	if k := kind(l, name); k != "" {
		f = append(f, Fact{Icon: KindIcon, Text: k})
	}
	var fees []string
	for _, v := range l.Fees {
		switch v {
		case lieu.FeeFree:
			fees = append(fees, w.Free)
		case lieu.FeeFreeConditional:
			fees = append(fees, w.FreeUnderConditions)
		case lieu.FeePaid:
			fees = append(fees, w.Paid)
		}
	}
	if len(fees) > 0 {
		f = append(f, Fact{Icon: "fees", Text: strings.Join(fees, " ou ")})
	}
	switch {
	case slices.Contains(l.Access, lieu.AccessWalkIn):
		f = append(f, Fact{Icon: "walk-in", Text: w.WithoutAppointment})
	case slices.ContainsFunc(l.Access, func(a string) bool {
		return a == lieu.AccessPhone || a == lieu.AccessOnline || a == lieu.AccessEmail || a == lieu.AccessReferral
	}):
		f = append(f, Fact{Icon: "appointment", Text: w.ByAppointment})
	}
	if slices.Contains(l.Support, lieu.SupportMobility) {
		f = append(f, Fact{Icon: "wheelchair", Text: w.Wheelchair})
	}
	if u := WebAddress(l.AccessibilityURL); u != "" {
		icon := "wheelchair"
		if len(f) > 0 && f[len(f)-1].Icon == icon {
			icon = "" // one pictogram for both
		}
		f = append(f, Fact{Icon: icon, Text: "Accessibilité\u00a0: " + texte.Site(u), Link: &Link{Text: texte.Site(u), URL: u}})
	}
	if g := guidance(l); g != "" {
		f = append(f, Fact{Icon: "people", Text: g})
	}
	f = append(f, support(l)...)
	if slices.Contains(l.Mobility, lieu.MobilityRoaming) {
		f = append(f, Fact{Icon: "roaming", Text: w.Roaming})
	}
	if p.Distance >= 0 {
		f = append(f, Fact{Icon: "distance", Text: Distance(p.Distance)})
	}
	return f
}

// Distance writes a distance for a reader: "à 800 m", "à 2,4 km", "à 15 km",
// never broken between lines.
func Distance(km float64) string {
	switch {
	case km < 1:
		return fmt.Sprintf("à\u00a0%d\u00a0m", int(math.Max(100, math.Round(km*10)*100)))
	case km < 10:
		return "à\u00a0" + texte.Decimal(km, 1) + "\u00a0km"
	}
	return fmt.Sprintf("à\u00a0%d\u00a0km", int(math.Round(km)))
}

// WebAddress makes a web address a link a reader may follow:
// "www.x.fr" → "https://www.x.fr", "http://x.fr" → "https://x.fr"; it is
// "" for anything else, "javascript:…" first (see weburl).
func WebAddress(u string) string {
	link, _, err := weburl.Parse(u)
	if err != nil {
		return ""
	}
	return link
}

// ServiceIcon is the pictogram of a service of the standard.
func ServiceIcon(service string) string {
	return serviceIcons[service]
}

var serviceIcons = map[string]string{
	lieu.ServiceDemarches:   "paperwork",
	lieu.ServiceQuotidien:   "devices",
	lieu.ServiceInsertion:   "work",
	lieu.ServiceSecurite:    "security",
	lieu.ServiceParentalite: "family",
	lieu.ServiceLoisirs:     "leisure",
	lieu.ServiceComprendre:  "understanding",
	lieu.ServiceAcces:       "computer",
	lieu.ServiceMateriel:    "shopping",
}

func byCommune(entries []Entry, idx []int, order texte.Order) []Section {
	var names []string
	members := map[string][]int{}
	for _, i := range idx {
		c := entries[i].Commune
		if _, ok := members[c]; !ok {
			names = append(names, c)
		}
		members[c] = append(members[c], i)
	}
	order.Sort(names)
	var sections []Section
	for n, name := range names {
		s := Section{Title: name, Short: shortName(name), Anchor: fmt.Sprintf("section-%d", n+1), NamesCommune: true}
		for _, i := range members[name] {
			e := entries[i]
			e.Anchor = fmt.Sprintf("lieu-%d", i+1)
			s.Entries = append(s.Entries, e)
		}
		sections = append(sections, s)
	}
	return sections
}

// share finds the services and the facts every entry of sections has,
// and the year all were updated in, and leaves them out of the entries:
// said once, they no longer hide what sets places apart. It returns nil
// when they share nothing, or hold a single entry. Distances and links are
// each place's own. The year is said after updatedIn: the reader wants to
// know how fresh the guide is, and the day of each place's update tells
// no more than the year when all share it; each place says its own date
// when they do not.
func share(sections []Section, text, updatedIn string) *Shared {
	var services []Service
	var facts []Fact
	n, year := 0, 0 // year: that of every entry's update so far, 0 for none
	for i := range sections {
		for j := range sections[i].Entries {
			e := &sections[i].Entries[j]
			if n == 0 {
				services = slices.Clone(e.Services)
				facts = slices.DeleteFunc(slices.Clone(e.Facts), func(f Fact) bool { return f.Link != nil || f.Icon == "distance" || f.Icon == "" })
				year = e.year
			} else {
				services = slices.DeleteFunc(services, func(s Service) bool { return !slices.Contains(e.Services, s) })
				facts = slices.DeleteFunc(facts, func(f Fact) bool { return !slices.Contains(e.Facts, f) })
			}
			if e.year != year || e.Updated == "" {
				year = 0 // another year, or a date said already, or none
			}
			n++
		}
	}
	if n < 2 || len(services) == 0 && len(facts) == 0 && year == 0 {
		return nil
	}
	for i := range sections {
		for j := range sections[i].Entries {
			e := &sections[i].Entries[j]
			e.Services = slices.DeleteFunc(slices.Clone(e.Services), func(s Service) bool { return slices.Contains(services, s) })
			e.Facts = slices.DeleteFunc(slices.Clone(e.Facts), func(f Fact) bool { return slices.Contains(facts, f) })
			if year > 0 {
				e.Updated = ""
			}
		}
	}
	sh := &Shared{Text: text, Services: services, Facts: facts}
	if year > 0 {
		sh.Updated = fmt.Sprintf("%s\u00a0%d", updatedIn, year) // the year never alone on a line
	}
	return sh
}

// sample lists the entries the page « Comment lire ce guide » may show,
// best first: those that have the most kinds of information, phone and
// hours counting double, so that the sample explains as much as it can,
// and the shortest of them first.
func sample(sections []Section) []*Entry {
	type cand struct {
		e            *Entry
		score, lines int
	}
	var cands []cand
	for i := range sections {
		for j := range sections[i].Entries {
			e := &sections[i].Entries[j]
			score := 0
			for _, has := range []struct {
				on     bool
				weight int
			}{{len(e.Address) > 0, 1}, {len(e.Phones) > 0, 2}, {len(e.Hours.Lines) > 0 && !e.Hours.Unsure, 2},
				{len(e.Services) > 0, 1}, {len(e.Facts) > 0, 1}, {e.Email != nil || e.Website != nil, 1}} {
				if has.on {
					score += has.weight
				}
			}
			cands = append(cands, cand{e, score, entryLines(e)})
		}
	}
	// The shortest of the richest first: the sample must hold on one page
	// with its heading, in A5 and in large type too.
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.lines, b.lines)) })
	var out []*Entry
	for _, c := range cands[:min(len(cands), maxSamples)] {
		s := *c.e
		out = append(out, &s)
	}
	return out
}

// maxSamples is how many entries the layout may try as the sample.
const maxSamples = 40

// entryLines is about how many lines an entry takes.
func entryLines(e *Entry) int {
	n := 1 + len(e.Address) + len(e.Phones) + len(e.Hours.Lines) + len(e.Services) + len(e.Facts)
	for _, s := range []string{e.Closure, e.Directions, e.Updated} {
		if s != "" {
			n++
		}
	}
	if e.Email != nil {
		n++
	}
	if e.Website != nil {
		n++
	}
	return n
}

// PlaceIndexAnchor is the anchor of the index of places.
const PlaceIndexAnchor = "index"

// index lists each place once, at its first appearance, in French order,
// with its commune unless its name says it.
func index(sections []Section, order texte.Order) []IndexEntry {
	var entries []*Entry
	seen := map[int]bool{}
	for i := range sections {
		for k := range sections[i].Entries {
			if e := &sections[i].Entries[k]; !seen[e.place] {
				seen[e.place] = true
				entries = append(entries, e)
			}
		}
	}
	// A guide of one commune (Marseille) does not say it on every line.
	one := oneCommune(sections)
	// Tens of thousands in a national guide: their lines are written on
	// every core.
	out := make([]IndexEntry, len(entries))
	parallel.For(len(entries), func(i int) {
		e := entries[i]
		text, in := e.Name, ""
		name, commune := texte.Fold(e.Name), texte.Fold(e.Commune)
		if !one && !strings.Contains(name, commune) {
			text, in = text+", "+e.Commune, e.Commune // "Commune de Jacou" says where it is
		}
		out[i] = IndexEntry{Text: text, Name: e.Name, Commune: in, Anchor: e.Anchor, AtCommune: namedAfter(name, commune)}
	})
	texts := make([]string, len(out))
	for i, e := range out {
		texts[i] = e.Text
	}
	keys := order.Keys(texts)
	perm := make([]int, len(out))
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int { return keys[a].Compare(keys[b]) })
	sorted := make([]IndexEntry, len(out))
	for i, p := range perm {
		sorted[i] = out[p]
	}
	out = sorted
	parallel.For(len(out), func(i int) { out[i].Letter = initial(order.Filed(out[i].Text)) })
	if one {
		sharePages(out)
	}
	return out
}

// sharePages gives the places of one name, which follow each other in
// the index, one line: without their communes, lines of the same words
// would send the reader from one to the next.
func sharePages(ix []IndexEntry) {
	for i := 0; i < len(ix); {
		j := i + 1
		for j < len(ix) && ix[j].Text == ix[i].Text {
			j++
		}
		if j-i > 1 {
			anchors := make([]string, 0, j-i)
			for _, e := range ix[i:j] {
				anchors = append(anchors, e.Anchor)
			}
			ix[i].Pages = numbers(anchors...)
		}
		i = j
	}
}

// townHall are the words that, before the name of a commune, name the
// commune itself, folded (see texte.Fold): « Mairie de Gignac », « Ville
// d’Allonnes ». A médiathèque or a CCAS is looked for by what it is, and
// keeps its line in the index of places.
var townHall = []string{"commune de", "commune d", "mairie de", "mairie d", "ville de", "ville d",
	"hotel de ville de", "hotel de ville d", "mairie deleguee de", "mairie deleguee d"}

// namedAfter reports whether a place's name is its commune's, after words
// that name the town hall; both are folded (see texte.Fold).
func namedAfter(name, commune string) bool {
	return commune != "" && slices.ContainsFunc(townHall, func(w string) bool { return name == w+" "+commune })
}

// leaveToCommunes marks out of the index of places those named after
// their commune, when there is an index of communes to find them by: the
// index of places is shorter to read through. It returns the sentence
// that says so, or "" when no line is left out (all would be: an index
// with no line is no help).
func leaveToCommunes(ix []IndexEntry, communes bool) string {
	n, example := 0, ""
	for _, e := range ix {
		if e.AtCommune {
			n++
			example = cmp.Or(example, e.Text)
		}
	}
	if !communes || n == 0 || n == len(ix) {
		for i := range ix {
			ix[i].AtCommune = false
		}
		return ""
	}
	return "Les lieux au nom de leur commune, comme «\u00a0" + example + "\u00a0», sont dans l’index des communes."
}

// initial is the letter a name is filed under: "É" under "E", digits
// under "0-9".
func initial(s string) string {
	r, _ := utf8.DecodeRuneInString(texte.Fold(s))
	switch {
	case r == utf8.RuneError:
		return "?"
	case unicode.IsDigit(r):
		return "0-9"
	}
	return strings.ToUpper(string(r))
}

// legend lists the pictograms the guide uses that a word does not always
// follow: a service's pictogram never stands without its name, and the
// legend would only say it again, nor does the pictogram of a specific
// support (« Personnes sourdes »), but the one of adapted help that may
// stand for them all (see Together). Nor does it name the address, the phone
// and the hours when the sample entry shows them, numbered, right above:
// the sample's numbers say what they are (the sample the layout prints is
// one that shows them too, see layout).
func legend(sections []Section, w *Words, sample *Entry, shared ...*Shared) []Legend {
	used := map[string]bool{}
	for _, sh := range shared {
		if sh != nil {
			for _, f := range sh.Facts {
				used[f.Icon] = true
			}
		}
	}
	for _, s := range sections {
		if s.Shared != nil {
			for _, f := range s.Shared.Facts {
				used[f.Icon] = true
			}
		}
		for _, e := range s.Entries {
			for _, f := range e.Facts {
				used[f.Icon] = true
			}
			if _, ok := Together(e.Facts); ok {
				used[supportIcon] = true
			}
			if len(e.Phones) > 0 {
				used["phone"] = true
			}
			if e.Hours.Lines != nil {
				used["hours"] = true
			}
			if e.Email != nil {
				used["email"] = true
			}
			if e.Website != nil {
				used["website"] = true
			}
		}
	}
	// Words only where the label does not say it all: the sample entry
	// shows what the others are.
	shown := sample != nil && sample.ShowsBasics()
	used["address"] = !shown
	if shown {
		used["phone"], used["hours"] = false, false
	}
	var out []Legend
	for _, l := range []Legend{
		{"address", "Adresse", ""},
		{"phone", "Téléphone", ""},
		{"hours", "Horaires", ""},
		{"fees", "Prix", ""},
		{"walk-in", w.WithoutAppointment, "venez quand c’est ouvert"},
		{"appointment", w.ByAppointment, "appelez avant de venir"},
		{"wheelchair", w.Wheelchair, ""},
		{"roaming", w.Roaming, "par exemple un bus"},
		{"distance", "Distance", "à vol d’oiseau"},
		{KindIcon, "Genre de lieu", ""},
		{"people", "Comment on vous aide", ""},
		{supportIcon, supportLabel, ""}, // the entries say to whom
		{"email", "Courriel", ""},
		{"website", "Site internet", "visez le code carré avec un téléphone"},
	} {
		if used[l.Icon] {
			out = append(out, l)
		}
	}
	return out
}

// capitalFirst puts the first letter of a name in capitals: "mairie de
// Pessac" → "Mairie de Pessac".
func capitalFirst(s string) string {
	for i, r := range s {
		if unicode.IsLower(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return s
		}
	}
	return s
}

// Zone is where a place is, for the helplines: "metropole", or the code
// of its overseas territory ("974", "988"), from its INSEE or postal code.
func Zone(l *lieu.Lieu) string {
	code := cmp.Or(l.INSEE, l.PostalCode)
	if len(code) >= 3 && (code[:2] == "97" || code[:2] == "98") {
		return code[:3]
	}
	return "metropole"
}

// KnownZone reports whether z may be written in the zones of a helpline.
func KnownZone(z string) bool {
	switch z {
	case "metropole", "outre-mer", "971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988":
		return true
	}
	return false
}

// Reachable keeps the helplines that can be called from at least one of
// the places: the French short number 39 39 does not reach Nouméa, and a
// guide of Nouvelle-Calédonie must not print it.
func Reachable(lines []Helpline, places []Place) []Helpline {
	var out []Helpline
	for _, h := range lines {
		ok := len(h.Reachable) == 0 || len(places) == 0
		for i := range places {
			zone := Zone(&places[i].Lieu)
			ok = ok || slices.ContainsFunc(h.Reachable, func(z string) bool {
				return z == zone || z == "outre-mer" && zone != "metropole"
			})
			if ok {
				break
			}
		}
		if ok {
			out = append(out, h)
		}
	}
	return out
}
