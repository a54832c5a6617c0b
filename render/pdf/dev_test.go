package pdf

import (
	"flag"
	"os"
	"testing"
	"time"

	"livret/guide"
	"livret/layout"
)

var devOut = flag.String("dev", "", "write a sample guide to this file")

func TestDevSample(t *testing.T) {
	if *devOut == "" {
		t.Skip("no -dev")
	}
	th, _ := layout.DefaultTheme()
	g := devGuide()
	b, err := layout.Guide(g, th)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(*devOut)
	defer f.Close()
	if err := Write(f, b, Options{Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	t.Log(b.Warnings)
}

func devGuide() *guide.Guide {
	g := &guide.Guide{
		Title:     "Où se faire aider avec le numérique\u00a0?",
		Territory: "Bordeaux Métropole",
		Edition:   "23\u00a0novembre 2026",
		Intro: []string{
			"Ce guide donne les lieux où l’on peut se faire aider à utiliser un ordinateur, un téléphone ou internet.",
			"Les lieux sont classés par commune. Pour chaque lieu, vous trouverez son adresse, son numéro de téléphone et ses horaires.",
		},
		Legend: []guide.Legend{
			{Icon: "address", Label: "Adresse"},
			{Icon: "paperwork", Label: "Démarches administratives", Text: "Aide aux démarches administratives en ligne"},
		},
		Helplines: []guide.Helpline{{Name: "Solidarité Numérique", Phone: guide.Phone{Display: "01\u00a070\u00a077\u00a023\u00a072", URI: "tel:+33170772372"},
			When: "Du lundi au vendredi, de 9\u00a0h à 18\u00a0h"}},
		Parts: guide.Parts{HowTo: true, Contents: true, Index: true, Notes: true, About: true},
		About: guide.About{Source: "Données : Cartographie nationale des lieux d’inclusion numérique", Licence: "Licence Ouverte 2.0",
			FontCredits: []string{"Police Luciole © Laurent Bourcellier & Jonathan Perez, CC BY 4.0"}},
	}
	for i, c := range []string{"Bordeaux", "Bègles", "Mérignac", "Pessac"} {
		s := guide.Section{Title: c, Anchor: "c" + c}
		for j := 0; j < 3; j++ {
			e := guide.Entry{
				Anchor:  c + string(rune('a'+j)),
				Name:    "Médiathèque Jacques-Ellul",
				Commune: c,
				Address: []string{"21 rue Jean-Jaurès", "33600\u00a0" + c},
				Phones:  []guide.Phone{{Display: "05\u00a057\u00a093\u00a067\u00a000", URI: "tel:+33557936700"}},
				Hours: guide.Hours{Lines: []string{"Lundi au vendredi\u00a0: 9\u00a0h\u00a0–\u00a012\u00a0h et 14\u00a0h\u00a0–\u00a017\u00a0h",
					"Samedi\u00a0: 9\u00a0h\u00a030\u00a0–\u00a012\u00a0h", "Fermé le mercredi"}},
				Services: []guide.Service{{Icon: "paperwork", Label: "Démarches administratives"}, {Icon: "devices", Label: "Ordinateur et téléphone"},
					{Icon: "work", Label: "Emploi"}, {Icon: "computer", Label: "Accès à internet"}},
				Facts:   []guide.Fact{{Icon: "fees", Text: "Gratuit"}, {Icon: "appointment", Text: "Sur rendez-vous"}, {Icon: "wheelchair", Text: "Accès en fauteuil roulant"}},
				Email:   &guide.Link{Text: "mediatheque@mairie-pessac.fr", URL: "mailto:mediatheque@mairie-pessac.fr"},
				Website: &guide.Link{Text: "bibliotheque.pessac.fr", URL: "https://bibliotheque.pessac.fr/"},
				QR:      "https://bibliotheque.pessac.fr/",
				Updated: "Informations du 3\u00a0mars 2025",
			}
			_ = i
			s.Entries = append(s.Entries, e)
			g.Index = append(g.Index, guide.IndexEntry{Letter: "M", Text: e.Name + ", " + c, Anchor: e.Anchor})
		}
		g.Sections = append(g.Sections, s)
	}
	g.Sample = &g.Sections[0].Entries[0]
	return g
}
