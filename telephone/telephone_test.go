package telephone

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// sp writes a display form with ordinary spaces turned into the no-break
// spaces the package writes, to keep the tables readable.
func sp(s string) string { return strings.ReplaceAll(s, " ", nbsp) }

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, territory string
		display, e164  string
		kind           Kind
		region         string
		note, repair   string
	}{
		// Metropolitan forms found in the sources.
		{"0467714850", "34000", "04 67 71 48 50", "+33467714850", Fixed, "FR", "", ""},
		{"04.67.71.48.50", "34172", "04 67 71 48 50", "+33467714850", Fixed, "FR", "", ""},
		{"+33 4 67 71 48 50", "34", "04 67 71 48 50", "+33467714850", Fixed, "FR", "", ""},
		{"+33467714850", "", "04 67 71 48 50", "+33467714850", Fixed, "FR", "", ""},
		{"0033 4 67 71 48 50", "34000", "04 67 71 48 50", "+33467714850", Fixed, "FR", "", ""},
		{"+33 (0)4 67 71 48 50", "34000", "04 67 71 48 50", "+33467714850", Fixed, "FR", "", ""},
		{"  05 57-65-75-39 ", "33000", "05 57 65 75 39", "+33557657539", Fixed, "FR", "", ""},
		{"06.81.75.55.63", "33000", "06 81 75 55 63", "+33681755563", Mobile, "FR", "", ""},
		{"0780914658", "69001", "07 80 91 46 58", "+33780914658", Mobile, "FR", "", ""},
		{"0970201120", "72000", "09 70 20 11 20", "+33970201120", NonGeographic, "FR", "", ""},
		{"0 800 52 62 72", "72019", "0 800 52 62 72", "+33800526272", TollFree, "FR", "", ""},
		{"0821400101", "60000", "0 821 40 01 01", "+33821400101", Special, "FR", "", ""},
		{"Tél. : 05 57 65 75 39", "33000", "05 57 65 75 39", "+33557657539", Fixed, "FR", "", ""},
		{"05 96 68 62 02 (poste 311 et 153)", "97217", "05 96 68 62 02", "+596596686202", Fixed, "MQ", "poste 311 et 153", ""},
		{"0596 52 30 23 demander poste 429 ou 430", "97260", "05 96 52 30 23", "+596596523023", Fixed, "MQ", "demander poste 429 ou 430", ""},

		// Faulty sources that can be read without guessing.
		{"+330156961470", "94000", "01 56 96 14 70", "+33156961470", Fixed, "FR", "", "0 en trop après l’indicatif +33 retiré"},
		{"+0147985927", "92600", "01 47 98 59 27", "+33147985927", Fixed, "FR", "", "« + » en trop retiré"},
		{"596516976", "97209", "05 96 51 69 76", "+596596516976", Fixed, "MQ", "", "0 initial manquant ajouté"},
		{"696044299", "97209", "06 96 04 42 99", "+596696044299", Mobile, "MQ", "", "0 initial manquant ajouté"},
		{"+2620262334565", "97430", "02 62 33 45 65", "+262262334565", Fixed, "RE", "", "0 en trop après l’indicatif +262 retiré"},
		{"+262343510", "97424", "02 62 34 35 10", "+262262343510", Fixed, "RE", "", "« + » remplacé par 0"},
		{"+269269601282", "97615", "02 69 60 12 82", "+262269601282", Fixed, "YT", "", "indicatif +269 remplacé par +262"},
		{"+269614019", "97600", "02 69 61 40 19", "+262269614019", Fixed, "YT", "", "« + » remplacé par 0"},
		{"+33262711515", "97405", "02 62 71 15 15", "+262262711515", Fixed, "RE", "", "indicatif +33 remplacé par +262"},
		{"+33596354886", "97200", "05 96 35 48 86", "+596596354886", Fixed, "MQ", "", "indicatif +33 remplacé par +596"},

		// Overseas: the French plan in pairs, own plans without trunk 0.
		{"+262262334565", "97422", "02 62 33 45 65", "+262262334565", Fixed, "RE", "", ""},
		{"0692338202", "97400", "06 92 33 82 02", "+262692338202", Mobile, "RE", "", ""},
		{"0692338202", "33000", "06 92 33 82 02", "+262692338202", Mobile, "RE", "", ""},
		{"0262 33 45 65", "33000", "02 62 33 45 65", "+262262334565", Fixed, "RE", "", ""},
		{"0596 53 36 00", "", "05 96 53 36 00", "+596596533600", Fixed, "MQ", "", ""},
		{"05 96 57 59 43", "97480", "05 96 57 59 43", "+596596575943", Fixed, "MQ", "", ""},
		{"+590590253625", "97110", "05 90 25 36 25", "+590590253625", Fixed, "GP", "", ""},
		{"0590 27 12 34", "97133", "05 90 27 12 34", "+590590271234", Fixed, "BL", "", ""},
		{"+594694020905", "97300", "06 94 02 09 05", "+594694020905", Mobile, "GF", "", ""},
		{"+687 27.12.34", "98800", "27 12 34", "+687271234", Fixed, "NC", "", ""},
		{"+687203500", "98818", "20 35 00", "+687203500", Fixed, "NC", "", ""},
		{"27 12 34", "98818", "27 12 34", "+687271234", Fixed, "NC", "", ""},
		{"40 41 23 45", "98735", "40 41 23 45", "+68940412345", Fixed, "PF", "", ""},
		{"72 12 34", "98611", "72 12 34", "+681721234", Fixed, "WF", "", ""},

		// Another plan than the place's needs the country code.
		{"+687 27.12.34", "33000", "+687 27 12 34", "+687271234", Fixed, "NC", "", ""},
		{"05 57 65 75 39", "98800", "+33 5 57 65 75 39", "+33557657539", Fixed, "FR", "", ""},
		{"+41 21 234 56 78", "74100", "+41 21 234 56 78", "+41212345678", Fixed, "CH", "", ""},

		// Short numbers are kept.
		{"3949", "33000", "39 49", "", Short, "FR", "", ""},
		{"36 46", "33000", "36 46", "", Short, "FR", "", ""},
		{"115", "75056", "115", "", Short, "FR", "", ""},
		{"17", "", "17", "", Short, "FR", "", ""},
		{"115", "97411", "115", "", Short, "RE", "", ""},
		{"116000", "33000", "116 000", "", Short, "FR", "", ""},
	}
	for _, tt := range tests {
		n, err := Parse(tt.raw, tt.territory)
		if err != nil {
			t.Errorf("Parse(%q, %q): unexpected error %v", tt.raw, tt.territory, err)
			continue
		}
		want := Number{
			Raw: strings.TrimSpace(tt.raw), E164: tt.e164, Display: sp(tt.display),
			Region: tt.region, Kind: tt.kind, Note: tt.note, Repair: tt.repair,
		}
		if n != want {
			t.Errorf("Parse(%q, %q) =\n  %#v\nwant\n  %#v", tt.raw, tt.territory, n, want)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, territory   string
		display, problem string
	}{
		{"+33-72041680", "69100", "+33-72041680", "8 chiffres après l’indicatif +33 au lieu de 9"},
		{"+3322820252000", "44800", "+3322820252000", "11 chiffres après l’indicatif +33 au lieu de 9"},
		{"+335321344", "09210", "+335321344", "7 chiffres après l’indicatif +33 au lieu de 9"},
		{"04 67 71 48", "34000", "04 67 71 48", "8 chiffres au lieu de 10"},
		{"+596595581171", "97229", "+596595581171", "numéro inexistant pour l’indicatif +596"},
		{"+", "97350", "+", "aucun chiffre"},
		{"+33", "93120", "+33", "trop court"},
		{"non  communiqué", "", "non communiqué", "aucun chiffre"},
		{"9999", "33000", "9999", "numéro court inconnu"},
		{"", "", "", "aucun numéro"},
	}
	for _, tt := range tests {
		n, err := Parse(tt.raw, tt.territory)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q, %q): error %v, want an *Error", tt.raw, tt.territory, err)
			continue
		}
		if e.Problem != tt.problem {
			t.Errorf("Parse(%q, %q): problem %q, want %q", tt.raw, tt.territory, e.Problem, tt.problem)
		}
		if n.Valid() || n.E164 != "" || n.URI() != "" {
			t.Errorf("Parse(%q, %q) = %+v, want an invalid number", tt.raw, tt.territory, n)
		}
		if n.Display != sp(tt.display) && n.Display != tt.display {
			t.Errorf("Parse(%q, %q).Display = %q, want %q", tt.raw, tt.territory, n.Display, tt.display)
		}
	}
}

func TestParseAll(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw      string
		displays []string // "!" marks a number that should be invalid
		notes    []string
	}{
		{"", nil, nil},
		{"   ", nil, nil},
		{"0556086730", []string{"05 56 08 67 30"}, []string{""}},
		{"05 56 08 67 30 / 06 03 20 29 46", []string{"05 56 08 67 30", "06 03 20 29 46"}, []string{"", ""}},
		{"05 56 08 67 30 ou 06 03 20 29 46", []string{"05 56 08 67 30", "06 03 20 29 46"}, []string{"", ""}},
		{"0556086730 - 0603202946", []string{"05 56 08 67 30", "06 03 20 29 46"}, []string{"", ""}},
		{"0556086730, 0603202946", []string{"05 56 08 67 30", "06 03 20 29 46"}, []string{"", ""}},
		{"0556086730\n0603202946", []string{"05 56 08 67 30", "06 03 20 29 46"}, []string{"", ""}},
		{"Mairie : 05 56 08 67 30 ; CCAS : 05 57 65 75 39", []string{"05 56 08 67 30", "05 57 65 75 39"}, []string{"Mairie", "CCAS"}},
		{"05 96 68 62 02 (poste 311 et 153)", []string{"05 96 68 62 02"}, []string{"poste 311 et 153"}},
		{"0596 52 30 23 demander poste 429 ou 430", []string{"05 96 52 30 23"}, []string{"demander poste 429 ou 430"}},
		{"3949 / 3646", []string{"39 49", "36 46"}, []string{"", ""}},
		{"05 56 08 67 30 / 06 03 20 29", []string{"05 56 08 67 30", "!06 03 20 29"}, []string{"", ""}},
	}
	for _, tt := range tests {
		nums, err := ParseAll(tt.raw, "33000")
		if len(nums) != len(tt.displays) {
			t.Errorf("ParseAll(%q) gave %d numbers %v, want %d", tt.raw, len(nums), nums, len(tt.displays))
			continue
		}
		invalid := 0
		for i, n := range nums {
			want, bad := strings.CutPrefix(tt.displays[i], "!")
			valid := !bad
			if bad {
				invalid++
			}
			if n.Display != sp(want) || n.Valid() == !valid || n.Note != tt.notes[i] {
				t.Errorf("ParseAll(%q)[%d] = %+v, want display %q, valid %v, note %q", tt.raw, i, n, want, valid, tt.notes[i])
			}
		}
		var errs []error
		if err != nil {
			errs = err.(interface{ Unwrap() []error }).Unwrap()
		}
		if len(errs) != invalid {
			t.Errorf("ParseAll(%q): errors %v, want %d", tt.raw, err, invalid)
		}
	}
}

func TestParseSeveral(t *testing.T) {
	t.Parallel()
	n, err := Parse("05 56 08 67 30 ou 06 03 20 29 46", "33000")
	if n.E164 != "+33556086730" {
		t.Errorf("Parse kept %+v, want the first number", n)
	}
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Problem, sp("06 03 20 29 46")) {
		t.Errorf("Parse error %v, want one naming the second number", err)
	}
}

func TestURI(t *testing.T) {
	t.Parallel()
	tests := []struct{ raw, territory, want string }{
		{"05 57 65 75 39", "33000", "tel:+33557657539"},
		{"27 12 34", "98800", "tel:+687271234"},
		{"39 49", "33000", "tel:3949"},
		{"+33-72041680", "69100", ""},
	}
	for _, tt := range tests {
		n, _ := Parse(tt.raw, tt.territory)
		if got := n.URI(); got != tt.want {
			t.Errorf("Parse(%q).URI() = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestRegionFor(t *testing.T) {
	t.Parallel()
	tests := []struct{ territory, want string }{
		{"33119", "FR"}, {"33000", "FR"}, {"2A004", "FR"}, {"75", "FR"}, {"", "FR"},
		{"97411", "RE"}, {"974", "RE"}, {"97200", "MQ"}, {"97302", "GF"}, {"97611", "YT"},
		{"97502", "PM"}, {"97133", "BL"}, {"97701", "BL"}, {"97150", "MF"}, {"97801", "MF"},
		{"97110", "GP"}, {"98611", "WF"}, {"98735", "PF"}, {"98818", "NC"}, {" 988 ", "NC"},
	}
	for _, tt := range tests {
		if got := regionFor(tt.territory); got != tt.want {
			t.Errorf("regionFor(%q) = %q, want %q", tt.territory, got, tt.want)
		}
	}
}

func TestKindString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		k    Kind
		want string
	}{
		{Invalid, "invalide"}, {Fixed, "fixe"}, {Mobile, "mobile"}, {NonGeographic, "non géographique"},
		{TollFree, "gratuit"}, {Special, "spécial"}, {Short, "court"}, {Kind(42), "inconnu"},
	}
	for _, tt := range tests {
		if got := tt.k.String(); got != tt.want {
			t.Errorf("Kind(%d).String() = %q, want %q", tt.k, got, tt.want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	_, err := Parse("+33-72041680", "69100")
	want := "numéro de téléphone «\u00a0+33-72041680\u00a0»\u00a0: 8 chiffres après l’indicatif +33 au lieu de 9"
	if err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// realCell is a telephone value of the sources with the place's code.
type realCell struct{ raw, territory string }

func readRealCells(tb testing.TB) []realCell {
	tb.Helper()
	f, err := os.Open("testdata/telephones.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cells []realCell
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		raw, territory, ok := strings.Cut(line, "\t")
		if !ok {
			tb.Fatalf("bad line %q", line)
		}
		cells = append(cells, realCell{raw, territory})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return cells
}

// validFloor is the share of real numbers read as valid, measured at 99.2 %
// (3 508 of 3 535, 83 of them repaired) when the test was written; the rest
// are truncated or too long in the sources.
const validFloor = 0.99

func TestRealValues(t *testing.T) {
	t.Parallel()
	cells := readRealCells(t)
	var total, valid, repaired, overseas int
	for _, c := range cells {
		nums, err := ParseAll(c.raw, c.territory)
		if len(nums) == 0 {
			t.Errorf("ParseAll(%q, %q) gave no number", c.raw, c.territory)
		}
		for _, n := range nums {
			total++
			if !n.Valid() {
				if err == nil {
					t.Errorf("ParseAll(%q): invalid number without error", c.raw)
				}
				continue
			}
			valid++
			if n.Repair != "" {
				repaired++
			}
			if n.Region != "FR" {
				overseas++
			}
			if strings.ContainsRune(n.Display, ' ') {
				t.Errorf("ParseAll(%q): display %q has a breaking space", c.raw, n.Display)
			}
		}
	}
	share := float64(valid) / float64(total)
	t.Logf("%d distinct cells, %d numbers: %d valid (%.1f %%), of which %d repaired and %d overseas",
		len(cells), total, valid, 100*share, repaired, overseas)
	if share < validFloor {
		t.Errorf("valid share %.3f below the floor %.2f", share, validFloor)
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range readRealCells(f) {
		f.Add(c.raw, c.territory)
	}
	f.Add("05 56 08 67 30 ou 06 03 20 29 46", "33000")
	f.Add("05 96 68 62 02 (poste 311 et 153)", "97217")
	f.Add("((0)) +33 (0)1", "")
	f.Fuzz(func(t *testing.T, raw, territory string) {
		nums, err := ParseAll(raw, territory)
		failed := 0
		for _, n := range nums {
			if !utf8.ValidString(n.Display) && utf8.ValidString(raw) {
				t.Fatalf("ParseAll(%q): display %q is not UTF-8", raw, n.Display)
			}
			if !n.Valid() {
				failed++
				continue
			}
			if strings.ContainsRune(n.Display, ' ') {
				t.Fatalf("ParseAll(%q): display %q has a breaking space", raw, n.Display)
			}
			// The display reads back as the same number.
			again, err := Parse(n.Display, territory)
			if err != nil || again.E164 != n.E164 || again.Kind != n.Kind || again.Repair != "" {
				t.Fatalf("Parse(%q) = %+v, %v; want %+v back", n.Display, again, err, n)
			}
		}
		if (failed > 0) != (err != nil) {
			t.Fatalf("ParseAll(%q): %d invalid numbers but error %v", raw, failed, err)
		}
	})
}

func BenchmarkParseAllRealCells(b *testing.B) {
	cells := readRealCells(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cells[i%len(cells)]
		ParseAll(c.raw, c.territory)
	}
}
