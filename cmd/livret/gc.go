package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings. On the typical path (one
// intercommunality out of the national file), collecting when the heap
// has grown by 200 % rather than 100 % takes 0.85 times the processor
// time for 1.25 times the memory. The soft limit makes the collector work
// harder only as the heap nears it, which a guide of a few thousand places
// never does. The national guide's live heap is 0.34 to 0.45 GiB (its
// places drawn once, see layout/part.go): a limit of 960 MiB keeps it
// under 1 GiB (0.95 GiB), for 1.1 to 1.3 times the processor time of this
// one, which leaves it at 1.6 GB. Speed is kept: GOMEMLIMIT=960MiB gives
// the smaller memory.
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
