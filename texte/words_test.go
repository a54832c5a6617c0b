package texte

import "testing"

// Real cases from the files of ../shared/data (see issue #12).
func TestFixCapitalWords(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		known    []string
	}{
		{"Mairie de MARSEILLAN", "Mairie de Marseillan", []string{"Marseillan"}},
		{"Médiathèque EMILE ZOLA", "Médiathèque Émile Zola", nil},
		{"Espace Cornu MSA", "Espace Cornu MSA", nil},
		{"Centre Social Est ALFA3A", "Centre Social Est ALFA3A", nil},
		{"Service Municipal de l'Emploi (SME)", "Service Municipal de l'Emploi (SME)", nil},
		{"ADOMA - FOYER TRAVAILLEURS MIGRANTS Lavandin", "ADOMA - FOYER TRAVAILLEURS MIGRANTS Lavandin", nil}, // shouts: FixCase's job
		{"Association AIDES", "Association AIDES", nil},
		{"COMMUNE DE LE HAVRE - Service Lecture publique", "Commune de Le Havre - Service Lecture publique", []string{"Le Havre"}},
		{"PIMMS LYON METROPOLE (site de Lyon Etats-Unis)", "PIMMS Lyon métropole (site de Lyon Etats-Unis)", []string{"Lyon", "LYON"}},
		{"Association pour L'INSERTION DES TRAVAILLEURS Tarn", "Association pour l'insertion des Travailleurs Tarn", nil},
		{"SECOURS POPULAIRE FRANCAIS fédération 70", "Secours populaire Francais fédération 70", nil},
		{"Pôle Ressources Jeunesse Numérique/PRJN", "Pôle Ressources Jeunesse Numérique/PRJN", nil},
		{"Bus France services Nice mobile", "Bus France services Nice mobile", nil},
		{"COMMUNE DE SEMUSSAC", "COMMUNE DE SEMUSSAC", nil}, // FixCase's job
	} {
		if got := FixCapitalWords(tt.in, tt.known...); got != tt.want {
			t.Errorf("FixCapitalWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Whole names in capitals keep a leading acronym.
func TestFixCaseAcronyms(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		known    []string
	}{
		{"ACPM", "ACPM", nil},
		{"CIJ", "CIJ", nil},
		{"APIJE - LUNEL", "APIJE - Lunel", []string{"Lunel"}},
		{"COMMUNE DE SEMUSSAC", "Commune de Semussac", nil},
		{"SAINT ETIENNE", "Saint Étienne", nil},
	} {
		if got := FixCase(tt.in, tt.known...); got != tt.want {
			t.Errorf("FixCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFixAddressWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"12 RUE Paul Valery", "12 rue Paul Valery"},
		{"48 Avenue marcel delprat", "48 avenue Marcel Delprat"},
		{"32 Bis r Liberté", "32 bis rue Liberté"},
		{"207 avenue Gal de Gaulle", "207 avenue Général de Gaulle"},
		{"3 Bd de la République", "3 boulevard de la République"},
		{"5 Av. Jean Jaurès", "5 avenue Jean Jaurès"},
		{"Rte de Bordeaux", "Route de Bordeaux"},
		{"73 Impasse Joseph Niepce", "73 impasse Joseph Niepce"},
		{"4 avenue de l'Union", "4 avenue de l'Union"},
		{"Place de la mairie", "Place de la Mairie"},
		{"Le Bourg", "Le Bourg"},
		{"Mairie, 1 place du marché", "Mairie, 1 place du Marché"},
		{"2 rue du 8 mai 1945", "2 rue du 8 Mai 1945"},
		{"BP 12 Centre Ville", "BP 12 Centre Ville"},
		{"34, rue Paul Ligneul", "34, rue Paul Ligneul"},
		{"85 AV DU GENERAL DE GAULLE", "85 AV DU GENERAL DE GAULLE"}, // FixAddressCase's job
	} {
		if got := FixAddressWords(tt.in); got != tt.want {
			t.Errorf("FixAddressWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
