package export

import (
	"testing"

	"livret/controle"
	"livret/internal/fixtures"
	"livret/selection"
)

// national is the national file of 2023, in schema 0.1, with the problems
// real files have.
var national = fixtures.National

// checked reads a file as livret does: read, checked, located.
func checked(tb testing.TB, path string) []selection.Selected {
	return fixtures.Selected(fixtures.Checked(tb, path), -1)
}

// selected wraps places as a selection does, at the given distance.
func selected(places []controle.Place, distance float64) []selection.Selected {
	return fixtures.Selected(places, distance)
}
