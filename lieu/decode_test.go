package lieu

import (
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// pairs turns alternating names and values into the iterator Decode reads.
func pairs(kv ...string) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for i := 0; i+1 < len(kv); i += 2 {
			if !yield(kv[i], kv[i+1]) {
				return
			}
		}
	}
}

func TestDecodeVersions(t *testing.T) {
	tests := []struct {
		name string
		in   iter.Seq2[string, string]
		want func(l Lieu) error
	}{
		{
			name: "1.x, example of the schema",
			in: pairs("id", "structure-1", "pivot", "43493312300029", "nom", "Anonymal",
				"services", "Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique",
				"frais_a_charge", "Gratuit sous condition|Payant",
				"modalites_acces", "Se présenter|Téléphoner",
				"formations_labels", "Étapes numériques(La Poste)",
				"date_maj", "2024-04-02"),
			want: func(l Lieu) error {
				return all(
					eq(l.Services, []string{ServiceQuotidien, ServiceInsertion}),
					eq(l.Fees, []string{FeeFreeConditional, FeePaid}),
					eq(l.Access, []string{AccessWalkIn, AccessPhone}),
					eq(l.Labels, []string{"Étapes numériques (La Poste)"}),
					same(l.Updated, time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)),
					same(l.Pivot, "43493312300029"),
				)
			},
		},
		{
			name: "0.1 values with ';' and long labels",
			in: pairs("services", "Prendre en main un ordinateur;Accompagner les démarches de santé;S’équiper en matériel informatique",
				"publics_accueillis", "Seniors (+ 65 ans);Adultes;Public langues étrangères;Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales",
				"conditions_acces", "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...);Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer;Accepte le Pass numérique : Il est possible d’utiliser un Pass numérique pour accéder au lieu",
				"modalites_accompagnement", "Seul : j’ai accès à du matériel et une connexion;A ma place : une personne habilitée fait les démarches à ma place.",
				"labels_nationaux", "CNFS;Fabriques de Territoire;APTIC;Aucun dispositif",
				"courriel", "a@b.fr", "pivot", "00000000000000", "cle_ban", "13001_3079_00001"),
			want: func(l Lieu) error {
				return all(
					eq(l.Services, []string{ServiceDemarches, ServiceQuotidien, ServiceMateriel}),
					eq(l.Publics, []string{"Seniors"}),
					eq(l.Support, []string{"Handicaps mentaux", "Langues étrangères (anglais)", "Langues étrangères (autres)"}),
					eq(l.Fees, []string{FeeFreeConditional, FeePaid}),
					eq(l.Guidance, []string{"En autonomie", "Accompagnement individuel"}),
					eq(l.Programmes, []string{"Conseillers numériques"}),
					eq(l.Labels, []string{"Fabriques de Territoire"}),
					eq(l.OtherLabels, []string{"Pass numérique accepté", "APTIC"}),
					eq(l.Emails, []string{"a@b.fr"}),
					same(l.Pivot, ""),
				)
			},
		},
		{
			name: "2022 draft joined with ', '",
			in: pairs("services", "Prendre en main un smartphone ou une tablette, Prendre en main un ordinateur, Approfondir ma culture numérique",
				"conditions_access", "Gratuit", "labels_nationaux", "CNFS, Aidants Connect"),
			want: func(l Lieu) error {
				return all(
					eq(l.Services, []string{ServiceQuotidien, ServiceComprendre}),
					eq(l.Fees, []string{FeeFree}),
					eq(l.Programmes, []string{"Aidants Connect", "Conseillers numériques"}),
				)
			},
		},
		{
			name: "websites split between addresses only",
			in:   pairs("site_web", "https://a.fr/x,y|https://b.fr;http://c.fr, https://d.fr"),
			want: func(l Lieu) error {
				return eq(l.Websites, []string{"https://a.fr/x,y", "https://b.fr", "http://c.fr", "https://d.fr"})
			},
		},
		{
			name: "unknown columns kept, coordinates with a comma",
			in:   pairs("result_score", "0.97", "latitude", "44,8378", "longitude", "-0.5792", "Code Postal", "33000"),
			want: func(l Lieu) error {
				return all(
					eq(l.Extra, []Extra{{"result_score", "0.97"}}),
					same(l.Position, Point{44.8378, -0.5792}),
					same(l.PostalCode, "33000"),
				)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := Decode(tt.in)
			if err := tt.want(l); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDecodeNotes(t *testing.T) {
	tests := []struct {
		in      iter.Seq2[string, string]
		field   string
		problem string
		action  string
	}{
		{pairs("services", "Découvrir les usages du numérique"), "services",
			"valeur « Découvrir les usages du numérique » hors nomenclature", "ignorée"},
		{pairs("services", "Prendre en main un ordinateur Devenir autonome dans les démarches administratives"), "services",
			"valeur non conforme « Prendre en main un ordinateur Devenir autonome dans les démarches administratives »",
			"lue comme « Maîtrise des outils numériques du quotidien », « Aide aux démarches administratives »"},
		{pairs("labels_nationaux", "UNCCAS"), "labels_nationaux",
			"valeur « UNCCAS » hors nomenclature", "conservée parmi les autres labels"},
		{pairs("date_maj", "1969-12-31"), "date_maj",
			"date « 1969-12-31 » fictive (valeur par défaut d’un export)", "date de mise à jour inconnue"},
		{pairs("latitude", "quarante"), "latitude", "coordonnée « quarante » illisible", "position ignorée"},
	}
	for _, tt := range tests {
		_, notes := Decode(tt.in)
		if len(notes) != 1 {
			t.Errorf("%s: got %d notes %v, want 1", tt.field, len(notes), notes)
			continue
		}
		want := Note{tt.field, tt.problem, tt.action}
		if notes[0] != want {
			t.Errorf("note = %+v\nwant   %+v", notes[0], want)
		}
	}
}

func TestDecodeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-04-02":                    "2024-04-02",
		"2025-03-12 10:22:33.123+00:00": "2025-03-12",
		"2025-03-12T10:22:33Z":          "2025-03-12",
		"02/04/2024":                    "2024-04-02",
		"hier":                          "0001-01-01",
		"1970-01-01":                    "0001-01-01",
		"45000":                         "2023-03-15", // a cell that lost its date format
		"45000.75":                      "2023-03-15",
		"2024":                          "0001-01-01", // a year, not a serial
		"99999":                         "0001-01-01",
	} {
		l, _ := Decode(pairs("date_maj", in))
		if got := l.Updated.Format("2006-01-02"); got != want {
			t.Errorf("date_maj %q → %s, want %s", in, got, want)
		}
	}
}

// TestDecodeMatchesANCTConversion decodes the same 646 places of the Hub du
// Sud, once as published in schema 0.1 and once as ANCT converted them to
// the 1.x vocabulary in 2024, and expects the same values.
func TestDecodeMatchesANCTConversion(t *testing.T) {
	before := decodeFile(t, "paca-v0.1-2023-05-17.json")
	after := decodeFile(t, "paca-hybride-v1-2024-09-12.json")
	if len(before) != 646 || len(after) != 646 {
		t.Fatalf("got %d and %d places, want 646 each", len(before), len(after))
	}
	differ := map[string]int{}
	for id, b := range before {
		a, ok := after[id]
		if !ok {
			t.Fatalf("place %s missing from the converted file", id)
		}
		for field, pair := range map[string][2][]string{
			"services":                 {b.Services, a.Services},
			"frais_a_charge":           {b.Fees, a.Fees},
			"modalites_accompagnement": {b.Guidance, a.Guidance},
			"publics":                  {b.Publics, a.Publics},
		} {
			if !slices.Equal(pair[0], pair[1]) && !promotesCitizenship(field, pair[0], pair[1]) {
				differ[field]++
				if differ[field] <= 3 {
					t.Logf("%s %s: 0.1 gives %q, ANCT gives %q", id, field, pair[0], pair[1])
				}
			}
		}
	}
	for field, n := range differ {
		t.Errorf("%s differs for %d of 646 places", field, n)
	}
}

// TestDecodeRealFiles decodes every real file and checks that every place
// gets at least a name and, where the file has services, a service.
func TestDecodeRealFiles(t *testing.T) {
	files, _ := filepath.Glob("../testdata/donnees/*.json")
	if len(files) == 0 {
		t.Fatal("no test data in ../testdata/donnees")
	}
	for _, f := range files {
		places := decodeFile(t, filepath.Base(f))
		noService := 0
		for _, l := range places {
			if l.Name == "" {
				t.Errorf("%s: place %s without a name", f, l.ID)
			}
			if len(l.Services) == 0 {
				noService++
			}
		}
		t.Logf("%s: %d places, %d without a recognised service", filepath.Base(f), len(places), noService)
		if noService*100 > len(places) {
			t.Errorf("%s: %d of %d places without a recognised service", f, noService, len(places))
		}
	}
}

// promotesCitizenship tells the one known disagreement: ANCT's 2024
// conversion of this file dropped « Promouvoir la citoyenneté numérique »,
// while ANCT's published correspondence (followed here) maps it to
// « Compréhension du monde numérique ».
func promotesCitizenship(field string, before, after []string) bool {
	return field == "services" && slices.Equal(slices.DeleteFunc(slices.Clone(before), func(s string) bool {
		return s == ServiceComprendre
	}), after)
}

func decodeFile(t *testing.T, name string) map[string]Lieu {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../testdata/donnees", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]Lieu{}
	for _, row := range rows {
		l, _ := Decode(func(yield func(string, string) bool) {
			for k, v := range row {
				if !yield(k, fmt.Sprint(v)) {
					return
				}
			}
		})
		out[l.ID] = l
	}
	return out
}

func eq[T comparable](got, want []T) error {
	if !slices.Equal(got, want) {
		return fmt.Errorf("got %v, want %v", got, want)
	}
	return nil
}

func same[T comparable](got, want T) error {
	if got != want {
		return fmt.Errorf("got %v, want %v", got, want)
	}
	return nil
}

func all(errs ...error) error {
	var msgs []string
	for _, err := range errs {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	if len(msgs) > 0 {
		return fmt.Errorf("%s", strings.Join(msgs, "\n"))
	}
	return nil
}

func TestDetectVersion(t *testing.T) {
	v1 := strings.Split("id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv", ",")
	v01 := strings.Split("id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,cle_ban,typologie,telephone,courriel,site_web,horaires,presentation_resume,presentation_detail,source,structure_parente,date_maj,services,publics_accueillis,conditions_acces,labels_nationaux,labels_autres,modalites_accompagnement,accessibilite,prise_rdv", ",")
	tests := []struct {
		cols []string
		want Version
	}{
		{v1, Version1},
		{v01, Version01},
		{append(slices.Clone(v1), "labels_nationaux"), VersionHybrid},
		{[]string{"id", "nom", "services", "conditions_access"}, VersionDraft2022},
		{[]string{"\ufeffid", "Nom", "Services"}, Version1},
		{[]string{"a", "b"}, VersionUnknown},
	}
	for _, tt := range tests {
		if got := DetectVersion(tt.cols); got != tt.want {
			t.Errorf("DetectVersion(%v) = %#v, want %#v", tt.cols, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("services", "Prendre en main un ordinateur, Accéder à du matériel;Aide aux démarches administratives")
	f.Add("publics_accueillis", "Handicaps psychiques : troubles;Adultes")
	f.Add("latitude", "44,8")
	f.Add("date_maj", "2025-03-12 10:22:33.123+00:00")
	f.Add("site_web", "https://a.fr,https://b.fr")
	f.Fuzz(func(t *testing.T, name, value string) {
		l, notes := Decode(pairs(name, value))
		for _, n := range notes {
			if n.Problem == "" || n.Action == "" {
				t.Errorf("empty note %+v", n)
			}
		}
		for _, v := range Vocabularies {
			for _, val := range *l.Values(v) {
				if _, ok := v.Canonical(val); !ok {
					t.Errorf("%s holds %q, not a value of the vocabulary", v.Field, val)
				}
			}
		}
	})
}

// TestDecodeLocationAsDecode checks that the reading of the rows left
// outside a territory finds the commune, codes and date that Decode finds.
func TestDecodeLocationAsDecode(t *testing.T) {
	t.Parallel()
	for _, kv := range [][]string{
		{"nom", "Mairie", "commune", " Angoulême ", "code_postal", "16000", "code_insee", "16015", "date_maj", "2024-04-02"},
		{"Commune", "Bordeaux", "Code postal", "33000", "date_maj", "2025-03-12 10:22:33.123+00:00"},
		{"commune", "Pau", "date_maj", "45000"},      // a spreadsheet's day number
		{"commune", "Pau", "date_maj", "1970-01-01"}, // an export's default
		{"commune", "Pau", "date_maj", "demain"},
		{"code_insee", "", "commune", "  ", "date_maj", "02/04/2024"},
	} {
		full, _ := Decode(pairs(kv...))
		got := DecodeLocation(pairs(kv...))
		if got.Commune != full.Commune || got.PostalCode != full.PostalCode || got.INSEE != full.INSEE || !got.Updated.Equal(full.Updated) {
			t.Errorf("DecodeLocation(%q) = %q %q %q %v, Decode gives %q %q %q %v", kv,
				got.Commune, got.PostalCode, got.INSEE, got.Updated, full.Commune, full.PostalCode, full.INSEE, full.Updated)
		}
	}
}
