package texte

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// vis shows the no-break spaces of a string: "_" for U+00A0, "^" for U+202F.
func vis(s string) string {
	return strings.NewReplacer("\u00a0", "_", "\u202f", "^").Replace(s)
}

// real holds the sample of real values in testdata/reel.json.
type real struct {
	Noms, Adresses, Communes, Sites, HTMLs []string
}

func readReal(tb testing.TB) real {
	tb.Helper()
	b, err := os.ReadFile("testdata/reel.json")
	if err != nil {
		tb.Fatal(err)
	}
	var r real
	if err := json.Unmarshal(b, &r); err != nil {
		tb.Fatal(err)
	}
	if len(r.Noms) == 0 || len(r.Adresses) == 0 || len(r.HTMLs) == 0 {
		tb.Fatal("testdata/reel.json lacks values")
	}
	return r
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  MAIRIE  DE\tPESSAC\n", "MAIRIE DE PESSAC"},
		{"LA MAISON DE LA  SOLIDARITÉ DE LA MARTINIQUE", "LA MAISON DE LA SOLIDARITÉ DE LA MARTINIQUE"},
		{"1  RUE D'ERNÉE", "1 RUE D'ERNÉE"},
		{"n°\u00a05", "n°\u00a05"},
		{"a\u00a0\u00a0b", "a\u00a0b"},
		{"a\u00a0 b", "a b"},
		{"Médiathe\u0300que", "Médiathèque"},
		{"\ufeffCentre\u200b social\u00ad", "Centre social"},
		{"Bus\x00 France\x07 Services", "Bus France Services"},
		{"\u00a0 ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"L'association Webcup oeuvre :\r\n\r\n\r\n- L'évènementiel  \r\n- L'animation\r\n", "L'association Webcup oeuvre :\n\n- L'évènementiel\n- L'animation"},
		{"\n\n  Un  \n\n", "Un"},
		{"a\rb", "a\nb"},
	}
	for _, tt := range tests {
		if got := CleanLines(tt.in); got != tt.want {
			t.Errorf("CleanLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTypography(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bonjour ! Ça va? Oui : très bien ; merci...", "Bonjour^! Ça va^? Oui_: très bien^; merci…"},
		{"Association Centre Social & Culturel d'Arpajon-sur-Cère", "Association Centre Social & Culturel d’Arpajon-sur-Cère"},
		{"Clic' & Ressources", "Clic’ & Ressources"},
		{"Le \"Café numérique\" ouvre", "Le «_Café numérique_» ouvre"},
		{"<<Atelier>> le lundi", "«_Atelier_» le lundi"},
		{"Il a dit “oui” !", "Il a dit «_oui_»^!"},
		{"« mot »", "«_mot_»"},
		{"«mot»", "«_mot_»"},
		{"12\" de large, 3\" de haut", "12\" de large, 3\" de haut"},
		{"un \"seul", "un \"seul"},
		{"Horaires: 09:00-12:00", "Horaires_: 09:00-12:00"},
		{"Voir https://www.exemple.fr/a?b=1&c=2 ! ou contact@mairie.fr ?", "Voir https://www.exemple.fr/a?b=1&c=2^! ou contact@mairie.fr^?"},
		{"Site : www.ville-gap.fr/l'annuaire", "Site_: www.ville-gap.fr/l'annuaire"},
		{"Version 3.0 , pas 3 .", "Version 3.0, pas 3."},
		{"Tarif : 3,50 € ou 10 %", "Tarif_: 3,50_€ ou 10_%"},
		{"Quoi ?! Vraiment !!", "Quoi^?! Vraiment^!!"},
		{"? Aide\n: liste", "? Aide\n: liste"},
		{"(?) et [!]", "(?) et [!]"},
		{"Ligne 1 ;\nLigne 2", "Ligne 1^;\nLigne 2"},
		{"Les 'cyber' ateliers", "Les 'cyber' ateliers"},
		{"aujourd'hui", "aujourd’hui"},
		{"", ""},
	}
	for _, tt := range tests {
		got := Typography(tt.in)
		if vis(got) != tt.want {
			t.Errorf("Typography(%q) = %q, want %q", tt.in, vis(got), tt.want)
		}
		if again := Typography(got); again != got {
			t.Errorf("Typography not idempotent on %q: %q then %q", tt.in, vis(got), vis(again))
		}
	}
}

func TestFixCase(t *testing.T) {
	tests := []struct {
		in    string
		known []string
		want  string
	}{
		{"MEDIATHEQUE DE SAINT-MEDARD", []string{"Saint-Médard-en-Jalles"}, "Médiathèque de Saint-Médard"},
		{"SAINT-MEDARD-EN-JALLES", nil, "Saint-Médard-en-Jalles"},
		{"CENTRE COMMUNAL D'ACTION SOCIALE DE SAINT-PIERRE", nil, "Centre communal d'action sociale de Saint-Pierre"},
		{"COMMUNAUTE D AGGLOMERATION DU GRAND DAX", nil, "Communauté d'agglomération du Grand Dax"},
		{"LA MAISON DE LA  SOLIDARITÉ DE LA MARTINIQUE", nil, "La Maison de la  solidarité de la Martinique"},
		{"FRANCE SERVICES - COMMUNE DE SAINTE PAZANNE", nil, "France services - Commune de Sainte Pazanne"},
		{"MEDIACENTRE - LE PETIT ÉCHO DE LA MODE", nil, "Mediacentre - Le Petit Écho de la Mode"},
		{"ALT-AFED 92 (ACCUEIL FEMMES EN DIFFICULTE)", nil, "Alt-Afed 92 (Accueil femmes en Difficulte)"},
		{"CCAS DE PEZENAS", []string{"Pézenas"}, "CCAS de Pézenas"},
		{"MJC ROBERT MARTIN", nil, "MJC Robert Martin"},
		{"CC DES VALLEES DU CLAIN", nil, "CC des Vallées du Clain"},
		{"ASS CENTRE SOCIAL ST ROCH", nil, "Ass centre social St Roch"},
		{"C.C.A.S. DE BLAYE", nil, "C.C.A.S. de Blaye"},
		{"C I D F F ASSOC", nil, "C I D F F Assoc"},
		{"LYCEE LOUIS XIV", nil, "Lycée Louis XIV"},
		{"ADSEA 03 - SP2I", nil, "ADSEA 03 - SP2I"},
		{"MODE83", nil, "MODE83"},
		{"ACCUEIL DE JOUR A PARIS", nil, "Accueil de jour à Paris"},
		{"APPARTEMENT D'ACCUEIL D'URGENCE", nil, "Appartement d'accueil d'urgence"},
		{"A VOS COTES", nil, "À Vos Cotes"},
		{"A'VENIR", nil, "A'Venir"},
		{"CHOM'ACTIF", nil, "Chom'Actif"},
		{"L'ECUME DES JOURS", nil, "L'Ecume des jours"},
		{"[ADOMA] |GHL| RS BAYARD", nil, "[Adoma] |GHL| RS Bayard"},
		{"49 FJT HABITAT JEUNES DU SAUMUROIS 49400 Saumur", nil, "49 FJT habitat jeunes du Saumurois 49400 Saumur"},
		{"ŒUVRE DES ÉCOLES", nil, "Œuvre des écoles"},
		{"SAINT ETIENNE", nil, "Saint Étienne"},
		// Mixed case is left alone.
		{"CCAS de Pessac", nil, "CCAS de Pessac"},
		{"Médiathèque Jacques Ellul", nil, "Médiathèque Jacques Ellul"},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if got := FixCase(tt.in, tt.known...); got != tt.want {
			t.Errorf("FixCase(%q, %q) = %q, want %q", tt.in, tt.known, got, tt.want)
		}
	}
}

func TestFixAddressCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12 BIS RUE DE LECLERCQ", "12 bis rue de Leclercq"},
		{"13 B BD GEORGES CLEMENCEAU", "13 bis boulevard Georges Clemenceau"},
		{"1 PL DE L HOTEL DE VILLE", "1 place de l'Hôtel de Ville"},
		{"PL DU GENERAL DE GAULLE", "Place du Général de Gaulle"},
		{"55 RUE DE LA REPUBLIQUE", "55 rue de la République"},
		{"1 RUE D'ERNÉE", "1 rue d'Ernée"},
		{"5 R EUGENE DESCAMPS", "5 rue Eugène Descamps"},
		{"33 ALL DU VIEUX SAINT LOUIS", "33 allée du Vieux Saint Louis"},
		{"LD MALLEVAL", "Lieu-dit Malleval"},
		{"2 ROND-POINT DE LA PAIX", "2 rond-point de la Paix"},
		{"1 CHE DE LA MESTRISE", "1 chemin de la Mestrise"},
		{"98 GRANDE RUE", "98 Grande Rue"},
		{"GARE DE NIOLON 15 ROUTE 13740 LE ROVE", "Gare de Niolon 15 Route 13740 Le Rove"},
		{"1 PL DE LA BAYERE 69570 DARDILLY", "1 place de la Bayere 69570 Dardilly"},
		{"RESIDENCE LES PINS, 3 RUE DU STADE", "Résidence les Pins, 3 rue du Stade"},
		{"2 PL DES ECOLES", "2 place des Écoles"},
		{"BP 32615", "BP 32615"},
		{"12 rue du Stade", "12 rue du Stade"},
	}
	for _, tt := range tests {
		if got := FixAddressCase(tt.in); got != tt.want {
			t.Errorf("FixAddressCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFixCaseReal checks the real names and addresses: a second pass
// changes nothing, and names only change in case, accents and apostrophes
// (their folded forms are equal).
func TestFixCaseReal(t *testing.T) {
	r := readReal(t)
	fixed, total := 0, 0
	for _, set := range []struct {
		values  []string
		fix     func(string, ...string) string
		address bool
	}{{r.Noms, FixCase, false}, {r.Adresses, FixAddressCase, true}, {r.Communes, FixCase, false}} {
		for _, v := range set.values {
			total++
			got := set.fix(v)
			if got != v {
				fixed++
			}
			if again := set.fix(got); again != got {
				t.Errorf("not idempotent on %q: %q then %q", v, got, again)
			}
			if !set.address && Fold(got) != Fold(v) {
				t.Errorf("FixCase(%q) = %q changed more than case and accents", v, got)
			}
		}
	}
	t.Logf("%d of %d real names, addresses and communes recased", fixed, total)
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Clic' &amp; Ressources", "Clic' & Ressources"},
		{"souffrance de fa&ccedil;ons multiples &hellip;Il s'ag", "souffrance de façons multiples …Il s'ag"},
		{"Le centre social accueille.<br />Le centre propose des activités.", "Le centre social accueille.\nLe centre propose des activités."},
		{"Permanences :<ul><li>Lundi de 14h - 16h</li><li>Mardi de 10h30 - 12h</li></ul>", "Permanences :\n\n•\u00a0Lundi de 14h - 16h\n•\u00a0Mardi de 10h30 - 12h"},
		{"<p>Un</p><p>Deux</p>", "Un\n\nDeux"},
		{"<h2>Titre</h2>Texte <b>gras</b> et <a href=\"https://x.fr\">lien</a>", "Titre\n\nTexte gras et lien"},
		{"<script>alert(1)</script><style>p{}</style>Reste", "Reste"},
		{"Âge < 26 ans et > 16", "Âge < 26 ans et > 16"},
		{"texte\r\n\r\n\r\nsuite", "texte\n\nsuite"},
		{"<!-- note -->Visible", "Visible"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := StripHTML(tt.in); got != tt.want {
			t.Errorf("StripHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripHTMLReal(t *testing.T) {
	for _, v := range readReal(t).HTMLs {
		got := StripHTML(v)
		if strings.Contains(got, "<br") || strings.Contains(got, "</") || strings.Contains(got, "&amp;") {
			t.Errorf("StripHTML(%q) left markup: %q", v, got)
		}
		if got == "" {
			t.Errorf("StripHTML(%q) is empty", v)
		}
	}
}

func TestShortURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.exemple.fr/", "exemple.fr"},
		{"http://www.tremplin-vitre.org/", "tremplin-vitre.org"},
		{"https://www.facebook.com/cscgilbertjansem/", "facebook.com/cscgilbertjansem"},
		{"https://www.groupe-sos.org/structure/cada-de-gretz-armainvilliers/", "groupe-sos.org/structure/cada-de-gretz-armainvilliers"},
		{"http://epn.alboussiere.inforoutes.fr", "epn.alboussiere.inforoutes.fr"},
		{"https://www.montpellier.fr/521-maison-pour-tous-paul-emile-victor.htm", "montpellier.fr/521-maison-pour-tous-paul-emile-victor.htm"},
		{"HTTPS://WWW.Mediatheque-Agde.FR/index.html", "mediatheque-agde.fr"},
		{"http://site.fr/page.php?id=12&utm_source=x&fbclid=y#haut", "site.fr/page.php?id=12"},
		{"www.ville-gap.fr", "ville-gap.fr"},
		{"https://fr.wikipedia.org/wiki/Saint-M%C3%A9dard-en-Jalles", "fr.wikipedia.org/wiki/Saint-Médard-en-Jalles"},
		{"https://exemple.fr:443/a", "exemple.fr/a"},
		{"  accueil@noyal-pontivy.fr ", "accueil@noyal-pontivy.fr"},
		{"mailto:Contact@haute-cornouaille.bzh", "Contact@haute-cornouaille.bzh"},
		{"non renseigné", "non renseigné"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ShortURL(tt.in); got != tt.want {
			t.Errorf("ShortURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShortURLReal(t *testing.T) {
	for _, v := range readReal(t).Sites {
		got := ShortURL(v)
		if strings.HasPrefix(got, "http") || strings.HasPrefix(got, "www.") || strings.HasSuffix(got, "/") {
			t.Errorf("ShortURL(%q) = %q", v, got)
		}
		if strings.Contains(v, "@") && got != strings.TrimSpace(v) {
			t.Errorf("ShortURL(%q) = %q, want the e-mail address unchanged", v, got)
		}
	}
}

func TestCompare(t *testing.T) {
	// Each list is in the expected order.
	tests := []struct {
		order Order
		names []string
	}{
		{Order{}, []string{"Ça", "cote", "côte", "coter", "Élan", "Évian", "Œuilly", "Zèbre"}},
		{Order{}, []string{"Lieu 2", "Lieu 9", "Lieu 10", "Lieu 100"}},
		{Order{}, []string{"Saint Médard", "Saint-Médard", "Saint-Médard-en-Jalles", "Sainte-Foy"}},
		{Order{}, []string{"L’Isle-d’Abeau", "La Teste-de-Buch", "Le Bouscat", "Lormont"}},
		{Order{UnderNoun: true}, []string{"Bordeaux", "Le Bouscat", "Bruges", "L’Isle-d’Abeau", "Lormont", "Talence", "La Teste-de-Buch"}},
		{Order{UnderNoun: true}, []string{"Les Abymes", "Baie-Mahault", "Lamentin", "Le Lamentin", "Leclerc"}},
	}
	for _, tt := range tests {
		for i := range tt.names {
			for j := range tt.names {
				got := tt.order.Compare(tt.names[i], tt.names[j])
				want := 0
				if i < j {
					want = -1
				} else if i > j {
					want = 1
				}
				if got != want {
					t.Errorf("%+v.Compare(%q, %q) = %d, want %d", tt.order, tt.names[i], tt.names[j], got, want)
				}
			}
		}
		shuffled := make([]string, len(tt.names))
		for i, n := range tt.names {
			shuffled[len(tt.names)-1-i] = n
		}
		tt.order.Sort(shuffled)
		if strings.Join(shuffled, "|") != strings.Join(tt.names, "|") {
			t.Errorf("%+v.Sort gave %q, want %q", tt.order, shuffled, tt.names)
		}
	}
	if Compare("a", "b") != -1 {
		t.Error(`Compare("a", "b") != -1`)
	}
}

func TestCompareConcurrent(t *testing.T) {
	names := readReal(t).Communes
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 1; i < len(names); i++ {
				if Compare(names[i-1], names[i]) != -Compare(names[i], names[i-1]) {
					t.Errorf("Compare not antisymmetric on %q, %q", names[i-1], names[i])
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func BenchmarkSort(b *testing.B) {
	names := readReal(b).Noms
	buf := make([]string, len(names))
	for i := 0; i < b.N; i++ {
		copy(buf, names)
		Order{UnderNoun: true}.Sort(buf)
	}
}

// TestKeysCompareAsCompare checks that sort keys order real names as
// Compare does, articles filed under the noun or not.
func TestKeysCompareAsCompare(t *testing.T) {
	r := readReal(t)
	names := append(append(append([]string{}, r.Noms...), r.Communes...), r.Adresses...)
	names = append(names, "Lieu 2", "Lieu 10", "Saint-Médard", "Saint Médard", "Le Bouscat", "Bouscat", "côte", "cote", "coter")
	names = append(names, names[:len(names)/3]...) // repeated, as a commune's name is: keyed once
	for _, o := range []Order{{}, {UnderNoun: true}} {
		keys := o.Keys(names)
		for i := range names {
			for _, j := range []int{(i * 7919) % len(names), (i + 1) % len(names), len(names) - 1 - i} {
				if got, want := keys[i].Compare(keys[j]), o.Compare(names[i], names[j]); got != want {
					t.Errorf("%+v: keys of %q and %q compare %d, Compare gives %d", o, names[i], names[j], got, want)
				}
			}
		}
	}
}

func TestEnumerate(t *testing.T) {
	for _, tc := range []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"lundi"}, "lundi"},
		{[]string{"lundi", "mardi"}, "lundi et mardi"},
		{[]string{"Pessac", "Talence", "Bègles"}, "Pessac, Talence et Bègles"},
	} {
		if got := Enumerate(tc.items); got != tc.want {
			t.Errorf("Enumerate(%q) = %q, want %q", tc.items, got, tc.want)
		}
	}
}
