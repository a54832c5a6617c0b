package horaires

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"livret/texte"
)

// Reading says how Read understood a value that Parse refuses.
type Reading struct {
	// How names the way it was read: "syntaxe réparée", "texte en
	// français", "semaines alternées"; empty when Parse read it as is.
	How string
	// OSM is the value written in the OpenStreetMap syntax, to put in the
	// file instead; empty when Parse read it as is.
	OSM string
}

// Read reads opening hours as Parse does, and also the other forms real
// files use, always into the same Schedule:
//
//   - French free text: "Lundi au Vendredi 8h - 16h30", "Du lundi au
//     jeudi : 9h-12h30, 13h30-17h. Vendredi : 9h-12h30", "Mardi, Jeudi :
//     9h-12h Le samedi sur rendez-vous", "… fermé le mercredi";
//   - slips of the syntax: times written "9h30" or "9", a lone time ("Tu
//     08:30": « à partir de 8 h 30, à confirmer »), a range of no length
//     ("14:00-14:00", which forms leave when the end is missing) and a
//     range of three times ("09:00-12:00-14:00", a missing time), the last
//     two said as they are, to be confirmed;
//   - week rules of alternate weeks, "week 2-52/2 Tu 13:30-16:30" (« un
//     mardi sur deux, semaines paires »);
//   - HTML (<br />, <li>), read as lines.
//
// It never guesses: what it cannot read exactly, such as hours without
// days ("9h-12h30 / 13h30-17h30"), a day named twice or a remark it does
// not know, is the error Parse gives.
func Read(s string) (Schedule, Reading, error) {
	sched, err := Parse(s)
	if err == nil {
		return sched, Reading{}, nil
	}
	text := s
	if strings.ContainsAny(s, "<&") {
		text = strings.ReplaceAll(texte.StripHTML(s), "•\u00a0", "")
	}
	if m := weekRE.FindStringSubmatch(text); m != nil {
		if sch, r, e := readWeeks(m); e == nil {
			return sch, r, nil
		}
		return Schedule{}, Reading{}, err
	}
	if osm, ok := repair(text); ok {
		if sch, e := Parse(osm); e == nil {
			return sch, Reading{How: "syntaxe réparée", OSM: osm}, nil
		}
	}
	if osm, ok := french(text); ok {
		if sch, e := Parse(osm); e == nil {
			return sch, Reading{How: "texte en français", OSM: osm}, nil
		}
	}
	return Schedule{}, Reading{}, err
}

var weekRE = regexp.MustCompile(`^week (\d{1,2})-(\d{1,2})/2 (.+)$`)

// readWeeks reads a rule of alternate weeks: "week 2-52/2 Tu 13:30-16:30;
// PH off", open on even weeks only.
func readWeeks(m []string) (Schedule, Reading, error) {
	first, _ := strconv.Atoi(m[1])
	last, _ := strconv.Atoi(m[2])
	if first > 2 || last < 52 {
		return Schedule{}, Reading{}, fmt.Errorf("semaines %s à %s", m[1], m[2])
	}
	s, r, err := Read(m[3])
	if err != nil {
		return s, r, err
	}
	parity := "semaines impaires"
	if first == 2 {
		parity = "semaines paires"
	}
	for d := range s.Week {
		h := &s.Week[d]
		if !h.Open() {
			continue
		}
		note := "un " + Day(d).String() + " sur deux, " + parity
		h.Comment = strings.TrimPrefix(h.Comment+" ; "+note, " ; ")
	}
	return s, Reading{How: "semaines alternées", OSM: m[0]}, nil
}

// ruleRE is one rule of a slightly broken value: OpenStreetMap days, then
// times written with "h", without minutes, alone or three in a row.
var (
	ruleRE  = regexp.MustCompile(`^((?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:[,-](?:Mo|Tu|We|Th|Fr|Sa|Su|PH))*) +([0-9:h,-]+)$`)
	clockRE = regexp.MustCompile(`^(\d{1,2})(?:[:h](\d{2}))?h?$`)
)

// repair rewrites the slips of the syntax rule by rule, and reports
// whether the value looks like the syntax at all.
func repair(s string) (string, bool) {
	rules := strings.Split(s, ";")
	changed := false
	for i, r := range rules {
		r = strings.TrimSpace(r)
		m := ruleRE.FindStringSubmatch(r)
		if m == nil {
			rules[i] = r
			continue
		}
		times, ok := repairTimes(m[2])
		if !ok {
			return "", false
		}
		rules[i] = m[1] + " " + times
		changed = changed || rules[i] != r
	}
	return strings.Join(rules, "; "), changed
}

// repairTimes rewrites the times of one rule: ranges as they should be,
// and the times of an incomplete range said in a comment: "Tu 08:30",
// "14:00-14:00" (a form whose end was left empty), "09:00-12:00-14:00" (a
// time missing). A day given as "00:00" only is open, hours unknown.
func repairTimes(list string) (string, bool) {
	var ranges, loose []string
	unknown := false
	for _, item := range strings.Split(list, ",") {
		var mins []int
		for _, c := range strings.Split(item, "-") {
			m, ok := readClock(c)
			if !ok {
				return "", false
			}
			mins = append(mins, m)
		}
		switch {
		case len(mins) == 2 && mins[0] != mins[1]:
			ranges = append(ranges, osmClock(mins[0])+"-"+osmClock(mins[1]))
		case len(mins) <= 2 && mins[0] == 0:
			unknown = true
		case len(mins) == 2:
			loose = append(loose, clock(mins[0])) // "14:00-14:00"
		case len(mins) <= 3:
			for _, m := range mins {
				loose = append(loose, clock(m))
			}
		default:
			return "", false
		}
	}
	switch {
	case len(loose) > 0 && len(ranges) > 0:
		return strings.Join(ranges, ",") + ` "et horaire incomplet : ` + texte.Enumerate(loose) + `, à confirmer"`, true
	case len(loose) > 0:
		return `"horaire incomplet (` + texte.Enumerate(loose) + `), à confirmer"`, true
	case unknown && len(ranges) == 0:
		return "unknown", true
	case unknown:
		return "", false
	}
	return strings.Join(ranges, ","), true
}

func readClock(c string) (int, bool) {
	m := clockRE.FindStringSubmatch(strings.TrimSpace(c))
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	if h > 24 || min > 59 || h*60+min > MinutesPerDay {
		return 0, false
	}
	return h*60 + min, true
}

func osmClock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// Times says in French a value that gives times of day and no days, which
// Read refuses ("9h-12h30 / 13h30-17h30", "08:00-17:00", "Les bureaux
// sont ouverts de 8 h 00 - 12 h 30 et de 14 h 00 - 17 h 30"): "9 h – 12 h
// 30 et 13 h 30 – 17 h 30". The guide prints it with the days to be
// confirmed. ok is false for anything else.
func Times(s string) (string, bool) {
	toks, ok := frenchTokens(strings.ReplaceAll(s, ":", "h"))
	if !ok {
		return "", false
	}
	r := &frenchReader{toks: toks}
	var parts []string
	for ; r.pos < len(r.toks); r.pos++ {
		switch t := r.toks[r.pos]; t.kind {
		case ftSep:
		case ftTo:
			if len(parts) == 0 {
				return "", false
			}
		case ftTime:
			iv, ok := r.interval()
			if !ok {
				return "", false
			}
			parts = append(parts, clock(iv.Start)+nbsp+"–"+nbsp+clock(iv.End))
		default:
			return "", false
		}
	}
	return texte.Enumerate(parts), len(parts) > 0
}

// Say gives the lines a guide prints for a value of opening hours: the
// French lines of the schedule Read finds in it, with sure set; or, when
// it cannot be read, its times followed by « jours non précisés » if it
// gives times without days, else the value itself, its HTML turned into
// lines: the reader is then told to confirm by phone.
func Say(raw string) (lines []string, sure bool) {
	if strings.TrimSpace(raw) == "" {
		return nil, true
	}
	if s, _, err := Read(texte.Clean(raw)); err == nil {
		for _, l := range s.Lines() {
			lines = append(lines, l.String())
		}
		if len(lines) > 0 {
			return lines, true
		}
	}
	if times, ok := Times(texte.Clean(raw)); ok {
		return []string{times + ", jours non précisés"}, false
	}
	for _, l := range strings.Split(texte.StripHTML(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, false
}
