package horaires

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// readingText writes what Read makes of a value, as the golden file keeps
// it: the French lines, or the reason it stays to be confirmed.
func readingText(v string) (string, bool) {
	s, r, err := Read(v)
	if err != nil {
		if times, ok := Times(v); ok {
			return "  heures sans les jours : " + strings.ReplaceAll(times, "\u00a0", " ") + "\n", false
		}
		return "  illisible : " + err.Error() + "\n", false
	}
	var b strings.Builder
	if r.How != "" {
		b.WriteString("  " + r.How + " : " + r.OSM + "\n")
	}
	for _, l := range s.Lines() {
		b.WriteString("  → " + strings.ReplaceAll(l.String(), "\u00a0", " ") + "\n")
	}
	return b.String(), true
}

// TestReadUnreadable reads the distinct horaires values of the files of
// ../shared/data that Parse refuses (testdata/illisibles.txt), against the
// French kept in testdata/illisibles.golden, reviewed by hand.
func TestReadUnreadable(t *testing.T) {
	f, err := os.Open("testdata/illisibles.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	total, read, timesOnly := 0, 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		v, err := strconv.Unquote(sc.Text())
		if err != nil {
			t.Fatalf("%s: %v", sc.Text(), err)
		}
		if _, err := Parse(v); err == nil {
			t.Errorf("%q: Parse reads it, it has no place here", v)
		}
		text, ok := readingText(v)
		total++
		if ok {
			read++
		}
		if strings.HasPrefix(text, "  heures sans les jours") {
			timesOnly++
		}
		out.WriteString(strconv.Quote(v) + "\n" + text)
	}
	const golden = "testdata/illisibles.golden"
	if *update {
		os.WriteFile(golden, []byte(out.String()), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if out.String() != string(want) {
		t.Errorf("%s differs; run go test ./horaires -run ReadUnreadable -update and review the diff", golden)
	}
	// Times without days are read exactly but for the days, which the
	// value does not give: they count as read, and are printed with the
	// days to be confirmed.
	t.Logf("%d of %d values read into a schedule (%d %%), %d more times without days (%d %% in all)",
		read, total, 100*read/total, timesOnly, 100*(read+timesOnly)/total)
	if (read+timesOnly)*100 < 80*total {
		t.Errorf("%d of %d values read, fewer than 80 %%", read+timesOnly, total)
	}
}

// FuzzRead checks that Read, Times and Say never panic, that what Read
// accepts is a sane schedule whose OpenStreetMap form Parse reads the same,
// and that Say always has something to print. The seeds are the values of
// the golden file.
func FuzzRead(f *testing.F) {
	data, _ := os.ReadFile("testdata/illisibles.txt")
	for _, line := range strings.Split(string(data), "\n") {
		if v, err := strconv.Unquote(line); err == nil {
			f.Add(v)
		}
	}
	f.Fuzz(func(t *testing.T, value string) {
		s, how, err := Read(value)
		Times(value)
		if lines, _ := Say(value); strings.TrimSpace(value) != "" && len(lines) == 0 && strings.Trim(value, " \t\n<>/") != "" && err == nil {
			t.Fatalf("Say(%q) prints nothing", value)
		}
		if err != nil {
			return
		}
		for d, h := range s.Week {
			checkHours(t, value, Day(d).String(), h)
		}
		if how.OSM != "" && how.How != "semaines alternées" {
			again, err := Parse(how.OSM)
			same := err == nil
			for d := range s.Week {
				same = same && again.Week[d].Equal(s.Week[d])
			}
			if !same {
				t.Fatalf("Read(%q) = %q, which Parse reads otherwise: %v", value, how.OSM, err)
			}
		}
	})
}

// TestRead pins the forms Read knows, one case each.
func TestRead(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Lundi au Vendredi 8h - 16h30", "Lundi au vendredi : 8 h – 16 h 30 | Fermé le samedi et le dimanche"},
		{"week 2-52/2 Tu 13:30-16:30; PH off", "Mardi : 13 h 30 – 16 h 30 (un mardi sur deux, semaines paires) | Fermé les jours fériés"},
		{"Mo 09:00-12:00-14:00", "Lundi : horaire incomplet (9 h, 12 h et 14 h), à confirmer"},
		{"Lundi de 9h - 12h.<br />Mardi de 13h - 19h.", "Lundi : 9 h – 12 h | Mardi : 13 h – 19 h"},
		{"lundi au vendredi : 8h-12h, 13h30-17h30 (vendredi 16h30)", "Lundi au jeudi : 8 h – 12 h et 13 h 30 – 17 h 30 | Vendredi : 8 h – 12 h et 13 h 30 – 16 h 30 | Fermé le samedi et le dimanche"},
		{"Lundi-Vendredi 9h-17h", "Lundi au vendredi : 9 h – 17 h | Fermé le samedi et le dimanche"},
	} {
		s, _, err := Read(tt.in)
		var lines []string
		for _, l := range s.Lines() {
			lines = append(lines, strings.ReplaceAll(l.String(), "\u00a0", " "))
		}
		if got := strings.Join(lines, " | "); err != nil || got != tt.want {
			t.Errorf("Read(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	// Never guessed: times without days, overlapping days, unknown words.
	for _, in := range []string{"9h-12h30 / 13h30-17h30", "Donateurs : du lundi au vendredi de 9H00 - 12H00 ; Utilisateurs : du mardi au vendredi de 14H00 - 18H00", "Très variables", "Du lundi ou vendredi de 9h - 12h"} {
		if _, _, err := Read(in); err == nil {
			t.Errorf("Read(%q) read it", in)
		}
	}
	if got, _ := Times("9h-12h30 / 13h30-17h30"); got != "9\u00a0h\u00a0–\u00a012\u00a0h\u00a030 et 13\u00a0h\u00a030\u00a0–\u00a017\u00a0h\u00a030" {
		t.Errorf("Times = %q", got)
	}
}
