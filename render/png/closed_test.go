package png

import (
	"testing"

	"livret/internal/closedset"
)

// TestEveryItemDrawn: the renderer's switch names every page item of
// package layout, so that a new kind of item cannot be skipped unseen.
func TestEveryItemDrawn(t *testing.T) {
	members, err := closedset.Members("../../layout", "item")
	if err != nil || len(members) < 6 {
		t.Fatalf("page items of layout: %v, %v; want at least 6", members, err)
	}
	missing, err := closedset.Unhandled(".", "item", members)
	if err != nil || len(missing) > 0 {
		t.Errorf("the preview does not draw %v (%v)", missing, err)
	}
}
