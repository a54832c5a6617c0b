package export

import (
	"context"
	"testing"

	"livret/controle"
	"livret/selection"
	"livret/source"
	"livret/territoire"
)

// national is the national file of 2023, in schema 0.1, with the problems
// real files have.
const national = "../testdata/donnees/national-v0.1-2023-02-06.json"

// checkedFiles keeps the files read by checked: the writers do not change
// the places, and the tests read the national file several times.
var checkedFiles = map[string][]selection.Selected{}

// checked reads a file as livret does: read, checked, located.
func checked(tb testing.TB, path string) []selection.Selected {
	tb.Helper()
	if places, ok := checkedFiles[path]; ok {
		return places
	}
	r, err := source.Open(context.Background(), path, source.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	places, _, err := controle.Check(r, controle.Options{Atlas: territoire.Default()})
	if err != nil {
		tb.Fatal(err)
	}
	checkedFiles[path] = selected(places, -1)
	return checkedFiles[path]
}

// selected wraps places as a selection does, at the given distance.
func selected(places []controle.Place, distance float64) []selection.Selected {
	out := make([]selection.Selected, len(places))
	for i := range places {
		out[i] = selection.Selected{Place: &places[i], Distance: distance}
	}
	return out
}
