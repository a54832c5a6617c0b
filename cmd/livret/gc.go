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
// never does. It keeps the national guide (30 000 places) under 1 GiB,
// 0.95 to 0.98 GiB instead of 1.5: its live heap, 0.33 GiB at most after a
// forced collection (its places let go once composed, its structure tree
// once listed), leaves the collector room enough, for a fifth to a third
// more marking (about 1.1 times the processor time, README « Performances »).
// A maker's GOGC and GOMEMLIMIT win: GOMEMLIMIT=1536MiB for that time back.
const (
	gcPercent   = 200
	memoryLimit = 960 << 20
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
