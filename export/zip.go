package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"github.com/xuri/excelize/v2"
)

// orderedZip writes a workbook's parts in a fixed order, so that the same
// data make the same file: excelize writes streamed sheets in the random
// order of a Go map. Sheets that come before their turn wait in memory;
// a workbook of one sheet, the large kind, never waits.
type orderedZip struct {
	zw      *zip.Writer
	sheets  []string // parts of the streamed sheets, in order
	next    int      // index in sheets of the next part to write
	pending map[string]*bytes.Buffer
}

func newOrderedZip(w io.Writer, sheets int) *orderedZip {
	z := &orderedZip{zw: zip.NewWriter(w), pending: map[string]*bytes.Buffer{}}
	for i := range sheets {
		z.sheets = append(z.sheets, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
	}
	return z
}

var _ excelize.ZipWriter = (*orderedZip)(nil)

func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.drain(false); err != nil {
		return nil, err
	}
	for i := z.next; i < len(z.sheets); i++ {
		if z.sheets[i] != name {
			continue
		}
		if i == z.next {
			z.next++
			return z.zw.Create(name)
		}
		b := new(bytes.Buffer)
		z.pending[name] = b
		return b, nil
	}
	// Not a streamed sheet: the streams are all written by now.
	if err := z.drain(true); err != nil {
		return nil, err
	}
	return z.zw.Create(name)
}

// drain writes the waiting sheets whose turn has come, or all of them.
func (z *orderedZip) drain(all bool) error {
	for ; z.next < len(z.sheets); z.next++ {
		name := z.sheets[z.next]
		b, ok := z.pending[name]
		if !ok {
			if all {
				continue
			}
			return nil
		}
		w, err := z.zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := b.WriteTo(w); err != nil {
			return err
		}
		delete(z.pending, name)
	}
	return nil
}

func (z *orderedZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

func (z *orderedZip) Close() error {
	if err := z.drain(true); err != nil {
		return err
	}
	return z.zw.Close()
}
