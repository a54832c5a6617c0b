package layout

import (
	"fmt"

	"livret/guide"
	"livret/texte"
)

// LeafletPages is the length of a leaflet: one sheet, printed on both sides.
const LeafletPages = 2

// TooLongError says that a selection does not fit a leaflet. The type is
// never made smaller to make it fit.
type TooLongError struct {
	Places, Fitted int
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("la sélection compte %d lieux, mais le dépliant (une feuille recto verso) n’en contient que %d en gros caractères : "+
		"réduisez la sélection (--rayon, --commune, --service) ou faites un guide avec « livret guide »", e.Places, e.Fitted)
}

// Leaflet lays out a leaflet: one A4 sheet, both sides, with the title,
// the places in very large type (the nearest first when the selection was
// made by distance), then the helpline and a QR code to the online map of
// all places. If it does not all fit, it returns a *TooLongError.
func Leaflet(g *guide.Guide, th Theme) (*Book, error) {
	all := places(g)
	book, err := leaflet(g, all, th)
	if err != nil || len(book.Pages) <= LeafletPages {
		return book, err
	}
	// Say how many places would fit, the nearest first, with the rest of
	// the leaflet.
	fitted := 0
	for k := len(all) - 1; k > 0; k-- {
		if b, err := leaflet(g, all[:k], th); err == nil && len(b.Pages) <= LeafletPages {
			fitted = k
			break
		}
	}
	return nil, &TooLongError{Places: len(all), Fitted: fitted}
}

func leaflet(g *guide.Guide, entries []guide.Entry, th Theme) (*Book, error) {
	footer := func(page, pages int) string {
		return fmt.Sprintf("Édité le %s · page %d sur %d", g.Edition, page, pages)
	}
	book, err := settle(th, footer, func(lc *context) []element {
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
		st := entryStyle{heading: "H2", name: th.h2(), phone: th.phone(), compact: true}
		for i := range entries {
			e := entries[i]
			if e.Distance != "" {
				e.Address = append(append([]string(nil), e.Address...), e.Distance)
			}
			flow = append(flow, lc.entry(&e, lc.root, st))
		}
		// What to keep in mind comes after the places, which matter most.
		flow = append(flow, glue(th.gap()))
		for _, h := range g.Helplines {
			flow = append(flow, lc.helpline(lc.root, h)...)
		}
		if g.MapURL != "" && th.QR {
			flow = append(flow, lc.mapLink(g.MapURL))
		}
		return flow
	})
	if err != nil {
		return nil, err
	}
	book.Title = g.Title + " – " + g.Territory
	return book, nil
}

// mapLink is the QR code of the online map, with its address written out.
func (lc *context) mapLink(url string) group {
	th := lc.th
	p := lc.root.add("P")
	text := p.add("Span")
	link := p.add("Link")
	short := texte.ShortURL(url)
	size := max(mm(30), 4*th.Size)
	qr, err := lc.memo.qrModules(url)
	if err != nil {
		lc.warn("adresse de la carte trop longue pour un code QR : " + url)
		size = 0
	}
	fig := link.figure("Code QR vers la carte en ligne : " + short)
	target := &Link{URL: url, Alt: "Carte en ligne de tous les lieux : " + short, Node: link}
	spans := []Span{
		{Text: "Tous les lieux, sur une carte en ligne :\n", Style: th.body(), Node: text},
		{Text: short, Style: th.strong(), Node: link, Link: target},
	}
	textW := th.contentWidth() - size - th.Size
	boxes := lc.para(spans, 0, textW)
	if size > 0 {
		boxes = beside(boxes, &QR{X: th.contentWidth() - size, Size: size, Modules: qr, node: fig, Link: target})
	}
	return keep(boxes)
}
