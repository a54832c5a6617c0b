package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The independent PDF/UA-1 checker of ../shared/tools/pdfua (pikepdf and
// fontTools, no code shared with livret) reads every PDF the tests write,
// beside internal/pdfua: see checkUA.

var independent struct {
	once           sync.Once
	python, script string
	why            string // why it cannot run, when it cannot
}

// uaChecker returns the Python interpreter and the path of ua_check.py,
// or why they cannot be used.
func uaChecker() (python, script, why string) {
	independent.once.Do(func() {
		script, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "tools", "pdfua", "ua_check.py"))
		if _, err := os.Stat(script); err != nil {
			independent.why = "../shared/tools/pdfua/ua_check.py absent"
			return
		}
		// Debian's modules are seen by /usr/bin/python3, not always by
		// another python3 first on the PATH.
		for _, py := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(py, "-c", "import pikepdf, fontTools").Run() == nil {
				independent.python, independent.script = py, script
				return
			}
		}
		independent.why = "python3 sans pikepdf ni fontTools (apt-get install -y python3-pikepdf python3-fonttools ; .ci/run le fait)"
	})
	return independent.python, independent.script, independent.why
}

// TestIndependentCheckerRuns makes sure the independent checker is not
// silently left out: in CI, where .ci/run installs it, its absence fails.
func TestIndependentCheckerRuns(t *testing.T) {
	t.Parallel()
	if _, _, why := uaChecker(); why != "" {
		if os.Getenv("CI") == "true" && why != "../shared/tools/pdfua/ua_check.py absent" {
			t.Fatalf("vérificateur PDF/UA indépendant : %s", why)
		}
		t.Skipf("vérificateur PDF/UA indépendant non lancé : %s", why)
	}
}

// checkIndependently runs ua_check.py on path, when it can run, and
// reports each error it finds.
func checkIndependently(t *testing.T, path string) {
	t.Helper()
	python, script, why := uaChecker()
	if why != "" {
		return // TestIndependentCheckerRuns says why
	}
	report := path + ".ua.json"
	out, err := exec.Command(python, script, path, "--json", report).CombinedOutput()
	var rep struct {
		Problems []struct {
			Rule, Matterhorn, Level, Msg string
			Page, Obj                    any
		}
	}
	if b, rerr := os.ReadFile(report); rerr != nil || json.Unmarshal(b, &rep) != nil {
		t.Errorf("%s: ua_check.py n’a pas écrit son rapport (%v)\n%s", filepath.Base(path), err, out)
		return
	}
	errors := 0
	for _, p := range rep.Problems {
		if p.Level == "error" {
			errors++
			t.Errorf("%s: ua_check.py: %s (Matterhorn %s) page %v objet %v : %s", filepath.Base(path), p.Rule, p.Matterhorn, p.Page, p.Obj, p.Msg)
		}
	}
	if (err != nil) != (errors > 0) {
		t.Errorf("%s: ua_check.py exit %v with %d errors\n%s", filepath.Base(path), err, errors, out)
	}
}
