package controle

import (
	"fmt"
	"slices"
	"strings"

	"livret/lieu"
	"livret/texte"
)

// keep adds the row's place, or merges it into an earlier place that is
// the same: same name and address, or same identifier and same name or
// address. Real files also reuse an identifier for unrelated places (the
// national file of 2023 joins sources whose identifiers collide): those
// are kept apart, under a new identifier, and reported. It reports
// whether the row was merged.
func (c *checker) keep(r *row) (merged bool) {
	p := r.p
	key := texte.Fold(p.Name) + "|" + texte.Fold(p.Address) + "|" + p.PostalCode
	if i, ok := c.byKey[key]; ok {
		c.merge(r, i, "même nom et même adresse")
		return true
	}
	if i, ok := c.byID[p.ID]; ok {
		first := &c.places[i]
		if texte.Fold(first.Name) == texte.Fold(p.Name) || texte.Fold(first.Address) == texte.Fold(p.Address) && p.Address != "" {
			c.merge(r, i, "même identifiant")
			return true
		}
		// Counting on from the last suffix given: a file reusing one
		// identifier a million times must not try every suffix each time.
		id := p.ID
		n := max(c.suffix[id], 2)
		for ; ; n++ {
			p.ID = fmt.Sprintf("%s-%d", id, n)
			if _, taken := c.byID[p.ID]; !taken {
				break
			}
		}
		c.suffix[id] = n + 1
		r.warn("id", "identifiant « "+id+" » déjà pris par un autre lieu : « "+first.Name+" », "+first.Pos.String(),
			"les deux lieux sont gardés ; celui-ci devient « "+p.ID+" »")
	}
	if !c.opt.Raw {
		if i, why, ok := c.near.find(&p, c.places); ok {
			c.merge(r, i, why)
			c.rep.NearDuplicates++
			c.places[i].Near = append(c.places[i].Near, "« "+p.Name+" », "+p.Pos.String()+" ("+why+")")
			return true
		}
		c.near.add(&p, len(c.places))
	}
	c.byID[p.ID] = len(c.places)
	c.byKey[key] = len(c.places)
	c.places = append(c.places, p)
	return false
}

func (c *checker) merge(r *row, i int, why string) {
	first := &c.places[i]
	r.warn("", "doublon de « "+first.Name+" », "+first.Pos.String()+" ("+why+")", "fusionné avec lui")
	c.rep.Merged++
	merge(first, &r.p)
}

// merge completes a with what b knows: empty fields of a take b's values
// (b's values win when b is more recent), lists are joined.
func merge(a, b *Place) {
	newer := b.Updated.After(a.Updated)
	text := func(dst *string, src string) {
		if src != "" && (*dst == "" || newer) {
			*dst = src
		}
	}
	la, lb := &a.Lieu, &b.Lieu
	for _, f := range []struct{ dst, src *string }{
		{&la.Pivot, &lb.Pivot}, {&la.Address, &lb.Address}, {&la.AddressComplement, &lb.AddressComplement},
		{&la.Phone, &lb.Phone}, {&la.Hours, &lb.Hours}, {&la.Summary, &lb.Summary},
		{&la.Description, &lb.Description}, {&la.Source, &lb.Source}, {&la.Parent, &lb.Parent},
		{&la.AccessibilityURL, &lb.AccessibilityURL}, {&la.BookingURL, &lb.BookingURL},
	} {
		text(f.dst, *f.src)
	}
	if newer || len(a.Phones) == 0 {
		if len(b.Phones) > 0 {
			a.Phones = b.Phones
		}
	}
	if b.Schedule != nil && (newer || a.Schedule == nil) {
		a.Schedule = b.Schedule
	}
	if !la.Position.Known() || (newer && lb.Position.Known()) {
		if lb.Position.Known() {
			la.Position = lb.Position
		}
	}
	if newer {
		la.Updated = lb.Updated
	}
	for _, f := range []struct{ dst, src *[]string }{
		{&la.Types, &lb.Types}, {&la.Emails, &lb.Emails}, {&la.Websites, &lb.Websites},
		{&la.OtherLabels, &lb.OtherLabels},
	} {
		*f.dst = union(*f.dst, *f.src)
	}
	for _, v := range lieu.Vocabularies {
		dst, src := la.Values(v), lb.Values(v)
		*dst = v.Sort(union(*dst, *src))
	}
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, v := range b {
		if !slices.ContainsFunc(out, func(x string) bool { return strings.EqualFold(x, v) }) {
			out = append(out, v)
		}
	}
	return out
}
