package main

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"livret/corrections"
	"livret/export"
	"livret/guide"
	"livret/indicateurs"
	"livret/layout"
	"livret/render/pdf"
	"livret/selection"
	"livret/territoire"
	"livret/texte"
)

func exporterCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "exporter",
		Usage: "exporte les lieux choisis en classeur XLSX lisible ou au format CSV 1.x du standard",
		Description: "Le classeur a une colonne par information, téléphones et horaires déjà mis en forme,\n" +
			"l’en-tête figé et un filtre. Le CSV suit le standard 1.x : un pôle peut republier les données nettoyées.\n\n" +
			"Exemples :\n" +
			"   livret exporter --epci \"Bordeaux Métropole\" --sortie lieux.xlsx\n" +
			"   livret exporter --source lieux.json --format csv --sortie lieux-1.x.csv\n" +
			"   livret exporter --modele-corrections --sortie corrections.xlsx",
		Action: runExporter,
	})
}

// exportWriter returns the writer of a format of `exporter` and `lieux`.
func exportWriter(c *cli.Context, format, title string, kept []selection.Selected) (func(io.Writer) error, error) {
	switch format {
	case "xlsx":
		return func(w io.Writer) error { return export.XLSX(w, kept, export.XLSXOptions{Title: title}) }, nil
	case "csv":
		opt := export.CSVOptions{Semicolon: c.Bool("point-virgule")}
		return func(w io.Writer) error { return export.CSV(w, kept, opt) }, nil
	case "json":
		return func(w io.Writer) error { return export.JSON(w, kept) }, nil
	}
	return nil, usageError{fmt.Sprintf("format « %s » inconnu : xlsx, csv ou json", format)}
}

func runExporter(c *cli.Context) error {
	if c.Bool("modele-corrections") {
		out := cmp.Or(c.String("sortie"), "corrections.xlsx")
		if err := writeFile(c, out, corrections.WriteTemplate); err != nil {
			return err
		}
		fmt.Fprintf(c.App.ErrWriter, "Modèle de corrections écrit : %s. Remplissez-le, puis : livret guide --corrections %s\n", out, shellQuote(out))
		return nil
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		return err
	}
	format := strings.ToLower(c.String("format"))
	write, err := exportWriter(c, format, "Lieux de médiation numérique – "+ch.territory, ch.res.Kept)
	if err != nil {
		return err
	}
	out := c.String("sortie")
	if out == "" {
		out = "lieux-" + slug(ch.territory) + "." + format
	}
	if err := writeFile(c, out, write); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "Export écrit : %s (%s).\n", out, texte.Count(len(ch.res.Kept), "lieu", "lieux"))
	return nil
}

func indicateursCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "indicateurs",
		Usage: "compte les lieux par commune et par service, par public, gratuits ou payants, pour 10 000 habitants",
		Description: "Le classeur XLSX a une feuille par tableau ; le PDF en donne l’essentiel en gros caractères,\n" +
			"avec des diagrammes. Le format suit l’extension du fichier de sortie (.xlsx ou .pdf).\n" +
			"Avec « livret guide --indicateurs », la page du PDF s’ajoute au guide.\n\n" +
			"Exemples :\n" +
			"   livret indicateurs --epci \"Bordeaux Métropole\" --sortie chiffres.xlsx\n" +
			"   livret indicateurs --departement 33 --sortie chiffres.pdf",
		Action: runIndicateurs,
	})
}

func runIndicateurs(c *cli.Context) error {
	settings, err := readSettings(c)
	if err != nil {
		return err
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		return err
	}
	ind := indicateurs.Compute(ch.res.Kept, territoire.Default(), ch.crit.Communes())
	out := c.String("sortie")
	if out == "" {
		out = "indicateurs-" + slug(ch.territory) + ".xlsx"
	}
	var write func(io.Writer) error
	switch format := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), ".")); format {
	case "xlsx":
		write = ind.XLSX
	case "pdf":
		words, err := settings.tpl.Words()
		if err != nil {
			return err
		}
		f := ind.Figures(words.Services)
		f.Title += " – " + ch.territory
		book, err := layout.FiguresDocument(f, settings.theme, guide.Date(settings.edition))
		if err != nil {
			return err
		}
		opt := settings.pdfOptions(ch.territory, c.Bool("non-balise"))
		write = func(w io.Writer) error { return pdf.Write(w, book, opt) }
	default:
		return usageError{fmt.Sprintf("« %s » : le fichier de sortie doit finir par .xlsx ou .pdf", out)}
	}
	if err := writeFile(c, out, write); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "Indicateurs écrits : %s.\n", out)
	return nil
}

// chosen is what a command works on: the source read and checked, the
// criteria, the places kept, and the name of their territory.
type chosen struct {
	*loaded
	crit      *selection.Criteria
	res       *selection.Result
	territory string
}

// loadAndChoose reads, checks and selects, saying what became of the rows;
// it refuses an empty selection.
func loadAndChoose(c *cli.Context) (*chosen, error) {
	ld, err := load(c, c.String("source"))
	if err != nil {
		return nil, err
	}
	ld.summary(c.App.ErrWriter)
	if err := ld.usable(); err != nil {
		return nil, err
	}
	crit, res, err := choose(c, ld)
	if err != nil {
		return nil, err
	}
	explain(c.App.ErrWriter, res)
	if len(res.Kept) == 0 {
		return nil, errEmpty(crit)
	}
	return &chosen{loaded: ld, crit: crit, res: res, territory: crit.Name(res.Kept)}, nil
}
