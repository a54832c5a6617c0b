package pdf

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"weak"

	"livret/layout"
)

// TestTextStrings checks that text strings are PDFDocEncoding literals
// when every character has a code there, UTF-16 otherwise.
func TestTextStrings(t *testing.T) {
	const utf16 = "UTF-16"
	for _, tc := range []struct{ in, want string }{
		{"Appeler la Médiathèque", "(Appeler la M\xe9diath\xe8que)"},
		{"Aller à la page 12 : l’index", "(Aller \xe0 la page 12 : l\x90index)"},
		{"Tarif (en €) – œuvre", "(Tarif \\(en \xa0\\) \x85 \x9cuvre)"},
		{`C:\dossier`, `(C:\\dossier)`},
		{"", "()"},
		{"île", "(\xeele)"},
		// No code in PDFDocEncoding: the whole string in UTF-16.
		{"Horaires\u00a0: 9 h", utf16}, // no-break space: 0xA0 is €
		{"numérique\u202f?", utf16},
		{"Accès 📞", utf16},
		{"retour\nà la ligne", utf16},
		// A first þ or ï would read as a byte order mark.
		{"þÿ", utf16},
		{"ïle", utf16},
	} {
		want := tc.want
		if want == utf16 {
			want = string(appendUTF16(nil, tc.in))
		}
		if got := string(appendText(nil, tc.in)); got != want {
			t.Errorf("%q: %q, want %q", tc.in, got, want)
		}
	}
	if got := string(appendUTF16(nil, "é📞()\\\r\n\u0a5c\u290d")); got != "(\xfe\xff\x00\xe9\xd8\x3d\xdc\xde\x00\\(\x00\\)\x00\\\\\x00\\r\x00\\n\\n\\\\\\)\\r)" {
		t.Errorf("UTF-16: %s", got)
	}
}

// TestCompactTagging checks, on the book drawn whole and in chunks, that
// the tags are written compactly and still read: in object streams with a
// cross-reference stream under a PDF 1.7 header (the whole update of a
// book drawn whole; the whole file of a book merged), structure
// elements without their optional keys, the link descriptions as
// PDFDocEncoding literals, or UTF-16 where they must, that qpdf reads back
// as the book wrote them, and
// the tags a small share of the file.
func TestCompactTagging(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf absent (apt-get install qpdf) ; .ci/run l’installe")
	}
	b := sampleBook(t)
	alts := map[string]bool{}
	for _, p := range b.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *layout.Text:
				if it.Link != nil {
					alts[it.Link.Alt] = true
				}
			case *layout.QR:
				if it.Link != nil {
					alts[it.Link.Alt] = true
				}
			}
		}
	}
	untagged := writeSample(t, true)
	for _, size := range []int{0, 3} {
		file := writeChunked(t, b, size, 2)
		if size == 0 && !bytes.Equal(writeChunked(t, b, size, 8), file) { // merged: TestMergedAsWhole
			t.Error("drawn whole: eight cores and two give different files")
		}
		if !bytes.HasPrefix(file, []byte("%PDF-1.7\n")) {
			t.Errorf("chunks of %d: header %q, object streams need PDF 1.5", size, file[:8])
		}
		// Drawn whole, fpdf's file and the update that tags it; merged, one
		// file; in both, cross-reference streams only.
		tags := file[bytes.Index(file, []byte("%%EOF\n"))+6:]
		if size != 0 {
			tags = file
		}
		if !bytes.Contains(tags, []byte("/Type /ObjStm")) || !bytes.Contains(tags, []byte("/Type /XRef")) ||
			bytes.Contains(file, []byte("\nxref\n")) || size != 0 && bytes.Count(file, []byte("%%EOF")) != 1 {
			t.Errorf("chunks of %d: the tags are not in object streams with a cross-reference stream", size)
		}
		if len(file) > len(untagged)*13/10 {
			t.Errorf("chunks of %d: tagged file of %d bytes, untagged %d: the tags take more than 30 %%", size, len(file), len(untagged))
		}

		dir := t.TempDir()
		path, plain := filepath.Join(dir, "guide.pdf"), filepath.Join(dir, "plain.pdf")
		os.WriteFile(path, file, 0o644)
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Fatalf("chunks of %d: qpdf --check: %v\n%s", size, err, out)
		}
		// The objects out of their streams, as written.
		if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, plain).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --qdf: %v\n%s", err, out)
		}
		expanded, _ := os.ReadFile(plain)
		if n := bytes.Count(expanded, []byte("/Type /StructElem")); n > 0 {
			t.Errorf("chunks of %d: %d structure elements say their /Type", size, n)
		}
		if bytes.Count(expanded, []byte("/Contents (")) < 10 || !bytes.Contains(expanded, []byte("/Contents (Appeler")) {
			t.Errorf("chunks of %d: the links' descriptions are not PDFDocEncoding literals", size)
		}

		out, err := exec.Command("qpdf", "--json=2", "--json-key=qpdf", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		var doc struct{ QPDF []json.RawMessage }
		var objects map[string]struct{ Value map[string]any }
		if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 {
			t.Fatalf("qpdf --json: %v", err)
		}
		if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
			t.Fatal(err)
		}
		links, accented, wide := 0, 0, 0
		for _, o := range objects {
			if o.Value["/Subtype"] != "/Link" {
				continue
			}
			links++
			c, _ := o.Value["/Contents"].(string)
			text := strings.TrimPrefix(c, "u:")
			if !alts[text] {
				t.Errorf("chunks of %d: /Contents reads %q, not a description of the book", size, c)
			}
			if strings.ContainsAny(text, "éèàô’") {
				accented++
			}
			if strings.ContainsAny(text, "\u00a0\u202f") { // no code in PDFDocEncoding: UTF-16
				wide++
			}
		}
		if links < 10 || accented == 0 || wide == 0 {
			t.Errorf("chunks of %d: %d links, %d with accents or apostrophes, %d with no-break spaces", size, links, accented, wide)
		}
	}
}

// TestStructureKeepsNoElement checks that the structure listed for the
// tags holds none of the book's elements: once the book lets go of its
// tree and pages, every element can be collected (a national guide has
// close to a million of them), while the structure still answers.
func TestStructureKeepsNoElement(t *testing.T) {
	b := sampleBook(t)
	st, err := newStructure(b.Structure)
	if err != nil {
		t.Fatal(err)
	}
	var elems []weak.Pointer[layout.Node]
	var walk func(n *layout.Node)
	walk = func(n *layout.Node) {
		elems = append(elems, weak.Make(n))
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(b.Structure)
	b.Structure, b.Pages = nil, nil
	runtime.GC()
	kept := 0
	for _, e := range elems {
		if e.Value() != nil {
			kept++
		}
	}
	if kept > 0 {
		t.Errorf("%d of %d elements kept by the structure", kept, len(elems))
	}
	if st.len() != len(elems) || st.roleOf(0) != "Document" {
		t.Errorf("structure of %d elements, root %q, want %d, Document", st.len(), st.roleOf(0), len(elems))
	}
}

// TestItemOutsideStructure checks that an item tied to an element left
// out of the book's tree, never numbered, fails the tagging, naming its
// page, rather than being tagged as another element.
func TestItemOutsideStructure(t *testing.T) {
	b := sampleBook(t)
	var node *layout.Node
	for _, it := range b.Pages[1].Items {
		if node = it.Node(); node != nil {
			break
		}
	}
	if node == nil {
		t.Fatal("page 2 has no tagged item")
	}
	// The element out of the tree, the tree numbered again, as layout
	// numbers it: the element keeps the ID 0 of those never numbered.
	var id int32
	var number func(n *layout.Node)
	number = func(n *layout.Node) {
		n.ID = id
		id++
		n.Kids = slices.DeleteFunc(n.Kids, func(k *layout.Node) bool { return k == node })
		for _, k := range n.Kids {
			number(k)
		}
	}
	number(b.Structure)
	node.ID = 0
	err := Write(io.Discard, b, Options{})
	if err == nil || !strings.Contains(err.Error(), "hors de la structure") || !strings.Contains(err.Error(), "page 2") {
		t.Errorf("got %v, want an error on page 2", err)
	}
}
