package indicateurs

import (
	"slices"
	"strings"
	"testing"

	"livret/controle"
	"livret/internal/fixtures"
	"livret/lieu"
	"livret/selection"
	"livret/territoire"
)

// commune returns a commune of the embedded geography.
func commune(t testing.TB, code string) *territoire.Commune {
	t.Helper()
	c, _, ok := territoire.Default().Commune(code)
	if !ok {
		t.Fatalf("no commune %s", code)
	}
	return c
}

// handPlaces are five places: two in Pessac, one in Talence, one in
// Bordeaux and one whose commune is unknown.
func handPlaces(t testing.TB) []selection.Selected {
	place := func(code string, services, publics, fees []string) controle.Place {
		p := controle.Place{Lieu: lieu.Lieu{Services: services, Publics: publics, Fees: fees}}
		if code != "" {
			p.Location.Commune = commune(t, code)
		}
		return p
	}
	places := []controle.Place{
		place("33318", []string{lieu.ServiceDemarches, lieu.ServiceQuotidien}, []string{"Seniors"}, []string{lieu.FeeFree}),
		place("33318", []string{lieu.ServiceDemarches}, nil, []string{lieu.FeeFree, lieu.FeePaid}),
		place("33522", nil, []string{"Jeunes", "Seniors"}, nil),
		place("", []string{lieu.ServiceAcces}, nil, []string{lieu.FeeFreeConditional}),
		place("33063", []string{lieu.ServiceDemarches}, nil, []string{lieu.FeePaid}),
	}
	out := make([]selection.Selected, len(places))
	for i := range places {
		out[i] = selection.Selected{Place: &places[i], Distance: -1}
	}
	return out
}

// handTerritory is Bègles, Mérignac, Pessac and Talence, with an unknown
// code and Pessac twice.
var handTerritory = []string{"33318", "33522", "33039", "33281", "99999", "33318"}

// service returns the count of a service in c.
func service(c Count, s string) int { return c.Services[slices.Index(lieu.Services.Values, s)] }

func TestComputeHand(t *testing.T) {
	ind := Compute(handPlaces(t), nil, handTerritory)
	if ind.Places != 5 || ind.Outside != 1 || ind.Unlocated.Places != 1 || service(ind.Unlocated, lieu.ServiceAcces) != 1 {
		t.Errorf("places %d, outside %d, unlocated %+v", ind.Places, ind.Outside, ind.Unlocated)
	}

	var names []string
	for _, cc := range ind.Communes {
		names = append(names, cc.Commune.Name)
	}
	if !slices.Equal(names, []string{"Bordeaux", "Pessac", "Talence"}) {
		t.Fatalf("communes %q", names)
	}
	for _, tc := range []struct {
		i                                  int
		places, demarches, quotidien, none int
	}{
		{0, 1, 1, 0, 0}, // Bordeaux
		{1, 2, 2, 1, 0}, // Pessac
		{2, 1, 0, 0, 1}, // Talence: no service named
	} {
		c := ind.Communes[tc.i].Count
		if c.Places != tc.places || service(c, lieu.ServiceDemarches) != tc.demarches ||
			service(c, lieu.ServiceQuotidien) != tc.quotidien || c.NoService != tc.none {
			t.Errorf("%s: %+v", names[tc.i], c)
		}
	}

	wantPublics := []ValueCount{{"Jeunes", 1}, {"Étudiants", 0}, {"Familles et/ou enfants", 0}, {"Seniors", 2}, {"Femmes", 0}, {AllPublics, 3}}
	if !slices.Equal(ind.Publics, wantPublics) {
		t.Errorf("publics %v", ind.Publics)
	}
	wantFees := []ValueCount{{lieu.FeeFree, 2}, {lieu.FeeFreeConditional, 1}, {lieu.FeePaid, 2}, {FeesUnknown, 1}}
	if !slices.Equal(ind.Fees, wantFees) {
		t.Errorf("fees %v", ind.Fees)
	}

	begles, merignac, pessac, talence := commune(t, "33039"), commune(t, "33281"), commune(t, "33318"), commune(t, "33522")
	wantCoverage := []Coverage{
		{begles, begles.Population, 0}, {merignac, merignac.Population, 0},
		{pessac, pessac.Population, 2}, {talence, talence.Population, 1},
	}
	if !slices.Equal(ind.Coverage, wantCoverage) {
		t.Errorf("coverage %+v", ind.Coverage)
	}
	people := begles.Population + merignac.Population + pessac.Population + talence.Population
	if ind.Territory != (Coverage{Population: people, Places: 3}) {
		t.Errorf("territory %+v, want %d inhabitants and 3 places", ind.Territory, people)
	}
	if r, ok := ind.Coverage[2].PerTenThousand(); !ok || r != 20000/float64(pessac.Population) {
		t.Errorf("Pessac: %g places per 10 000 inhabitants", r)
	}
	// Mérignac is larger than Bègles.
	if !slices.Equal(ind.WithoutPlace, []*territoire.Commune{merignac, begles}) || merignac.Population < begles.Population {
		t.Errorf("without place %v", ind.WithoutPlace)
	}
	if _, ok := (Coverage{Places: 1}).PerTenThousand(); ok {
		t.Error("a ratio without a population")
	}

	// Without a territory, the territory is where the places are.
	ind = Compute(handPlaces(t), nil, nil)
	if len(ind.Coverage) != 3 || ind.Outside != 0 || len(ind.WithoutPlace) != 0 || ind.Territory.Places != 4 {
		t.Errorf("without a territory: coverage %+v, outside %d, without place %v", ind.Coverage, ind.Outside, ind.WithoutPlace)
	}
}

// example reads the example dataset of livret as the commands do.
func example(t testing.TB) []selection.Selected {
	return fixtures.Selected(fixtures.Checked(t, fixtures.Example), -1)
}

// TestComputeExample checks the figures of the embedded example against
// counts made apart: by a plain loop over the places, and by hand on the
// file (with a Python one-liner over the JSON, mapping the 0.1 services to
// 1.x with the standard's table).
func TestComputeExample(t *testing.T) {
	places := example(t)
	area, err := territoire.Default().Resolve(territoire.KindEPCI, "Bordeaux Métropole")
	if err != nil {
		t.Fatal(err)
	}
	ind := Compute(places, territoire.Default(), area.Communes)

	// A plain loop over the places.
	inBordeaux, demarches, free := 0, 0, 0
	for _, s := range places {
		if slices.Contains(s.Place.Fees, lieu.FeeFree) {
			free++
		}
		if c := s.Place.Location.Commune; c != nil && c.Code == "33063" {
			inBordeaux++
			if slices.Contains(s.Place.Services, lieu.ServiceDemarches) {
				demarches++
			}
		}
	}
	i := slices.IndexFunc(ind.Communes, func(cc CommuneCount) bool { return cc.Commune.Code == "33063" })
	if i < 0 {
		t.Fatal("no place in Bordeaux")
	}
	bordeaux := ind.Communes[i]
	if bordeaux.Places != inBordeaux || service(bordeaux.Count, lieu.ServiceDemarches) != demarches || ind.Fees[0].Places != free {
		t.Errorf("Bordeaux: %d places, %d for démarches, %d free in all; loop says %d, %d, %d",
			bordeaux.Places, service(bordeaux.Count, lieu.ServiceDemarches), ind.Fees[0].Places, inBordeaux, demarches, free)
	}

	// Counted by hand on the file: 20 objects with code_insee 33063, 7 of
	// them with a démarches service of 0.1; conditions_acces: 26 « Gratuit »,
	// 1 « Gratuit sous condition », 3 « Adhésion » (Payant in 1.x) and 357
	// without, less the 11 duplicates the check merges (one a
	// near-duplicate: the same e-mail and name at two addresses).
	if bordeaux.Places != 20 || service(bordeaux.Count, lieu.ServiceDemarches) != 7 {
		t.Errorf("Bordeaux: %d places, %d for démarches; want 20 and 7", bordeaux.Places, service(bordeaux.Count, lieu.ServiceDemarches))
	}
	wantFees := []ValueCount{{lieu.FeeFree, 26}, {lieu.FeeFreeConditional, 1}, {lieu.FeePaid, 3}, {FeesUnknown, 346}}
	if ind.Places != 376 || !slices.Equal(ind.Fees, wantFees) {
		t.Errorf("%d places, fees %v", ind.Places, ind.Fees)
	}

	// Every place is counted once, in the territory, outside or unlocated.
	if ind.Places != ind.Territory.Places+ind.Outside+ind.Unlocated.Places {
		t.Errorf("%d places = %d in Bordeaux Métropole + %d outside + %d unlocated?",
			ind.Places, ind.Territory.Places, ind.Outside, ind.Unlocated.Places)
	}
	// The populations are the communes' (the EPCI's own figure, 843 738,
	// comes from another count of the source and differs).
	people := 0
	for _, code := range area.Communes {
		people += commune(t, code).Population
	}
	if len(ind.Coverage) != len(area.Communes) || ind.Territory.Population != people {
		t.Errorf("coverage of %d communes and %d inhabitants; Bordeaux Métropole has %d and %d",
			len(ind.Coverage), ind.Territory.Population, len(area.Communes), people)
	}
	for i, c := range ind.WithoutPlace {
		if i > 0 && c.Population > ind.WithoutPlace[i-1].Population {
			t.Errorf("communes without place not by population: %v", ind.WithoutPlace)
		}
		for _, s := range places {
			if s.Place.Location.Commune == c {
				t.Errorf("%s has a place", c.Name)
			}
		}
	}
}

// TestFiguresTablesAreRegular checks that every row of the tables a reader
// gets has a filled cell under each header, the last row of the communes
// without a place (« et 476 autres communes ») included: a screen reader
// announces the column of each cell.
func TestFiguresTablesAreRegular(t *testing.T) {
	area, err := territoire.Default().Resolve(territoire.KindDepartement, "33")
	if err != nil {
		t.Fatal(err)
	}
	f := Compute(example(t), territoire.Default(), area.Communes).Figures(nil)
	if len(f.Tables) != 2 {
		t.Fatalf("%d tables", len(f.Tables))
	}
	for _, tb := range f.Tables {
		for i, r := range tb.Rows {
			if len(r) != len(tb.Header) || slices.Contains(r, "") {
				t.Errorf("%s, row %d: %q under %q", tb.Caption, i, r, tb.Header)
			}
		}
	}
	without := f.Tables[1].Rows
	if len(without) != maxWithoutPlace+1 {
		t.Fatalf("%d rows of communes without a place", len(without))
	}
	last := without[maxWithoutPlace]
	if !strings.HasPrefix(last[0], "et ") || !strings.HasSuffix(last[0], "\u00a0autres communes") || !strings.HasPrefix(last[1], "moins de ") {
		t.Errorf("last row %q", last)
	}
}
