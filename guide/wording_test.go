package guide

import "testing"

func TestFill(t *testing.T) {
	for _, tt := range []struct {
		phrase string
		pairs  []string
		want   string
	}{
		{"Page {page} sur {pages}", []string{"page", "3", "pages", "24"}, "Page 3 sur 24"},
		{"{titre} – {territoire}", []string{"titre", "Guide", "territoire", "Pessac"}, "Guide – Pessac"},
		// A value is not filled again: a place named "{nom}" stays so.
		{"{nom} (suite)", []string{"nom", "Café {nom}"}, "Café {nom} (suite)"},
		{"Logo", []string{"nom", "Ville"}, "Logo"},
		{"Appeler {nom}", nil, "Appeler {nom}"},
	} {
		if got := Fill(tt.phrase, tt.pairs...); got != tt.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tt.phrase, tt.pairs, got, tt.want)
		}
	}
}
