package horaires

import "slices"

// Day is a day of the week, Monday first as in France.
type Day int

// The days of the week.
const (
	Monday Day = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

var dayNames = [7]string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}

// String returns the French name of d in lower case: "lundi".
func (d Day) String() string {
	if d < Monday || d > Sunday {
		return "jour inconnu"
	}
	return dayNames[d]
}

// MinutesPerDay is the End of an interval that lasts until midnight.
const MinutesPerDay = 24 * 60

// Interval is a stretch of one day, in minutes since midnight:
// 0 <= Start < End <= MinutesPerDay.
//
// A range that goes past midnight, such as "Fr 22:00-02:00", is cut at
// midnight: {22*60, 24*60} on Friday and {0, 2*60} on Saturday. This is how
// OpenStreetMap reads it too: the part after midnight belongs to the next
// day, where a later rule naming that day replaces it.
type Interval struct{ Start, End int }

// Hours is what a schedule says about one kind of day.
type Hours struct {
	// Intervals lists the opening times, sorted, neither overlapping nor
	// touching. None means closed all day.
	Intervals []Interval
	// Unknown is set when the hours are not firm: the rule said "unknown",
	// or gave a comment without "open" (OpenStreetMap reads
	// Sa 09:00-12:00 "sur rendez-vous" as possibly open). A whole day
	// without any time, as in Sa "sur rendez-vous", is {0, MinutesPerDay}.
	Unknown bool
	// Comment is the quoted comment of the rule that set these hours, if
	// any, as written. It qualifies the intervals, or the closed day when
	// there are none.
	Comment string
}

// Open reports whether h gives any opening time, firm or not.
func (h Hours) Open() bool { return len(h.Intervals) > 0 }

// Equal reports whether h and o say the same thing.
func (h Hours) Equal(o Hours) bool {
	return h.Unknown == o.Unknown && h.Comment == o.Comment && slices.Equal(h.Intervals, o.Intervals)
}

// allDay reports whether h covers the whole day.
func (h Hours) allDay() bool {
	return len(h.Intervals) == 1 && h.Intervals[0] == Interval{0, MinutesPerDay}
}

// Schedule is a parsed opening_hours value.
type Schedule struct {
	// Week holds the hours of an ordinary week, indexed by Day.
	Week [7]Hours
	// HolidaysStated reports whether the value says something about public
	// holidays (PH). When it does not, a holiday follows its weekday.
	HolidaysStated bool
	// Holidays holds the hours of public holidays when HolidaysStated:
	// no interval for "PH off", intervals for "PH 10:00-12:00".
	Holidays Hours
}

// OpenOn reports whether s gives opening times on day d of an ordinary
// week, firm or not: Sa "sur rendez-vous" counts as open on Saturday.
func (s Schedule) OpenOn(d Day) bool {
	return d >= Monday && d <= Sunday && s.Week[d].Open()
}
