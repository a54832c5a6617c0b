// Package selection keeps the places a guide is about: those in the
// territories asked for (communes, postal codes, EPCI, départements,
// régions, or a radius around a point) that offer what was asked for
// (services, publics, free of charge, accessible, without appointment,
// open on Saturday). Several values of one criterion combine with OR;
// different criteria combine with AND.
package selection

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"livret/controle"
	"livret/horaires"
	"livret/lieu"
	"livret/territoire"
	"livret/texte"
)

// Query is what a user typed, before it is resolved.
type Query struct {
	Communes, PostalCodes, EPCIs, Departements, Regions []string
	Around                                              string  // a commune or "latitude,longitude"
	Radius                                              float64 // km, with Around
	Services, Publics                                   []string
	Free, Accessible, WithoutAppointment, OpenSaturday  bool
}

// Territorial tells whether the query names a territory: a command that
// cuts a territory into guides can refuse a query without one before any
// file is read. Its fields are those Resolve turns into Areas or Centre:
// a territory field added there is added here.
func (q Query) Territorial() bool {
	return len(q.Communes)+len(q.PostalCodes)+len(q.EPCIs)+len(q.Departements)+len(q.Regions) > 0 || q.Around != ""
}

// maxRadius is half the Earth's circumference, in km: beyond, every
// place is near. (The message that refuses more says it too.)
const maxRadius = 20_000

// Criteria are a resolved query.
type Criteria struct {
	Areas        [][]territoire.Area // one list per kind of territory: OR inside, AND between
	Centre       *territoire.Point
	CentreName   string
	Radius       float64
	Services     []string
	Publics      []string
	Free         bool
	Accessible   bool
	WalkIn       bool
	OpenSaturday bool
}

// Resolve turns a query into criteria: territory names into areas, service
// and public names into values of the standard. places are the places of
// the dataset, used to find the centre of a commune the geography does not
// place precisely. Errors are French and say what to type instead.
func Resolve(atlas *territoire.Atlas, q Query, places []controle.Place) (*Criteria, error) {
	c := &Criteria{Radius: q.Radius, Free: q.Free, Accessible: q.Accessible,
		WalkIn: q.WithoutAppointment, OpenSaturday: q.OpenSaturday}
	var depts []string
	for _, d := range q.Departements {
		if a, err := atlas.Resolve(territoire.KindDepartement, d); err == nil {
			depts = append(depts, a.Code)
		}
	}
	for _, k := range []struct {
		kind    territoire.Kind
		queries []string
	}{
		{territoire.KindCommune, q.Communes}, {territoire.KindCodePostal, q.PostalCodes},
		{territoire.KindEPCI, q.EPCIs}, {territoire.KindDepartement, q.Departements},
		{territoire.KindRegion, q.Regions},
	} {
		if len(k.queries) == 0 {
			continue
		}
		var areas []territoire.Area
		for _, name := range k.queries {
			a, err := atlas.ResolveIn(k.kind, name, depts)
			if err != nil {
				return nil, err
			}
			areas = append(areas, a)
		}
		c.Areas = append(c.Areas, areas)
	}
	if q.Around != "" {
		if err := c.around(atlas, q.Around, places); err != nil {
			return nil, err
		}
		// Written so that NaN fails too: it would compare as no limit.
		if !(c.Radius > 0 && c.Radius <= maxRadius) {
			return nil, errors.New("indiquez un rayon positif en kilomètres, au plus 20\u202f000, avec --rayon, par exemple --rayon 5")
		}
	}
	for _, s := range q.Services {
		vals, err := lieu.Services.Parse(s)
		if err != nil {
			return nil, err
		}
		c.Services = append(c.Services, vals...)
	}
	for _, s := range q.Publics {
		vals, err := lieu.Publics.Parse(s)
		if err != nil {
			return nil, err
		}
		c.Publics = append(c.Publics, vals...)
	}
	return c, nil
}

// around sets the centre of a selection by distance: a position, or the
// centre of a commune. A commune the geography only places at its
// département's centre gets the median position of its places.
func (c *Criteria) around(atlas *territoire.Atlas, where string, places []controle.Place) error {
	if p, err := territoire.ParsePoint(where); err == nil {
		c.Centre, c.CentreName = &p, where
		return nil
	}
	a, err := atlas.Resolve(territoire.KindCommune, where)
	if err != nil {
		return err
	}
	c.CentreName = a.Name
	if a.Centre.Known() && a.Centre.Origin != territoire.CentreFromDepartement {
		p := a.Centre.Point
		c.Centre = &p
		return nil
	}
	var lats, lons []float64
	for _, p := range places {
		if p.Location.Commune != nil && slices.Contains(a.Communes, p.Location.Commune.Code) && p.Position.Known() {
			lats, lons = append(lats, p.Position.Lat), append(lons, p.Position.Lon)
		}
	}
	if len(lats) == 0 {
		return fmt.Errorf("la position du centre de %s est inconnue : indiquez-la en degrés, par exemple --autour \"44.89,-0.72\"", a.Name)
	}
	p := territoire.Point{Lat: median(lats), Lon: median(lons)}
	c.Centre = &p
	return nil
}

func median(v []float64) float64 {
	sort.Float64s(v)
	return v[len(v)/2]
}

// Selected is a place kept, with its distance to the centre (negative
// when the selection is not by distance).
type Selected struct {
	Place    *controle.Place
	Distance float64
}

// Result is the outcome of a selection: the places kept and, for the
// report, how many were left out by each criterion (a place is counted
// under the first criterion it fails).
type Result struct {
	Kept     []Selected
	Excluded map[string]int
}

// Filtered is the number of places the criteria left out.
func (r *Result) Filtered() int {
	n := 0
	for _, v := range r.Excluded {
		n += v
	}
	return n
}

// Select applies the criteria to places. Places kept by a radius are
// sorted by distance; the others keep their order.
func Select(places []controle.Place, c *Criteria) *Result {
	res := &Result{Excluded: map[string]int{}}
	for i := range places {
		p := &places[i]
		d, why := c.match(p)
		if why != "" {
			res.Excluded[why]++
			continue
		}
		res.Kept = append(res.Kept, Selected{Place: p, Distance: d})
	}
	if c.Centre != nil {
		slices.SortStableFunc(res.Kept, func(a, b Selected) int { return cmp.Compare(a.Distance, b.Distance) })
	}
	return res
}

// Reasons a place is left out, as the report states them.
const (
	OutsideTerritory = "hors du territoire demandé"
	Unlocated        = "commune non reconnue, le lieu ne peut pas être situé"
	TooFar           = "trop loin du point choisi"
	NoPosition       = "position inconnue pour le calcul de distance"
	NoService        = "n’offre pas le service demandé"
	NoPublic         = "ne s’adresse pas au public demandé"
	NotFree          = "pas indiqué comme gratuit"
	NotAccessible    = "pas d’information d’accessibilité"
	NeedsAppointment = "accueil sans rendez-vous non indiqué"
	NotSaturday      = "pas ouvert le samedi d’après ses horaires"
)

// match returns the place's distance to the centre and, when the place is
// left out, why.
func (c *Criteria) match(p *controle.Place) (float64, string) {
	if len(c.Areas) > 0 && p.Location.Commune == nil {
		return 0, Unlocated
	}
	if !c.InTerritory(p.Location) {
		return 0, OutsideTerritory
	}
	d := -1.0
	if c.Centre != nil {
		pos, ok := position(p)
		if !ok {
			return 0, NoPosition
		}
		d = territoire.Distance(*c.Centre, pos)
		if d > c.Radius {
			return 0, TooFar
		}
	}
	l := &p.Lieu
	switch {
	case len(c.Services) > 0 && !slices.ContainsFunc(c.Services, func(s string) bool { return slices.Contains(l.Services, s) }):
		return 0, NoService
	case len(c.Publics) > 0 && len(l.Publics) > 0 && !slices.ContainsFunc(c.Publics, func(s string) bool { return slices.Contains(l.Publics, s) }):
		return 0, NoPublic
	case c.Free && !slices.Contains(l.Fees, lieu.FeeFree):
		return 0, NotFree
	case c.Accessible && !slices.Contains(l.Support, lieu.SupportMobility) && l.AccessibilityURL == "":
		return 0, NotAccessible
	case c.WalkIn && !slices.Contains(l.Access, lieu.AccessWalkIn):
		return 0, NeedsAppointment
	case c.OpenSaturday && (p.Schedule == nil || !p.Schedule.OpenOn(horaires.Saturday)):
		return 0, NotSaturday
	}
	return d, ""
}

// InTerritory reports whether a location lies in the territories asked
// for: in one of each kind. Every location does when none was asked for.
func (c *Criteria) InTerritory(loc territoire.Location) bool {
	for _, areas := range c.Areas {
		if !slices.ContainsFunc(areas, func(a territoire.Area) bool { return a.Contains(loc) }) {
			return false
		}
	}
	return true
}

// position is the place's own position, or else its commune's centre when
// the geography knows it precisely.
func position(p *controle.Place) (territoire.Point, bool) {
	if p.Position.Known() {
		return territoire.Point{Lat: p.Position.Lat, Lon: p.Position.Lon}, true
	}
	if c := p.Location.Commune; c != nil && c.Centre.Known() && c.Centre.Origin != territoire.CentreFromDepartement {
		return c.Centre.Point, true
	}
	return territoire.Point{}, false
}

// Name names the territory of a selection for a title: what was asked for
// (Describe), or else what the places kept share, their commune,
// département or région; "" when they share none.
func (c *Criteria) Name(kept []Selected) string {
	if d := c.Describe(); d != "" {
		return d
	}
	communes, depts, regions := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range kept {
		com := s.Place.Location.Commune
		if com == nil {
			return ""
		}
		communes[com.Name] = true
		depts[com.Departement.Name] = true
		regions[com.Departement.Region.Name] = true
	}
	for _, names := range []map[string]bool{communes, depts, regions} {
		if len(names) == 1 {
			for n := range names {
				return n
			}
		}
	}
	return ""
}

// radius writes a distance as a reader says it: "500 m", "2,5 km".
func radius(km float64) string {
	if km < 1 {
		return fmt.Sprintf("%d\u00a0m", int(math.Round(km*1000)))
	}
	return strings.Replace(fmt.Sprint(km), ".", ",", 1) + "\u00a0km"
}

// Describe names the selection for a title: "Bordeaux Métropole",
// "Talence et Pessac", "à moins de 5 km de Saint-Médard-en-Jalles".
func (c *Criteria) Describe() string {
	var parts []string
	for _, areas := range c.Areas {
		var names []string
		for _, a := range areas {
			names = append(names, a.Name)
		}
		parts = append(parts, texte.Enumerate(names))
	}
	if c.Centre != nil {
		parts = append(parts, "à moins de "+radius(c.Radius)+" "+texte.Of(c.CentreName))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ")
}

// Communes lists the INSEE codes of the communes of the territory asked
// for, sorted: the communes that every kind of territory asked for
// includes. It is nil when no territory was asked for (a selection by
// distance has none either).
func (c *Criteria) Communes() []string {
	var out []string
	for i, areas := range c.Areas {
		var kind []string
		for _, a := range areas {
			kind = append(kind, a.Communes...)
		}
		slices.Sort(kind)
		kind = slices.Compact(kind)
		if i == 0 {
			out = kind
			continue
		}
		out = slices.DeleteFunc(out, func(code string) bool { _, found := slices.BinarySearch(kind, code); return !found })
	}
	return out
}

// Reference is the point a leaflet counts nearness from: the centre asked
// for (--autour), or else the centre of the smallest territory asked for,
// when one of a kind was (an EPCI's is its most populous commune's, a
// département's the centre of its map). It is false when there is none,
// or when a commune is only placed at its département's centre.
func (c *Criteria) Reference() (territoire.Point, bool) {
	if c.Centre != nil {
		return *c.Centre, true
	}
	var best *territoire.Area
	for _, areas := range c.Areas {
		if len(areas) == 1 && (best == nil || len(areas[0].Communes) < len(best.Communes)) {
			best = &areas[0]
		}
	}
	if best == nil || !best.Centre.Known() || best.Centre.Origin == territoire.CentreFromDepartement {
		return territoire.Point{}, false
	}
	return best.Centre.Point, true
}

// SortNear puts the places nearest to from first; those without a
// position go last, in their order. Distances are not recorded: they
// were not asked for, and a reader would not know from where.
func SortNear(kept []Selected, from territoire.Point) {
	km := make(map[*controle.Place]float64, len(kept))
	for _, s := range kept {
		km[s.Place] = math.Inf(1)
		if pos, ok := position(s.Place); ok {
			km[s.Place] = territoire.Distance(from, pos)
		}
	}
	slices.SortStableFunc(kept, func(a, b Selected) int { return cmp.Compare(km[a.Place], km[b.Place]) })
}
