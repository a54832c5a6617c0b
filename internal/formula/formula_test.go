package formula

import "testing"

func TestDefuse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Médiathèque", "Médiathèque"},
		{"=HYPERLINK(\"https://x.example\";\"Cliquez\")", "'=HYPERLINK(\"https://x.example\";\"Cliquez\")"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+33 5 57 93 67 00", "'+33 5 57 93 67 00"},
		{"-Espace numérique", "'-Espace numérique"},
		{"\tCyber", "'\tCyber"},
		{"\r=1", "'\r=1"},
		{"'=1", "''=1"}, // so that Restore can tell
		{"'Espace", "'Espace"},
		{"+33557936700", "+33557936700"},
		{"+33557936700|+33556848500", "+33557936700|+33556848500"},
		{"-0.6311", "-0.6311"},
		{"-", "'-"},
		{"+", "'+"},
		{"-1.", "-1."}, // a number still
		{"", ""},
		{"a=b", "a=b"},
	} {
		got := Defuse(c.in)
		if got != c.want {
			t.Errorf("Defuse(%q) = %q, want %q", c.in, got, c.want)
		}
		if back := Restore(got); back != c.in {
			t.Errorf("Restore(%q) = %q, want %q", got, back, c.in)
		}
	}
	// What a person typed with an apostrophe, as in a spreadsheet, reads
	// as the value.
	if got := Restore("'=1+1"); got != "=1+1" {
		t.Errorf("Restore = %q", got)
	}
}

func FuzzDefuse(f *testing.F) {
	for _, s := range []string{"=1+1", "-0.5", "+33|+33", "nom", "''@x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Defuse(s)
		if d != s && d != "'"+s {
			t.Fatalf("Defuse(%q) = %q: changed more than a leading apostrophe", s, d)
		}
		if Starts(d) && !numbers(d) {
			t.Fatalf("Defuse(%q) = %q still starts a formula", s, d)
		}
		if back := Restore(d); back != s {
			t.Fatalf("Restore(Defuse(%q)) = %q", s, back)
		}
	})
}
