package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"livret/guide"
	"livret/internal/synth"
	"livret/layout"
	"livret/render/pdf"
)

// The benchmarks run livret on synthetic national files (package
// internal/synth): 300 places, the size of an intercommunality's guide,
// and 30 000, the size of the national file. The files are written once
// per run in a temporary folder.
//
//	go test ./cmd/livret -run '^$' -bench . -benchtime 3x
//	go test ./cmd/livret -run '^$' -bench 'Stages/3000$/layout' -places 3000 -cpuprofile cpu.out

var benchPlaces = flag.String("places", "300,30000", "numbers of places of the benchmarks, comma-separated")

func benchSizes(b *testing.B) []int {
	var sizes []int
	for _, f := range strings.Split(*benchPlaces, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("-places %q: %v", *benchPlaces, err)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// synthetic returns the path of a synthetic national file of n places.
func synthetic(b *testing.B, n int) string {
	b.Helper()
	synthOnce.Do(func() {
		synthDir, synthErr = os.MkdirTemp("", "livret-bench-")
		if synthErr == nil {
			synthRows, synthErr = synth.ReadDir(context.Background(), "../../testdata/donnees")
		}
	})
	if synthErr != nil {
		b.Fatal(synthErr)
	}
	path := filepath.Join(synthDir, fmt.Sprintf("national-%d.csv", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path)
	if err == nil {
		err = synth.WriteCSV(f, synthRows.Places(n, 1))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		b.Fatal(err)
	}
	return path
}

var (
	synthOnce sync.Once
	synthDir  string
	synthRows synth.Rows
	synthErr  error
)

func TestMain(m *testing.M) {
	if os.Getenv("LIVRET_TEST_MAIN") == "1" {
		// The test binary plays livret, for the tests that need a real
		// process: signals, exit statuses.
		main()
		os.Exit(0)
	}
	code := m.Run()
	if synthDir != "" {
		os.RemoveAll(synthDir)
	}
	os.Exit(code)
}

// BenchmarkGuide is the whole command, as a user runs it: read, check,
// select, compose, lay out and write the tagged PDF; and the typical path,
// one intercommunality's guide out of the largest file. It reports the
// peak of the live heap, as the collector measures it at the end of each
// cycle, and of the heap's objects, live or not yet collected (the
// memory the process holds follows it), with Go's default settings of the
// collector: the benchmark does not tune it as the command does (gc.go).
//
//	go test ./cmd/livret -run '^$' -bench 'Guide/30000$' -places 30000 -benchtime 1x
func BenchmarkGuide(b *testing.B) {
	sizes := benchSizes(b)
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			peaks := watchHeap()
			for b.Loop() {
				runGuide(b, synthetic(b, n))
			}
			reportPeaks(b, peaks)
		})
	}
	b.Run(fmt.Sprintf("epci-of-%d", slices.Max(sizes)), func(b *testing.B) {
		peaks := watchHeap()
		for b.Loop() {
			runGuide(b, synthetic(b, slices.Max(sizes)), "--epci", "Bordeaux Métropole")
		}
		reportPeaks(b, peaks)
	})
}

// BenchmarkLot is `livret lot --par epci` over a département of the
// largest file: one check, then many small guides, whose own costs (fonts,
// the how-to's sample, the passes) add up over the EPCI of France.
func BenchmarkLot(b *testing.B) {
	src := synthetic(b, slices.Max(benchSizes(b)))
	for b.Loop() {
		app := newApp()
		app.Writer, app.ErrWriter = io.Discard, io.Discard
		args := []string{"livret", "lot", "--source", src, "--date", "2026-11-23", "--departement", "33", "--par", "epci", "--dossier", b.TempDir()}
		if err := app.RunContext(context.Background(), args); err != nil {
			b.Fatal(err)
		}
	}
}

// watchHeap samples the heap every millisecond until the function it
// returns is called, which gives the peaks of the live heap and of the
// heap's objects, in bytes.
func watchHeap() func() (live, objects float64) {
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	var peak [2]uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			for i, s := range samples {
				peak[i] = max(peak[i], s.Value.Uint64())
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() (float64, float64) {
		close(stop)
		<-done
		return float64(peak[0]), float64(peak[1])
	}
}

// reportPeaks reports the peaks watchHeap gives, in MiB.
func reportPeaks(b *testing.B, peaks func() (live, objects float64)) {
	live, objects := peaks()
	b.ReportMetric(live/(1<<20), "peak-live-MiB")
	b.ReportMetric(objects/(1<<20), "peak-heap-MiB")
}

// runGuide runs the guide command on src, with more options.
func runGuide(b *testing.B, src string, more ...string) {
	b.Helper()
	app := newApp()
	app.Writer, app.ErrWriter = io.Discard, io.Discard
	args := append([]string{"livret", "guide", "--source", src, "--date", "2026-11-23", "--sortie", filepath.Join(b.TempDir(), "guide.pdf")}, more...)
	if err := app.RunContext(context.Background(), args); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStages times each step of the guide command on its own:
// read and check, compose, lay out, write the PDF with and without tags.
func BenchmarkStages(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c := fromCLI(guideContext(b, "--source", synthetic(b, n), "--date", "2026-11-23"))
			settings, err := readSettings(c)
			if err != nil {
				b.Fatal(err)
			}
			ld, err := load(c, c.String("source"), false)
			if err != nil {
				b.Fatal(err)
			}
			_, res, err := choose(c, ld)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("check", func(b *testing.B) {
				for b.Loop() {
					if _, err := load(c, c.String("source"), false); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("compose", func(b *testing.B) {
				words, err := settings.tpl.Words()
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					guide.Compose(guidePlaces(res.Kept), guide.Options{Words: words, Edition: settings.edition, Source: ld.about})
				}
			})
			var book *layout.Book
			lay := func() {
				if book, err = settings.document(guideDoc, res.Kept, nil, "France", guide.ByCommune, ld, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.Run("layout", func(b *testing.B) {
				for b.Loop() {
					lay()
				}
			})
			for _, untagged := range []bool{false, true} {
				name := "pdf"
				if untagged {
					name = "pdf-untagged"
				}
				b.Run(name, func(b *testing.B) {
					if book == nil {
						lay()
					}
					for b.Loop() {
						if err := pdf.Write(io.Discard, book, settings.pdfOptions("France", untagged)); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// guideContext parses the options of the guide command as the command
// line would.
func guideContext(b testing.TB, args ...string) *cli.Context {
	b.Helper()
	cmd := guideCommand()
	set := flag.NewFlagSet(cmd.Name, flag.ContinueOnError)
	for _, f := range cmd.Flags {
		if err := f.Apply(set); err != nil {
			b.Fatal(err)
		}
	}
	if err := set.Parse(args); err != nil {
		b.Fatal(err)
	}
	return cli.NewContext(newApp(), set, nil)
}
