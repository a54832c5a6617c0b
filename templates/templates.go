// Package templates holds the wording and the look of livret's documents:
// title, introduction, publisher, colours, helplines, which parts appear,
// the short words printed for each value of the standard. Defaults are
// embedded; a user may give a YAML file of their own (--modele), which
// overrides only the keys it sets.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/image/draw"

	"livret/guide"
	"livret/internal/weburl"
	"livret/layout"
	"livret/lieu"
	"livret/telephone"
	"livret/texte"
)

//go:embed *.yaml
var files embed.FS

// Template is the wording and look of a document. Field names follow the
// YAML keys, which are French because users write them.
type Template struct {
	dir      string // folder of the user's file, against which the logo path is read
	logoData []byte // a logo given by SetLogo, as a plain PNG

	Title     string     `yaml:"titre"`
	Intro     []string   `yaml:"introduction"`
	Publisher Publisher  `yaml:"editeur"`
	Colours   Colours    `yaml:"couleurs"`
	Helplines []Helpline `yaml:"lignes_d_aide"`
	Parts     Parts      `yaml:"parties"`
	MapURL    string     `yaml:"carte"`
	Labels    Labels     `yaml:"libelles"`
	Order     Order      `yaml:"rangement"`
	// Wording is the words of the page furniture: headings of the parts,
	// page numbers, alternative texts (see wording.go).
	Wording guide.Wording `yaml:"mise_en_page"`
}

// Order says, on the page « Comment lire ce guide », how the places are
// ordered: by commune, or by need (--par service); in a guide of one
// commune, by arrondissement or postal code, from {premier} to {dernier},
// or by name.
type Order struct {
	ByCommune    string `yaml:"commune"`
	ByService    string `yaml:"service"`
	ByServiceOne string `yaml:"service_une_commune"`
	ByDistrict   string `yaml:"arrondissement"`
	ByPostalCode string `yaml:"code_postal"`
	ByName       string `yaml:"nom"`
}

// Publisher is who hands the document out.
type Publisher struct {
	Name    string `yaml:"nom"`
	Contact string `yaml:"contact"`
	Logo    string `yaml:"logo"` // path of a PNG or JPEG file
}

// Colours are written #RRGGBB.
type Colours struct {
	Text       string `yaml:"texte"`
	Accent     string `yaml:"accent"`
	Background string `yaml:"fond"`
}

// Helpline is a number to call when unsure.
type Helpline struct {
	Name  string `yaml:"nom"`
	Phone string `yaml:"telephone"`
	When  string `yaml:"quand"`
	Note  string `yaml:"note"`
	// Reachable lists where the number can be called: "metropole",
	// "outre-mer", or the code of an overseas territory ("974", "988");
	// empty means everywhere. A guide of places where it cannot be called
	// does not print it.
	Reachable []string `yaml:"joignable"`
}

// Parts says which parts of a guide appear.
type Parts struct {
	HowTo    bool `yaml:"mode_d_emploi"`
	Contents bool `yaml:"sommaire"`
	Index    bool `yaml:"index"`
	Notes    bool `yaml:"notes"`
	// NotesAlways prints the page of notes even where it adds a page.
	NotesAlways bool `yaml:"notes_toujours"`
	About       bool `yaml:"a_propos"`
}

// Labels are the words printed for values of the standard.
type Labels struct {
	Services            map[string]string `yaml:"services"`
	Free                string            `yaml:"gratuit"`
	FreeUnderConditions string            `yaml:"gratuit_sous_condition"`
	Paid                string            `yaml:"payant"`
	ByAppointment       string            `yaml:"sur_rendez_vous"`
	WithoutAppointment  string            `yaml:"sans_rendez_vous"`
	Wheelchair          string            `yaml:"fauteuil"`
	Roaming             string            `yaml:"itinerant"`
	UpdatedOn           string            `yaml:"mis_a_jour"`
	UpdatedIn           string            `yaml:"mises_a_jour_en"`
	// ShortServices are the running heads of a guide's parts by need
	// where the label does not hold beside the page number (A5).
	ShortServices map[string]string `yaml:"services_courts"`
}

// Names lists the embedded templates.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return names
}

// Default is the embedded template "guide".
func Default() *Template {
	t, err := Lookup("guide")
	if err != nil {
		panic(err) // the embedded default is tested
	}
	return t
}

// Lookup returns an embedded template, laid over the default.
func Lookup(name string) (*Template, error) {
	data, err := files.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("modèle « %s » inconnu ; modèles disponibles : %s", name, strings.Join(Names(), ", "))
	}
	t := &Template{}
	if name != "guide" {
		base, _ := files.ReadFile("guide.yaml")
		if err := decode(t, base, "guide.yaml"); err != nil {
			return nil, err
		}
	}
	if err := decode(t, data, name+".yaml"); err != nil {
		return nil, err
	}
	return t, t.Validate()
}

// Load reads a user's template file, laid over base (usually Default()):
// keys the file does not set keep base's values.
func Load(path string, base *Template) (*Template, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("modèle « %s » illisible : %w", path, err)
	}
	t := base.clone()
	t.dir = filepath.Dir(path)
	if err := decode(t, data, filepath.Base(path)); err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("modèle « %s » : %w", filepath.Base(path), err)
	}
	return t, nil
}

func (t *Template) clone() *Template {
	c := *t
	c.Intro = slices.Clone(t.Intro)
	c.Helplines = slices.Clone(t.Helplines)
	c.logoData = slices.Clone(t.logoData)
	c.Labels.Services = maps.Clone(t.Labels.Services)
	c.Labels.ShortServices = maps.Clone(t.Labels.ShortServices)
	return &c
}

// decode reads YAML into t, refusing unknown keys and wrong types with a
// French message that names the file and the line.
func decode(t *Template, data []byte, name string) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(t)
	if err == nil || errors.Is(err, io.EOF) {
		return nil
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, e := range te.Errors {
			msgs[i] = frenchYAML(e, data)
		}
		return fmt.Errorf("modèle « %s » : %s", name, strings.Join(msgs, " ; "))
	}
	return fmt.Errorf("modèle « %s » : %s", name, frenchYAML(err.Error(), data))
}

// Validate checks the colours (readable, contrast of 7:1 at least), the
// map's address (https only) and the service labels (keys must be values
// of the standard).
func (t *Template) Validate() error {
	th, err := t.Colors()
	if err != nil {
		return err
	}
	for _, c := range []struct {
		name string
		fg   layout.Color
	}{{"texte", th.Text}, {"accent", th.Accent}} {
		if r := layout.Contrast(c.fg, th.Background); r < 7 {
			return fmt.Errorf("couleurs : « %s » (%s) n’a qu’un contraste de %.1f:1 avec le fond (%s) ; il faut au moins 7:1 pour une lecture facile",
				c.name, c.fg, r, th.Background)
		}
	}
	for _, h := range t.Helplines {
		for _, z := range h.Reachable {
			if !guide.KnownZone(z) {
				return fmt.Errorf("lignes d’aide : « %s » joignable en « %s » : écrivez metropole, outre-mer ou le code d’un territoire d’outre-mer (971 à 976, 986 à 988)", h.Name, z)
			}
		}
	}
	if t.MapURL != "" {
		// The map becomes a link and a QR code: https only.
		link, insecure, err := weburl.Parse(t.MapURL)
		switch {
		case err != nil:
			return fmt.Errorf("carte : %w", err)
		case insecure:
			return fmt.Errorf("carte : l’adresse « %s » n’est pas chiffrée ; écrivez « %s »", t.MapURL, link)
		}
		t.MapURL = link
	}
	if err := checkWording(&t.Wording); err != nil {
		return err
	}
	if err := checkOrder(t.Order); err != nil {
		return err
	}
	for _, labels := range []map[string]string{t.Labels.Services, t.Labels.ShortServices} {
		for k := range labels {
			if _, ok := lieu.Services.Canonical(k); !ok {
				return fmt.Errorf("libellés : « %s » n’est pas un service du standard ; services : %s",
					k, strings.Join(lieu.Services.Values, ", "))
			}
		}
	}
	return nil
}

// Palette is a template's colours, parsed.
type Palette struct {
	Text, Accent, Background layout.Color
}

// Colors parses the template's colours.
func (t *Template) Colors() (Palette, error) {
	var p Palette
	for _, c := range []struct {
		key string
		s   string
		dst *layout.Color
	}{{"texte", t.Colours.Text, &p.Text}, {"accent", t.Colours.Accent, &p.Accent}, {"fond", t.Colours.Background, &p.Background}} {
		col, err := layout.ParseColor(c.s)
		if err != nil {
			return p, fmt.Errorf("couleurs, « %s » : %w", c.key, err)
		}
		*c.dst = col
	}
	return p, nil
}

// Words are the template's words, as package guide composes with them,
// and its logo, read and converted to PNG. Helpline numbers are written
// the French way; one that cannot be read is printed as written, without
// a link.
func (t *Template) Words() (guide.Words, error) {
	logo, err := t.logo()
	if err != nil {
		return guide.Words{}, err
	}
	w := guide.Words{
		Title:     t.Title,
		Intro:     t.Intro,
		MapURL:    t.MapURL,
		Publisher: guide.Publisher{Name: t.Publisher.Name, Contact: t.Publisher.Contact, Logo: logo},
		Parts: guide.Parts{HowTo: t.Parts.HowTo, Contents: t.Parts.Contents, Index: t.Parts.Index,
			Notes: t.Parts.Notes, NotesAlways: t.Parts.NotesAlways, About: t.Parts.About},
		Services:            map[string]string{},
		ShortServices:       map[string]string{},
		Free:                t.Labels.Free,
		FreeUnderConditions: t.Labels.FreeUnderConditions,
		Paid:                t.Labels.Paid,
		ByAppointment:       t.Labels.ByAppointment,
		WithoutAppointment:  t.Labels.WithoutAppointment,
		Wheelchair:          t.Labels.Wheelchair,
		Roaming:             t.Labels.Roaming,
		UpdatedOn:           t.Labels.UpdatedOn,
		UpdatedIn:           t.Labels.UpdatedIn,
		OrderByCommune:      t.Order.ByCommune,
		OrderByService:      t.Order.ByService,
		OrderByServiceOne:   t.Order.ByServiceOne,
		OrderByDistrict:     t.Order.ByDistrict,
		OrderByPostalCode:   t.Order.ByPostalCode,
		OrderByName:         t.Order.ByName,
		Wording:             t.Wording.Typeset(),
	}
	for k, v := range t.Labels.Services {
		if c, ok := lieu.Services.Canonical(k); ok {
			w.Services[c] = v
		}
	}
	for k, v := range t.Labels.ShortServices {
		if c, ok := lieu.Services.Canonical(k); ok {
			w.ShortServices[c] = texte.Typography(v)
		}
	}
	for _, h := range t.Helplines {
		p := guide.Phone{Display: h.Phone}
		if n, err := telephone.Parse(h.Phone, ""); err == nil {
			p = guide.Phone{Display: n.Display, URI: n.URI()}
		}
		w.Helplines = append(w.Helplines, guide.Helpline{Name: h.Name, Phone: p, When: h.When, Note: h.Note, Reachable: h.Reachable})
	}
	return w, nil
}

// logo reads the publisher's logo: the image given to SetLogo, or the
// file the template names.
func (t *Template) logo() ([]byte, error) {
	if t.logoData != nil {
		return t.logoData, nil
	}
	path := t.Publisher.Logo
	if path == "" {
		return nil, nil
	}
	if !filepath.IsAbs(path) && t.dir != "" {
		path = filepath.Join(t.dir, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("logo « %s » illisible : le fichier est introuvable ou fermé en lecture", t.Publisher.Logo)
	}
	defer f.Close()
	return plainPNG(t.Publisher.Logo, io.LimitReader(f, 32<<20))
}

// SetLogo replaces the logo with an image read elsewhere, such as a file
// sent to the web page; name is used in messages.
func (t *Template) SetLogo(name string, data []byte) error {
	b, err := plainPNG(name, bytes.NewReader(data))
	if err != nil {
		return err
	}
	t.logoData, t.Publisher.Logo = b, name
	return nil
}

// MaxLogoSide bounds the width and height of a logo, in pixels: a small
// file may claim a huge image, which decoding would hold in memory.
const MaxLogoSide = 5000

// The logo is printed at most 25 mm high and half a page's text wide
// (layout); at 300 dpi, the resolution of print, that is this many pixels.
const (
	logoPrintHeight = 300 // 25 mm at 300 dpi, rounded up
	logoPrintWidth  = 1200
)

// printSize scales img down to what print can show, so that a logo of
// thousands of pixels does not weigh on every PDF: never up.
func printSize(img image.Image) image.Image {
	b := img.Bounds()
	f := min(float64(logoPrintWidth)/float64(b.Dx()), float64(logoPrintHeight)/float64(b.Dy()))
	if f >= 1 {
		return img
	}
	w, h := max(1, int(math.Round(float64(b.Dx())*f))), max(1, int(math.Round(float64(b.Dy())*f)))
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

// plainPNG reads a PNG or JPEG image and writes it again as a plain PNG,
// which every renderer reads (fpdf refuses interlaced PNGs).
func plainPNG(name string, r io.Reader) ([]byte, error) {
	var head bytes.Buffer
	cfg, _, err := image.DecodeConfig(io.TeeReader(r, &head))
	if err != nil {
		return nil, fmt.Errorf("logo « %s » illisible : une image PNG ou JPEG est attendue", name)
	}
	if cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		return nil, fmt.Errorf("logo « %s » trop grand (%d × %d pixels) : réduisez-le à %d pixels de côté au plus", name, cfg.Width, cfg.Height, MaxLogoSide)
	}
	img, _, err := image.Decode(io.MultiReader(&head, r))
	if err != nil {
		return nil, fmt.Errorf("logo « %s » illisible : une image PNG ou JPEG est attendue", name)
	}
	img = printSize(img)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("logo « %s » : %w", name, err)
	}
	return buf.Bytes(), nil
}
