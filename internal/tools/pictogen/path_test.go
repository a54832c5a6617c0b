package main

import (
	"math"
	"strings"
	"testing"
)

// k is the control arm of a quarter circle of radius 1: 4/3·tan(π/8).
var k = 4.0 / 3 * math.Tan(math.Pi/8)

func mv(x, y float64) segment { return segment{op: moveTo, p: [3]point{{x, y}}} }
func ln(x, y float64) segment { return segment{op: lineTo, p: [3]point{{x, y}}} }
func cb(x1, y1, x2, y2, x, y float64) segment {
	return segment{op: cubeTo, p: [3]point{{x1, y1}, {x2, y2}, {x, y}}}
}

var cl = segment{op: closePath}

func TestParsePath(t *testing.T) {
	tests := []struct {
		name string
		d    string
		want []segment
	}{
		{"empty", "", nil},
		{"absolute", "M1 2L3 4Z", []segment{mv(1, 2), ln(3, 4), cl}},
		{"relative", "m1 2l3 4h1v-1z", []segment{mv(1, 2), ln(4, 6), ln(5, 6), ln(5, 5), cl}},
		{"H and V absolute", "M1 1H5V7", []segment{mv(1, 1), ln(5, 1), ln(5, 7), cl}},
		{"implicit lineto after M", "M1 1 2 2 3 3", []segment{mv(1, 1), ln(2, 2), ln(3, 3), cl}},
		{"implicit relative lineto after m", "m1 1 2 2 3 3", []segment{mv(1, 1), ln(3, 3), ln(6, 6), cl}},
		{"repeated relative curves", "M0 0c1 1 2 2 3 3 1 1 2 2 3 3",
			[]segment{mv(0, 0), cb(1, 1, 2, 2, 3, 3), cb(4, 4, 5, 5, 6, 6), cl}},
		{"repeated H", "M0 0H1 2 3", []segment{mv(0, 0), ln(1, 0), ln(2, 0), ln(3, 0), cl}},
		// Material's compact syntax: signs and dots end numbers.
		{"compact numbers", "M.5.5L1-2l-.5-.25", []segment{mv(.5, .5), ln(1, -2), ln(.5, -2.25), cl}},
		{"exponents", "M1e1-1E-1L2.5e+0 0", []segment{mv(10, -.1), ln(2.5, 0), cl}},
		{"commas and spaces", " M 1 , 2\n\tL3,4 ", []segment{mv(1, 2), ln(3, 4), cl}},
		{"S reflects the previous C", "M0 0C1 2 3 4 5 5S9 8 10 10",
			[]segment{mv(0, 0), cb(1, 2, 3, 4, 5, 5), cb(7, 6, 9, 8, 10, 10), cl}},
		{"S reflects the previous S", "M0 0S1 1 2 0s1-1 2 0",
			[]segment{mv(0, 0), cb(0, 0, 1, 1, 2, 0), cb(3, -1, 3, -1, 4, 0), cl}},
		{"S without C starts at the current point", "M0 0L1 0S3 4 5 5",
			[]segment{mv(0, 0), ln(1, 0), cb(1, 0, 3, 4, 5, 5), cl}},
		{"Q raised to a cubic", "M0 0Q3 3 6 0", []segment{mv(0, 0), cb(2, 2, 4, 2, 6, 0), cl}},
		{"T reflects the previous Q", "M0 0Q3 3 6 0T12 0",
			[]segment{mv(0, 0), cb(2, 2, 4, 2, 6, 0), cb(8, -2, 10, -2, 12, 0), cl}},
		{"relative t after q", "M0 0q3 3 6 0t6 0",
			[]segment{mv(0, 0), cb(2, 2, 4, 2, 6, 0), cb(8, -2, 10, -2, 12, 0), cl}},
		{"T after C does not reflect", "M0 0C0 1 6 1 6 0T12 0",
			[]segment{mv(0, 0), cb(0, 1, 6, 1, 6, 0), cb(6, 0, 8, 0, 12, 0), cl}},
		{"quarter arc", "M0 10A10 10 0 0 1 10 0",
			[]segment{mv(0, 10), cb(0, 10-10*k, 10-10*k, 0, 10, 0), cl}},
		// Flags need no separator: large-arc 1, sweep 0, then x=10.
		{"half circle, packed flags", "M0 0a5 5 0 1010 0",
			[]segment{mv(0, 0), cb(0, 5*k, 5-5*k, 5, 5, 5), cb(5+5*k, 5, 10, 5*k, 10, 0), cl}},
		{"radii too small are scaled up", "M0 0A1 1 0 0 1 10 0",
			[]segment{mv(0, 0), cb(0, -5*k, 5-5*k, -5, 5, -5), cb(5+5*k, -5, 10, -5*k, 10, 0), cl}},
		{"negative radii count as positive", "M0 0A-1-1 0 0 1 10 0",
			[]segment{mv(0, 0), cb(0, -5*k, 5-5*k, -5, 5, -5), cb(5+5*k, -5, 10, -5*k, 10, 0), cl}},
		{"zero radius is a line", "M0 0A0 5 0 0 1 10 0", []segment{mv(0, 0), ln(10, 0), cl}},
		{"arc to the current point is omitted", "M1 1A5 5 0 0 1 1 1L2 2", []segment{mv(1, 1), ln(2, 2), cl}},
		{"drawing after Z starts at the subpath's start", "M0 0L1 0L1 1ZL2 2",
			[]segment{mv(0, 0), ln(1, 0), ln(1, 1), cl, mv(0, 0), ln(2, 2), cl}},
		{"m after z is relative to the subpath's start", "M10 10l1 0 0 1zm1 1l1 0 0 1",
			[]segment{mv(10, 10), ln(11, 10), ln(11, 11), cl, mv(11, 11), ln(12, 11), ln(12, 12), cl}},
		{"unclosed subpaths are closed", "M0 0L1 1M2 2L3 3",
			[]segment{mv(0, 0), ln(1, 1), cl, mv(2, 2), ln(3, 3), cl}},
		{"a lone moveto draws nothing", "M1 1M2 2L3 3Z M4 4", []segment{mv(2, 2), ln(3, 3), cl}},
		{"repeated Z", "M0 0L1 1ZZ", []segment{mv(0, 0), ln(1, 1), cl}},
		{"lines of length zero are dropped", "M1 1h0v0L1 1 2 2l0 0", []segment{mv(1, 1), ln(2, 2), cl}},
		{"a subpath of zero-length lines draws nothing", "M1 1h0zM2 2l1 1", []segment{mv(2, 2), ln(3, 3), cl}},
	}
	for _, tt := range tests {
		got, err := parsePath(tt.d)
		if err != nil {
			t.Errorf("%s: parsePath(%q): %v", tt.name, tt.d, err)
			continue
		}
		if !sameSegments(got, tt.want) {
			t.Errorf("%s: parsePath(%q)\n got %v\nwant %v", tt.name, tt.d, got, tt.want)
		}
	}
}

func sameSegments(a, b []segment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].op != b[i].op {
			return false
		}
		for j := range a[i].p {
			if math.Abs(a[i].p[j].x-b[i].p[j].x) > 1e-9 || math.Abs(a[i].p[j].y-b[i].p[j].y) > 1e-9 {
				return false
			}
		}
	}
	return true
}

// TestArcRotation checks the rotation of the ellipse's axes: turned by 90°,
// an ellipse of radii 10, 5 is the ellipse of radii 5, 10; turned by 180°,
// it is itself.
func TestArcRotation(t *testing.T) {
	tests := []struct{ rotated, plain string }{
		{"M0 0A10 5 90 0 1 5 10", "M0 0A5 10 0 0 1 5 10"},
		{"M0 0A10 5 -90 1 0 5 10", "M0 0A5 10 0 1 0 5 10"},
		{"M0 0A10 5 180 0 1 10 5", "M0 0A10 5 0 0 1 10 5"},
		{"M0 0A10 5 450 0 1 5 10", "M0 0A5 10 0 0 1 5 10"},
	}
	for _, tt := range tests {
		a, err1 := parsePath(tt.rotated)
		b, err2 := parsePath(tt.plain)
		if err1 != nil || err2 != nil {
			t.Fatalf("%q, %q: %v, %v", tt.rotated, tt.plain, err1, err2)
		}
		if !sameSegments(a, b) {
			t.Errorf("parsePath(%q)\n= %v\nwant the same as %q\n= %v", tt.rotated, a, tt.plain, b)
		}
	}
}

// TestArcOnCircle checks that the cubics of circular arcs of every extent
// stay on the circle, at their ends and in their middle, and that pieces
// span at most 90°.
func TestArcOnCircle(t *testing.T) {
	tests := []struct {
		d      string
		pieces int
	}{
		{"M17 12A5 5 0 0 1 12 17", 1}, // 90°, centre (12, 12)
		{"M17 12A5 5 0 1 1 12 7", 3},  // 270°
		{"M17 12A5 5 0 1 0 7 12", 2},  // 180°, other way
		{"M17 12A5 5 0 0 1 15 16", 1}, // 53°
		{"M17 12A5 5 0 1 0 15 16", 4}, // 307°, the other way
		{"M17 12a5 5 0 1 0-2 4", 4},   // the same, relative
		{"M12 17a5 5 0 0 1 0-10", 2},  // Material's ring: centre (12, 12)
		{"M12 17a5 5 0 0 1 0-10 5 5 0 0 1 0 10", 4},
	}
	for _, tt := range tests {
		segs, err := parsePath(tt.d)
		if err != nil {
			t.Fatalf("parsePath(%q): %v", tt.d, err)
		}
		pieces := 0
		for _, s := range segs {
			if s.op != cubeTo {
				continue
			}
			pieces++
			for _, tv := range []float64{0.25, 0.5, 0.75, 1} {
				q := bezier(s, segs, tv)
				if r := math.Hypot(q.x-12, q.y-12); math.Abs(r-5) > 5e-3 {
					t.Errorf("%q: point at t=%v is %v, at %v from the centre, want 5", tt.d, tv, q, r)
				}
			}
		}
		if pieces != tt.pieces {
			t.Errorf("%q: %d cubics, want %d", tt.d, pieces, tt.pieces)
		}
	}
}

// bezier evaluates cubic s of segs at t.
func bezier(s segment, segs []segment, t float64) point {
	var p0 point
	for i := range segs {
		if segs[i] == s {
			switch prev := segs[i-1]; prev.op {
			case cubeTo:
				p0 = prev.p[2]
			default:
				p0 = prev.p[0]
			}
			break
		}
	}
	u := 1 - t
	return p0.scale(u * u * u).add(s.p[0].scale(3 * u * u * t)).add(s.p[1].scale(3 * u * t * t)).add(s.p[2].scale(t * t * t))
}

func TestParsePathErrors(t *testing.T) {
	tests := []struct{ d, msg string }{
		{"L1 1", "le tracé doit commencer par M ou m, pas par L"},
		{"1 2", "le tracé doit commencer par une commande"},
		{"M1", "nombre attendu, fin du tracé trouvée"},
		{"M1 2 3", "nombre attendu, fin du tracé trouvée"},
		{"M1 2X3", "nombre attendu, 'X' trouvé"},
		{"M1 2e", "nombre attendu, 'e' trouvé"},
		{"M1,,2", "nombre attendu, ',' trouvé"},
		{"M0 0A1 1 0 2 0 5 5", "drapeau d’arc attendu (0 ou 1)"},
		{"M0 0Z1", "nombre inattendu après la commande Z"},
		{"M1e999 0", "nombre \"1e999\" hors limites"},
	}
	for _, tt := range tests {
		_, err := parsePath(tt.d)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("parsePath(%q) error = %v, want %q", tt.d, err, tt.msg)
		}
	}
}

// FuzzParsePath checks that no path data makes the parser panic or loop,
// and that whatever it accepts keeps the invariants picto relies on.
func FuzzParsePath(f *testing.F) {
	for _, d := range []string{
		// Real path data of Material Icons (filled): place, help, update, language.
		"M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 0 1 0-5 2.5 2.5 0 0 1 0 5z",
		"M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 17h-2v-2h2v2zm2.07-7.75-.9.92C13.45 12.9 13 13.5 13 15h-2v-.5c0-1.1.45-2.1 1.17-2.83l1.24-1.26c.37-.36.59-.86.59-1.41 0-1.1-.9-2-2-2s-2 .9-2 2H8c0-2.21 1.79-4 4-4s4 1.79 4 4c0 .88-.36 1.68-.93 2.25z",
		"M21 10.12h-6.78l2.74-2.82c-2.73-2.7-7.15-2.8-9.88-.1-2.73 2.71-2.73 7.08 0 9.79s7.15 2.71 9.88 0C18.32 15.65 19 14.08 19 12.1h2c0 1.98-.88 4.55-2.64 6.29-3.51 3.48-9.21 3.48-12.72 0-3.5-3.47-3.53-9.11-.02-12.58s9.14-3.47 12.65 0L21 3v7.12zM12.5 8v4.25l3.5 2.08-.72 1.21L11 13V8h1.5z",
		"M14.34 14H9.66c-.09-.66-.16-1.32-.16-2 0-.68.07-1.35.16-2h4.68c.09.65.16 1.32.16 2 0 .68-.07 1.34-.16 2zm.25 5.56c.6-1.11 1.06-2.31 1.38-3.56h2.95a8.03 8.03 0 0 1-4.33 3.56z",
		"M0 0Q3 3 6 0T12 0t6 0", "M.5.5L1-2", "M0 0a5 5 0 1010 0", "M1e1-1E-1", "M0 0ZL2 2",
		"M0 0L1e308 0-1e308 0A1e308 1 0 0 1 1e308 1e308", // overflowing arithmetic
	} {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, d string) {
		segs, err := parsePath(d)
		if err != nil {
			return
		}
		open := false
		for i, s := range segs {
			switch {
			case s.op == moveTo && open, s.op != moveTo && !open:
				t.Fatalf("parsePath(%q): segment %d (%v) breaks the subpath structure", d, i, s.op)
			}
			open = s.op != closePath
			for _, q := range s.p {
				if math.IsNaN(q.x) || math.IsNaN(q.y) || math.IsInf(q.x, 0) || math.IsInf(q.y, 0) {
					t.Fatalf("parsePath(%q): segment %d has point %v", d, i, q)
				}
			}
		}
		if open {
			t.Fatalf("parsePath(%q): last subpath not closed", d)
		}
	})
}
