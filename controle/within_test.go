package controle

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"livret/source"
	"livret/territoire"
)

// TestLocateRecordAsCheck checks, on every row of the real files, that
// the cheap reading that leaves a row outside a territory locates it in
// the commune the full check finds.
func TestLocateRecordAsCheck(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../testdata/donnees/*.json")
	if len(files) == 0 {
		t.Fatal("no real file in ../testdata/donnees")
	}
	c := &checker{opt: Options{Atlas: territoire.Default()}, locator: newLocator()}
	rows, located := 0, 0
	for _, path := range files {
		r, err := source.Open(context.Background(), path, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				continue // unreadable rows are reported by Check, never left outside
			}
			rows++
			full := c.check(rec)
			at := c.locate(rec, c.headerOf(rec))
			loc, ok := at.loc, at.ok
			if full.bad {
				continue // set aside before being located; outside a territory, only counted
			}
			if ok != (full.p.Location.Commune != nil) || ok && loc.Commune != full.p.Location.Commune {
				t.Errorf("%s %s: located %v in %v, the check finds %v", filepath.Base(path), rec.Pos, ok, loc.Commune, full.p.Location.Commune)
			}
			if ok {
				located++
			}
		}
		r.Close()
	}
	if rows < 5000 || located < rows*9/10 {
		t.Errorf("%d rows, %d located: too few to test the reading", rows, located)
	}
}

// TestWithin checks a check kept to a territory on the real national
// file: every row is still accounted for, the rows outside are counted
// and not reported, and the places of the territory are those the full
// check gives.
func TestWithin(t *testing.T) {
	t.Parallel()
	const path = "../testdata/donnees/national-v0.1-2023-02-06.json"
	atlas := territoire.Default()
	gironde, err := atlas.Resolve(territoire.KindDepartement, "Gironde")
	if err != nil {
		t.Fatal(err)
	}
	check := func(within func(territoire.Location) bool) ([]Place, *Report) {
		r, err := source.Open(context.Background(), path, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		places, rep, err := Check(r, Options{Atlas: atlas, Within: within})
		if err != nil {
			t.Fatal(err)
		}
		return places, rep
	}
	all, full := check(nil)
	some, rep := check(gironde.Contains)
	if !rep.Balanced() || rep.Kept != len(some) || rep.Rows != full.Rows {
		t.Errorf("rows %d (%d in full), kept %d (%d places), set aside %d, merged %d, outside %d",
			rep.Rows, full.Rows, rep.Kept, len(some), rep.SetAside, rep.Merged, rep.Outside)
	}
	if rep.Outside < full.Rows/2 || rep.Checked() != rep.Rows-rep.Outside {
		t.Errorf("%d rows outside the Gironde, %d checked, of %d", rep.Outside, rep.Checked(), rep.Rows)
	}
	if rep.Warnings() >= full.Warnings() {
		t.Errorf("%d warnings within the Gironde, %d in the whole file: the rows outside were reported", rep.Warnings(), full.Warnings())
	}
	if !rep.Newest(some).Equal(full.Newest(all)) {
		t.Errorf("newest date %v, the whole file's is %v", rep.Newest(some), full.Newest(all))
	}
	want := map[source.Position]bool{}
	for _, p := range all {
		if gironde.Contains(p.Location) {
			want[p.Pos] = true
		}
	}
	got := 0
	for _, p := range some {
		if p.Location.Commune == nil {
			continue // unlocated rows are checked in full, to say why
		}
		if !gironde.Contains(p.Location) {
			t.Errorf("%s: %s kept, outside the Gironde", p.Pos, p.Name)
		}
		if !want[p.Pos] {
			t.Errorf("%s: %s kept, the full check merged it or set it aside", p.Pos, p.Name)
		}
		got++
	}
	if got != len(want) || got < 20 {
		t.Errorf("%d places in the Gironde, the full check gives %d", got, len(want))
	}
}
