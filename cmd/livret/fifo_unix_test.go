//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestGuideToFIFO writes the guide to a named pipe that another program
// reads as it comes: the whole PDF goes through, and the pipe stays a
// pipe, not replaced by a regular file (issue #17, item 5).
func TestGuideToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "guide.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipe here: %v", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo) // blocks until livret opens it to write
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	_, stderr, err := run(t, "guide", "--commune", "Pessac", "--date", "2026-11-23", "--sortie", fifo)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	pdf := <-got
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
		t.Fatalf("read %d bytes from the pipe, not a whole PDF", len(pdf))
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", fi.Mode(), err)
	}
	// The same bytes as a file written for the same input and date.
	file := filepath.Join(dir, "fichier.pdf")
	if _, stderr, err := run(t, "guide", "--commune", "Pessac", "--date", "2026-11-23", "--sortie", file); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if want, _ := os.ReadFile(file); !bytes.Equal(pdf, want) {
		t.Errorf("the pipe got %d bytes, the file %d", len(pdf), len(want))
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		copy := filepath.Join(dir, "copie.pdf")
		os.WriteFile(copy, pdf, 0o644)
		if info, err := exec.Command("pdfinfo", copy).Output(); err != nil || !strings.Contains(string(info), "Pages:") {
			t.Errorf("pdfinfo: %v\n%s", err, info)
		}
	}
}
