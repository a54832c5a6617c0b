package selection_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"livret/controle"
	"livret/internal/fixtures"
	"livret/selection"
	"livret/territoire"
	"livret/texte"
)

func checked(t *testing.T, path string) []controle.Place { return fixtures.Checked(t, path) }

// TestNationalSelections checks the selections of the national file of
// 2023 against counts made by hand from the raw file (Python: rows
// deduplicated on folded name, address and postal code, then filtered on
// code_postal, code_insee or commune name).
func TestNationalSelections(t *testing.T) {
	t.Parallel()
	places := checked(t, "../testdata/donnees/national-v0.1-2023-02-06.json")
	atlas := territoire.Default()
	tests := []struct {
		name  string
		q     selection.Query
		want  int
		names []string // some places that must be kept
	}{
		{"département by number", selection.Query{Departements: []string{"33"}}, 82, []string{"CCAS AMBARES"}},
		{"département by name", selection.Query{Departements: []string{"gironde"}}, 82, nil},
		{"EPCI", selection.Query{EPCIs: []string{"Bordeaux Métropole"}}, 51, nil},
		{"EPCI by SIREN", selection.Query{EPCIs: []string{"243300316"}}, 51, nil},
		{"commune", selection.Query{Communes: []string{"Bordeaux"}}, 20, nil},
		{"commune without accents nor hyphens", selection.Query{Communes: []string{"st medard en jalles"}}, 2, nil},
		{"commune by INSEE code", selection.Query{Communes: []string{"33449"}}, 2, nil},
		{"postal code", selection.Query{PostalCodes: []string{"33160"}}, 2, nil},
		{"two communes (OR)", selection.Query{Communes: []string{"Talence", "Pessac"}}, 7, []string{"Centre Social de Bagatelle", "Mairie de Pessac"}},
		{"commune AND service", selection.Query{Departements: []string{"33"}, Services: []string{"demarches"}}, 23, nil},
		{"région", selection.Query{Regions: []string{"Nouvelle-Aquitaine"}}, 376, nil}, // 377 less a near-duplicate
		{"around a commune", selection.Query{Around: "Bordeaux", Radius: 5}, 28, nil},  // from the centre of its outline
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := selection.Resolve(atlas, tt.q, places)
			if err != nil {
				t.Fatal(err)
			}
			res := selection.Select(places, c)
			if len(res.Kept) != tt.want {
				t.Errorf("%d places, want %d (left out: %v)", len(res.Kept), tt.want, res.Excluded)
			}
			if len(res.Kept)+res.Filtered() != len(places) {
				t.Errorf("%d kept + %d left out ≠ %d places", len(res.Kept), res.Filtered(), len(places))
			}
			for _, n := range tt.names {
				if !slices.ContainsFunc(res.Kept, func(s selection.Selected) bool { return texte.Fold(s.Place.Name) == texte.Fold(n) }) {
					t.Errorf("%q not kept", n)
				}
			}
		})
	}
}

func TestAroundSortsByDistance(t *testing.T) {
	t.Parallel()
	places := checked(t, "../testdata/donnees/national-v0.1-2023-02-06.json")
	c, err := selection.Resolve(territoire.Default(), selection.Query{Around: "44.8378,-0.5792", Radius: 3}, places)
	if err != nil {
		t.Fatal(err)
	}
	res := selection.Select(places, c)
	if len(res.Kept) == 0 || !slices.IsSortedFunc(res.Kept, func(a, b selection.Selected) int {
		return int(a.Distance*1000) - int(b.Distance*1000)
	}) {
		t.Errorf("not sorted by distance: %d places", len(res.Kept))
	}
	for _, s := range res.Kept {
		if s.Distance < 0 || s.Distance > 3 {
			t.Errorf("%s at %.1f km", s.Place.Name, s.Distance)
		}
	}
	if got := c.Describe(); got != "à moins de 3\u00a0km de 44.8378,-0.5792" {
		t.Errorf("Describe = %q", got)
	}
}

// TestSortNear: a leaflet of a commune without --autour takes its places
// nearest to the commune's centre first, from the centre of the smallest
// territory asked for; distances stay unrecorded.
func TestSortNear(t *testing.T) {
	t.Parallel()
	places := checked(t, "../testdata/donnees/charente-hybride-v1-2024-09-12.json")
	atlas := territoire.Default()
	c, err := selection.Resolve(atlas, selection.Query{Communes: []string{"Angoulême"}, Departements: []string{"16"}}, places)
	if err != nil {
		t.Fatal(err)
	}
	from, ok := c.Reference()
	com, _ := atlas.Resolve(territoire.KindCommune, "Angoulême")
	if !ok || territoire.Distance(from, com.Centre.Point) > 0.001 {
		t.Fatalf("reference %v, %v; want the centre of Angoulême %v", from, ok, com.Centre.Point)
	}
	res := selection.Select(places, c)
	selection.SortNear(res.Kept, from)
	var km []float64
	for _, s := range res.Kept {
		pos, ok := selection.Position(s.Place)
		if !ok {
			t.Fatalf("%s has no position", s.Place.Name)
		}
		if s.Distance >= 0 {
			t.Errorf("%s: distance %v recorded", s.Place.Name, s.Distance)
		}
		km = append(km, territoire.Distance(from, pos))
	}
	if len(km) < 5 || !slices.IsSorted(km) {
		t.Errorf("not nearest first: %v", km)
	}
	if _, ok := (&selection.Criteria{}).Reference(); ok {
		t.Error("a reference without any territory")
	}
}

// TestSameSelectionOnEveryVersion selects from the same 646 places of the
// Hub du Sud, published in schema 0.1 and converted to 1.x by ANCT: the
// filters keep the same places.
func TestSameSelectionOnEveryVersion(t *testing.T) {
	t.Parallel()
	v01 := checked(t, "../testdata/donnees/paca-v0.1-2023-05-17.json")
	v1 := checked(t, "../testdata/donnees/paca-hybride-v1-2024-09-12.json")
	for _, q := range []selection.Query{
		{Departements: []string{"13"}},
		{Services: []string{"demarches"}},
		{Services: []string{"internet"}},
		{Free: true},
		{Publics: []string{"seniors"}},
		{Departements: []string{"Var"}, Services: []string{"emploi"}, Free: true},
		{OpenSaturday: true},
	} {
		ids := func(places []controle.Place) []string {
			c, err := selection.Resolve(territoire.Default(), q, places)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, s := range selection.Select(places, c).Kept {
				out = append(out, s.Place.ID)
			}
			slices.Sort(out)
			return out
		}
		a, b := ids(v01), ids(v1)
		if !slices.Equal(a, b) || len(a) == 0 {
			t.Errorf("%+v: %d places from 0.1, %d from 1.x", q, len(a), len(b))
		}
	}
}

func TestResolveErrors(t *testing.T) {
	t.Parallel()
	atlas := territoire.Default()
	for _, tt := range []struct {
		q    selection.Query
		want string
	}{
		{selection.Query{Communes: []string{"Saint-Denis"}}, "Précisez le département"},
		{selection.Query{Communes: []string{"Saint-Denis"}, Departements: []string{"93"}}, ""},
		{selection.Query{Services: []string{"cuisine"}}, "n’est pas une valeur connue du champ services"},
		{selection.Query{Around: "Bordeaux", Radius: 0}, "indiquez un rayon positif"},
		{selection.Query{Around: "Bordeaux", Radius: math.NaN()}, "indiquez un rayon positif"},
		{selection.Query{Around: "Bordeaux", Radius: math.Inf(1)}, "indiquez un rayon positif"},
		{selection.Query{Around: "Bordeaux", Radius: -3}, "indiquez un rayon positif"},
		{selection.Query{Around: "95.2,3"}, "Aucune commune"},
	} {
		_, err := selection.Resolve(atlas, tt.q, nil)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%+v: %v", tt.q, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%+v: error %v, want %q", tt.q, err, tt.want)
		}
	}
}

func TestCriteriaCommunes(t *testing.T) {
	t.Parallel()
	atlas := territoire.Default()
	c, err := selection.Resolve(atlas, selection.Query{EPCIs: []string{"Bordeaux Métropole"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Communes()); n != 28 {
		t.Errorf("Bordeaux Métropole: %d communes", n)
	}
	c, _ = selection.Resolve(atlas, selection.Query{EPCIs: []string{"Bordeaux Métropole"}, PostalCodes: []string{"33160", "33600"}}, nil)
	if got := c.Communes(); !slices.Equal(got, []string{"33318", "33376", "33449"}) { // Pessac, Saint-Aubin-de-Médoc, Saint-Médard-en-Jalles
		t.Errorf("Bordeaux Métropole and 33160 or 33600: %v", got)
	}
	c, _ = selection.Resolve(atlas, selection.Query{Around: "44.8,-0.6", Radius: 3}, nil)
	if c.Communes() != nil {
		t.Error("a selection by distance has no communes")
	}
}

func TestName(t *testing.T) {
	t.Parallel()
	places := checked(t, fixtures.Example)
	atlas := territoire.Default()
	for _, tt := range []struct {
		q    selection.Query
		want string
	}{
		{selection.Query{EPCIs: []string{"243300316"}}, "Bordeaux Métropole"},
		{selection.Query{}, "Nouvelle-Aquitaine"}, // the whole example: one région
		{selection.Query{Services: []string{"demarches"}, Communes: []string{"Pessac"}}, "Pessac"},
	} {
		c, err := selection.Resolve(atlas, tt.q, places)
		if err != nil {
			t.Fatal(err)
		}
		kept := selection.Select(places, c).Kept
		if got := c.Name(kept); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestAroundEveryCommune runs --autour on every commune of the COG 2026:
// those with an outline (at least 99 %) must have a centre to measure
// from, even without any place in the data.
func TestAroundEveryCommune(t *testing.T) {
	t.Parallel()
	atlas := territoire.Default()
	var ok int
	for _, c := range atlas.Communes() {
		cr, err := selection.Resolve(atlas, selection.Query{Around: c.Code, Radius: 15}, nil)
		if err == nil && cr.Centre != nil {
			ok++
		}
	}
	if n := len(atlas.Communes()); float64(ok) < 0.99*float64(n) {
		t.Errorf("--autour works for %d of %d communes, want 99 %%", ok, n)
	}
	// The example, by name, with no place at all.
	cr, err := selection.Resolve(atlas, selection.Query{Around: "Montbazin", Radius: 15}, nil)
	if err != nil || cr.Centre == nil || territoire.Distance(*cr.Centre, territoire.Point{Lat: 43.516, Lon: 3.696}) > 5 {
		t.Errorf("--autour Montbazin: %v, %v", cr, err)
	}
}

func TestTerritoryCommunes(t *testing.T) {
	t.Parallel()
	atlas := territoire.Default()
	places := checked(t, "../testdata/donnees/national-v0.1-2023-02-06.json")
	tests := []struct {
		name     string
		q        selection.Query
		n        int      // communes
		has, not []string // codes
	}{
		// Every commune of the Isère, with or without a place.
		{"département", selection.Query{Departements: []string{"38"}}, 512, []string{"38563", "38185"}, []string{"73065"}},
		{"EPCI", selection.Query{EPCIs: []string{"Bordeaux Métropole"}}, 28, []string{"33063", "33449"}, []string{"33529"}},
		// Around Voiron: its neighbours, not Grenoble (24 km away).
		{"around", selection.Query{Around: "Voiron", Radius: 8}, 0, []string{"38563", "38239"}, []string{"38185"}},
	}
	for _, tt := range tests {
		c, err := selection.Resolve(atlas, tt.q, places)
		if err != nil {
			t.Fatal(err)
		}
		got := c.TerritoryCommunes(atlas, selection.Select(places, c).Kept)
		codes := map[string]bool{}
		for _, com := range got {
			codes[com.Code] = true
		}
		if tt.n > 0 && len(got) != tt.n {
			t.Errorf("%s: %d communes, want %d", tt.name, len(got), tt.n)
		}
		for _, code := range tt.has {
			if !codes[code] {
				t.Errorf("%s: %s missing", tt.name, code)
			}
		}
		for _, code := range tt.not {
			if codes[code] {
				t.Errorf("%s: %s should not be in", tt.name, code)
			}
		}
	}
}
