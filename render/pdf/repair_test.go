package pdf

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"strconv"
	"testing"
)

func TestToUnicodeCMap(t *testing.T) {
	tests := []struct {
		name  string
		codes []uint16
		want  string // the bfrange lines
	}{
		{"runs split at a first byte", []uint16{0x41, 0x42, 0x43, 0xFF, 0x100, 0x101, 0x2019},
			"4 beginbfrange\n<0041> <0043> <0041>\n<00FF> <00FF> <00FF>\n<0100> <0101> <0100>\n<2019> <2019> <2019>\nendbfrange\n"},
		{"unsorted, twice, a lone surrogate", []uint16{0x2013, 0x20, 0xD800, 0x2013},
			"2 beginbfrange\n<0020> <0020> <0020>\n<2013> <2013> <2013>\nendbfrange\n"},
	}
	for _, tt := range tests {
		got := string(toUnicodeCMap(tt.codes))
		if !bytes.Contains([]byte(got), []byte("endcodespacerange\n"+tt.want+"endcmap")) {
			t.Errorf("%s:\n%s", tt.name, got)
		}
	}
	// No more than 100 ranges to a block (Adobe TN 5014).
	var many []uint16
	for c := uint16(0x20); c < 0x20+2*150; c += 2 {
		many = append(many, c)
	}
	got := toUnicodeCMap(many)
	if !bytes.Contains(got, []byte("100 beginbfrange\n")) || !bytes.Contains(got, []byte("50 beginbfrange\n")) {
		t.Errorf("150 ranges not cut in blocks of 100:\n%.300s", got)
	}
}

var reBfrange = regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>`)

// TestRepairedFonts reads back the fonts of a written guide: every ToUnicode
// maps exactly the codes of the subset, each range within one first byte;
// every font program's 'cmap' subtable has its true length and checksums
// are right.
func TestRepairedFonts(t *testing.T) {
	f, err := parseFile(writeUncompressed(t))
	if err != nil {
		t.Fatal(err)
	}
	edits, err := f.repairs()
	if err != nil {
		t.Fatal(err)
	}
	fonts, programs := 0, 0
	apostrophe := false // ’ is mapped, above 0x00FF
	for n := range f.offsets {
		head := f.body(n)[:min(len(f.body(n)), 256)]
		m := reType0.FindSubmatch(head)
		if m == nil {
			continue
		}
		fonts++
		tu, _ := strconv.Atoi(string(m[2]))
		var cmap []byte
		for _, e := range edits {
			if e.obj == tu {
				cmap = e.stream
			}
		}
		mapped := map[int]bool{}
		for _, r := range reBfrange.FindAllSubmatch(cmap, -1) {
			lo, _ := strconv.ParseInt(string(r[1]), 16, 32)
			hi, _ := strconv.ParseInt(string(r[2]), 16, 32)
			if lo>>8 != hi>>8 || string(r[1]) != string(r[3]) || hi < lo {
				t.Errorf("font %d: range %s", n, r[0])
			}
			for c := lo; c <= hi; c++ {
				mapped[int(c)] = true
			}
		}
		if !mapped['a'] || mapped[0x2018] || len(mapped) < 20 {
			t.Errorf("font %d: %d codes mapped, a %v, ‘ %v", n, len(mapped), mapped['a'], mapped[0x2018])
		}
		if mapped[0x2019] {
			apostrophe = true
		}
	}
	for _, e := range edits {
		if e.stream == nil || !bytes.HasPrefix(e.stream, []byte{0, 1, 0, 0}) {
			continue
		}
		programs++
		font := e.stream
		if e.dict != "/Length1 "+strconv.Itoa(len(font))+" " {
			t.Errorf("font program of %d bytes: %q", len(font), e.dict)
		}
		be := binary.BigEndian
		for i := range int(be.Uint16(font[4:])) {
			r := font[12+16*i:]
			tag, sum, off, length := string(r[:4]), be.Uint32(r[4:]), be.Uint32(r[8:]), be.Uint32(r[12:])
			table := bytes.Clone(font[off : off+length])
			if tag == "head" {
				be.PutUint32(table[8:], 0)
			}
			if checksum(table) != sum {
				t.Errorf("table %s: checksum %08x, recorded %08x", tag, checksum(table), sum)
			}
			if tag == "cmap" {
				sub := be.Uint32(table[8:])
				if got := be.Uint16(table[sub+2:]); int(got) != len(table)-int(sub) {
					t.Errorf("cmap subtable of %d bytes says %d", len(table)-int(sub), got)
				}
			}
		}
		if checksum(font) != 0xB1B0AFBA {
			t.Errorf("font checksum %08x", checksum(font))
		}
	}
	if !apostrophe {
		t.Error("no font maps ’")
	}
	if fonts != 2 || programs != 2 {
		t.Errorf("%d fonts, %d font programs repaired; want 2 and 2", fonts, programs)
	}
}

// TestBookmarkCounts checks that bookmarks with children count them
// (closed: negated) and the outline root counts its top level.
func TestBookmarkCounts(t *testing.T) {
	data := writeUncompressed(t)
	f, err := parseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	edits, err := f.repairs()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := f.compress(&out, "", edits, false); err != nil {
		t.Fatal(err)
	}
	children := map[string]int{}
	for _, m := range regexp.MustCompile(`/Parent (\d+) 0 R`).FindAllSubmatch(out.Bytes(), -1) {
		children[string(m[1])]++
	}
	objects := regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(<<(?:/Title|/Type /Outlines).*?)endobj`)
	count := regexp.MustCompile(`/Count (-?\d+)>>`)
	checked, parents := 0, 0
	for _, m := range objects.FindAllSubmatch(out.Bytes(), -1) {
		n := string(m[1])
		c := count.FindSubmatch(m[2])
		want := "0"
		switch {
		case bytes.HasPrefix(m[2], []byte("<</Type /Outlines")):
			want = strconv.Itoa(children[n])
		case children[n] > 0:
			want = "-" + strconv.Itoa(children[n])
			parents++
		}
		if c == nil || string(c[1]) != want {
			t.Errorf("bookmark %s: /Count %s, want %s", n, c, want)
		}
		checked++
	}
	if checked < 5 || parents == 0 {
		t.Errorf("%d bookmarks checked, %d with children", checked, parents)
	}
}

// writeUncompressed returns the file fpdf writes for the sample guide,
// before Write's compression and repairs.
func writeUncompressed(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	s := &sink{finish: func(data []byte) error { buf.Write(data); return nil }}
	th := sampleBook(t)
	r := newRenderer(th, Options{}, bookFaces(th), nil)
	if err := r.draw(); err != nil {
		t.Fatal(err)
	}
	r.pdf.SetCompression(false)
	if err := r.pdf.Output(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
