//go:build unix

package main

import (
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkTypicalPath runs, in alternation, the guide of one
// intercommunality out of the largest file and the guide of the smallest
// file on its own (a few hundred places, as many as the intercommunality
// has), and reports the processor time of each and their ratio: on a
// shared machine, the ratio of two cases measured side by side means more
// than a time alone. The goal (issue 15) is a typical path under 0.5 s.
//
//	go test ./cmd/livret -run '^$' -bench TypicalPath -benchtime 5x
func BenchmarkTypicalPath(b *testing.B) {
	sizes := benchSizes(b)
	small, large := synthetic(b, slices.Min(sizes)), synthetic(b, slices.Max(sizes))
	var epci, alone time.Duration
	for b.Loop() {
		epci += cpuTime(b, func() { runGuide(b, large, "--epci", "Bordeaux Métropole") })
		alone += cpuTime(b, func() { runGuide(b, small) })
	}
	b.ReportMetric(epci.Seconds()/float64(b.N), "cpu-s/epci")
	b.ReportMetric(alone.Seconds()/float64(b.N), "cpu-s/alone")
	b.ReportMetric(float64(epci)/float64(alone), "epci/alone")
}

// cpuTime is the processor time, user and system, of the process while f
// runs.
func cpuTime(b *testing.B, f func()) time.Duration {
	b.Helper()
	before := rusage(b)
	f()
	return rusage(b) - before
}

func rusage(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
