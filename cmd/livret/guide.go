package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"livret/fonts"
	"livret/guide"
	"livret/indicateurs"
	"livret/layout"
	"livret/render/pdf"
	"livret/render/png"
	"livret/selection"
	"livret/templates"
	"livret/territoire"
	"livret/texte"
)

func guideCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "guide",
		Usage: "produit le guide PDF en gros caractères des lieux choisis",
		Description: "Exemples :\n" +
			"   livret guide --epci \"Bordeaux Métropole\" --sortie guide.pdf\n" +
			"   livret guide --source lieux.csv --commune Talence --commune Pessac --service demarches\n" +
			"   livret guide --autour \"Saint-Médard-en-Jalles\" --rayon 5 --format A5 --livret",
		Action: func(c *cli.Context) error { return runDocument(c, guideDoc) },
	})
}

func depliantCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "depliant",
		Usage: "produit un dépliant : une feuille A4 recto verso, les lieux les plus proches en très gros caractères",
		Description: "Le dépliant donne le numéro d’aide, un code QR vers la carte en ligne et les lieux choisis,\n" +
			"du plus proche au plus loin avec --autour. S’ils ne tiennent pas sur la feuille, livret le dit\n" +
			"et propose un guide : la taille du texte n’est jamais réduite.\n\n" +
			"Exemple :\n" +
			"   livret depliant --autour \"Saint-Médard-en-Jalles\" --rayon 3",
		Action: func(c *cli.Context) error { return runDocument(c, leafletDoc) },
	})
}

func fichesCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "fiches",
		Usage: "produit une fiche d’une page par lieu, à afficher ou à remettre à une personne",
		Description: "Exemple :\n" +
			"   livret fiches --commune Pessac --sortie fiches-pessac.pdf",
		Action: func(c *cli.Context) error { return runDocument(c, sheetsDoc) },
	})
}

// docSettings are the layout options common to every document.
type docSettings struct {
	tpl      *templates.Template
	theme    layout.Theme
	edition  time.Time
	order    texte.Order
	services []string // services asked for: the only sections of a guide by service
}

func readSettings(c *cli.Context) (*docSettings, error) {
	s := &docSettings{edition: time.Now(), order: texte.Order{UnderNoun: c.Bool("sans-article")}}
	if d := c.String("date"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return nil, usageError{fmt.Sprintf("date « %s » illisible : écrivez-la AAAA-MM-JJ, par exemple 2026-11-23", d)}
		}
		s.edition = t
	}
	tpl, err := loadTemplate(c.String("modele"))
	if err != nil {
		return nil, err
	}
	s.tpl = tpl
	if t := c.String("titre"); t != "" {
		tpl.Title = t
	}
	th, err := layout.DefaultTheme()
	if err != nil {
		return nil, err
	}
	if th.Format, err = layout.LookupFormat(c.String("format")); err != nil {
		return nil, usageError{err.Error()}
	}
	if th.Family, err = fonts.Lookup(c.String("police")); err != nil {
		return nil, usageError{err.Error()}
	}
	th.Size = float64(c.Int("taille"))
	pal, err := tpl.Colors()
	if err != nil {
		return nil, err
	}
	th.Text, th.Accent, th.Background = pal.Text, pal.Accent, pal.Background
	switch strings.ToLower(c.String("fond")) {
	case "blanc":
	case "ivoire":
		th.Background = layout.Ivory
	default:
		return nil, usageError{fmt.Sprintf("fond « %s » inconnu : blanc ou ivoire", c.String("fond"))}
	}
	th.QR = c.Bool("qr") && !c.Bool("sans-qr")
	if err := th.Check(); err != nil {
		return nil, usageError{err.Error()}
	}
	s.theme = th
	return s, nil
}

// loadTemplate reads a template file, or an embedded template by name.
func loadTemplate(name string) (*templates.Template, error) {
	if name == "" {
		return templates.Default(), nil
	}
	if _, err := os.Stat(name); err == nil {
		return templates.Load(name, templates.Default())
	}
	return templates.Lookup(strings.TrimSuffix(name, ".yaml"))
}

// docKind is a kind of document: how it is named and laid out.
type docKind struct {
	name    string // "guide": file names
	written string // "Guide écrit": messages
	layout  func(*guide.Guide, layout.Theme) (*layout.Book, error)
}

var (
	guideDoc   = docKind{"guide", "Guide écrit", layout.Guide}
	leafletDoc = docKind{"depliant", "Dépliant écrit", layout.Leaflet}
	sheetsDoc  = docKind{"fiches", "Fiches écrites", layout.Sheets}
)

// runDocument is the whole pipeline for one document: read, check,
// select, compose, lay out, render.
func runDocument(c *cli.Context, kind docKind) error {
	settings, err := readSettings(c)
	if err != nil {
		return err
	}
	by := guide.ByCommune
	switch {
	case kind.name == leafletDoc.name && c.String("autour") != "":
		by = guide.InOrder // nearest first
	case c.String("par") == "service":
		by = guide.ByService
	case c.String("par") != "" && c.String("par") != "commune":
		return usageError{fmt.Sprintf("classement « %s » inconnu : commune ou service", c.String("par"))}
	}
	if c.Bool("livret") && settings.theme.Format.Name != layout.A5.Name {
		return usageError{"--livret demande --format A5 : le livret plie une feuille A4 en deux pages A5"}
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		return err
	}
	if path := c.String("rapport"); path != "" {
		if err := writeFile(c, path, ch.report.WriteText); err != nil {
			return err
		}
	}
	crit, res, territory := ch.crit, ch.res, ch.territory
	var figures *indicateurs.Indicators
	if c.Bool("indicateurs") {
		figures = indicateurs.Compute(res.Kept, territoire.Default(), crit.Communes())
	}
	settings.services = crit.Services
	communes := crit.TerritoryCommunes(territoire.Default(), res.Kept)
	book, err := settings.document(kind, res.Kept, communes, territory, by, ch.loaded, figures)
	if err != nil {
		return err
	}
	for _, w := range book.Warnings {
		fmt.Fprintln(c.App.ErrWriter, "Attention : "+w)
	}
	out := c.String("sortie")
	if out == "" {
		out = kind.name + "-" + slug(territory) + ".pdf"
	}
	opt := settings.pdfOptions(territory, c.Bool("non-balise"))
	if err := writeFile(c, out, func(w io.Writer) error { return pdf.Write(w, book, opt) }); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "%s : %s (%s).\n", kind.written, out, texte.Count(len(book.Pages), "page", "pages"))
	if dir := c.String("apercu"); dir != "" {
		files, err := png.Write(dir, book, previewPages, previewDPI)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.App.ErrWriter, "Aperçu : %s dans « %s ».\n", texte.Count(len(files), "image", "images"), dir)
	}
	if c.Bool("livret") {
		return writeBooklet(c, book, out, opt)
	}
	return nil
}

// document composes and lays out a document of the given places, in a
// territory of the given communes, with a page of figures when ind is not
// nil.
func (s *docSettings) document(kind docKind, kept []selection.Selected, communes []*territoire.Commune, territory string, by guide.Grouping, ld *loaded, ind *indicateurs.Indicators) (*layout.Book, error) {
	words, err := s.tpl.Words()
	if err != nil {
		return nil, err
	}
	g := guide.Compose(guidePlaces(kept), guide.Options{
		Words:     words,
		Territory: territory,
		Edition:   s.edition,
		By:        by,
		Source:    sourceName(ld),
		Fonts:     []string{s.theme.Family.Credit},
		Order:     s.order,
		Services:  s.services,
		Communes:  guideCommunes(communes),
	})
	if ind != nil {
		g.Figures = ind.Figures(words.Services)
	}
	return kind.layout(g, s.theme)
}

func (s *docSettings) pdfOptions(territory string, untagged bool) pdf.Options {
	return pdf.Options{Author: s.tpl.Publisher.Name, Subject: "Lieux de médiation numérique – " + territory,
		Date: s.edition, Untagged: untagged}
}

// The preview: the first pages, at a resolution a screen shows whole.
const (
	previewPages = 6
	previewDPI   = 100
)

// writeBooklet writes the A5 book imposed for saddle-stitch printing,
// beside the reading-order file.
func writeBooklet(c *cli.Context, book *layout.Book, out string, opt pdf.Options) error {
	sheets, err := layout.Impose(book)
	if err != nil {
		return err
	}
	path := strings.TrimSuffix(out, ".pdf") + "-livret.pdf"
	opt.Untagged = true // a file for the printer, in printing order
	if err := writeFile(c, path, func(w io.Writer) error { return pdf.Write(w, sheets, opt) }); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "Livret à imprimer : %s (%s A4 recto verso, retournement sur le bord court, à plier et agrafer).\n",
		path, texte.Count(len(sheets.Pages)/2, "feuille", "feuilles"))
	return nil
}

// guidePlaces hands the selected places to the composer.
func guidePlaces(kept []selection.Selected) []guide.Place {
	out := make([]guide.Place, len(kept))
	for i, s := range kept {
		p := s.Place
		commune := ""
		if p.Location.Commune != nil {
			commune = p.Location.Commune.Name
		}
		out[i] = guide.Place{Lieu: p.Lieu, Commune: commune, Distance: s.Distance, Schedule: p.Schedule, Phones: p.Phones}
		if p.Location.Commune != nil {
			out[i].CommuneCode = p.Location.Commune.Code
		}
		if ar := p.Location.Arrondissement; ar != nil {
			out[i].District = &guide.District{Code: ar.Code, Name: ar.Name}
		}
		if pos, ok := selection.Position(p); ok {
			out[i].Position = &pos
		}
	}
	return out
}

// guideCommunes hands the communes of the territory to the composer, with
// their centres when the geography knows them precisely.
func guideCommunes(communes []*territoire.Commune) []guide.Commune {
	out := make([]guide.Commune, len(communes))
	for i, c := range communes {
		out[i] = guide.Commune{Code: c.Code, Name: c.Name}
		if c.Centre.Known() && c.Centre.Origin != territoire.CentreFromDepartement {
			p := c.Centre.Point
			out[i].Centre = &p
		}
	}
	return out
}

// sourceName says where the data comes from, for the colophon.
func sourceName(ld *loaded) string {
	if ld.origin != "" {
		return ld.origin
	}
	return "« " + ld.report.File + " », fichier au format du standard national des lieux de médiation numérique"
}

// slug makes a file name from a territory: "Bordeaux Métropole" → "bordeaux-metropole".
func slug(s string) string {
	s = strings.ReplaceAll(texte.Fold(s), " ", "-")
	if s == "" {
		return "lieux"
	}
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	return s
}
