package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"livret/controle"
	"livret/corrections"
	"livret/examples"
	"livret/guide"
	"livret/internal/atomicfile"
	"livret/internal/options"
	"livret/internal/progress"
	"livret/internal/web"
	"livret/selection"
	"livret/source"
	"livret/territoire"
	"livret/texte"
)

// request is one run of a command: its options, its data, where its
// messages go. The command line makes one of its flags and arguments, the
// web server of a page's fields and the files sent to it.
type request struct {
	options.Values
	ctx      context.Context
	out, log io.Writer // the result shown, and messages (typeset for the CLI)
	args     []string  // arguments after the options

	// Given by the web server.
	sent    *web.File // data sent, read instead of the source option
	fixes   *web.File // corrections sent, read instead of the corrections option
	logo    *web.File // logo sent, replacing the template's
	maxRows int       // bound on the rows of the data; 0: none
	web     bool      // messages name the web page's controls, not commands
}

func fromCLI(c *cli.Context) *request {
	return &request{Values: c, ctx: c.Context, out: c.App.Writer, log: newTypeset(c.App.ErrWriter), args: c.Args().Slice()}
}

// cliAction runs a command on the request its command line makes.
func cliAction(run func(*request) error) cli.ActionFunc {
	return func(c *cli.Context) error { return run(fromCLI(c)) }
}

// arg is the first argument after the options.
func (c *request) arg() string {
	if len(c.args) == 0 {
		return ""
	}
	return c.args[0]
}

// webMaxBytes bounds, for the web server, what a source may hold in
// memory once unzipped: a workbook of a few megabytes may claim far more.
const webMaxBytes = 128 << 20

// loaded is a source read and checked, with its corrections applied.
type loaded struct {
	places      []controle.Place
	report      *controle.Report
	corrections *corrections.Report // nil without --corrections
	example     bool                // the embedded example, read for want of a source
	about       guide.Source        // what the data is, for the colophon
}

// load reads and checks the source the options name, or the example.
// scoped tells that the command keeps only its territory (see scope): the
// rows located elsewhere are counted, not checked.
func load(c *request, location string, scoped bool) (*loaded, error) {
	var r *source.Reader
	read := sourceOptions(c)
	read.Sheet, read.MaxRows = c.String("feuille"), c.maxRows
	if c.web {
		read.MaxBytes = webMaxBytes
	}
	rm, named, err := namedSource(location, c.String("adresse"))
	switch {
	case err != nil:
		return nil, err
	case c.sent != nil:
		r, err = source.NewReader(bytes.NewReader(c.sent.Data), c.sent.Name, read)
	case location == "":
		r, err = examples.Open()
	case named:
		r, err = openRemote(c, rm, read)
	default:
		r, err = source.Open(c.ctx, location, read)
	}
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// The rows are read while the atlas loads and the territory resolves,
	// a tenth of a second on one core.
	r.ReadAhead(readAheadRows)
	opt := controle.Options{Atlas: territoire.Default(), Raw: c.Bool("brut")}
	if scoped {
		if opt.Within, err = scope(c); err != nil {
			return nil, err
		}
	}
	rows := rowsProgress(c)
	opt.Progress = rows.add
	places, rep, err := controle.Check(r, opt)
	rows.bar.Finish()
	opt.Progress, opt.Within = nil, nil
	if err != nil {
		return nil, err
	}
	ld := &loaded{places: places, report: rep, example: location == "" && c.sent == nil}
	switch {
	case named:
		ld.about = rm.about
	case ld.example:
		// examples/SOURCES.md: the national file of 6 February 2023.
		ld.about = guide.Source{Title: "lieux de Nouvelle-Aquitaine du fichier national data·inclusion, exemple intégré à livret",
			Producer: anct, Licence: anctLicence, Date: time.Date(2023, 2, 6, 0, 0, 0, 0, time.UTC)}
	default:
		ld.about = describe(r.Metadata(), rep.File)
	}
	if c.fixes != nil || c.String("corrections") != "" {
		if err := ld.correct(c, c.String("corrections"), opt); err != nil {
			return nil, err
		}
	}
	return ld, nil
}

// readAheadRows bounds the rows read ahead of the check: about 16 MB of a
// national file, what the reading does while the atlas loads; the memory
// grows by 50 MB (the collector lets the heap triple, see gc.go).
const readAheadRows = 8192

// rows shows the progress of reading a file once it has many rows: a
// small file goes too fast for a bar to help.
type rows struct {
	log    io.Writer
	silent bool
	n      int
	bar    *progress.Bar
}

// manyRows is the count of rows from which reading shows its progress.
const manyRows = 5000

func rowsProgress(c *request) *rows { return &rows{log: c.log, silent: c.Bool("silencieux")} }

func (r *rows) add(n int) {
	r.n += n
	if r.bar == nil && r.n >= manyRows {
		r.bar = progress.New(r.log, r.silent, "Lignes lues", -1, progress.Items)
		r.bar.Add(r.n)
		return
	}
	r.bar.Add(n)
}

// sourceOptions are the options of downloads.
func sourceOptions(c *request) source.Options {
	d := source.Download{
		AllowHTTP: c.Bool("http"),
		Deadline:  time.Duration(c.Int("delai")) * time.Minute,
		MinRate:   int64(c.Int("debit-minimal")) * 1024,
		UserAgent: "livret/" + version,
		Progress: func(total int64) (io.Writer, func()) {
			bar := progress.New(c.log, c.Bool("silencieux"), "Téléchargement", total, progress.Bytes)
			return bar, bar.Finish
		},
	}
	if d.MinRate <= 0 {
		d.MinRate = -1 // never abandon
	}
	return source.Options{Download: d}
}

// correct applies the corrections file at path, or sent, to the places.
func (ld *loaded) correct(c *request, path string, opt controle.Options) error {
	var r *source.Reader
	var err error
	if c.fixes != nil {
		r, err = source.NewReader(bytes.NewReader(c.fixes.Data), c.fixes.Name, source.Options{MaxRows: c.maxRows})
	} else {
		r, err = source.Open(c.ctx, path, sourceOptions(c))
	}
	if err != nil {
		return err
	}
	defer r.Close()
	ld.places, ld.corrections, err = corrections.Apply(r, ld.places, opt)
	if ld.corrections != nil {
		// The reports (verifier, --rapport) list them too.
		ld.report.CorrectionsFile, ld.report.Fixes = ld.corrections.File, ld.corrections.Fixes()
	}
	return err
}

// summary says in one sentence what became of the rows of the source,
// and which were checked.
func (ld *loaded) summary(c *request) {
	r, w := ld.report, c.log
	read := texte.Count(r.Rows, "ligne lue", "lignes lues")
	if r.Outside > 0 {
		read += fmt.Sprintf(", dont %s\u00a0hors du territoire demandé, non %s ; des %s\u00a0autres :", texte.Number(r.Outside),
			texte.Plural(r.Outside, "vérifiée", "vérifiées"), texte.Number(r.Checked()))
	} else {
		read += ","
	}
	fmt.Fprintf(w, "Lecture de « %s » : %s %s, %s, %s.\n", r.File, read, texte.Count(r.Kept, "lieu retenu", "lieux retenus"),
		texte.Count(r.SetAside, "ligne écartée", "lignes écartées"), texte.Count(r.Merged, "doublon fusionné", "doublons fusionnés"))
	if r.SetAside > 0 || r.Warnings() > 0 {
		fmt.Fprintf(w, "  %s ; le détail : %s\n", texte.Count(r.Warnings(), "avertissement", "avertissements"), ld.verifyCommand(c))
	}
	ld.correctionsSummary(w)
}

// scope is the territory a command keeps, for the check to leave the rows
// located elsewhere unchecked (see controle.Options.Within); nil when the
// command asks for no territory, or gives corrections (a correction may
// move a place into the territory). A selection around a point is done
// after the check, from the positions it reads; its territories, if any,
// still scope the check. A territory that does not resolve is an error
// before the source is checked.
func scope(c *request) (func(territoire.Location) bool, error) {
	if c.fixes != nil || c.String("corrections") != "" {
		return nil, nil
	}
	q := options.Query(c)
	q.Around, q.Radius = "", 0
	crit, err := selection.Resolve(territoire.Default(), q, nil)
	if err != nil || len(crit.Areas) == 0 {
		return nil, err
	}
	return crit.InTerritory, nil
}

// correctionsSummary says what each correction did.
func (ld *loaded) correctionsSummary(w io.Writer) {
	if ld.corrections == nil {
		return
	}
	fmt.Fprintln(w, ld.corrections.Summary())
	for _, c := range ld.corrections.Corrections {
		fmt.Fprintln(w, "  "+c.String())
	}
}

// verifyCommand is the command that details the report; on the web
// page, the link to the check.
func (ld *loaded) verifyCommand(c *request) string {
	if c.web {
		return "« Vérification des données »"
	}
	if ld.example {
		return "livret verifier"
	}
	return "livret verifier " + shellQuote(ld.report.File)
}

// usable refuses a source that gives no place at all, saying why: its
// criteria are not to blame.
func (ld *loaded) usable(c *request) error {
	if msg := ld.report.Unusable(); msg != "" {
		return fmt.Errorf("%s ; aucun fichier n’a été écrit (le détail : %s)", msg, ld.verifyCommand(c))
	}
	return nil
}

// choose applies the territory and offer options to the checked places.
func choose(c *request, ld *loaded) (*selection.Criteria, *selection.Result, error) {
	crit, err := selection.Resolve(territoire.Default(), options.Query(c), ld.places)
	if err != nil {
		return nil, nil, err
	}
	res := selection.Select(ld.places, crit)
	if n := ld.report.Outside; n > 0 {
		res.Excluded[selection.OutsideTerritory] += n // the check left them out already
	}
	return crit, res, nil
}

// explain says how many places the criteria kept and why others were left out.
func explain(w io.Writer, res *selection.Result) {
	fmt.Fprintf(w, "Sélection : %s", texte.Count(len(res.Kept), "lieu retenu", "lieux retenus"))
	if n := res.Filtered(); n > 0 {
		var why []string
		for _, k := range slices.Sorted(maps.Keys(res.Excluded)) {
			why = append(why, texte.Number(res.Excluded[k])+"\u00a0"+k)
		}
		fmt.Fprintf(w, " ; %s hors critères (%s)", texte.Count(n, "lieu", "lieux"), strings.Join(why, ", "))
	}
	fmt.Fprintln(w, ".")
}

// errEmpty is the error of a selection that keeps no place.
func errEmpty(crit *selection.Criteria) error {
	what := crit.Describe()
	if what == "" {
		return fmt.Errorf("aucun lieu ne correspond aux critères demandés : élargissez-les ; aucun fichier n’a été écrit")
	}
	return fmt.Errorf("aucun lieu ne correspond à la sélection (%s) : vérifiez le territoire avec « livret territoires NOM » ou élargissez les critères ; aucun fichier n’a été écrit", what)
}

func shellQuote(s string) string {
	if strings.ContainsAny(s, " ’'\"()") {
		return "\"" + s + "\""
	}
	return s
}

// writeFile writes a file whole or not at all (see atomicfile), and never
// over a file the command reads.
func writeFile(c *request, path string, write func(io.Writer) error) error {
	for _, in := range inputs(c) {
		if atomicfile.SameFile(path, in) {
			return usageError{fmt.Sprintf("« %s » est le fichier lu (%s) : livret ne remplace pas ce qu’il lit ; choisissez un autre fichier de sortie", path, in)}
		}
	}
	return atomicfile.Write(path, write)
}

// inputs are the local files a command reads: its source and template.
func inputs(c *request) []string {
	var in []string
	for _, p := range []string{c.String("source"), c.String("modele"), c.arg()} {
		if p != "" && p != "-" && !strings.Contains(p, "://") {
			in = append(in, p)
		}
	}
	return in
}

// editionDate is the date of the edition: --date, or today.
func editionDate(c *request) (time.Time, error) {
	d := c.String("date")
	if d == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return t, usageError{fmt.Sprintf("date « %s » illisible : écrivez-la AAAA-MM-JJ, par exemple 2026-11-23", d)}
	}
	return t, nil
}

// review lists what to check in the places chosen before printing them.
func (ld *loaded) review(kept []selection.Selected, edition time.Time) *controle.Review {
	chosen := make([]*controle.Place, len(kept))
	for i, s := range kept {
		chosen[i] = s.Place
	}
	return controle.ReviewPlaces(chosen, ld.report.Newest(ld.places), edition)
}

// toCheck is what a command that makes a document tells at its end: what
// the agent should check before printing it, and how to get the list of
// calls, in lines.
func (ld *loaded) toCheck(c *request, kept []selection.Selected, edition time.Time) []string {
	rv := ld.review(kept, edition)
	lines := rv.Summary()
	if len(rv.Places) > 0 && !c.web {
		lines = append(lines, fmt.Sprintf("  La liste des lieux à appeler : %s --appels a-appeler.xlsx, avec les mêmes options de territoire et d’offre.", ld.verifyCommand(c)))
	}
	if w := rv.Staleness(); w != "" {
		lines = append(lines, w)
	}
	return lines
}

// tell writes lines to the log.
func tell(c *request, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(c.log, l)
	}
}
