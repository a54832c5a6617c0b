package guide

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"livret/territoire"
	"livret/texte"
)

// RefIndex is an index whose lines name the pages where things are: the
// index of communes, the index by need.
type RefIndex struct {
	Title  string // "Index des communes"
	Anchor string // for the table of contents
	Intro  string // what the index is for, in a sentence
	Lines  []RefLine
}

// RefLine is a line of a RefIndex, filed under Letter (empty for an
// index without letters): Head, what the reader looks for, in bold, then
// the pieces.
type RefLine struct {
	Letter string
	Head   string
	Pieces []Piece
	// Cont opens the next page when a line of many lines is split:
	// "Grenoble (suite)".
	Cont string
}

// Piece is part of a line: words, or the pages of anchors.
type Piece struct {
	Text  string
	Pages *Pages
}

// Pages are printed as the numbers of the pages where the anchors land,
// each once, in order, with these words: "page 42", "pages 12, 15 et 18",
// "pages 12 à 15".
type Pages struct {
	Anchors          []string
	One, Many        string // "page", "pages"
	Sep, Last, Range string // ", ", " et ", " à "
}

// pagesOf are the pages of the anchors, in the words of the guide.
func pagesOf(anchors ...string) *Pages {
	return &Pages{Anchors: anchors, One: "page", Many: "pages", Sep: ", ", Last: " et ", Range: " à "}
}

// CommuneIndexAnchor is the anchor of the index of communes.
const CommuneIndexAnchor = "index-communes"

// Commune is a commune of the territory of a guide, with or without a
// place, for the index of communes.
type Commune struct {
	Code       string // INSEE code
	Name       string
	Centre     *territoire.Point    // nil when unknown
	Outline    [][]territoire.Point // rings under the even-odd rule, for the map; nil when unknown
	Population int
}

// alternativeSlack is how much farther, in km, than the nearest place a
// place of another commune may be to be offered as well.
const alternativeSlack = 2

// communeIndex lists every commune of the territory in French order: one
// with places gives the pages of its section (or of its entries, when the
// guide is not by commune), one without points to the nearest places,
// with their distance and page. A guide of one commune has none.
func communeIndex(g *Guide, places []Place, opt Options) *RefIndex {
	// Where each place is printed: the first entry, and the sections.
	entryOf := firstEntries(g)
	sectionsOf := make(map[int][]string, len(places))
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			if ss := sectionsOf[e.place]; len(ss) == 0 || ss[len(ss)-1] != s.Anchor {
				sectionsOf[e.place] = append(ss, s.Anchor)
			}
		}
	}
	type row struct {
		Commune
		places []int
	}
	var rows []*row
	byKey := map[string]*row{}
	for _, c := range opt.Communes {
		if byKey[c.Code] == nil {
			r := &row{Commune: c}
			byKey[c.Code] = r
			rows = append(rows, r)
		}
	}
	for i, p := range places {
		// A place the geography could not locate is filed under the
		// commune its source names.
		key := cmp.Or(p.CommuneCode, "?"+p.Commune)
		r := byKey[key]
		if r == nil {
			r = &row{Commune: Commune{Code: p.CommuneCode, Name: p.Commune}}
			byKey[key] = r
			rows = append(rows, r)
		}
		r.places = append(r.places, i)
	}
	if len(rows) < 2 || len(places) == 0 {
		return nil
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		r.Name = texte.Typography(r.Name)
		names[i] = r.Name
	}
	keys := opt.Order.Keys(names)
	perm := make([]int, len(rows))
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int { return keys[a].Compare(keys[b]) })

	ix := &RefIndex{
		Title:  "Index des communes",
		Anchor: CommuneIndexAnchor,
		Intro:  "Toutes les communes du territoire. Pour une commune sans lieu, le guide indique les lieux les plus proches, à vol d’oiseau, et leur page.",
	}
	for _, i := range perm {
		r := rows[i]
		line := RefLine{Letter: initial(opt.Order.Filed(r.Name)), Head: r.Name}
		switch {
		case len(r.places) > 0:
			var anchors []string
			for _, p := range r.places {
				if g.By != InOrder {
					anchors = append(anchors, sectionsOf[p]...)
				} else if a, ok := entryOf[p]; ok {
					anchors = append(anchors, a)
				}
			}
			line.Pieces = []Piece{{Text: ", "}, {Pages: pagesOf(uniq(anchors)...)}}
		case r.Centre == nil:
			line.Pieces = []Piece{{Text: "\u00a0: position inconnue, aucun lieu proche ne peut être indiqué"}}
		default:
			line.Pieces = append([]Piece{{Text: "\u00a0: voir "}}, nearest(*r.Centre, places, entryOf)...)
		}
		ix.Lines = append(ix.Lines, line)
	}
	return ix
}

// nearest points to the place nearest to a point and, when one in another
// commune is hardly farther, to that one too: "Moirans, à 6 km, page 42,
// ou Voreppe, à 9 km, page 45".
func nearest(from territoire.Point, places []Place, entryOf map[int]string) []Piece {
	type cand struct {
		i  int
		km float64
	}
	var cands []cand
	for i, p := range places {
		if _, printed := entryOf[i]; p.Position != nil && printed {
			cands = append(cands, cand{i, territoire.Distance(from, *p.Position)})
		}
	}
	if len(cands) == 0 {
		return []Piece{{Text: "le sommaire (la position des lieux est inconnue)"}}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.km, b.km) })
	first := cands[0]
	pieces := []Piece{{Text: whereIs(places[first.i]) + ", " + roughDistance(first.km) + ", "}, {Pages: pagesOf(entryOf[first.i])}}
	for _, c := range cands[1:] {
		if c.km > first.km+alternativeSlack {
			break
		}
		if places[c.i].Commune != places[first.i].Commune {
			pieces = append(pieces, Piece{Text: ", ou " + whereIs(places[c.i]) + ", " + roughDistance(c.km) + ", "}, Piece{Pages: pagesOf(entryOf[c.i])})
			break
		}
	}
	return pieces
}

// whereIs names where a place is for a reader: its commune, or its
// arrondissement in Paris, Lyon and Marseille ("Marseille 13e").
func whereIs(p Place) string {
	if p.District != nil {
		return districtTitle(p.District.Name)
	}
	return texte.Typography(p.Commune)
}

// roughDistance writes a distance from a commune's centre in whole
// kilometres: "à 6 km". Finer would claim a precision the centre of a
// commune does not have.
func roughDistance(km float64) string {
	if km < 1 {
		return "à moins de 1\u00a0km"
	}
	return fmt.Sprintf("à %d\u00a0km", int(math.Round(km)))
}

// firstEntries gives the anchor of the first entry of each place, by its
// index.
func firstEntries(g *Guide) map[int]string {
	out := map[int]string{}
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			if _, ok := out[e.place]; !ok {
				out[e.place] = e.Anchor
			}
		}
	}
	return out
}

// uniq drops repeated strings, keeping the first of each.
func uniq(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
