package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings, measured on the typical path (one
// intercommunality out of the national file): collecting when the heap
// has grown by 200 % rather than 100 % takes 0.85 times the processor
// time for 1.25 times the memory; the soft limit makes it collect harder
// before a large guide goes past 1 GiB.
const (
	gcPercent   = 200
	memoryLimit = 900 << 20
)

// tuneGC sets the collector, unless GOGC or GOMEMLIMIT say otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
