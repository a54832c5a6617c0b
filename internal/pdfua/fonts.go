package pdfua

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// fontInfo is a font of the file and the codes its text shows.
type fontInfo struct {
	name       string
	twoByte    bool       // a Type0 font with Identity-H: two bytes a code
	toUnicode  *toUnicode // nil without one
	fromEncode bool       // a simple font whose Unicode values come from its encoding
	embedded   bool
	cidToGID   bool // a CIDFontType2 has its CIDToGIDMap
	cidType2   bool
	used       map[uint32]int
}

// font returns the font of a resource entry, read once.
func (c *checker) font(o types.Object) *fontInfo {
	ref, ok := o.(types.IndirectRef)
	key := -1
	if ok {
		key = ref.ObjectNumber.Value()
		if f, ok := c.fonts[key]; ok {
			return f
		}
	}
	fd, _ := c.xt.DereferenceDict(o)
	if fd == nil {
		return nil
	}
	f := &fontInfo{used: map[uint32]int{}}
	if n := fd.NameEntry("BaseFont"); n != nil {
		f.name = *n
	}
	desc := fd
	if st := fd.NameEntry("Subtype"); st != nil && *st == "Type0" {
		enc := fd.NameEntry("Encoding")
		f.twoByte = enc != nil && (*enc == "Identity-H" || *enc == "Identity-V")
		d, _ := c.xt.DereferenceArray(fd["DescendantFonts"])
		if len(d) > 0 {
			desc, _ = c.xt.DereferenceDict(d[0])
		}
		if st := desc.NameEntry("Subtype"); st != nil && *st == "CIDFontType2" {
			f.cidType2 = true
			f.cidToGID = desc["CIDToGIDMap"] != nil
		}
	} else {
		enc, _ := c.xt.Dereference(fd["Encoding"])
		switch e := enc.(type) {
		case types.Name:
			f.fromEncode = e == "WinAnsiEncoding" || e == "MacRomanEncoding" || e == "StandardEncoding"
		case types.Dict:
			f.fromEncode = true
		}
	}
	fdesc, _ := c.xt.DereferenceDict(desc["FontDescriptor"])
	f.embedded = fdesc["FontFile"] != nil || fdesc["FontFile2"] != nil || fdesc["FontFile3"] != nil
	if sd, _, err := c.xt.DereferenceStreamDict(fd["ToUnicode"]); err == nil && sd != nil && sd.Decode() == nil {
		f.toUnicode = parseToUnicode(sd.Content)
	}
	if !ok {
		key = -1 - len(c.fonts) // a direct font: its codes are checked apart
	}
	c.fonts[key] = f
	return f
}

// show counts the codes of a string shown in the font.
func (f *fontInfo) show(s string) {
	if f.twoByte {
		for i := 0; i+1 < len(s); i += 2 {
			f.used[uint32(s[i])<<8|uint32(s[i+1])]++
		}
		return
	}
	for i := 0; i < len(s); i++ {
		f.used[uint32(s[i])]++
	}
}

// decode returns the text of a string shown in the font, as a strict
// reader of its ToUnicode CMap gets it.
func (f *fontInfo) decode(s string) string {
	if f.toUnicode == nil {
		return ""
	}
	var b strings.Builder
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := uint32(s[i])
		if f.twoByte {
			code = code<<8 | uint32(s[i+1])
		}
		b.WriteString(f.toUnicode.m[code])
	}
	return b.String()
}

// fontsReport checks the fonts that show text: embedded, and every code
// shown mapped to Unicode as a strict reader maps it.
func (c *checker) fontsReport() {
	for _, k := range slices.Sorted(maps.Keys(c.fonts)) {
		f := c.fonts[k]
		if len(f.used) == 0 {
			continue
		}
		if !f.embedded {
			c.fail("7.21.4.1-1", "la police %s n’est pas incorporée", f.name)
		}
		if f.cidType2 && !f.cidToGID {
			c.fail("7.21.3.2-1", "la police %s n’a pas de CIDToGIDMap", f.name)
		}
		if f.toUnicode == nil {
			if !f.fromEncode {
				c.fail("7.21.7-1", "la police %s n’a pas de table ToUnicode", f.name)
			}
			continue
		}
		for _, p := range f.toUnicode.problems {
			c.fail("7.21.7-1", "police %s, table ToUnicode : %s", f.name, p)
		}
		var missing, bad []string
		shown := 0
		codes := make([]uint32, 0, len(f.used))
		for code := range f.used {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			u, ok := f.toUnicode.m[code]
			switch {
			case !ok || u == "":
				missing = append(missing, fmt.Sprintf("%04X", code))
				shown += f.used[code]
			case strings.ContainsAny(u, "\u0000\ufeff\ufffe"):
				bad = append(bad, fmt.Sprintf("%04X", code))
			}
		}
		if len(missing) > 0 {
			c.fail("7.21.7-1", "police %s : %d codes affichés (%d glyphes) sans valeur Unicode pour un lecteur strict : %s",
				f.name, len(missing), shown, strings.Join(missing[:min(10, len(missing))], " "))
		}
		if len(bad) > 0 {
			c.fail("7.21.7-2", "police %s : codes rattachés à U+0000, U+FEFF ou U+FFFE : %s", f.name, strings.Join(bad[:min(10, len(bad))], " "))
		}
	}
}
