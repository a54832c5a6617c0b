// Package memo remembers the results of a pure function for the values it
// was last called with. A national file repeats the same cells thousands of
// times (a network's phone line, the same opening hours, the same list of
// services): each is worked out once. A memo is safe for concurrent use and
// bounded: it is emptied when full, so that a long-running server holds
// only what recent files repeat.
package memo

import (
	"sync"
	"sync/atomic"
)

// Memo maps keys to the values computed for them. Reads take no lock
// (sync.Map): the check reads the same keys from every core.
type Memo[K comparable, V any] struct {
	m    sync.Map
	n    atomic.Int64
	size int64
}

// New returns a memo of at most size entries (a few more while goroutines
// race to fill it).
func New[K comparable, V any](size int) *Memo[K, V] {
	return &Memo[K, V]{size: int64(size)}
}

// Get returns the value remembered for k, or computes it with f and
// remembers it. Two goroutines may compute the same value at once, which
// is harmless for a pure function.
func (m *Memo[K, V]) Get(k K, f func() V) V {
	if v, ok := m.m.Load(k); ok {
		return v.(V)
	}
	v := f()
	if m.n.Add(1) > m.size {
		m.m.Clear()
		m.n.Store(1)
	}
	m.m.Store(k, v)
	return v
}

// Len is the number of values remembered.
func (m *Memo[K, V]) Len() int {
	n := 0
	m.m.Range(func(any, any) bool { n++; return true })
	return n
}
