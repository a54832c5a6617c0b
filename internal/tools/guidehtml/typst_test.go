package main

import (
	"strings"
	"testing"
	"time"
)

func TestTypstLiterals(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{`Maison « France Services »`, `"Maison « France Services »"`},
		{`C:\dossier "x"`, `"C:\\dossier \"x\""`},
		{"deux\nlignes", `"deux\nlignes"`},
	} {
		if got := str(tt.in); got != tt.want {
			t.Errorf("str(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := label("lieu-12/é"); got != "<lieu-12-->" {
		t.Errorf("label = %s", got)
	}
	if label("") != "" {
		t.Error("a label for no anchor")
	}
}

// TestWriteTypst writes the guide of a real file: every place and every
// section is in it, with its label, and the brackets balance.
func TestWriteTypst(t *testing.T) {
	t.Parallel()
	g, _, err := compose("../../../testdata/donnees/paca-v0.1-2023-05-17.json", "Provence-Alpes-Côte d’Azur", time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Skipf("real file absent: %v", err)
	}
	var b strings.Builder
	if err := writeTypst(&b, g); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			if !strings.Contains(out, str(e.Name)) || !strings.Contains(out, label(e.Anchor)) {
				t.Fatalf("entry %q or its label missing", e.Name)
			}
		}
	}
	// Outside string literals, brackets must balance for Typst to compile.
	depth, in := 0, false
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '\\' && in:
			i++
		case c == '"':
			in = !in
		case !in && (c == '[' || c == '(' || c == '{'):
			depth++
		case !in && (c == ']' || c == ')' || c == '}'):
			depth--
		}
		if depth < 0 {
			t.Fatalf("bracket closed before opened at byte %d", i)
		}
	}
	if depth != 0 || in {
		t.Errorf("unbalanced: depth %d, in a string %v", depth, in)
	}
}
