// Command geogen writes the administrative geography embedded by package
// livret/territoire (atlas.tsv.gz) from the shared data folder:
//
//   - decoupage-administratif-6.0.0/: npm @etalab/decoupage-administratif
//     6.0.0 (COG 2026, Licence Ouverte): communes, EPCI, EPT, départements,
//     régions;
//   - cartographie-collectivites/: département and région map centres of
//     the ANCT cartographie nationale (MIT);
//   - the datasets of places of the lieux de médiation numérique standard
//     listed in sharedPlaceFiles: their positions give the commune centres
//     (median of the places located in each commune).
//
// It is run by go:generate in the territoire folder:
//
//	go generate ./territoire
//
// Usage:
//
//	geogen [-data DIR] [-o FILE]
//
// Without -data, it looks for shared/data in the current folder and its
// parents. The output is deterministic: the same data give the same text.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"livret/internal/atomicfile"
)

func main() {
	data := flag.String("data", "", "shared data `folder` (default: the first shared/data found upwards)")
	out := flag.String("o", "atlas.tsv.gz", "output `file`")
	outlines := flag.String("outlines", "outlines.bin.gz", "output `file` of the commune outlines")
	flag.Parse()
	if err := run(*data, *out, *outlines); err != nil {
		fmt.Fprintln(os.Stderr, "geogen:", err)
		os.Exit(1)
	}
}

func run(data, out, outlinesOut string) error {
	if data == "" {
		var err error
		if data, err = findData("."); err != nil {
			return err
		}
	}
	b, ob, stats, err := Generate(data, sharedPlaceFiles)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		path string
		b    []byte
	}{{out, b}, {outlinesOut, ob}} {
		if err := atomicfile.Write(f.path, func(w io.Writer) error { _, err := w.Write(f.b); return err }); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "geogen: %s: %d octets, %s: %d octets; %s\n", out, len(b), outlinesOut, len(ob), stats)
	return nil
}

// findData returns the first shared/data folder holding the découpage
// administratif found in dir or one of its parents.
func findData(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared", "data")
		if _, err := os.Stat(filepath.Join(cand, decoupageDir, "communes.json")); err == nil {
			return cand, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no shared/data/%s found above %s; use -data", decoupageDir, abs)
		}
	}
}
