package horaires

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"livret/texte"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// renderedValues are shown in testdata/lines.golden. Unless marked
// otherwise they are real values from the data sets (see testdata/README.md).
var renderedValues = []string{
	// The most frequent shapes.
	"Mo-Fr 09:00-12:00,14:00-17:00",
	"Mo-Fr 09:00-12:30,13:30-17:00",
	"We 09:00-12:00",
	"Mo-Th 08:30-12:30,13:30-17:30; Fr 08:30-12:30,13:30-16:30",
	"Mo-Fr 09:00-18:00",
	"Mo-Fr 08:30-12:00,13:30-17:00; We off",
	"Mo-Sa 08:30-12:30; Tu,Th off",
	"We-Sa 10:30-12:00,13:00-18:00; Mo,Tu 13:00-18:00; Th off",
	"Mo-Fr 08:15-17:30; Sa 08:30-12:30",
	"Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:30",
	"Mo-Sa 09:30-12:30,14:00-18:00; Su 10:00-13:00",
	"Mo,Th 09:00-12:00",
	"Th,Fr 14:00-16:00; Sa 10:00-12:00,14:00-16:00",
	"Mo-Fr 09:00-12:00,14:00-17:00; Th 09:00-17:00; Sa 09:00-12:00",
	"Tu-Th 09:30-12:30,14:00-17:00; Mo 13:30-17:00; Fr 09:30-12:30; Sa 09:30-12:00",
	"Mo 13:30-17:30; Tu 13:00-19:00; We 08:30-12:00,13:30-17:30; Th 08:30-12:10; Fr 08:30-12:10,13:30-17:30",
	"Mo-Fr 14:00-18:30; Tu 14:00-19:30; We 09:00-12:30,14:00-18:30; Sa 10:00-12:30,14:00-17:30; Su 09:00-12:30",
	"Tu-Fr 10:00-20:00,09:00-19:00; Mo,Sa 09:00-20:00; Su 09:00-19:00",
	"Mo 09:00-12:00,14:00-18:00;Tu 09:00-12:00,09:00-18:00;We 09:00-12:00,14:00-18:00;Th 09:00-12:00,14:00-18:00;Fr 09:00-12:00,14:00-18:00",
	"Mo-Th 09:00-12:00,13:00-18:00; Fr 09:00-13:00,13:00-18:00",
	"Fr 08:45-12:15; PH off",
	"Mo 09:30-12:30,13:30-15:30; PH off",
	// Hand-written: the rest of the subset.
	"Mo-Fr 09:00-12:00,14:00-17:00; We off; Sa 09:30-12:00; PH off",
	"Tu,Th 09:00-12:00",
	"Sa-Mo 10:00-12:00",
	"24/7",
	"24/7; Su,PH off",
	"Mo-Fr 09:00-12:00 \"sur rendez-vous\"",
	"Mo-Fr 09:00-12:00; Sa \"sur rendez-vous\"",
	"Mo-Fr 09:00-12:00; Sa 09:00-12:00 \"un samedi sur deux\"",
	"Mo-Fr 09:00-12:00; We off \"l'après-midi, accueil sur rendez-vous\"",
	"Mo-Fr 09:00-12:00; PH 10:00-12:00",
	"Mo 10:00-12:00 unknown",
	"Fr,Sa 20:00-01:00",
	"\"sur rendez-vous\"",
	"off",
	// Refused: real values first.
	"",
	"Mo 14-17",
	"Mo-Fr 9h-12h30,13h30-17h",
	"Mo 08:45-12:00-13:45",
	"Fr 09:30",
	"08:00-17:00",
	"Tu 18:00-18:00; We 10:00-18:00",
	"week 1-53/2 Fr 13:30-16:30; PH off",
	"Du lundi au vendredi de 9h - 12h et de 14h - 18h.",
	"Lundi : 8h30-12h ; Mardi à Vendredi : 8h30-12h/14h-17h ; Samedi : 9h-11h",
	"Mo-Fr 09:00-12:00 || \"sur rendez-vous\"",
	"PH off; Mo-Fr 09:00-12:00",
}

// TestLines renders renderedValues and compares with testdata/lines.golden;
// "go test ./horaires -run TestLines -update" rewrites it after a change
// that was looked at. A no-break space shows as ⍽ in the file.
func TestLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("# What Lines makes of each value (⍽ is a no-break space), or the error of Parse.\n")
	b.WriteString("# Rewrite with: go test ./horaires -run TestLines -update\n")
	for _, v := range renderedValues {
		b.WriteString("\n" + v + "\n")
		s, err := Parse(v)
		if err != nil {
			b.WriteString("\t! " + err.Error() + "\n")
			continue
		}
		for _, l := range s.Lines() {
			b.WriteString("\t" + l.String() + "\n")
		}
	}
	got := strings.ReplaceAll(b.String(), nbsp, "⍽")
	const golden = "testdata/lines.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Lines output differs from %s (run with -update after checking):\n%s", golden, diff(string(want), got))
	}
}

// diff lists the lines that differ, enough to see what changed.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("-" + wl + "\n+" + gl + "\n")
		}
	}
	return b.String()
}

func TestLinesParts(t *testing.T) {
	tests := []struct {
		value string
		want  []Line
	}{
		{"Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:30-12:00", []Line{
			{Label: "Lundi\u00a0au\u00a0vendredi", Hours: "9\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a017\u00a0h"},
			{Label: "Samedi", Hours: "9\u00a0h\u00a030\u00a0–\u00a012\u00a0h"},
			{Label: "Fermé le\u00a0dimanche", Closed: true},
		}},
		{"Mo-Fr 09:00-12:00 \"sur rendez-vous\"; PH off", []Line{
			{Label: "Lundi\u00a0au\u00a0vendredi", Hours: "9\u00a0h\u00a0–\u00a012\u00a0h", Note: "sur rendez-vous"},
			{Label: "Fermé le\u00a0samedi et le\u00a0dimanche", Closed: true},
			{Label: "Fermé les\u00a0jours\u00a0fériés", Closed: true},
		}},
		// Closed days are not listed for a place open on few days.
		{"Tu,Th 14:00-17:00", []Line{
			{Label: "Mardi et jeudi", Hours: "14\u00a0h\u00a0–\u00a017\u00a0h"},
		}},
		// ...unless they carry a comment.
		{"Tu 14:00-17:00; We off \"travaux\"", []Line{
			{Label: "Mardi", Hours: "14\u00a0h\u00a0–\u00a017\u00a0h"},
			{Label: "Fermé le\u00a0mercredi", Note: "travaux", Closed: true},
		}},
		{"Mo-Su 08:00-20:00", []Line{
			{Label: "Tous les jours", Hours: "8\u00a0h\u00a0–\u00a020\u00a0h"},
		}},
		{"Mo-We,Fr-Su 08:00-20:00", []Line{
			{Label: "Lundi, mardi, mercredi, vendredi, samedi et dimanche", Hours: "8\u00a0h\u00a0–\u00a020\u00a0h"},
			{Label: "Fermé le\u00a0jeudi", Closed: true},
		}},
		{"Mo-Fr 10:00-12:00; Th-Sa off", []Line{
			{Label: "Lundi\u00a0au\u00a0mercredi", Hours: "10\u00a0h\u00a0–\u00a012\u00a0h"},
		}},
		{"Mo,Tu 10:00-12:00", []Line{
			{Label: "Lundi et mardi", Hours: "10\u00a0h\u00a0–\u00a012\u00a0h"},
		}},
		{"Mo 10:00-12:00; Th-Su off \"congés\"", []Line{
			{Label: "Lundi", Hours: "10\u00a0h\u00a0–\u00a012\u00a0h"},
			{Label: "Fermé du\u00a0jeudi\u00a0au\u00a0dimanche", Note: "congés", Closed: true},
		}},
		{"24/7", []Line{{Label: "Ouvert tous les jours, 24\u00a0h\u00a0sur\u00a024"}}},
		// A comment without "open" makes a whole day uncertain: the
		// comment is all there is to say.
		{"Mo-Fr 00:00-24:00 \"accueil téléphonique\"", []Line{
			{Label: "Lundi\u00a0au\u00a0vendredi", Hours: "accueil téléphonique"},
			{Label: "Fermé le\u00a0samedi et le\u00a0dimanche", Closed: true},
		}},
		{"Mo-Fr 00:00-24:00 open \"accueil téléphonique\"", []Line{
			{Label: "Lundi\u00a0au\u00a0vendredi", Hours: "24\u00a0h\u00a0sur\u00a024", Note: "accueil téléphonique"},
			{Label: "Fermé le\u00a0samedi et le\u00a0dimanche", Closed: true},
		}},
		{"Sa unknown", []Line{{Label: "Samedi", Hours: "horaires à confirmer"}}},
		{"Mo-Fr 08:05-12:00; PH unknown", []Line{
			{Label: "Lundi\u00a0au\u00a0vendredi", Hours: "8\u00a0h\u00a005\u00a0–\u00a012\u00a0h"},
			{Label: "Fermé le\u00a0samedi et le\u00a0dimanche", Closed: true},
			{Label: "Jours fériés", Hours: "horaires à confirmer"},
		}},
		{"off", []Line{{Label: "Fermé tous les jours", Closed: true}}},
	}
	for _, tt := range tests {
		s, err := Parse(tt.value)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.value, err)
			continue
		}
		got := s.Lines()
		if len(got) != len(tt.want) {
			t.Errorf("Parse(%q).Lines() = %q, want %q", tt.value, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Parse(%q).Lines()[%d] = %#v, want %#v", tt.value, i, got[i], tt.want[i])
			}
		}
	}
}

func TestLineString(t *testing.T) {
	tests := []struct {
		line Line
		want string
	}{
		{Line{Label: "Samedi", Hours: "9\u00a0h\u00a0–\u00a012\u00a0h"}, "Samedi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h"},
		{Line{Label: "Samedi", Hours: "9\u00a0h\u00a0–\u00a012\u00a0h", Note: "un samedi sur deux"}, "Samedi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h (un samedi sur deux)"},
		{Line{Label: "Fermé le\u00a0mercredi", Closed: true}, "Fermé le\u00a0mercredi"},
		{Line{Label: "Fermé le\u00a0mercredi", Note: "travaux", Closed: true}, "Fermé le\u00a0mercredi (travaux)"},
	}
	for _, tt := range tests {
		if got := tt.line.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestLineRanges: the ranges of a line, one by one, give back its hours
// as Enumerate writes them; a comment said as the hours stays whole.
func TestLineRanges(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  [][]string
	}{
		{"Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:30-12:00", [][]string{{"9\u00a0h\u00a0–\u00a012\u00a0h", "14\u00a0h\u00a0–\u00a017\u00a0h"}, {"9\u00a0h\u00a030\u00a0–\u00a012\u00a0h"}, nil}},
		{"Tu 08:00-10:00,11:00-12:00,14:00-16:00", [][]string{{"8\u00a0h\u00a0–\u00a010\u00a0h", "11\u00a0h\u00a0–\u00a012\u00a0h", "14\u00a0h\u00a0–\u00a016\u00a0h"}}},
		{`Mo "sur rendez-vous, et le soir"`, [][]string{{"sur rendez-vous, et le soir"}}},
		{"Mo-Su 00:00-24:00; PH off", [][]string{nil, nil}},
	} {
		s, err := Parse(tt.value)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.value, err)
		}
		lines := s.Lines()
		if len(lines) != len(tt.want) {
			t.Fatalf("Parse(%q).Lines() = %q", tt.value, lines)
		}
		for i, l := range lines {
			got := l.Ranges()
			if !slices.Equal(got, tt.want[i]) {
				t.Errorf("%q.Ranges() = %q, want %q", l, got, tt.want[i])
			}
			if len(got) > 1 && texte.Enumerate(got) != l.Hours {
				t.Errorf("%q.Ranges() = %q: not its hours", l, got)
			}
		}
	}
}

// TestLinesNoBreakInRanges checks on every real value that a time range
// never holds an ordinary space, where the guide could break the line.
func TestLinesNoBreakInRanges(t *testing.T) {
	for _, c := range loadReference(t).Cases {
		s, err := Parse(c.Value)
		if err != nil {
			continue
		}
		for _, l := range s.Lines() {
			for _, part := range strings.Split(strings.ReplaceAll(l.Hours, ", ", " et "), " et ") {
				if strings.Contains(part, " ") && strings.Contains(part, "–") {
					t.Errorf("Parse(%q): range %q in line %q can break", c.Value, part, l)
				}
			}
			if strings.HasSuffix(l.Label, " ") || strings.Contains(l.String(), " :") {
				t.Errorf("Parse(%q): line %q: colon without a no-break space before it", c.Value, l)
			}
		}
	}
}
