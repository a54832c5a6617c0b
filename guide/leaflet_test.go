package guide

import (
	"slices"
	"testing"
)

// TestLeafletRest: what a leaflet says of the places it has no room for,
// in plain French, with the right number and agreement.
func TestLeafletRest(t *testing.T) {
	const title = "Où se faire aider avec le numérique\u00a0?"
	for _, tt := range []struct {
		name            string
		places, shown   int
		nearest, online bool
		want            []string
	}{
		{"all shown", 4, 4, true, true, nil},
		{"nearest, map", 22, 3, true, true, []string{
			"Ce dépliant donne les 3\u00a0lieux les plus proches\u202f; il y en a 19\u00a0autres.",
			"Vous les trouverez dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0» et sur la carte en ligne\u00a0:",
		}},
		{"one nearest, one other", 2, 1, true, false, []string{
			"Ce dépliant donne le lieu le plus proche\u202f; il y en a un autre.",
			"Vous le trouverez dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0».",
		}},
		{"not by distance, thousands", 2004, 4, false, true, []string{
			"Ce dépliant donne 4\u00a0lieux\u202f; il y en a 2\u00a0000\u00a0autres.",
			"Vous les trouverez dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0» et sur la carte en ligne\u00a0:",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Leaflet{Places: tt.places, Guide: title, Nearest: tt.nearest}
			if got := l.Rest(tt.shown, tt.online); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
