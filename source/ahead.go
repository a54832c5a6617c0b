package source

import "slices"

// ahead decodes records on a goroutine of its own, ahead of Next.
type ahead struct {
	items   chan decoded  // in file order; closed when the goroutine is done
	stop    chan struct{} // closed by Close
	columns []string      // Columns when reading ahead began
	crash   any           // a panic of the decoding, raised again by Next
	over    bool          // Next has returned the end of the file or a fatal error
}

// decoded is a record, or the error that Next returns in its place; last
// when it is the end of the file or a fatal error.
type decoded struct {
	rec  Record
	err  error
	last bool
}

// ReadAhead has up to n records decoded ahead of Next, on a goroutine of
// its own, while the caller gets ready to check them: reading a national
// file then goes on while the caller loads what it checks them against.
// Next and Records return the same as without it, a panic of the decoding
// included. Until Next has returned the end of the file, Columns returns
// the columns known when reading ahead began, and the methods that tell
// about the whole file (Encoding, EmptyRows, Notes, Metadata) must wait.
func (r *Reader) ReadAhead(n int) {
	if r.ahead != nil || r.err != nil {
		return
	}
	a := &ahead{items: make(chan decoded, n), stop: make(chan struct{}), columns: slices.Clone(r.dec.columns())}
	r.ahead = a
	go func() {
		// Deferred calls run last first: the panic is kept before the
		// channel closes, and so is seen by the Next that finds it closed.
		defer close(a.items)
		defer func() { a.crash = recover() }()
		for {
			rec, err := r.read()
			last := r.err != nil // the end, or a fatal error: nothing more to decode
			select {
			case a.items <- decoded{rec, err, last}:
			case <-a.stop:
				return
			}
			if last {
				return
			}
		}
	}()
}

// next returns the next record decoded ahead.
func (a *ahead) next(r *Reader) (Record, error) {
	d, ok := <-a.items
	switch {
	case !ok && a.crash != nil:
		panic(a.crash)
	case !ok:
		return Record{}, r.err // sticky, set before the channel closed
	case d.last:
		a.over = true // the goroutine touches the decoder no more
	}
	return d.rec, d.err
}

// stopReadingAhead stops the goroutine of ReadAhead and waits for it, so
// that the file may be closed.
func (r *Reader) stopReadingAhead() {
	a := r.ahead
	if a == nil {
		return
	}
	r.ahead = nil
	close(a.stop)
	for range a.items { // until the goroutine closes it
	}
}
