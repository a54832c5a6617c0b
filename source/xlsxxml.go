package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a small streaming XML tokenizer for the parts of a
// workbook: encoding/xml allocates for every token and was most of the time
// of reading a sheet. It keeps encoding/xml's strictness where a sheet
// depends on it (tags closed in order, known entities, valid characters in
// the text it decodes) and stops at the first fault, as excelize did.
type xmlScanner struct {
	r     *bufio.Reader
	rc    io.Closer // what r reads from, when it is to be closed
	kind  xmlKind
	name  []byte   // local name of the current start or end tag
	attrs []byte   // the attributes of the current start tag, undecoded
	raw   []byte   // the current text, undecoded
	cdata bool     // raw is a CDATA section, taken as it is
	stack [][]byte // names of the open elements
	depth int      // open elements; stack[:depth] is in use
	close bool     // the current start tag closes itself: its end comes next
	buf   []byte
	err   error
}

type xmlKind int

const (
	xmlEOF xmlKind = iota
	xmlStart
	xmlEnd
	xmlText
)

var (
	errXMLSyntax = errors.New("XML mal formé")
	errXMLEnd    = fmt.Errorf("%w : fin inattendue", errXMLSyntax)
)

// readError is what a read error means: the end of the XML, clean when
// no element is open, or a fault of the archive.
func (s *xmlScanner) readError(err error) error {
	switch {
	case err != io.EOF:
		return err
	case s.depth > 0:
		return errXMLEnd
	}
	return nil
}

// damaged tells whether reading stopped on a fault of the archive rather
// than of the XML.
func (s *xmlScanner) damaged() bool {
	return s.err != nil && !errors.Is(s.err, errXMLSyntax)
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next moves to the next token and returns its kind; xmlEOF at the end or
// at the first fault, which err then holds.
func (s *xmlScanner) next() xmlKind {
	s.kind = s.step()
	return s.kind
}

func (s *xmlScanner) step() xmlKind {
	if s.err != nil {
		return xmlEOF
	}
	if s.close {
		s.close = false
		return s.pop(s.name)
	}
	c, err := s.r.ReadByte()
	if err != nil {
		return s.fail(s.readError(err))
	}
	if c != '<' {
		s.r.UnreadByte()
		raw, ok := s.until('<', false)
		if ok {
			s.r.UnreadByte()
			raw = raw[:len(raw)-1]
		}
		s.raw, s.cdata = raw, false
		return xmlText
	}
	c, err = s.r.ReadByte()
	if err != nil {
		return s.fail(s.readError(err))
	}
	switch c {
	case '/':
		tag, ok := s.until('>', false)
		if !ok {
			return s.fail(errXMLEnd)
		}
		return s.pop(localName(bytes.TrimSpace(tag[:len(tag)-1])))
	case '?':
		s.skipPast("?>")
		return s.step()
	case '!':
		head, _ := s.r.Peek(7)
		switch {
		case bytes.HasPrefix(head, []byte("--")):
			s.r.Discard(2)
			s.skipPast("-->")
			return s.step()
		case bytes.Equal(head, []byte("[CDATA[")):
			s.r.Discard(7)
			raw, ok := s.skipPast("]]>")
			if !ok {
				return xmlEOF
			}
			s.raw, s.cdata = raw[:len(raw)-3], true
			return xmlText
		}
		if _, ok := s.until('>', false); !ok {
			return s.fail(errXMLEnd)
		}
		return s.step()
	}
	s.r.UnreadByte()
	tag, ok := s.until('>', true)
	if !ok {
		return s.fail(errXMLEnd)
	}
	tag = tag[:len(tag)-1]
	if s.close = bytes.HasSuffix(tag, []byte("/")); s.close {
		tag = tag[:len(tag)-1]
	}
	end := bytes.IndexAny(tag, " \t\r\n")
	if end < 0 {
		end = len(tag)
	}
	if end == 0 {
		return s.fail(errXMLSyntax)
	}
	s.name, s.attrs = localName(tag[:end]), tag[end:]
	if s.depth == len(s.stack) {
		s.stack = append(s.stack, nil)
	}
	s.stack[s.depth] = append(s.stack[s.depth][:0], s.name...)
	s.depth++
	return xmlStart
}

// pop closes the innermost element, which must be named name.
func (s *xmlScanner) pop(name []byte) xmlKind {
	if s.depth == 0 || !bytes.Equal(s.stack[s.depth-1], name) {
		return s.fail(errXMLSyntax)
	}
	s.depth--
	s.name = s.stack[s.depth]
	return xmlEnd
}

func (s *xmlScanner) fail(err error) xmlKind {
	s.err = err
	return xmlEOF
}

// until reads up to and including delim, and tells whether it found it
// (else err may tell why); quoted, it does not stop inside attribute
// values. The result is valid until the next read.
func (s *xmlScanner) until(delim byte, quoted bool) ([]byte, bool) {
	s.buf = s.buf[:0]
	var quote byte
	for {
		chunk, err := s.r.ReadSlice(delim)
		if quoted {
			for _, c := range chunk {
				switch {
				case quote == 0 && (c == '"' || c == '\''):
					quote = c
				case c == quote:
					quote = 0
				}
			}
		}
		switch {
		case err == nil && quote == 0 && len(s.buf) == 0:
			return chunk, true
		case err == nil && quote == 0:
			return append(s.buf, chunk...), true
		case err == nil || err == bufio.ErrBufferFull:
			s.buf = append(s.buf, chunk...)
		default:
			s.err = s.readError(err)
			return append(s.buf, chunk...), false
		}
	}
}

// skipPast reads up to and including end, returning what it read, and
// whether it found end: the XML may not end before it.
func (s *xmlScanner) skipPast(end string) ([]byte, bool) {
	var all []byte
	for {
		chunk, ok := s.until(end[len(end)-1], false)
		if !ok {
			if s.err == nil {
				s.err = errXMLEnd
			}
			return nil, false
		}
		all = append(all, chunk...)
		if bytes.HasSuffix(all, []byte(end)) {
			return all, true
		}
	}
}

// localName drops the namespace prefix, as encoding/xml's Name.Local does.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// is tells whether the current token is a start or end tag named name.
func (s *xmlScanner) is(kind xmlKind, name string) bool {
	return s.kind == kind && string(s.name) == name
}

// attr returns the decoded value of the current start tag's last
// attribute named name (by its local name), and whether it is there.
func (s *xmlScanner) attr(name string) (value string, found bool) {
	s.eachAttr(func(key []byte, v string) bool {
		if string(key) == name {
			value, found = v, true
		}
		return true
	})
	return value, found
}

// eachAttr calls fn on the attributes of the current start tag in their
// order, by local name and decoded value, while fn returns true.
func (s *xmlScanner) eachAttr(fn func(name []byte, value string) bool) {
	a := s.attrs
	for {
		a = bytes.TrimLeft(a, " \t\r\n")
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return
		}
		key := localName(bytes.TrimSpace(a[:eq]))
		a = bytes.TrimLeft(a[eq+1:], " \t\r\n")
		if len(a) == 0 || a[0] != '"' && a[0] != '\'' {
			return
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return
		}
		v, ok := decodeText(a[1 : end+1])
		if !ok {
			s.err = errXMLSyntax
			return
		}
		if !fn(key, v) {
			return
		}
		a = a[end+2:]
	}
}

// text returns the character data of the element just started, up to its
// end, leaving out what its child elements hold, as encoding/xml does when
// it decodes an element into a string.
func (s *xmlScanner) text() string {
	var (
		out   []byte
		depth = s.depth
	)
	for {
		switch s.next() {
		case xmlEOF:
			return ""
		case xmlEnd:
			if s.depth < depth {
				return string(out)
			}
		case xmlText:
			if s.depth != depth {
				continue
			}
			if s.cdata {
				out = append(out, s.raw...)
				continue
			}
			v, ok := decodeText(s.raw)
			if !ok {
				s.err = errXMLSyntax
				return ""
			}
			out = append(out, v...)
		}
	}
}

// eachChild calls fn on each child element of the element just started,
// up to its end; what fn leaves of a child is skipped.
func (s *xmlScanner) eachChild(fn func()) {
	depth := s.depth
	for {
		switch s.next() {
		case xmlEOF:
			return
		case xmlEnd:
			if s.depth < depth {
				return
			}
		case xmlStart:
			fn()
			if s.depth > depth {
				s.skip()
			}
		}
	}
}

// skip moves past the end of the element just started.
func (s *xmlScanner) skip() {
	for depth := s.depth; s.depth >= depth; {
		if s.next() == xmlEOF {
			return
		}
	}
}

// decodeText resolves the entities of XML text, turns line ends into "\n"
// and checks the characters, as encoding/xml does.
func decodeText(raw []byte) (string, bool) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 && plainText(raw) {
		return string(raw), true
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '&':
			end := bytes.IndexByte(raw[i:], ';')
			if end < 0 {
				return "", false
			}
			r, ok := entity(string(raw[i+1 : i+end]))
			if !ok {
				return "", false
			}
			out = utf8.AppendRune(out, r)
			i += end
		default:
			out = append(out, c)
		}
	}
	return string(out), plainText(out)
}

func entity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var (
		n   uint64
		err error
	)
	if name[1] == 'x' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || !xmlChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// plainText tells whether b is UTF-8 made of characters XML allows.
func plainText(b []byte) bool {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
