package layout

import (
	"livret/guide"
)

// Sheets lays out one page per place, to pin on a notice board or hand to
// a person: the name as a title, the phone in very large type, a larger QR
// code, the place's own presentation, and the date of printing at the foot
// of the page.
func Sheets(g *guide.Guide, th Theme) (*Book, error) {
	footer := func(int, int) []string { return []string{guide.Fill(g.Wording.SheetFooter, "date", g.Edition)} }
	st := entryStyle{heading: "H1", name: th.sheetName(), phone: th.sheetPhone(), summary: true}
	if th.QR {
		st.qr = th.sheetQR()
	}
	var entries []*guide.Entry
	for _, e := range places(g) {
		entries = append(entries, &e)
	}
	book, err := settle(th, g.Wording, footer, func(lc *context) []element {
		lc.layEntries(entries, st)
		var flow []element
		for _, e := range entries {
			flow = append(flow, newPage{furniture: true}, lc.laidOut(e, lc.root, st))
		}
		return flow
	})
	if err != nil {
		return nil, err
	}
	book.Title = g.SheetsTitle()
	return book, nil
}

// places lists each place of the guide once, in the order of its sections.
func places(g *guide.Guide) []guide.Entry {
	var out []guide.Entry
	seen := map[string]bool{}
	for _, ix := range g.Index {
		seen[ix.Anchor] = false
	}
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			if done, listed := seen[e.Anchor]; listed && !done {
				seen[e.Anchor] = true
				out = append(out, e.Whole())
			}
		}
	}
	return out
}
