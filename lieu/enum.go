package lieu

import (
	"cmp"
	"slices"
	"strings"

	"livret/internal/memo"
	"livret/texte"
)

// destination is where a source value lands: a canonical value of a
// vocabulary, or, when vocab is nil, a free-text entry of OtherLabels.
type destination struct {
	vocab *Vocabulary
	value string
}

// oldValues maps folded values of older schemas to their 1.x destinations.
// An entry with no destination is a value that 1.x dropped on purpose
// (e.g. the public « Adultes »: every place welcomes adults).
type oldValues map[string][]destination

// enumColumn decodes a column holding values of one or more vocabularies.
type enumColumn struct {
	old      oldValues
	targets  []*Vocabulary
	keepRest bool     // values outside every vocabulary go to OtherLabels
	quiet    bool     // and that is no news
	keys     []string // every folded value recognised, longest first
	// cells remembers the cells read: a file repeats the same few lists.
	cells *memo.Memo[string, enumCell]
}

func enum(old oldValues, targets ...*Vocabulary) column {
	return newEnumColumn(old, false, targets).decode
}

// enumKeepingRest is enum for columns such as labels_nationaux, whose
// values outside the vocabulary are real labels worth keeping.
func enumKeepingRest(old oldValues, targets ...*Vocabulary) column {
	return newEnumColumn(old, true, targets).decode
}

func newEnumColumn(old oldValues, keepRest bool, targets []*Vocabulary) *enumColumn {
	e := &enumColumn{old: old, targets: targets, keepRest: keepRest, cells: memo.New[string, enumCell](1 << 12)}
	for k := range old {
		e.keys = append(e.keys, k)
	}
	for _, v := range targets {
		for k := range v.index {
			e.keys = append(e.keys, k)
		}
	}
	slices.SortFunc(e.keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	e.keys = slices.Compact(e.keys)
	return e
}

func (e *enumColumn) decode(d *decoder, name, value string) {
	c := e.cells.Get(value, func() enumCell { return e.read(value) })
	d.assign(c.dests)
	for _, n := range c.notes {
		d.note(name, n[0], n[1])
	}
}

// enumCell is what a cell of an enumerated column gives: its values (those
// of no vocabulary go to OtherLabels) and its notes, problem and action,
// without the column's name.
type enumCell struct {
	dests []destination
	notes [][2]string
}

// read reads one cell.
func (e *enumColumn) read(value string) enumCell {
	var c enumCell
	for _, tok := range splitAny(value, "|;") {
		if dests, ok := e.lookup(tok); ok {
			c.dests = append(c.dests, dests...)
			continue
		}
		if dests, ok := e.lookupCommaJoined(tok); ok {
			c.dests = append(c.dests, dests...)
			continue
		}
		if dests := e.scan(tok); len(dests) > 0 {
			c.dests = append(c.dests, dests...)
			c.notes = append(c.notes, [2]string{"valeur non conforme « " + tok + " »", "lue comme " + describe(dests)})
			continue
		}
		if e.keepRest {
			c.dests = append(c.dests, destination{nil, tok})
			if e.quiet {
				continue
			}
			c.notes = append(c.notes, [2]string{"valeur « " + tok + " » hors nomenclature", "conservée parmi les autres labels"})
			continue
		}
		c.notes = append(c.notes, [2]string{"valeur « " + tok + " » hors nomenclature", "ignorée"})
	}
	return c
}

// lookup finds the destinations of one value: a canonical value of a
// target vocabulary, an old value, or the short form before " : " that
// schema 0.1 values start with ("Gratuit : Je peux accéder…").
func (e *enumColumn) lookup(s string) ([]destination, bool) {
	key := texte.Fold(s)
	if key == "" {
		return nil, true
	}
	if dests, ok := e.find(key); ok {
		return dests, true
	}
	if head, _, ok := strings.Cut(s, " : "); ok {
		return e.find(texte.Fold(head))
	}
	if head, _, ok := strings.Cut(s, " :"); ok {
		return e.find(texte.Fold(head))
	}
	return nil, false
}

func (e *enumColumn) find(key string) ([]destination, bool) {
	if dests, ok := e.old[key]; ok {
		return dests, true
	}
	for _, v := range e.targets {
		if c, ok := v.index[key]; ok {
			return []destination{{v, c}}, true
		}
	}
	return nil, false
}

// lookupCommaJoined reads the 2022 draft's lists, joined with ", ". Values
// may themselves contain commas, so pieces are joined back greedily,
// longest first; every piece must belong to a known value.
func (e *enumColumn) lookupCommaJoined(s string) ([]destination, bool) {
	pieces := strings.Split(s, ",")
	if len(pieces) < 2 {
		return nil, false
	}
	var all []destination
	for i := 0; i < len(pieces); {
		found := false
		for j := len(pieces); j > i; j-- {
			if dests, ok := e.lookup(strings.Join(pieces[i:j], ",")); ok {
				all = append(all, dests...)
				i, found = j, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return all, true
}

// scan recovers known values written inside a free sentence, such as
// "Prendre en main un ordinateur Devenir autonome dans les démarches
// administratives", which real files contain.
func (e *enumColumn) scan(s string) []destination {
	text := " " + texte.Fold(s) + " "
	type hit struct {
		at    int
		dests []destination
	}
	var hits []hit
	for _, key := range e.keys {
		k := " " + key + " "
		if i := strings.Index(text, k); i >= 0 {
			dests, _ := e.find(key)
			hits = append(hits, hit{i, dests})
			// Mask the match so that shorter keys inside it are not found again.
			text = text[:i+1] + strings.Repeat("#", len(key)) + text[i+1+len(key):]
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	var all []destination
	for _, h := range hits {
		all = append(all, h.dests...)
	}
	return all
}

func (d *decoder) assign(dests []destination) {
	for _, dst := range dests {
		if dst.vocab == nil {
			d.l.OtherLabels = append(d.l.OtherLabels, dst.value)
			continue
		}
		p := d.l.Values(dst.vocab)
		*p = append(*p, dst.value)
	}
}

func describe(dests []destination) string {
	names := make([]string, 0, len(dests))
	for _, d := range dests {
		names = append(names, d.value)
	}
	return quoteList(slices.Compact(names))
}

// old builds an oldValues table from plain old spellings.
func old(pairs map[string][]destination) oldValues {
	t := oldValues{}
	for k, v := range pairs {
		t[texte.Fold(k)] = v
	}
	return t
}

func to(v *Vocabulary, values ...string) []destination {
	dests := make([]destination, len(values))
	for i, val := range values {
		if v != nil {
			if _, ok := v.Canonical(val); !ok {
				panic("lieu: " + val + " is not a value of " + v.Field)
			}
		}
		dests[i] = destination{v, val}
	}
	return dests
}

// The correspondence of schema 0.1 values to 1.x, from ANCT's mednum-cli
// (conseiller-numerique.config.json), completed with spellings seen in
// real files.
var (
	oldServices = old(map[string][]destination{
		"Devenir autonome dans les démarches administratives":           to(Services, ServiceDemarches),
		"Réaliser des démarches administratives avec un accompagnement": to(Services, ServiceDemarches),
		"Accompagner les démarches de santé":                            to(Services, ServiceDemarches),
		"Prendre en main un smartphone ou une tablette":                 to(Services, ServiceQuotidien),
		"Prendre en main un ordinateur":                                 to(Services, ServiceQuotidien),
		"Utiliser le numérique au quotidien":                            to(Services, ServiceQuotidien),
		"Approfondir ma culture numérique":                              to(Services, ServiceComprendre),
		"Promouvoir la citoyenneté numérique":                           to(Services, ServiceComprendre),
		"Favoriser mon insertion professionnelle":                       to(Services, ServiceInsertion),
		"Créer et développer mon entreprise":                            to(Services, ServiceInsertion),
		"Accéder à une connexion internet":                              to(Services, ServiceAcces),
		"Accéder à du matériel":                                         to(Services, ServiceAcces),
		"S'équiper en matériel informatique":                            to(Services, ServiceMateriel),
		"Créer avec le numérique":                                       to(Services, ServiceLoisirs),
		"Soutenir la parentalité et l'éducation avec le numérique":      to(Services, ServiceParentalite),
	})

	oldPublics = old(map[string][]destination{
		"Seniors (+ 65 ans)": to(Publics, "Seniors"),
		"Familles/enfants":   to(Publics, "Familles et/ou enfants"),
		"Jeunes (16-26 ans)": to(Publics, "Jeunes"),
		"Uniquement femmes":  to(Publics, "Femmes"),
		"Adultes":            nil,
		"Public langues étrangères": to(Support,
			"Langues étrangères (anglais)", "Langues étrangères (autres)"),
		"Handicaps psychiques": to(Support, "Handicaps mentaux"),
		"Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales": to(Support, "Handicaps mentaux"),
		"Handicaps mentaux : déficiences limitant les activités d'une personne":                        to(Support, "Handicaps mentaux"),
		"Personnes en situation d'illettrisme":                                                         to(Support, "Illettrisme"),
	})

	oldFees = old(map[string][]destination{
		"Adhésion":                  to(Fees, FeePaid),
		"Accepte le Pass numérique": to(nil, "Pass numérique accepté"),
	})

	oldLabels = old(map[string][]destination{
		"CNFS":                 to(Programmes, "Conseillers numériques"),
		"Conseiller numérique": to(Programmes, "Conseillers numériques"),
		"Conseillers numériques France Services": to(Programmes, "Conseillers numériques"),
		"Maison France Service":                  to(Programmes, "France Services"),
		"Maison France Services":                 to(Programmes, "France Services"),
		"Point relais CAF":                       to(Programmes, "Point d'accès numérique CAF"),
		"Point numérique CAF":                    to(Programmes, "Point d'accès numérique CAF"),
		"Grandes écoles du numérique":            to(Programmes, "Grande école du numérique"),
		"APTIC":                                  to(nil, "APTIC"),
		"Chèque APTIC":                           to(nil, "APTIC"),
		"Relais pôle emploi":                     to(nil, "Relais Pôle emploi"),
		"French Tech":                            to(nil, "French Tech"),
		"Campus connecté":                        to(nil, "Campus connecté"),
		"Aucun dispositif":                       nil,
	})

	oldGuidance = old(map[string][]destination{
		"Seul":            to(Guidance, "En autonomie"),
		"Avec de l'aide":  to(Guidance, "Accompagnement individuel"),
		"A ma place":      to(Guidance, "Accompagnement individuel"),
		"Dans un atelier": to(Guidance, "Dans un atelier collectif"),
		"À distance (par téléphone ou en visioconférence)": to(Guidance, "À distance"),
	})
)
