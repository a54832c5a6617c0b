package lieu

import "fmt"

// Version is the generation of the schema a file follows, told from its
// column names.
type Version int

const (
	VersionUnknown Version = iota
	VersionDraft2022
	Version01
	Version1
	VersionHybrid   // 1.x values under some 0.1 column names
	VersionWorkbook // livret's own workbook, with French column names
)

func (v Version) String() string {
	switch v {
	case VersionDraft2022:
		return "brouillon de juillet 2022"
	case Version01:
		return "0.1"
	case Version1:
		return "1.x"
	case VersionHybrid:
		return "hybride (colonnes 1.x et 0.1 mêlées)"
	case VersionWorkbook:
		return "classeur de livret (colonnes en français, valeurs 1.x)"
	}
	return "inconnue"
}

// GoString makes test failures readable.
func (v Version) GoString() string { return fmt.Sprintf("Version(%s)", v) }

var (
	onlyIn1 = []string{"courriels", "frais_a_charge", "publics_specifiquement_adresses",
		"prise_en_charge_specifique", "dispositif_programmes_nationaux", "formations_labels",
		"autres_formations_labels", "modalites_acces", "itinerance", "fiche_acces_libre"}
	onlyIn01 = []string{"courriel", "conditions_acces", "publics_accueillis", "labels_nationaux",
		"labels_autres", "accessibilite", "cle_ban"}
)

// DetectVersion tells the schema generation of a file from its columns.
func DetectVersion(columns []string) Version {
	has := map[string]bool{}
	workbook := false
	for _, c := range columns {
		has[columnKey(c)] = true
		workbook = workbook || isWorkbookColumn(columnKey(c))
	}
	count := func(names []string) (n int) {
		for _, name := range names {
			if has[name] {
				n++
			}
		}
		return n
	}
	n1, n01 := count(onlyIn1), count(onlyIn01)
	switch {
	case workbook:
		return VersionWorkbook
	case has["conditions_access"]:
		return VersionDraft2022
	case n1 > 0 && n01 > 0:
		return VersionHybrid
	case n1 > 0:
		return Version1
	case n01 > 0:
		return Version01
	case has["nom"] && has["services"]:
		// Files that leave every optional column empty cannot be told
		// apart; 1.x is what is published today.
		return Version1
	}
	return VersionUnknown
}
