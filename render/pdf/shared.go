package pdf

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"regexp"

	"livret/fonts"
	"livret/layout"
	"livret/picto"
)

// Shared is what the files of many books share, made once: fpdf reads,
// cuts and compresses a font for every document, a sixth of the time of
// the small guides of a lot. The fonts, cut to the characters of French
// text, the images given and every pictogram are written by one fpdf
// document; a tagged book whose text, images and pictograms they hold is
// then drawn as one chunk and merged with them (merge.go), the book's own
// information dictionary and metadata in the place of the shared ones.
// Another book is written as it would be without. A Shared is safe for
// concurrent use.
type Shared struct {
	res    *pdfFile
	faces  map[*fonts.Face]*runeSet
	images map[uint32]bool
	meta   int // object number of the metadata stream in res
}

var reMetadata = regexp.MustCompile(`/Metadata (\d+) 0 R`)

// NewShared makes what the books of the given faces and images share.
func NewShared(faces []*fonts.Face, images [][]byte) (*Shared, error) {
	s := &Shared{faces: map[*fonts.Face]*runeSet{}, images: map[uint32]bool{}}
	french := frenchRepertoire()
	for _, face := range faces {
		set := &runeSet{}
		for _, c := range french {
			if face.Has(c) {
				set.add(c)
			}
		}
		s.faces[face] = set
	}
	b := &layout.Book{Width: layout.A4.Width, Height: layout.A4.Height, Lang: "fr-FR"}
	var items []layout.Item
	for _, png := range images {
		s.images[crc32.ChecksumIEEE(png)] = true
		items = append(items, &layout.Image{W: 1, H: 1, PNG: png})
	}
	for _, name := range picto.Names() {
		items = append(items, &layout.Icon{Size: 1, Name: name})
	}
	res, err := resourcesOf(b, Options{}, faces, s.faces, items)
	if err != nil {
		return nil, fmt.Errorf("écriture du PDF impossible : %w", err)
	}
	s.res = res
	if s.meta, err = metadata(res); err != nil {
		return nil, fmt.Errorf("écriture du PDF impossible : %w", err)
	}
	return s, nil
}

// metadata returns the object number of the metadata stream of f, which
// its catalogue names.
func metadata(f *pdfFile) (int, error) {
	cat, err := f.dict(f.root)
	m := reMetadata.FindStringSubmatch(cat)
	if err != nil || m == nil {
		return 0, fmt.Errorf("métadonnées introuvables")
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n, nil
}

// frenchRepertoire is the characters of French text: ASCII, Latin-1, the
// ligatures œ and Œ, Ÿ, the general punctuation (spaces of every width,
// dashes, quotes, ellipsis), the euro; as far as a face has them.
func frenchRepertoire() []rune {
	var rs []rune
	for _, span := range [][2]rune{{0x20, 0x7E}, {0xA0, 0xFF}, {0x152, 0x153}, {0x178, 0x178}, {0x2000, 0x206F}, {0x20AC, 0x20AC}} {
		for c := span[0]; c <= span[1]; c++ {
			rs = append(rs, c)
		}
	}
	return rs
}

// covers reports whether s holds every character, image and pictogram of
// b (a nil Shared none).
func (s *Shared) covers(b *layout.Book) bool {
	if s == nil {
		return false
	}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *layout.Text:
				set := s.faces[it.Face]
				if set == nil {
					return false
				}
				for _, c := range it.S {
					if !set.has(c) {
						return false
					}
				}
			case *layout.Image:
				if !s.images[crc32.ChecksumIEEE(it.PNG)] {
					return false
				}
			}
		}
	}
	return true
}

// own returns, for a book merged with s, the objects of its information
// dictionary and metadata, numbered as those of s: fpdf's, from a
// document of one empty page with the book's title, subject, author and
// language. A book merged is tagged.
func (s *Shared) own(b *layout.Book, opt Options) (info, meta []byte, err error) {
	r := newRenderer(b, opt, nil, newTagger(nil)) // tagged, as the metadata says
	r.refs = map[*fonts.Face]string{}             // no fonts to read
	r.start()
	r.pdf.AddPage()
	var raw bytes.Buffer
	if err := r.pdf.Output(&raw); err != nil {
		return nil, nil, err
	}
	f, err := parseFile(raw.Bytes())
	if err != nil {
		return nil, nil, err
	}
	n, err := metadata(f)
	if err != nil {
		return nil, nil, err
	}
	return renumbered(f, f.info, s.res.info), renumbered(f, n, s.meta), nil
}

// renumbered returns object n of f, numbered to.
func renumbered(f *pdfFile, n, to int) []byte {
	end := f.startxref
	for _, off := range f.offsets {
		if off > f.offsets[n] && off < end {
			end = off
		}
	}
	obj := f.data[f.offsets[n]:end]
	head := fmt.Appendf(nil, "%d 0 obj\n", to)
	return append(head, obj[bytes.IndexByte(obj, '\n')+1:]...)
}
