package layout

import (
	"cmp"
	"fmt"
)

// Impose arranges the pages of an A5 book for saddle-stitch printing: two
// A5 pages side by side on each side of an A4 sheet, in printing order, so
// that the sheets printed on both sides (flip on the short edge), stacked,
// folded in the middle and stapled read in order. Blank pages are added at
// the end to reach a multiple of four, before the back cover if there is
// one. The result is for the printer: it
// carries no structure and no links; the A5 book in reading order is the
// file to read on screen.
func Impose(b *Book) (*Book, error) {
	if b.Width > A5.Width+1 || b.Height > A5.Height+1 {
		return nil, fmt.Errorf("l’imposition en livret demande des pages A5 (--format A5)")
	}
	sheet := &Book{Width: A4.Height, Height: A4.Width, Title: cmp.Or(b.BookletTitle, b.Title), Lang: b.Lang,
		Anchors: map[string]Dest{}, Structure: &Node{Role: "Document"}}
	// The pair is centred on the sheet: two A5 are 1 mm narrower than A4.
	left := (sheet.Width - 2*b.Width) / 2
	top := (sheet.Height - b.Height) / 2
	n := len(b.Pages)
	total := (n + 3) / 4 * 4
	for _, pair := range Order(total) {
		out := &Page{}
		for side, i := range pair {
			switch {
			case b.BackCover && i == total-1:
				i = n - 1 // the back cover stays the back
			case i >= n || b.BackCover && i == n-1:
				continue // blank page
			}
			for _, it := range b.Pages[i].Items {
				out.Items = append(out.Items, moved(it, left+float64(side)*b.Width, top))
			}
		}
		sheet.Pages = append(sheet.Pages, out)
	}
	return sheet, nil
}

// Order returns, for an imposed book of n pages, the page of the reading
// order (0-based, -1 for a blank) shown on the left and on the right of
// each side of each sheet, in printing order.
func Order(n int) [][2]int {
	total := (n + 3) / 4 * 4
	blank := func(i int) int {
		if i >= n {
			return -1
		}
		return i
	}
	var out [][2]int
	for s := 0; s < total/4; s++ {
		out = append(out, [2]int{blank(total - 1 - 2*s), blank(2 * s)}, [2]int{blank(2*s + 1), blank(total - 2 - 2*s)})
	}
	return out
}

// moved copies an item, moved by (dx, dy), without structure or link.
func moved(it Item, dx, dy float64) Item {
	switch it := it.(type) {
	case *Text:
		c := *it
		c.X, c.Y, c.node, c.Link = c.X+dx, c.Y+dy, nil, nil
		return &c
	case *Rect:
		c := *it
		c.X, c.Y, c.node = c.X+dx, c.Y+dy, nil
		return &c
	case *Icon:
		c := *it
		c.X, c.Y, c.node = c.X+dx, c.Y+dy, nil
		return &c
	case *QR:
		c := *it
		c.X, c.Y, c.node, c.Link = c.X+dx, c.Y+dy, nil, nil
		return &c
	case *Image:
		c := *it
		c.X, c.Y, c.node = c.X+dx, c.Y+dy, nil
		return &c
	case *Path:
		return it.moved(dx, dy)
	}
	panic(fmt.Sprintf("layout: moved: unknown item %T", it))
}
