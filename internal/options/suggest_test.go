package options

import (
	"slices"
	"testing"
)

func TestSuggest(t *testing.T) {
	tests := []struct {
		command, typed string
		want           []string
	}{
		{"guide", "sorti", []string{"sortie"}},
		{"guide", "Département", []string{"departement"}}, // capitals and accents
		{"guide", "code_postal", []string{"code-postal"}}, // another separator
		{"guide", "tail", []string{"taille"}},             // cut short
		{"guide", "sans-index", []string{"sans-index-communes", "sans-index-lieux"}},
		{"lot", "sortie", []string{"dossier"}}, // the confusion between commands
		{"lot", "o", []string{"dossier"}},
		{"guide", "dossier", []string{"sortie"}},
		{"exporter", "sorti", []string{"sortie"}}, // each command its own options
		{"exporter", "taille", nil},               // not an option of exporter
		{"serveur", "dossier", nil},               // a confusion only where the other exists
		{"guide", "O", []string{"sortie"}},        // an alias in capitals
		{"lot", "O", []string{"dossier"}},
		{"guide", "x", nil}, // one letter: any alias would do
		{"guide", "ti", nil},
		{"guide", "zzzzzz", nil},
	}
	for _, tt := range tests {
		if got := Suggest(tt.command, tt.typed); !slices.Equal(got, tt.want) {
			t.Errorf("Suggest(%s, %q) = %q, want %q", tt.command, tt.typed, got, tt.want)
		}
	}
}

func TestCommandsWith(t *testing.T) {
	if got := CommandsWith("par"); !slices.Equal(got, []string{"guide", "lot"}) {
		t.Errorf("CommandsWith(par) = %q", got)
	}
	if got := CommandsWith("o"); !slices.Contains(got, "guide") || slices.Contains(got, "lot") {
		t.Errorf("CommandsWith(o) = %q", got)
	}
}
