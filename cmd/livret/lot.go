package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"livret/guide"
	"livret/internal/atomicfile"
	"livret/render/pdf"
	"livret/selection"
	"livret/territoire"
	"livret/texte"
)

func lotCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "lot",
		Usage: "produit d’un coup un guide par intercommunalité (ou par commune) d’un territoire",
		Description: "Les guides sont faits en parallèle, sur tous les cœurs de la machine.\n\n" +
			"Exemples :\n" +
			"   livret lot --departement 33 --par epci --dossier guides/\n" +
			"   livret lot --epci \"Bordeaux Métropole\" --par commune --dossier guides/",
		Action: runLot,
	})
}

// batch is one guide of a batch: a territory, its places and its communes.
type batch struct {
	name     string
	places   []selection.Selected
	communes []*territoire.Commune
	file     string
	pages    int
	err      error
}

func runLot(c *cli.Context) error {
	settings, err := readSettings(c)
	if err != nil {
		return err
	}
	per := c.String("par")
	if per != "epci" && per != "commune" {
		return usageError{fmt.Sprintf("--par « %s » inconnu : epci ou commune", per)}
	}
	ld, err := load(c, c.String("source"))
	if err != nil {
		return err
	}
	ld.summary(c.App.ErrWriter)
	if err := ld.usable(); err != nil {
		return err
	}
	crit, res, err := choose(c, ld)
	if err != nil {
		return err
	}
	if len(crit.Areas) == 0 && crit.Centre == nil {
		return usageError{"indiquez le territoire à découper, par exemple --departement 33"}
	}
	explain(c.App.ErrWriter, res)
	if len(res.Kept) == 0 {
		return errEmpty(crit)
	}
	batches := split(res.Kept, crit.TerritoryCommunes(territoire.Default(), res.Kept), per)
	dir := c.String("dossier")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("impossible de créer le dossier « %s » : %w", dir, atomicfile.Cause(err))
	}

	progress := newProgress(c.App.ErrWriter, len(batches))
	jobs := make(chan *batch)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				b.err = settings.writeGuide(c, b, dir, ld)
				progress.step()
			}
		}()
	}
	for _, b := range batches {
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	progress.done()
	return report(c.App.ErrWriter, batches, dir)
}

// split groups the selected places by EPCI or by commune, in French order;
// each group gets the communes of the territory it covers.
func split(kept []selection.Selected, communes []*territoire.Commune, per string) []*batch {
	groupOf := func(com *territoire.Commune) string {
		if com == nil {
			return "Communes non reconnues"
		}
		if per != "epci" {
			return com.Name
		}
		if com.EPCI == nil {
			return "Communes hors intercommunalité"
		}
		return com.EPCI.Name
	}
	groups := map[string]*batch{}
	var order []string
	for _, s := range kept {
		name := groupOf(s.Place.Location.Commune)
		if groups[name] == nil {
			groups[name] = &batch{name: name}
			order = append(order, name)
		}
		groups[name].places = append(groups[name].places, s)
	}
	for _, com := range communes {
		if b := groups[groupOf(com)]; b != nil {
			b.communes = append(b.communes, com)
		}
	}
	texte.Order{}.Sort(order)
	out := make([]*batch, len(order))
	for i, n := range order {
		out[i] = groups[n]
	}
	return out
}

func (s *docSettings) writeGuide(c *cli.Context, b *batch, dir string, ld *loaded) error {
	book, err := s.document(guideDoc, b.places, b.communes, b.name, guide.ByCommune, ld, nil)
	if err != nil {
		return err
	}
	b.file = filepath.Join(dir, "guide-"+slug(b.name)+".pdf")
	b.pages = len(book.Pages)
	opt := s.pdfOptions(b.name, c.Bool("non-balise"))
	return writeFile(c, b.file, func(w io.Writer) error { return pdf.Write(w, book, opt) })
}

// report lists what the batch wrote.
func report(w io.Writer, batches []*batch, dir string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TERRITOIRE\tLIEUX\tPAGES\tFICHIER")
	var failed []string
	for _, b := range batches {
		if b.err != nil {
			fmt.Fprintf(tw, "%s\t%d\t–\terreur : %v\n", b.name, len(b.places), b.err)
			failed = append(failed, b.name)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", b.name, len(b.places), b.pages, filepath.Base(b.file))
	}
	tw.Flush()
	written := len(batches) - len(failed)
	fmt.Fprintf(w, "%s dans « %s ».\n", texte.Count(written, "guide écrit", "guides écrits"), dir)
	if len(failed) > 0 {
		slices.Sort(failed)
		return fmt.Errorf("%s : %v", texte.Count(len(failed), "guide n’a pas pu être écrit", "guides n’ont pas pu être écrits"), failed)
	}
	return nil
}

// progress shows "Guides : 12/28" on a terminal, and nothing otherwise.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	n, of int
	show  bool
}

func newProgress(w io.Writer, of int) *progress {
	f, isFile := w.(*os.File)
	return &progress{w: w, of: of, show: isFile && term.IsTerminal(int(f.Fd()))}
}

func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.show {
		fmt.Fprintf(p.w, "\rGuides : %d/%d", p.n, p.of)
	}
}

func (p *progress) done() {
	if p.show {
		fmt.Fprintln(p.w)
	}
}
