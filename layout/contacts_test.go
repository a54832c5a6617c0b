package layout

import (
	"testing"

	"livret/guide"
)

// TestContactsBesidePhone: the web address and the e-mail go after the
// phone number, on its line, when they hold there and the entry is a line
// shorter so (Commune de Fabrègues, Hérault: its kind of place fills its
// row); where they save no line (a short kind, which the web address
// follows), or do not hold (A5), they stay where they were. The QR code
// of a web address moved so still reads, in a link of its paragraph.
func TestContactsBesidePhone(t *testing.T) {
	web := &guide.Link{Text: "fabregues.fr", URL: "https://fabregues.fr"}
	fabregues := guide.Entry{Name: "Commune de Fabrègues", Address: []string{"8 avenue Paul Doumer"},
		Phones:  []guide.Phone{{Display: "04\u00a067\u00a085\u00a011\u00a057", URI: "tel:+33467851157"}},
		Hours:   guide.Hours{Lines: []string{"Lundi au vendredi\u00a0: 8\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a018\u00a0h"}},
		Facts:   []guide.Fact{{Icon: guide.KindIcon, Text: "Conseiller numérique, France Services", Named: true}},
		Website: web, QR: web.URL}
	short := fabregues
	short.Facts = []guide.Fact{{Icon: guide.KindIcon, Text: "Conseiller numérique", Named: true}}
	noPhone := fabregues
	noPhone.Phones, noPhone.NoPhone, noPhone.Website, noPhone.QR = nil, "Pas de téléphone connu", nil, ""
	noPhone.Email = &guide.Link{Text: "mairie@jacou.fr", URL: "mailto:mairie@jacou.fr"}
	for _, tc := range []struct {
		name   string
		format Format
		e      guide.Entry
		after  string // what ends the phone's line, "" for nothing
		beside string // its words' text
	}{
		{"Fabrègues", A4, fabregues, "website", "fabregues.fr"},
		{"a short kind", A4, short, "", "fabregues.fr"},
		{"A5", A5, fabregues, "", "fabregues.fr"},
		{"no phone", A4, noPhone, "email", "mairie@jacou.fr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			th, _ := DefaultTheme()
			th.Format = tc.format
			lc := newContext(th, map[string]int{}, newMemo())
			lc.words = sampleGuide(1).Wording
			n := &Node{}
			g := lc.entry(&tc.e, n, lc.guideEntry())
			b := lc.paginate([]element{g})
			y := map[string]float64{}
			icons := map[string]float64{}
			for _, it := range b.Pages[0].Items {
				switch it := it.(type) {
				case *Text:
					y[squash(it.S)] += it.Y
				case *Icon:
					icons[it.Name] = it.Y
				case *QR:
					if it.node == nil || it.Link == nil {
						t.Errorf("the QR code reads as nothing: node %v, link %v", it.node, it.Link)
					}
				}
			}
			phone := y["04 67 85 11 57"] + y[squash(tc.e.NoPhone)]
			words := y[tc.beside]
			if phone == 0 || words == 0 {
				t.Fatalf("the phone or %q is not printed: %v", tc.beside, y)
			}
			if got := words == phone; got != (tc.after != "") {
				t.Errorf("%q at %.1f, the phone at %.1f: on its line %v, want %v", tc.beside, words, phone, got, tc.after != "")
			}
			if tc.after == "" {
				return
			}
			if icons[tc.after] != icons["phone"] {
				t.Errorf("the pictogram of %q at %.1f, the phone's at %.1f", tc.beside, icons[tc.after], icons["phone"])
			}
			st := lc.guideEntry()
			loose, _, _, _ := lc.placeEntry(&tc.e, &Node{}, st, -1)
			if d := height(loose) - height(g); d < th.body().Leading()-0.01 {
				t.Errorf("the entry is %.1f shorter, want a line at least (%.1f)", d, th.body().Leading())
			}
		})
	}
}
