package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"livret/texte"
)

// runBounded runs livret as a process whose address space is capped at
// 3 GiB (a regression fails there rather than taking the machine), with
// a soft memory limit for the collector. It returns the standard output
// and the peak resident memory in MiB.
func runBounded(t *testing.T, args ...string) ([]byte, int64) {
	t.Helper()
	cmd := exec.Command("/bin/sh", append([]string{"-c", `ulimit -v 3145728 && exec "$0" "$@"`, os.Args[0]}, args...)...)
	cmd.Env = append(os.Environ(), "LIVRET_TEST_MAIN=1", "GOMEMLIMIT=200MiB")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("livret %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss >> 10
}

// TestNoiseTakesLittleMemory runs livret as a process on 10 rows of
// 100 000 unnamed cells (2 MB): the notes on them are tallied, once for the
// file, so the report stays small and the process's peak memory bounded
// (it took 1.6 GB when each cell had its note).
func TestNoiseTakesLittleMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a process reading 2 MB of noise")
	}
	const cells = 100_000
	var b bytes.Buffer
	b.WriteString("nom;adresse;code_postal;commune" + strings.Repeat(";", cells) + "\n")
	for i := range 10 {
		fmt.Fprintf(&b, "Lieu %d;%d rue Jean-Jaurès;33600;Pessac%s\n", i, i+1, strings.Repeat(";x", cells))
	}
	src := filepath.Join(t.TempDir(), "bruit.csv")
	os.WriteFile(src, b.Bytes(), 0o644)

	out, peak := runBounded(t, "verifier", src, "--format", "json")
	var rep struct {
		Bilan     map[string]int `json:"bilan"`
		Remarques []string       `json:"remarques"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("report: %v\n%.400s", err, out)
	}
	if len(out) > 64<<10 {
		t.Errorf("report of %d bytes for 10 rows", len(out))
	}
	want := "1 000 000 valeurs dans des colonnes sans nom dans l’en-tête, non lues (ligne 2, colonne 5 : « x » ; ligne 2, colonne 6 : « x » ; ligne 2, colonne 7 : « x »…)"
	if len(rep.Remarques) != 1 || plainSpaces(rep.Remarques[0]) != want || rep.Bilan["lieux_retenus"] != 10 {
		t.Errorf("notes %q, balance %v", rep.Remarques, rep.Bilan)
	}
	if peak > 400 {
		t.Errorf("peak memory %d MiB reading 2 MB", peak)
	}
	t.Logf("peak memory %d MiB", peak)
}

// garbageRows writes a file of the standard's header, one real place and
// n rows of noise: short rows, random bytes of text, lines of
// separators, quoted cells. Every noise row is set aside.
func garbageRows(t *testing.T, n int) string {
	src := filepath.Join(t.TempDir(), "bruit.csv")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("nom;adresse;code_postal;commune;telephone\n")
	w.WriteString("Médiathèque Jacques-Ellul;21 rue de Camponac;33600;Pessac;05 57 93 67 00\n")
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcdefghij KLMNOP,.|@é€0123456789"
	for i := range n {
		switch i % 4 {
		case 0:
			w.WriteString("ab\n")
		case 1:
			for range 8 + rng.IntN(16) {
				w.WriteByte(alphabet[rng.IntN(len(alphabet)-6)]) // ASCII only: a stray byte would be a note
			}
			w.WriteString("\n")
		case 2:
			w.WriteString(";;;;" + strings.Repeat(";", rng.IntN(4)) + "x\n")
		default:
			w.WriteString("\"q\";;\n")
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return src
}

// TestGarbageRowsTakeLittleMemory runs livret as a process on 150 000
// rows of noise (1 MB, the shape of a 10 MB file of 3.3 million short
// rows that exhausted 8 GB, some 5 KB a row: 150 000 rows would take
// 750 MB kept in full, three times the bound): past the first thousand, the issues of the
// rows set aside are tallied by kind, the reports are written as they go,
// and peak memory stays that of the one place kept. Every row is still
// accounted for.
func TestGarbageRowsTakeLittleMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a process reading 150 000 rows of noise")
	}
	const n = 150_000
	src := garbageRows(t, n)
	out, peak := runBounded(t, "verifier", src, "--format", "json")
	var rep struct {
		Bilan    map[string]int `json:"bilan"`
		Detailed []struct {
			Gravite string `json:"gravite"`
		} `json:"problemes"`
		Resumes []struct {
			Gravite string   `json:"gravite"`
			Nombre  int      `json:"nombre"`
			First   []string `json:"premieres_positions"`
		} `json:"resumes"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("report: %v\n%.400s", err, out)
	}
	b := rep.Bilan
	if b["lignes_lues"] != n+1 || b["lieux_retenus"] != 1 || b["lignes_ecartees"] != n || b["lignes_non_detaillees"] != n-1000 {
		t.Errorf("balance %v", b)
	}
	errors := 0
	for _, d := range rep.Detailed {
		if d.Gravite == "erreur" {
			errors++
		}
	}
	for _, s := range rep.Resumes {
		if s.Gravite == "erreur" {
			errors += s.Nombre
		}
		if len(s.First) == 0 {
			t.Errorf("summary without a position: %+v", s)
		}
	}
	if errors < n {
		t.Errorf("%d errors reported for %d rows set aside", errors, n)
	}
	if len(out) > 2<<20 {
		t.Errorf("JSON report of %d bytes", len(out))
	}
	if peak > 250 {
		t.Errorf("peak memory %d MiB for the check of %d rows of noise", peak, n)
	}
	t.Logf("verifier: peak memory %d MiB, report of %d kB", peak, len(out)>>10)

	// The guide of the one place, with the text report beside it.
	dir := t.TempDir()
	report := filepath.Join(dir, "rapport.txt")
	_, peak = runBounded(t, "guide", "--source", src, "--commune", "Pessac", "--rapport", report, "--sortie", filepath.Join(dir, "guide.pdf"), "--silencieux")
	text, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Problèmes résumés : " + texte.Number(n-1000) + " lignes non détaillées",
		texte.Number(n+1) + " lignes lues", "1 lieu retenu", texte.Number(n) + " lignes écartées"} {
		if !strings.Contains(plainSpaces(string(text)), plainSpaces(want)) {
			t.Errorf("text report lacks %q", want)
		}
	}
	if peak > 300 {
		t.Errorf("peak memory %d MiB for a guide of one place among %d rows of noise", peak, n)
	}
	t.Logf("guide: peak memory %d MiB, report of %d kB", peak, len(text)>>10)
}
