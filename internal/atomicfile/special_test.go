//go:build linux

package atomicfile

import (
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestWriteThroughLink writes the target of a link and keeps the link.
func TestWriteThroughLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "vrai.pdf")
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "lien.pdf")
	if err := os.Symlink("vrai.pdf", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target %q", b)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode of the replaced file %v, want 0640 kept", fi.Mode().Perm())
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "perdu.pdf")
	os.Symlink(filepath.Join(dir, "absent.pdf"), dangling)
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, c := range []struct{ path, want string }{
		{dangling, "est un lien symbolique vers un fichier absent"},
		{dir, "est un dossier\u00a0: donnez un nom de fichier"},
		{sock, "n’est pas un fichier ordinaire (socket)\u00a0: livret ne le remplace pas"},
	} {
		err := Write(c.path, writeString("x"))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: %v, want %q", c.path, err, c.want)
		}
	}
	if fi, err := os.Lstat(sock); err != nil || fi.Mode()&fs.ModeSocket == 0 {
		t.Errorf("socket replaced: %v", err)
	}
	if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link replaced: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "absent.pdf")); err == nil {
		t.Error("the dangling link's target was created")
	}
}

// TestWriteStreams writes devices and pipes as streams: /dev/null stays
// a device whoever runs the test.
func TestWriteStreams(t *testing.T) {
	if err := Write("/dev/null", writeString("%PDF")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", fi.Mode(), err)
	}
	fifo := filepath.Join(t.TempDir(), "tube")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := Write(fifo, writeString("lieux")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "lieux" {
			t.Errorf("read from the pipe %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing read from the pipe")
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("pipe replaced: %v", fi.Mode())
	}
}

// TestFullDisk: /dev/full fails every write with ENOSPC.
func TestFullDisk(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("/dev/full absent")
	}
	err := Write("/dev/full", writeString(strings.Repeat("x", 1<<16)))
	if err == nil || err.Error() != "écriture de «\u00a0/dev/full\u00a0» impossible\u00a0: disque plein\u00a0: libérez de la place ou écrivez ailleurs" {
		t.Errorf("error %v", err)
	}
}

func TestCauseInFrench(t *testing.T) {
	for errno, want := range map[syscall.Errno]string{
		syscall.EROFS:  "disque en lecture seule\u00a0: écrivez dans un autre dossier",
		syscall.ENOSPC: "disque plein\u00a0: libérez de la place ou écrivez ailleurs",
		syscall.EACCES: "permission refusée",
	} {
		if got := Cause(&fs.PathError{Op: "write", Path: "/x", Err: errno}).Error(); got != want {
			t.Errorf("%v: %q, want %q", errno, got, want)
		}
	}
}

// TestStaleTemporaryFiles: a file a killed run left is removed by the
// next write in the folder; one a live writer holds stays.
func TestStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	stale := filepath.Join(dir, ".guide.pdf"+tempTag+"123")
	os.WriteFile(stale, []byte("partial"), 0o600)
	os.Chtimes(stale, old, old)
	held := filepath.Join(dir, ".autre.pdf"+tempTag+"456")
	os.WriteFile(held, []byte("partial"), 0o600)
	os.Chtimes(held, old, old)
	f, _ := os.Open(held)
	defer f.Close()
	unlock := lock(f)
	defer unlock()
	mine := filepath.Join(dir, ".notes.txt-1") // not livret's
	os.WriteFile(mine, nil, 0o600)
	os.Chtimes(mine, old, old)

	if err := Write(filepath.Join(dir, "x.pdf"), writeString("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file kept")
	}
	for _, p := range []string{held, mine} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed", p)
		}
	}
}

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "lieux.csv")
	os.WriteFile(a, []byte("id"), 0o644)
	os.Symlink(a, filepath.Join(dir, "lien.csv"))
	os.Link(a, filepath.Join(dir, "dur.csv"))
	for _, c := range []struct {
		b    string
		same bool
	}{
		{a, true}, {filepath.Join(dir, "lien.csv"), true}, {filepath.Join(dir, "dur.csv"), true},
		{filepath.Join(dir, ".", "lieux.csv"), true}, {filepath.Join(dir, "autre.csv"), false},
	} {
		if SameFile(a, c.b) != c.same {
			t.Errorf("SameFile(%s, %s) = %v", a, c.b, !c.same)
		}
	}
}
