package controle

import (
	"fmt"
	"strings"

	"livret/lieu"
	"livret/source"
)

// fileNotes records remarks on the whole file: its version, its columns
// outside the standard (kept, reported once), the reader's own remarks.
func (c *checker) fileNotes(r *source.Reader) {
	cols := r.Columns()
	c.rep.Version = lieu.DetectVersion(cols)
	seen := map[string]bool{}
	var unknown []string
	for _, col := range cols {
		// Unnamed columns are the reader's to report, once for them all.
		if col == "" || seen[col] {
			continue
		}
		seen[col] = true
		switch {
		case lieu.Obsolete(col):
			c.rep.FileNotes = append(c.rep.FileNotes,
				"colonne « "+col+" » du schéma 0.1, sans équivalent en 1.x : ignorée")
		case !lieu.Known(col):
			unknown = append(unknown, col)
		}
	}
	// A note a column, but not 10⁵ of them.
	const listed = 20
	for _, col := range unknown[:min(len(unknown), listed)] {
		c.rep.FileNotes = append(c.rep.FileNotes,
			"colonne « "+col+" » hors du standard : conservée dans les exports, non imprimée")
	}
	if n := len(unknown) - listed; n > 0 {
		c.rep.FileNotes = append(c.rep.FileNotes,
			fmt.Sprintf("et %d autres colonnes hors du standard : conservées dans les exports, non imprimées", n))
	}
	hints := headerHints(cols)
	if len(hints) > 0 {
		c.rep.hint = hints[0]
	}
	c.rep.FileNotes = append(c.rep.FileNotes, hints...)
	c.rep.FileNotes = append(c.rep.FileNotes, r.Notes()...)
}

// headerHints says what a header without the standard's columns suggests:
// columns run together under another separator, or another kind of file.
func headerHints(cols []string) []string {
	known := 0
	for _, col := range cols {
		if lieu.Known(col) {
			known++
		}
	}
	var hints []string
	for _, col := range cols {
		if lieu.Known(col) {
			continue
		}
		for _, sep := range []string{";", ",", "\t", "|", ":"} {
			n := 0
			for _, part := range strings.Split(col, sep) {
				if lieu.Known(strings.TrimSpace(strings.Trim(part, `"`))) {
					n++
				}
			}
			if n >= 2 {
				advice := "le fichier mélange sans doute les séparateurs ; enregistrez-le avec un seul (« ; » ou « , »)"
				if sep == ":" {
					advice = "livret lit les séparateurs « ; », « , », « | » et la tabulation : enregistrez le fichier avec l’un d’eux"
				}
				hints = append(hints, fmt.Sprintf("la colonne « %s » réunit %d colonnes du standard séparées par « %s » : %s",
					col, n, sepName(sep), advice))
				break
			}
		}
	}
	if known == 0 && len(hints) == 0 && len(cols) > 0 {
		hints = append(hints, "aucune colonne de l’en-tête n’est une colonne du standard (nom, adresse, commune…) : "+
			"ce fichier n’est sans doute pas un fichier des lieux de médiation numérique")
	}
	return hints
}

func sepName(sep string) string {
	if sep == "\t" {
		return "tabulation"
	}
	return sep
}
