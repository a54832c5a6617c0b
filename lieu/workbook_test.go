package lieu

import (
	"maps"
	"slices"
	"testing"
)

func decodeMap(m map[string]string) Lieu {
	l, _ := Decode(func(yield func(string, string) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	})
	return l
}

// TestWorkbookHours checks how the two columns of hours of the workbook
// are read: the standard's value while the French text still says it, the
// French text once a user edited it.
func TestWorkbookHours(t *testing.T) {
	const osm = "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"
	for _, tc := range []struct {
		name, shown, osm, want string
	}{
		{"standard file", "", "", ""},
		{"hours of the standard only", osm, "", osm},
		{"as written by livret", "Lundi\u00a0au\u00a0vendredi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a017\u00a0h\nSamedi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h\nFermé le\u00a0dimanche", osm, osm},
		{"spacing changed by a spreadsheet", "lundi au vendredi : 9 h - 12 h et 14 h - 17 h ; samedi : 9 h - 12 h ; fermé le dimanche", osm, osm},
		{"edited by hand", "Du lundi au vendredi : 9 h – 12 h", osm, "Du lundi au vendredi : 9 h – 12 h"},
		{"unreadable, as written", "le mardi matin (à confirmer)", "le mardi matin", "le mardi matin"},
		{"cleared", "", osm, osm},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := map[string]string{"Nom": "Médiathèque"}
			if tc.shown != "" {
				m["Horaires"] = tc.shown
			}
			if tc.osm != "" {
				m[ColumnHoursOSM] = tc.osm
			}
			if got := decodeMap(m).Hours; got != tc.want {
				t.Errorf("hours %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWorkbookColumns reads a row with the workbook's French headers.
func TestWorkbookColumns(t *testing.T) {
	cols := []string{"Nom", "Complément", "Identifiant", "Date de mise à jour", "Modalités d’accès", "Labels",
		ColumnDirections, ColumnClosure, "Distance (km)", "Prise de rendez-vous", "SIRET ou RNA"}
	if v := DetectVersion(cols); v != VersionWorkbook {
		t.Errorf("version %v", v)
	}
	for _, c := range cols {
		if !Known(c) {
			t.Errorf("column %q unknown", c)
		}
	}
	l, notes := Decode(func(yield func(string, string) bool) {
		for _, f := range [][2]string{
			{"Nom", "Médiathèque"}, {"Complément", "1er étage"}, {"Identifiant", "med-1"},
			{"Date de mise à jour", "02/04/2024"}, {"Modalités d’accès", "Se présenter\u00a0; Téléphoner"},
			{"Labels", "Formé à « Mon Espace Santé »\u00a0; Pass numérique accepté"}, {ColumnDirections, "Bus 4, arrêt Mairie"},
			{ColumnClosure, "Fermé du 1er au 15 août"}, {"Distance (km)", "2.5"}, {"Prise de rendez-vous", "https://rdv.fr"},
			{"SIRET ou RNA", "21330318600016"},
		} {
			if !yield(f[0], f[1]) {
				return
			}
		}
	})
	if len(notes) > 0 {
		t.Errorf("notes %+v", notes)
	}
	if l.AddressComplement != "1er étage" || l.ID != "med-1" || l.Updated.IsZero() || len(l.Access) != 2 ||
		!slices.Equal(l.Labels, []string{"Formé à « Mon Espace Santé »"}) || !slices.Equal(l.OtherLabels, []string{"Pass numérique accepté"}) ||
		l.Directions != "Bus 4, arrêt Mairie" || l.Closure != "Fermé du 1er au 15 août" || l.BookingURL != "https://rdv.fr" ||
		l.Pivot != "21330318600016" || len(l.Extra) > 0 {
		t.Errorf("decoded %+v", l)
	}
}
