package main

import (
	"io"
	"runtime"
	"slices"
	"testing"
	"weak"

	"livret/guide"
)

// TestPlacesGoOnceComposed checks that the places read and chosen are let
// go as soon as the guide is composed (a national file's are 45 MB that
// laying out and drawing need not keep), and that the command still tells
// at the end what the agent should check in them.
func TestPlacesGoOnceComposed(t *testing.T) {
	c := fromCLI(guideContext(t, "--epci", "Bordeaux Métropole", "--date", "2026-11-23"))
	c.log = io.Discard
	settings, err := readSettings(c)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		t.Fatal(err)
	}
	want := ch.toCheck(c, ch.res.Kept, settings.edition)
	places := weak.Make(&ch.places[0]) // the array of all the places read
	d, err := ch.layOut(c, guideDoc, settings, guide.ByCommune)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	if places.Value() != nil {
		t.Error("the places read are kept with the laid-out guide")
	}
	if len(d.book.Pages) < 10 {
		t.Errorf("%d pages", len(d.book.Pages))
	}
	if len(want) == 0 || !slices.Equal(d.toCheck, want) {
		t.Errorf("told at the end:\n%q\nwant\n%q", d.toCheck, want)
	}
	runtime.KeepAlive(d)
}
