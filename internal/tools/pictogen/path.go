package main

import (
	"fmt"
	"math"
	"strconv"
)

// parsePath converts SVG path data (the d attribute) into absolute segments
// of four kinds: quadratic curves become cubics, arcs become cubics, H and V
// become lines. It follows the grammar of SVG 1.1 §8.3: relative and absolute
// commands, implicit repetition of the last command (after a moveto,
// repetitions are linetos), numbers written without separators ("1-2",
// ".5.5", "1e-3") and arc flags written without separators ("a1 1 0 011 1").
// Unlike a browser, which draws up to the first error, it rejects the whole
// path: a generator must not silently emit half an icon.
func parsePath(d string) ([]segment, error) {
	s := scanner{s: d}
	var (
		p       pen
		cmd     byte  // current command, repeated while numbers follow
		prev    byte  // previous command, in upper case, for S and T
		ctrl    point // last control point of the previous C/S or Q/T
		started bool
	)
	for {
		s.skipSpace()
		if s.done() {
			break
		}
		c := s.s[s.i]
		switch {
		case isCommand(c):
			s.i++
			cmd = c
		case cmd == 0:
			return nil, s.errorf("le tracé doit commencer par une commande, pas par %q", c)
		case cmd == 'Z' || cmd == 'z':
			return nil, s.errorf("nombre inattendu après la commande Z")
		}
		if !started && cmd != 'M' && cmd != 'm' {
			return nil, s.errorf("le tracé doit commencer par M ou m, pas par %c", cmd)
		}
		started = true

		rel := cmd >= 'a' // lower-case commands are relative to the current point
		at := func(x, y float64) point {
			if rel {
				return point{p.cur.x + x, p.cur.y + y}
			}
			return point{x, y}
		}
		var nums [7]float64
		upper := cmd &^ 0x20
		if err := s.numbers(nums[:arity[upper]], upper == 'A'); err != nil {
			return nil, err
		}
		switch upper {
		case 'M':
			p.moveTo(at(nums[0], nums[1]))
			cmd -= 'M' - 'L' // further pairs are implicit linetos (m → l)
		case 'L':
			p.lineTo(at(nums[0], nums[1]))
		case 'H':
			x := nums[0]
			if rel {
				x += p.cur.x
			}
			p.lineTo(point{x, p.cur.y})
		case 'V':
			y := nums[0]
			if rel {
				y += p.cur.y
			}
			p.lineTo(point{p.cur.x, y})
		case 'C':
			c1, c2, end := at(nums[0], nums[1]), at(nums[2], nums[3]), at(nums[4], nums[5])
			p.cubeTo(c1, c2, end)
			ctrl = c2
		case 'S':
			c1 := p.cur // without a previous C or S, the first control point is the current point
			if prev == 'C' || prev == 'S' {
				c1 = p.cur.add(p.cur.sub(ctrl))
			}
			c2, end := at(nums[0], nums[1]), at(nums[2], nums[3])
			p.cubeTo(c1, c2, end)
			ctrl = c2
		case 'Q':
			c, end := at(nums[0], nums[1]), at(nums[2], nums[3])
			p.quadTo(c, end)
			ctrl = c
		case 'T':
			c := p.cur
			if prev == 'Q' || prev == 'T' {
				c = p.cur.add(p.cur.sub(ctrl))
			}
			end := at(nums[0], nums[1])
			p.quadTo(c, end)
			ctrl = c
		case 'A':
			p.arcTo(nums[0], nums[1], nums[2], nums[3] != 0, nums[4] != 0, at(nums[5], nums[6]))
		case 'Z':
			p.closePath()
		}
		prev = upper
	}
	segs := p.finish()
	if err := checkFinite(segs); err != nil {
		return nil, fmt.Errorf("tracé %q : %w", abbreviate(d), err)
	}
	return segs, nil
}

// arity is the number of arguments of each command, indexed by the upper
// case letter.
var arity = [128]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}

func isCommand(c byte) bool {
	switch c &^ 0x20 { // clearing bit 5 upper-cases an ASCII letter
	case 'M', 'L', 'H', 'V', 'C', 'S', 'Q', 'T', 'A', 'Z':
		return true
	}
	return false
}

func checkFinite(segs []segment) error {
	for _, sg := range segs {
		for _, q := range sg.p {
			if math.IsInf(q.x, 0) || math.IsNaN(q.x) || math.IsInf(q.y, 0) || math.IsNaN(q.y) {
				return fmt.Errorf("coordonnée hors limites")
			}
		}
	}
	return nil
}

// scanner reads the numbers of path data and of other attributes.
type scanner struct {
	s string
	i int
}

func (s *scanner) done() bool { return s.i >= len(s.s) }

func (s *scanner) errorf(format string, args ...any) error {
	return fmt.Errorf("%q, caractère %d : %s", abbreviate(s.s), s.i+1, fmt.Sprintf(format, args...))
}

func (s *scanner) skipSpace() {
	for !s.done() && isSpace(s.s[s.i]) {
		s.i++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// skipSeparator skips the comma-wsp between two arguments: spaces with at
// most one comma.
func (s *scanner) skipSeparator() {
	s.skipSpace()
	if !s.done() && s.s[s.i] == ',' {
		s.i++
		s.skipSpace()
	}
}

// numbers reads len(dst) arguments. With arc set, arguments 4 and 5 are the
// arc flags, single digits 0 or 1 that need no separator.
func (s *scanner) numbers(dst []float64, arc bool) error {
	for k := range dst {
		if k > 0 {
			s.skipSeparator()
		} else {
			s.skipSpace()
		}
		if arc && (k == 3 || k == 4) {
			if s.done() || (s.s[s.i] != '0' && s.s[s.i] != '1') {
				return s.errorf("drapeau d’arc attendu (0 ou 1)")
			}
			dst[k] = float64(s.s[s.i] - '0')
			s.i++
			continue
		}
		v, err := s.number()
		if err != nil {
			return err
		}
		dst[k] = v
	}
	return nil
}

// number reads one number: sign? (digits ("." digits?)? | "." digits) exponent?
func (s *scanner) number() (float64, error) {
	start := s.i
	if !s.done() && (s.s[s.i] == '+' || s.s[s.i] == '-') {
		s.i++
	}
	digits := s.digits()
	if !s.done() && s.s[s.i] == '.' {
		s.i++
		digits += s.digits()
	}
	if digits == 0 {
		s.i = start
		if s.done() {
			return 0, s.errorf("nombre attendu, fin du tracé trouvée")
		}
		return 0, s.errorf("nombre attendu, %q trouvé", s.s[s.i])
	}
	// An exponent counts only when digits follow; otherwise the "e" is left
	// for the caller, which will reject it as an unknown command.
	if !s.done() && (s.s[s.i] == 'e' || s.s[s.i] == 'E') {
		j := s.i + 1
		if j < len(s.s) && (s.s[j] == '+' || s.s[j] == '-') {
			j++
		}
		if j < len(s.s) && isDigit(s.s[j]) {
			s.i = j
			s.digits()
		}
	}
	v, err := strconv.ParseFloat(s.s[start:s.i], 64)
	if err != nil {
		return 0, s.errorf("nombre %q hors limites", s.s[start:s.i])
	}
	return v, nil
}

func (s *scanner) digits() int {
	n := 0
	for !s.done() && isDigit(s.s[s.i]) {
		s.i++
		n++
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// abbreviate shortens long path data in error messages.
func abbreviate(d string) string {
	const max = 40
	if len(d) <= max {
		return d
	}
	return d[:max] + "…"
}
