package layout

import (
	"errors"
	"slices"
	"testing"

	"livret/internal/closedset"
	"livret/internal/fixtures"
)

// TestClosedSets: the flow elements and the page items are closed sets,
// and every type switch over one of them names each member (its default
// case is an error, never a silent 0).
func TestClosedSets(t *testing.T) {
	for _, set := range []struct {
		marker string
		want   []string
		anyOf  []string // a switch naming one of these is over the set
	}{
		{"element", []string{"box", "columns", "fill", "glue", "group", "newPage", "part", "rule", "spring"}, []string{"box", "glue", "group"}},
		{"item", []string{"Icon", "Image", "Path", "QR", "Rect", "Text"}, []string{"Text", "Rect", "QR"}},
	} {
		members, err := closedset.Members(".", set.marker)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(members, set.want) {
			t.Errorf("types with method %s: %v, want %v (update the consumers and this test)", set.marker, members, set.want)
		}
		switches, err := closedset.Switches(".")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, sw := range switches {
			if !sw.Names(set.anyOf...) {
				continue
			}
			n++
			if m := sw.Missing(members); len(m) > 0 {
				t.Errorf("%s: the switch of %s does not name %v", sw.Pos, sw.Func, m)
			}
		}
		if n == 0 {
			t.Errorf("no switch over the %s set found", set.marker)
		}
	}
}

// stray is an element outside the closed set, as a careless addition
// would be.
type stray struct{}

func (stray) element() {}

// TestUnknownElementIsAnError: an element the paginator does not know
// fails the layout with an error, wherever it is in the flow.
func TestUnknownElementIsAnError(t *testing.T) {
	th, _ := DefaultTheme()
	for name, flow := range map[string]func(lc *context) []element{
		"top level":     func(*context) []element { return []element{box{height: 10}, stray{}} },
		"in a group":    func(*context) []element { return []element{group{elems: []element{box{height: 10}, stray{}}}} },
		"after heading": func(lc *context) []element { return append(lc.heading("H2", "Titre", "", "", th.h2()), stray{}) },
	} {
		_, err := settle(th, fixtures.Wording(), pageNumber(fixtures.Wording()), flow)
		if !errors.As(err, new(unknownElement)) {
			t.Errorf("%s: error %v, want an unknown element", name, err)
		}
	}
}
