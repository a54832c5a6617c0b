// Package parallel runs independent pieces of work on every core.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(0), f(1) … f(n-1), on as many goroutines as there are
// cores, and returns when they have all returned. The calls must be
// independent of each other.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers { // interleaved: neighbours cost alike
				f(i)
			}
		})
	}
	wg.Wait()
}
