package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"livret/internal/pdfua"
	"livret/layout"
)

// TestSharedAsOwn checks that books written with what they share read as
// each written alone: same text, fonts, bookmarks and links, tagged as
// PDF/UA-1 asks, each with its own title; that they hold the very fonts
// made once for them all; and that a book with a character the shared
// fonts lack is written as without them.
func TestSharedAsOwn(t *testing.T) {
	b := sampleBook(t)
	var images [][]byte
	for _, p := range b.Pages {
		for _, it := range p.Items {
			if im, ok := it.(*layout.Image); ok {
				images = append(images, im.PNG)
			}
		}
	}
	shared, err := NewShared(bookFaces(b), images)
	if err != nil {
		t.Fatal(err)
	}
	var fontFile []byte // the first font program of the shared file
	for n := range shared.res.size {
		if d, err := shared.res.dict(n); err == nil && fontFile == nil {
			if m := reFontFile2.FindStringSubmatch(d); m != nil {
				var ff int
				fmt.Sscan(m[1], &ff)
				obj := shared.res.data[shared.res.offsets[ff]:]
				fontFile = obj[bytes.Index(obj, []byte("stream\n"))+7 : bytes.Index(obj, []byte("endstream"))]
			}
		}
	}
	if len(fontFile) == 0 {
		t.Fatal("no font program in the shared file")
	}
	for i, title := range []string{"Guide de Lunel", "Guide de Marsillargues"} {
		b := sampleBook(t)
		b.Title = title
		alone := writeChunked(t, b, 0, 2)
		b = sampleBook(t)
		b.Title = title
		with := writeChunkedWith(t, b, 0, 2, Options{Shared: shared})
		if !bytes.Contains(with, fontFile) || bytes.Contains(alone, fontFile) {
			t.Errorf("%s: the shared fonts are not those of the file", title)
		}
		if !bytes.Contains(with, []byte(title)) {
			t.Errorf("%s: the file does not carry its own title", title)
		}
		problems, err := pdfua.Check(bytes.NewReader(with))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", title, p)
		}
		if i > 0 {
			continue // read once
		}
		got, want := summary(t, with), summary(t, alone)
		for _, part := range []string{"qpdf", "text", "fonts", "outlines", "links"} {
			if got[part] != want[part] {
				t.Errorf("%s, %s:\n%s\nalone:\n%s", title, part, got[part], want[part])
			}
		}
	}

	// A character out of the shared fonts: the book is written alone.
	b = sampleBook(t)
	for _, it := range b.Pages[0].Items {
		if tx, ok := it.(*layout.Text); ok {
			tx.S += "ł"
			break
		}
	}
	if shared.covers(b) {
		t.Fatal("ł is in the shared fonts")
	}
	alone := writeChunked(t, b, 0, 2)
	if with := writeChunkedWith(t, b, 0, 2, Options{Shared: shared}); !bytes.Equal(with, alone) {
		t.Error("a book the shared fonts do not cover is not written as alone")
	}
}
