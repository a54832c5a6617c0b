package controle

import (
	"livret/lieu"
	"livret/source"
)

// fileNotes records remarks on the whole file: its version, its columns
// outside the standard (kept, reported once), the reader's own remarks.
func (c *checker) fileNotes(r *source.Reader) {
	cols := r.Columns()
	c.rep.Version = lieu.DetectVersion(cols)
	for _, col := range cols {
		switch {
		case lieu.Obsolete(col):
			c.rep.FileNotes = append(c.rep.FileNotes,
				"colonne « "+col+" » du schéma 0.1, sans équivalent en 1.x : ignorée")
		case !lieu.Known(col):
			c.rep.FileNotes = append(c.rep.FileNotes,
				"colonne « "+col+" » hors du standard : conservée dans les exports, non imprimée")
		}
	}
	c.rep.FileNotes = append(c.rep.FileNotes, r.Notes()...)
}
