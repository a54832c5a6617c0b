package controle

import (
	"strings"
	"testing"

	"livret/source"
)

// Real near-duplicates of the shared files (issue #12), and real places
// that only look alike.
func TestNearDuplicates(t *testing.T) {
	t.Parallel()
	csv := "id;nom;commune;code_postal;code_insee;adresse;telephone;courriels\n" +
		// Charente: same name, phone and e-mail; "Impasse" and "rue", two postal codes.
		"u1;UNION DEP ASSOCIATIONS FAMILLE;Angoulême;16024;16015;73 Impasse Joseph Niepce;+33545393193;christine.granet@udaf16.org\n" +
		"u2;UNION DEP ASSOCIATIONS FAMILLE;Angoulême;16000;16015;73 RUE JOSEPH NIEPCE;+33545393193;christine.granet@udaf16.org\n" +
		// Lunel: two names, the same phone at the same address, written two ways.
		"l1;Croix Rouge Francaise;Lunel;34400;34145;207 avenue Gal de Gaulle;+33467830856;\n" +
		"l2;Unité locale Pays de Virdoule;Lunel;34400;34145;207 Avenue du Général de Gaulle;+33467830856;\n" +
		// One e-mail for two villages' mairies: two places.
		"m1;Mairie de Certines;Certines;01240;01069;1 place de la Mairie;;cnfs.ain@exemple.fr\n" +
		"m2;Mairie de Druillat;Druillat;01160;01151;1 place de la Mairie;;cnfs.ain@exemple.fr\n" +
		// One e-mail, names that differ by a word that matters: two places.
		"a1;[ADOMA] |GHL| RS KOENIGS;Strasbourg;67000;67482;1 rue A;;rs@adoma.fr\n" +
		"a2;[ADOMA] |GHL| RS LES COTEAUX;Strasbourg;67000;67482;2 rue B;;rs@adoma.fr\n"
	check := func(raw bool) ([]Place, *Report) {
		r, err := source.NewReader(strings.NewReader(csv), "proches.csv", source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		places, rep, err := Check(r, Options{Raw: raw})
		if err != nil {
			t.Fatal(err)
		}
		return places, rep
	}
	places, rep := check(false)
	var ids []string
	for _, p := range places {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "u1,l1,m1,m2,a1,a2" || rep.Merged != 2 || rep.NearDuplicates != 2 {
		t.Errorf("kept %s, %d merged (%d near-duplicates)", got, rep.Merged, rep.NearDuplicates)
	}
	var why []string
	for _, is := range rep.Issues {
		if strings.HasPrefix(is.Problem, "doublon de") {
			why = append(why, is.Problem)
		}
	}
	if len(why) != 2 || !strings.Contains(why[0], "même courriel et noms proches") || !strings.Contains(why[1], "même téléphone et même adresse") {
		t.Errorf("merges reported: %q", why)
	}
	if places, rep := check(true); len(places) != 8 || rep.NearDuplicates != 0 {
		t.Errorf("--brut merged near-duplicates: %d places", len(places))
	}
}
