package texte

import "testing"

func TestSite(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.castries.fr/CSM/136":                                               "castries.fr",
		"https://www.montpellier.fr/structure/303/240-maison-pour-tous.htm":             "montpellier.fr",
		"http://www.baillargues.fr/":                                                    "baillargues.fr",
		"https://www.facebook.com/cscgilbertjansem/":                                    "facebook.com/cscgilbertjansem",
		"https://fr-fr.facebook.com/voyageurs72/":                                       "fr-fr.facebook.com/voyageurs72",
		"https://www.rdv-aide-numerique.fr/org/2981":                                    "rdv-aide-numerique.fr/org/2981",
		"https://sites.google.com/view/numerique-riom/accueil":                          "sites.google.com/view/numerique-riom",
		"https://mosaic26130.wixsite.com/sp3c":                                          "mosaic26130.wixsite.com/sp3c",
		"https://www.facebook.com/pages/Mediatheque-Intercommunale-du-Pays-de-Nay/1234": "facebook.com",
		"https://www.facebook.com/profile.php?id=100064":                                "facebook.com",
		"contact@mairie.fr":                                                             "contact@mairie.fr",
	} {
		if got := Site(in); got != want {
			t.Errorf("Site(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOf(t *testing.T) {
	for in, want := range map[string]string{
		"Angoulême": "d’Angoulême", "Talence": "de Talence", "Le Bouscat": "du Bouscat",
		"Les Mureaux": "des Mureaux", "Haguenau": "de Haguenau", "Yzeure": "d’Yzeure", "La Rochelle": "de La Rochelle",
	} {
		if got := Of(in); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAt(t *testing.T) {
	for in, want := range map[string]string{
		"Marseille": "à Marseille", "Angoulême": "à Angoulême", "Le Havre": "au Havre", "Les Mureaux": "aux Mureaux",
		"La Rochelle": "à La Rochelle", "L’Haÿ-les-Roses": "à L’Haÿ-les-Roses", "Lens": "à Lens", "Lesparre-Médoc": "à Lesparre-Médoc",
	} {
		if got := At(in); got != want {
			t.Errorf("At(%q) = %q, want %q", in, got, want)
		}
	}
}
