// Package atomicfile writes a file whole or not at all: through a
// temporary file in the same folder, renamed once complete, so that a
// failure never leaves a partial file where the user expects a result.
//
// It is the one place where livret writes files, and it only ever
// replaces a regular file: a symbolic link is written through to its
// target, a character device or a named pipe (/dev/null, a FIFO) is
// written as a stream, and anything else (a folder, a block device, a
// socket) is refused.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// tempTag marks livret's temporary files, so that those a killed run left
// behind are recognised and removed by the next write in the folder.
const tempTag = ".livret-"

// Write writes path with write. Errors are French and name the file or
// its folder.
func Write(path string, write func(io.Writer) error) error {
	target, mode, stream, err := resolve(path)
	if err != nil {
		return err
	}
	if stream {
		return writeStream(path, write)
	}
	dir := filepath.Dir(target)
	removeStale(dir)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+tempTag+"*")
	if err != nil {
		return fmt.Errorf("impossible d’écrire dans le dossier «\u00a0%s\u00a0»\u00a0: %w", dir, Cause(err))
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	unlock := lock(tmp)
	defer unlock()
	fw := &fileWriter{f: tmp}
	if err := write(fw); err != nil {
		tmp.Close()
		if fw.err != nil { // the disk failed, not the writer's own work
			return fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(fw.err))
		}
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(err))
	}
	// A temporary file is private (0600); the result is an ordinary file,
	// or keeps the mode of the file it replaces.
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(err))
	}
	return nil
}

// resolve says where to write path: the file itself or the regular file
// its links lead to, with the mode to give it, or as a stream.
func resolve(path string) (target string, mode fs.FileMode, stream bool, err error) {
	fi, err := os.Stat(path) // follows links
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return "", 0, false, fmt.Errorf("«\u00a0%s\u00a0» est un lien symbolique vers un fichier absent\u00a0: livret ne l’écrit pas ; donnez le chemin du fichier voulu", path)
		}
		return path, 0o644, false, nil
	case err != nil:
		return "", 0, false, fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(err))
	case fi.Mode().IsRegular():
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", 0, false, fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: lien symbolique illisible (%w)", path, Cause(err))
		}
		return target, fi.Mode().Perm(), false, nil
	case fi.IsDir():
		return "", 0, false, fmt.Errorf("«\u00a0%s\u00a0» est un dossier\u00a0: donnez un nom de fichier, par exemple «\u00a0%s\u00a0»", path, filepath.Join(path, "guide.pdf"))
	case fi.Mode()&fs.ModeNamedPipe != 0, fi.Mode()&fs.ModeCharDevice != 0:
		return path, 0, true, nil
	}
	return "", 0, false, fmt.Errorf("«\u00a0%s\u00a0» n’est pas un fichier ordinaire (%s)\u00a0: livret ne le remplace pas ; choisissez un autre nom de fichier", path, kind(fi.Mode()))
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDevice != 0:
		return "périphérique"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "fichier spécial"
}

// writeStream writes to a device or a pipe as it is: nothing to replace,
// nothing to rename.
func writeStream(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(err))
	}
	fw := &fileWriter{f: f}
	err = write(fw)
	if cerr := f.Close(); err == nil && cerr != nil {
		fw.err = cerr
		err = cerr
	}
	if err != nil && fw.err != nil {
		return fmt.Errorf("écriture de «\u00a0%s\u00a0» impossible\u00a0: %w", path, Cause(fw.err))
	}
	return err
}

// fileWriter remembers the file's own write error, to tell a full disk
// from a failure of the writer.
type fileWriter struct {
	f   *os.File
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// staleAge is how old an unlocked temporary file must be to count as left
// behind: a file just created is not locked yet.
const staleAge = time.Minute

// removeStale removes the temporary files a killed run left in dir: those
// no live process holds.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.Contains(name, tempTag) || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < staleAge {
			continue
		}
		removeUnlocked(filepath.Join(dir, name))
	}
}

// Cause drops the path an *os.PathError or *os.LinkError repeats, and says
// the common causes in French, for messages that name the file already.
func Cause(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission refusée")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("dossier introuvable")
	}
	if msg := systemCause(err); msg != "" {
		return errors.New(msg)
	}
	return err
}

// Output writes to path as Write does, or to the standard output when
// path is "" or "-".
func Output(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(os.Stdout)
	}
	return Write(path, write)
}

// SameFile reports whether a and b name one existing file, also through
// links: an output that would replace an input.
func SameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
