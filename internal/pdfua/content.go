package pdfua

import (
	"bytes"
	"strconv"
)

// token is one token of a content stream.
type token struct {
	kind byte // 'o' operator, 'n' name, 'd' inline dictionary, 'v' other operand
	text string
}

// tokenize splits a content stream into operands and operators. Strings,
// arrays and dictionaries are single tokens; their content is kept only
// for inline dictionaries (the properties of BDC).
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
			depth := 0
			for i < n {
				if data[i] == '\\' {
					i += 2
					continue
				}
				if data[i] == '(' {
					depth++
				} else if data[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
				i++
			}
			toks = append(toks, token{'v', ""})
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
			for i < n && data[i] != '>' {
				i++
			}
			i++
			toks = append(toks, token{'v', ""})
		case c == '[' || c == ']':
			i++ // array contents are operands; nothing to keep
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

// marked is what a content stream's marked-content sequences hold.
type marked struct {
	mcids     []int // MCIDs in order
	untagged  int   // painting operators outside any tagged or artifact sequence
	nestedBad int   // MCID inside an artifact, or artifact inside an MCID
	unclosed  bool
}

func scanContent(data []byte) marked {
	var m marked
	type frame struct{ artifact, mcid bool }
	var stack []frame
	inArtifact := func() bool {
		for _, f := range stack {
			if f.artifact {
				return true
			}
		}
		return false
	}
	inMCID := func() bool {
		for _, f := range stack {
			if f.mcid {
				return true
			}
		}
		return false
	}
	toks := tokenize(data)
	for i, t := range toks {
		if t.kind != 'o' {
			continue
		}
		switch t.text {
		case "BMC":
			tag := ""
			if i > 0 && toks[i-1].kind == 'n' {
				tag = toks[i-1].text
			}
			stack = append(stack, frame{artifact: tag == "Artifact"})
			if tag == "Artifact" && inMCID() {
				m.nestedBad++
			}
		case "BDC":
			tag, props := "", ""
			if i > 1 && toks[i-2].kind == 'n' {
				tag = toks[i-2].text
			}
			if i > 0 {
				props = toks[i-1].text
			}
			f := frame{artifact: tag == "Artifact"}
			if id, ok := mcidOf(props); ok && !f.artifact {
				f.mcid = true
				if inArtifact() {
					m.nestedBad++
				}
				m.mcids = append(m.mcids, id)
			}
			if f.artifact && inMCID() {
				m.nestedBad++
			}
			stack = append(stack, f)
		case "EMC":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			if painting[t.text] && !inArtifact() && !inMCID() {
				m.untagged++
			}
		}
	}
	m.unclosed = len(stack) > 0
	return m
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
