package main

import (
	"fmt"
	"io"

	"livret/export"

	"github.com/urfave/cli/v2"

	"livret/texte"
)

func verifierCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:      "verifier",
		Usage:     "vérifie un fichier du standard et dit, ligne par ligne, ce qui ne va pas et ce que livret en fait",
		ArgsUsage: "SOURCE",
		Description: "SOURCE est un fichier CSV, JSON, GeoJSON ou XLSX, une adresse https://… ou - pour l’entrée standard.\n" +
			"Sans SOURCE, l’exemple intégré est vérifié.\n\n" +
			"Les erreurs écartent une ligne (lieu sans nom, sans adresse ni commune…) ; les avertissements\n" +
			"signalent une valeur corrigée ou ignorée. Statut de sortie : 0, ou 1 avec --strict s’il y a des erreurs ou si le fichier ne donne aucun lieu.\n\n" +
			"Exemples :\n" +
			"   livret verifier lieux-mediation-numerique.csv\n" +
			"   livret verifier lieux.json --format csv --sortie rapport.csv\n" +
			"   livret verifier lieux.csv --commune Pessac --appels a-appeler.xlsx",
		Action: cliAction(runVerifier),
	})
}

// strictFailure is the exit status of --strict when rows were set aside,
// or when the file gives no place.
type strictFailure struct {
	n   int
	msg string
}

func (e strictFailure) Error() string {
	if e.msg != "" {
		return e.msg + " : vérification échouée (--strict)"
	}
	return fmt.Sprintf("%s : vérification échouée (--strict)", texte.Count(e.n, "ligne écartée", "lignes écartées"))
}
func (e strictFailure) Status() int { return 1 }

func runVerifier(c *request) error {
	if len(c.args) > 1 {
		return usageError{fmt.Sprintf("livret verifier lit une seule SOURCE à la fois : « %s » est de trop (lancez la commande une fois par fichier)", c.args[1])}
	}
	ld, err := load(c, c.arg(), false)
	if err != nil {
		return err
	}
	ld.correctionsSummary(c.log)
	rep := ld.report
	write := rep.WriteText
	switch c.String("format") {
	case "texte", "text":
	case "csv":
		write = rep.WriteCSV
	case "json":
		write = rep.WriteJSON
	default:
		return usageError{fmt.Sprintf("format « %s » inconnu : texte, csv ou json", c.String("format"))}
	}
	if out := c.String("sortie"); out != "" {
		if err := writeFile(c, out, write); err != nil {
			return err
		}
		fmt.Fprintf(c.log, "Rapport écrit : %s\n", out)
	} else if err := write(c.out); err != nil {
		return err
	}
	if path := c.String("appels"); path != "" {
		if err := writeCallList(c, ld, path); err != nil {
			return err
		}
	}
	msg := rep.Unusable()
	switch {
	case msg != "" && c.Bool("strict"):
		return strictFailure{msg: msg}
	case msg != "":
		fmt.Fprintln(c.log, "Attention : "+msg+".")
	case c.Bool("strict") && rep.SetAside > 0:
		return strictFailure{n: rep.SetAside}
	}
	return nil
}

// writeCallList writes the places to phone before printing: those of the
// territory and offer options, or every place of the file.
func writeCallList(c *request, ld *loaded, path string) error {
	edition, err := editionDate(c)
	if err != nil {
		return err
	}
	_, res, err := choose(c, ld)
	if err != nil {
		return err
	}
	rv := ld.review(res.Kept, edition)
	if err := writeFile(c, path, func(w io.Writer) error {
		return export.CallList(w, rv, "Lieux à appeler avant d’imprimer")
	}); err != nil {
		return err
	}
	fmt.Fprintf(c.log, "Liste d’appels écrite : %s (%s sur %d).\n", path, texte.Count(len(rv.Places), "lieu à appeler", "lieux à appeler"), rv.Total)
	for _, l := range append(rv.Summary(), rv.Staleness()) {
		if l != "" {
			fmt.Fprintln(c.log, l)
		}
	}
	return nil
}
