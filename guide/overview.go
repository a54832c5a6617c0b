package guide

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"livret/territoire"
	"livret/texte"
)

// Map is the overview map of a guide: the outlines of the communes of the
// territory and a numbered marker for each place, its number printed
// beside the place's name in its entry. The list stays the accessible
// content; the map is a figure with a text alternative.
type Map struct {
	Title  string // "Carte des lieux"
	Anchor string
	Intro  string
	Alt    string // what the map shows, for a screen reader
	// Where markers crowd, the map draws a frame instead, which tells how
	// many places it holds and the page of the detail map that shows them
	// larger; a detail map may frame crowded parts of its own. IntroZones
	// is the introduction of an overview that has frames. DetailTitle,
	// DetailIntro and DetailAlt are those of a detail map ({numero}: its
	// number, from 1; {nombre}: how many places it shows); ZonePlaces and
	// ZonePage the two lines of a frame's label ({nombre}; {page}: the
	// page of its detail map). No DetailTitle: no detail map (a small
	// guide).
	IntroZones, DetailTitle, ZonePage  string
	DetailIntro, DetailAlt, ZonePlaces Counted
	Communes                           []MapCommune
	Markers                            []Marker
	Scales                             []Scale // scale bars to choose from, shortest first
}

// Counted is a phrase about a number of places, in the singular and in
// the plural; {nombre} stands for the number.
type Counted struct{ One, Many string }

// Of is the phrase for n places, n written the French way: « 1 lieu »,
// « 12 lieux ».
func (c Counted) Of(n int) string {
	return Fill(texte.Plural(n, c.One, c.Many), "nombre", texte.Number(n))
}

// MapCommune is a commune drawn on a map. Communes come in the order their
// names should be given room: those with places first, then by
// population.
type MapCommune struct {
	Name   string
	Rings  [][]territoire.Point // outline, under the even-odd rule
	Label  territoire.Point     // where the name goes: a point inside
	Places bool                 // has places of the guide
}

// Marker is a place on the map.
type Marker struct {
	Number string // "12", as in the place's entry
	At     territoire.Point
	Anchor string // the place's first entry
}

// Scale is a scale bar of Km kilometres, labelled Label.
type Scale struct {
	Km    float64
	Label string
}

// MapAnchor is the anchor of the overview map.
const MapAnchor = "carte"

// overview numbers the places of the guide in the order of their first
// entry, writes the number into every entry of each place, and makes the
// map of the territory: nil when no commune has an outline or no place a
// position.
func overview(g *Guide, places []Place, opt Options) *Map {
	m := &Map{Title: "Carte des lieux", Anchor: MapAnchor}
	withPlaces := map[string]bool{}
	for _, p := range places {
		withPlaces[p.CommuneCode] = true
	}
	var pops []int
	for _, c := range opt.Communes {
		if len(c.Outline) > 0 && c.Centre != nil {
			m.Communes = append(m.Communes, MapCommune{Name: texte.Typography(c.Name), Rings: c.Outline, Label: *c.Centre, Places: withPlaces[c.Code]})
			pops = append(pops, c.Population)
		}
	}
	if len(m.Communes) == 0 {
		return nil
	}
	numbers := map[int]string{}
	for si := range g.Sections {
		for ei := range g.Sections[si].Entries {
			e := &g.Sections[si].Entries[ei]
			p := places[e.place]
			if p.Position == nil {
				continue
			}
			n, ok := numbers[e.place]
			if !ok {
				n = strconv.Itoa(len(numbers) + 1)
				numbers[e.place] = n
				m.Markers = append(m.Markers, Marker{Number: n, At: *p.Position, Anchor: e.Anchor})
			}
			e.Number = n
		}
	}
	if len(m.Markers) == 0 {
		return nil
	}
	// Names of communes with places first, then of the most populous.
	perm := make([]int, len(m.Communes))
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int {
		ca, cb := m.Communes[a], m.Communes[b]
		if ca.Places != cb.Places {
			if ca.Places {
				return -1
			}
			return 1
		}
		return cmp.Compare(pops[b], pops[a])
	})
	sorted := make([]MapCommune, len(perm))
	for i, j := range perm {
		sorted[i] = m.Communes[j]
	}
	m.Communes = sorted
	for _, km := range []float64{1, 2, 5, 10, 20, 50, 100} {
		m.Scales = append(m.Scales, Scale{Km: km, Label: fmt.Sprintf("%g\u00a0km", km)})
	}
	m.Intro = "Chaque lieu du guide est un numéro sur la carte\u202f; le même numéro est écrit devant son nom dans la liste."
	m.IntroZones = "Chaque lieu est un numéro sur la carte, le même que devant son nom dans la liste. Un cadre renvoie à la carte, plus grande, des lieux trop serrés."
	m.DetailTitle = "Carte, détail\u00a0{numero}"
	m.DetailIntro = Counted{"Le lieu d’un cadre de la carte, en plus grand.", "Les {nombre} lieux d’un cadre de la carte, en plus grand."}
	alt := "Détail\u00a0{numero} de la carte des lieux, " + g.Territory + "\u00a0: "
	m.DetailAlt = Counted{alt + "{nombre}\u00a0lieu, numéroté comme dans la liste du guide.", alt + "{nombre}\u00a0lieux, numérotés comme dans la liste du guide."}
	m.ZonePlaces = Counted{"{nombre}\u00a0lieu", "{nombre}\u00a0lieux"}
	m.ZonePage = "page\u00a0{page}"
	// « les contours de Marseille », never « de 1 commune ».
	outlines := "de " + texte.Count(len(m.Communes), "commune", "communes")
	if len(m.Communes) == 1 {
		outlines = texte.Of(m.Communes[0].Name)
	}
	m.Alt = fmt.Sprintf("Carte des lieux, %s\u00a0: les contours %s et %s, numérotés comme dans la liste du guide.",
		g.Territory, outlines, texte.Count(len(m.Markers), "lieu", "lieux"))
	return m
}
