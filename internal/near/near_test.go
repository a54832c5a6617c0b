package near

import "testing"

func TestScore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typed, known string
		score        int
		ok           bool
	}{
		{"guid", "guide", 1, true},                                 // a letter left out
		{"abc", "fiches", 0, false},                                // nothing alike
		{"serveru", "serveur", 2, true},                            // two letters swapped: two edits
		{"lot", "lit", 1, true},                                    // one slip in a short name
		{"lot", "lait", 0, false},                                  // two in a short name: too far
		{"saint medard", "saint medard en jalles", 1, true},        // the beginning, as whole words
		{"saint med", "saint medard en jalles", 0, false},          // a word cut: not a beginning
		{"romorantin lantenay", "romorantin lanthenay", 1, true},   // long names allow more slips
		{"chateauneuf sur lore", "chateauneuf sur loire", 1, true}, //
	}
	var m Matcher
	for _, tt := range tests {
		score, ok := m.Score(tt.typed, tt.known)
		if ok != tt.ok || ok && score != tt.score {
			t.Errorf("Score(%q, %q) = %d, %v; want %d, %v", tt.typed, tt.known, score, ok, tt.score, tt.ok)
		}
	}
}

func TestDistanceStopsAtLimit(t *testing.T) {
	t.Parallel()
	var m Matcher
	if d := m.Distance("kitten", "sitting", 5); d != 3 {
		t.Errorf("Distance(kitten, sitting) = %d, want 3", d)
	}
	if d := m.Distance("kitten", "sitting", 1); d != 2 {
		t.Errorf("Distance(kitten, sitting, limit 1) = %d, want 2 (limit+1)", d)
	}
	if d := m.Distance("a", "abcdef", 2); d != 3 {
		t.Errorf("Distance(a, abcdef, limit 2) = %d, want 3: lengths alone exceed the limit", d)
	}
}
