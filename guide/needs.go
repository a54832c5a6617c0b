package guide

import (
	"cmp"
	"fmt"
	"slices"

	"livret/lieu"
)

// NeedsIndexAnchor is the anchor of the index by need.
const NeedsIndexAnchor = "index-besoins"

// needsIndex lists, for each service of the standard that places of the
// guide offer, in the order of the standard, the pages of those places. A
// guide by service has none: its parts by need say more.
func needsIndex(g *Guide, places []Place, w *Words) *RefIndex {
	if g.By == ByService {
		return nil
	}
	entryOf := firstEntries(g)
	ix := &RefIndex{
		Title:  "Index par besoin",
		Anchor: NeedsIndexAnchor,
		Intro:  "Pour chaque besoin, les pages des lieux qui peuvent vous aider.",
	}
	for _, svc := range lieu.Services.Values {
		var anchors []string
		for i, p := range places {
			if a, ok := entryOf[i]; ok && slices.Contains(p.Lieu.Services, svc) {
				anchors = append(anchors, a)
			}
		}
		if len(anchors) == 0 {
			continue
		}
		head := cmp.Or(w.Services[svc], svc)
		ix.Lines = append(ix.Lines, RefLine{Head: head, Icon: ServiceIcon(svc), Pieces: []Piece{{Text: "\u00a0: "}, {Pages: pagesOf(anchors...)}}, Cont: continued(w, head)})
	}
	if len(ix.Lines) == 0 {
		return nil
	}
	return ix
}

// continued is the line that opens a page with the rest of the index line
// of head: « Emploi (suite) : ».
func continued(w *Words, head string) string {
	return Fill(cmp.Or(w.Wording.Continued, "{nom} (suite)"), "nom", head) + "\u00a0:"
}

// needParts open a guide by service, whose places follow once each,
// commune by commune: for each service asked for (else each service of
// the standard), in the order of the standard, the communes where places
// offer it, in the guide's order, each with the names and pages of these
// places. Places that name no service come last. A reader looking for
// help with a need finds the commune, then the page, without a place
// printed twice.
func needParts(g *Guide, places []Place, w *Words, only []string) []*RefIndex {
	wanted := append(slices.Clone(lieu.Services.Values), "")
	if len(only) > 0 {
		wanted = only
	}
	// A guide of one commune has its parts, not communes, under a need.
	where, byCommune := "les communes où l’on peut vous aider, le nom des lieux et leur page", "commune par commune "
	if oneCommune(g.Sections) {
		where, byCommune = "les lieux où l’on peut vous aider et leur page", ""
	}
	var out []*RefIndex
	for n, svc := range wanted {
		ix := &RefIndex{Title: cmp.Or(w.Services[svc], svc), Short: w.ShortServices[svc], Anchor: fmt.Sprintf("besoin-%d", n+1), Icon: ServiceIcon(svc)}
		if svc == "" {
			ix.Title, ix.Short = "Lieux aux services non précisés", "Autres lieux"
		}
		if len(g.Sections) > 0 && offeredByAll(places, svc) {
			// Naming every place would only repeat the guide's list.
			ix.Lines = []RefLine{{Pieces: []Piece{
				{Text: "Tous les lieux de ce guide le proposent\u00a0: ils sont décrits " + byCommune + "à partir de la "},
				{Pages: pagesOf(g.Sections[0].Anchor)}, {Text: "."}}}}
			out = append(out, ix)
			continue
		}
		for _, s := range g.Sections {
			var pieces []Piece
			for _, e := range s.Entries {
				if offers(places[e.place], svc) {
					pieces = append(pieces, Piece{Text: "\n" + e.Name + ", "}, Piece{Pages: pagesOf(e.Anchor)})
				}
			}
			switch len(pieces) {
			case 0:
				continue
			case 2: // one place: on the commune's line
				pieces[0].Text = "\u00a0: " + pieces[0].Text[1:]
			default: // a line for each place
				pieces = append([]Piece{{Text: "\u00a0:"}}, pieces...)
			}
			ix.Lines = append(ix.Lines, RefLine{Head: s.Title, Pieces: pieces, Cont: continued(w, s.Title)})
		}
		if len(ix.Lines) > 0 {
			out = append(out, ix)
		}
	}
	if len(out) > 0 {
		out[0].Intro = "Pour chaque besoin, " + where + "."
	}
	return out
}

// offeredByAll reports whether every place offers the service.
func offeredByAll(places []Place, svc string) bool {
	for _, p := range places {
		if !offers(p, svc) {
			return false
		}
	}
	return true
}

// offers reports whether a place offers the service; for svc "", whether
// it names none.
func offers(p Place, svc string) bool {
	if svc == "" {
		return len(p.Lieu.Services) == 0
	}
	return slices.Contains(p.Lieu.Services, svc)
}
