package guide

import (
	"slices"
	"testing"
)

// TestLeafletRest: what a leaflet says of the places it has no room for,
// in plain French, with the right number and agreement: in full (Rest),
// or in the one sentence of a leaflet that prints only names and phones
// (Brief).
func TestLeafletRest(t *testing.T) {
	const title = "Où se faire aider avec le numérique\u00a0?"
	rest, brief := Leaflet.Rest, Leaflet.Brief
	for _, tt := range []struct {
		name            string
		say             func(Leaflet, int, bool) []string
		places, shown   int
		nearest, online bool
		want            []string
	}{
		{"all shown", rest, 4, 4, true, true, nil},
		{"nearest, map", rest, 22, 3, true, true, []string{
			"Ce dépliant donne les 3\u00a0lieux les plus proches\u202f; il y en a 19\u00a0autres.",
			"Vous les trouverez dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0» et sur la carte en ligne\u00a0:",
		}},
		{"one nearest, one other", rest, 2, 1, true, false, []string{
			"Ce dépliant donne le lieu le plus proche\u202f; il y en a un autre.",
			"Vous le trouverez dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0».",
		}},
		{"not by distance, thousands", rest, 2004, 4, false, true, []string{
			"Ce dépliant donne 4\u00a0lieux\u202f; il y en a 2\u00a0000\u00a0autres.",
			"Vous les trouverez dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0» et sur la carte en ligne\u00a0:",
		}},
		{"brief, all shown", brief, 1, 1, true, true, nil},
		{"brief, nearest, map", brief, 15, 1, true, true, []string{"Le lieu le plus proche\u202f; les 14\u00a0autres sont sur la carte en ligne\u00a0:"}},
		{"brief, two nearest, one other", brief, 3, 2, true, true, []string{"Les 2\u00a0lieux les plus proches\u202f; l’autre est sur la carte en ligne\u00a0:"}},
		{"brief, no map", brief, 2004, 4, false, false, []string{"4\u00a0lieux\u202f; les 2\u00a0000\u00a0autres sont dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0»."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Leaflet{Places: tt.places, Guide: title, Nearest: tt.nearest}
			if got := tt.say(l, tt.shown, tt.online); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
