// Package picto holds the pictograms of livret's guides as vector outlines,
// ready for any renderer.
//
// Each pictogram is drawn in a box of 24 × 24 units, y growing downwards, as
// absolute segments of four kinds (MoveTo, LineTo, CubeTo, Close), to be
// filled in a single colour with the nonzero winding rule — the rule of the
// PDF operator f. Pictograms carry no colour: they must be understood in
// black on white, and the guide always prints them next to words. Each has a
// short French alternative text for screen readers.
//
// The drawings are Google's Material Icons, filled style (Apache License 2.0,
// see NOTICE), converted by internal/tools/pictogen.
package picto

//go:generate go run livret/internal/tools/pictogen -o icons_gen.go
