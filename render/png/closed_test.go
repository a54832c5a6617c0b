package png

import (
	"testing"

	"livret/internal/closedset"
)

// TestEveryItemDrawn: the renderer's switch names every page item of
// package layout, so that a new kind of item cannot be skipped unseen.
func TestEveryItemDrawn(t *testing.T) {
	missing, err := closedset.UnhandledOf("../../layout", "item", 6, ".", "item")
	if err != nil || len(missing) > 0 {
		t.Errorf("the preview does not draw %v (%v)", missing, err)
	}
}
