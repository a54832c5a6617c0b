package main

import (
	"github.com/urfave/cli/v2"

	"livret/selection"
)

// Flag categories, as the help screens show them.
const (
	catSource    = "DONNÉES"
	catTerritory = "TERRITOIRE (plusieurs valeurs d’une option : OU ; options différentes : ET)"
	catOffer     = "CE QUE LES LIEUX PROPOSENT"
	catLayout    = "MISE EN PAGE"
	catOutput    = "SORTIE"
)

func sourceFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "source", Aliases: []string{"s"}, Category: catSource, TakesFile: true,
			Usage: "fichier du standard (CSV, JSON, GeoJSON, XLSX), adresse https://… ou - pour l’entrée standard ; sans elle, l’exemple intégré"},
		&cli.StringFlag{Name: "feuille", Category: catSource,
			Usage: "feuille à lire dans un classeur XLSX (nom ou numéro), la première par défaut"},
		&cli.BoolFlag{Name: "brut", Category: catSource,
			Usage: "données telles que données, sans les règles de nettoyage (noms, adresses, libellés) ; pour comparer"},
	}
}

func territoryFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "commune", Aliases: []string{"c"}, Category: catTerritory,
			Usage: "commune, par son nom (accents et majuscules facultatifs) ou son code INSEE"},
		&cli.StringSliceFlag{Name: "code-postal", Category: catTerritory, Usage: "code postal"},
		&cli.StringSliceFlag{Name: "epci", Category: catTerritory,
			Usage: "intercommunalité (EPCI), par son nom ou son SIREN, par exemple « Bordeaux Métropole »"},
		&cli.StringSliceFlag{Name: "departement", Aliases: []string{"d"}, Category: catTerritory,
			Usage: "département, par son nom ou son numéro ; précise aussi une commune au nom ambigu"},
		&cli.StringSliceFlag{Name: "region", Category: catTerritory, Usage: "région, par son nom ou son code"},
		&cli.StringFlag{Name: "autour", Category: catTerritory,
			Usage: "garde les lieux proches d’une commune ou d’une position « latitude,longitude »"},
		&cli.Float64Flag{Name: "rayon", Category: catTerritory, Value: 5, Usage: "distance maximale en kilomètres, avec --autour"},
	}
}

func offerFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "service", Category: catOffer,
			Usage: "service du standard ou nom court : demarches, quotidien, smartphone, ordinateur, emploi, securite, parentalite, loisirs, comprendre, internet, materiel, achat"},
		&cli.StringSliceFlag{Name: "public", Category: catOffer,
			Usage: "public visé : jeunes, etudiants, familles, seniors, femmes (les lieux ouverts à tous restent)"},
		&cli.BoolFlag{Name: "gratuit", Category: catOffer, Usage: "seulement les lieux gratuits"},
		&cli.BoolFlag{Name: "accessible", Category: catOffer, Usage: "seulement les lieux avec une information d’accessibilité (handicap moteur, fiche Accès libre)"},
		&cli.BoolFlag{Name: "sans-rendez-vous", Category: catOffer, Usage: "seulement les lieux où l’on peut venir sans rendez-vous"},
		&cli.BoolFlag{Name: "ouvert-samedi", Category: catOffer, Usage: "seulement les lieux ouverts le samedi d’après leurs horaires"},
	}
}

// query reads the territory and offer options.
func query(c *cli.Context) selection.Query {
	return selection.Query{
		Communes:           c.StringSlice("commune"),
		PostalCodes:        c.StringSlice("code-postal"),
		EPCIs:              c.StringSlice("epci"),
		Departements:       c.StringSlice("departement"),
		Regions:            c.StringSlice("region"),
		Around:             c.String("autour"),
		Radius:             c.Float64("rayon"),
		Services:           c.StringSlice("service"),
		Publics:            c.StringSlice("public"),
		Free:               c.Bool("gratuit"),
		Accessible:         c.Bool("accessible"),
		WithoutAppointment: c.Bool("sans-rendez-vous"),
		OpenSaturday:       c.Bool("ouvert-samedi"),
	}
}

func concat(groups ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
