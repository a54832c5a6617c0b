package pdfua

import (
	"slices"
	"testing"
)

func TestScanContent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		stream   string
		mcids    []int
		untagged int
		nested   int
		unclosed bool
	}{
		{"tagged text and artifact", "/P <</MCID 0>> BDC BT /F1 12 Tf (a) Tj ET EMC /Artifact BMC 0 0 10 10 re f EMC /Span <</MCID 1>> BDC BT [(b) 2 (c)] TJ ET EMC",
			[]int{0, 1}, 0, 0, false},
		{"bare text", "BT /F1 12 Tf (Bonjour) Tj ET", nil, 1, 0, false},
		{"bare path", "q 1 0 0 rg 0 0 m 10 10 l f Q", nil, 1, 0, false},
		{"string with operators inside", "/P <</MCID 3>> BDC BT (f S Tj \\) EMC) Tj ET EMC", []int{3}, 0, 0, false},
		{"MCID inside artifact", "/Artifact BMC /P <</MCID 0>> BDC (x) Tj EMC EMC", []int{0}, 0, 1, false},
		{"artifact inside tagged content", "/P <</MCID 0>> BDC /Artifact BMC (x) Tj EMC EMC", []int{0}, 0, -1, false},
		{"EMC without a sequence", "/P <</MCID 0>> BDC (x) Tj EMC EMC", []int{0}, 0, 0, true},
		{"unclosed", "/P <</MCID 0>> BDC (x) Tj", []int{0}, 0, 0, true},
		{"pagination artifact with properties", "/Artifact <</Type /Pagination>> BDC (Page 1) Tj EMC", nil, 0, 0, false},
		{"font selection alone is not painting", "BT /F1 18 Tf ET", nil, 0, 0, false},
	}
	for _, tt := range tests {
		m := scanContent([]byte(tt.stream))
		nested := m.taggedInArt - m.artInTagged // tagged in artifact counts +1, artifact in tagged -1
		if !slices.Equal(m.mcids, tt.mcids) || m.untagged != tt.untagged || nested != tt.nested || m.unclosed != tt.unclosed {
			t.Errorf("%s: got %+v", tt.name, m)
		}
	}
}

func FuzzScanContent(f *testing.F) {
	f.Add("/P <</MCID 0>> BDC BT (a) Tj ET EMC")
	f.Add("BI /W 1 /H 1 ID xyz EI")
	f.Add("(unterminated \\")
	f.Fuzz(func(t *testing.T, s string) {
		scanContent([]byte(s)) // must not panic or loop
	})
}

func TestTokenizeStrings(t *testing.T) {
	t.Parallel()
	toks := tokenize([]byte(`BT [(a\)b\(c) -20 <00 41 0042> (\101\n(x))] TJ ET`))
	var got []string
	for _, tk := range toks {
		if tk.kind == 's' {
			got = append(got, tk.text)
		}
	}
	want := []string{"a)b(c", "\x00A\x00B", "A\n(x)"}
	if !slices.Equal(got, want) {
		t.Errorf("strings %q, want %q", got, want)
	}
}
