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
