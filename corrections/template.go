package corrections

import (
	"io"
	"slices"

	"livret/export"
	"livret/lieu"
)

// templateColumns are the columns of the empty corrections workbook, with
// what each holds; any other column of the export workbook may be added.
var templateColumns = []struct{ header, help string }{
	{"Identifiant", "l’identifiant du lieu, tel que l’export de livret le donne (colonne « Identifiant ») ; " +
		"laissez-le vide, ou donnez-en un nouveau, pour ajouter un lieu absent de la source"},
	{ColumnAction, "« " + ActionHide + " » pour que le lieu n’apparaisse plus (lieu fermé, doublon) ; sinon vide"},
	{"Nom", "le nom du lieu ; obligatoire pour ajouter un lieu"},
	{"Adresse", "numéro et rue"},
	{"Complément", "bâtiment, étage, entrée"},
	{"Code postal", "cinq chiffres"},
	{"Commune", "nom de la commune"},
	{"Téléphone", "un numéro par ligne, écrit comme on le dit : 05 56 00 00 00"},
	{"Courriel", "une adresse par ligne"},
	{"Site web", "une adresse par ligne"},
	{"Horaires", "au format du standard (Mo-Fr 09:00-12:00) pour qu’ils soient mis en forme ; " +
		"écrits en français, ils sont imprimés tels quels avec « à confirmer »"},
	{lieu.ColumnDirections, "comment venir : arrêt de bus, entrée, stationnement ; imprimé dans le guide"},
	{lieu.ColumnClosure, "une fermeture temporaire, par exemple « Fermé du 1er au 15 août » ; imprimée dans le guide"},
	{"Services", "valeurs du standard séparées par « ; »"},
	{"Frais", "Gratuit, Gratuit sous condition ou Payant"},
	{"Modalités d’accès", "par exemple « Se présenter ; Téléphoner »"},
	{"Latitude", "position en degrés décimaux, par exemple 44.8378"},
	{"Longitude", "position en degrés décimaux, par exemple -0.5792"},
}

// howTo explains the file, on its second sheet.
var howTo = []string{
	"Ce classeur garde vos corrections à part des données nationales : elles s’appliquent à chaque nouveau téléchargement.",
	"Une ligne par lieu. Seules les cases remplies comptent : une case vide laisse la valeur de la source.",
	"Pour corriger un lieu, copiez son identifiant depuis l’export (livret exporter) et remplissez les cases à changer.",
	"Toutes les colonnes de l’export sont acceptées, dans n’importe quel ordre ; celles qui ne servent pas peuvent être supprimées.",
	"Utilisation : livret guide --source national --corrections corrections.xlsx",
	"livret dit, pour chaque ligne, ce qu’elle a changé, et signale celles dont le lieu n’existe plus dans la source.",
}

// WriteTemplate writes an empty corrections workbook: the headers on the
// first sheet, what each column holds on the second.
func WriteTemplate(w io.Writer) error {
	headers := export.Headers()
	cols := make([]export.Column, len(templateColumns))
	for i, c := range templateColumns {
		cols[i] = export.Column{Header: c.header, Width: 20, Kind: export.Text}
		if j := slices.IndexFunc(headers, func(h export.Column) bool { return h.Header == c.header }); j >= 0 {
			cols[i] = headers[j]
		}
	}
	wb := export.NewWorkbook("Corrections des lieux de médiation numérique")
	defer wb.Close()
	if _, err := wb.AddSheet("Corrections", cols); err != nil {
		return err
	}
	help, err := wb.AddSheet("Mode d’emploi", []export.Column{{Header: "Colonne", Width: 24}, {Header: "Ce qu’elle contient", Width: 100}})
	if err != nil {
		return err
	}
	for _, c := range templateColumns {
		if err := help.Row(c.header, c.help); err != nil {
			return err
		}
	}
	if err := help.Row(); err != nil {
		return err
	}
	for _, line := range howTo {
		if err := help.Row("", line); err != nil {
			return err
		}
	}
	return wb.Write(w)
}
