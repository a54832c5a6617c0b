package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
)

// stdinName is the name of the standard input in messages.
const stdinName = "entrée standard"

// Open opens a source for reading: a file path, "-" for the standard input,
// or an http:// or https:// address, which is downloaded with ctx to a
// temporary file. Errors are *Error values with a French message.
func Open(ctx context.Context, location string, opt Options) (*Reader, error) {
	switch {
	case location == "-":
		return newReader(input{name: stdinName, r: os.Stdin}, opt)
	case isURL(location):
		return openURL(ctx, location, opt)
	}
	return openFile(location, location, opt)
}

// NewReader reads a source from r, such as an embedded example file; name is
// used in messages.
func NewReader(r io.Reader, name string, opt Options) (*Reader, error) {
	return newReader(input{name: name, r: r}, opt)
}

// input is the content of a source before detection.
type input struct {
	name string
	r    io.Reader
	file *os.File // set when r is a file, which a workbook is then opened from
	size int64    // size of file
}

func isURL(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func openFile(path, name string, opt Options) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(name, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, openError(name, err)
	}
	if fi.IsDir() {
		f.Close()
		return nil, newError(name, Position{}, nil, "c’est un dossier, pas un fichier")
	}
	r, err := newReader(input{name: name, r: f, file: f, size: fi.Size()}, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closers = append(r.closers, f.Close)
	return r, nil
}

func openError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return newError(name, Position{}, err, "ce fichier n’existe pas (vérifiez le nom et le dossier)")
	case errors.Is(err, fs.ErrPermission):
		return newError(name, Position{}, err, "vous n’avez pas le droit de lire ce fichier")
	}
	return newError(name, Position{}, err, "impossible d’ouvrir ce fichier")
}

func readError(name string, pos Position, err error) error {
	return newError(name, pos, err, "erreur de lecture du fichier, qui est peut-être sur un disque ou un réseau défaillant")
}

// newReader detects the content of in and prepares its decoder.
func newReader(in input, opt Options) (*Reader, error) {
	br := bufio.NewReaderSize(in.r, sniffLen)
	prefix, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF {
		return nil, readError(in.name, Position{}, err)
	}
	s := sniff(prefix, err == io.EOF)
	switch s.content {
	case contentEmpty:
		return nil, newError(in.name, Position{}, nil, "le fichier est vide")
	case contentOther:
		return nil, newError(in.name, Position{}, nil, "%s", s.what.message())
	case contentCFB:
		b, err := readLimited(in.name, br, opt.maxBytes())
		if err != nil {
			return nil, err
		}
		return nil, newError(in.name, Position{}, nil, "%s", inspectCFB(b).message())
	case contentZip:
		r, err := openXLSX(in, br, opt)
		if err != nil {
			return nil, err
		}
		r.maxRows = opt.MaxRows
		return r, nil
	}

	text, fallback := utf8Text(br, s.enc)
	r := &Reader{name: in.name, format: s.format, encoding: s.enc.String(), fallback: fallback, maxRows: opt.MaxRows}
	if opt.Sheet != "" {
		r.notes = append(r.notes, sprintf("la feuille %s n’est pas lue : ce fichier %s n’est pas un classeur", guillemets(opt.Sheet), s.format))
	}
	if s.format != CSV {
		r.dec = newJSONDecoder(in.name, text)
		return r, nil
	}
	if r.dec, err = newCSVDecoder(in.name, text); err != nil {
		return nil, err
	}
	return r, nil
}

// readLimited reads all of r, refusing more than max bytes.
func readLimited(name string, r io.Reader, max int64) ([]byte, error) {
	var b bytes.Buffer
	n, err := b.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readError(name, Position{}, err)
	}
	if n > max {
		return nil, newError(name, Position{}, nil, "le fichier dépasse la taille maximale de %s", formatSize(max))
	}
	return b.Bytes(), nil
}
