package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The garbage collector's settings, measured on the typical path (one
// intercommunality out of the national file): collecting when the heap
// has grown by 200 % rather than 100 % takes 0.85 times the processor
// time for 1.25 times the memory. The soft limit makes it collect harder
// as a national guide grows; it stays above that guide's live heap (about
// 0.8 GiB), for a limit under it makes the collector run without pause: at
// 900 MiB the national guide took 142 s of processor time, at 1.5 GiB
// 56 s and 1.59 GB, with none a little less for 3.6 GB.
//
// While the live heap is small, as for a guide of a few hundred places
// (50 MB), the collector waits for it to grow by 400 %: 0.9 times the
// processor time again, for 40 MB more. Past smallHeap it goes back to
// 200 %, so that a big guide's memory is what it was.
const (
	gcPercent      = 200
	smallGCPercent = 400
	smallHeap      = 128 << 20
	memoryLimit    = 1536 << 20
)

// tuneGC sets the collector, unless GOGC or GOMEMLIMIT say otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(smallGCPercent)
		watchHeap()
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// watchHeap sets the collector to gcPercent after the first collection
// that finds more than smallHeap live: it looks after each collection,
// from the finalizer of an object let go for the purpose.
func watchHeap() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var look func(*sentinel)
	look = func(*sentinel) {
		metrics.Read(live)
		if live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() > smallHeap {
			debug.SetGCPercent(gcPercent)
			return
		}
		runtime.SetFinalizer(&sentinel{}, look)
	}
	runtime.SetFinalizer(&sentinel{}, look)
}

// sentinel is the object whose finalizer watchHeap sets: big enough, and
// with a pointer, not to share a block with other tiny objects, whose
// finalizers may never run.
type sentinel struct {
	_ *int
	_ [2]uintptr
}
