package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

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

	cmd := exec.Command(os.Args[0], "verifier", src, "--format", "json")
	cmd.Env = append(os.Environ(), "LIVRET_TEST_MAIN=1", "GOMEMLIMIT=200MiB")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v", err)
	}
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
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB
	if peak > 400<<10 {
		t.Errorf("peak memory %d MiB reading 2 MB", peak>>10)
	}
	t.Logf("peak memory %d MiB", peak>>10)
}
