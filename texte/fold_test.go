package texte

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Saint-Médard-en-Jalles", "saint medard en jalles"},
		{"SAINT MEDARD EN JALLES", "saint medard en jalles"},
		{"saint_médard en  jalles", "saint medard en jalles"},
		{"L’Haÿ-les-Roses", "l hay les roses"},
		{"Œuilly", "oeuilly"},
		{"  Évian-les-Bains ", "evian les bains"},
		{"Marseille 11e", "marseille 11e"},
		{"", ""},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFoldASCII checks that the fast path for ASCII text folds as the
// general one does.
func FuzzFoldASCII(f *testing.F) {
	for _, s := range []string{"code_postal", "Code postal", "CODE-POSTAL", "12 BIS RUE DE LECLERCQ", "Mo-Fr 09:00-12:00", "a\tb\x00c~", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !ascii(s) {
			return
		}
		if got, want := foldASCII(s), fold(s); got != want {
			t.Errorf("foldASCII(%q) = %q, fold gives %q", s, got, want)
		}
	})
}
