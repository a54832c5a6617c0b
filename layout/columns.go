package layout

// columns sets short items side by side, as a directory does: down the
// first column, then the next, page after page; the columns of the last
// page are balanced so that it does not end with one full column and one
// nearly empty. An item is never split; an item whose last box is kept
// with what follows (a letter of the index) never ends a column; the last
// item never opens a page alone (the legend's « Site internet »).
type columns struct {
	n      int
	gutter float64
	items  []column
}

// column is one item of columns: its boxes, and the space before it,
// dropped at the top of a column.
type column struct {
	lead  float64
	boxes []box
}

func (c column) height(top bool) float64 {
	h := 0.0
	if !top {
		h = c.lead
	}
	for _, b := range c.boxes {
		h += b.height
	}
	return h
}

func (c column) kept() bool { return len(c.boxes) > 0 && c.boxes[len(c.boxes)-1].keepWithNext }

// total is the height of the items one below the other, in one column.
func (c columns) total() float64 {
	h := 0.0
	for i, it := range c.items {
		h += it.height(i == 0)
	}
	return h
}

// depth is how tall the items stand in their columns, were they cut
// evenly: what the number of columns is chosen by.
func (c columns) depth() float64 { return c.total() / float64(c.n) }

// width is the width of one column.
func (c columns) width(content float64) float64 {
	return (content - float64(c.n-1)*c.gutter) / float64(c.n)
}

// fill cuts items into at most n columns of height h: the index after the
// last item of each column. Columns hold at least one item each, even one
// taller than h, when top says the column opens a page: every page makes
// progress.
func (c columns) fill(items []column, h float64, top bool) []int {
	var ends []int
	i := 0
	for len(ends) < c.n && i < len(items) {
		start, used := i, 0.0
		for i < len(items) {
			ih := items[i].height(i == start)
			if used+ih > h && (i > start || !top) {
				break
			}
			used += ih
			i++
		}
		// A letter does not end a column when what it announces follows.
		for i < len(items) && i-start > 1 && items[i-1].kept() {
			i--
		}
		if i == start {
			break
		}
		ends = append(ends, i)
	}
	return ends
}

// balance is the least height, at most room, at which every item fits in
// the n columns, or room when they do not all fit.
func (c columns) balance(items []column, room float64, top bool) float64 {
	if ends := c.fill(items, room, top); len(ends) == 0 || ends[len(ends)-1] < len(items) {
		return room
	}
	lo, hi := 0.0, room
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if ends := c.fill(items, mid, false); len(ends) > 0 && ends[len(ends)-1] == len(items) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// columns places the items page after page.
func (pg *paginator) columns(c columns) {
	width := c.width(pg.lc.th.contentWidth())
	items := c.items
	for len(items) > 0 {
		if items[0].height(true) > pg.bottom-pg.top {
			// Taller than a page: it breaks between its lines, in one column.
			for _, b := range items[0].boxes {
				pg.place(b)
			}
			items = items[1:]
			continue
		}
		top := pg.atTop()
		h := c.balance(items, pg.room(), top)
		ends := c.fill(items, h, top)
		if len(ends) == 0 {
			pg.breakPage() // not even one item fits under what the page holds
			continue
		}
		if n := ends[len(ends)-1]; len(items)-n == 1 && n >= 3 {
			// The last item never stands alone at the top of the next
			// page: the one before it goes along, and the letter
			// before that one, which must not end the page.
			m := n - 1
			for m > 1 && items[m-1].kept() {
				m--
			}
			ends = c.fill(items[:m], h, top)
		}
		y0, deepest := pg.y, pg.y
		start := 0
		for k, end := range ends {
			y := y0
			for i := start; i < end; i++ {
				if i > start {
					y += items[i].lead
				}
				for _, b := range items[i].boxes {
					pg.put(b, pg.x+float64(k)*(width+c.gutter), y)
					y += b.height
				}
			}
			deepest = max(deepest, y)
			start = end
		}
		items = items[start:]
		pg.y = deepest
		if len(items) > 0 {
			pg.breakPage()
		}
	}
}
