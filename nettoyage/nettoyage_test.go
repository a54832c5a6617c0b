package nettoyage

import (
	"strings"
	"testing"

	"livret/lieu"
)

// Real names of the files of ../shared/data (issue #12).
func TestReadableName(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		unsure   bool
	}{
		{"AG_CHRS_CCASGrenoble_HenriTarze", "CCAS Grenoble Henri Tarze", false},
		{"AG_CHRS_FranceHorizon", "France Horizon", false},
		{"AG_ALT_CSRA", "CSRA", false},
		{"AG_ALT_MFI_RelaisPèreGaspard", "MFI Relais Père Gaspard", false},
		{"AG_CHRS_AJHIRALP_LaHalte", "AJHIRALP La Halte", false},
		{"AG_MR_HetH_BonsEnfants", "AG_MR_HetH_BonsEnfants", true},
		{"Alt CCAS Pessac", "CCAS Pessac", false},
		{"ALT GAPS-CPS", "GAPS-CPS", false},
		{"ALT C.C.A.S. DE LA CIOTAT", "C.C.A.S. DE LA CIOTAT", false},
		{"ALT - CCAS Ancenis", "CCAS Ancenis", false},
		{"ALT -Association Emmaus de la mayenne", "Association Emmaus de la mayenne", false},
		{"72-RS-Croix Rouge 72200 La Flèche", "Croix Rouge 72200 La Flèche", false},
		{"04-Accueil-UDAF", "Accueil-UDAF", false},
		{"72-ALT hébergement-Solidarité Femmes 72000 Le Mans", "Hébergement-Solidarité Femmes 72000 Le Mans", false},
		{"ADOMA_RS", "ADOMA RS", false},
		{"ALT FVVC CIAS Chateau_gontier", "FVVC CIAS Chateau gontier", false},
		// Names that only look like it are left alone.
		{"Altitude numérique", "Altitude numérique", false},
		{"22 EVENT", "22 EVENT", false},
		{"ALT", "ALT", false},
	} {
		got, unsure := readableName(tt.in)
		if got != tt.want || unsure != tt.unsure {
			t.Errorf("readableName(%q) = %q, %v; want %q, %v", tt.in, got, unsure, tt.want, tt.unsure)
		}
	}
}

func TestLooksLikeCode(t *testing.T) {
	for in, want := range map[string]bool{
		"AG_MR_HetH_BonsEnfants": true, "72-RS-Croix Rouge": true, "ALT CCAS": true,
		"CCAS Grenoble Henri Tarze": false, "Altitude": false, "Médiathèque": false,
	} {
		if got := LooksLikeCode(in); got != want {
			t.Errorf("LooksLikeCode(%q) = %v", in, got)
		}
	}
}

func TestDropPlace(t *testing.T) {
	for _, tt := range []struct{ in, postcode, want string }{
		{"9 boulevard Léon Blum 16800 SOYAUX", "16800", "9 boulevard Léon Blum"},
		{"4 avenue de l'Union---16710-St Yriieix", "16710", "4 avenue de l'Union"},
		{"12 rue de la Gare, 33600 Pessac", "33600", "12 rue de la Gare"},
		{"12 rue de la Gare 33600 Pessac Cedex", "33600", "12 rue de la Gare"},
		// Another postcode, or more than a commune after it: kept.
		{"9 boulevard Léon Blum 16800 SOYAUX", "16000", "9 boulevard Léon Blum 16800 SOYAUX"},
		{"BP 33600 rue des sept chemins de la grande forêt domaniale", "33600", "BP 33600 rue des sept chemins de la grande forêt domaniale"},
		{"33600", "33600", "33600"},
	} {
		if got := dropPlace(tt.in, tt.postcode); got != tt.want {
			t.Errorf("dropPlace(%q, %s) = %q, want %q", tt.in, tt.postcode, got, tt.want)
		}
	}
	if got := dropPlaceFromName("Croix Rouge 72200 La Flèche", "72200", []string{"La Flèche"}); got != "Croix Rouge" {
		t.Errorf("dropPlaceFromName = %q", got)
	}
	if got := dropPlaceFromName("Maison 72200 Loisirs", "72200", []string{"La Flèche"}); got != "Maison 72200 Loisirs" {
		t.Errorf("dropPlaceFromName kept another commune: %q", got)
	}
}

func TestTidyPunctuation(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Bus France Services - [Place de la mairie]", "Bus France Services - Place de la mairie"},
		{"4 avenue de l'Union---St Yrieix", "4 avenue de l'Union - St Yrieix"},
		{"Mairie () de Pessac", "Mairie de Pessac"},
		{"1 rue Victor Hugo,, ,", "1 rue Victor Hugo"},
		{"- Espace numérique -", "Espace numérique"},
		{"C.C.A.S.", "C.C.A.S."},
		{"L' Accorderie Haut Grésivaudan", "L'Accorderie Haut Grésivaudan"},
		{"285 rue d’ Endoume", "285 rue d’Endoume"},
		{"Maison de l'  Emploi", "Maison de l'Emploi"},
		{"Parents' Café", "Parents' Café"},
		{"Aujourd' hui", "Aujourd' hui"},
	} {
		if got := tidyPunctuation(tt.in); got != tt.want {
			t.Errorf("tidyPunctuation(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzTidyPunctuation checks that tidyPunctuation, which runs each
// expression only on a string that may match it, cleans as all of them run
// on every string.
func FuzzTidyPunctuation(f *testing.F) {
	for _, s := range []string{"Bus France Services - [Place de la mairie]", "de l'Union---St Yrieix", "Mairie ( ) [ ] de Pessac",
		"1 rue Victor Hugo,, ,", "- Espace numérique -", "a ,b", "x\t,y", "[[a]]", "Lieu (voir [plan])", "L' Arche", "rue d’ Endoume, [x]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := elided.ReplaceAllString(s, "$1$2$3")
		want = dashesRE.ReplaceAllString(want, " - ")
		want = bracketsRE.ReplaceAllString(want, "$1")
		want = emptyRE.ReplaceAllString(want, "")
		want = commasRE.ReplaceAllString(want, ",")
		want = spaceComma.ReplaceAllString(want, ",")
		want = strings.Join(strings.Fields(strings.Trim(want, " -–—,;/|")), " ")
		if got := tidyPunctuation(s); got != want {
			t.Errorf("tidyPunctuation(%q) = %q, every expression gives %q", s, got, want)
		}
	})
}

func TestPlace(t *testing.T) {
	l := lieu.Lieu{Name: "72-RS-Croix Rouge 72200 La Flèche", Address: "9 Bd Léon Blum 72200 LA FLECHE",
		PostalCode: "72200", Commune: "LA FLECHE", OtherLabels: []string{"QPV", "Label local", "FRR"}}
	changes := Place(&l, "La Flèche", nil)
	if l.Name != "Croix Rouge" || l.Address != "9 boulevard Léon Blum" {
		t.Errorf("name %q, address %q", l.Name, l.Address)
	}
	if strings.Join(l.OtherLabels, "|") != "Label local" {
		t.Errorf("labels %q", l.OtherLabels)
	}
	rules := map[Rule]bool{}
	for _, c := range changes {
		rules[c.Rule] = true
	}
	for _, r := range []Rule{CodeName, Repeated, Street, Zoning} {
		if !rules[r] {
			t.Errorf("rule %q not reported: %+v", r, changes)
		}
	}
	unsure := lieu.Lieu{Name: "AG_MR_HetH_BonsEnfants"}
	if c := Place(&unsure, "", nil); len(c) != 1 || !c[0].Unsure || unsure.Name != "AG_MR_HetH_BonsEnfants" {
		t.Errorf("unsure name: %+v, %q", c, unsure.Name)
	}
}

func TestInvisibles(t *testing.T) {
	l := lieu.Lieu{Name: "Mairie \u202eetarcomed\u202c", Address: "1 rue\nde la Gare",
		Description: "Ligne 1\nLigne\u200d 2", Emails: []string{"a\u200b@b.fr"}}
	changes := Invisibles(&l)
	if l.Name != "Mairie etarcomed" || l.Address != "1 rue de la Gare" || l.Description != "Ligne 1\nLigne 2" || l.Emails[0] != "a@b.fr" {
		t.Errorf("cleaned: %q %q %q %q", l.Name, l.Address, l.Description, l.Emails)
	}
	if len(changes) != 4 {
		t.Fatalf("%d changes, want 4: %+v", len(changes), changes)
	}
	if !strings.Contains(changes[0].Note, "U+202E") || strings.ContainsRune(changes[0].Before, '\u202e') {
		t.Errorf("change %+v", changes[0])
	}
	if !strings.Contains(changes[1].Note, "retours à la ligne") {
		t.Errorf("change %+v", changes[1])
	}
}

func TestPlainText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Clic' &amp; Ressources", "Clic' & Ressources"},
		{"Association Centre Social &amp; Culturel d'Arpajon-sur-Cère", "Association Centre Social & Culturel d'Arpajon-sur-Cère"},
		{"1 rue de la Gare<br />Bâtiment B", "1 rue de la Gare, Bâtiment B"},
		{"Mairie & CCAS", "Mairie & CCAS"},
	} {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
