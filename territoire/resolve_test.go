package territoire

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The expected figures below are those of COG 2026 (découpage
// administratif 6.0.0).

func TestResolve(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind     Kind
		query    string
		code     string
		name     string
		communes int      // number of communes covered
		arrs     []string // arrondissements the area is restricted to
		how      How      // how a commune was found
	}{
		{KindCommune, "st medard en jalles", "33449", "Saint-Médard-en-Jalles", 1, nil, ByCode},
		{KindCommune, "SAINT-MÉDARD-EN-JALLES", "33449", "Saint-Médard-en-Jalles", 1, nil, ByCode},
		{KindCommune, "Saint Medard en Jalles", "33449", "Saint-Médard-en-Jalles", 1, nil, ByCode},
		{KindCommune, "33449", "33449", "Saint-Médard-en-Jalles", 1, nil, ByCode},
		{KindCommune, "ste foy la grande", "33402", "Sainte-Foy-la-Grande", 1, nil, ByCode},
		{KindCommune, "Le Bouscat", "33069", "Le Bouscat", 1, nil, ByCode},
		{KindCommune, "Bouscat (Le)", "33069", "Le Bouscat", 1, nil, ByCode},
		{KindCommune, "bouscat", "33069", "Le Bouscat", 1, nil, ByCode},
		{KindCommune, "Artigues pres Bordeaux", "33013", "Artigues-près-Bordeaux", 1, nil, ByCode},
		{KindCommune, "Marseille 11e", "13211", "Marseille 11e Arrondissement", 1, []string{"13211"}, ByCode},
		{KindCommune, "marseille 11eme arrondissement", "13211", "Marseille 11e Arrondissement", 1, []string{"13211"}, ByCode},
		{KindCommune, "Paris 15", "75115", "Paris 15e Arrondissement", 1, []string{"75115"}, ByCode},
		{KindCommune, "Lyon 1er", "69381", "Lyon 1er Arrondissement", 1, []string{"69381"}, ByCode},
		{KindCommune, "75115", "75115", "Paris 15e Arrondissement", 1, []string{"75115"}, ByCode},
		{KindCommune, "Paris", "75056", "Paris", 1, nil, ByCode},
		{KindCommune, "Saint-Denis (93)", "93066", "Saint-Denis", 1, nil, ByCode},
		{KindCommune, "Saint-Denis (La Réunion)", "97411", "Saint-Denis", 1, nil, ByCode},
		{KindCommune, "saint denis 974", "97411", "Saint-Denis", 1, nil, ByCode},
		{KindCommune, "Ajaccio 2a", "2A004", "Ajaccio", 1, nil, ByCode},
		{KindCommune, "2A004", "2A004", "Ajaccio", 1, nil, ByCode},
		{KindCommune, "2a004", "2A004", "Ajaccio", 1, nil, ByCode},
		{KindCommune, "ajaccio", "2A004", "Ajaccio", 1, nil, ByCode},
		{KindCommune, "98818", "98818", "Nouméa", 1, nil, ByCode},
		{KindCommune, "noumea", "98818", "Nouméa", 1, nil, ByCode},
		// Old code of Ajaccio before Corsica was split (1976).
		{KindCommune, "20004", "2A004", "Ajaccio", 1, nil, ByFormerCode},
		// Saint-Bois, merged into Arboys en Bugey.
		{KindCommune, "01340", "01015", "Arboys en Bugey", 1, nil, ByFormerCode},
		{KindCommune, "Bellegarde-sur-Valserine", "01033", "Valserhône", 1, nil, ByDelegatedName},

		{KindCodePostal, "33160", "33160", "33160 (Saint-Aubin-de-Médoc, Saint-Médard-en-Jalles, Salaunes)", 3, nil, ByCode},
		{KindCodePostal, "13011", "13011", "13011 (Marseille 11e Arrondissement)", 1, []string{"13211"}, ByCode},
		{KindCodePostal, "75016", "75016", "75016 (Paris 16e Arrondissement)", 1, []string{"75116"}, ByCode},

		{KindEPCI, "Bordeaux Métropole", "243300316", "Bordeaux Métropole", 28, nil, ByCode},
		{KindEPCI, "bordeaux metropole", "243300316", "Bordeaux Métropole", 28, nil, ByCode},
		{KindEPCI, "243300316", "243300316", "Bordeaux Métropole", 28, nil, ByCode},
		{KindEPCI, "Communauté de communes du Bazadais", "200043982", "CC du Bazadais", 31, nil, ByCode},
		{KindEPCI, "cc du bazadais", "200043982", "CC du Bazadais", 31, nil, ByCode},
		{KindEPCI, "Bazadais", "200043982", "CC du Bazadais", 31, nil, ByCode},
		{KindEPCI, "Plaine Commune", "200057867", "Plaine Commune", 8, nil, ByCode},

		{KindDepartement, "33", "33", "Gironde", 534, nil, ByCode},
		{KindDepartement, "Gironde", "33", "Gironde", 534, nil, ByCode},
		{KindDepartement, "département de la Gironde", "33", "Gironde", 534, nil, ByCode},
		{KindDepartement, "2A", "2A", "Corse-du-Sud", 124, nil, ByCode},
		{KindDepartement, "2a", "2A", "Corse-du-Sud", 124, nil, ByCode},
		{KindDepartement, "1", "01", "Ain", 391, nil, ByCode},
		{KindDepartement, "Reunion", "974", "La Réunion", 24, nil, ByCode},
		{KindDepartement, "988", "988", "Nouvelle-Calédonie", 33, nil, ByCode},

		{KindRegion, "Nouvelle-Aquitaine", "75", "Nouvelle-Aquitaine", 4293, nil, ByCode},
		{KindRegion, "nouvelle aquitaine", "75", "Nouvelle-Aquitaine", 4293, nil, ByCode},
		{KindRegion, "75", "75", "Nouvelle-Aquitaine", 4293, nil, ByCode},
		{KindRegion, "PACA", "93", "Provence-Alpes-Côte d'Azur", 946, nil, ByCode},
		{KindRegion, "Nouvelle-Calédonie", "988", "Nouvelle-Calédonie", 33, nil, ByCode},
	}
	a := Default()
	for _, tt := range tests {
		ar, err := a.Resolve(tt.kind, tt.query)
		if err != nil {
			t.Errorf("Resolve(%v, %q): %v", tt.kind, tt.query, err)
			continue
		}
		if ar.Kind != tt.kind || ar.Code != tt.code || ar.Name != tt.name {
			t.Errorf("Resolve(%v, %q) = %v %s %q, want %v %s %q", tt.kind, tt.query, ar.Kind, ar.Code, ar.Name, tt.kind, tt.code, tt.name)
		}
		if len(ar.Communes) != tt.communes {
			t.Errorf("Resolve(%v, %q) covers %d communes, want %d", tt.kind, tt.query, len(ar.Communes), tt.communes)
		}
		if !slices.Equal(ar.Arrondissements, tt.arrs) {
			t.Errorf("Resolve(%v, %q) arrondissements = %v, want %v", tt.kind, tt.query, ar.Arrondissements, tt.arrs)
		}
		if ar.Note.How != tt.how {
			t.Errorf("Resolve(%v, %q) found %v, want %v", tt.kind, tt.query, ar.Note.How, tt.how)
		}
		if (tt.how != ByCode) != (ar.Note.String() != "") {
			t.Errorf("Resolve(%v, %q) note %q", tt.kind, tt.query, ar.Note)
		}
		if !slices.IsSorted(ar.Communes) {
			t.Errorf("Resolve(%v, %q) communes not sorted", tt.kind, tt.query)
		}
	}
}

func TestResolveMembers(t *testing.T) {
	t.Parallel()
	a := Default()
	pc, err := a.Resolve(KindCodePostal, "33160")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"33376", "33449", "33494"}; !slices.Equal(pc.Communes, want) {
		t.Errorf("33160 covers %v, want %v", pc.Communes, want)
	}
	bm, err := a.Resolve(KindEPCI, "Bordeaux Métropole")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"33063", "33449", "33522", "33318", "33069"} { // Bordeaux, Saint-Médard, Talence, Pessac, Le Bouscat
		if !slices.Contains(bm.Communes, code) {
			t.Errorf("Bordeaux Métropole lacks %s", code)
		}
	}
	if slices.Contains(bm.Communes, "33494") { // Salaunes, in the CC Médullienne
		t.Error("Bordeaux Métropole holds Salaunes")
	}
	if bm.Population != 843738 {
		t.Errorf("Bordeaux Métropole population = %d, want 843738", bm.Population)
	}
}

func TestResolveAmbiguous(t *testing.T) {
	t.Parallel()
	a := Default()
	_, err := a.Resolve(KindCommune, "Saint-Denis")
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("Resolve(Saint-Denis) error = %v, want *AmbiguousError", err)
	}
	var codes []string
	for _, c := range amb.Candidates {
		codes = append(codes, c.Code)
	}
	slices.Sort(codes)
	if want := []string{"11339", "30247", "93066", "97411"}; !slices.Equal(codes, want) {
		t.Errorf("candidates = %v, want %v", codes, want)
	}
	msg := err.Error()
	for _, want := range []string{
		"«\u00a0Saint-Denis\u00a0» désigne 4 communes",
		"Saint-Denis (Seine-Saint-Denis, 93), code INSEE 93066",
		"Saint-Denis (La Réunion, 974), code INSEE 97411",
		"Précisez le département (par exemple --departement",
		"code INSEE (par exemple --commune",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}

	for _, tt := range []struct {
		depts []string
		want  string
	}{
		{[]string{"93"}, "93066"},
		{[]string{"974"}, "97411"},
		{[]string{"11", "33"}, "11339"},
	} {
		ar, err := a.ResolveIn(KindCommune, "Saint-Denis", tt.depts)
		if err != nil || ar.Code != tt.want {
			t.Errorf("ResolveIn(Saint-Denis, %v) = %s, %v; want %s", tt.depts, ar.Code, err, tt.want)
		}
	}

	// Narrowed to a département without any: say where it exists.
	_, err = a.ResolveIn(KindCommune, "Saint-Denis", []string{"33"})
	var unk *UnknownError
	if !errors.As(err, &unk) || len(unk.Suggestions) != 4 {
		t.Fatalf("ResolveIn(Saint-Denis, 33) = %v, want *UnknownError with 4 suggestions", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "Aucune commune ne s’appelle «\u00a0Saint-Denis\u00a0» dans le département 33.") {
		t.Errorf("message = %q", msg)
	}

	// Nine communes are called Saint-Pierre, overseas ones included.
	if _, err := a.Resolve(KindCommune, "Saint-Pierre"); !errors.As(err, &amb) || len(amb.Candidates) != 9 {
		t.Errorf("Resolve(Saint-Pierre) = %v, want 9 candidates", err)
	}
}

func TestResolveUnknown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind        Kind
		query       string
		suggestions []string // codes, in order
		message     string   // start of the message
	}{
		{KindCommune, "Bordeau", []string{"33063", "73050"}, "Aucune commune ne s’appelle «\u00a0Bordeau\u00a0». Vouliez-vous dire\u00a0: Bordeaux (Gironde, 33)\u00a0; Bourdeau (Savoie, 73)\u00a0?"},
		{KindCommune, "Saint-Médard-en-Jale", []string{"33449"}, "Aucune commune ne s’appelle «\u00a0Saint-Médard-en-Jale\u00a0». Vouliez-vous dire\u00a0: Saint-Médard-en-Jalles (Gironde, 33)\u00a0?"},
		{KindCommune, "Xyzzyqwv", nil, "Aucune commune ne s’appelle «\u00a0Xyzzyqwv\u00a0». Vérifiez l’orthographe, ou donnez le code."},
		// A postal code typed as an INSEE code.
		{KindCommune, "33000", []string{"33063"}, "Aucune commune n’a le code INSEE «\u00a033000\u00a0». C’est le code postal de\u00a0: Bordeaux (Gironde, 33). Son code INSEE est 33063."},
		{KindCodePostal, "99999", nil, "Aucune commune n’a le code postal 99999. Vérifiez le code."},
		{KindCodePostal, "3316", nil, "«\u00a03316\u00a0» n’est pas un code postal\u00a0: il faut cinq chiffres, par exemple 33160."},
		{KindEPCI, "999999999", nil, "Aucune intercommunalité n’a le numéro SIREN «\u00a0999999999\u00a0». Vérifiez le code."},
		{KindEPCI, "Bordeaux Metropol", []string{"243300316"}, "Aucune intercommunalité ne s’appelle «\u00a0Bordeaux Metropol\u00a0». Vouliez-vous dire\u00a0: Bordeaux Métropole (métropole)\u00a0?"},
		{KindDepartement, "Girond", []string{"33"}, "Aucun département ne s’appelle «\u00a0Girond\u00a0». Vouliez-vous dire\u00a0: Gironde (33)\u00a0?"},
		{KindDepartement, "96", nil, "Aucun département n’a le code «\u00a096\u00a0». Vérifiez le code."},
		{KindRegion, "Nouvelle Aquitain", []string{"75"}, "Aucune région ne s’appelle «\u00a0Nouvelle Aquitain\u00a0». Vouliez-vous dire\u00a0: Nouvelle-Aquitaine (75)\u00a0?"},
		{KindCommune, "  ", nil, "Aucune commune indiquée\u00a0: donnez un nom ou un code."},
		{KindEPCI, "", nil, "Aucun EPCI indiqué\u00a0: donnez un nom ou un code."},
		{Kind(0), "Bordeaux", nil, "Type de territoire inconnu."},
	}
	a := Default()
	for _, tt := range tests {
		_, err := a.Resolve(tt.kind, tt.query)
		var unk *UnknownError
		if !errors.As(err, &unk) {
			t.Errorf("Resolve(%v, %q) error = %v, want *UnknownError", tt.kind, tt.query, err)
			continue
		}
		var got []string
		for _, s := range unk.Suggestions {
			got = append(got, s.Code)
		}
		if !slices.Equal(got, tt.suggestions) {
			t.Errorf("Resolve(%v, %q) suggests %v, want %v", tt.kind, tt.query, got, tt.suggestions)
		}
		if msg := err.Error(); msg != tt.message {
			t.Errorf("Resolve(%v, %q) message\n got %q\nwant %q", tt.kind, tt.query, msg, tt.message)
		}
	}
}

func TestSearch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		query string
		want  []string // kind:code, in order
	}{
		{"Bordeaux", []string{"commune:33063", "EPCI:243300316"}},
		{"Paris", []string{"commune:75056", "EPCI:200054781", "département:75"}},
		{"Gironde", []string{"département:33"}},
		{"33160", []string{"commune:33160", "code postal:33160"}},
		{"Saint-Denis", []string{"commune:97411", "commune:93066", "commune:11339", "commune:30247"}},
		{"Nouvelle-Calédonie", []string{"département:988", "région:988"}},
		{"Qwxzzy", nil},
		{"", nil},
	}
	a := Default()
	for _, tt := range tests {
		var got []string
		for _, ar := range a.Search(tt.query) {
			got = append(got, ar.Kind.String()+":"+ar.Code)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestAreaContains(t *testing.T) {
	t.Parallel()
	a := Default()
	resolve := func(k Kind, q string) Area {
		ar, err := a.Resolve(k, q)
		if err != nil {
			t.Fatal(err)
		}
		return ar
	}
	locate := func(insee, pc, name string) Location {
		l, err := a.Locate(insee, pc, name)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	marseille11 := resolve(KindCommune, "Marseille 11e")
	marseille := resolve(KindCommune, "Marseille")
	pc13011 := resolve(KindCodePostal, "13011")
	bm := resolve(KindEPCI, "Bordeaux Métropole")
	gironde := resolve(KindDepartement, "Gironde")
	tests := []struct {
		area Area
		loc  Location
		want bool
	}{
		{marseille11, locate("13211", "", ""), true},
		{marseille11, locate("", "13011", "Marseille"), true},
		{marseille11, locate("13201", "", ""), false},
		{marseille11, locate("13055", "", ""), false}, // arrondissement unknown
		{marseille, locate("13211", "", ""), true},
		{marseille, locate("13055", "", ""), true},
		{pc13011, locate("13211", "13011", "Marseille 11e"), true},
		{pc13011, locate("13212", "", ""), false},
		{bm, locate("", "33160", "Saint-Médard-en-Jalles"), true},
		{bm, locate("33376", "", ""), true},  // Saint-Aubin-de-Médoc
		{bm, locate("33494", "", ""), false}, // Salaunes
		{gironde, locate("33376", "", ""), true},
		{gironde, locate("2A004", "", ""), false},
		{gironde, Location{}, false},
	}
	for i, tt := range tests {
		if got := tt.area.Contains(tt.loc); got != tt.want {
			t.Errorf("%d: %s.Contains(%v) = %v, want %v", i, tt.area, tt.loc.Commune, got, tt.want)
		}
	}
}

// FuzzResolve checks that no query makes Resolve panic, and that every
// error is one of the two documented kinds with a French sentence.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"st medard en jalles", "33449", "33160", "Saint-Denis", "Saint-Denis (93)", "Bouscat (Le)",
		"Marseille 11e", "Paris 15", "2A004", "2a", "98818", "Bordeaux Métropole", "243300316",
		"Gironde", "Nouvelle-Aquitaine", "PACA", "Bordeau", "(", "()", "(33", "x (", " ", "é", "\xff",
		"Saint-Denis ((93))", "0", "97", "1er", "arrondissement",
	} {
		for k := range 7 {
			f.Add(uint8(k), s)
		}
	}
	a := Default()
	f.Fuzz(func(t *testing.T, kind uint8, query string) {
		for _, depts := range [][]string{nil, {"93"}} {
			ar, err := a.ResolveIn(Kind(kind), query, depts)
			if err == nil {
				if len(ar.Communes) == 0 || ar.Name == "" {
					t.Fatalf("ResolveIn(%d, %q) = empty area %+v", kind, query, ar)
				}
				continue
			}
			var unk *UnknownError
			var amb *AmbiguousError
			if !errors.As(err, &unk) && !errors.As(err, &amb) {
				t.Fatalf("ResolveIn(%d, %q): unexpected error type %T", kind, query, err)
			}
			checkFrench(t, err.Error(), query)
		}
	})
}

// checkFrench checks the shape of a French error sentence: it starts with
// a capital or a guillemet, ends with a period or a question mark, and
// holds no formatting slip, unless the inputs quoted in it hold a '%'.
func checkFrench(t *testing.T, msg string, inputs ...string) {
	t.Helper()
	first, _ := utf8.DecodeRuneInString(msg)
	if !(first >= 'A' && first <= 'Z' || first == '«' || first == 'É') {
		t.Fatalf("message %q does not start with a capital", msg)
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "\u00a0?") {
		t.Fatalf("message %q does not end a sentence", msg)
	}
	for _, in := range inputs {
		if strings.Contains(in, "%") {
			return
		}
	}
	if strings.Contains(msg, "%!") || strings.Contains(msg, "<nil>") {
		t.Fatalf("message %q has a formatting slip", msg)
	}
}

func BenchmarkResolve(b *testing.B) {
	a := Default()
	a.index()
	for b.Loop() {
		if _, err := a.Resolve(KindCommune, "st medard en jalles"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolveSuggest(b *testing.B) {
	a := Default()
	a.index()
	for b.Loop() {
		if _, err := a.Resolve(KindCommune, "Bordeau"); err == nil {
			b.Fatal("Bordeau resolved")
		}
	}
}

// TestAreasWithoutCommuneNames: naming an EPCI, a département or a région
// does not wait for the index of the 35 000 communes' names, which a
// command reading a national file builds beside its reading.
func TestAreasWithoutCommuneNames(t *testing.T) {
	t.Parallel()
	a, err := Load(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		kind  Kind
		query string
	}{{KindEPCI, "Bordeaux Métropole"}, {KindEPCI, "CC du Bazadais"}, {KindDepartement, "Gironde"}, {KindRegion, "Nouvelle Aquitaine"}, {KindEPCI, "Bordeaux Metropol"}} {
		a.Resolve(q.kind, q.query)
	}
	if a.names != nil {
		t.Error("the communes' name index was built to resolve areas that are not communes")
	}
	if ar, err := a.Resolve(KindCommune, "Le Bouscat"); err != nil || ar.Code != "33069" || a.names == nil {
		t.Errorf("Resolve(commune, Le Bouscat) = %v, %v, index built: %v", ar.Code, err, a.names != nil)
	}
}
