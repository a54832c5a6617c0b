package texte

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds seeds a fuzz test with the real values of testdata/reel.json.
func addSeeds(f *testing.F, pick func(real) []string) {
	for _, v := range pick(readReal(f)) {
		f.Add(v)
	}
}

func FuzzTypography(f *testing.F) {
	addSeeds(f, func(r real) []string { return append(r.HTMLs, r.Noms...) })
	f.Add(`Il dit "oui" : <<non>> ... www.x.fr/?a=b ! 09:00 3.0 , l'été`)
	f.Add("Écrire à MAILTO:accueil@mairie.fr ou WwW.Exemple.FR")
	f.Fuzz(func(t *testing.T, s string) {
		got := Typography(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Typography(%q) = %q, not UTF-8", s, got)
		}
		if again := Typography(got); again != got {
			t.Fatalf("Typography not idempotent on %q: %q then %q", s, got, again)
		}
		// Its shortcuts: the rules leave a text without their characters
		// as it is, and protectedRE finds nothing where mayProtect says so.
		if !utf8.ValidString(s) {
			return
		}
		if !strings.ContainsAny(s, ruleChars) {
			if all := applyRules(s); all != s {
				t.Fatalf("the rules change %q, without their characters, into %q", s, all)
			}
		}
		if !mayProtect(s) && protectedRE.MatchString(s) {
			t.Fatalf("mayProtect(%q) is false, but protectedRE matches %q", s, protectedRE.FindString(s))
		}
	})
}

func FuzzFixCase(f *testing.F) {
	addSeeds(f, func(r real) []string { return append(r.Noms, r.Communes...) })
	f.Add("C.C.A.S. D HOTEL A L'EST - LE PRE (XIV)")
	f.Fuzz(func(t *testing.T, s string) {
		got := FixCase(s)
		if !utf8.ValidString(got) {
			t.Fatalf("FixCase(%q) = %q, not UTF-8", s, got)
		}
		if again := FixCase(got); again != got {
			t.Fatalf("FixCase not idempotent on %q: %q then %q", s, got, again)
		}
		if !utf8.ValidString(s) {
			return
		}
		if !shouts(s) && got != s {
			t.Fatalf("FixCase(%q) = %q, changed a text that does not shout", s, got)
		}
		if Fold(got) != Fold(s) {
			t.Fatalf("FixCase(%q) = %q changed more than case and accents", s, got)
		}
	})
}

func FuzzFixAddressCase(f *testing.F) {
	addSeeds(f, func(r real) []string { return r.Adresses })
	f.Fuzz(func(t *testing.T, s string) {
		got := FixAddressCase(s)
		if !utf8.ValidString(got) {
			t.Fatalf("FixAddressCase(%q) = %q, not UTF-8", s, got)
		}
		if again := FixAddressCase(got); again != got {
			t.Fatalf("FixAddressCase not idempotent on %q: %q then %q", s, got, again)
		}
	})
}

func FuzzStripHTML(f *testing.F) {
	addSeeds(f, func(r real) []string { return r.HTMLs })
	f.Add("<ul><li>a<li>b</ul><p>c &amp; d<br>e</p><script>x</script>")
	f.Add("a\r\nb\rc\x00d\u00a0e  f\n\n\n\tg\u200b")
	f.Fuzz(func(t *testing.T, s string) {
		got := StripHTML(s)
		if !utf8.ValidString(got) {
			t.Fatalf("StripHTML(%q) = %q, not UTF-8", s, got)
		}
		if strings.Contains(got, "\r") || strings.Contains(got, "\n\n\n") {
			t.Fatalf("StripHTML(%q) = %q, lines not cleaned", s, got)
		}
		// The short way for text without markup or entities gives what
		// the tokenizer gives.
		if tokens := stripTags(s); got != tokens {
			t.Fatalf("StripHTML(%q) = %q, the tokenizer gives %q", s, got, tokens)
		}
		// Text without markup left comes back unchanged.
		if !strings.ContainsAny(got, "<&") {
			if again := StripHTML(got); again != got {
				t.Fatalf("StripHTML not idempotent on %q: %q then %q", s, got, again)
			}
		}
	})
}

func FuzzClean(f *testing.F) {
	addSeeds(f, func(r real) []string { return r.Adresses })
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if strings.Contains(got, "  ") || strings.ContainsAny(got, "\n\t\r") || got != strings.TrimSpace(got) {
			t.Fatalf("Clean(%q) = %q", s, got)
		}
		if again := Clean(got); again != got {
			t.Fatalf("Clean not idempotent on %q: %q then %q", s, got, again)
		}
	})
}
