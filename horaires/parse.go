package horaires

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

type state int

const (
	stateOpen state = iota
	stateClosed
	stateUnknown
)

// A rule is one rule of an opening_hours value, such as "Mo-Fr 09:00-12:00".
type rule struct {
	off      int  // where the rule starts in the value
	additive bool // separated from the previous rule by "," instead of ";"
	everyDay bool // no day selector: every day, holidays included
	days     [7]bool
	holidays bool // PH
	// spans are the time ranges; nil means the whole day. End may pass
	// MinutesPerDay when the range goes on after midnight.
	spans   []Interval
	state   state
	comment string
}

// Parse reads an opening_hours value. It returns a *SyntaxError when s is
// not valid opening_hours syntax (free text, "Mo 14-17", "9h-12h30",
// "Mo 08:45-12:00-13:45", "Mo 09:00"…) and an error matching ErrUnsupported
// when s is valid but outside the subset this package handles.
func Parse(s string) (Schedule, error) {
	p := &parser{value: s, toks: lex(s)}
	rules, err := p.rules()
	if err != nil {
		return Schedule{}, err
	}
	return evaluate(s, rules)
}

type parser struct {
	value string
	toks  []token
	pos   int
}

func (p *parser) peek() token { return p.toks[p.pos] }

// peekAt returns the token n places ahead, or the final tEOF.
func (p *parser) peekAt(n int) token {
	if p.pos+n < len(p.toks) {
		return p.toks[p.pos+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) syntax(off int, reason string) error {
	return &SyntaxError{Value: p.value, Offset: off, Reason: reason}
}

func (p *parser) unsupported(off int, feature string) error {
	return unsupported(p.value, off, feature)
}

// rules reads the whole value: rules separated by ";" or ",". Empty rules
// (";;", a final ";") say nothing and are skipped.
func (p *parser) rules() ([]rule, error) {
	var rules []rule
	additive := false
	for {
		switch t := p.peek(); {
		case t.kind == tEOF:
			if additive {
				return nil, p.syntax(t.off, "règle attendue après la virgule")
			}
			if len(rules) == 0 {
				return nil, p.syntax(t.off, "aucun horaire")
			}
			return rules, nil
		case t.is(';') && !additive:
			p.next()
			continue
		}
		r, err := p.rule(additive)
		if err != nil {
			return nil, err
		}
		rules = append(rules, r)
		switch t := p.next(); {
		case t.kind == tEOF:
			return rules, nil
		case t.is(';'):
			additive = false
		case t.is(','):
			additive = true
		default:
			return nil, p.afterRule(t)
		}
	}
}

// afterRule explains what is wrong with t, found where a rule should end.
func (p *parser) afterRule(t token) error {
	switch {
	case t.is('|') && p.peek().is('|'):
		return p.unsupported(t.off, "horaire de repli «\u00a0||\u00a0»")
	case isDayWord(t.word()):
		return p.syntax(t.off, "«\u00a0;\u00a0» manquant entre deux règles")
	case t.kind == tNumber:
		return p.syntax(t.off, "virgule manquante entre deux plages horaires, ou heure mal écrite")
	}
	return p.badToken(t, "fin de règle attendue")
}

// rule reads one rule:
//
//	[days] [times] [open|off|closed|unknown] ["comment"]
//	24/7 [modifier] ["comment"]
func (p *parser) rule(additive bool) (rule, error) {
	t := p.peek()
	r := rule{off: t.off, additive: additive}
	hasDays, hasTimes := false, false
	switch w := t.word(); {
	case p.is247():
		p.pos += 3
		r.everyDay = true
	case isDayWord(w):
		if err := p.selector(&r); err != nil {
			return r, err
		}
		hasDays = true
	case isModifier(w) || t.kind == tComment:
		r.everyDay = true
	case isYear(t) && !p.peekAt(1).is(':'):
		return r, p.unsupported(t.off, "années")
	case t.kind == tNumber:
		// OpenStreetMap reads a time without days as every day, Sunday
		// included; in the data it always is a form whose days were
		// left out, so it is refused rather than printed as "tous les jours".
		if _, err := p.times(); err != nil {
			return r, err
		}
		return r, p.unsupported(t.off, "plage horaire sans jours de la semaine, qui vaudrait pour tous les jours, dimanche compris")
	default:
		return r, p.badToken(p.next(), "jour de la semaine attendu (Mo, Tu, We, Th, Fr, Sa, Su ou PH)")
	}

	if hasDays {
		switch t := p.peek(); {
		case p.is247():
			return r, p.syntax(t.off, "«\u00a024/7\u00a0» s’écrit seul, sans jours (pour des journées entières, écrire par exemple «\u00a0Mo-Fr 00:00-24:00\u00a0»)")
		case t.is(':'):
			return r, p.syntax(t.off, "deux-points inattendu après les jours")
		case t.kind == tNumber || t.is('(') || isSolarWord(t.word()):
			spans, err := p.times()
			if err != nil {
				return r, err
			}
			r.spans, hasTimes = spans, true
		}
	}

	modifier := ""
	if t := p.peek(); isModifier(t.word()) {
		modifier = p.next().word()
	}
	hasComment := false
	if t := p.peek(); t.kind == tComment {
		p.next()
		r.comment = t.text
		if strings.TrimSpace(t.text) == "" {
			return r, p.syntax(t.off, "commentaire vide")
		}
		if !utf8.ValidString(t.text) {
			return r, p.syntax(t.off, "commentaire illisible, texte qui n’est pas en UTF-8")
		}
		hasComment = true
	}

	// Check what follows before judging the rule: "Mo-Fr Sa" is a typo,
	// not a day selector without hours.
	if t := p.peek(); t.kind != tEOF && !t.is(';') && !t.is(',') {
		return r, p.afterRule(p.next())
	}

	switch modifier {
	case "off", "closed":
		r.state = stateClosed
		if hasTimes {
			// In OpenStreetMap, "We 10:00-11:00 off" closes part of a day
			// that earlier rules opened, unlike every other rule here.
			return r, p.unsupported(r.off, quote(modifier)+" après des heures (fermeture d’une partie de la journée)")
		}
	case "unknown":
		r.state = stateUnknown
	case "open":
		r.state = stateOpen
	default:
		if hasComment {
			r.state = stateUnknown // what opening_hours makes of a bare comment
		} else if hasDays && !hasTimes {
			return r, p.unsupported(r.off, "jours sans heures ni «\u00a0off\u00a0», qui voudraient dire ouvert jour et nuit")
		}
	}
	return r, nil
}

// is247 reports whether the next tokens read "24/7".
func (p *parser) is247() bool {
	a, b, c := p.peek(), p.peekAt(1), p.peekAt(2)
	return a.kind == tNumber && a.text == "24" && b.is('/') && c.kind == tNumber && c.text == "7" &&
		a.end == b.off && b.end == c.off
}

// selector reads a day selector such as "Mo-Fr,Su,PH".
func (p *parser) selector(r *rule) error {
	for {
		t := p.next()
		switch w := t.word(); {
		case w == "ph":
			r.holidays = true
			if n := p.peek(); n.is('+') || n.is('-') && p.peekAt(1).kind == tNumber {
				return p.unsupported(n.off, "décalage par rapport aux jours fériés (PH +1 day)")
			}
		case weekday(w) >= 0:
			from := weekday(w)
			to := from
			if err := p.nth(); err != nil {
				return err
			}
			if p.peek().is('-') {
				p.next()
				u := p.next()
				to = weekday(u.word())
				if to < 0 {
					return p.badToken(u, "jour de fin attendu après le tiret (Mo, Tu, We, Th, Fr, Sa ou Su)")
				}
				if err := p.nth(); err != nil {
					return err
				}
			}
			// A range may wrap over the weekend: Sa-Mo.
			for d := from; ; d = (d + 1) % 7 {
				r.days[d] = true
				if d == to {
					break
				}
			}
		default:
			return p.badToken(t, "jour de la semaine attendu (Mo, Tu, We, Th, Fr, Sa, Su ou PH)")
		}
		if !p.peek().is(',') || p.peekAt(1).kind != tWord || !isDayWord(p.peekAt(1).word()) && !isUnsupportedWord(p.peekAt(1).word()) {
			return nil
		}
		p.next()
	}
}

// nth refuses "Mo[1]", the first Monday of the month.
func (p *parser) nth() error {
	if t := p.peek(); t.is('[') {
		return p.unsupported(t.off, "jour précis du mois (Mo[1])")
	}
	return nil
}

// times reads time ranges such as "09:00-12:00,14:00-17:00".
func (p *parser) times() ([]Interval, error) {
	var spans []Interval
	for {
		startTok := p.peek()
		start, err := p.clock()
		if err != nil {
			return nil, err
		}
		switch t := p.peek(); {
		case t.is('+'):
			return nil, p.unsupported(t.off, "heure de fermeture non précisée («\u00a0+\u00a0»)")
		case t.text == "–" || t.text == "—":
			return nil, p.syntax(t.off, "tiret long entre les heures, écrire un trait d’union comme dans 09:00-12:00")
		case !t.is('-'):
			return nil, p.syntax(t.off, "heure de fin manquante, écrire une plage comme 09:00-12:00")
		}
		p.next()
		end, err := p.clock()
		if err != nil {
			return nil, err
		}
		switch t := p.peek(); {
		case t.is('-'):
			return nil, p.syntax(t.off, "plage horaire à trois heures, écrire par exemple 08:45-12:00,13:45-17:00")
		case t.is('+'):
			return nil, p.unsupported(t.off, "heure de fermeture non précisée («\u00a0+\u00a0»)")
		case t.is('/'):
			return nil, p.unsupported(t.off, "horaires répétés à intervalle régulier («\u00a0/\u00a0»)")
		}
		switch {
		case start >= MinutesPerDay:
			return nil, p.syntax(startTok.off, "l’heure de début doit précéder 24:00")
		case end == start:
			// OpenStreetMap reads 14:00-14:00 as 24 hours in a row; in
			// the data it is always a slip.
			return nil, p.unsupported(startTok.off, "plage horaire qui finit à l’heure où elle commence (24 heures d’affilée)")
		case end < start:
			end += MinutesPerDay // past midnight: 22:00-02:00
		}
		if end-start > MinutesPerDay {
			return nil, p.unsupported(startTok.off, "plage horaire de plus de 24 heures")
		}
		spans = append(spans, Interval{start, end})
		if !p.peek().is(',') || p.peekAt(1).kind != tNumber {
			return spans, nil
		}
		p.next()
	}
}

// clock reads a time of day "HH:MM" and returns it in minutes; hours go up
// to 48 for ranges that end the next day (22:00-26:00).
func (p *parser) clock() (int, error) {
	t := p.next()
	switch {
	case t.is('(') || isSolarWord(t.word()):
		return 0, p.unsupported(t.off, "heures liées au soleil (sunrise, sunset…)")
	case t.kind != tNumber:
		return 0, p.badToken(t, "heure attendue, comme 09:00")
	}
	colon := p.peek()
	switch {
	case colon.is(':') && colon.off == t.end:
	case colon.kind == tWord && colon.off == t.end && strings.HasPrefix(colon.word(), "h"):
		return 0, p.syntax(t.off, "heure écrite avec «\u00a0h\u00a0», écrire 09:00 et non 9h, 12:30 et non 12h30")
	case colon.is('.') && colon.off == t.end:
		return 0, p.syntax(colon.off, "séparateur «\u00a0.\u00a0», écrire 09:00 et non 09.00")
	default:
		return 0, p.syntax(t.off, "heure sans minutes, écrire 14:00 et non 14")
	}
	p.next()
	m := p.next()
	if m.kind != tNumber || m.off != colon.end || len(m.text) != 2 {
		return 0, p.syntax(colon.end, "minutes attendues sur deux chiffres, comme 09:00")
	}
	if len(t.text) > 2 {
		return 0, p.syntax(t.off, "heure invalide "+quote(t.text))
	}
	h, _ := strconv.Atoi(t.text)
	min, _ := strconv.Atoi(m.text)
	switch {
	case min > 59:
		return 0, p.syntax(m.off, "minutes supérieures à 59")
	case h*60+min > 2*MinutesPerDay:
		return 0, p.syntax(t.off, "heure au-delà de 48:00")
	}
	return h*60 + min, nil
}

// badToken explains why t cannot stand where want was expected, telling
// apart valid OpenStreetMap words outside the subset from mistakes.
func (p *parser) badToken(t token, want string) error {
	w := t.word()
	switch {
	case t.kind == tEOF:
		return p.syntax(t.off, want+", fin du texte trouvée")
	case isMonth(w):
		return p.unsupported(t.off, "mois (Jan, Feb…)")
	case w == "week":
		return p.unsupported(t.off, "numéros de semaine (week)")
	case w == "sh":
		return p.unsupported(t.off, "vacances scolaires (SH)")
	case w == "easter":
		return p.unsupported(t.off, "dates liées à Pâques (easter)")
	case isSolarWord(w):
		return p.unsupported(t.off, "heures liées au soleil (sunrise, sunset…)")
	case isFrenchDay(w):
		return p.syntax(t.off, "jour écrit en toutes lettres, écrire Mo, Tu, We, Th, Fr, Sa ou Su")
	case isEnglishDay(w):
		return p.syntax(t.off, "jour "+quote(t.text)+", écrire Mo, Tu, We, Th, Fr, Sa ou Su")
	case isModifier(w):
		return p.syntax(t.off, quote(t.text)+" mal placé, "+want)
	case t.is('|'):
		return p.unsupported(t.off, "horaire de repli «\u00a0||\u00a0»")
	case t.kind == tWord:
		return p.syntax(t.off, "mot inattendu "+quote(t.text)+", "+want)
	case t.kind == tComment:
		return p.syntax(t.off, "commentaire mal placé, "+want)
	case t.kind == tOther && t.text == "\"":
		return p.syntax(t.off, "guillemet fermant manquant après le commentaire")
	case t.kind == tOther && (t.text == "“" || t.text == "”" || t.text == "«" || t.text == "»"):
		return p.syntax(t.off, "guillemets typographiques, entourer les commentaires de guillemets droits \"…\"")
	}
	return p.syntax(t.off, quote(t.text)+" inattendu, "+want)
}

var weekdays = [7]string{"mo", "tu", "we", "th", "fr", "sa", "su"}

// weekday returns the day for an abbreviation in lower case, or -1.
func weekday(w string) Day {
	for d, name := range weekdays {
		if w == name {
			return Day(d)
		}
	}
	return -1
}

// isYear reports a number that reads as a year of opening_hours (2025),
// rather than a time missing its colon (0900).
func isYear(t token) bool {
	return t.kind == tNumber && len(t.text) == 4 && (strings.HasPrefix(t.text, "19") || strings.HasPrefix(t.text, "20"))
}

func isDayWord(w string) bool { return w == "ph" || weekday(w) >= 0 }

func isModifier(w string) bool {
	return w == "open" || w == "off" || w == "closed" || w == "unknown"
}

// isUnsupportedWord reports valid OpenStreetMap day words outside the
// subset, so that "Mo,SH" is reported as such rather than as a typo.
func isUnsupportedWord(w string) bool {
	return w == "sh" || w == "easter" || isMonth(w)
}

func isMonth(w string) bool {
	switch w {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

func isSolarWord(w string) bool {
	return w == "sunrise" || w == "sunset" || w == "dawn" || w == "dusk"
}

func isFrenchDay(w string) bool {
	for _, name := range dayNames {
		if w == name || w == name+"s" {
			return true
		}
	}
	return false
}

func isEnglishDay(w string) bool {
	switch w {
	case "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}
