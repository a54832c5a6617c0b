package pdf

import (
	"strings"

	"livret/layout"
)

// heading is a bookmark: a heading of the book, where its first text is.
type heading struct {
	title string
	level int     // 0 for H1, 1 for H2
	page  int     // 0-based
	y     float64 // top of the first text, from the top of the page
}

// headings returns the bookmarks of the book in reading order: one for
// each H1 and H2 element, titled with all its text.
func headings(b *layout.Book) []heading {
	var marks []heading
	at := map[*layout.Node]int{} // element → its bookmark
	for i, p := range b.Pages {
		for _, it := range p.Items {
			t, ok := it.(*layout.Text)
			if !ok || t.Node() == nil || (t.Node().Role != "H1" && t.Node().Role != "H2") {
				continue
			}
			n := t.Node()
			k, seen := at[n]
			if !seen {
				level := 0
				if n.Role == "H2" {
					level = 1
				}
				at[n] = len(marks)
				marks = append(marks, heading{title: t.S, level: level, page: i, y: t.Y - t.Face.Ascent(t.Size)})
				continue
			}
			// A heading broken over lines: its runs, one space apart.
			if s := marks[k].title; s != "" && !strings.HasSuffix(s, " ") {
				marks[k].title += " "
			}
			marks[k].title += t.S
		}
	}
	return marks
}
