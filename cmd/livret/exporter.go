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
		Action: cliAction(runExporter),
	})
}

// exportWriter returns the writer of a format of `exporter` and `lieux`.
func exportWriter(c *request, format, title string, kept []selection.Selected) (func(io.Writer) error, error) {
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

// exported is a selection ready to write in a format of `exporter`.
type exported struct {
	*chosen
	format string
	write  func(io.Writer) error
}

func exportPlaces(c *request, format string) (*exported, error) {
	ch, err := loadAndChoose(c)
	if err != nil {
		return nil, err
	}
	format = strings.ToLower(format)
	write, err := exportWriter(c, format, ofTerritory("Lieux de médiation numérique", ch.territory), ch.res.Kept)
	if err != nil {
		return nil, err
	}
	return &exported{chosen: ch, format: format, write: write}, nil
}

func (e *exported) fileName() string { return "lieux-" + slug(e.territory) + "." + e.format }

func runExporter(c *request) error {
	if c.Bool("modele-corrections") {
		out := cmp.Or(c.String("sortie"), "corrections.xlsx")
		if err := writeFile(c, out, corrections.WriteTemplate); err != nil {
			return err
		}
		fmt.Fprintf(c.log, "Modèle de corrections écrit : %s. Remplissez-le, puis : livret guide --corrections %s\n", out, shellQuote(out))
		return nil
	}
	e, err := exportPlaces(c, c.String("format"))
	if err != nil {
		return err
	}
	out := cmp.Or(c.String("sortie"), e.fileName())
	if err := writeFile(c, out, e.write); err != nil {
		return err
	}
	fmt.Fprintf(c.log, "Export écrit : %s (%s).\n", out, texte.Count(len(e.res.Kept), "lieu", "lieux"))
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
		Action: cliAction(runIndicateurs),
	})
}

// figures are the indicators of a selection, ready to write as XLSX or PDF.
type figures struct {
	*chosen
	format string
	write  func(io.Writer) error
}

func computeFigures(c *request, format string) (*figures, error) {
	settings, err := readSettings(c)
	if err != nil {
		return nil, err
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		return nil, err
	}
	ind := indicateurs.Compute(ch.res.Kept, territoire.Default(), ch.crit.Communes())
	f := &figures{chosen: ch, format: format}
	switch format {
	case "xlsx":
		f.write = ind.XLSX
	case "pdf":
		words, err := settings.tpl.Words()
		if err != nil {
			return nil, err
		}
		fig := ind.Figures(words.Services)
		fig.Title = ofTerritory(fig.Title, ch.territory)
		book, err := layout.FiguresDocument(fig, words.Wording, settings.theme, guide.Date(settings.edition))
		if err != nil {
			return nil, err
		}
		opt := settings.pdfOptions(ch.territory, c.Bool("non-balise"))
		f.write = func(w io.Writer) error { return pdf.Write(w, book, opt) }
	}
	return f, nil
}

func (f *figures) fileName() string { return "indicateurs-" + slug(f.territory) + "." + f.format }

func runIndicateurs(c *request) error {
	out := c.String("sortie")
	format := "xlsx"
	if out != "" {
		format = strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	}
	if format != "xlsx" && format != "pdf" {
		return usageError{fmt.Sprintf("« %s » : le fichier de sortie doit finir par .xlsx ou .pdf", out)}
	}
	f, err := computeFigures(c, format)
	if err != nil {
		return err
	}
	out = cmp.Or(out, f.fileName())
	if err := writeFile(c, out, f.write); err != nil {
		return err
	}
	fmt.Fprintf(c.log, "Indicateurs écrits : %s.\n", out)
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
func loadAndChoose(c *request) (*chosen, error) {
	ld, err := load(c, c.String("source"), true)
	if err != nil {
		return nil, err
	}
	ld.summary(c)
	if err := ld.usable(c); err != nil {
		return nil, err
	}
	crit, res, err := choose(c, ld)
	if err != nil {
		return nil, err
	}
	explain(c.log, res)
	if len(res.Kept) == 0 {
		return nil, errEmpty(crit)
	}
	return &chosen{loaded: ld, crit: crit, res: res, territory: crit.Name(res.Kept)}, nil
}
