// Package corrections applies what an agent knows better than the source:
// a phone number that changed, new hours, a permanence the national file
// lacks, a place that closed. The corrections live in a file of their own
// (a workbook or a CSV with the columns of livret's export workbook, any
// subset of them, in any order), so that they survive the next download,
// and are applied to the checked places of any source.
//
// A row whose « Identifiant » is a place of the source overrides the cells
// it fills; a row with a new identifier, or none, and a name adds a place;
// « masquer » in the column « Action » hides a place. Every row is
// reported: what it changed, or why it could not be applied, such as a
// place that is no longer in the source.
package corrections

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"livret/controle"
	"livret/lieu"
	"livret/source"
	"livret/texte"
)

// ColumnAction is the column that says what to do with a place besides
// correcting it: « masquer » hides it.
const ColumnAction = "Action"

// ActionHide is the value of ColumnAction that hides a place.
const ActionHide = "masquer"

// Kind says what became of a correction.
type Kind int

const (
	Changed Kind = iota + 1 // a place of the source was corrected
	Added                   // a place was added
	Hidden                  // a place of the source was hidden
	Missing                 // the place is no longer in the source
	Refused                 // the row could not be applied
)

// Correction is what became of one row of the corrections file.
type Correction struct {
	Pos     source.Position
	ID      string
	Name    string
	Kind    Kind
	Fields  []string          // with Changed and Added: the columns applied, as headed in the file
	Changes []controle.Change // with Changed and Added: each column's value before and after
	Remarks []string          // French: what the check says of the corrected place, or why the row was refused
}

// String writes the correction in French, for the terminal and the report.
func (c Correction) String() string {
	var b strings.Builder
	if p := c.Pos.String(); p != "" {
		b.WriteString(p + "\u00a0: ")
	}
	who := "« " + c.Name + " » (" + c.ID + ")"
	switch c.Kind {
	case Changed:
		fmt.Fprintf(&b, "%s corrigé\u00a0: %s", who, strings.Join(c.Fields, ", "))
	case Added:
		fmt.Fprintf(&b, "%s ajouté", who)
	case Hidden:
		fmt.Fprintf(&b, "%s masqué", who)
	case Missing:
		fmt.Fprintf(&b, "aucun lieu d’identifiant « %s » dans la source\u00a0: correction non appliquée "+
			"(si le lieu existe toujours, donnez aussi son nom et son adresse pour l’ajouter)", c.ID)
	case Refused:
		b.WriteString("correction non appliquée")
		if c.ID != "" {
			b.WriteString(" à " + who)
		}
	}
	if len(c.Remarks) > 0 {
		b.WriteString(" ; " + strings.Join(c.Remarks, " ; "))
	}
	return b.String()
}

// Report is what a corrections file did.
type Report struct {
	File        string
	Corrections []Correction
}

// Count returns how many corrections are of kind k.
func (r *Report) Count(k Kind) int {
	n := 0
	for _, c := range r.Corrections {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Summary says in one French sentence what the file did.
func (r *Report) Summary() string {
	parts := []string{
		texte.Count(r.Count(Changed), "lieu corrigé", "lieux corrigés"),
		texte.Count(r.Count(Added), "lieu ajouté", "lieux ajoutés"),
		texte.Count(r.Count(Hidden), "lieu masqué", "lieux masqués"),
	}
	s := "Corrections de « " + r.File + " » : " + strings.Join(parts, ", ")
	if n := r.Count(Missing); n > 0 {
		s += " ; " + texte.Count(n, "correction vise un lieu absent de la source", "corrections visent des lieux absents de la source")
	}
	if n := r.Count(Refused); n > 0 {
		s += " ; " + texte.Count(n, "correction refusée", "corrections refusées")
	}
	return s + "."
}

// Apply reads every row of r and applies it to places, returning the
// places corrected; places itself is not changed. The error is for a file
// that cannot be read further.
func Apply(r *source.Reader, places []controle.Place, opt controle.Options) ([]controle.Place, *Report, error) {
	a := &applier{places: slices.Clone(places), byID: map[string]int{}, hidden: map[int]bool{}, opt: opt}
	for i, p := range a.places {
		a.byID[p.ID] = i
	}
	rep := &Report{File: r.Name()}
	for rec, rowErr := range r.Records() {
		if rowErr != nil {
			rep.Corrections = append(rep.Corrections, Correction{Pos: rec.Pos, Kind: Refused, Remarks: []string{rowErr.Error()}})
			continue
		}
		rep.Corrections = append(rep.Corrections, a.apply(rec))
	}
	return a.kept(), rep, r.Err()
}

type applier struct {
	places []controle.Place
	byID   map[string]int // identifier → index in places
	hidden map[int]bool   // indexes of the places hidden
	opt    controle.Options
}

func (a *applier) kept() []controle.Place {
	var out []controle.Place
	for i, p := range a.places {
		if !a.hidden[i] {
			out = append(out, p)
		}
	}
	return out
}

// apply applies one row of the file.
func (a *applier) apply(rec source.Record) Correction {
	var action string
	var filled []source.Field
	for _, f := range rec.Fields {
		v := strings.TrimSpace(f.Value)
		switch {
		case texte.Fold(f.Name) == texte.Fold(ColumnAction):
			action = v
		case v != "":
			filled = append(filled, f)
		}
	}
	fix, notes := lieu.Decode(func(yield func(string, string) bool) {
		for _, f := range filled {
			if !yield(f.Name, f.Value) {
				return
			}
		}
	})
	c := Correction{Pos: rec.Pos, ID: fix.ID, Name: fix.Name}
	for _, n := range notes {
		c.Remarks = append(c.Remarks, n.Field+"\u00a0: "+n.Problem+" ("+n.Action+")")
	}
	i, known := a.byID[fix.ID]
	known = known && !a.hidden[i]
	if known {
		c.Name = a.places[i].Name
	}
	switch {
	case action != "" && texte.Fold(action) != texte.Fold(ActionHide):
		c.Kind = Refused
		c.Remarks = append(c.Remarks, "action « "+action+" » inconnue : la colonne « "+ColumnAction+" » accepte seulement « "+ActionHide+" »")
	case fix.ID != "" && !known && (action != "" || fix.Name == ""):
		c.Kind = Missing
	case action != "" && known:
		c.Kind = Hidden
		a.hidden[i] = true
	case action != "":
		c.Kind = Refused
		c.Remarks = append(c.Remarks, "pour masquer un lieu, donnez son identifiant")
	case known:
		_, was, _ := controle.CheckPlace(a.places[i], a.opt)
		p, issues, ok := controle.CheckPlace(override(a.places[i], fix), a.opt)
		c.Remarks = append(c.Remarks, newRemarks(issues, was)...)
		if !ok {
			c.Kind = Refused
			break
		}
		old := a.places[i]
		a.places[i] = p
		c.Kind, c.Name = Changed, p.Name
		for _, f := range filled {
			if !lieu.IsID(f.Name) {
				c.Fields = append(c.Fields, f.Name)
				c.Changes = append(c.Changes, controle.Change{Field: f.Name, Before: value(old.Lieu, f), After: value(p.Lieu, f)})
			}
		}
	case fix.Name == "":
		c.Kind = Refused
		c.Remarks = append(c.Remarks, "ni identifiant ni nom : on ne sait pas à quel lieu l’appliquer")
	default:
		if fix.ID == "" {
			fix.ID = "correction-" + strings.ReplaceAll(texte.Fold(rec.Pos.String()), " ", "-")
			c.ID = fix.ID
		}
		p, issues, ok := controle.CheckPlace(controle.Place{Lieu: fix, Pos: rec.Pos}, a.opt)
		c.Remarks = append(c.Remarks, newRemarks(issues, nil)...)
		if !ok {
			c.Kind = Refused
			break
		}
		a.byID[p.ID] = len(a.places)
		a.places = append(a.places, p)
		c.Kind = Added
		for _, f := range filled {
			if !lieu.IsID(f.Name) {
				c.Changes = append(c.Changes, controle.Change{Field: f.Name, After: value(p.Lieu, f)})
			}
		}
	}
	return c
}

// Fixes are the corrections as the check's reports list them.
func (r *Report) Fixes() []controle.Fix {
	fixes := make([]controle.Fix, len(r.Corrections))
	for i, c := range r.Corrections {
		fixes[i] = controle.Fix{Pos: c.Pos, ID: c.ID, Name: c.Name, Outcome: c.String(), Changes: c.Changes}
	}
	return fixes
}

// value is what place l holds, as text, in the fields that column f
// fills: the column alone is decoded to find them.
func value(l lieu.Lieu, f source.Field) string {
	one, _ := lieu.Decode(func(yield func(string, string) bool) { yield(f.Name, f.Value) })
	set, held := reflect.ValueOf(one), reflect.ValueOf(l)
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	for i := range set.NumField() {
		if set.Field(i).IsZero() {
			continue
		}
		switch v := held.Field(i).Interface().(type) {
		case string:
			add(v)
		case []string:
			add(strings.Join(v, ", "))
		case time.Time:
			if !v.IsZero() {
				add(v.Format(time.DateOnly))
			}
		case lieu.Point:
			if one.Position.Lat != 0 && v.Lat != 0 {
				add(strconv.FormatFloat(v.Lat, 'f', -1, 64))
			}
			if one.Position.Lon != 0 && v.Lon != 0 {
				add(strconv.FormatFloat(v.Lon, 'f', -1, 64))
			}
		case []lieu.Extra:
			for _, e := range v {
				if e.Name == f.Name {
					add(e.Value)
				}
			}
		}
	}
	return strings.Join(parts, " ; ")
}

// newRemarks are the issues of a corrected place that the place did not
// have before: what the correction itself brings, such as a phone number
// that cannot be read.
func newRemarks(issues, before []controle.Issue) []string {
	var out []string
	for _, is := range issues {
		if slices.ContainsFunc(before, func(b controle.Issue) bool { return b.Problem == is.Problem }) {
			continue
		}
		out = append(out, is.Problem+" ("+is.Action+")")
	}
	return out
}

// override returns p with the values fix gives: every field fix fills
// replaces p's. The two coordinates are apart, so that one may be
// corrected alone; the labels go together, since one column holds both
// kinds; columns outside the standard replace those of the same name.
func override(p controle.Place, fix lieu.Lieu) controle.Place {
	l := p.Lieu
	dst, src := reflect.ValueOf(&l).Elem(), reflect.ValueOf(fix)
	for i := range src.NumField() {
		switch f := src.Field(i); {
		case f.IsZero():
		case f.Type() == reflect.TypeFor[lieu.Point](), f.Type() == reflect.TypeFor[[]lieu.Extra]():
		default:
			dst.Field(i).Set(f)
		}
	}
	if fix.Position.Lat != 0 {
		l.Position.Lat = fix.Position.Lat
	}
	if fix.Position.Lon != 0 {
		l.Position.Lon = fix.Position.Lon
	}
	if len(fix.Labels) > 0 || len(fix.OtherLabels) > 0 {
		l.Labels, l.OtherLabels = fix.Labels, fix.OtherLabels
	}
	for _, e := range fix.Extra {
		l.Extra = slices.DeleteFunc(slices.Clone(l.Extra), func(x lieu.Extra) bool { return x.Name == e.Name })
	}
	l.Extra = append(slices.Clip(l.Extra), fix.Extra...)
	p.Lieu = l
	return p
}
