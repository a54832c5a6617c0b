package territoire

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultCounts(t *testing.T) {
	t.Parallel()
	a := Default()
	if a != Default() {
		t.Error("Default returns a new atlas on each call")
	}
	counts := []struct {
		what      string
		got, want int
	}{
		{"communes", len(a.Communes()), 34969},
		{"EPCI and EPT", len(a.EPCIs()), 1255 + 11},
		{"départements", len(a.Departements()), 109},
		{"régions", len(a.Regions()), 26},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%d %s, want %d", c.got, c.what, c.want)
		}
	}
	gironde, ok := a.Departement("33")
	if !ok || gironde.Name != "Gironde" || len(gironde.Communes) != 534 || gironde.Region.Code != "75" {
		t.Errorf("Departement(33) = %+v", gironde)
	}
	if gironde.Population != 1690493 {
		t.Errorf("Gironde population = %d, want 1690493", gironde.Population)
	}
	na, _ := a.Region("75")
	if na.Name != "Nouvelle-Aquitaine" || len(na.Departements) != 12 || len(na.Communes()) != 4293 {
		t.Errorf("Region(75) = %s, %d départements, %d communes", na.Name, len(na.Departements), len(na.Communes()))
	}
	nc, _ := a.Region("988")
	if nc.Name != "Nouvelle-Calédonie" || len(nc.Departements) != 1 || nc.Departements[0].Code != "988" {
		t.Errorf("Region(988) = %+v", nc)
	}
}

func TestCommune(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code    string
		want    string // current commune
		how     How
		arr     string // arrondissement given by the code
		oldName string // name of the former commune
	}{
		{"33449", "33449", ByCode, "", ""},
		{"2A004", "2A004", ByCode, "", ""},
		{"98818", "98818", ByCode, "", ""},
		{"75115", "75056", ByArrondissementCode, "75115", "Paris 15e Arrondissement"},
		{"13211", "13055", ByArrondissementCode, "13211", "Marseille 11e Arrondissement"},
		{"69383", "69123", ByArrondissementCode, "69383", "Lyon 3e Arrondissement"},
		{"01340", "01015", ByFormerCode, "", "Saint-Bois"},
		{"20004", "2A004", ByFormerCode, "", ""},
		{"50173", "50129", ByFormerCode, "", "Équeurdreville-Hainneville"}, // Cherbourg-en-Cotentin
	}
	a := Default()
	for _, tt := range tests {
		c, n, ok := a.Commune(tt.code)
		if !ok || c.Code != tt.want || n.How != tt.how || n.Name != tt.oldName {
			t.Errorf("Commune(%s) = %v, %+v, %v; want %s by %v (%q)", tt.code, c, n, ok, tt.want, tt.how, tt.oldName)
			continue
		}
		if (n.Arrondissement == nil) != (tt.arr == "") || n.Arrondissement != nil && n.Arrondissement.Code != tt.arr {
			t.Errorf("Commune(%s) arrondissement = %v, want %q", tt.code, n.Arrondissement, tt.arr)
		}
	}
	for _, code := range []string{"99999", "", "75056 ", "2C004"} {
		if c, _, ok := a.Commune(code); ok {
			t.Errorf("Commune(%q) = %s, want none", code, c.Code)
		}
	}
}

func TestCommuneDetails(t *testing.T) {
	t.Parallel()
	a := Default()
	smj, _, _ := a.Commune("33449")
	if smj.Name != "Saint-Médard-en-Jalles" || smj.Population != 32910 || smj.Departement.Code != "33" ||
		smj.Region().Code != "75" || smj.EPCI == nil || smj.EPCI.Code != "243300316" || smj.EPT != nil {
		t.Errorf("Saint-Médard-en-Jalles = %+v", smj)
	}
	if len(smj.PostalCodes) != 1 || smj.PostalCodes[0] != "33160" {
		t.Errorf("Saint-Médard-en-Jalles postal codes = %v", smj.PostalCodes)
	}
	paris, _, _ := a.Commune("75056")
	if len(paris.Arrondissements) != 20 || paris.Arrondissements[14].Code != "75115" || paris.Arrondissements[14].Commune != paris {
		t.Errorf("Paris arrondissements = %d", len(paris.Arrondissements))
	}
	if paris.EPCI == nil || paris.EPCI.Name != "Métropole du Grand Paris" {
		t.Errorf("Paris EPCI = %v", paris.EPCI)
	}
	sd, _, _ := a.Commune("93066")
	if sd.EPT == nil || sd.EPT.Name != "Plaine Commune" || sd.EPT.TypeName() != "établissement public territorial" {
		t.Errorf("Saint-Denis EPT = %v", sd.EPT)
	}
	valserhone, _, _ := a.Commune("01033")
	var names []string
	for _, d := range valserhone.Delegated {
		names = append(names, d.Name)
	}
	if got := strings.Join(names, ", "); got != "Bellegarde-sur-Valserine, Châtillon-en-Michaille, Lancrans" {
		t.Errorf("Valserhône delegated communes = %s", got)
	}
	if cs := a.PostalCode("33160"); len(cs) != 3 || cs[1] != smj {
		t.Errorf("PostalCode(33160) = %v", cs)
	}
}

func TestCentres(t *testing.T) {
	t.Parallel()
	a := Default()
	tests := []struct {
		code   string
		origin CentreOrigin
		near   Point // within 10 km
	}{
		{"33063", CentreFromOutline, Point{44.8378, -0.5792}},  // Bordeaux
		{"75056", CentreFromOutline, Point{48.8566, 2.3522}},   // Paris
		{"38563", CentreFromOutline, Point{45.3640, 5.5900}},   // Voiron
		{"34165", CentreFromOutline, Point{43.5160, 3.6960}},   // Montbazin
		{"01015", CentreFromOutline, Point{45.7280, 5.6470}},   // Arboys en Bugey, merged in 2016
		{"2A004", CentreFromOutline, Point{41.9192, 8.7386}},   // Ajaccio
		{"97411", CentreFromOutline, Point{-20.8789, 55.4481}}, // Saint-Denis (La Réunion)
		{"98818", CentreFromPlaces, Point{-22.2758, 166.4580}}, // Nouméa: no outline, its places
		{"98735", NoCentre, Point{}},                           // Papeete: nothing known
	}
	for _, tt := range tests {
		c, _, _ := a.Commune(tt.code)
		if c.Centre.Origin != tt.origin || tt.origin != NoCentre && Distance(c.Centre.Point, tt.near) > 10 {
			t.Errorf("%s centre = %+v, want %v near %v", c.Name, c.Centre, tt.origin, tt.near)
		}
	}
	gironde, _ := a.Departement("33")
	if gironde.Centre.Origin != CentreFromMap {
		t.Errorf("Gironde centre = %+v", gironde.Centre)
	}
	nc, _ := a.Departement("988")
	if nc.Centre.Known() {
		t.Errorf("Nouvelle-Calédonie has a map centre: %+v", nc.Centre)
	}
}

// TestOutlines checks the embedded outlines against the whole COG: at
// least 99 % of the communes have one, and the centre of each of them
// lies inside it.
func TestOutlines(t *testing.T) {
	t.Parallel()
	a := Default()
	var with int
	for _, c := range a.Communes() {
		o, ok := a.Outline(c)
		if !ok {
			if c.Centre.Origin == CentreFromOutline {
				t.Errorf("%s %s: centre from an outline it does not have", c.Code, c.Name)
			}
			continue
		}
		with++
		if c.Centre.Origin != CentreFromOutline || !o.Contains(c.Centre.Point) {
			t.Errorf("%s %s: centre %+v not inside its outline", c.Code, c.Name, c.Centre)
		}
	}
	if share := float64(with) / float64(len(a.Communes())); share < 0.99 {
		t.Errorf("%d of %d communes have an outline (%.2f %%), want 99 %%", with, len(a.Communes()), 100*share)
	}
	// Metropolitan communes miss one only when recreated since 2018.
	voiron, _, _ := a.Commune("38563")
	o, _ := a.Outline(voiron)
	sw, ne := o.Bounds()
	if sw.Lat < 45.3 || ne.Lat > 45.42 || sw.Lon < 5.52 || ne.Lon > 5.65 || len(o.Rings) != 1 {
		t.Errorf("Voiron outline: %d rings, bounds %v %v", len(o.Rings), sw, ne)
	}
	if o.Contains(Point{Lat: 45.19, Lon: 5.72}) { // Grenoble
		t.Error("Voiron contains Grenoble")
	}
	if _, ok := a.Outline(&Commune{Code: "98818"}); ok {
		t.Error("Nouméa has an outline: the source has none for Nouvelle-Calédonie")
	}
}

// TestOutlinesParts checks that the embedded outlines are cut into parts
// read alone: one commune's outline decompresses one part, and each part
// gives what the whole file read at once gives.
func TestOutlinesParts(t *testing.T) {
	t.Parallel()
	lazy := lazyOutlines(embeddedOutlines)
	if len(lazy.parts) < 50 {
		t.Fatalf("%d parts in the embedded outlines, want at least 50", len(lazy.parts))
	}
	if _, ok, err := lazy.of("33063"); !ok || err != nil { // Bordeaux
		t.Fatalf("Of(33063) = %v, %v", ok, err)
	}
	read := 0
	for _, p := range lazy.parts {
		if p.data != nil {
			read++
		}
	}
	if read != 1 {
		t.Errorf("%d parts read for one outline, want 1", read)
	}
	whole, err := LoadOutlines(bytes.NewReader(embeddedOutlines))
	if err != nil {
		t.Fatal(err)
	}
	if lazy.Len() != whole.Len() {
		t.Errorf("%d outlines in parts, %d in the whole file", lazy.Len(), whole.Len())
	}
	for code := range whole.parts[0].index {
		a, _, _ := lazy.of(code)
		b, _ := whole.Of(code)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("outline of %s differs when read from its part", code)
		}
	}
	if _, ok, _ := lazy.of("99999"); ok {
		t.Error("an outline for 99999")
	}
}

func TestLoadOutlinesErrors(t *testing.T) {
	t.Parallel()
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	for _, in := range [][]byte{
		[]byte("not gzip"),
		gz("# autre chose\n"),
		gz(outlinesHeader + "\x0533449\x01"),             // ring count, no ring
		gz(outlinesHeader + "\x0533449\x01\x03\x02"),     // 3 points announced, 1 coordinate
		gz(outlinesHeader + "\x0533449\xff\xff\xff\x7f"), // absurd ring count
		gz(outlinesHeader + "\x09334"),                   // code cut short
	} {
		if _, err := LoadOutlines(bytes.NewReader(in)); err == nil || !strings.Contains(err.Error(), "contours illisibles") {
			t.Errorf("LoadOutlines(%q) error = %v", in, err)
		}
	}
	o, err := LoadOutlines(bytes.NewReader(gz(outlinesHeader + "\x0533449\x01\x03\x02\x02\x02\x00\x00\x02")))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := o.Of("33449")
	want := [][]Point{{{Lat: 1e-4, Lon: 1e-4}, {Lat: 1e-4, Lon: 2e-4}, {Lat: 2e-4, Lon: 2e-4}}}
	if !ok || o.Len() != 1 || len(got.Rings) != 1 || len(got.Rings[0]) != 3 {
		t.Fatalf("Of(33449) = %v, %v", got, ok)
	}
	for i, p := range got.Rings[0] {
		if math.Abs(p.Lat-want[0][i].Lat) > 1e-9 || math.Abs(p.Lon-want[0][i].Lon) > 1e-9 {
			t.Errorf("point %d = %v, want %v", i, p, want[0][i])
		}
	}
}

func TestLocate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		insee, postalCode, name string
		want                    string // INSEE code of the commune
		arr                     string
		how                     How
		note                    string // part of the note
	}{
		{"33449", "33160", "Saint-Médard-en-Jalles", "33449", "", ByCode, ""},
		{"33449", "", "", "33449", "", ByCode, ""},
		{" 2a004 ", "20000", "AJACCIO", "2A004", "", ByCode, ""},
		{"", "33160", "ST MEDARD EN JALLES", "33449", "", ByPostalCodeAndName, "Commune retrouvée par le code postal 33160 et le nom «\u00a0ST MEDARD EN JALLES\u00a0»\u00a0: Saint-Médard-en-Jalles (33449)."},
		{"", "33370", "Artigues-pres-bordeaux", "33013", "", ByPostalCodeAndName, "Artigues-près-Bordeaux (33013)"},
		{"", "13011", "MARSEILLE 11", "13055", "13211", ByPostalCodeAndName, "Marseille (13055)"},
		{"", "75016", "Paris", "75056", "75116", ByPostalCodeAndName, "Paris (75056)"},
		{"75115", "", "", "75056", "75115", ByArrondissementCode, "Code INSEE 75115 de l’arrondissement Paris 15e Arrondissement, dans la commune Paris (75056)."},
		{"13055", "13011", "Marseille", "13055", "13211", ByCode, ""},
		{"20004", "", "", "2A004", "", ByFormerCode, "Ancien code INSEE 20004, aujourd’hui Ajaccio (2A004)."},
		{"01340", "", "", "01015", "", ByFormerCode, "Ancien code INSEE 01340 de la commune Saint-Bois, aujourd’hui rattachée à Arboys en Bugey (01015)."},
		{"", "01200", "Bellegarde-sur-Valserine", "01033", "", ByPostalCodeAndName, "Valserhône (01033)"},
		{"", "1000", "Bourg-en-Bresse", "01053", "", ByPostalCodeAndName, "Bourg-en-Bresse (01053)"},
		{"", "97250", "SAINT PIERRE", "97225", "", ByPostalCodeAndName, "Saint-Pierre (97225)"},
		{"", "98800", "Nouméa", "98818", "", ByPostalCodeAndName, "Nouméa (98818)"},
		{"", "33000", "Bordeaux Cedex", "33063", "", ByPostalCodeAndName, "Bordeaux (33063)"},
		{"", "33000", "Les Chartrons", "33063", "", ByPostalCode, "Nom «\u00a0Les Chartrons\u00a0» non reconnu\u00a0; commune retrouvée par le code postal 33000, qui n’en dessert qu’une\u00a0: Bordeaux (33063)."},
		{"", "33 400", "TALENCE CEDEX", "33522", "", ByPostalCodeAndName, "Talence (33522)"},
		{"", "75732", "PARIS CEDEX 15", "75056", "", ByNameInDepartement, "Paris (75056)"},
		{"", "41200", "ROMORANTIN", "41194", "", ByPostalCodeAndCloseName, "Commune retrouvée par le code postal 41200 et le nom approché «\u00a0ROMORANTIN\u00a0»\u00a0: Romorantin-Lanthenay (41194)."},
		{"", "83340", "LE LUC-EN-PROVENCE", "83073", "", ByPostalCodeAndCloseName, "Le Luc (83073)"},
		{"", "97600", "KOUNGOUU", "97610", "", ByPostalCodeAndCloseName, "Koungou (97610)"},
		{"", "30252Cedex", "Sommières", "30321", "", ByNameInDepartement, "Sommières (30321)"},
		{"", "33400", "", "33522", "", ByPostalCode, "Commune retrouvée par le code postal 33400, qui n’en dessert qu’une\u00a0: Talence (33522)."},
		// A cedex code served by no commune: the name in the département.
		{"", "33077", "Talence", "33522", "", ByNameInDepartement, "Commune retrouvée par le nom «\u00a0Talence\u00a0» dans le département Gironde (33)\u00a0: Talence (33522)."},
		// The postal code typed in the INSEE field: 33160 is Eynesse.
		{"33160", "33160", "Saint-Médard-en-Jalles", "33449", "", ByPostalCodeAndName, "Le code INSEE 33160 désigne Eynesse (33160), que ni le nom ni le code postal ne confirment."},
		// An unknown code, the name and postal code settle it.
		{"99999", "33160", "Saint-Médard-en-Jalles", "33449", "", ByPostalCodeAndName, "Code INSEE «\u00a099999\u00a0» inconnu."},
		// A code the name contradicts without leading elsewhere: keep the code.
		{"33449", "", "Quartier de Magudas", "33449", "", ByCode, ""},
	}
	a := Default()
	for _, tt := range tests {
		loc, err := a.Locate(tt.insee, tt.postalCode, tt.name)
		if err != nil {
			t.Errorf("Locate(%q, %q, %q): %v", tt.insee, tt.postalCode, tt.name, err)
			continue
		}
		if loc.Commune.Code != tt.want || loc.Note.How != tt.how {
			t.Errorf("Locate(%q, %q, %q) = %s by %v, want %s by %v", tt.insee, tt.postalCode, tt.name, loc.Commune.Code, loc.Note.How, tt.want, tt.how)
		}
		gotArr := ""
		if loc.Arrondissement != nil {
			gotArr = loc.Arrondissement.Code
		}
		if gotArr != tt.arr {
			t.Errorf("Locate(%q, %q, %q) arrondissement = %q, want %q", tt.insee, tt.postalCode, tt.name, gotArr, tt.arr)
		}
		if note := loc.Note.String(); tt.note == "" && note != "" || !strings.Contains(note, tt.note) {
			t.Errorf("Locate(%q, %q, %q) note = %q, want %q", tt.insee, tt.postalCode, tt.name, note, tt.note)
		}
	}
}

func TestLocateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		insee, postalCode, name string
		message                 string
	}{
		{"", "", "", "Commune introuvable\u00a0: ni code INSEE, ni code postal, ni nom de commune."},
		// Lens and Éleu-dit-Leauwette share 62300; the name is a code.
		{"", "62300", "62300", "Commune introuvable avec code postal «\u00a062300\u00a0» et nom «\u00a062300\u00a0»."},
		{"99999", "", "", "Commune introuvable avec code INSEE «\u00a099999\u00a0»."},
		{"", "", "Talence", "Commune introuvable avec nom «\u00a0Talence\u00a0»."},
	}
	a := Default()
	for _, tt := range tests {
		_, err := a.Locate(tt.insee, tt.postalCode, tt.name)
		var le *LocateError
		if !errors.As(err, &le) {
			t.Errorf("Locate(%q, %q, %q) error = %v, want *LocateError", tt.insee, tt.postalCode, tt.name, err)
			continue
		}
		if err.Error() != tt.message {
			t.Errorf("Locate(%q, %q, %q) error\n got %q\nwant %q", tt.insee, tt.postalCode, tt.name, err, tt.message)
		}
	}

	// No département of the COG 2026 has two communes of the same name;
	// a small atlas checks that such a name would not be guessed.
	twins := load(t, formatHeader+`
R	75	Nouvelle-Aquitaine	33063		
D	33	Gironde	75	33063		
C	33001	Sainte-Colombe	33	100	33350				
C	33002	Sainte-Colombe	33	200	33420				
`)
	_, err := twins.Locate("", "33999", "Ste Colombe")
	want := "Commune introuvable avec code postal «\u00a033999\u00a0» et nom «\u00a0Ste Colombe\u00a0»\u00a0; plusieurs communes portent ce nom\u00a0: Sainte-Colombe (33001), Sainte-Colombe (33002)."
	if err == nil || err.Error() != want {
		t.Errorf("twins: error\n got %v\nwant %s", err, want)
	}
}

// load reads an atlas from its uncompressed text.
func load(t *testing.T, text string) *Atlas {
	t.Helper()
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(text))
	zw.Close()
	a, err := Load(&z)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestDistance(t *testing.T) {
	t.Parallel()
	bordeaux := Point{44.8378, -0.5792}
	paris := Point{48.8566, 2.3522}
	tests := []struct {
		a, b     Point
		min, max float64
	}{
		{bordeaux, paris, 495, 505},
		{paris, bordeaux, 495, 505},
		{bordeaux, bordeaux, 0, 0},
		{Point{0, 0}, Point{0, 180}, 20015, 20016}, // half the equator
		{Point{90, 0}, Point{-90, 0}, 20015, 20016},
		{Point{44.84, -0.57}, Point{44.84, -0.5573}, 0.9, 1.1}, // about 1 km east
	}
	for _, tt := range tests {
		if d := Distance(tt.a, tt.b); d < tt.min || d > tt.max || math.IsNaN(d) {
			t.Errorf("Distance(%v, %v) = %.3f km, want %v–%v", tt.a, tt.b, d, tt.min, tt.max)
		}
	}
}

func TestParsePoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Point
		err  string
	}{
		{"44.84,-0.57", Point{44.84, -0.57}, ""},
		{" 44.84 , -0.57 ", Point{44.84, -0.57}, ""},
		{"44.84 -0.57", Point{44.84, -0.57}, ""},
		{"44,84;-0,57", Point{44.84, -0.57}, ""},
		{"44,84 ; -0,57", Point{44.84, -0.57}, ""},
		{"44,84 -0,57", Point{44.84, -0.57}, ""},
		{"-22.2758,166.458", Point{-22.2758, 166.458}, ""},
		{"", Point{}, "attendu deux nombres"},
		{"44.84", Point{}, "attendu deux nombres"},
		{"44,84,-0,57", Point{}, "attendu deux nombres"},
		{"nord,ouest", Point{}, "«\u00a0nord\u00a0» n’est pas un nombre"},
		{"NaN,0", Point{}, "n’est pas un nombre"},
		{"0,Inf", Point{}, "n’est pas un nombre"},
		{"91,0", Point{}, "la latitude doit être comprise entre -90 et 90"},
		{"0;181", Point{}, "la longitude doit être comprise entre -180 et 180"},
	}
	for _, tt := range tests {
		got, err := ParsePoint(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "position «\u00a0") {
				t.Errorf("ParsePoint(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParsePoint(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParsePoint(f *testing.F) {
	for _, s := range []string{"44.84,-0.57", "44,84;-0,57", "44.84 -0.57", "", "1e309,0", "0x1p-2,3", "-90;180", ",", ";;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePoint(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "position «\u00a0") {
				t.Fatalf("ParsePoint(%q) error %q is not the French one", s, err)
			}
			return
		}
		if math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 || math.IsNaN(p.Lat) || math.IsNaN(p.Lon) {
			t.Fatalf("ParsePoint(%q) = %v, out of range", s, p)
		}
	})
}

// FuzzLocate checks that no field of a dataset makes Locate panic, and
// that it either finds a commune or says why not.
func FuzzLocate(f *testing.F) {
	for _, s := range [][3]string{
		{"33449", "33160", "Saint-Médard-en-Jalles"}, {"", "13011", "MARSEILLE 11"}, {"", "1000", "Bourg-en-Bresse"},
		{"33160", "33160", "x"}, {"", "33077", "Talence"}, {"\xff", "2", "("}, {"75115", "75016", ""},
	} {
		f.Add(s[0], s[1], s[2])
	}
	a := Default()
	f.Fuzz(func(t *testing.T, insee, postalCode, name string) {
		loc, err := a.Locate(insee, postalCode, name)
		if err != nil {
			var le *LocateError
			if !errors.As(err, &le) {
				t.Fatalf("Locate: unexpected error type %T", err)
			}
			checkFrench(t, err.Error(), insee, postalCode, name)
			return
		}
		if loc.Commune == nil {
			t.Fatal("Locate: no commune and no error")
		}
		if loc.Arrondissement != nil && loc.Arrondissement.Commune != loc.Commune {
			t.Fatalf("Locate: arrondissement %s outside %s", loc.Arrondissement.Code, loc.Commune.Code)
		}
		if note := loc.Note.String(); note != "" {
			checkFrench(t, note, insee, postalCode, name)
		}
	})
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"header", "# autre chose\n", "en-tête"},
		{"record", formatHeader + "\nX\t1\n", "type d’enregistrement \"X\" inconnu"},
		{"fields", formatHeader + "\nR\t75\tNouvelle-Aquitaine\n", "ligne 2\u00a0: 3 champs au lieu de 6"},
		{"number", formatHeader + "\nR\t75\tN\t33063\t\t\nD\t33\tGironde\t75\t33063\t\t\nC\t33063\tBordeaux\t33\tbeaucoup\t33000\t\t\t\t\n", "nombre \"beaucoup\" illisible"},
		{"position", formatHeader + "\nR\t75\tN\t33063\tnord\tsud\n", "position"},
		{"origin", formatHeader + "\nR\t75\tN\t33063\t\t\nD\t33\tGironde\t75\t33063\t\t\nC\t33063\tBordeaux\t33\t1\t33000\t\t44.8\t-0.6\tdevinée\n", "origine de position \"devinée\" inconnue"},
		{"region", formatHeader + "\nD\t33\tGironde\t75\t33063\t\t\n", "région \"75\" du département 33 inconnue"},
		{"member", formatHeader + "\nE\t243300316\tMETRO\tBordeaux Métropole\t1\t33063\n", "commune \"33063\" membre de l’EPCI 243300316 inconnue"},
	}
	for _, tt := range tests {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write([]byte(tt.text))
		zw.Close()
		_, err := Load(&z)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load error = %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Load(strings.NewReader("pas du gzip")); err == nil {
		t.Error("Load accepted text that is not gzipped")
	}
}

// BenchmarkLoad measures what Default costs on first use: reading the
// embedded atlas.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNameIndex measures what the first name lookup adds.
func BenchmarkNameIndex(b *testing.B) {
	a := Default()
	for b.Loop() {
		buildIndex(a)
	}
}

func BenchmarkLocate(b *testing.B) {
	a := Default()
	a.index()
	for b.Loop() {
		if _, err := a.Locate("", "33160", "ST MEDARD EN JALLES"); err != nil {
			b.Fatal(err)
		}
	}
}
