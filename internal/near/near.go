// Package near tells how close a typed name is to a known one, for the
// suggestions « Vouliez-vous dire … ? » of the communes and of the
// commands: a bounded edit distance, and the bound that makes a name worth
// suggesting.
package near

import "strings"

// Matcher computes edit distances, keeping its two rows from one call to
// the next: a name is compared with tens of thousands. The zero value is
// ready; a Matcher is not safe for concurrent use.
type Matcher struct{ prev, cur []int }

// Score rates how close a known key is to what was typed: the edit
// distance, or 1 when known starts with typed as whole words
// ("saint medard" → "saint medard en jalles"); ok is false when known is
// too far to be suggested: a slip of one letter in a short key, of two
// or three in a long one. Keys are folded to ASCII (texte.Fold).
func (m *Matcher) Score(typed, known string) (int, bool) {
	if len(typed) >= 4 && strings.HasPrefix(known, typed+" ") {
		return 1, true
	}
	limit := 1
	switch {
	case len(typed) > 10:
		limit = 3
	case len(typed) > 4:
		limit = 2
	}
	d := m.Distance(typed, known, limit)
	return d, d <= limit
}

// Distance returns the Levenshtein distance between a and b, counted on
// bytes, or limit+1 as soon as it is known to exceed limit.
func (m *Matcher) Distance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if cap(m.prev) < len(b)+1 {
		m.prev = make([]int, len(b)+1)
		m.cur = make([]int, len(b)+1)
	}
	prev, cur := m.prev[:len(b)+1], m.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
