package memo

import (
	"strconv"
	"sync"
	"testing"
)

// TestGet checks that a value is computed once per key, that the memo
// stays within its size, and that concurrent callers agree.
func TestGet(t *testing.T) {
	m := New[string, int](100)
	calls := 0
	for range 3 {
		if v := m.Get("a", func() int { calls++; return 7 }); v != 7 {
			t.Fatalf("Get = %d, want 7", v)
		}
	}
	if calls != 1 {
		t.Errorf("computed %d times, want once", calls)
	}
	for i := range 250 {
		m.Get(strconv.Itoa(i), func() int { return i })
		if m.Len() > 100 {
			t.Fatalf("memo of %d entries, more than 100", m.Len())
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				k := strconv.Itoa(i % 150)
				if v := m.Get(k, func() int { return i % 150 }); v != i%150 {
					t.Errorf("goroutine %d: Get(%s) = %d", g, k, v)
				}
			}
		})
	}
	wg.Wait()
}
