package selection

import (
	"testing"

	"livret/texte"
)

// TestDescribeRadius checks the French of a selection around a commune.
func TestDescribeRadius(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		radius float64
		centre string
		want   string
	}{
		{0.5, "Angoulême", "à moins de 500\u00a0m d’Angoulême"},
		{2.5, "Talence", "à moins de 2,5\u00a0km de Talence"},
		{5, "Le Bouscat", "à moins de 5\u00a0km du Bouscat"},
		{3, "Les Mureaux", "à moins de 3\u00a0km des Mureaux"},
		{10, "Haguenau", "à moins de 10\u00a0km de Haguenau"},
		{1, "Évry-Courcouronnes", "à moins de 1\u00a0km d’Évry-Courcouronnes"},
	} {
		got := "à moins de " + radius(tc.radius) + " " + texte.Of(tc.centre)
		if got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
