// Command guidehtml writes a guide as one HTML file with large-print CSS
// for paged media, or as one Typst file, to compare livret with an
// HTML-to-PDF engine such as WeasyPrint and with Typst (see
// examples/bench.sh). It reads and checks a source and
// composes the guide as livret guide does (packages source, controle and
// guide), then writes what each page of livret's guide shows: cover,
// « Comment lire ce guide » with the pictograms, contents, the places
// commune by commune with their pictograms and QR codes, index and
// colophon, in Luciole at 18 pt.
//
// Usage:
//
//	go run ./internal/tools/guidehtml -source lieux.csv [-date 2026-11-23] [-format typst] [-o guide.html]
//
// The Typst file names the font Luciole: give the compiler the font files
// of livret/fonts (typst compile --font-path fonts guide.typ).
//
// Every place of the source is in the guide: select them beforehand.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"livret/controle"
	"livret/fonts"
	"livret/guide"
	"livret/internal/atomicfile"
	"livret/source"
	"livret/templates"
	"livret/territoire"
)

func main() {
	src := flag.String("source", "", "source `file` of places")
	date := flag.String("date", "", "edition `date` YYYY-MM-DD (default: today)")
	territory := flag.String("territoire", "France", "`name` of the territory on the cover")
	out := flag.String("o", "", "output `file` (default: standard output)")
	format := flag.String("format", "html", "`format` written: html or typst")
	flag.Parse()
	if err := run(*src, *date, *territory, *format, *out); err != nil {
		fmt.Fprintln(os.Stderr, "guidehtml:", err)
		os.Exit(1)
	}
}

func run(src, date, territory, format, out string) error {
	if src == "" {
		return fmt.Errorf("-source is required")
	}
	if format != "html" && format != "typst" {
		return fmt.Errorf("-format %q: html or typst", format)
	}
	edition := time.Now()
	if date != "" {
		var err error
		if edition, err = time.Parse("2006-01-02", date); err != nil {
			return err
		}
	}
	g, fam, err := compose(src, territory, edition)
	if err != nil {
		return err
	}
	return atomicfile.Output(out, func(w io.Writer) error {
		if format == "typst" {
			return writeTypst(w, g)
		}
		return writeHTML(w, g, fam)
	})
}

// compose reads, checks and composes the guide of every place of src, as
// livret guide does with the default template and font.
func compose(src, territory string, edition time.Time) (*guide.Guide, *fonts.Family, error) {
	r, err := source.Open(context.Background(), src, source.Options{})
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	checked, rep, err := controle.Check(r, controle.Options{Atlas: territoire.Default()})
	if err != nil {
		return nil, nil, err
	}
	places := make([]guide.Place, len(checked))
	for i, p := range checked {
		commune := ""
		if p.Location.Commune != nil {
			commune = p.Location.Commune.Name
		}
		places[i] = guide.Place{Lieu: p.Lieu, Commune: commune, Distance: -1, Schedule: p.Schedule, Phones: p.Phones}
	}
	fam, err := fonts.Lookup(fonts.Default)
	if err != nil {
		return nil, nil, err
	}
	words, err := templates.Default().Words()
	if err != nil {
		return nil, nil, err
	}
	g := guide.Compose(places, guide.Options{
		Words:     words,
		Territory: territory,
		Edition:   edition,
		By:        guide.ByCommune,
		Source:    guide.Source{File: filepath.Base(rep.File)},
		Fonts:     []string{fam.Credit},
	})
	return g, fam, nil
}
