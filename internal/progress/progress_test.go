package progress

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSilentOffTerminal checks that no bar is drawn into a file, a pipe
// or a buffer, nor with silent, and that the nil Bar may be used.
func TestSilentOffTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "journal.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	for _, w := range []interface{ Write([]byte) (int, error) }{f, &buf} {
		if b := New(w, false, "Guides", 10, Items); b != nil {
			t.Errorf("bar drawn into %T", w)
		}
	}
	if Enabled(os.Stderr, true) {
		t.Error("bar drawn with silent")
	}
	var b *Bar
	b.Add(3)
	if n, err := b.Write([]byte("abc")); n != 3 || err != nil {
		t.Errorf("nil bar write %d %v", n, err)
	}
	b.Finish()
}

// wrapper is a writer that wraps another, as the command's messages do.
type wrapper struct{ w io.Writer }

func (w wrapper) Write(p []byte) (int, error) { return w.w.Write(p) }
func (w wrapper) Unwrap() io.Writer           { return w.w }

// TestFileUnwraps checks that a terminal is found under writers that wrap
// it: the bars would be lost otherwise.
func TestFileUnwraps(t *testing.T) {
	if f, ok := file(wrapper{wrapper{os.Stderr}}); !ok || f != os.Stderr {
		t.Errorf("file(wrapped os.Stderr) = %v, %v", f, ok)
	}
	if _, ok := file(wrapper{&bytes.Buffer{}}); ok {
		t.Error("a wrapped buffer taken for a file")
	}
}

// TestDraw checks what a bar shows on a terminal.
func TestDraw(t *testing.T) {
	var buf bytes.Buffer
	b := draw(&buf, "Téléchargement", 2<<20, Bytes)
	b.Write(make([]byte, 1<<20))
	b.Finish()
	if out := buf.String(); !strings.Contains(out, "Téléchargement  50%") || !strings.Contains(out, "(1024/2048, ") {
		t.Errorf("bar %q", out)
	}
}
