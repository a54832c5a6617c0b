package layout

import (
	"errors"
	"fmt"
	"strings"

	"livret/guide"
	"livret/texte"
)

// LeafletPages is the length of a leaflet: one sheet, printed on both sides.
const LeafletPages = 2

// ErrLeafletEmpty says that not even one place fits on a leaflet, with
// only its name and phone; the error Leaflet returns wraps it with what to
// do. The type is never made smaller to make it fit.
var ErrLeafletEmpty = errors.New("même un seul lieu, avec son seul nom et son téléphone, ne tient pas sur le dépliant (une feuille recto verso) avec son titre et la carte")

// leafletEmpty is ErrLeafletEmpty with the advice that fits the theme.
func leafletEmpty(th Theme) error {
	if th.Format.Name != A4.Name {
		return fmt.Errorf("%w : à cette taille de texte, le dépliant demande une feuille A4 (--format A4), ou faites un guide avec « livret guide »", ErrLeafletEmpty)
	}
	return fmt.Errorf("%w : choisissez une taille de texte plus petite (--taille %d), ou faites un guide avec « livret guide »", ErrLeafletEmpty, DefaultSize)
}

// Leaflet lays out a leaflet: one sheet, both sides, with the title, as
// many places as the sheet holds in very large type (the nearest first
// when the selection was made by distance; at most g.Leaflet.Max), what
// the sheet leaves out and where to find it, the QR code of the online map
// of all places, then the helplines.
//
// When not even one place fits so (A5, or type of 32 pt), the type stays
// as large and the leaflet says less (see leafletCuts): the places with
// their name, distance and phone only, then fewer helplines.
//
// How many places fit is found by laying out each entry once, in order,
// and paginating the entries laid out so far with the rest of the sheet:
// the work grows with the places that fit, not with the selection.
func Leaflet(g *guide.Guide, th Theme) (*Book, error) {
	if err := th.Check(); err != nil {
		return nil, err
	}
	all := places(g)
	if len(all) == 0 {
		return leaflet(g, nil, th, leafletCuts(g)[0])
	}
	for _, cut := range leafletCuts(g) {
		n, err := leafletFit(g, all, th, cut)
		if err != nil {
			return nil, err
		}
		for ; n > 0; n-- {
			book, err := leaflet(g, all[:n], th, cut)
			if err != nil || len(book.Pages) <= LeafletPages {
				return book, err
			}
		}
	}
	return nil, leafletEmpty(th)
}

// leafletCut is what a leaflet leaves out to hold one place at least.
type leafletCut struct {
	brief     bool // the places' name, distance and phone only
	helplines int  // how many of the helplines it prints
	guideName bool // the places' names in the guide's type, not larger (phones stay larger)
	noCode    bool // the online map's address without its QR code
}

// leafletCuts are the leaflets to try, from the whole one to the one that
// says least: a place to call matters more than its hours, and the place
// nearest home more than a national helpline.
func leafletCuts(g *guide.Guide) []leafletCut {
	n := len(g.Helplines)
	cuts := []leafletCut{{helplines: n}, {brief: true, helplines: n}}
	for h := min(n-1, 1); h >= 0; h-- {
		cuts = append(cuts, leafletCut{brief: true, helplines: h})
	}
	return append(cuts, leafletCut{brief: true, guideName: true}, leafletCut{brief: true, guideName: true, noCode: true})
}

// leafletFit is how many of entries, in order, fit on the sheet with the
// rest of the leaflet.
func leafletFit(g *guide.Guide, entries []guide.Entry, th Theme, cut leafletCut) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, failure(r)
		}
	}()
	limit := len(entries)
	if g.Leaflet.Max > 0 {
		limit = min(limit, g.Leaflet.Max)
	}
	lc := newContext(th, map[string]int{}, newMemo())
	lc.footer, lc.words = editedPageNumber(g.Wording, g.Edition), g.Wording
	lc.dry = true // trials count pages, they draw none
	flow := lc.leafletHead(g)
	for n < limit {
		e := lc.leafletEntry(entries[n], cut)
		trial := append(append(flow[:len(flow):len(flow)], e), lc.leafletEnd(g, n+1, cut)...)
		if len(lc.paginate(trial).Pages) > LeafletPages {
			break
		}
		flow = append(flow, e)
		n++
	}
	return n, nil
}

// leaflet lays out the leaflet of the given entries.
func leaflet(g *guide.Guide, entries []guide.Entry, th Theme, cut leafletCut) (*Book, error) {
	book, err := settle(th, g.Wording, editedPageNumber(g.Wording, g.Edition), func(lc *context) []element {
		flow := lc.leafletHead(g)
		for _, e := range entries {
			flow = append(flow, lc.leafletEntry(e, cut))
		}
		return append(flow, lc.leafletEnd(g, len(entries), cut)...)
	})
	if err != nil {
		return nil, err
	}
	book.Title = g.DocumentTitle()
	return book, nil
}

// leafletHead is the title and the territory.
func (lc *context) leafletHead(g *guide.Guide) []element {
	th := lc.th
	flow := []element{newPage{furniture: true}}
	w := th.contentWidth()
	h1 := lc.root.add("H1")
	for _, b := range lc.para([]Span{{Text: g.Title, Style: th.h1(), Node: h1}}, 0, w) {
		flow = append(flow, b)
	}
	if g.Territory != "" {
		p := lc.root.add("P")
		for _, b := range lc.para([]Span{{Text: g.Territory, Style: th.h2(), Node: p}}, 0, w) {
			flow = append(flow, b)
		}
	}
	return flow
}

// leafletEntry is a place in the leaflet's very large type: name, address
// with the distance, phone, hours; name, distance and phone when brief (see
// leafletCut).
func (lc *context) leafletEntry(e guide.Entry, cut leafletCut) group {
	th := lc.th
	if cut.brief {
		e.Hours, e.Closure = guide.Hours{}, ""
		if len(e.Phones) > 0 { // with no phone, the address is the way to it
			e.Address, e.Directions = nil, ""
		}
	}
	if e.Distance != "" {
		e.Address = append(append([]string(nil), e.Address...), e.Distance)
	}
	name := th.leafletName()
	if cut.guideName {
		name = th.h2()
	}
	return lc.entry(&e, lc.root, entryStyle{heading: "H2", name: name, phone: th.leafletPhone(), compact: true})
}

// leafletEnd is what follows the places, which matter most: how many
// others there are and where to find them, the online map, the helplines.
func (lc *context) leafletEnd(g *guide.Guide, shown int, cut leafletCut) []element {
	th := lc.th
	withMap := g.MapURL != "" && th.QR
	flow := []element{glue(th.gap())}
	rest := g.Leaflet.Rest(shown, withMap)
	if cut.brief {
		rest = g.Leaflet.Brief(shown, withMap)
	}
	if len(rest) > 0 {
		var boxes []box
		for _, s := range rest {
			boxes = append(boxes, lc.paraLines(lc.root, s, th.strong())...)
		}
		flow = append(flow, keep(boxes), glue(th.itemGap()))
	}
	if withMap {
		// What is left out already leads to the map.
		flow = append(flow, lc.mapLink(g.MapURL, len(rest) == 0, !cut.noCode), glue(th.gap()))
	}
	for _, h := range g.Helplines[:min(cut.helplines, len(g.Helplines))] {
		flow = append(flow, lc.helpline(lc.root, h)...)
	}
	return flow
}

// mapLink is the QR code of the online map, when code is set, with its
// address written out after its introduction, when intro is set.
func (lc *context) mapLink(url string, intro, code bool) group {
	th := lc.th
	p := lc.root.add("P")
	var spans []Span
	if intro {
		spans = append(spans, Span{Text: lc.words.OnlineMap + "\n", Style: th.body(), Node: p.add("Span")})
	}
	link := p.add("Link")
	short := texte.ShortURL(url)
	size := th.leafletQR()
	var qr [][]bool
	if code {
		var err error
		if qr, err = lc.memo.qrModules(url); err != nil {
			lc.warn(guide.QRWarning(url, true))
			size = 0
		}
	} else {
		size = 0
	}
	fig := link.figure(guide.Fill(lc.words.Alt.MapQR, "adresse", short))
	target := &Link{URL: url, Alt: lc.words.OnlineMap + " " + short, Node: link}
	spans = append(spans, Span{Text: short, Style: th.strong(), Node: link, Link: target})
	textW := th.contentWidth() - size - th.columnGap()
	qrCode := &QR{X: th.contentWidth() - size, Size: size, Modules: qr, node: fig, Link: target}
	if size > 0 && !lc.fitsBetweenDots(short, th.strong(), textW) {
		// Beside the code, the address would break inside a word (A5,
		// large type): it takes the whole width, the code below it.
		boxes := lc.para(spans, 0, th.contentWidth())
		qrCode.X = 0
		return keep(append(boxes, box{height: th.itemGap()}, beside([]box{{}}, qrCode)[0]))
	}
	boxes := lc.para(spans, 0, textW)
	if size > 0 {
		boxes = beside(boxes, qrCode)
	}
	return keep(boxes)
}

// fitsBetweenDots reports whether each piece of a web address, up to and
// with its dot, fits in width: the address then breaks after its dots only.
func (lc *context) fitsBetweenDots(address string, st Style, width float64) bool {
	for _, piece := range strings.SplitAfter(address, ".") {
		if st.Face.Width(lc.printable(piece, st), st.Size) > width {
			return false
		}
	}
	return true
}
