// Package progress shows that long work goes on: a download, the guides
// of a batch, a file of many rows. It draws a bar on the terminal, with
// github.com/schollz/progressbar, and nothing at all when the messages do
// not go to a terminal (a file, a pipe, the web page) or when the user
// asked for silence: a log must not fill with bar redraws.
package progress

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Bar is a progress bar; the nil Bar draws nothing.
type Bar struct {
	b    *progressbar.ProgressBar
	unit Unit
	rest int // bytes not yet counted, under a kilo-octet
}

// Enabled reports whether bars drawn on w would be seen: w is a terminal
// and silent is false.
func Enabled(w io.Writer, silent bool) bool {
	f, ok := file(w)
	return ok && !silent && term.IsTerminal(int(f.Fd()))
}

// file is the file w writes to, looking through writers that wrap another
// with an Unwrap method (the command's typeset messages).
func file(w io.Writer) (*os.File, bool) {
	for {
		switch v := w.(type) {
		case *os.File:
			return v, true
		case interface{ Unwrap() io.Writer }:
			w = v.Unwrap()
		default:
			return nil, false
		}
	}
}

// Unit is what a bar counts.
type Unit int

const (
	Items Unit = iota // guides, rows
	Bytes             // a download
)

// New starts a bar on w describing what, out of total (-1 when unknown);
// it returns nil when bars are not enabled on w.
func New(w io.Writer, silent bool, what string, total int64, unit Unit) *Bar {
	if !Enabled(w, silent) {
		return nil
	}
	return draw(w, what, total, unit)
}

// draw starts a bar on w, terminal or not.
func draw(w io.Writer, what string, total int64, unit Unit) *Bar {
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionSetPredictTime(false),
	}
	opts = append(opts, progressbar.OptionShowCount())
	if unit == Bytes {
		// The library writes its byte units in English (MB): count in
		// kilo-octets instead, named in French.
		opts = append(opts, progressbar.OptionShowIts(), progressbar.OptionSetItsString("ko"))
		if total > 0 {
			total = (total + 1023) / 1024
		}
	}
	return &Bar{b: progressbar.NewOptions64(total, opts...), unit: unit}
}

// Add counts n more.
func (b *Bar) Add(n int) {
	if b != nil {
		b.b.Add(n)
	}
}

// Write counts the bytes written, so that a bar can follow a copy.
func (b *Bar) Write(p []byte) (int, error) {
	if b == nil {
		return len(p), nil
	}
	b.rest += len(p)
	if b.unit == Bytes {
		b.b.Add(b.rest / 1024)
		b.rest %= 1024
	} else {
		b.b.Add(b.rest)
		b.rest = 0
	}
	return len(p), nil
}

// Finish clears the bar from the terminal.
func (b *Bar) Finish() {
	if b != nil {
		b.b.Finish()
	}
}
