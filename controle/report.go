package controle

import (
	"fmt"
	"time"

	"livret/lieu"
	"livret/source"
	"livret/texte"
)

// Severity tells whether a problem sets the row aside.
type Severity int

const (
	Warning Severity = iota + 1 // a value was dropped or normalised; the place is kept
	Error                       // the row is set aside
)

func (s Severity) String() string {
	if s == Error {
		return "erreur"
	}
	return "avertissement"
}

// Issue is one problem found in one row.
type Issue struct {
	Pos      source.Position
	ID       string // the place's identifier, as in the file
	Name     string // the place's name, as in the file
	Field    string // column concerned; empty for the whole row
	Problem  string // what is wrong, in French
	Action   string // what livret did, in French
	Severity Severity
}

// Report accounts for every row of a file.
type Report struct {
	File     string
	Format   string
	Encoding string
	Version  lieu.Version

	Rows     int // records read, unreadable ones included
	Kept     int // places kept (after merging duplicates)
	SetAside int // rows set aside, each with an Error issue
	Merged   int // rows merged into an earlier row, each with a Warning issue
	// NearDuplicates counts the merges of Merged whose names or addresses
	// differ: same phone and address, or same e-mail and close names.
	NearDuplicates int
	Empty          int // empty rows skipped by the reader
	// Outside counts the rows located outside the territory the command
	// keeps (Options.Within): read, not checked, reported by no issue.
	Outside int
	// OutsideNewest is the newest date of update of those rows.
	OutsideNewest time.Time

	// Issues are the problems found, in file order: every issue of the
	// rows kept, those of the first rows set aside or merged (see
	// maxNoiseRows); the others are tallied in Summaries.
	Issues    []Issue
	Summaries []Summary
	// Summarised counts the rows whose issues, or some of them, are in
	// Summaries rather than detailed.
	Summarised int
	// CorrectionsFile and Fixes say what a corrections file did, when
	// one was applied.
	CorrectionsFile string
	Fixes           []Fix
	FileNotes       []string       // remarks on the whole file: unknown columns, encoding…
	hint            string         // what the header suggests when it lacks the standard's columns
	noiseRows       int            // rows set aside or merged detailed so far
	kinds           map[string]int // kind of issue → index in Summaries
	key             []byte         // the last kind looked up, its buffer reused
}

// Unusable says why the file gives no place at all, or "" when it gives
// some: a command then stops with this reason rather than blaming its
// criteria. Rows outside the territory are places: the territory is then
// to blame.
func (r *Report) Unusable() string {
	if r.Kept > 0 || r.Outside > 0 {
		return ""
	}
	why := "aucune ligne de données ne suit l’en-tête"
	switch {
	case r.Rows > 0:
		why = fmt.Sprintf("ses %s lignes sont toutes écartées", texte.Number(r.Rows))
		if r.Rows == 1 {
			why = "sa seule ligne est écartée"
		}
	case r.Empty > 0:
		why = "il n’a que des lignes vides après l’en-tête"
	}
	msg := fmt.Sprintf("«\u00a0%s\u00a0» ne donne aucun lieu\u00a0: %s", r.File, why)
	if r.hint != "" {
		msg += " ; " + r.hint
	}
	return msg
}

// Errors and Warnings count the issues of each severity, summarised
// ones included.
func (r *Report) Errors() int   { return r.count(Error) }
func (r *Report) Warnings() int { return r.count(Warning) }

func (r *Report) count(s Severity) int {
	n := 0
	for _, is := range r.Issues {
		if is.Severity == s {
			n++
		}
	}
	for _, sum := range r.Summaries {
		if sum.Severity == s {
			n += sum.Count
		}
	}
	return n
}

// Balanced reports whether every row is accounted for.
func (r *Report) Balanced() bool { return r.Rows == r.Kept+r.SetAside+r.Merged+r.Outside }

// Checked is the number of rows checked: all but those outside the
// territory.
func (r *Report) Checked() int { return r.Rows - r.Outside }

// Newest is the newest date of update of the file: of its places and of
// the rows outside the territory.
func (r *Report) Newest(places []Place) time.Time {
	newest := r.OutsideNewest
	for i := range places {
		if places[i].Updated.After(newest) {
			newest = places[i].Updated
		}
	}
	return newest
}
