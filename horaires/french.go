package horaires

import (
	"fmt"
	"strings"

	"livret/texte"
)

// nbsp is the no-break space: the guide breaks lines only at ordinary
// spaces, so it glues "9 h", "9 h – 12 h" and "lundi au vendredi".
const nbsp = "\u00a0"

// roundTheClock says a whole day: "24 h sur 24".
const roundTheClock = "24" + nbsp + "h" + nbsp + "sur" + nbsp + "24"

// Line is one line of a schedule said in French.
type Line struct {
	// Label names the days the line is about, capitalised: "Lundi au
	// vendredi", "Mardi et jeudi", "Tous les jours", "Jours fériés". On a
	// closed line it is the whole sentence: "Fermé le samedi et le dimanche".
	Label string
	// Hours gives the times: "9 h – 12 h et 14 h – 17 h". It is empty on
	// closed lines.
	Hours string
	// Note is the comment given with these hours, tidied for print:
	// "sur rendez-vous", or "à confirmer" for hours marked unknown.
	Note string
	// Closed reports a line that says when the place is closed.
	Closed bool
}

// String returns the line as a sentence: "Samedi : 9 h 30 – 12 h",
// "Fermé le mercredi", "Samedi : 9 h – 12 h (un samedi sur deux)".
func (l Line) String() string {
	s := l.Label
	if l.Hours != "" {
		s += nbsp + ": " + l.Hours
	}
	if l.Note != "" {
		s += " (" + l.Note + ")"
	}
	return s
}

// Ranges are the hours of the line one by one, as Hours enumerates them
// ("9 h – 12 h", "14 h – 17 h"), for a table that sets them one a line;
// Hours whole when it says something else ("sur rendez-vous"), none on a
// closed line.
func (l Line) Ranges() []string {
	if l.Hours == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(l.Hours, ", ") {
		before, last, ok := strings.Cut(part, " et ")
		out = append(out, before)
		if ok {
			out = append(out, last)
		}
	}
	for _, r := range out {
		// A range is glued by no-break spaces: a comment has spaces.
		if !strings.Contains(r, nbsp+"–"+nbsp) || strings.Contains(r, " ") {
			return []string{l.Hours}
		}
	}
	return out
}

// Lines says s in plain French, one line per day or group of days with the
// same hours, in week order from Monday:
//
//	Lundi au vendredi : 9 h – 12 h et 14 h – 17 h
//	Mardi et jeudi : 14 h – 17 h
//	Samedi : sur rendez-vous
//	Fermé le mercredi et le dimanche
//	Fermé les jours fériés
//
// Closed days come after the open ones. They are named when the place is
// open on most days of the week, where they are what a reader must not
// miss; for a place open one or two days, the open days say it all. A
// closed day with a comment is always named.
func (s Schedule) Lines() []Line {
	var lines []Line
	if s.everyDayAllDay() {
		lines = append(lines, Line{Label: "Ouvert tous les jours, " + roundTheClock})
		return append(lines, s.holidayLines()...)
	}
	open := 0
	for _, h := range s.Week {
		if h.Open() {
			open++
		}
	}
	var done [7]bool
	for d := range s.Week {
		if done[d] || !s.Week[d].Open() {
			continue
		}
		days := s.sameAs(Day(d), &done)
		hours, note := hoursText(s.Week[d])
		lines = append(lines, Line{Label: capitalize(dayList(days)), Hours: hours, Note: note})
	}
	for d := range s.Week {
		h := s.Week[d]
		if done[d] || h.Open() || h.Comment == "" && open < 4 && open > 0 {
			continue
		}
		days := s.sameAs(Day(d), &done)
		lines = append(lines, Line{Label: "Fermé " + closedDayList(days), Note: tidy(h.Comment), Closed: true})
	}
	return append(lines, s.holidayLines()...)
}

// everyDayAllDay reports a place open every day round the clock (24/7).
func (s Schedule) everyDayAllDay() bool {
	for _, h := range s.Week {
		if !h.allDay() || h.Unknown || h.Comment != "" {
			return false
		}
	}
	return true
}

// sameAs returns d and the later days with the same hours, marking them done.
func (s Schedule) sameAs(d Day, done *[7]bool) []Day {
	var days []Day
	for e := d; e <= Sunday; e++ {
		if !done[e] && s.Week[e].Equal(s.Week[d]) {
			done[e] = true
			days = append(days, e)
		}
	}
	return days
}

func (s Schedule) holidayLines() []Line {
	switch {
	case !s.HolidaysStated:
		return nil
	case !s.Holidays.Open():
		return []Line{{Label: "Fermé les" + nbsp + "jours" + nbsp + "fériés", Note: tidy(s.Holidays.Comment), Closed: true}}
	}
	hours, note := hoursText(s.Holidays)
	return []Line{{Label: "Jours fériés", Hours: hours, Note: note}}
}

// hoursText says the opening hours of h and the note that goes with them.
func hoursText(h Hours) (hours, note string) {
	note = tidy(h.Comment)
	if h.allDay() && h.Unknown {
		// Sa "sur rendez-vous": the comment is all there is to say.
		if note != "" {
			return note, ""
		}
		return "horaires à confirmer", ""
	}
	if h.Unknown && note == "" {
		note = "à confirmer"
	}
	if h.allDay() {
		return roundTheClock, note
	}
	parts := make([]string, len(h.Intervals))
	for i, iv := range h.Intervals {
		parts[i] = clock(iv.Start) + nbsp + "–" + nbsp + clock(iv.End)
	}
	return texte.Enumerate(parts), note
}

// clock says a time of day: "9 h", "9 h 30", "minuit".
func clock(m int) string {
	switch {
	case m == 0 || m == MinutesPerDay:
		return "minuit"
	case m%60 == 0:
		return fmt.Sprintf("%d"+nbsp+"h", m/60)
	}
	return fmt.Sprintf("%d"+nbsp+"h"+nbsp+"%02d", m/60, m%60)
}

// dayList names days for a line label: "lundi au vendredi" for three
// days or more in a row, else each day: "mardi et jeudi".
func dayList(days []Day) string {
	switch {
	case len(days) == 7:
		return "tous les jours"
	case len(days) >= 3 && consecutive(days):
		return days[0].String() + nbsp + "au" + nbsp + days[len(days)-1].String()
	}
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = d.String()
	}
	return texte.Enumerate(names)
}

// closedDayList names days after "Fermé": "le mercredi", "le samedi et
// le dimanche", "du lundi au mercredi".
func closedDayList(days []Day) string {
	switch {
	case len(days) == 7:
		return "tous les jours"
	case len(days) >= 3 && consecutive(days):
		return "du" + nbsp + days[0].String() + nbsp + "au" + nbsp + days[len(days)-1].String()
	}
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = "le" + nbsp + d.String()
	}
	return texte.Enumerate(names)
}

func consecutive(days []Day) bool {
	for i := 1; i < len(days); i++ {
		if days[i] != days[i-1]+1 {
			return false
		}
	}
	return true
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	// Day names start with an ASCII letter.
	return strings.ToUpper(s[:1]) + s[1:]
}

// tidy prepares a comment for print: runs of white space become one space
// and straight apostrophes typographic ones.
func tidy(comment string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(comment), " "), "'", "’")
}
