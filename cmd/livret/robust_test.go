package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyFile copies a test file into dir, for commands that may write.
func copyFile(t *testing.T, from, dir string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, filepath.Base(from))
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestOutputIsInput: no output replaces the file read, also through a
// link, and the input is left as it was.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	src := copyFile(t, "../../controle/testdata/cas.csv", dir)
	link := filepath.Join(dir, "lien.csv")
	os.Symlink(src, link)
	before, _ := os.ReadFile(src)
	for _, args := range [][]string{
		{"exporter", "--source", src, "--format", "csv", "--sortie", src},
		{"exporter", "--source", src, "--format", "csv", "--sortie", link},
		{"verifier", src, "--format", "csv", "--sortie", link},
		{"lieux", "--source", link, "--format", "csv", "--sortie", src},
		{"guide", "--source", src, "--rapport", src, "--sortie", filepath.Join(dir, "g.pdf")},
	} {
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "est le fichier lu") || exitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
	if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
		t.Error("the source was changed")
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

// TestOutputToDevice: --sortie /dev/null writes to the device, which
// stays a device even when the tests run as root.
func TestOutputToDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("/dev/null absent")
	}
	if _, stderr, err := run(t, "exporter", "--commune", "Pessac", "--format", "csv", "--sortie", "/dev/null"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null replaced: %v", err)
	}
	_, _, err := run(t, "exporter", "--commune", "Pessac", "--sortie", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "est un dossier") {
		t.Errorf("folder as output: %v", err)
	}
}
