// Package cleanup keeps the list of temporary files livret has made, so
// that they are removed on every way out, an interruption (Ctrl-C)
// included: the normal paths remove their own files, and the signal
// handler of the command removes what is left before exiting.
package cleanup

import (
	"os"
	"sync"
)

var (
	mu    sync.Mutex
	files = map[string]bool{}
)

// Track records a temporary file; the returned function forgets it, once
// it has been removed or renamed into place.
func Track(path string) (untrack func()) {
	mu.Lock()
	files[path] = true
	mu.Unlock()
	return func() {
		mu.Lock()
		delete(files, path)
		mu.Unlock()
	}
}

// RemoveAll removes every temporary file still tracked.
func RemoveAll() {
	mu.Lock()
	defer mu.Unlock()
	for path := range files {
		os.Remove(path)
		delete(files, path)
	}
}
