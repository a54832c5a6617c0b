package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "guide.pdf")
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF" {
		t.Errorf("content %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}

	// A failing writer leaves nothing behind, not even the old file's rival.
	err := Write(filepath.Join(dir, "b.pdf"), func(w io.Writer) error {
		io.WriteString(w, "partial")
		return errors.New("layout failed")
	})
	if err == nil || err.Error() != "layout failed" {
		t.Errorf("error %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}

	err = Write(filepath.Join(dir, "absent", "c.pdf"), func(io.Writer) error { return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "impossible d’écrire dans le dossier") || !strings.HasSuffix(err.Error(), "\u00a0: dossier introuvable") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestOutputToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.csv")
	if err := Output(path, func(w io.Writer) error { _, err := io.WriteString(w, "id"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "id" {
		t.Errorf("content %q", b)
	}
}
