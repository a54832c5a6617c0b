package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestTuneGC checks that livret sets the collector, and leaves it as the
// environment says when GOGC and GOMEMLIMIT are set.
func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneGC()
	if p, l := debug.SetGCPercent(smallGCPercent), debug.SetMemoryLimit(math.MaxInt64); p != smallGCPercent || l != memoryLimit {
		t.Errorf("GC percent %d, memory limit %d; want %d, %d", p, l, smallGCPercent, memoryLimit)
	}
	// Past smallHeap live, the collector goes back to gcPercent.
	big := make([][]byte, 0, 64)
	for range 2 * smallHeap / (4 << 20) {
		big = append(big, make([]byte, 4<<20))
	}
	p := smallGCPercent
	for deadline := time.Now().Add(10 * time.Second); p != gcPercent && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
		p = debug.SetGCPercent(smallGCPercent)
		debug.SetGCPercent(p)
	}
	runtime.KeepAlive(big)
	if p != gcPercent {
		t.Errorf("with %d MiB live, GC percent %d, want %d", 2*smallHeap>>20, p, gcPercent)
	}

	debug.SetGCPercent(100)
	t.Setenv("GOGC", "100")
	t.Setenv("GOMEMLIMIT", "2GiB")
	tuneGC()
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); p != 100 || l != math.MaxInt64 {
		t.Errorf("with GOGC and GOMEMLIMIT set: GC percent %d, memory limit %d, want them left alone", p, l)
	}
}
