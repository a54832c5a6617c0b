package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"livret/territoire"
)

// TestEmbeddedUpToDate regenerates the atlas from the shared data folder
// and compares it with the file committed in territoire/. It needs the
// shared data, which tests may not count on: without it, it is skipped.
func TestEmbeddedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the whole geography regenerated from the shared data")
	}
	data, err := findData(".")
	if err != nil {
		t.Skipf("shared data absent, cannot check territoire/atlas.tsv.gz: %v", err)
	}
	for _, f := range sharedPlaceFiles {
		if _, err := os.Stat(filepath.Join(data, f)); err != nil {
			t.Skipf("shared dataset absent, cannot check territoire/atlas.tsv.gz: %v", err)
		}
	}
	atlas, outlines, _, err := Generate(data, sharedPlaceFiles)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name  string
		fresh []byte
	}{{"atlas.tsv.gz", atlas}, {"outlines.bin.gz", outlines}} {
		committed, err := os.ReadFile(filepath.Join("..", "..", "..", "territoire", f.name))
		if err != nil {
			t.Fatal(err)
		}
		// Compare the content: gzip bytes may differ between Go releases.
		got, want := gunzip(t, committed), gunzip(t, f.fresh)
		if got == want {
			continue
		}
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("territoire/%s is stale (run go generate ./territoire); line %d:\n got %.200q\nwant %.200q", f.name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("territoire/%s is stale (run go generate ./territoire): %d lines, want %d", f.name, len(gl), len(wl))
	}
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// TestGenerateSample runs the generator on the small extract in testdata/:
// three départements, a merged commune, Paris with two arrondissements,
// two EPCI, and places, some of them duplicated or wrong.
func TestGenerateSample(t *testing.T) {
	b, ob, stats, err := Generate(filepath.Join("testdata", "data"), []string{"lieux/lieux.json", "lieux/copie.json"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := territoire.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if want := "4 communes, 2 EPCI et EPT, 3 départements, 3 régions; " +
		"8 lieux positionnés lus, 1 non rattachés à une commune, 2 écartés (position invraisemblable), 4 centres de communes ou d’arrondissements; " +
		"4 communes avec contour (dont 1 réunies de plusieurs communes de 2018), 27 points; " +
		"codes de 2018 sans commune actuelle\u00a0: 01999; toutes les communes ont un contour"; stats != want {
		t.Errorf("stats\n got %s\nwant %s", stats, want)
	}
	tests := []struct {
		code   string
		origin territoire.CentreOrigin
		centre territoire.Point
	}{
		// The two squares of 2018 make a rectangle: its centre.
		{"01015", territoire.CentreFromOutline, territoire.Point{Lat: 45.81, Lon: 5.62}},
		// The centroid of the rectangle, though places are elsewhere.
		{"33449", territoire.CentreFromOutline, territoire.Point{Lat: 44.9, Lon: -0.725}},
		// The centroid of the C falls in its gap: the middle of the
		// widest stretch on its parallel instead.
		{"33522", territoire.CentreFromOutline, territoire.Point{Lat: 44.82, Lon: -0.595}},
	}
	for _, tt := range tests {
		c, _, ok := a.Commune(tt.code)
		if !ok {
			t.Fatalf("commune %s missing", tt.code)
		}
		if c.Centre.Origin != tt.origin || math.Abs(c.Centre.Lat-tt.centre.Lat) > 1e-4 || math.Abs(c.Centre.Lon-tt.centre.Lon) > 1e-4 {
			t.Errorf("%s centre = %+v, want %v %v", tt.code, c.Centre, tt.origin, tt.centre)
		}
	}
	outlines, err := territoire.LoadOutlines(bytes.NewReader(ob))
	if err != nil {
		t.Fatal(err)
	}
	arboys, _ := outlines.Of("01015")
	if len(arboys.Rings) != 1 || len(arboys.Rings[0]) != 4 {
		t.Errorf("01015 outline = %v, want one rectangle without the old border", arboys.Rings)
	}
	paris, _ := outlines.Of("75056")
	if len(paris.Rings) != 3 {
		t.Errorf("Paris outline has %d rings, want 3 (outer, hole, island)", len(paris.Rings))
	}
	for _, p := range []struct {
		at territoire.Point
		in bool
	}{
		{territoire.Point{Lat: 48.82, Lon: 2.26}, true},
		{territoire.Point{Lat: 48.85, Lon: 2.31}, false},  // in the hole
		{territoire.Point{Lat: 48.851, Lon: 2.509}, true}, // on the island
		{territoire.Point{Lat: 48.95, Lon: 2.3}, false},
	} {
		if got := paris.Contains(p.at); got != p.in {
			t.Errorf("Paris contains %v = %v, want %v", p.at, got, p.in)
		}
	}
	if c, _, _ := a.Commune("75056"); !paris.Contains(c.Centre.Point) {
		t.Errorf("Paris centre %v outside its outline", c.Centre)
	}
	ar, _ := a.Arrondissement("75115")
	if ar.Centre.Origin != territoire.CentreFromPlaces || ar.Centre.Lat != 48.84 {
		t.Errorf("75115 centre = %+v", ar.Centre)
	}
	if c, n, _ := a.Commune("01340"); c == nil || c.Code != "01015" || n.How != territoire.ByFormerCode || n.Name != "Saint-Bois" {
		t.Errorf("old code 01340 = %v, %+v", c, n)
	}
	if e, ok := a.EPCI("243300316"); !ok || len(e.Members) != 2 {
		t.Errorf("EPCI 243300316 = %+v", e)
	}

	if _, _, _, err := Generate(filepath.Join("testdata", "data"), []string{"lieux/absent.json"}); err == nil {
		t.Error("Generate accepted a missing place file")
	}
}

func TestPlausible(t *testing.T) {
	gironde := &territoire.Departement{Code: "33", Centre: territoire.Centre{Point: territoire.Point{Lat: 44.839, Lon: -0.5825}, Origin: territoire.CentreFromMap}}
	nc := &territoire.Departement{Code: "988"}
	tests := []struct {
		p    territoire.Point
		dept *territoire.Departement
		want bool
	}{
		{territoire.Point{Lat: 44.9, Lon: -0.7}, gironde, true},
		{territoire.Point{Lat: -0.7, Lon: 44.9}, gironde, false}, // swapped
		{territoire.Point{}, gironde, false},
		{territoire.Point{Lat: 48.85, Lon: 2.35}, gironde, false}, // Paris
		{territoire.Point{Lat: math.NaN(), Lon: 0}, gironde, false},
		{territoire.Point{Lat: -22.27, Lon: 166.45}, nc, true}, // no centre to compare with
		{territoire.Point{Lat: 95, Lon: 166.45}, nc, false},
	}
	for _, tt := range tests {
		c := &territoire.Commune{Departement: tt.dept}
		if got := plausible(tt.p, c); got != tt.want {
			t.Errorf("plausible(%v, %s) = %v, want %v", tt.p, tt.dept.Code, got, tt.want)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{1, 1, 100}, 1},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFindData(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "repo", "territoire")
	src := filepath.Join(dir, "shared", "data", decoupageDir)
	for _, d := range []string{deep, src} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := findData(deep); err == nil {
		t.Error("findData found a folder without communes.json")
	}
	if err := os.WriteFile(filepath.Join(src, "communes.json"), []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := findData(deep)
	if err != nil || got != filepath.Join(dir, "shared", "data") {
		t.Errorf("findData = %q, %v", got, err)
	}
}
