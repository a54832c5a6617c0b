package horaires

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// french reads opening hours written in French, as people type them in
// forms, and writes them in the OpenStreetMap syntax:
//
//	"Du lundi au jeudi : 9h-12h30, 13h30-17h. Vendredi : 9h-12h30"
//	→ "Mo,Tu,We,Th 09:00-12:30,13:30-17:00; Fr 09:00-12:30"
//
// It knows days, lists and ranges of days (« lundi, mardi et jeudi », « du
// lundi au vendredi », « week-end », « tous les jours »), times (9h, 9 h
// 30, 09h00, 9:00, 17 heures, and a bare hour next to a dash), ranges of
// times (« de 9h à 12h », « 9h - 12h », « 8h45 - 12h30 - 13h30 - 17h30 »),
// « fermé le mercredi », « fermeture le jeudi après-midi », « sauf le
// mercredi », « sur rendez-vous », a day that closes earlier (« … 13h30 -
// 17h30 (vendredi 16h30) »), a remark in brackets (« (état civil) »), and
// a day named again with other times (« lundi au vendredi 8h-12h, lundi
// 13h30-17h »: they add up). Anything else (a word it does not know,
// times without days, times of a day named twice that overlap) makes it
// give up: ok is false.
func french(s string) (osm string, ok bool) {
	toks, ok := frenchTokens(s)
	if !ok {
		return "", false
	}
	r := &frenchReader{toks: toks}
	if !r.read() {
		return "", false
	}
	return r.osm()
}

type ftKind int

const (
	ftDay     ftKind = iota // a set of days
	ftTime                  // a time of day
	ftBare                  // a number alone: an hour without "h"
	ftTo                    // « au », « à », « - »: the end of a range follows
	ftSep                   // punctuation and « et », « puis »: lists go on
	ftOff                   // « fermé »
	ftComment               // « sur rendez-vous »…
	ftExcept                // « sauf »
	ftOpen                  // « ( »
	ftClose                 // « ) »
	ftHalf                  // « matin », « après-midi »: text "am" or "pm"
)

type ftoken struct {
	kind ftKind
	days [8]bool // Monday to Sunday, then public holidays
	min  int
	text string
}

var frenchDays = map[string]int{
	"lundi": 0, "lundis": 0, "lun": 0, "mardi": 1, "mardis": 1, "mar": 1,
	"mercredi": 2, "mercredis": 2, "mer": 2, "jeudi": 3, "jeudis": 3, "jeu": 3,
	"vendredi": 4, "vendredis": 4, "ven": 4, "samedi": 5, "samedis": 5, "sam": 5,
	"dimanche": 6, "dimanches": 6, "dim": 6,
}

var nthRE = regexp.MustCompile(`^([1-4])(?:e|eme|er|ere) (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) du mois`)

// fillers carry nothing the schedule needs.
var fillers = map[string]bool{
	"de": true, "du": true, "des": true, "le": true, "les": true, "l": true, "d": true,
	"ouvert": true, "ouverts": true, "ouverte": true, "ouverture": true, "horaires": true,
	"horaire": true, "permanence": true, "permanences": true, "bureaux": true, "sont": true,
	"accueil": true, "public": true,
}

// phrases are the runs of words read as one token.
var phrases = []struct {
	words []string
	tok   ftoken
}{
	{[]string{"tous", "les", "jours"}, ftoken{kind: ftDay, days: [8]bool{true, true, true, true, true, true, true}}},
	{[]string{"tous", "les", "apres", "midi"}, ftoken{kind: ftDay, days: [8]bool{true, true, true, true, true, true, true}}},
	{[]string{"en", "periode", "scolaire"}, ftoken{kind: ftComment, text: "en période scolaire"}},
	{[]string{"jours", "feries"}, ftoken{kind: ftDay, days: [8]bool{7: true}}},
	{[]string{"week", "end"}, ftoken{kind: ftDay, days: [8]bool{5: true, 6: true}}},
	{[]string{"weekend"}, ftoken{kind: ftDay, days: [8]bool{5: true, 6: true}}},
	{[]string{"we"}, ftoken{kind: ftDay, days: [8]bool{5: true, 6: true}}},
	{[]string{"avec", "ou", "sans", "rendez", "vous"}, ftoken{kind: ftComment, text: "avec ou sans rendez-vous"}},
	{[]string{"sur", "rendez", "vous"}, ftoken{kind: ftComment, text: "sur rendez-vous"}},
	{[]string{"sur", "rdv"}, ftoken{kind: ftComment, text: "sur rendez-vous"}},
	{[]string{"jusqu", "a"}, ftoken{kind: ftTo}},
	{[]string{"horaires", "d", "ouverture"}, ftoken{kind: ftSep}},
	{[]string{"au", "public"}, ftoken{kind: ftSep}},
	{[]string{"ainsi", "que"}, ftoken{kind: ftSep}},
	{[]string{"permanence", "tel"}, ftoken{kind: ftComment, text: "permanence téléphonique"}},
	{[]string{"permanence", "telephonique"}, ftoken{kind: ftComment, text: "permanence téléphonique"}},
	{[]string{"apres", "midi"}, ftoken{kind: ftHalf, text: "pm"}},
	{[]string{"matin"}, ftoken{kind: ftHalf, text: "am"}},
	{[]string{"aux"}, ftoken{kind: ftTo}},
}

// foldFrench lowers s and removes its accents, for matching.
func foldFrench(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ù", "u", "û", "u",
		"ô", "o", "î", "i", "ï", "i", "ç", "c", "’", "'", "\u00a0", " ", "\u202f", " ", "–", "-", "—", "-").Replace(strings.ToLower(s))
}

// frenchTokens cuts a French text into the tokens of the reader.
func frenchTokens(s string) ([]ftoken, bool) {
	orig := []rune(s)
	rs := []rune(foldFrench(s))
	var words []string // pending words, matched against phrases
	var toks []ftoken
	flushWords := func() bool {
		for len(words) > 0 {
			matched := false
			for _, p := range phrases {
				if len(words) >= len(p.words) && equalWords(words[:len(p.words)], p.words) {
					toks = append(toks, p.tok)
					words = words[len(p.words):]
					matched = true
					break
				}
			}
			if matched {
				continue
			}
			w := words[0]
			words = words[1:]
			switch d, isDay := frenchDays[w]; {
			case isDay:
				t := ftoken{kind: ftDay}
				t.days[d] = true
				toks = append(toks, t)
			case w == "au" || w == "a":
				toks = append(toks, ftoken{kind: ftTo})
			case w == "et" || w == "puis":
				toks = append(toks, ftoken{kind: ftSep})
			case w == "ferme" || w == "fermee" || w == "fermes" || w == "fermeture":
				toks = append(toks, ftoken{kind: ftOff})
			case w == "sauf":
				toks = append(toks, ftoken{kind: ftExcept})
			case fillers[w]:
			default:
				return false
			}
		}
		return true
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			words = append(words, string(rs[i:j]))
			i = j
			continue
		case unicode.IsDigit(r):
			if !flushWords() {
				return nil, false
			}
			if m := nthRE.FindStringSubmatch(string(rs[i:])); m != nil {
				// « le 2e samedi du mois »
				t := ftoken{kind: ftDay}
				t.days[frenchDays[m[2]]] = true
				toks = append(toks, t, ftoken{kind: ftComment, text: "le " + m[1] + "e " + m[2] + " du mois"})
				i += utf8.RuneCountInString(m[0])
				continue
			}
			t, n, ok := frenchTime(rs[i:])
			if !ok {
				return nil, false
			}
			toks = append(toks, t)
			i += n
			continue
		}
		if unicode.IsSpace(r) || r == '\'' {
			i++
			continue
		}
		if r == '-' && len(words) > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			if _, day := frenchDays[words[len(words)-1]]; !day {
				i++ // "week-end", "rendez-vous": one phrase
				continue
			}
		}
		if !flushWords() {
			return nil, false
		}
		switch r {
		case '-':
			toks = append(toks, ftoken{kind: ftTo, text: "-"})
		case '/':
			toks = append(toks, ftoken{kind: ftSep, text: "/"})
		case ',', ';', ':', '.', '"', '\n', '!':
			toks = append(toks, ftoken{kind: ftSep})
		case '(':
			if t, n, ok := remark(orig, rs, i); ok {
				toks = append(toks, t)
				i += n
				continue
			}
			toks = append(toks, ftoken{kind: ftOpen})
		case ')':
			toks = append(toks, ftoken{kind: ftClose})
		default:
			return nil, false
		}
		i++
	}
	if !flushWords() {
		return nil, false
	}
	return toks, true
}

// remark reads words in brackets at i that say nothing of days and times
// as a comment: "Samedi : 10h-12h (état civil)". It returns the token and
// the runes used.
func remark(orig, folded []rune, i int) (ftoken, int, bool) {
	if len(orig) != len(folded) {
		return ftoken{}, 0, false
	}
	j := i + 1
	for j < len(folded) && folded[j] != ')' && folded[j] != '(' {
		if unicode.IsDigit(folded[j]) {
			return ftoken{}, 0, false
		}
		j++
	}
	if j == len(folded) || folded[j] != ')' {
		return ftoken{}, 0, false
	}
	inside := strings.TrimSpace(string(orig[i+1 : j]))
	if _, ok := frenchTokens(inside); ok || inside == "" {
		return ftoken{}, 0, false // days or words it knows: read them
	}
	return ftoken{kind: ftComment, text: inside}, j + 1 - i, true
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// frenchTime reads a time at the start of rs: "9h", "9 h 30", "09h00",
// "9:00", "17 heures", "18.30h", or a bare hour "12". It returns the token
// and the runes used.
func frenchTime(rs []rune) (ftoken, int, bool) {
	i := 0
	num := func() (int, int) {
		j := i
		for j < len(rs) && unicode.IsDigit(rs[j]) {
			j++
		}
		v, _ := strconv.Atoi(string(rs[i:j]))
		return v, j - i
	}
	skipSpace := func() int {
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		return j
	}
	h, n := num()
	if n > 2 {
		return ftoken{}, 0, false
	}
	i += n
	j := skipSpace()
	hasH := false
	switch {
	case j < len(rs) && rs[j] == 'h':
		hasH = true
		i = j + 1
		if strings.HasPrefix(string(rs[i:]), "eures") {
			i += 5
		} else if strings.HasPrefix(string(rs[i:]), "eure") {
			i += 4
		}
	case j < len(rs) && (rs[j] == ':' || rs[j] == '.') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]):
		hasH = true
		i = j + 1
	default:
		if h > 24 {
			return ftoken{}, 0, false
		}
		return ftoken{kind: ftBare, min: h * 60}, i, true
	}
	// Minutes: two digits, after the "h" or a space ("12 h 30"), not the
	// hour of the next time ("9h 14h").
	min := 0
	j = skipSpace()
	if j+1 < len(rs) && unicode.IsDigit(rs[j]) && unicode.IsDigit(rs[j+1]) && (j+2 == len(rs) || !unicode.IsDigit(rs[j+2])) {
		k := j + 2
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if !(k < len(rs) && (rs[k] == 'h' || rs[k] == ':')) || (k < len(rs) && rs[k] == 'h' && j == i) {
			min, _ = strconv.Atoi(string(rs[j : j+2]))
			i = j + 2
			if i < len(rs) && rs[i] == 'h' {
				i++ // "18.30h"
			}
		}
	}
	if !hasH || h > 24 || min > 59 || h*60+min > MinutesPerDay {
		return ftoken{}, 0, false
	}
	return ftoken{kind: ftTime, min: h*60 + min}, i, true
}

// frenchGroup is one phrase of a French schedule: days and what they get.
type frenchGroup struct {
	days      [8]bool
	intervals []Interval
	off       bool
	half      string // on a closed group: "am" or "pm", only that half
	comment   string
	until     int // a day that closes earlier: the end of its last range
}

func (g *frenchGroup) hasDays() bool {
	for _, d := range g.days {
		if d {
			return true
		}
	}
	return false
}

type frenchReader struct {
	toks   []ftoken
	pos    int
	groups []frenchGroup
}

func (r *frenchReader) peek(n int) (ftoken, bool) {
	if r.pos+n < len(r.toks) {
		return r.toks[r.pos+n], true
	}
	return ftoken{}, false
}

// read groups the tokens: a group opens with days and takes the times,
// « fermé » and comments that follow, until the next days.
func (r *frenchReader) read() bool {
	cur := &frenchGroup{}
	push := func() {
		r.groups = append(r.groups, *cur)
		cur = &frenchGroup{}
	}
	closing := false // « fermé » met: the next days are closed
	except := false  // « sauf » met: the next days are taken out
	for ; r.pos < len(r.toks); r.pos++ {
		t := r.toks[r.pos]
		switch t.kind {
		case ftDay:
			if except {
				if g, ok := r.earlier(true); ok {
					push()
					r.groups = append(r.groups, g)
					continue
				}
				for d, on := range t.days {
					if on {
						cur.days[d] = false
					}
				}
				continue
			}
			switch {
			case closing:
				if cur.hasDays() && !cur.off {
					push()
				}
				cur.off = true
			case cur.hasDays() && (len(cur.intervals) > 0 || cur.comment != "" || cur.off):
				push()
			}
			// A range of days: « lundi au vendredi », « lundi-vendredi »;
			// but « mardi-jeudi-vendredi » lists days.
			if n := r.dayChain(); n > 2 {
				for i := 0; i < n; i++ {
					for d, on := range r.toks[r.pos+2*i].days {
						cur.days[d] = cur.days[d] || on
					}
				}
				r.pos += 2*n - 2
				continue
			}
			if to, ok := r.peek(1); ok && to.kind == ftTo {
				if end, ok := r.peek(2); ok && end.kind == ftDay && single(t) >= 0 && single(end) >= 0 {
					for d := single(t); ; d = (d + 1) % 7 {
						cur.days[d] = true
						if d == single(end) {
							break
						}
					}
					r.pos += 2
					continue
				}
			}
			for d, on := range t.days {
				cur.days[d] = cur.days[d] || on
			}
		case ftTime, ftBare:
			closing, except = false, false
			iv, ok := r.interval()
			if !ok || !cur.hasDays() || cur.off {
				return false
			}
			cur.intervals = append(cur.intervals, iv)
		case ftTo:
			// After a range, a dash only separates: "9h-12h - 14h-17h",
			// "mardi de 12h à 21h - du mercredi…".
			if len(cur.intervals) == 0 {
				return false
			}
		case ftSep, ftClose:
		case ftOff:
			closing = true
			if cur.hasDays() && len(cur.intervals) == 0 && cur.comment == "" {
				cur.off = true // « le mercredi fermé »
			}
		case ftHalf:
			if cur.off {
				cur.half = t.text
			}
		case ftExcept:
			except = true
		case ftOpen:
			if g, ok := r.earlier(false); ok {
				push()
				r.groups = append(r.groups, g)
			}
		case ftComment:
			if cur.comment != "" || !cur.hasDays() && len(r.groups) > 0 {
				return false
			}
			cur.comment = t.text // before any day: « permanence tél. du lundi… »
		}
	}
	if cur.hasDays() || len(cur.intervals) > 0 || cur.comment != "" {
		r.groups = append(r.groups, *cur)
	}
	return true
}

// dayChain counts the days at the current token joined by dashes:
// "mardi-jeudi-vendredi" gives 3.
func (r *frenchReader) dayChain() int {
	n := 1
	for {
		to, ok1 := r.peek(2*n - 1)
		day, ok2 := r.peek(2 * n)
		if !ok1 || !ok2 || to.kind != ftTo || day.kind != ftDay || to.text != "-" {
			return n
		}
		n++
	}
}

// earlier reads a day that closes earlier than the others, at the current
// token: "(vendredi 16h30)", or after « sauf », "vendredi (16h30)". The
// day gets the hours of the group, its last range ending then.
func (r *frenchReader) earlier(afterExcept bool) (frenchGroup, bool) {
	pattern := []ftKind{ftOpen, ftDay, ftTime, ftClose}
	if afterExcept {
		pattern = []ftKind{ftDay, ftOpen, ftTime, ftClose}
	}
	var day, at ftoken
	for i, k := range pattern {
		t, ok := r.peek(i)
		if !ok || t.kind != k {
			return frenchGroup{}, false
		}
		switch k {
		case ftDay:
			day = t
		case ftTime:
			at = t
		}
	}
	if single(day) < 0 {
		return frenchGroup{}, false
	}
	r.pos += len(pattern) - 1
	return frenchGroup{days: day.days, until: at.min}, true
}

// single returns the day of a token naming one day, or -1.
func single(t ftoken) int {
	n, d := 0, -1
	for i, on := range t.days[:7] {
		if on {
			n, d = n+1, i
		}
	}
	if n != 1 || t.days[7] {
		return -1
	}
	return d
}

// interval reads a range of times at the current token: "9h - 12h", "9h
// à 12h", "9h-12", "14 - 17h30" (a bare hour next to a time with « h »).
func (r *frenchReader) interval() (Interval, bool) {
	start := r.toks[r.pos]
	to, ok1 := r.peek(1)
	end, ok2 := r.peek(2)
	if ok1 && ok2 && to.kind == ftSep && to.text == "/" && end.kind == ftTime {
		to.kind = ftTo // "9h/12h - 14h/17h": the slash joins, the dash separates
	}
	if !ok1 || !ok2 || to.kind != ftTo || (end.kind != ftTime && end.kind != ftBare) || start.kind == ftBare && end.kind == ftBare {
		return Interval{}, false
	}
	r.pos += 2
	if end.min <= start.min {
		return Interval{}, false // "16h30-8h00": a slip, not a night
	}
	return Interval{start.min, end.min}, true
}

// frenchDay is what the groups say of one day.
type frenchDay struct {
	named     bool
	off       bool
	intervals []Interval
	comment   string
}

// osm writes the groups in the OpenStreetMap syntax, one rule per day.
func (r *frenchReader) osm() (string, bool) {
	var week [8]frenchDay
	for _, g := range r.groups {
		if !g.hasDays() {
			return "", false
		}
		for d, on := range g.days {
			if !on {
				continue
			}
			day := &week[d]
			switch {
			case g.until > 0:
				// The day closes earlier: its last range ends then.
				if !day.named || len(day.intervals) == 0 || day.intervals[len(day.intervals)-1].Start >= g.until {
					return "", false
				}
				day.intervals[len(day.intervals)-1].End = g.until
			case g.off && g.half != "":
				var kept []Interval
				for _, iv := range day.intervals {
					if g.half == "pm" && iv.End <= 13*60 || g.half == "am" && iv.Start >= 12*60 {
						kept = append(kept, iv)
					}
				}
				if !day.named {
					return "", false // nothing to close: not understood
				}
				day.intervals = kept
				day.off = len(kept) == 0
			case g.off:
				*day = frenchDay{named: true, off: true}
			case len(g.intervals) == 0 && g.comment == "":
				return "", false // days without anything said of them
			default:
				if day.off || day.comment != "" && g.comment != "" && g.comment != day.comment || overlaps(day.intervals, g.intervals) {
					return "", false
				}
				day.named = true
				day.intervals = append(day.intervals, g.intervals...)
				if g.comment != "" {
					day.comment = g.comment
				}
			}
		}
	}
	var rules []string
	for d, day := range week {
		if !day.named {
			continue
		}
		rule := [8]string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH"}[d]
		var spans []string
		for _, iv := range day.intervals {
			spans = append(spans, osmClock(iv.Start)+"-"+osmClock(iv.End))
		}
		if len(spans) > 0 {
			rule += " " + strings.Join(spans, ",")
		}
		switch {
		case day.off:
			rule += " off"
		case day.comment != "" && len(spans) > 0:
			rule += ` open "` + day.comment + `"`
		case day.comment != "":
			rule += ` "` + day.comment + `"`
		}
		rules = append(rules, rule)
	}
	return strings.Join(rules, "; "), len(rules) > 0
}

// overlaps reports whether a range of a overlaps one of b.
func overlaps(a, b []Interval) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}
