package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings, measured on the typical path (one
// intercommunality out of the national file): collecting when the heap
// has grown by 200 % rather than 100 % takes 0.85 times the processor
// time for 1.25 times the memory. The soft limit makes it collect harder
// as a national guide grows; it stays above that guide's live heap (about
// 0.8 GiB), for a limit under it makes the collector run without pause: at
// 900 MiB the national guide took 142 s of processor time, at 1.5 GiB
// 56 s and 1.59 GB, with none a little less for 3.6 GB.
const (
	gcPercent   = 200
	memoryLimit = 1536 << 20
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
