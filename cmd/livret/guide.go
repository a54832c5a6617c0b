package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
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
	"livret/source"
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
		Action: func(c *cli.Context) error { return runDocument(fromCLI(c), guideDoc) },
	})
}

func depliantCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "depliant",
		Usage: "produit un dépliant : une feuille A4 recto verso, les lieux les plus proches en très gros caractères",
		Description: "Le dépliant donne les lieux les plus proches du point choisi (--autour) ou du centre du territoire,\n" +
			"autant que la feuille en contient (au plus --max), du plus proche au plus loin ; il dit combien\n" +
			"d’autres lieux existent et où les trouver, puis donne un code QR vers la carte en ligne et le\n" +
			"numéro d’aide. La taille du texte n’est jamais réduite.\n\n" +
			"Exemples :\n" +
			"   livret depliant --autour \"Saint-Médard-en-Jalles\" --rayon 3\n" +
			"   livret depliant --commune Angoulême --max 4",
		Action: func(c *cli.Context) error { return runDocument(fromCLI(c), leafletDoc) },
	})
}

func fichesCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "fiches",
		Usage: "produit une fiche d’une page par lieu, à afficher ou à remettre à une personne",
		Description: "Exemple :\n" +
			"   livret fiches --commune Pessac --sortie fiches-pessac.pdf",
		Action: func(c *cli.Context) error { return runDocument(fromCLI(c), sheetsDoc) },
	})
}

// docSettings are the layout options common to every document.
type docSettings struct {
	tpl        *templates.Template
	theme      layout.Theme
	edition    time.Time
	order      texte.Order
	services   []string // services asked for: the only sections of a guide by service
	noCommunes bool     // no index of communes
	noPlaces   bool     // no index of places
	max        int      // the most places a leaflet prints, 0 for as many as fit
	nearest    bool     // places come nearest first
}

func readSettings(c *request) (*docSettings, error) {
	s := &docSettings{order: texte.Order{UnderNoun: c.Bool("sans-article")},
		noCommunes: c.Bool("sans-index-communes"), noPlaces: c.Bool("sans-index-lieux")}
	var err error
	if s.edition, err = editionDate(c); err != nil {
		return nil, err
	}
	tpl, err := loadTemplate(c.String("modele"))
	if err != nil {
		return nil, err
	}
	s.tpl = tpl
	if t := c.String("titre"); t != "" {
		tpl.Title = t
	}
	if err := publisher(c, tpl); err != nil {
		return nil, err
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

// publisher applies the options that override the template's publisher
// and helpline.
func publisher(c *request, tpl *templates.Template) error {
	if n := c.String("editeur"); n != "" {
		tpl.Publisher.Name = n
	}
	switch {
	case c.logo != nil:
		if err := tpl.SetLogo(c.logo.Name, c.logo.Data); err != nil {
			return err
		}
	case c.String("logo") != "":
		path := c.String("logo")
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("logo « %s » illisible : le fichier est introuvable ou fermé en lecture", path)
		}
		if err := tpl.SetLogo(path, data); err != nil {
			return err
		}
	}
	if tel := c.String("aide-telephone"); tel != "" {
		tpl.Helplines = []templates.Helpline{{Name: cmp.Or(c.String("aide-nom"), "Ligne d’aide"), Phone: tel, When: c.String("aide-horaires")}}
	}
	return nil
}

// loadTemplate reads a template file, or an embedded template by name.
func loadTemplate(name string) (*templates.Template, error) {
	if name == "" {
		return templates.Default(), nil
	}
	f, err := os.Open(name)
	if err == nil {
		fi, statErr := f.Stat()
		f.Close()
		if statErr == nil && fi.IsDir() {
			return nil, fmt.Errorf("modèle « %s » : c’est un dossier ; indiquez le fichier YAML du modèle", name)
		}
		return templates.Load(name, templates.Default())
	}
	tpl, lookErr := templates.Lookup(strings.TrimSuffix(name, ".yaml"))
	switch {
	case lookErr == nil || !looksLikePath(name):
		return tpl, lookErr
	case errors.Is(err, fs.ErrNotExist):
		// A file was meant: say it is missing, not that no template has
		// its name.
		return nil, fmt.Errorf("modèle « %s » : ce fichier n’existe pas (vérifiez le nom et le dossier) ; modèles intégrés : %s", name, strings.Join(templates.Names(), ", "))
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("modèle « %s » : vous n’avez pas le droit de lire ce fichier", name)
	}
	return nil, fmt.Errorf("modèle « %s » : impossible d’ouvrir ce fichier", name)
}

// looksLikePath tells whether a name is written as a file's: with a
// folder or an extension.
func looksLikePath(name string) bool {
	return strings.ContainsAny(name, `/\`) || filepath.Ext(name) != ""
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

// laidOut is a document laid out, ready to render. Its places are let go
// (see layOut): what is told of them at the end is kept instead.
type laidOut struct {
	*chosen
	kind     docKind
	book     *layout.Book
	opt      pdf.Options
	toCheck  []string // what the agent should check (see toCheck)
	communes int      // the number of communes of the places
}

// layOut is the pipeline for one document up to its pages: read, check,
// select, compose, lay out.
func layOut(c *request, kind docKind) (*laidOut, error) {
	settings, err := readSettings(c)
	if err != nil {
		return nil, err
	}
	by := guide.ByCommune
	if c.String("par") == "service" {
		by = guide.ByService
	}
	if c.Bool("livret") && settings.theme.Format.Name != layout.A5.Name {
		return nil, usageError{"--livret demande --format A5 : le livret plie une feuille A4 en deux pages A5"}
	}
	ch, err := loadAndChoose(c)
	if err != nil {
		return nil, err
	}
	return ch.layOut(c, kind, settings, by)
}

// layOut composes and lays out the document of the places chosen.
func (ch *chosen) layOut(c *request, kind docKind, settings *docSettings, by guide.Grouping) (*laidOut, error) {
	crit, res, territory := ch.crit, ch.res, ch.territory
	var figures *indicateurs.Indicators
	if c.Bool("indicateurs") {
		figures = indicateurs.Compute(res.Kept, territoire.Default(), crit.Communes())
	}
	settings.services = crit.Services
	if kind.name == leafletDoc.name {
		// A leaflet holds the places nearest to the point asked for, or
		// to the centre of the territory, as many as fit.
		settings.max = c.Int("max")
		if from, ok := crit.Reference(); ok {
			selection.SortNear(res.Kept, from)
			by, settings.nearest = guide.InOrder, true
		}
	}
	communes := crit.TerritoryCommunes(territoire.Default(), res.Kept)
	d := &laidOut{chosen: ch, kind: kind, opt: settings.pdfOptions(territory, c.Bool("non-balise")),
		toCheck: ch.toCheck(c, res.Kept, settings.edition), communes: communesOf(res.Kept)}
	// What the command tells of the places at the end is known: the places
	// read go as soon as composed (kept is their last reference), as the
	// guide's entries carry what is printed. Those of a national file are
	// 45 MB that laying out and drawing need not keep.
	kept := res.Kept
	ch.places, res.Kept = nil, nil
	var err error
	if d.book, err = settings.document(kind, kept, communes, territory, by, ch.loaded, figures); err != nil {
		return nil, err
	}
	for _, w := range d.book.Warnings {
		fmt.Fprintln(c.log, "Attention : "+w)
	}
	return d, nil
}

// write renders the document as PDF.
func (d *laidOut) write(w io.Writer) error { return pdf.Write(w, d.book, d.opt) }

// fileName is the name of the document's file when none is given.
func (d *laidOut) fileName() string { return d.kind.name + "-" + slug(d.territory) + ".pdf" }

// runDocument makes one document and writes its files.
func runDocument(c *request, kind docKind) error {
	d, err := layOut(c, kind)
	if err != nil {
		return err
	}
	if path := c.String("rapport"); path != "" {
		if err := writeFile(c, path, d.report.WriteText); err != nil {
			return err
		}
	}
	out := cmp.Or(c.String("sortie"), d.fileName())
	// The pages are drawn once unless the preview or the booklet needs
	// them again: released as drawn, a national guide keeps less memory.
	d.opt.Release = c.String("apercu") == "" && !c.Bool("livret")
	if err := writeFile(c, out, d.write); err != nil {
		return err
	}
	fmt.Fprintf(c.log, "%s : %s (%s).\n", kind.written, out, texte.Count(len(d.book.Pages), "page", "pages"))
	if dir := c.String("apercu"); dir != "" {
		files, err := png.Write(dir, d.book, previewPages, previewDPI)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.log, "Aperçu : %s dans « %s ».\n", texte.Count(len(files), "image", "images"), dir)
	}
	if c.Bool("livret") {
		if err := writeBooklet(c, d, out); err != nil {
			return err
		}
	}
	tell(c, d.toCheck)
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
		Words:          words,
		Territory:      territory,
		Edition:        s.edition,
		By:             by,
		Source:         ld.about,
		Fonts:          []string{s.theme.Family.Credit},
		Order:          s.order,
		Services:       s.services,
		Communes:       guideCommunes(communes),
		NoCommuneIndex: s.noCommunes,
		NoPlaceIndex:   s.noPlaces,
		Max:            s.max,
		Nearest:        s.nearest,
	})
	if ind != nil {
		g.Figures = ind.Figures(words.Services)
	}
	return kind.layout(g, s.theme)
}

func (s *docSettings) pdfOptions(territory string, untagged bool) pdf.Options {
	return pdf.Options{Author: s.tpl.Publisher.Name, Subject: ofTerritory("Lieux de médiation numérique", territory),
		Date: s.edition, Untagged: untagged}
}

// ofTerritory is a document's title followed by its territory, the title
// alone for a whole file, which names none: no « – » left dangling.
func ofTerritory(title, territory string) string {
	if territory == "" {
		return title
	}
	return title + " – " + territory
}

// The preview: the first pages, at a resolution a screen shows whole.
const (
	previewPages = 6
	previewDPI   = 100
)

// imposed is the A5 book imposed for saddle-stitch printing, and how to
// write it: a file for the printer, in printing order, without tags.
func (d *laidOut) imposed() (*layout.Book, pdf.Options, error) {
	sheets, err := layout.Impose(d.book)
	opt := d.opt
	opt.Untagged = true
	return sheets, opt, err
}

// writeBooklet writes the imposed book beside the reading-order file.
// maxBookletSheets is the most sheets an office stapler folds and binds
// into a booklet that stays shut.
const maxBookletSheets = 20

func writeBooklet(c *request, d *laidOut, out string) error {
	sheets, opt, err := d.imposed()
	if err != nil {
		return err
	}
	path := strings.TrimSuffix(out, ".pdf") + "-livret.pdf"
	if err := writeFile(c, path, func(w io.Writer) error { return pdf.Write(w, sheets, opt) }); err != nil {
		return err
	}
	n := len(sheets.Pages) / 2
	fmt.Fprintf(c.log, "Livret à imprimer : %s (%s A4 recto verso, retournement sur le bord court, à plier et agrafer).\n",
		path, texte.Count(n, "feuille", "feuilles"))
	if n > maxBookletSheets {
		// A booklet per commune helps only a guide of several communes.
		ways := []string{"faites un livret par commune (livret lot --par commune --format A5 --livret)"}
		if d.communes < 2 {
			ways = []string{"faites un livret par quartier ou par besoin (--code-postal, --autour, --service)"}
		}
		if _, ok := d.book.Anchors[guide.PlaceIndexAnchor]; ok {
			ways = append(ways, "retirez l’index des lieux (--sans-index-lieux)")
		}
		fmt.Fprintf(c.log, "Attention : %s, c’est trop pour un livret plié et agrafé (%d au plus) : %s ou imprimez le guide en A4 (--format A4).\n",
			texte.Count(n, "feuille", "feuilles"), maxBookletSheets, strings.Join(ways, ", "))
	}
	return nil
}

// communesOf counts the communes of the places.
func communesOf(kept []selection.Selected) int {
	seen := map[string]bool{}
	for _, s := range kept {
		if c := s.Place.Location.Commune; c != nil {
			seen[c.Code] = true
		}
	}
	return len(seen)
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
		out[i] = guide.Commune{Code: c.Code, Name: c.Name, Population: c.Population}
		if c.Centre.Known() && c.Centre.Origin != territoire.CentreFromDepartement {
			p := c.Centre.Point
			out[i].Centre = &p
		}
		if o, ok := territoire.Default().Outline(c); ok {
			out[i].Outline = o.Rings
		}
	}
	return out
}

// describe says what the data is, for the colophon: what the file says of
// itself, and its own name. A path or an address is cut to the file's
// name: the directories of the agent's machine, or a query string, mean
// nothing to a reader.
func describe(m source.Metadata, name string) guide.Source {
	if u, err := url.Parse(name); err == nil && u.Scheme != "" && u.Host != "" {
		name = cmp.Or(path.Base(strings.TrimRight(u.Path, "/")), u.Host)
		if name == "." || name == "/" {
			name = u.Host
		}
	}
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	return guide.Source{Title: m.Title, File: name, Producer: m.Producer, Date: m.Date, Licence: m.Licence}
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
