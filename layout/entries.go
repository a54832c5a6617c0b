package layout

import (
	"maps"
	"runtime"
	"slices"

	"livret/guide"
	"livret/internal/parallel"
)

// An entry's boxes depend only on its text, its style and the page's
// width, never on where it lands: the entries of a guide are laid out
// once for all the passes, on every core, before the sequential paginator
// places them in order. Each is laid out on a scratch context of its own,
// which keeps what the entry would have told the pass (warnings,
// characters the faces lack) for the pass to hear in the entry's turn: the
// book is the same on one core or many.

// laidEntry is an entry laid out ahead of the passes: its group, the
// structure elements it adds to its parent, and what it told its context.
type laidEntry struct {
	g        group
	kids     []*Node
	warnings []string
	missing  []rune
}

// entryKey identifies the layout of an entry: the entry, in a style.
type entryKey struct {
	e  *guide.Entry
	st entryStyle
}

// layEntries lays out, on every core, those of entries the memo does not
// hold yet in style st.
func (lc *context) layEntries(entries []*guide.Entry, st entryStyle) {
	var todo []entryKey
	for _, e := range entries {
		if _, ok := lc.memo.entries[entryKey{e, st}]; !ok {
			todo = append(todo, entryKey{e, st})
		}
	}
	lc.memo.hold(todo, lc.layAhead(todo))
}

// layAhead lays out the entries of keys, each in its style, on every core.
// It keeps nothing in the memo's entries, which a pass may be reading as
// it runs (see pagePlaces): hold keeps them.
func (lc *context) layAhead(keys []entryKey) []laidEntry {
	laid := make([]laidEntry, len(keys))
	// One scratch context per core, handed from entry to entry: its memo
	// key buffer is reused.
	scratch := make(chan *context, runtime.GOMAXPROCS(0))
	parallel.For(len(keys), func(i int) {
		var sc *context
		select {
		case sc = <-scratch:
		default:
			sc = &context{th: lc.th, footer: lc.footer, memo: lc.memo, words: lc.words, missing: map[rune]bool{}}
		}
		parent := &Node{}
		g := sc.entry(keys[i].e, parent, keys[i].st)
		laid[i] = laidEntry{g: g, kids: parent.Kids, warnings: sc.warnings, missing: slices.Collect(maps.Keys(sc.missing))}
		sc.warnings = nil
		clear(sc.missing)
		scratch <- sc
	})
	return laid
}

// hold keeps the entries of keys laid out, for laidOut.
func (m *memo) hold(keys []entryKey, laid []laidEntry) {
	for i, k := range keys {
		m.entries[k] = laid[i]
	}
}

// laidOut is the group of an entry under parent, laid out ahead by
// layEntries when it was, else now.
func (lc *context) laidOut(e *guide.Entry, parent *Node, st entryStyle) group {
	le, ok := lc.memo.entries[entryKey{e, st}]
	if !ok {
		return lc.entry(e, parent, st)
	}
	for _, w := range le.warnings {
		lc.warn(w)
	}
	for _, r := range le.missing {
		lc.missing[r] = true
	}
	parent.Kids = append(parent.Kids, le.kids...)
	return le.g
}
