package guide

import (
	"strings"
	"testing"

	"livret/lieu"
)

func TestFill(t *testing.T) {
	for _, tt := range []struct {
		phrase string
		pairs  []string
		want   string
	}{
		{"Page {page} sur {pages}", []string{"page", "3", "pages", "24"}, "Page 3 sur 24"},
		{"{titre} – {territoire}", []string{"titre", "Guide", "territoire", "Pessac"}, "Guide – Pessac"},
		// A value is not filled again: a place named "{nom}" stays so.
		{"{nom} (suite)", []string{"nom", "Café {nom}"}, "Café {nom} (suite)"},
		{"Logo", []string{"nom", "Ville"}, "Logo"},
		{"Appeler {nom}", nil, "Appeler {nom}"},
		// Braces that hold no name stay as they are.
		{"{{page}} { {pag} {pages", []string{"page", "3"}, "{3} { {pag} {pages"},
		{"{page}{pages}{page}", []string{"page", "3", "pages", "24"}, "3243"},
		{"{}", []string{"", "vide"}, "vide"},
	} {
		if got := Fill(tt.phrase, tt.pairs...); got != tt.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tt.phrase, tt.pairs, got, tt.want)
		}
		// As strings.Replacer fills them, which Fill once used.
		var old []string
		for i := 0; i < len(tt.pairs); i += 2 {
			old = append(old, "{"+tt.pairs[i]+"}", tt.pairs[i+1])
		}
		if want := strings.NewReplacer(old...).Replace(tt.phrase); Fill(tt.phrase, tt.pairs...) != want {
			t.Errorf("Fill(%q, %q) differs from strings.Replacer: %q", tt.phrase, tt.pairs, want)
		}
	}
}

// The sample's legend names what its facts and links show, and nothing
// else: « Courriel, site, date » under an entry showing a site alone sent
// readers looking for an e-mail and a date.
func TestEntryPartsOf(t *testing.T) {
	p := EntryParts{
		Facts: FactParts{Kind: "le genre de lieu", Fees: "le prix", Appointment: "le rendez-vous", Access: "l’accès en fauteuil",
			Help: "l’aide proposée", Roaming: "le lieu itinérant", Distance: "la distance"},
		Links: LinkParts{Email: "le courriel", Website: "le site", Updated: "la date des informations", QR: "le code QR"},
	}
	site, mail := &Link{Text: "croix-rouge.fr"}, &Link{Text: "contact@croix-rouge.fr"}
	for _, tt := range []struct {
		name         string
		e            Entry
		qr           bool
		facts, links string
	}{
		{"site alone", Entry{Facts: []Fact{{Icon: "info", Text: "Conseiller numérique"}}, Website: site}, true,
			"Le genre de lieu", "Le site"},
		{"all links", Entry{Email: mail, Website: site, Updated: "À jour au 2 mai 2022"}, true, "", "Le courriel, le site, la date des informations"},
		{"code alone", Entry{}, true, "", "Le code QR"},
		{"nothing", Entry{}, false, "", ""},
		{"facts in their order, each said once", Entry{Facts: []Fact{{Icon: "fees"}, {Icon: "walk-in"}, {Icon: "wheelchair"},
			{Text: "Accessibilité : acceslibre.beta.gouv.fr", Link: &Link{Text: "acceslibre.beta.gouv.fr"}}, {Icon: "people"}, {Icon: "hearing"}, {Icon: "roaming"}}}, false,
			"Le prix, le rendez-vous, l’accès en fauteuil, l’aide proposée, le lieu itinérant", ""},
	} {
		if got := p.FactsOf(&tt.e); got != tt.facts {
			t.Errorf("%s: FactsOf = %q, want %q", tt.name, got, tt.facts)
		}
		if got := p.LinksOf(&tt.e, tt.qr); got != tt.links {
			t.Errorf("%s: LinksOf = %q, want %q", tt.name, got, tt.links)
		}
	}
}

// TestEveryFactHasLegend walks every fact a place can show, from every
// value of the schema's vocabularies, and checks that the sample's legend
// has a name for it: a new kind of fact must be given its own.
func TestEveryFactHasLegend(t *testing.T) {
	var p FactParts
	for _, l := range []lieu.Lieu{
		{Support: lieu.Support.Values, Guidance: lieu.Guidance.Values, Fees: lieu.Fees.Values, Access: lieu.Access.Values,
			Mobility: lieu.Mobility.Values, Programmes: lieu.Programmes.Values, Types: []string{"BIB", "CCAS"},
			AccessibilityURL: "https://acceslibre.beta.gouv.fr/app/34-agde/a/bibliotheque/erp/mediatheque/"},
		{Access: []string{lieu.AccessPhone}, AccessibilityURL: "https://acceslibre.beta.gouv.fr/app/34-agde/a/bibliotheque/erp/mediatheque/"},
	} {
		for _, f := range facts(&Place{Lieu: l, Distance: 1.2}, &words, "Espace numérique") {
			if _, ok := p.Of(f); !ok {
				t.Errorf("the fact %q (pictogram %q) has no name in the sample's legend", f.Text, f.Icon)
			}
		}
	}
	for _, s := range supportWords {
		if _, ok := p.Of(Fact{Icon: s.icon}); !ok {
			t.Errorf("the support %q (pictogram %q) has no name in the sample's legend", s.value, s.icon)
		}
	}
	if _, ok := p.Of(Fact{Icon: "qr"}); ok {
		t.Error("a pictogram that no fact shows has a name in the sample's legend")
	}
}
