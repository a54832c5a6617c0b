package export

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"livret/controle"
	"livret/texte"
)

// CallList writes the places of a review to phone before printing, one
// row each: commune, name, phone, address, what to ask, and empty columns
// for the answer and the date of the call, as volunteers do before each
// edition of a paper guide.
func CallList(w io.Writer, rv *controle.Review, title string) error {
	wb := NewWorkbook(title)
	defer wb.Close()
	s, err := wb.AddSheet("À appeler", []Column{
		{Header: "Commune", Width: 22}, {Header: "Lieu", Width: 36}, {Header: "Téléphone", Width: 18, Kind: Code},
		{Header: "Adresse", Width: 30}, {Header: "À vérifier", Width: 50}, {Header: "Identifiant", Width: 16, Kind: Code},
		{Header: "Réponse", Width: 40}, {Header: "Appelé le", Width: 12},
	})
	if err != nil {
		return err
	}
	// By commune then name: the order in which one phones.
	rows := slices.Clone(rv.Places)
	slices.SortStableFunc(rows, func(a, b controle.ToCheck) int {
		return cmp.Or(texte.Compare(communeName(a.Place), communeName(b.Place)), texte.Compare(a.Place.Name, b.Place.Name))
	})
	for _, tc := range rows {
		p := tc.Place
		if err := s.Row(communeName(p), p.Name, phones(p), p.Address, strings.Join(tc.What, "\n"), p.ID, "", ""); err != nil {
			return err
		}
	}
	return wb.Write(w)
}
