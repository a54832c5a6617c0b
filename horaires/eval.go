package horaires

import (
	"cmp"
	"slices"
)

// evaluate applies the rules in order to the seven days of an ordinary week
// and to a public holiday falling on each of those days, the way the
// reference implementation does:
//
//   - a rule replaces all that earlier rules said about the days it names;
//   - an additional rule ("," separator) adds its times to those days;
//   - a rule without times (off, unknown, a bare comment) covers the whole
//     day, whatever the separator;
//   - the part of a range after midnight is added to the next day, where a
//     later rule naming that day replaces it.
//
// Holidays are then stated only if they come out the same on every weekday.
func evaluate(value string, rules []rule) (Schedule, error) {
	var week, holiday [7]Hours
	namesWeek, namesHolidays := false, false
	for _, r := range rules {
		namesHolidays = namesHolidays || r.holidays
		namesWeek = namesWeek || r.everyDay || slices.Contains(r.days[:], true)
		var after []Interval
		for _, s := range r.spans {
			if s.End > MinutesPerDay {
				after = append(after, Interval{0, s.End - MinutesPerDay})
			}
		}
		if after != nil && r.holidays {
			// The day after a holiday would then differ from the same
			// weekday in an ordinary week.
			return Schedule{}, unsupported(value, r.off, "plage horaire après minuit un jour férié")
		}
		for d := range 7 {
			if r.everyDay || r.days[d] {
				if err := apply(&week[d], r, value); err != nil {
					return Schedule{}, err
				}
			}
			if r.everyDay || r.days[d] || r.holidays {
				if err := apply(&holiday[d], r, value); err != nil {
					return Schedule{}, err
				}
			}
		}
		if after == nil {
			continue
		}
		for d := range 7 {
			if r.everyDay || r.days[d] {
				// The next day is an ordinary day, or a holiday whose eve
				// was an ordinary day: it gets the part after midnight.
				next := (d + 1) % 7
				if err := add(&week[next], after, r, value); err != nil {
					return Schedule{}, err
				}
				if err := add(&holiday[next], after, r, value); err != nil {
					return Schedule{}, err
				}
			}
		}
	}
	if !namesWeek {
		return Schedule{}, unsupported(value, 0, "aucun jour de la semaine, seulement les jours fériés")
	}
	s := Schedule{Week: week}
	if namesHolidays {
		for d := 1; d < 7; d++ {
			if !holiday[d].Equal(holiday[0]) {
				return Schedule{}, unsupported(value, holidayRule(rules).off,
					"horaires des jours fériés qui changent selon le jour de la semaine où ils tombent")
			}
		}
		s.HolidaysStated, s.Holidays = true, holiday[0]
	}
	return s, nil
}

// apply makes rule r act on the hours h of one day it names.
func apply(h *Hours, r rule, value string) error {
	if r.spans == nil {
		*h = Hours{Unknown: r.state == stateUnknown, Comment: r.comment}
		if r.state != stateClosed {
			h.Intervals = []Interval{{0, MinutesPerDay}}
		}
		return nil
	}
	today := make([]Interval, len(r.spans))
	for i, s := range r.spans {
		today[i] = Interval{s.Start, min(s.End, MinutesPerDay)}
	}
	if !r.additive {
		*h = Hours{Intervals: normalize(today), Unknown: r.state == stateUnknown, Comment: r.comment}
		return nil
	}
	return add(h, today, r, value)
}

// add adds intervals of rule r to the hours h. A day keeps one state and one
// comment: mixing states or comments within a day is refused.
func add(h *Hours, ivs []Interval, r rule, value string) error {
	unknown := r.state == stateUnknown
	if h.Open() && (h.Unknown != unknown || h.Comment != r.comment) || !h.Open() && h.Comment != "" {
		return unsupported(value, r.off, "états ou commentaires différents au cours d’une même journée")
	}
	h.Unknown, h.Comment = unknown, r.comment
	h.Intervals = normalize(append(slices.Clip(h.Intervals), ivs...))
	return nil
}

// normalize sorts intervals and merges those that overlap or touch:
// 08:00-12:00,12:00-14:00 is open from 8 to 14 without a break.
func normalize(ivs []Interval) []Interval {
	slices.SortFunc(ivs, func(a, b Interval) int { return cmp.Compare(a.Start, b.Start) })
	out := ivs[:0]
	for _, iv := range ivs {
		if n := len(out); n > 0 && iv.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, iv.End)
			continue
		}
		out = append(out, iv)
	}
	return out
}

// holidayRule returns the first rule naming public holidays.
func holidayRule(rules []rule) rule {
	for _, r := range rules {
		if r.holidays {
			return r
		}
	}
	return rule{}
}

func unsupported(value string, off int, feature string) error {
	return &UnsupportedError{Value: value, Offset: off, Feature: feature}
}
