package pdfua

import (
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"
)

// toUnicode is a ToUnicode CMap as a strict reader (veraPDF) takes it:
// a bfrange may vary only the last byte of its codes (ISO 32000-1 §9.10.3,
// Adobe TN 5014); of one that varies more, only the codes up to the end of
// its first last-byte run are mapped.
type toUnicode struct {
	m        map[uint32]string
	problems []string
}

var (
	reBfchar  = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	reBfrange = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	rePair    = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>\s*<([0-9A-Fa-f\s]*)>`)
	reRange   = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>\s*<([0-9A-Fa-f\s]*)>\s*(<[0-9A-Fa-f\s]*>|\[[^\]]*\])`)
	reHex     = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>`)
	reComment = regexp.MustCompile(`%[^\n\r]*`)
)

func parseToUnicode(data []byte) *toUnicode {
	t := &toUnicode{m: map[uint32]string{}}
	text := reComment.ReplaceAllString(string(data), "")
	for _, block := range reBfchar.FindAllStringSubmatch(text, -1) {
		for _, p := range rePair.FindAllStringSubmatch(block[1], -1) {
			code, _, ok := hexCode(p[1])
			if !ok {
				t.problems = append(t.problems, fmt.Sprintf("bfchar <%s> illisible", p[1]))
				continue
			}
			t.m[code] = utf16Hex(p[2])
		}
	}
	for _, block := range reBfrange.FindAllStringSubmatch(text, -1) {
		for _, r := range reRange.FindAllStringSubmatch(block[1], -1) {
			lo, n, ok1 := hexCode(r[1])
			hi, n2, ok2 := hexCode(r[2])
			if !ok1 || !ok2 || n != n2 || hi < lo {
				t.problems = append(t.problems, fmt.Sprintf("bfrange <%s> <%s> illisible ou vide", r[1], r[2]))
				continue
			}
			last := hi
			if lo>>8 != hi>>8 {
				t.problems = append(t.problems, fmt.Sprintf("bfrange <%s> <%s> : seul le dernier octet des codes peut varier (ISO 32000-1, 9.10.3)", r[1], r[2]))
				last = lo | 0xFF
			}
			if strings.HasPrefix(r[3], "[") {
				for i, h := range reHex.FindAllStringSubmatch(r[3], -1) {
					if c := lo + uint32(i); c <= last {
						t.m[c] = utf16Hex(h[1])
					}
				}
				continue
			}
			base := []rune(utf16Hex(r[3][1 : len(r[3])-1]))
			for c := lo; c <= last && len(base) > 0; c++ {
				v := append([]rune(nil), base...)
				v[len(v)-1] += rune(c - lo)
				t.m[c] = string(v)
			}
		}
	}
	return t
}

// hexCode reads a code written in hexadecimal: its value and byte length.
func hexCode(h string) (uint32, int, bool) {
	b, err := hex.DecodeString(strings.Join(strings.Fields(h), ""))
	if err != nil || len(b) == 0 || len(b) > 4 {
		return 0, 0, false
	}
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v, len(b), true
}

// utf16Hex decodes a destination string: UTF-16BE in hexadecimal.
func utf16Hex(h string) string {
	b, err := hex.DecodeString(strings.Join(strings.Fields(h), ""))
	if err != nil || len(b)%2 == 1 {
		return ""
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}
