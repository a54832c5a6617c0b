package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"livret/guide"
	"livret/selection"
)

func lieuxCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "lieux",
		Usage: "liste les lieux choisis dans le terminal, ou les exporte",
		Description: "Mêmes critères que la commande guide.\n\n" +
			"Exemples :\n" +
			"   livret lieux --commune Pessac\n" +
			"   livret lieux --autour \"44.84,-0.57\" --rayon 3 --service demarches",
		Action: cliAction(runLieux),
	})
}

func runLieux(c *request) error {
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
		return writeFile(c, out, write)
	}
	return write(c.out)
}

// table lists places as aligned columns, written as the guide writes
// them: by commune in French order, or nearest first for a selection by
// distance.
func table(w io.Writer, kept []selection.Selected, distance bool) error {
	by := guide.ByCommune
	if distance {
		by = guide.InOrder
	}
	g := guide.Compose(guidePlaces(kept), guide.Options{By: by})
	plain := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "COMMUNE\tLIEU\tTÉLÉPHONE\tADRESSE"
	if distance {
		head += "\tDISTANCE"
	}
	fmt.Fprintln(tw, head)
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			phone := ""
			if len(e.Phones) > 0 {
				phone = e.Phones[0].Display
			}
			street := strings.Join(e.Street(), ", ")
			line := strings.Join([]string{e.Commune, e.Name, phone, street}, "\t")
			if distance {
				line += "\t" + e.Distance
			}
			fmt.Fprintln(tw, plain(line))
		}
	}
	return tw.Flush()
}
