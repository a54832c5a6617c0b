package territoire

import "fmt"

// How tells how a place or a name was matched to its commune.
type How uint8

const (
	ByCode                   How = iota // current INSEE code or name
	ByFormerCode                        // code of a merged, delegated or associated commune
	ByArrondissementCode                // code of an arrondissement municipal
	ByDelegatedName                     // name of a commune déléguée or associée
	ByPostalCodeAndName                 // postal code and commune name, the INSEE code being absent, unknown or contradicted
	ByPostalCode                        // only commune of the postal code, the name being absent or not recognised
	ByNameInDepartement                 // name alone, unique in the département of the postal code
	ByPostalCodeAndCloseName            // postal code and a shortened or misspelt name, close to only one of its communes
)

// A Note records how a commune was found when it took more than its
// current code. The zero Note means "by its current code or name"; String
// gives a French sentence for reports.
type Note struct {
	How     How
	Commune *Commune // the current commune found

	Code       string // the INSEE code given, when it was not the current code of Commune
	Name       string // name of the former commune or arrondissement the code designates
	PostalCode string // postal code used to find the commune
	Given      string // commune name as given

	// CodeCommune is the commune the INSEE code given designates when the
	// name and postal code contradicted it and led elsewhere.
	CodeCommune *Commune

	// Arrondissement is the arrondissement municipal an arrondissement
	// code designates (ByArrondissementCode).
	Arrondissement *Arrondissement
}

// String returns the note as a French sentence, or "" for the zero Note.
func (n Note) String() string {
	if n.Commune == nil {
		return ""
	}
	c := label(n.Commune)
	codeIssue := ""
	switch {
	case n.CodeCommune != nil:
		codeIssue = fmt.Sprintf("Le code INSEE %s désigne %s, que ni le nom ni le code postal ne confirment. ", n.Code, label(n.CodeCommune))
	case n.Code != "":
		codeIssue = fmt.Sprintf("Code INSEE «\u00a0%s\u00a0» inconnu. ", n.Code)
	}
	switch n.How {
	case ByFormerCode:
		if n.Name != "" {
			return fmt.Sprintf("Ancien code INSEE %s de la commune %s, aujourd’hui rattachée à %s.", n.Code, n.Name, c)
		}
		return fmt.Sprintf("Ancien code INSEE %s, aujourd’hui %s.", n.Code, c)
	case ByArrondissementCode:
		return fmt.Sprintf("Code INSEE %s de l’arrondissement %s, dans la commune %s.", n.Code, n.Name, c)
	case ByDelegatedName:
		return fmt.Sprintf("«\u00a0%s\u00a0» est une ancienne commune, aujourd’hui rattachée à %s.", n.Given, c)
	case ByPostalCodeAndName:
		return fmt.Sprintf("%sCommune retrouvée par le code postal %s et le nom «\u00a0%s\u00a0»\u00a0: %s.", codeIssue, n.PostalCode, n.Given, c)
	case ByPostalCode:
		if n.Given == "" {
			return fmt.Sprintf("%sCommune retrouvée par le code postal %s, qui n’en dessert qu’une\u00a0: %s.", codeIssue, n.PostalCode, c)
		}
		return fmt.Sprintf("%sNom «\u00a0%s\u00a0» non reconnu\u00a0; commune retrouvée par le code postal %s, qui n’en dessert qu’une\u00a0: %s.", codeIssue, n.Given, n.PostalCode, c)
	case ByPostalCodeAndCloseName:
		return fmt.Sprintf("%sCommune retrouvée par le code postal %s et le nom approché «\u00a0%s\u00a0»\u00a0: %s.", codeIssue, n.PostalCode, n.Given, c)
	case ByNameInDepartement:
		return fmt.Sprintf("%sCommune retrouvée par le nom «\u00a0%s\u00a0» dans le département %s\u00a0: %s.", codeIssue, n.Given, deptLabel(n.Commune.Departement), c)
	}
	return ""
}

// label names a commune for a French sentence: "Talence (33522)".
func label(c *Commune) string { return c.Name + " (" + c.Code + ")" }

// deptLabel names a département for a French sentence: "Gironde (33)".
func deptLabel(d *Departement) string { return d.Name + " (" + d.Code + ")" }
