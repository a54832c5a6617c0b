package guide

import (
	"strings"
	"testing"
)

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
		// Braces that hold no name stay as they are.
		{"{{page}} { {pag} {pages", []string{"page", "3"}, "{3} { {pag} {pages"},
		{"{page}{pages}{page}", []string{"page", "3", "pages", "24"}, "3243"},
		{"{}", []string{"", "vide"}, "vide"},
	} {
		if got := Fill(tt.phrase, tt.pairs...); got != tt.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tt.phrase, tt.pairs, got, tt.want)
		}
		// As strings.Replacer fills them, which Fill once used.
		var old []string
		for i := 0; i < len(tt.pairs); i += 2 {
			old = append(old, "{"+tt.pairs[i]+"}", tt.pairs[i+1])
		}
		if want := strings.NewReplacer(old...).Replace(tt.phrase); Fill(tt.phrase, tt.pairs...) != want {
			t.Errorf("Fill(%q, %q) differs from strings.Replacer: %q", tt.phrase, tt.pairs, want)
		}
	}
}
