// Command pictogen writes livret/picto's icon data from the SVG files of
// Google's Material Icons (filled style, Apache License 2.0), as published in
// the npm package @material-design-icons/svg.
//
// It reads the glyphs listed in its catalogue, converts every shape into
// absolute MoveTo, LineTo, CubeTo and Close segments (quadratic curves raised
// to cubics, elliptical arcs converted as the SVG implementation notes
// prescribe, circles, ellipses and rectangles drawn as SVG defines them) and
// writes a gofmt'ed Go file. picto runs it through go generate:
//
//	go generate ./picto
//
// Flags:
//
//	-dir  folder of the filled SVG files (default /tmp/mdi/package/filled);
//	      the package.json of the npm package must be in its parent folder
//	-o    Go file to write (default icons_gen.go)
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// entry is one pictogram of the catalogue.
type entry struct {
	name     string // picto's name, what livret asks for
	material string // file name of the Material Icons glyph, without .svg
	alt      string // French alternative text for screen readers
}

// catalogue lists picto's icons. The glyphs were chosen to read at 18–24 pt
// without colour; see picto/README.md.
var catalogue = []entry{
	// Facts about a place.
	{"address", "place", "Adresse"},
	{"phone", "call", "Téléphone"},
	{"hours", "schedule", "Horaires d’ouverture"},
	{"fees", "euro", "Tarifs"},
	{"appointment", "event", "Sur rendez-vous"},
	{"walk-in", "directions_walk", "Sans rendez-vous"},
	{"wheelchair", "accessible", "Accessible en fauteuil roulant"},
	{"email", "mail", "Courriel"},
	{"website", "language", "Site internet"},
	{"roaming", "directions_bus", "Service itinérant"},
	{"distance", "near_me", "Distance"},
	{"helpline", "support_agent", "Assistance par téléphone"},
	{"updated", "update", "Date de mise à jour"},
	{"help", "help", "Aide"},
	{"info", "info", "Information"},
	{"people", "groups", "Publics accueillis"},
	{"hearing", "hearing", "Surdité"},
	{"visibility", "visibility", "Déficience visuelle"},
	{"translate", "translate", "Langues étrangères"},
	{"qr", "qr_code_2", "Code QR"},
	// Services of the national standard.
	{"paperwork", "description", "Aide aux démarches administratives"},
	{"devices", "devices", "Maîtrise des outils numériques du quotidien"},
	{"work", "work", "Insertion professionnelle"},
	{"security", "gpp_good", "Utilisation sécurisée du numérique"},
	{"family", "family_restroom", "Parentalité et éducation"},
	{"leisure", "palette", "Loisirs et créations"},
	{"understanding", "lightbulb", "Compréhension du monde numérique"},
	{"computer", "computer", "Accès internet et matériel informatique"},
	{"shopping", "sell", "Acquisition de matériel à prix solidaire"},
}

func main() {
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "Usage : pictogen [-dir dossier] [-o fichier.go]")
		flag.PrintDefaults()
	}
	dir := flag.String("dir", "/tmp/mdi/package/filled", "dossier des SVG « filled » du paquet npm @material-design-icons/svg")
	out := flag.String("o", "icons_gen.go", "fichier Go à écrire")
	flag.Parse()
	src, err := generate(*dir, catalogue)
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pictogen :", err)
		os.Exit(1)
	}
}

// icon is a catalogue entry with its outlines.
type icon struct {
	entry
	segs []segment
}

// generate reads the catalogue's glyphs from dir and returns the Go source
// of picto's data.
func generate(dir string, cat []entry) ([]byte, error) {
	pkg, err := readPackage(filepath.Join(dir, "..", "package.json"))
	if err != nil {
		return nil, err
	}
	icons := make([]icon, 0, len(cat))
	for _, e := range cat {
		f, err := os.Open(filepath.Join(dir, e.material+".svg"))
		if err != nil {
			return nil, fmt.Errorf("icône %s : %w", e.name, err)
		}
		segs, err := parseSVG(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("icône %s, fichier %s.svg : %w", e.name, e.material, err)
		}
		if len(segs) == 0 {
			return nil, fmt.Errorf("icône %s, fichier %s.svg : aucune forme peinte", e.name, e.material)
		}
		icons = append(icons, icon{e, segs})
	}
	slices.SortFunc(icons, func(a, b icon) int { return strings.Compare(a.name, b.name) })
	for i := 1; i < len(icons); i++ {
		if icons[i].name == icons[i-1].name {
			return nil, fmt.Errorf("icône %s présente deux fois dans le catalogue", icons[i].name)
		}
	}
	return emit(pkg, icons)
}

// npmPackage identifies the source of the glyphs in the generated file.
type npmPackage struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func readPackage(path string) (npmPackage, error) {
	var pkg npmPackage
	data, err := os.ReadFile(path)
	if err != nil {
		return pkg, fmt.Errorf("description du paquet npm introuvable (obtenir le paquet : npm pack @material-design-icons/svg@0.14.15) : %w", err)
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return pkg, fmt.Errorf("%s illisible : %w", path, err)
	}
	if pkg.Name == "" || pkg.Version == "" {
		return pkg, fmt.Errorf("%s : nom ou version du paquet manquant", path)
	}
	return pkg, nil
}

// emit writes the Go source of the icons, sorted by name.
func emit(pkg npmPackage, icons []icon) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by pictogen from %s %s (filled); DO NOT EDIT.\n\n", pkg.Name, pkg.Version)
	b.WriteString("package picto\n\n")
	b.WriteString("// icons holds the pictograms, sorted by name. The drawings are Google's\n")
	b.WriteString("// Material Icons, Apache License 2.0 (see NOTICE).\n")
	b.WriteString("var icons = []Icon{\n")
	for _, ic := range icons {
		fmt.Fprintf(&b, "{\nName: %q, // Material Icons %q\nAlt: %q,\nSegments: []Segment{\n", ic.name, ic.material, ic.alt)
		for _, s := range ic.segs {
			switch s.op {
			case moveTo:
				fmt.Fprintf(&b, "{MoveTo, [3]Point{%s}},\n", coords(s.p[:1]))
			case lineTo:
				fmt.Fprintf(&b, "{LineTo, [3]Point{%s}},\n", coords(s.p[:1]))
			case cubeTo:
				fmt.Fprintf(&b, "{CubeTo, [3]Point{%s}},\n", coords(s.p[:]))
			case closePath:
				b.WriteString("{Op: Close},\n")
			}
		}
		b.WriteString("},\n},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("code Go produit invalide : %w", err)
	}
	return src, nil
}

func coords(ps []point) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = "{" + number(p.x) + ", " + number(p.y) + "}"
	}
	return strings.Join(parts, ", ")
}

// number writes a coordinate rounded to 1/10 000 of a unit, that is
// 1/240 000 of the icon's side: far below what print resolves, and short.
func number(v float64) string {
	v = math.Round(v*1e4) / 1e4
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
