package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"livret/guide"
	"livret/selection"
	"livret/texte"
)

func lieuxCommand() *cli.Command {
	return &cli.Command{
		Name:  "lieux",
		Usage: "liste les lieux choisis dans le terminal, ou les exporte",
		Description: "Mêmes critères que la commande guide.\n\n" +
			"Exemples :\n" +
			"   livret lieux --commune Pessac\n" +
			"   livret lieux --autour \"44.84,-0.57\" --rayon 3 --service demarches",
		Flags: concat(sourceFlags(), territoryFlags(), offerFlags(), []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "tableau", Category: catOutput,
				Usage: "tableau (à l’écran), csv (standard 1.x), json ou xlsx"},
			&cli.BoolFlag{Name: "point-virgule", Category: catOutput, Usage: "CSV avec « ; » et BOM, comme l’export national"},
			&cli.StringFlag{Name: "sortie", Aliases: []string{"o"}, Category: catOutput, TakesFile: true,
				Usage: "fichier à écrire plutôt que l’écran"},
		}),
		Action: runLieux,
	}
}

func runLieux(c *cli.Context) error {
	ch, err := loadAndChoose(c)
	if err != nil {
		return err
	}
	crit, res := ch.crit, ch.res
	var write func(io.Writer) error
	switch f := c.String("format"); f {
	case "tableau", "table":
		write = func(w io.Writer) error { return table(w, res.Kept, crit.Centre != nil) }
	case "xlsx":
		if c.String("sortie") == "" {
			return usageError{"un classeur XLSX ne s’affiche pas dans le terminal : indiquez --sortie FICHIER.xlsx"}
		}
		fallthrough
	default:
		if write, err = exportWriter(c, f, "Lieux de médiation numérique", res.Kept); err != nil {
			return usageError{fmt.Sprintf("format « %s » inconnu : tableau, csv, json ou xlsx", f)}
		}
	}
	if out := c.String("sortie"); out != "" {
		return writeFile(out, write)
	}
	return write(c.App.Writer)
}

// table lists places as aligned columns, in French order of commune and name.
func table(w io.Writer, kept []selection.Selected, distance bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "COMMUNE\tLIEU\tTÉLÉPHONE\tADRESSE"
	if distance {
		head += "\tDISTANCE"
	}
	fmt.Fprintln(tw, head)
	rows := guidePlaces(kept)
	for _, p := range rows {
		commune := p.Commune
		if commune == "" {
			commune = texte.FixCase(p.Lieu.Commune)
		}
		phone := ""
		for _, n := range p.Phones {
			phone = strings.ReplaceAll(n.Display, "\u00a0", " ")
			break
		}
		line := strings.Join([]string{commune, texte.FixCase(texte.Clean(p.Lieu.Name), commune), phone,
			texte.FixAddressCase(texte.Clean(p.Lieu.Address), commune)}, "\t")
		if distance {
			line += "\t" + strings.ReplaceAll(guide.Distance(p.Distance), "\u00a0", " ")
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}
