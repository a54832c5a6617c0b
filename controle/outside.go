package controle

import (
	"iter"
	"sync"
	"sync/atomic"
	"time"

	"livret/lieu"
	"livret/nettoyage"
	"livret/source"
	"livret/territoire"
)

// The rows of a national file outside the territory a command keeps are
// only located and counted (Options.Within), and locating them is then
// most of the check. So a row is first read for the few cells that locate
// it, and each distinct set of these cells is located once: a national
// file names the same commune on many rows (30 000 rows, 5 000 communes).

// outside reports whether a record is located outside the territory of
// Options.Within, to be counted unchecked, and its date of update.
func (c *checker) outside(rec source.Record) (updated time.Time, outside bool) {
	if c.opt.Within == nil || c.opt.Atlas == nil {
		return time.Time{}, false
	}
	h := c.headerOf(rec)
	if at := c.locate(rec, h); !at.ok || at.within {
		return time.Time{}, false
	}
	return lieu.DecodeLocation(cells(rec, h.when)).Updated, true
}

// locate is where the location cells of rec, of header h, lead, located
// as check does (codes put right, invisible characters removed): worked
// out once for each distinct set of them. It is safe for concurrent use.
func (c *checker) locate(rec source.Record, h *header) located {
	key := make([]byte, 0, 64)
	for _, i := range h.where {
		key = append(append(append(append(key, rec.Fields[i].Name...), 0), rec.Fields[i].Value...), 0)
	}
	// A map under a read lock, not a memo: the lookup of string(key)
	// allocates nothing. A file names far fewer communes than it has rows;
	// a noisy one, a new set on every row: the map is emptied when full,
	// bounded as a memo is.
	c.mu.RLock()
	at, ok := c.located[string(key)]
	c.mu.RUnlock()
	if ok {
		return at
	}
	r := &row{p: Place{Lieu: lieu.DecodeLocation(cells(rec, h.where))}}
	nettoyage.Invisibles(&r.p.Lieu)
	r.codes()
	l := r.p.Lieu
	loc, err := c.opt.Atlas.Locate(l.INSEE, l.PostalCode, l.Commune)
	at = located{loc: loc, ok: err == nil}
	at.within = at.ok && c.opt.Within != nil && c.opt.Within(loc)
	c.mu.Lock()
	if len(c.located) >= maxLocated {
		clear(c.located)
	}
	c.located[string(key)] = at
	c.mu.Unlock()
	return at
}

// headerOf is the header of rec's column names.
func (c *checker) headerOf(rec source.Record) *header {
	h := c.header.Load()
	if h == nil || !h.fits(rec.Fields) {
		h = newHeader(rec.Fields) // a JSON file's objects may each name other keys
		c.header.Store(h)
	}
	return h
}

// located is where a set of location cells leads, and whether it lies in
// the territory of Options.Within.
type located struct {
	loc        territoire.Location
	ok, within bool
}

// locator is what a checker keeps to locate records fast.
type locator struct {
	header  atomic.Pointer[header]
	mu      sync.RWMutex
	located map[string]located // by the names and values of the where cells
}

// maxLocated bounds the locations a checker keeps.
const maxLocated = 1 << 16

func newLocator() locator { return locator{located: map[string]located{}} }

// header is where the cells that locate a record are, in the records that
// share its column names: every record of a CSV file or of a sheet.
type header struct {
	names []string
	where []int // commune, postal code, INSEE code
	when  []int // date of update
}

func newHeader(fields []source.Field) *header {
	h := &header{names: make([]string, len(fields))}
	for i, f := range fields {
		h.names[i] = f.Name
		switch read, where := lieu.LocationColumn(f.Name); {
		case where:
			h.where = append(h.where, i)
		case read:
			h.when = append(h.when, i)
		}
	}
	return h
}

// fits reports whether fields have the names of the header, in order.
func (h *header) fits(fields []source.Field) bool {
	if len(fields) != len(h.names) {
		return false
	}
	for i, f := range fields {
		if f.Name != h.names[i] {
			return false
		}
	}
	return true
}

// cells iterates over the fields of a record at the given indices, as
// lieu.DecodeLocation reads them.
func cells(rec source.Record, at []int) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, i := range at {
			if !yield(rec.Fields[i].Name, rec.Fields[i].Value) {
				return
			}
		}
	}
}
