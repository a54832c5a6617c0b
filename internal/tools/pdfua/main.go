// Command pdfua checks PDF files against the machine-checkable rules of
// PDF/UA-1 that package internal/pdfua knows, and prints each problem with
// its veraPDF rule number and Matterhorn failure condition. It exits with
// status 1 when a file breaks a rule, 2 when one cannot be read.
//
//	go run ./internal/tools/pdfua guide.pdf fiches.pdf
package main

import (
	"fmt"
	"os"

	"livret/internal/pdfua"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage : go run ./internal/tools/pdfua FICHIER.pdf…")
		os.Exit(2)
	}
	status := 0
	for _, path := range os.Args[1:] {
		problems, err := pdfua.CheckFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s : %v\n", path, err)
			status = 2
			continue
		}
		if len(problems) == 0 {
			fmt.Printf("%s : aucun problème PDF/UA-1 trouvé\n", path)
			continue
		}
		fmt.Printf("%s : %d problèmes PDF/UA-1\n", path, len(problems))
		for _, p := range problems {
			fmt.Printf("  %s\n", p)
		}
		status = max(status, 1)
	}
	os.Exit(status)
}
