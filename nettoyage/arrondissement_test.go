package nettoyage

import (
	"testing"

	"livret/lieu"
)

// TestDistrictFromAddress: a place of Paris, Lyon or Marseille whose
// postcode names no arrondissement takes the one its street lines write,
// of its own commune only; the postcode then leaves the street line,
// which the commune line repeats.
func TestDistrictFromAddress(t *testing.T) {
	marseille := []string{"13001", "13002", "13003", "13004", "13005", "13006", "13007", "13008",
		"13009", "13010", "13011", "13012", "13013", "13014", "13015", "13016"}
	paris := []string{"75001", "75011", "75015", "75016", "75116"}
	for _, tt := range []struct {
		name                       string
		postcode, address, complem string
		districts                  []string
		wantCode, wantAddress      string
		unsure                     bool
	}{
		// PACA, 2023: « Weréso Marseille ».
		{"in the street line", "13000", "Dans la Gare ST-Charles Place Victor Hugo 13003 Marseille", "", marseille,
			"13003", "Dans la Gare ST-Charles Place Victor Hugo", false},
		{"in capitals, with a Cedex", "13000", "12 rue de la République 13002 MARSEILLE CEDEX", "", marseille,
			"13002", "12 rue de la République", false},
		{"in the complement", "", "Centre commercial", "Bâtiment B, 13015 Marseille", marseille,
			"13015", "Centre commercial", false},
		{"ending the line", "13000", "Place Victor Hugo 13003", "", marseille, "13003", "Place Victor Hugo", false},
		{"Paris 16e by its second postcode", "75000", "10 avenue de Versailles 75116 Paris", "", paris,
			"75116", "10 avenue de Versailles", false},
		// Never another commune: the place stays where it is.
		{"a postcode of another commune", "13000", "Zone des Milles 13090 Aix-en-Provence", "", marseille,
			"13000", "Zone des Milles 13090 Aix-en-Provence", false},
		{"an arrondissement of another city", "13000", "Siège 75011 Paris", "", marseille,
			"13000", "Siège 75011 Paris", false},
		{"a number that is not a postcode", "13000", "Boîte 13003 des Aygalades", "", marseille,
			"13000", "Boîte 13003 des Aygalades", false},
		{"a commune that only begins like it", "13000", "Chemin 13010 Marseillette", "", marseille,
			"13000", "Chemin 13010 Marseillette", false},
		// The postcode already names one, or the commune has none.
		{"postcode of an arrondissement already", "13001", "2 place Victor Hugo 13003 Marseille", "", marseille,
			"13001", "2 place Victor Hugo 13003 Marseille", false},
		{"no arrondissements", "13000", "Place Victor Hugo 13003 Marseille", "", nil,
			"13000", "Place Victor Hugo 13003 Marseille", false},
		// Two of them: kept, to check.
		{"two arrondissements", "13000", "Entre le 13003 Marseille et le 13001 Marseille", "", marseille,
			"13000", "Entre le 13003 Marseille et le 13001 Marseille", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := lieu.Lieu{Name: "Lieu", PostalCode: tt.postcode, Commune: "MARSEILLE", Address: tt.address, AddressComplement: tt.complem}
			if tt.districts != nil && tt.districts[0] == "75001" {
				l.Commune = "Paris"
			}
			changes := Place(&l, l.Commune, tt.districts)
			if l.PostalCode != tt.wantCode || l.Address != tt.wantAddress {
				t.Errorf("postcode %q, address %q; want %q, %q", l.PostalCode, l.Address, tt.wantCode, tt.wantAddress)
			}
			var got *Change
			for i, c := range changes {
				if c.Rule == District {
					got = &changes[i]
				}
			}
			switch {
			case got == nil && (tt.wantCode != tt.postcode || tt.unsure):
				t.Errorf("rule not reported: %+v", changes)
			case got != nil && tt.wantCode == tt.postcode && !tt.unsure:
				t.Errorf("rule reported, nothing changed: %+v", *got)
			case got != nil && (got.Unsure != tt.unsure || got.Field != "code_postal" || got.Before != tt.postcode || got.After != tt.wantCode):
				t.Errorf("change %+v", *got)
			}
		})
	}
}
