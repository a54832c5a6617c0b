package horaires

import (
	"errors"
	"strings"
	"testing"
)

// week builds the Week of a schedule from a map, for test tables.
func week(days map[Day]Hours) [7]Hours {
	var w [7]Hours
	for d, h := range days {
		w[d] = h
	}
	return w
}

func open(ivs ...Interval) Hours { return Hours{Intervals: ivs} }

func iv(startH, startM, endH, endM int) Interval {
	return Interval{startH*60 + startM, endH*60 + endM}
}

func TestParse(t *testing.T) {
	morning, afternoon := iv(9, 0, 12, 0), iv(14, 0, 17, 0)
	tests := []struct {
		value string
		want  Schedule
	}{
		{"Mo-Fr 09:00-12:00,14:00-17:00", Schedule{Week: week(map[Day]Hours{
			Monday: open(morning, afternoon), Tuesday: open(morning, afternoon), Wednesday: open(morning, afternoon),
			Thursday: open(morning, afternoon), Friday: open(morning, afternoon),
		})}},
		// A later rule replaces earlier ones for the days it names.
		{"Mo-Fr 09:00-12:00,14:00-17:00; We off; Sa 09:30-12:00", Schedule{Week: week(map[Day]Hours{
			Monday: open(morning, afternoon), Tuesday: open(morning, afternoon),
			Thursday: open(morning, afternoon), Friday: open(morning, afternoon), Saturday: open(iv(9, 30, 12, 0)),
		})}},
		{"Mo-Fr 09:00-12:00; Tu,Th 14:00-17:00", Schedule{Week: week(map[Day]Hours{
			Monday: open(morning), Tuesday: open(afternoon), Wednesday: open(morning), Thursday: open(afternoon), Friday: open(morning),
		})}},
		// An additional rule adds to the days it names.
		{"Mo-Fr 09:00-12:00, We 14:00-17:00", Schedule{Week: week(map[Day]Hours{
			Monday: open(morning), Tuesday: open(morning), Wednesday: open(morning, afternoon), Thursday: open(morning), Friday: open(morning),
		})}},
		{"Sa-Mo 09:00-12:00", Schedule{Week: week(map[Day]Hours{
			Saturday: open(morning), Sunday: open(morning), Monday: open(morning),
		})}},
		// Overlapping and touching ranges merge; order does not matter.
		{"Tu 14:00-17:00,09:00-12:00,12:00-13:00,16:00-18:00", Schedule{Week: week(map[Day]Hours{
			Tuesday: open(iv(9, 0, 13, 0), iv(14, 0, 18, 0)),
		})}},
		{"Mo-Fr 09:00-12:00; PH off", Schedule{Week: week(map[Day]Hours{
			Monday: open(morning), Tuesday: open(morning), Wednesday: open(morning), Thursday: open(morning), Friday: open(morning),
		}), HolidaysStated: true}},
		{"Sa 09:00-12:00; PH 10:00-12:00", Schedule{Week: week(map[Day]Hours{Saturday: open(morning)}),
			HolidaysStated: true, Holidays: open(iv(10, 0, 12, 0))}},
		{"24/7", Schedule{Week: week(map[Day]Hours{
			Monday: open(iv(0, 0, 24, 0)), Tuesday: open(iv(0, 0, 24, 0)), Wednesday: open(iv(0, 0, 24, 0)),
			Thursday: open(iv(0, 0, 24, 0)), Friday: open(iv(0, 0, 24, 0)), Saturday: open(iv(0, 0, 24, 0)), Sunday: open(iv(0, 0, 24, 0)),
		})}},
		// The part after midnight belongs to the next day, Monday after Sunday.
		{"Su 22:00-02:00", Schedule{Week: week(map[Day]Hours{
			Sunday: open(iv(22, 0, 24, 0)), Monday: open(iv(0, 0, 2, 0)),
		})}},
		// ...where a later rule for that day replaces it.
		{"Fr 22:00-02:00; Sa 10:00-12:00", Schedule{Week: week(map[Day]Hours{
			Friday: open(iv(22, 0, 24, 0)), Saturday: open(iv(10, 0, 12, 0)),
		})}},
		// A comment without "open" makes the hours uncertain.
		{`Mo 09:00-12:00 "sur rendez-vous"`, Schedule{Week: week(map[Day]Hours{
			Monday: {Intervals: []Interval{morning}, Unknown: true, Comment: "sur rendez-vous"},
		})}},
		{`Mo 09:00-12:00 open "accueil libre"`, Schedule{Week: week(map[Day]Hours{
			Monday: {Intervals: []Interval{morning}, Comment: "accueil libre"},
		})}},
		{`Mo 09:00-12:00; Sa "sur rendez-vous"`, Schedule{Week: week(map[Day]Hours{
			Monday: open(morning), Saturday: {Intervals: []Interval{{0, MinutesPerDay}}, Unknown: true, Comment: "sur rendez-vous"},
		})}},
		{`Mo 09:00-12:00; We off "travaux"`, Schedule{Week: week(map[Day]Hours{
			Monday: open(morning), Wednesday: {Comment: "travaux"},
		})}},
		// Spaces, tabs, no-break spaces, case and a final ";" do not matter.
		{" mo - FR\t09:00 - 12:00 ,\u00a014:00-17:00 ;", Schedule{Week: week(map[Day]Hours{
			Monday: open(morning, afternoon), Tuesday: open(morning, afternoon), Wednesday: open(morning, afternoon),
			Thursday: open(morning, afternoon), Friday: open(morning, afternoon),
		})}},
		{"Mo 9:00-12:00", Schedule{Week: week(map[Day]Hours{Monday: open(morning)})}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.value)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.value, err)
			continue
		}
		if !equalSchedules(got, tt.want) {
			t.Errorf("Parse(%q) =\n\t%+v\nwant\n\t%+v", tt.value, got, tt.want)
		}
	}
}

func equalSchedules(a, b Schedule) bool {
	for d := range a.Week {
		if !a.Week[d].Equal(b.Week[d]) {
			return false
		}
	}
	return a.HolidaysStated == b.HolidaysStated && a.Holidays.Equal(b.Holidays)
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		value       string
		unsupported bool
		offset      int
		reason      string // part of the reason
	}{
		// Malformed, all seen in real data.
		{"", false, 0, "aucun horaire"},
		{"Mo 14-17", false, 3, "sans minutes"},
		{"Mo-Fr 9h-12h30,13h30-17h", false, 6, "«\u00a0h\u00a0»"},
		{"Mo 08:45-12:00-13:45", false, 14, "trois heures"},
		{"Fr 09:30", false, 8, "heure de fin manquante"},
		{"Tu-Fr 09:00-12:00; Mo 09:00-12:00-14:00", false, 33, "trois heures"},
		{"Mo-Fr 09:00-12:00; Tu 30-19", false, 22, "sans minutes"},
		{"Du lundi au vendredi de 9h à 12h", false, 0, "mot inattendu «\u00a0Du\u00a0»"},
		{"Lundi au Vendredi 8h - 16h30", false, 0, "toutes lettres"},
		{"Mo-Th 10h00-12h30", false, 6, "«\u00a0h\u00a0»"},
		{`Jeudi de 15h à 17h."`, false, 0, "toutes lettres"},
		{"Mo-Fr 09:00-12:00 Sa 10:00-12:00", false, 18, "«\u00a0;\u00a0» manquant"},
		{"Mo 09:60-10:00", false, 6, "59"},
		{"Mo 25:00-26:00", false, 3, "24:00"},
		{"Mo 09:00-49:00", false, 9, "48:00"},
		{"Mo 123:00-14:00", false, 3, "heure invalide"},
		{"0900-1200", false, 0, "sans minutes"},
		{"Mo 09:0-12:00", false, 6, "deux chiffres"},
		{"Mo 09:00–12:00", false, 8, "tiret long"},
		{"Mo-Fr: 09:00-12:00", false, 5, "deux-points"},
		{`Mo 09:00-12:00 "sans fin`, false, 15, "guillemet fermant"},
		{`Mo 09:00-12:00 ""`, false, 15, "commentaire vide"},
		{"Mo 09:00-12:00 “rdv”", false, 15, "guillemets typographiques"},
		{"Mo 09:00-12:00,", false, 15, "après la virgule"},
		{"Mo-Fr 24/7", false, 6, "24/7"},
		{"Mon-Fri 09:00-12:00", false, 0, "«\u00a0Mon\u00a0»"},
		{"Mo 09:00-12:00 off open", false, 19, "mal placé"},
		{";", false, 1, "aucun horaire"},
		{"\xff", false, 0, "inattendu"},
		// Valid OpenStreetMap syntax outside the subset.
		{"08:00-17:00", true, 0, "sans jours"},
		{"week 2-52/2 Tu 09:30-12:00; PH off", true, 0, "semaine"},
		{"Jan-Jun Mo-Fr 09:00-12:00", true, 0, "mois"},
		{"Mo-Fr 09:00-12:00; Dec 25 off", true, 19, "mois"},
		{"2025 Mo-Fr 09:00-12:00", true, 0, "années"},
		{"Mo-Fr 09:00-12:00; SH off", true, 19, "vacances scolaires"},
		{"Mo,SH off", true, 3, "vacances scolaires"},
		{"Mo[1] 09:00-12:00", true, 2, "Mo[1]"},
		{"Mo-Fr sunrise-sunset", true, 6, "soleil"},
		{"Mo-Fr 09:00-(sunset-01:00)", true, 12, "soleil"},
		{"Mo-Fr 09:00+", true, 11, "non précisée"},
		{"Mo-Fr 09:00-17:00/01:00", true, 17, "intervalle régulier"},
		{`Mo-Fr 09:00-12:00 || "sur rendez-vous"`, true, 18, "repli"},
		{"PH +1 day off", true, 3, "décalage"},
		{"easter off", true, 0, "Pâques"},
		{"Mo-Fr 09:00-12:00; We 10:00-11:00 off", true, 19, "partie de la journée"},
		{"Mo 14:00-14:00", true, 3, "24 heures d’affilée"},
		{"Mo 10:00-36:00", true, 3, "plus de 24 heures"},
		{"Mo-Fr", true, 0, "jours sans heures"},
		{"PH off", true, 0, "seulement les jours fériés"},
		{"PH off; Mo-Fr 09:00-12:00", true, 0, "jours fériés"},
		{"PH 22:00-02:00; Mo 10:00-12:00", true, 0, "après minuit un jour férié"},
		{`Mo-Fr 09:00-12:00 "a", We 14:00-16:00`, true, 23, "même journée"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.value)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", tt.value)
			continue
		}
		var se *SyntaxError
		var ue *UnsupportedError
		offset, reason := -1, ""
		switch {
		case errors.As(err, &se):
			offset, reason = se.Offset, se.Reason
		case errors.As(err, &ue):
			offset, reason = ue.Offset, ue.Feature
		}
		if got := errors.Is(err, ErrUnsupported); got != tt.unsupported || got == (se != nil) {
			t.Errorf("Parse(%q) = %T %v, want unsupported=%v", tt.value, err, err, tt.unsupported)
		}
		if offset != tt.offset || !strings.Contains(reason, tt.reason) {
			t.Errorf("Parse(%q) error at %d %q, want at %d a reason with %q", tt.value, offset, reason, tt.offset, tt.reason)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		value, want string
	}{
		{"Mo 14-17", "horaires illisibles, caractère 4 («\u00a014-17\u00a0»)\u00a0: heure sans minutes, écrire 14:00 et non 14"},
		{"Mo-Fr 09:00", "horaires illisibles, caractère 12 (fin du texte)\u00a0: heure de fin manquante, écrire une plage comme 09:00-12:00"},
		{"Ré Mo 14-17", "horaires illisibles, caractère 1 («\u00a0Ré Mo 14-17\u00a0»)\u00a0: mot inattendu «\u00a0Ré\u00a0», jour de la semaine attendu (Mo, Tu, We, Th, Fr, Sa, Su ou PH)"},
		{"week 1-53/2 Fr 13:30-16:30; PH off", "horaires non pris en charge, caractère 1 («\u00a0week 1-53/2 Fr 13:30…\u00a0»)\u00a0: numéros de semaine (week)"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.value)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.value, err, tt.want)
		}
	}
}

func TestDayString(t *testing.T) {
	want := []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
	for d := Monday; d <= Sunday; d++ {
		if got := d.String(); got != want[d] {
			t.Errorf("Day(%d).String() = %q, want %q", d, got, want[d])
		}
	}
	if got := Day(7).String(); got != "jour inconnu" {
		t.Errorf("Day(7).String() = %q", got)
	}
}

func TestOpenOn(t *testing.T) {
	tests := []struct {
		value string
		want  [7]bool
	}{
		{"Mo-Fr 09:00-12:00; We off", [7]bool{true, true, false, true, true, false, false}},
		{`Mo-Fr 09:00-12:00; Sa "sur rendez-vous"`, [7]bool{true, true, true, true, true, true, false}},
		{"Fr 22:00-02:00", [7]bool{false, false, false, false, true, true, false}},
		{`Sa off "travaux"`, [7]bool{}},
		{"24/7; Sa off", [7]bool{true, true, true, true, true, false, true}},
	}
	for _, tt := range tests {
		s, err := Parse(tt.value)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.value, err)
			continue
		}
		for d := Monday; d <= Sunday; d++ {
			if got := s.OpenOn(d); got != tt.want[d] {
				t.Errorf("Parse(%q).OpenOn(%v) = %v, want %v", tt.value, d, got, tt.want[d])
			}
		}
		if s.OpenOn(-1) || s.OpenOn(7) {
			t.Errorf("Parse(%q).OpenOn reports a day outside the week", tt.value)
		}
	}
}
