package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"livret/fonts"
	"livret/guide"
	"livret/internal/atomicfile"
	"livret/internal/options"
	"livret/internal/progress"
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
		Action: cliAction(runLot),
	})
}

// batch is one guide of a batch: a territory, its places and its communes.
type batch struct {
	name     string // the territory, as the guide names it
	code     string // INSEE code or SIREN; "" for places outside any
	where    string // the commune's département, to tell homonyms apart
	slug     string // the file name's part
	places   []selection.Selected
	communes []*territoire.Commune
	file     string
	pages    int
	err      error
}

func runLot(c *request) error {
	settings, err := readSettings(c)
	if err != nil {
		return err
	}
	per := c.String("par")
	if per != "epci" && per != "commune" {
		return usageError{fmt.Sprintf("--par « %s » inconnu : epci ou commune", per)}
	}
	if !options.Query(c).Territorial() {
		return usageError{"indiquez le territoire à découper, par exemple --departement 33"}
	}
	ld, err := load(c, c.String("source"), true)
	if err != nil {
		return err
	}
	ld.summary(c)
	if err := ld.usable(c); err != nil {
		return err
	}
	crit, res, err := choose(c, ld)
	if err != nil {
		return err
	}
	explain(c.log, res)
	if len(res.Kept) == 0 {
		return errEmpty(crit)
	}
	batches := split(res.Kept, crit.TerritoryCommunes(territoire.Default(), res.Kept), per)
	dir := c.String("dossier")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("impossible de créer le dossier « %s » : %w", dir, atomicfile.Cause(err))
	}

	shared, err := settings.shared(c.Bool("non-balise"))
	if err != nil {
		return err
	}
	bar := progress.New(c.log, c.Bool("silencieux"), "Guides", int64(len(batches)), progress.Items)
	jobs := make(chan *batch)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				b.err = settings.writeGuide(c, b, dir, ld, shared)
				bar.Add(1)
			}
		}()
	}
	// The largest guides first: the last guide started then is a small
	// one, and no core waits long for the last to finish (a métropole
	// last in French order would double the time of a région).
	for _, b := range largestFirst(batches) {
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	bar.Finish()
	if err := report(c.log, batches, dir); err != nil {
		return err
	}
	tell(c, ld.toCheck(c, res.Kept, settings.edition))
	return nil
}

// split groups the selected places by EPCI or by commune, in French
// order; each group gets the communes of the territory it covers. Groups
// are told apart by code, not by name: 663 names of communes are shared
// within a région. Homonyms are named with their département (or their
// code), and so are their files.
func split(kept []selection.Selected, communes []*territoire.Commune, per string) []*batch {
	groupOf := func(com *territoire.Commune) batch {
		switch {
		case com == nil:
			return batch{name: "Communes non reconnues"}
		case per != "epci" && com.Departement != nil:
			return batch{name: com.Name, code: com.Code, where: com.Departement.Name}
		case per != "epci":
			return batch{name: com.Name, code: com.Code}
		case com.EPCI == nil:
			return batch{name: "Communes hors intercommunalité"}
		}
		return batch{name: com.EPCI.Name, code: com.EPCI.Code}
	}
	key := func(g batch) string { return g.code + "\x00" + g.name } // the groups without a code differ by name
	groups := map[string]*batch{}
	var out []*batch
	for _, s := range kept {
		g := groupOf(s.Place.Location.Commune)
		b := groups[key(g)]
		if b == nil {
			b = &g
			groups[key(g)] = b
			out = append(out, b)
		}
		b.places = append(b.places, s)
	}
	for _, com := range communes {
		if b := groups[key(groupOf(com))]; b != nil {
			b.communes = append(b.communes, com)
		}
	}
	apart(out, func(b *batch) string { return b.name }, func(b *batch) {
		if b.where != "" {
			b.name += " (" + b.where + ")"
		}
	})
	apart(out, func(b *batch) string { return b.name }, func(b *batch) { b.name += " (" + b.code + ")" })
	for _, b := range out {
		b.slug = slug(b.name)
	}
	apart(out, func(b *batch) string { return b.slug }, func(b *batch) { b.slug += "-" + strings.ToLower(b.code) })
	order := texte.Order{}
	slices.SortStableFunc(out, func(a, b *batch) int { return cmp.Or(order.Compare(a.name, b.name), cmp.Compare(a.code, b.code)) })
	return out
}

// largestFirst returns the batches by decreasing count of places, in
// French order among equals.
func largestFirst(batches []*batch) []*batch {
	out := slices.Clone(batches)
	slices.SortStableFunc(out, func(a, b *batch) int { return cmp.Compare(len(b.places), len(a.places)) })
	return out
}

// apart renames, with rename, the batches that share a key with another.
func apart(batches []*batch, key func(*batch) string, rename func(*batch)) {
	n := map[string]int{}
	for _, b := range batches {
		n[key(b)]++
	}
	for _, b := range batches {
		if n[key(b)] > 1 && b.code != "" {
			rename(b)
		}
	}
}

func (s *docSettings) writeGuide(c *request, b *batch, dir string, ld *loaded, shared *pdf.Shared) error {
	book, err := s.document(guideDoc, b.places, b.communes, b.name, guide.ByCommune, ld, nil)
	if err != nil {
		return err
	}
	b.file = filepath.Join(dir, "guide-"+b.slug+".pdf")
	b.pages = len(book.Pages)
	opt := s.pdfOptions(b.name, c.Bool("non-balise"))
	opt.Shared = shared
	return writeFile(c, b.file, func(w io.Writer) error { return pdf.Write(w, book, opt) })
}

// shared makes what the tagged guides of a lot share, their fonts read,
// cut and compressed once for them all (nil when untagged).
func (s *docSettings) shared(untagged bool) (*pdf.Shared, error) {
	if untagged {
		return nil, nil
	}
	words, err := s.tpl.Words()
	if err != nil {
		return nil, err
	}
	var images [][]byte
	if logo := words.Publisher.Logo; len(logo) > 0 {
		images = append(images, logo)
	}
	return pdf.NewShared([]*fonts.Face{s.theme.Family.Regular, s.theme.Family.Bold}, images)
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
