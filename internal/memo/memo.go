// Package memo remembers the results of a pure function for the values it
// was last called with. A national file repeats the same cells thousands of
// times (a network's phone line, the same opening hours, the same list of
// services): each is worked out once. A memo is safe for concurrent use and
// bounded: it is emptied when full, so that a long-running server holds
// only what recent files repeat.
package memo

import "sync"

// Memo maps keys to the values computed for them.
type Memo[K comparable, V any] struct {
	mu   sync.Mutex
	m    map[K]V
	size int
}

// New returns a memo of at most size entries.
func New[K comparable, V any](size int) *Memo[K, V] {
	return &Memo[K, V]{m: make(map[K]V), size: size}
}

// Get returns the value remembered for k, or computes it with f and
// remembers it. f runs outside the lock: two goroutines may compute the
// same value at once, which is harmless for a pure function.
func (m *Memo[K, V]) Get(k K, f func() V) V {
	m.mu.Lock()
	v, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	m.mu.Lock()
	if len(m.m) >= m.size {
		clear(m.m)
	}
	m.m[k] = v
	m.mu.Unlock()
	return v
}

// Len is the number of values remembered.
func (m *Memo[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}
