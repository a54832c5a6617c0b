package guide

import (
	"strings"
	"testing"

	"livret/lieu"
	"livret/telephone"
)

// Real cases of issue #12: an invalid number of the cnfs file (Hérault) is
// never printed, an extension of Martinique is kept.
func TestEntryPhones(t *testing.T) {
	for _, tt := range []struct {
		raw, insee string
		want       []Phone
	}{
		{"+3399231769", "34172", nil},
		{"0596 52 30 23 demander poste 429 ou 430", "97209",
			[]Phone{{Display: "05\u00a096\u00a052\u00a030\u00a023", URI: "tel:+596596523023", Note: "demander poste 429 ou 430"}}},
		{"+3399231769 / 04 67 00 00 00", "34172",
			[]Phone{{Display: "04\u00a067\u00a000\u00a000\u00a000", URI: "tel:+33467000000"}}},
	} {
		nums, _ := telephone.ParseAll(tt.raw, tt.insee)
		e := entry(&Place{Lieu: lieu.Lieu{Name: "Lieu", Phone: tt.raw, INSEE: tt.insee}, Phones: nums, Distance: -1}, &words)
		if len(e.Phones) != len(tt.want) {
			t.Errorf("%q: phones %+v, want %+v", tt.raw, e.Phones, tt.want)
			continue
		}
		for i := range tt.want {
			if e.Phones[i] != tt.want[i] {
				t.Errorf("%q: phone %+v, want %+v", tt.raw, e.Phones[i], tt.want[i])
			}
		}
		if len(tt.want) == 0 && e.NoPhone == "" {
			t.Errorf("%q: no phone printed and nothing said instead", tt.raw)
		}
	}
}

func TestReachable(t *testing.T) {
	lines := []Helpline{{Name: "Allô Service Public", Reachable: []string{"metropole"}},
		{Name: "Outre-mer", Reachable: []string{"outre-mer"}}, {Name: "Partout"}}
	names := func(places ...Place) (out []string) {
		for _, h := range Reachable(lines, places) {
			out = append(out, h.Name)
		}
		return out
	}
	noumea := Place{Lieu: lieu.Lieu{INSEE: "98818"}}
	pessac := Place{Lieu: lieu.Lieu{PostalCode: "33600"}}
	for _, tt := range []struct {
		places []Place
		want   string
	}{
		{[]Place{noumea}, "Outre-mer,Partout"},
		{[]Place{pessac}, "Allô Service Public,Partout"},
		{[]Place{pessac, noumea}, "Allô Service Public,Outre-mer,Partout"},
	} {
		if got := strings.Join(names(tt.places...), ","); got != tt.want {
			t.Errorf("Reachable = %q, want %q", got, tt.want)
		}
	}
}
