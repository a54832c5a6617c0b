// Command synth writes a synthetic national file of places of the « lieux
// de médiation numérique » standard, for benchmarks: N places recombined
// from the real rows of the files of testdata/donnees (see package
// livret/internal/synth), as a CSV file of schema 1.x.
//
// Usage:
//
//	go run ./internal/tools/synth [-n 30000] [-seed 1] [-data testdata/donnees] [-o national.csv]
//
// Without -o, the file goes to the standard output. The same options
// always give the same file.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"livret/internal/atomicfile"
	"livret/internal/synth"
)

func main() {
	n := flag.Int("n", 30000, "number of `places`")
	seed := flag.Uint64("seed", 1, "random `seed`")
	data := flag.String("data", "testdata/donnees", "`folder` of real files to draw values from")
	out := flag.String("o", "", "output `file` (default: standard output)")
	flag.Parse()
	if err := run(*data, *out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(data, out string, n int, seed uint64) error {
	rows, err := synth.ReadDir(context.Background(), data)
	if err != nil {
		return err
	}
	return atomicfile.Output(out, func(w io.Writer) error { return synth.WriteCSV(w, rows.Places(n, seed)) })
}
