package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"livret/territoire"
	"livret/texte"
)

func territoiresCommand() *cli.Command {
	return &cli.Command{
		Name:      "territoires",
		Usage:     "montre ce qu’un nom de territoire désigne : communes, EPCI, départements, régions",
		ArgsUsage: "NOM",
		Description: "Exemples :\n" +
			"   livret territoires Bordeaux\n" +
			"   livret territoires \"saint denis\"\n" +
			"   livret territoires 33160",
		Action: runTerritoires,
	}
}

func runTerritoires(c *cli.Context) error {
	name := strings.Join(c.Args().Slice(), " ")
	if strings.TrimSpace(name) == "" {
		return usageError{"indiquez un nom de territoire, par exemple : livret territoires Bordeaux"}
	}
	atlas := territoire.Default()
	areas := atlas.Search(name)
	if len(areas) == 0 {
		_, err := atlas.Resolve(territoire.KindCommune, name)
		if err != nil {
			return err
		}
		return fmt.Errorf("aucun territoire ne s’appelle « %s »", name)
	}
	w := newTypeset(c.App.Writer)
	for _, a := range areas {
		fmt.Fprintf(w, "%s : %s\n", capitalize(a.Kind.String()), a)
		fmt.Fprintf(w, "    option : --%s %s ; %s\n", flagOf(a.Kind), quoteArg(a.Code), texte.Count(len(a.Communes), "commune", "communes"))
		if n := a.Note.String(); n != "" {
			fmt.Fprintf(w, "    %s\n", n)
		}
	}
	return nil
}

func flagOf(k territoire.Kind) string {
	switch k {
	case territoire.KindCodePostal:
		return "code-postal"
	case territoire.KindEPCI:
		return "epci"
	case territoire.KindDepartement:
		return "departement"
	case territoire.KindRegion:
		return "region"
	}
	return "commune"
}

func quoteArg(s string) string {
	if strings.ContainsAny(s, " ’'") {
		return "\"" + s + "\""
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
