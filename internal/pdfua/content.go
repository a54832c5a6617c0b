package pdfua

import (
	"bytes"
	"encoding/hex"
	"strconv"
)

// token is one token of a content stream.
type token struct {
	kind byte   // 'o' operator, 'n' name, 'd' inline dictionary, 's' string, 'v' other operand
	text string // a string's bytes, decoded
}

// tokenize splits a content stream into operands and operators. Arrays are
// flattened into their elements (the strings of TJ stay operands);
// dictionaries are single tokens, kept for the properties of BDC.
func tokenize(data []byte) []token {
	var toks []token
	i := 0
	n := len(data)
	isDelim := func(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 }
	for i < n {
		c := data[i]
		switch {
		case isSpace(c):
			i++
		case c == '%':
			for i < n && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '(':
			var s []byte
			depth := 0
			for i < n {
				ch := data[i]
				if ch == '\\' && i+1 < n {
					i++
					switch e := data[i]; e {
					case 'n':
						s = append(s, '\n')
					case 'r':
						s = append(s, '\r')
					case 't':
						s = append(s, '\t')
					case 'b':
						s = append(s, '\b')
					case 'f':
						s = append(s, '\f')
					case '\r', '\n': // a line continuation
					default:
						if e >= '0' && e <= '7' {
							v, k := 0, 0
							for ; k < 3 && i < n && data[i] >= '0' && data[i] <= '7'; k++ {
								v = v*8 + int(data[i]-'0')
								i++
							}
							s = append(s, byte(v))
							continue
						}
						s = append(s, e)
					}
					i++
					continue
				}
				switch ch {
				case '(':
					depth++
				case ')':
					depth--
				}
				if depth > 0 && !(ch == '(' && depth == 1) {
					s = append(s, ch)
				}
				i++
				if depth == 0 {
					break
				}
			}
			toks = append(toks, token{'s', string(s)})
		case c == '<' && i+1 < n && data[i+1] == '<':
			start := i
			depth := 0
			for i < n {
				if i+1 < n && data[i] == '<' && data[i+1] == '<' {
					depth++
					i += 2
					continue
				}
				if i+1 < n && data[i] == '>' && data[i+1] == '>' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
					continue
				}
				i++
			}
			toks = append(toks, token{'d', string(data[start:i])})
		case c == '<':
			var h []byte
			for i++; i < n && data[i] != '>'; i++ {
				if !isSpace(data[i]) {
					h = append(h, data[i])
				}
			}
			i++
			if len(h)%2 == 1 {
				h = append(h, '0')
			}
			s, _ := hex.DecodeString(string(h))
			toks = append(toks, token{'s', string(s)})
		case c == '[' || c == ']':
			i++ // array contents are operands
		case c == '/':
			start := i + 1
			i++
			for i < n && !isSpace(data[i]) && !isDelim(data[i]) {
				i++
			}
			toks = append(toks, token{'n', string(data[start:i])})
		default:
			start := i
			for i < n && !isSpace(data[i]) && !isDelim(data[i]) {
				i++
			}
			if i == start {
				i++ // a stray delimiter
				continue
			}
			w := string(data[start:i])
			if _, err := strconv.ParseFloat(w, 64); err == nil || w == "true" || w == "false" || w == "null" {
				toks = append(toks, token{'v', w})
				continue
			}
			toks = append(toks, token{'o', w})
			if w == "ID" { // inline image data runs to EI
				end := bytes.Index(data[i:], []byte("EI"))
				if end < 0 {
					return toks
				}
				i += end + 2
			}
		}
	}
	return toks
}

// painting operators: what puts marks on the page.
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, "\"": true,
	"f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "S": true, "s": true,
	"Do": true, "sh": true, "BI": true,
}

// marked is what the marked-content sequences of a page's content (its
// Form XObjects included) hold.
type marked struct {
	mcids       []int // MCIDs in order
	untagged    int   // painting operators outside any tagged or artifact sequence
	artInTagged int   // artifacts inside tagged content
	taggedInArt int   // tagged content (an MCID) inside an artifact
	unclosed    bool  // a sequence left open, or EMC without a sequence
}

// scan reads content streams, keeping the stack of marked-content
// sequences across the Form XObjects they draw.
type scan struct {
	marked
	stack []frame
	// text is called with the font resource name and the string of each
	// text-showing operator; form with the name of each XObject drawn,
	// reporting whether it is a Form XObject it scanned.
	// text also gets the MCID the text is marked with (-1 for none) and
	// the height of its baseline (from Td and Tm).
	text func(font, s string, mcid int, y float64)
	form func(name string) bool
}

type frame struct {
	artifact, mcid bool
	id             int // the MCID, when mcid
}

// current returns the MCID of the innermost tagged sequence, or -1.
func (sc *scan) current() int {
	for i := len(sc.stack) - 1; i >= 0; i-- {
		if sc.stack[i].mcid {
			return sc.stack[i].id
		}
	}
	return -1
}

func (sc *scan) in(artifact bool) bool {
	for _, f := range sc.stack {
		if f.artifact == artifact && (artifact || f.mcid) {
			return true
		}
	}
	return false
}

// run scans one content stream.
func (sc *scan) run(data []byte) {
	toks := tokenize(data)
	var operands []token // since the last operator
	font := ""
	y := 0.0
	for i, t := range toks {
		if t.kind != 'o' {
			operands = append(operands, t)
			continue
		}
		switch t.text {
		case "BMC", "BDC":
			tag, props := "", ""
			if t.text == "BMC" && i > 0 && toks[i-1].kind == 'n' {
				tag = toks[i-1].text
			}
			if t.text == "BDC" && i > 1 {
				if toks[i-2].kind == 'n' {
					tag = toks[i-2].text
				}
				props = toks[i-1].text
			}
			f := frame{artifact: tag == "Artifact"}
			if id, ok := mcidOf(props); ok && !f.artifact {
				f.mcid, f.id = true, id
				if sc.in(true) {
					sc.taggedInArt++
				}
				sc.mcids = append(sc.mcids, id)
			}
			if f.artifact && sc.in(false) {
				sc.artInTagged++
			}
			sc.stack = append(sc.stack, f)
		case "EMC":
			if len(sc.stack) == 0 {
				sc.unclosed = true
				break
			}
			sc.stack = sc.stack[:len(sc.stack)-1]
		case "Td", "TD":
			if len(operands) == 2 {
				dy, _ := strconv.ParseFloat(operands[1].text, 64)
				y += dy
			}
		case "Tm":
			if len(operands) == 6 {
				y, _ = strconv.ParseFloat(operands[5].text, 64)
			}
		case "BT":
			y = 0
		case "Tf":
			if len(operands) > 0 && operands[0].kind == 'n' {
				font = operands[0].text
			}
		}
		// A Form XObject's own content is scanned, and judged, in its place.
		isForm := t.text == "Do" && len(operands) > 0 && operands[0].kind == 'n' && sc.form != nil && sc.form(operands[0].text)
		if painting[t.text] && !isForm && !sc.in(true) && !sc.in(false) {
			sc.untagged++
		}
		if sc.text != nil && (t.text == "Tj" || t.text == "TJ" || t.text == "'" || t.text == "\"") {
			for _, o := range operands {
				if o.kind == 's' {
					sc.text(font, o.text, sc.current(), y)
				}
			}
		}
		operands = operands[:0]
	}
}

// scanContent scans a content stream alone (no fonts, no XObjects).
func scanContent(data []byte) marked {
	var sc scan
	sc.run(data)
	sc.unclosed = sc.unclosed || len(sc.stack) > 0
	return sc.marked
}

// mcidOf reads the MCID of an inline property dictionary.
func mcidOf(props string) (int, bool) {
	i := bytes.Index([]byte(props), []byte("/MCID"))
	if i < 0 {
		return 0, false
	}
	rest := bytes.TrimLeft([]byte(props[i+5:]), " \n\r\t")
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	id, err := strconv.Atoi(string(rest[:j]))
	return id, err == nil
}
