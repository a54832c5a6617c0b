package templates

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"livret/guide"
)

// placeholders lists, for each phrase of the wording that takes some, the
// placeholders it may hold; the others take none. The keys are the YAML
// paths under « mise_en_page ».
var placeholders = map[string][]string{
	"page":                                   {"page", "pages"},
	"edite_le":                               {"date"},
	"edition_du":                             {"date"},
	"fiche_imprimee_le":                      {"date"},
	"titre_du_document":                      {"titre", "territoire"},
	"titre_des_fiches":                       {"territoire"},
	"titre_du_livret":                        {"titre"},
	"suite":                                  {"nom"},
	"index_meme_nom":                         {"nom", "lieux"},
	"index_lieu":                             {"commune", "page"},
	"textes_de_remplacement.appeler_le_lieu": {"numero"},
	"textes_de_remplacement.appeler_la_ligne": {"nom"},
	"textes_de_remplacement.ecrire":           {"adresse"},
	"textes_de_remplacement.ouvrir_le_site":   {"adresse"},
	"textes_de_remplacement.code_qr":          {"adresse"},
	"textes_de_remplacement.code_qr_carte":    {"adresse"},
	"textes_de_remplacement.page_de":          {"titre", "page"},
	"textes_de_remplacement.logo_de":          {"nom"},
}

// required are the placeholders a phrase must hold: a page number says
// which page it is, a continuation which place goes on, an index line
// which places and on which pages.
var required = map[string][]string{"page": {"page"}, "suite": {"nom"},
	"index_meme_nom": {"nom", "lieux"}, "index_lieu": {"commune", "page"}}

var rePlaceholder = regexp.MustCompile(`\{([^{}]*)\}`)

// checkWording checks that no phrase of the wording is empty and that
// each holds only the placeholders it may hold, and those it must.
func checkWording(w *guide.Wording) error {
	return w.Each(func(key string, s *string) error {
		name := "mise_en_page, « " + strings.ReplaceAll(key, ".", " ▸ ") + " »"
		if strings.TrimSpace(*s) == "" {
			return fmt.Errorf("%s : le texte est vide ; écrivez les mots à imprimer", name)
		}
		return checkPlaceholders(name, *s, placeholders[key], required[key])
	})
}

// checkOrder checks the placeholders of the sentences that say how a
// guide is ordered: only those of a range, « du {premier} au {dernier} »,
// and only where the guide has one. An empty sentence is left out.
func checkOrder(o Order) error {
	for _, p := range []struct {
		key, s  string
		allowed []string
	}{{"commune", o.ByCommune, nil}, {"service", o.ByService, nil}, {"service_une_commune", o.ByServiceOne, nil}, {"nom", o.ByName, nil},
		{"arrondissement", o.ByDistrict, []string{"premier", "dernier"}}, {"code_postal", o.ByPostalCode, []string{"premier", "dernier"}}} {
		if err := checkPlaceholders("rangement, « "+p.key+" »", p.s, p.allowed, nil); err != nil {
			return err
		}
	}
	return nil
}

// checkPlaceholders checks that s, the phrase called name in messages,
// holds only the placeholders allowed, and those required.
func checkPlaceholders(name, s string, allowed, required []string) error {
	for _, m := range rePlaceholder.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(allowed, m[1]) {
			if len(allowed) == 0 {
				return fmt.Errorf("%s : « %s » n’est pas remplacé ici ; ce texte ne prend aucun mot entre accolades", name, m[0])
			}
			return fmt.Errorf("%s : « %s » inconnu ; ce texte peut contenir %s", name, m[0], braces(allowed))
		}
	}
	for _, r := range required {
		if !strings.Contains(s, "{"+r+"}") {
			return fmt.Errorf("%s : « {%s} » manque ; écrivez-le là où il doit être imprimé", name, r)
		}
	}
	return nil
}

func braces(names []string) string {
	b := make([]string, len(names))
	for i, n := range names {
		b[i] = "{" + n + "}"
	}
	return strings.Join(b, " et ")
}
