package texte

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"livret/internal/parallel"
)

// Order sorts names in French dictionary order: accents count after letters
// ("cote" < "côte" < "coter"), numbers by value ("Lieu 9" before "Lieu 10"),
// and hyphens and apostrophes as spaces ("Saint-Médard" files as "Saint
// Médard"). Names equal by these rules keep a fixed order.
//
// The zero value is ready to use. An Order is safe for concurrent use: the
// collators it needs, which are not, come from a pool.
type Order struct {
	// UnderNoun files the names that begin with an article under the noun,
	// as French directories do: "Le Bouscat" among the B, "La
	// Teste-de-Buch" among the T, "L’Isle-d’Abeau" among the I.
	UnderNoun bool
}

// Compare compares a and b in French dictionary order and returns -1, 0 or
// +1. It returns 0 only for identical strings.
func Compare(a, b string) int { return Order{}.Compare(a, b) }

// Compare compares a and b in the order o and returns -1, 0 or +1. It
// returns 0 only for identical strings.
func (o Order) Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	if r := c.CompareString(o.Filed(a), o.Filed(b)); r != 0 {
		return r
	}
	if r := c.CompareString(plain(a), plain(b)); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// Sort sorts names in the order o. It computes each name's key once, which
// is faster than sorting with Compare.
func (o Order) Sort(names []string) {
	keys := o.Keys(names)
	slices.SortFunc(keys, Key.Compare)
	for i, k := range keys {
		names[i] = k.name
	}
}

// Key is the sort key of a name in an order: Key.Compare on keys gives
// what Order.Compare gives on names, without the work of collation each
// time, which matters when each name is compared many times, as in a sort.
type Key struct {
	filed, plain []byte
	name         string
}

// Keys returns the sort key of each name, in the order o. Long lists are
// shared out between the cores. A name repeated (a commune's, in every
// place of it) is keyed once, its key shared.
func (o Order) Keys(names []string) []Key {
	at := make([]int32, len(names)) // the distinct name each is
	first := make(map[string]int32, len(names)/2)
	var distinct []string
	for i, n := range names {
		k, ok := first[n]
		if !ok {
			k = int32(len(distinct))
			first[n] = k
			distinct = append(distinct, n)
		}
		at[i] = k
	}
	once := make([]Key, len(distinct))
	const chunk = 1024
	parallel.For((len(distinct)+chunk-1)/chunk, func(k int) {
		c := collators.Get().(*collate.Collator)
		defer collators.Put(c)
		var buf collate.Buffer
		for i := k * chunk; i < min(len(distinct), (k+1)*chunk); i++ {
			n := distinct[i]
			once[i] = Key{c.KeyFromString(&buf, o.Filed(n)), c.KeyFromString(&buf, plain(n)), n}
		}
	})
	keys := make([]Key, len(names))
	for i, k := range at {
		keys[i] = once[k]
	}
	return keys
}

// Compare compares the names of keys k and l and returns -1, 0 or +1, as
// Order.Compare does.
func (k Key) Compare(l Key) int {
	if k.name == l.name {
		return 0 // a name repeated, keyed once (see Keys): nothing to collate
	}
	if r := bytes.Compare(k.filed, l.filed); r != 0 {
		return r
	}
	if r := bytes.Compare(k.plain, l.plain); r != 0 {
		return r
	}
	return strings.Compare(k.name, l.name)
}

var collators = sync.Pool{
	New: func() any { return collate.New(language.French, collate.Numeric) },
}

// articleRE matches an article at the start of a name, followed by the noun.
var articleRE = regexp.MustCompile(`(?i)^(?:(?:le|la|les)\s+|l\s*['’]\s*)(\pL)`)

// Filed returns the words a name is filed under: "Bouscat" for "Le
// Bouscat" when UnderNoun is set, the name itself otherwise (without
// punctuation that sorting ignores).
func (o Order) Filed(s string) string {
	if o.UnderNoun {
		s = strings.TrimSpace(norm.NFC.String(s))
		if loc := articleRE.FindStringSubmatchIndex(s); loc != nil {
			s = s[loc[2]:]
		}
	}
	return plain(s)
}

// plain returns a name with hyphens, apostrophes and runs of spaces turned
// into one space.
func plain(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '-', '‐', '‑', '–', '—', '\'', '’', 'ʼ', '_':
			return true
		}
		return isHSpace(r) || r == '\n'
	}), " ")
}
