package web

import (
	"context"
	"image"
	"io"

	"livret/controle"
	"livret/internal/options"
)

// Engine makes documents. The command `livret serveur` gives one that
// runs the command line's own pipeline.
type Engine interface {
	Make(ctx context.Context, job *Job) (*Product, error)
}

// Job is one document asked for.
type Job struct {
	Document *Document
	Options  *options.Set
	Data     *File // nil: Source, or the embedded example
	// Source names the national data to download: "national" or
	// "departement:33"; never a path or an address from the client.
	Source      string
	Corrections *File // the agent's corrections, laid over Data; nil: none
	Logo        *File // nil: the template's
	MaxRows     int   // bound on the rows of Data
}

// Product is a document made, or the check of the data.
type Product struct {
	Messages []string // what became of the rows, the selection, warnings
	FileName string   // for the download
	Write    func(io.Writer) error
	Pages    int
	// Page draws page i (from 0) for the preview; nil when the
	// document has no pages, like a spreadsheet.
	Page   func(i int) (image.Image, error)
	Report *controle.Report // the check of the data
}
