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

// TestLeafletBrief: the one sentence of a leaflet that prints only names
// and phones, in plain French, with the right number and agreement.
func TestLeafletBrief(t *testing.T) {
	const title = "Où se faire aider avec le numérique\u00a0?"
	for _, tt := range []struct {
		name            string
		places, shown   int
		nearest, online bool
		want            []string
	}{
		{"all shown", 1, 1, true, true, nil},
		{"nearest, map", 15, 1, true, true, []string{"Le lieu le plus proche\u202f; les 14\u00a0autres sont sur la carte en ligne\u00a0:"}},
		{"two nearest, one other", 3, 2, true, true, []string{"Les 2\u00a0lieux les plus proches\u202f; l’autre est sur la carte en ligne\u00a0:"}},
		{"no map", 2004, 4, false, false, []string{"4\u00a0lieux\u202f; les 2\u00a0000\u00a0autres sont dans le guide «\u00a0Où se faire aider avec le numérique\u202f?\u00a0»."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Leaflet{Places: tt.places, Guide: title, Nearest: tt.nearest}
			if got := l.Brief(tt.shown, tt.online); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
