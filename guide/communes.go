package guide

import (
	"cmp"
	"math"
	"slices"

	"livret/territoire"
	"livret/texte"
)

// RefIndex is an index whose lines name the pages where things are: the
// index of communes, the index by need.
type RefIndex struct {
	Title  string // "Index des communes"
	Short  string // "Communes", the running head where Title does not hold (A5, large type); "" for none
	Anchor string // for the table of contents
	Intro  string // what the index is for, in a sentence
	Icon   string // pictogram beside the title (package picto), if any: the need of a part by need
	Lines  []RefLine
	// Compact lines are short: they are set in columns where the page is
	// wide enough, their pages flush right after dot leaders, as in a
	// table of contents, and their Pages have no words of their own.
	Compact bool
}

// RefLine is a line of a RefIndex, filed under Letter (empty for an
// index without letters): Head, what the reader looks for, in bold, then
// the pieces.
type RefLine struct {
	Letter string
	Head   string
	Icon   string // pictogram before the head, if any: the need of a line of the index by need
	// Plain heads are not bold: in the index of communes, a commune
	// without a place, so that those with places stand out.
	Plain  bool
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

// numbers are the pages of the anchors as bare numbers, for a compact
// index: "12", "12 et 15", "12 à 15".
func numbers(anchors ...string) *Pages {
	return &Pages{Anchors: anchors, Sep: ", ", Last: " et ", Range: " à "}
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

// communeIndex lists every commune of the territory in French order: one
// with places gives the pages of its section (or of its entries, when the
// guide is not by commune), one without points to the commune of the
// nearest place and to its page. A guide of one commune has none.
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
		Title:   "Index des communes",
		Short:   "Communes",
		Anchor:  CommuneIndexAnchor,
		Intro:   "En gras, les communes qui ont des lieux. Pour les autres, la page du lieu le plus proche.",
		Compact: true,
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
			line.Pieces = []Piece{{Pages: numbers(uniq(anchors)...)}}
		case r.Centre == nil:
			// Where it is, and so what is near, is unknown.
			line.Plain = true
			line.Pieces = []Piece{{Text: seeContents}}
		default:
			line.Plain = true
			line.Pieces = nearest(*r.Centre, places, entryOf)
		}
		ix.Lines = append(ix.Lines, line)
	}
	return ix
}

// seeContents sends the reader to the sommaire when no place can be
// named as the nearest.
const seeContents = "\u00a0: voir le sommaire"

// nearest points to the place nearest to a point: the page of its entry,
// bare. Its commune, « voir Nissan-lez-Enserune », would make most lines
// too long for a column, and the index of a département twice as long:
// the page names it, above the entry.
func nearest(from territoire.Point, places []Place, entryOf map[int]string) []Piece {
	best, bestKm := -1, math.Inf(1)
	for i, p := range places {
		if _, printed := entryOf[i]; p.Position != nil && printed {
			if km := territoire.Distance(from, *p.Position); km < bestKm {
				best, bestKm = i, km
			}
		}
	}
	if best < 0 {
		return []Piece{{Text: seeContents}}
	}
	return []Piece{{Pages: numbers(entryOf[best])}}
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
