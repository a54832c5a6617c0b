// Package atomicfile writes a file whole or not at all: through a
// temporary file in the same folder, renamed once complete, so that a
// failure never leaves a partial file where the user expects a result.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes path with write. Errors are French and name the file or
// its folder.
func Write(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("impossible d’écrire dans le dossier « %s » : %w", dir, Cause(err))
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("écriture de « %s » impossible : %w", path, Cause(err))
	}
	// A temporary file is private (0600); the result is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("écriture de « %s » impossible : %w", path, Cause(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("écriture de « %s » impossible : %w", path, Cause(err))
	}
	return nil
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
