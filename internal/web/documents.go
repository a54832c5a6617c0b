package web

import "slices"

// Document is one kind of output of the page, at a stable address.
type Document struct {
	Name    string // the form's value: "guide"
	Path    string // "/guide.pdf"
	Command string // whose options apply, in the option table
	Label   string // French, for the form
	Hint    string
	Type    string            // content type of the file
	Fixed   map[string]string // options the document sets itself
}

const (
	typePDF  = "application/pdf"
	typeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// Documents are the outputs, in the order the form offers them.
var Documents = []*Document{
	{Name: "guide", Path: "/guide.pdf", Command: "guide", Type: typePDF,
		Label: "Guide", Hint: "les lieux par commune, avec sommaire et index, en A4 ou A5"},
	{Name: "livret", Path: "/livret.pdf", Command: "guide", Type: typePDF, Fixed: map[string]string{"format": "A5", "livret": "true"},
		Label: "Livret à agrafer", Hint: "le guide en A5, pages imposées sur A4 recto verso, à plier et agrafer"},
	{Name: "depliant", Path: "/depliant.pdf", Command: "depliant", Type: typePDF,
		Label: "Dépliant", Hint: "une feuille A4 recto verso : les lieux les plus proches en très gros caractères"},
	{Name: "fiches", Path: "/fiches.pdf", Command: "fiches", Type: typePDF,
		Label: "Fiches", Hint: "une page par lieu, à afficher ou à remettre"},
	{Name: "tableur", Path: "/lieux.xlsx", Command: "exporter", Type: typeXLSX, Fixed: map[string]string{"format": "xlsx"},
		Label: "Tableur", Hint: "les lieux choisis en classeur XLSX, une colonne par information"},
	{Name: "csv", Path: "/lieux.csv", Command: "exporter", Type: "text/csv; charset=utf-8", Fixed: map[string]string{"format": "csv"},
		Label: "Fichier CSV du standard", Hint: "les lieux choisis au format 1.x du standard, pour republier des données nettoyées"},
	{Name: "indicateurs", Path: "/indicateurs.pdf", Command: "indicateurs", Type: typePDF,
		Label: "Indicateurs", Hint: "les lieux en chiffres : par commune, par service, pour 10 000 habitants"},
	{Name: "chiffres", Path: "/indicateurs.xlsx", Command: "indicateurs", Type: typeXLSX,
		Label: "Indicateurs en tableur", Hint: "les mêmes chiffres, une feuille par tableau"},
	{Name: "verifier", Path: "/verifier", Command: "verifier", Type: "text/html; charset=utf-8",
		Label: "Vérification des données", Hint: "ce qui ne va pas dans le fichier, ligne par ligne, et ce que livret en fait"},
}

// documentNamed returns the document of a form value, or nil.
func documentNamed(name string) *Document {
	i := slices.IndexFunc(Documents, func(d *Document) bool { return d.Name == name })
	if i < 0 {
		return nil
	}
	return Documents[i]
}

// pages tells whether the document has pages to preview.
func (d *Document) pages() bool { return d.Type == typePDF }
