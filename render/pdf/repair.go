package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/klauspost/compress/zlib"
)

// fpdf is kept, but three things it writes break PDF/UA-1 or strict
// readers; they are repaired as the file is compressed (see compress):
//
//   - every ToUnicode CMap is one bfrange <0000> <FFFF> <0000>, but only
//     the last byte of a bfrange may vary (ISO 32000-1 §9.10.3): a strict
//     reader (veraPDF) maps no code above 0x00FF, so ’ – œ have no Unicode
//     value (ISO 14289-1 7.21.7, Matterhorn 10-001). Each is rewritten
//     with the codes the font subset holds, in ranges within one high byte;
//   - the format 4 'cmap' subtable of each font subset states a wrong
//     length (in glyphs, not bytes), which strict font parsers reject;
//   - every bookmark has /Count 0, also those with children.

var (
	reType0      = regexp.MustCompile(`^<</Type /Font\n/Subtype /Type0\n/BaseFont /\S+\n/Encoding /Identity-H\n/DescendantFonts \[(\d+) 0 R\]\n/ToUnicode (\d+) 0 R>>`)
	reCIDToGID   = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
	reDescriptor = regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	reFontFile2  = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	reLength1    = regexp.MustCompile(`^\n/Filter /FlateDecode\n/Length1 \d+\n$`)
	reOutline    = regexp.MustCompile(`^\n/Parent (\d+) 0 R\n`)
	reOutlines   = regexp.MustCompile(`^<</Type /Outlines /First \d+ 0 R\n/Last \d+ 0 R>>`)
)

// repairs returns the edits that repair f's fonts and bookmarks.
func (f *pdfFile) repairs() ([]edit, error) {
	var edits []edit
	counts := map[int]int{} // outline item or root → its children
	items := map[int]int{}  // outline item → offset of its "/Count 0>>"
	root := 0
	for n := range f.offsets {
		b := f.body(n)
		head := b[:min(len(b), 256)]
		switch {
		case bytes.HasPrefix(head, []byte("<</Type /Font\n/Subtype /Type0\n")):
			e, err := f.fontRepairs(n, head)
			if err != nil {
				return nil, fmt.Errorf("police (objet %d) : %w", n, err)
			}
			edits = append(edits, e...)
		case bytes.HasPrefix(head, []byte("<</Title ")):
			// The title is an escaped string: the keys follow its last line.
			obj := b[:max(0, bytes.Index(b, []byte("endobj")))]
			end := bytes.LastIndex(obj, []byte("/Count 0>>"))
			keys := obj[:max(0, end)]
			m := reOutline.FindSubmatch(keys[max(0, bytes.LastIndex(keys, []byte("\n/Parent "))):])
			if end < 0 || m == nil {
				return nil, fmt.Errorf("signet (objet %d) illisible", n)
			}
			p, _ := strconv.Atoi(string(m[1]))
			counts[p]++
			items[n] = len(f.data) - len(b) + end
		case reOutlines.Match(head):
			root = n
		}
	}
	// Bookmarks stay closed, as viewers show /Count 0: a closed item with
	// children counts them, negated (ISO 32000-1 §12.3.3).
	for n, at := range items {
		if c := counts[n]; c > 0 {
			edits = append(edits, edit{start: at, end: at + len("/Count 0"), literal: []byte("/Count -" + strconv.Itoa(c))})
		}
	}
	if root != 0 && counts[root] > 0 {
		b := f.body(root)
		at := len(f.data) - len(b) + bytes.Index(b, []byte(">>"))
		edits = append(edits, edit{start: at, end: at, literal: []byte(" /Count " + strconv.Itoa(counts[root]))})
	}
	return edits, nil
}

// fontRepairs returns the edits of the ToUnicode CMap and the font program
// of the Type0 font n, whose dictionary starts head.
func (f *pdfFile) fontRepairs(n int, head []byte) ([]edit, error) {
	m := reType0.FindSubmatch(head)
	if m == nil {
		return nil, fmt.Errorf("dictionnaire inattendu")
	}
	cid, _ := strconv.Atoi(string(m[1]))
	toUnicode, _ := strconv.Atoi(string(m[2]))
	cidDict, err := f.dict(cid)
	if err != nil {
		return nil, err
	}
	ref := func(re *regexp.Regexp, s string) (int, error) {
		m := re.FindStringSubmatch(s)
		if m == nil {
			return 0, fmt.Errorf("dictionnaire inattendu")
		}
		return strconv.Atoi(m[1])
	}
	mapObj, err := ref(reCIDToGID, cidDict)
	if err != nil {
		return nil, err
	}
	descObj, err := ref(reDescriptor, cidDict)
	if err != nil {
		return nil, err
	}
	desc, err := f.dict(descObj)
	if err != nil {
		return nil, err
	}
	fileObj, err := ref(reFontFile2, desc)
	if err != nil {
		return nil, err
	}

	// The codes are Unicode values (fpdf's Identity-H), those of the
	// subset have a glyph in the CIDToGIDMap.
	data, _, _, _, err := f.stream(mapObj)
	if err != nil {
		return nil, err
	}
	cidToGID, err := inflate(data)
	if err != nil {
		return nil, fmt.Errorf("CIDToGIDMap illisible : %w", err)
	}
	var codes []uint16
	for c := 1; 2*c+1 < len(cidToGID); c++ {
		if cidToGID[2*c] != 0 || cidToGID[2*c+1] != 0 {
			codes = append(codes, uint16(c))
		}
	}
	_, start, end, _, err := f.stream(toUnicode)
	if err != nil {
		return nil, err
	}
	edits := []edit{{obj: toUnicode, start: start, end: end, stream: toUnicodeCMap(codes)}}

	data, start, end, dict, err := f.stream(fileObj)
	if err != nil {
		return nil, err
	}
	if !reLength1.MatchString(dict) {
		return nil, fmt.Errorf("programme de police inattendu")
	}
	font, err := inflate(data)
	if err != nil {
		return nil, fmt.Errorf("programme de police illisible : %w", err)
	}
	fixed, err := fixCmapLength(font)
	if err != nil {
		return nil, fmt.Errorf("programme de police illisible : %w", err)
	}
	if fixed {
		edits = append(edits, edit{obj: fileObj, start: start, end: end, stream: font,
			dict: "/Length1 " + strconv.Itoa(len(font)) + " "})
	}
	return edits, nil
}

func inflate(data []byte) ([]byte, error) {
	z, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// toUnicodeCMap is a ToUnicode CMap mapping each code, a Unicode value of
// the Basic Multilingual Plane, to itself: in ranges of consecutive codes
// that share their first byte, at most 100 to a block (Adobe TN 5014).
func toUnicodeCMap(codes []uint16) []byte {
	codes = slices.Clone(codes)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	type span struct{ lo, hi uint16 }
	var spans []span
	for _, c := range codes {
		if c >= 0xD800 && c <= 0xDFFF {
			continue // a lone surrogate is no character
		}
		if k := len(spans) - 1; k >= 0 && spans[k].hi+1 == c && spans[k].hi>>8 == c>>8 {
			spans[k].hi = c
			continue
		}
		spans = append(spans, span{c, c})
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(spans) > 0 {
		block := spans[:min(100, len(spans))]
		spans = spans[len(block):]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(block))
		for _, s := range block {
			fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", s.lo, s.hi, s.lo)
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}

// fixCmapLength gives the format 4 subtables of a TrueType font's 'cmap'
// table the length they have, up to the next subtable or the end of the
// table, then the checksums that follow; it reports whether it changed
// anything.
func fixCmapLength(font []byte) (bool, error) {
	be := binary.BigEndian
	if len(font) < 12 {
		return false, fmt.Errorf("en-tête tronqué")
	}
	numTables := int(be.Uint16(font[4:]))
	if len(font) < 12+16*numTables {
		return false, fmt.Errorf("table des tables tronquée")
	}
	type table struct{ record, off, len int }
	tables := map[string]table{}
	for i := range numTables {
		r := 12 + 16*i
		t := table{r, int(be.Uint32(font[r+8:])), int(be.Uint32(font[r+12:]))}
		if t.off+t.len > len(font) || t.off < 0 || t.len < 0 {
			return false, fmt.Errorf("table %q hors du fichier", font[r:r+4])
		}
		tables[string(font[r:r+4])] = t
	}
	cmap, ok := tables["cmap"]
	head, okHead := tables["head"]
	if !ok || !okHead || cmap.len < 4 || head.len < 12 {
		return false, fmt.Errorf("tables cmap ou head absentes")
	}
	c := font[cmap.off : cmap.off+cmap.len]
	n := int(be.Uint16(c[2:]))
	if len(c) < 4+8*n {
		return false, fmt.Errorf("table cmap tronquée")
	}
	var starts []int
	for i := range n {
		starts = append(starts, int(be.Uint32(c[4+8*i+4:])))
	}
	sorted := slices.Sorted(slices.Values(starts))
	changed := false
	for _, s := range starts {
		if s+8 > len(c) || be.Uint16(c[s:]) != 4 {
			continue
		}
		end := len(c)
		if i, _ := slices.BinarySearch(sorted, s+1); i < len(sorted) {
			end = sorted[i]
		}
		length := end - s
		segX2 := int(be.Uint16(c[s+6:]))
		if length > 0xFFFF || length < 16+4*segX2 || (length-16-4*segX2)%2 != 0 {
			return false, fmt.Errorf("sous-table cmap de longueur impossible")
		}
		if int(be.Uint16(c[s+2:])) != length {
			be.PutUint16(c[s+2:], uint16(length))
			changed = true
		}
	}
	if !changed {
		return false, nil
	}
	// Checksums: the table's, then the whole font's adjustment in 'head',
	// computed with the adjustment zeroed (OpenType, 'head' table).
	be.PutUint32(font[cmap.record+4:], checksum(c))
	be.PutUint32(font[head.off+8:], 0)
	be.PutUint32(font[head.record+4:], checksum(font[head.off:head.off+head.len]))
	be.PutUint32(font[head.off+8:], 0xB1B0AFBA-checksum(font))
	return true, nil
}

// checksum is the TrueType checksum: the sum of the big-endian 32-bit
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(len(b), i+4)])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
