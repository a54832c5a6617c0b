package main

import (
	"strings"
	"testing"

	"livret/selection"
)

// TestExplainCounts: the selection's summary writes every count as French
// numbers are written, with a non-breaking space before the thousands and
// before the words, in the reasons too.
func TestExplainCounts(t *testing.T) {
	t.Parallel()
	res := &selection.Result{Kept: make([]selection.Selected, 66),
		Excluded: map[string]int{selection.OutsideTerritory: 3739, selection.NoService: 2}}
	var b strings.Builder
	explain(&b, res)
	want := "Sélection : 66\u00a0lieux retenus ; 3\u00a0741\u00a0lieux hors critères (3\u00a0739\u00a0hors du territoire demandé, 2\u00a0n’offre pas le service demandé).\n"
	if got := b.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
