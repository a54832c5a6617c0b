package guide

import (
	"cmp"
	"slices"

	"livret/lieu"
)

// NeedsIndexAnchor is the anchor of the index by need.
const NeedsIndexAnchor = "index-besoins"

// needsIndex lists, for each service of the standard that places of the
// guide offer, in the order of the standard, the pages of those places. A
// guide already sectioned by service has none: its table of contents says
// as much.
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
		ix.Lines = append(ix.Lines, RefLine{Head: cmp.Or(w.Services[svc], svc), Pieces: []Piece{{Text: "\u00a0: "}, {Pages: pagesOf(anchors...)}}})
	}
	if len(ix.Lines) == 0 {
		return nil
	}
	return ix
}
