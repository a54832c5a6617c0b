package texte

import (
	"testing"
	"unicode/utf8"
)

// messages are real messages of the command line, as written by hand.
var messages = []struct{ in, want string }{
	{"Attention : la page est ouverte aux autres ordinateurs du réseau, sans mot de passe.", "Attention_: la page est ouverte aux autres ordinateurs du réseau, sans mot de passe."},
	{"Serveur arrêté ; les fichiers envoyés sont oubliés.", "Serveur arrêté^; les fichiers envoyés sont oubliés."},
	{"livret est prêt : ouvrez http://127.0.0.1:8080/ dans votre navigateur.\nPour arrêter, fermez cette fenêtre ou tapez Ctrl+C.",
		"livret est prêt_: ouvrez http://127.0.0.1:8080/ dans votre navigateur.\nPour arrêter, fermez cette fenêtre ou tapez Ctrl+C."},
	{"Lecture de « lieux.csv » : 387 lignes lues, dont 335\u00a0hors du territoire demandé, non vérifiées ; des 52\u00a0autres : 51 lieux retenus.",
		"Lecture de «_lieux.csv_»_: 387 lignes lues, dont 335_hors du territoire demandé, non vérifiées^; des 52_autres_: 51 lieux retenus."},
	{"  3 avertissements ; le détail : livret verifier --epci 243300316", "  3 avertissements^; le détail_: livret verifier --epci 243300316"},
	{"livret : l’option --tail n’existe pas. Vouliez-vous dire --taille ? Toutes les options : livret guide --help",
		"livret_: l’option --tail n’existe pas. Vouliez-vous dire --taille^? Toutes les options_: livret guide --help"},
	{"livret : la valeur « grand » de l’option --taille n’est pas un nombre entier ; écrivez par exemple --taille 18",
		"livret_: la valeur «_grand_» de l’option --taille n’est pas un nombre entier^; écrivez par exemple --taille 18"},
	{"Guide écrit : C:\\Users\\Marie\\Mes guides !\\guide.pdf (53 pages).", "Guide écrit_: C:\\Users\\Marie\\Mes guides !\\guide.pdf (53 pages)."},
	{"Aperçu : 4 images dans « C:\\Users\\Marie\\Aperçu ; essai ».", "Aperçu_: 4 images dans «_C:\\Users\\Marie\\Aperçu ; essai_»."},
	// A path runs to the end of the line: a name may hold " ;" and " !".
	{"Rapport écrit : \\\\serveur\\partage\\rapport ; v2.txt ! (3 pages)", "Rapport écrit_: \\\\serveur\\partage\\rapport ; v2.txt ! (3 pages)"},
	{"(c’est gratuit !) ; C:\\x\n« fin » !", "(c’est gratuit^!)^; C:\\x\n«_fin_»^!"},
	{"Export écrit : /home/marie/export.xlsx (51 lieux).", "Export écrit_: /home/marie/export.xlsx (51 lieux)."},
	{"Vraiment ?! Oui !", "Vraiment^?! Oui^!"},
	{"OPTIONS :\n   --taille value  taille du texte en points : 16 à 28 (par défaut : 18)",
		"OPTIONS_:\n   --taille value  taille du texte en points_: 16 à 28 (par défaut_: 18)"},
	// Not the spaces of a sentence.
	{"ouvert de 9:30 à 12:00", "ouvert de 9:30 à 12:00"},
	{"voir https://exemple.fr/carte ?zoom=3 et mailto:accueil@mairie.fr", "voir https://exemple.fr/carte ?zoom=3 et mailto:accueil@mairie.fr"},
	{": en début de ligne\n : indenté", ": en début de ligne\n : indenté"},
	{"deux  : espaces", "deux  : espaces"},
	{"colonne :x et ?a", "colonne :x et ?a"},
	{"déjà\u00a0: fait\u202f; «\u00a0ici\u00a0»", "déjà_: fait^; «_ici_»"},
	{"fin :", "fin_:"},
	{"fin « ", "fin « "},
	{"", ""},
}

func TestNoBreakSpaces(t *testing.T) {
	for _, tt := range messages {
		got := NoBreakSpaces(tt.in)
		if vis(got) != tt.want {
			t.Errorf("NoBreakSpaces(%q)\n = %q\nwant %q", tt.in, vis(got), tt.want)
		}
	}
}

// onlySpaces reports whether out is in with some plain spaces made
// no-break, and nothing else changed.
func onlySpaces(in, out string) bool {
	for in != "" && out != "" {
		a, na := utf8.DecodeRuneInString(in)
		b, nb := utf8.DecodeRuneInString(out)
		if in[:na] != out[:nb] && (a != ' ' || (b != nbsp && b != nnbsp)) {
			return false
		}
		in, out = in[na:], out[nb:]
	}
	return in == "" && out == ""
}

func FuzzNoBreakSpaces(f *testing.F) {
	for _, m := range messages {
		f.Add(m.in)
	}
	addSeeds(f, func(r real) []string { return r.HTMLs })
	f.Fuzz(func(t *testing.T, s string) {
		got := NoBreakSpaces(s)
		if !onlySpaces(s, got) {
			t.Fatalf("NoBreakSpaces(%q) = %q changed more than plain spaces", s, got)
		}
		if again := NoBreakSpaces(got); again != got {
			t.Fatalf("NoBreakSpaces not idempotent on %q: %q then %q", s, got, again)
		}
	})
}
