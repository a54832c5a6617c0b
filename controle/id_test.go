package controle

import (
	"testing"

	"livret/source"
)

// TestPositionID checks the identifiers given to places without one: the
// position once, never « ligne-ligne-2 ».
func TestPositionID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pos  source.Position
		want string
	}{
		{source.Position{Line: 2}, "ligne-2"},
		{source.Position{Line: 40, Index: 12}, "objet-12"},
		{source.Position{Line: 7, Sheet: "Lieux ouverts"}, "lieux-ouverts-ligne-7"},
	} {
		if got := positionID(tc.pos); got != tc.want {
			t.Errorf("positionID(%+v) = %q, want %q", tc.pos, got, tc.want)
		}
	}
}
