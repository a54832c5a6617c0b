package territoire

import (
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	t.Parallel()
	atlas := Default()
	tests := []struct {
		kind  Kind
		typed string
		first string // String() of the first suggestion
		also  string // another suggestion expected among the first five
	}{
		{KindCommune, "pess", "Pessac (Gironde, 33)", ""},
		{KindCommune, "Pessac", "Pessac (Gironde, 33)", ""},
		{KindCommune, "saint-denis", "Saint-Denis (La Réunion, 974)", "Saint-Denis (Seine-Saint-Denis, 93)"},
		{KindCommune, "médard-en", "Saint-Médard-en-Jalles (Gironde, 33)", ""},
		{KindCommune, "33318", "Pessac (Gironde, 33)", ""},
		{KindEPCI, "bordeaux m", "Bordeaux Métropole (métropole)", ""},
		{KindDepartement, "gir", "Gironde (33)", ""},
		{KindDepartement, "33", "Gironde (33)", ""},
		{KindRegion, "nouvelle", "Nouvelle-Aquitaine (75)", ""},
		{KindCodePostal, "3316", "", ""},
	}
	for _, tt := range tests {
		got := atlas.Complete(tt.kind, tt.typed, 5)
		if len(got) == 0 {
			t.Errorf("%v %q: no suggestion", tt.kind, tt.typed)
			continue
		}
		var names []string
		for _, a := range got {
			names = append(names, a.String())
		}
		if tt.first != "" && names[0] != tt.first {
			t.Errorf("%v %q: first %q, want %q (%v)", tt.kind, tt.typed, names[0], tt.first, names)
		}
		if tt.also != "" && !strings.Contains(strings.Join(names, "|"), tt.also) {
			t.Errorf("%v %q: %v lacks %q", tt.kind, tt.typed, names, tt.also)
		}
		if tt.kind == KindCodePostal && !strings.HasPrefix(got[0].Code, "3316") {
			t.Errorf("postal code %q: %v", tt.typed, names)
		}
	}
	if got := atlas.Complete(KindCommune, "zzzqqq", 5); len(got) != 0 {
		t.Errorf("nonsense: %v", got)
	}
	if got := atlas.Complete(KindCommune, "sa", 7); len(got) != 7 {
		t.Errorf("limit: %d suggestions", len(got))
	}
}
