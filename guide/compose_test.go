package guide

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"livret/lieu"
	"livret/texte"
)

var words = Words{
	Title: "Où se faire aider avec le numérique ?",
	Parts: Parts{HowTo: true, Contents: true, Index: true, About: true},
	Services: map[string]string{
		lieu.ServiceDemarches: "Démarches administratives",
		lieu.ServiceQuotidien: "Ordinateur et téléphone",
	},
	Free: "Gratuit", FreeUnderConditions: "Gratuit sous conditions", Paid: "Payant",
	ByAppointment: "Sur rendez-vous", WithoutAppointment: "Sans rendez-vous",
	Wheelchair: "Accueil adapté au handicap moteur", Roaming: "Itinérant", UpdatedOn: "Informations de",
}

// examplePlaces decodes the embedded example dataset.
func examplePlaces(t *testing.T) []Place {
	t.Helper()
	data, err := os.ReadFile("../examples/nouvelle-aquitaine.json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	var places []Place
	for _, row := range rows {
		l, _ := lieu.Decode(func(yield func(string, string) bool) {
			for k, v := range row {
				if !yield(k, fmt.Sprint(v)) {
					return
				}
			}
		})
		places = append(places, Place{Lieu: l, Distance: -1})
	}
	return places
}

func TestComposeExample(t *testing.T) {
	places := examplePlaces(t)
	g := Compose(places, Options{Words: words, Territory: "Nouvelle-Aquitaine",
		Edition: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Source: Source{File: "nouvelle-aquitaine.json"}})

	if g.Edition != "1er\u00a0novembre\u00a02026" {
		t.Errorf("edition = %q", g.Edition)
	}
	n := 0
	var titles []string
	for _, s := range g.Sections {
		titles = append(titles, s.Title)
		n += len(s.Entries)
	}
	if n != len(places) || len(g.Index) != len(places) {
		t.Errorf("%d entries and %d index lines for %d places", n, len(g.Index), len(places))
	}
	// Sections in French order, whatever the case of the source.
	if !slices.IsSortedFunc(titles, texte.Compare) {
		t.Errorf("sections not sorted: %v", titles)
	}
	// Bordeaux, with more than 12 places, in parts by postal code.
	for _, want := range []string{"Bordeaux\u00a033000", "Bordeaux\u00a033800", "Pessac", "Libourne"} {
		if !slices.Contains(titles, want) {
			t.Errorf("no section %q in %v", want, titles)
		}
	}
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			for _, p := range e.Phones {
				if p.URI != "" && !strings.HasPrefix(p.URI, "tel:+33") {
					t.Errorf("%s: phone URI %q", e.Name, p.URI)
				}
			}
			if strings.ToUpper(e.Name) == e.Name && len(e.Name) > 12 {
				t.Errorf("name still shouting: %q", e.Name)
			}
		}
	}
	if g.About.Counts == "" || !strings.Contains(g.About.SourceDate, "2022") && !strings.Contains(g.About.SourceDate, "2023") {
		t.Errorf("about = %+v", g.About)
	}
}

// decoded is a place read from its fields, as a file gives them.
func decoded(fields ...[2]string) lieu.Lieu {
	l, _ := lieu.Decode(func(yield func(string, string) bool) {
		for _, kv := range fields {
			if !yield(kv[0], kv[1]) {
				return
			}
		}
	})
	return l
}

func TestEntry(t *testing.T) {
	l := decoded([][2]string{
		{"nom", "MEDIATHEQUE DE SAINT-MEDARD"}, {"adresse", "12 BIS AV DU GENERAL LECLERC"},
		{"code_postal", "33160"}, {"commune", "ST MEDARD EN JALLES"}, {"telephone", "0556057132"},
		{"horaires", "Mo-Fr 09:00-12:00,14:00-17:00; We off"}, {"services", "Aide aux démarches administratives"},
		{"frais_a_charge", "Gratuit"}, {"modalites_acces", "Téléphoner|Prendre un RDV en ligne"},
		{"site_web", "www.saint-medard-en-jalles.fr/"}, {"date_maj", "2025-03-01"},
		{"presentation_resume", "<p>Ateliers <b>numériques</b> &amp; aide aux démarches...</p>"},
	}...)
	e := entry(&Place{Lieu: l, Commune: "Saint-Médard-en-Jalles", Distance: 2.43}, &words)
	want := Entry{
		Name:     "Médiathèque de Saint-Médard",
		Commune:  "Saint-Médard-en-Jalles",
		Address:  []string{"12 bis avenue du Général Leclerc", "33160\u00a0Saint-Médard-en-Jalles"},
		Distance: "à\u00a02,4\u00a0km",
		Phones:   []Phone{{Display: "05\u00a056\u00a005\u00a071\u00a032", URI: "tel:+33556057132"}},
		Hours:    Hours{Lines: []string{"Lundi, mardi, jeudi et vendredi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a017\u00a0h", "Fermé le\u00a0mercredi, le\u00a0samedi et le\u00a0dimanche"}},
		Services: []Service{{Icon: "paperwork", Label: "Démarches administratives"}},
		Facts:    []Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "appointment", Text: "Sur rendez-vous"}, {Icon: "distance", Text: "à\u00a02,4\u00a0km"}},
		QR:       "https://www.saint-medard-en-jalles.fr/",
		Updated:  "Informations de\u00a0mars\u00a02025",
		Summary:  "Ateliers numériques & aide aux démarches…",
		year:     2025,
	}
	if e.Website == nil || *e.Website != (Link{Text: "saint-medard-en-jalles.fr", URL: "https://www.saint-medard-en-jalles.fr/"}) {
		t.Errorf("website = %+v", e.Website)
	}
	e.Website = nil
	got := fmt.Sprintf("%#v", e)
	if w := fmt.Sprintf("%#v", want); got != w {
		t.Errorf("entry\n got %s\nwant %s", got, w)
	}
}

func TestDistance(t *testing.T) {
	for km, want := range map[float64]string{0.04: "à\u00a0100\u00a0m", 0.84: "à\u00a0800\u00a0m", 2.43: "à\u00a02,4\u00a0km", 14.6: "à\u00a015\u00a0km"} {
		if got := Distance(km); got != want {
			t.Errorf("Distance(%v) = %q, want %q", km, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	for in, want := range map[string]string{"2026-11-23": "23\u00a0novembre\u00a02026", "2025-03-01": "1er\u00a0mars\u00a02025", "2024-08-15": "15\u00a0août\u00a02024"} {
		d, _ := time.Parse("2006-01-02", in)
		if got := Date(d); got != want {
			t.Errorf("Date(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestComposeUnderNoun(t *testing.T) {
	place := func(name, commune string) Place {
		l := decoded([2]string{"nom", name}, [2]string{"commune", commune})
		return Place{Lieu: l, Commune: commune, Distance: -1}
	}
	places := []Place{place("La Source", "Le Bouscat"), place("Médiathèque", "Cenon"), place("Le Rocher", "Bordeaux")}
	for _, tt := range []struct {
		under    bool
		sections []string
		letters  []string
	}{
		{false, []string{"Bordeaux", "Cenon", "Le Bouscat"}, []string{"L", "L", "M"}},
		{true, []string{"Bordeaux", "Le Bouscat", "Cenon"}, []string{"M", "R", "S"}},
	} {
		g := Compose(places, Options{Words: words, Order: texte.Order{UnderNoun: tt.under}})
		var titles, letters []string
		for _, s := range g.Sections {
			titles = append(titles, s.Title)
		}
		for _, ix := range g.Index {
			letters = append(letters, ix.Letter)
		}
		if !slices.Equal(titles, tt.sections) || !slices.Equal(letters, tt.letters) {
			t.Errorf("under noun %v: sections %v, letters %v", tt.under, titles, letters)
		}
	}
}

// TestKindLessName checks that the kind of place and its programmes are
// printed in plain words, less what the place's name already says.
func TestKindLessName(t *testing.T) {
	for _, tc := range []struct {
		name       string
		types      []string
		programmes []string
		want       string
	}{
		{"France services Marseille 2ème - Panier", nil, []string{"France Services"}, ""},
		{"Médiathèque Jacques-Ellul", []string{"BIB"}, []string{"Conseillers numériques"}, "Conseiller numérique"},
		{"CCAS de Marseille", []string{"CCAS"}, nil, "CCAS (action sociale de la mairie)"},
		{"Mairie de Candillargues", []string{"MUNI"}, []string{"Conseillers numériques", "Aidants Connect"}, "Conseiller numérique, Aidants Connect"},
	} {
		l := lieu.Lieu{Name: tc.name, Types: tc.types, Programmes: tc.programmes}
		if got := kind(&l, tc.name); got != tc.want {
			t.Errorf("kind(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSupportLanguagesTogether: a place that helps in English and in
// other languages says it in one fact, one line of its entry; either
// alone keeps its words.
func TestSupportLanguagesTogether(t *testing.T) {
	for _, tc := range []struct {
		support []string
		want    []string
	}{
		{[]string{"Surdité", "Langues étrangères (anglais)", "Langues étrangères (autres)"}, []string{"Personnes sourdes", "En anglais et autres langues"}},
		{[]string{"Langues étrangères (autres)"}, []string{"Autres langues"}},
		{[]string{"Langues étrangères (anglais)", "Illettrisme"}, []string{"Si vous lisez difficilement", "En anglais"}},
	} {
		var got []string
		for _, f := range support(&lieu.Lieu{Support: tc.support}) {
			got = append(got, f.Text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("support %q: %q, want %q", tc.support, got, tc.want)
		}
	}
}

// TestSupportTogether: the specific support said as one fact, in the
// place of the first, the words of the others after a colon, lower case,
// « ou » between the people; nothing to say together for fewer than two.
func TestSupportTogether(t *testing.T) {
	free := Fact{Icon: "fees", Text: "Gratuit"}
	for _, tc := range []struct {
		support []string
		want    string // the texts of the facts, " | " between them; "" for none together
	}{
		{[]string{"Surdité", "Déficience visuelle", "Handicaps mentaux", "Illettrisme", "Langues étrangères (anglais)", "Langues étrangères (autres)"},
			"Gratuit | Aide adaptée\u00a0: personnes sourdes ou malvoyantes, handicap mental, si vous lisez difficilement, en anglais et autres langues | Itinérant"},
		{[]string{"Surdité", "Illettrisme", "Langues étrangères (autres)"}, "Gratuit | Aide adaptée\u00a0: personnes sourdes, si vous lisez difficilement, autres langues | Itinérant"},
		{[]string{"Déficience visuelle", "Langues étrangères (anglais)"}, "Gratuit | Aide adaptée\u00a0: personnes malvoyantes, en anglais | Itinérant"},
		{[]string{"Surdité"}, ""},
		{[]string{"Langues étrangères (anglais)", "Langues étrangères (autres)"}, ""}, // one fact already
		{nil, ""},
	} {
		facts := append(append([]Fact{free}, support(&lieu.Lieu{Support: tc.support})...), Fact{Icon: "roaming", Text: "Itinérant"})
		together, ok := Together(facts)
		var texts []string
		for _, f := range together {
			texts = append(texts, f.Text)
		}
		if got := strings.Join(texts, " | "); ok != (tc.want != "") || ok && got != tc.want {
			t.Errorf("support %q: %v %q, want %q", tc.support, ok, got, tc.want)
		}
		if ok && (together[1].Icon != "help" || !together[1].Named) {
			t.Errorf("support %q: the fact together is %+v, want the pictogram of adapted help, named by its words", tc.support, together[1])
		}
	}
}

// TestLegendNamesSupportOnce: the legend names the one pictogram of
// adapted help, which may stand for all the specific support of a place,
// and none of the pictograms whose words say what they are (« Personnes
// sourdes »).
func TestLegendNamesSupportOnce(t *testing.T) {
	for _, tc := range []struct {
		support []string
		want    string
	}{
		{[]string{"Surdité", "Déficience visuelle", "Langues étrangères (anglais)"}, "help"},
		{[]string{"Illettrisme"}, "help"},
		{[]string{"Surdité"}, ""},
	} {
		e := Entry{Facts: support(&lieu.Lieu{Support: tc.support})}
		var icons []string
		for _, l := range legend([]Section{{Entries: []Entry{e}}}, &words, nil) {
			if l.Icon != "address" {
				icons = append(icons, l.Icon)
			}
		}
		if got := strings.Join(icons, " "); got != tc.want {
			t.Errorf("support %q: legend %q, want %q", tc.support, got, tc.want)
		}
	}
}

// TestMissingFacts: a missing phone or missing hours is said plainly;
// both missing, on one line.
func TestMissingFacts(t *testing.T) {
	for _, tc := range []struct {
		phone, hours    string
		noPhone, noteOn string
	}{
		{"0556057132", "Mo-Fr 09:00-12:00", "", ""},
		{"", "Mo-Fr 09:00-12:00", "Pas de téléphone connu", ""},
		{"0556057132", "", "", "Horaires inconnus"},
		{"", "", "Numéro et horaires inconnus", ""},
	} {
		l := decoded([][2]string{{"nom", "Médiathèque"}, {"code_postal", "33160"}, {"commune", "Saint-Médard-en-Jalles"},
			{"telephone", tc.phone}, {"horaires", tc.hours}}...)
		e := entry(&Place{Lieu: l, Commune: "Saint-Médard-en-Jalles", Distance: -1}, &Words{})
		if e.NoPhone != tc.noPhone || e.Hours.Note != tc.noteOn {
			t.Errorf("phone %q, hours %q: said %q and %q, want %q and %q", tc.phone, tc.hours, e.NoPhone, e.Hours.Note, tc.noPhone, tc.noteOn)
		}
	}
}

// TestIndexLeavesTownHallsToCommunes: a place named after its commune
// (« Mairie de Gignac ») is left out of the index of places, which says
// so with an example, when an index of communes leads to it; a médiathèque
// named after its commune stays, as every place does without an index of
// communes, or when all would go.
func TestIndexLeavesTownHallsToCommunes(t *testing.T) {
	for _, tc := range []struct {
		name, commune string
		atCommune     bool
	}{
		{"Commune de Gignac", "Gignac", true},
		{"Mairie d’Izernore", "Izernore", true},
		{"VILLE DE CASTELNAU-LE-LEZ", "Castelnau-le-Lez", true},
		{"Mairie déléguée de Cran-Gevrier", "Cran-Gevrier", true},
		{"Médiathèque de Craponne", "Craponne", false},
		{"CCAS de Roubaix", "Roubaix", false},
		{"Mairie de Gignac, annexe", "Gignac", false},
		{"Mairie de Gignac", "Aniane", false},
	} {
		if got := namedAfter(texte.Fold(tc.name), texte.Fold(tc.commune)); got != tc.atCommune {
			t.Errorf("namedAfter(%q, %q) = %v, want %v", tc.name, tc.commune, got, tc.atCommune)
		}
	}
	index := func() []IndexEntry {
		return []IndexEntry{{Text: "Commune de Clapiers", AtCommune: true}, {Text: "Médiathèque Émile-Zola, Montpellier"}}
	}
	ix := index()
	if intro := leaveToCommunes(ix, true); !strings.Contains(intro, "«\u00a0Commune de Clapiers\u00a0»") || !ix[0].AtCommune || ix[1].AtCommune {
		t.Errorf("with an index of communes: intro %q, lines %+v", intro, ix)
	}
	for _, tc := range []struct {
		name     string
		ix       []IndexEntry
		communes bool
	}{
		{"no index of communes", index(), false},
		{"all named after their communes", index()[:1], true},
	} {
		if intro := leaveToCommunes(tc.ix, tc.communes); intro != "" || tc.ix[0].AtCommune {
			t.Errorf("%s: intro %q, lines %+v", tc.name, intro, tc.ix)
		}
	}
}

// TestSharedYear: when every place of the guide was updated in the same
// year, the year is said once and the entries leave out their dates,
// which a sheet of its own puts back; a single place of another year, or
// one without a date, and each says its own.
func TestSharedYear(t *testing.T) {
	place := func(name, commune, updated string) Place {
		l := decoded([][2]string{{"nom", name}, {"commune", commune}, {"date_maj", updated}}...)
		return Place{Lieu: l, Commune: commune, Distance: -1}
	}
	for _, tc := range []struct {
		name    string
		dates   []string
		shared  string
		entries int // entries that print their date
	}{
		{"one year", []string{"2022-05-02", "2022-10-14", "2022-06-07"}, "Informations mises à jour en\u00a02022", 0},
		{"two years", []string{"2022-05-02", "2021-10-14", "2022-06-07"}, "", 3},
		{"one unknown", []string{"2022-05-02", "", "2022-06-07"}, "", 2},
	} {
		var places []Place
		known := 0
		for i, d := range tc.dates {
			places = append(places, place(fmt.Sprintf("Médiathèque %d", i), []string{"Agde", "Bessan", "Vias"}[i], d))
			if d != "" {
				known++
			}
		}
		g := Compose(places, Options{Words: words})
		shared, dated, whole := "", 0, 0
		if g.Shared != nil {
			shared = g.Shared.Updated
		}
		for _, s := range g.Sections {
			for _, e := range s.Entries {
				if e.Updated != "" {
					dated++
				}
				if w := e.Whole(); strings.HasPrefix(w.Updated, "Informations de\u00a0") {
					whole++
				}
			}
		}
		if shared != tc.shared || dated != tc.entries || whole != known {
			t.Errorf("%s: shared %q, %d entries dated, %d whole entries dated", tc.name, shared, dated, whole)
		}
		// Where the year cannot be said once, each place says its date.
		own, dated := g.OwnDates(), 0
		for _, s := range own.Sections {
			for _, e := range s.Entries {
				if e.Updated != "" {
					dated++
				}
			}
		}
		if own.Shared != nil && own.Shared.Updated != "" || dated != known || g.Shared != nil && g.Shared.Updated != shared {
			t.Errorf("%s: own dates: shared %+v, %d entries dated, want %d", tc.name, own.Shared, dated, known)
		}
	}
}

// TestLegendLeavesBasicsToSample: the legend names the address, phone and
// hours pictograms only when the sample entry, whose numbers explain
// them, does not show all three.
func TestLegendLeavesBasicsToSample(t *testing.T) {
	full := Entry{Address: []string{"1 rue de la Paix", "33000\u00a0Bordeaux"}, Phones: []Phone{{Display: "05\u00a056\u00a000\u00a000\u00a000"}},
		Hours: Hours{Lines: []string{"Lundi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h"}}, Email: &Link{Text: "a@b.fr"}}
	noHours := full
	noHours.Hours = Hours{}
	sections := []Section{{Entries: []Entry{full}}}
	icons := func(sample *Entry) string {
		var out []string
		for _, l := range legend(sections, &words, sample) {
			out = append(out, l.Icon)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		name   string
		sample *Entry
		want   string
	}{
		{"sample with all three", &full, "email"},
		{"sample without hours", &noHours, "address phone hours email"},
		{"no sample", nil, "address phone hours email"},
	} {
		if got := icons(tc.sample); got != tc.want {
			t.Errorf("%s: legend %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestIndexSaysCommunes: a line of the index of places names the commune
// when its name does not, in its own field, for the places of one name to
// share a line; a guide of one commune (Marseille) does not say it on
// every line, and its places of one name share the pages of the first.
func TestIndexSaysCommunes(t *testing.T) {
	sections := func(communes ...string) []Section {
		var out []Section
		for i, c := range communes {
			out = append(out, Section{Title: c, Entries: []Entry{
				{Name: "Croix Rouge Française", Commune: c, Anchor: fmt.Sprint("lieu-", 2*i+1), place: 2 * i},
				{Name: "Médiathèque de " + c, Commune: c, Anchor: fmt.Sprint("lieu-", 2*i+2), place: 2*i + 1}}})
		}
		return out
	}
	arrondissements := sections("Marseille", "Marseille")
	arrondissements[0].Title, arrondissements[1].Title = "Marseille 1er", "Marseille 2e"
	for _, tc := range []struct {
		name     string
		sections []Section
		want     []string // Text, Name, Commune and the anchors of the pages of each line
	}{
		{"two communes", sections("Agde", "Sète"), []string{
			"Croix Rouge Française, Agde|Croix Rouge Française|Agde|", "Croix Rouge Française, Sète|Croix Rouge Française|Sète|",
			"Médiathèque de Agde|Médiathèque de Agde||", "Médiathèque de Sète|Médiathèque de Sète||"}},
		{"one commune", sections("Marseille"), []string{
			"Croix Rouge Française|Croix Rouge Française||", "Médiathèque de Marseille|Médiathèque de Marseille||"}},
		{"one commune, places of one name", arrondissements, []string{
			"Croix Rouge Française|Croix Rouge Française||lieu-1 lieu-3", "Croix Rouge Française|Croix Rouge Française||",
			"Médiathèque de Marseille|Médiathèque de Marseille||lieu-2 lieu-4", "Médiathèque de Marseille|Médiathèque de Marseille||"}},
	} {
		var got []string
		for _, e := range index(tc.sections, texte.Order{}) {
			var pages []string
			if e.Pages != nil {
				pages = e.Pages.Anchors
			}
			got = append(got, e.Text+"|"+e.Name+"|"+e.Commune+"|"+strings.Join(pages, " "))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: lines %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestUpdatedSaysTheMonthUnlessTheLabelAsksForTheDay(t *testing.T) {
	day := time.Date(2022, time.July, 26, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ label, want string }{
		{"À jour en", "À jour en\u00a0juillet\u00a02022"},
		{"Informations de", "Informations de\u00a0juillet\u00a02022"},
		{"Mis à jour le", "Mis à jour le\u00a026\u00a0juillet\u00a02022"},
		{"À jour au", "À jour au\u00a026\u00a0juillet\u00a02022"},
		{"", "juillet\u00a02022"},
	} {
		if got := updated(tt.label, day); got != tt.want {
			t.Errorf("updated(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}
