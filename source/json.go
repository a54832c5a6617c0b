package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
)

const malformedJSON = "JSON mal formé à cet endroit ; la suite du fichier ne peut pas être lue"

// maxJSONDepth bounds the nesting of JSON values, against stack exhaustion.
const maxJSONDepth = 32

// jsonDecoder streams the objects of a JSON or GeoJSON file: the elements of
// a top-level array, of the array held by a wrapper object ({"data": [...]},
// a FeatureCollection's "features"), or a sequence of top-level objects
// (JSON Lines). It holds one object at a time.
//
// The structure around the objects is walked with json.Decoder tokens; each
// array element is decoded whole as raw bytes, which json.Decoder checks,
// then parsed by parseJSON into a jvalue: this is several times faster than
// reading the elements token by token.
type jsonDecoder struct {
	name    string
	dec     *json.Decoder
	lines   *lineCounter
	raw     json.RawMessage // the element being decoded, reused
	parser  jsonParser
	inArray bool   // reading the elements of a records array
	wrapper string // key of that array in its wrapper object, "" at top level
	pending *element
	index   int // elements read so far
	seen    map[string]bool
	cols    []string
	byName  map[string]int // reused by flatten
	names   []string       // reused by flatten
	ignored []string       // wrapper keys that were not read, with their value
	meta    metaFields     // those that may say what the dataset is
}

// element is an array element or top-level object, and where it starts.
type element struct {
	v   jvalue
	pos Position
}

func newJSONDecoder(name string, text io.Reader) *jsonDecoder {
	lines := &lineCounter{r: text, line: 1}
	dec := json.NewDecoder(lines)
	dec.UseNumber()
	return &jsonDecoder{
		name: name, dec: dec, lines: lines,
		parser: jsonParser{keys: map[string]string{}},
		seen:   map[string]bool{}, byName: map[string]int{}, meta: metaFields{},
	}
}

func (d *jsonDecoder) columns() []string  { return d.cols }
func (d *jsonDecoder) metadata() Metadata { return d.meta.metadata() }
func (d *jsonDecoder) emptyRows() int     { return 0 }

func (d *jsonDecoder) notes() []string {
	if len(d.ignored) == 0 {
		return nil
	}
	return []string{sprintf("les lieux sont lus dans le tableau %s ; autres clés ignorées : %s",
		guillemets(d.wrapper), strings.Join(d.ignored, ", "))}
}

func (d *jsonDecoder) next() (Record, error) {
	for {
		if d.pending != nil {
			e := *d.pending
			d.pending = nil
			return d.record(e)
		}
		if d.inArray {
			if !d.dec.More() {
				if _, err := d.token(); err != nil { // ]
					return Record{}, err
				}
				d.inArray = false
				if d.wrapper != "" {
					if err := d.finishWrapper(); err != nil {
						return Record{}, err
					}
				}
				continue
			}
			e, err := d.element()
			if err != nil {
				return Record{}, err
			}
			return d.record(e)
		}

		tok, err := d.dec.Token()
		if err == io.EOF {
			return Record{}, io.EOF
		}
		if err != nil {
			return Record{}, d.fatal(err, Position{})
		}
		switch tok {
		case json.Delim('['):
			d.inArray, d.wrapper = true, ""
		case json.Delim('{'):
			pos := Position{Index: d.index + 1, Line: d.lineHere()}
			v, found, err := d.topObject(pos)
			if err != nil {
				return Record{}, err
			}
			if !found {
				return d.record(element{v, pos})
			}
		default:
			return Record{}, newError(d.name, Position{Line: d.lineHere()}, nil,
				"le fichier JSON contient une valeur isolée là où une liste de lieux est attendue")
		}
	}
}

// record turns one element of the records array into a record.
func (d *jsonDecoder) record(e element) (Record, error) {
	d.index++
	if e.v.kind != kindObject {
		return Record{}, newRowError(d.name, e.pos, "cet élément est %s et non un objet", e.v.describe())
	}
	rec := d.flatten(e.v)
	rec.Pos = e.pos
	for _, f := range rec.Fields {
		if !d.seen[f.Name] {
			d.seen[f.Name] = true
			d.cols = append(d.cols, f.Name)
		}
	}
	return rec, nil
}

// element decodes the next array element whole and parses it.
func (d *jsonDecoder) element() (element, error) {
	pos := Position{Index: d.index + 1}
	if err := d.dec.Decode(&d.raw); err != nil {
		return element{}, d.fatal(err, pos)
	}
	pos.Line = d.lines.lineAt(d.dec.InputOffset() - int64(len(d.raw)))
	v, err := d.parser.parse(d.raw)
	if err != nil {
		return element{}, d.fatal(err, pos)
	}
	return element{v, pos}, nil
}

// topObject reads a top-level object after its "{" at pos. If one of its
// keys holds the records array (an array of objects, or GeoJSON
// "features"), it starts that array, sets the first element pending and
// reports found; otherwise the object is itself a record.
func (d *jsonDecoder) topObject(pos Position) (obj jvalue, found bool, err error) {
	obj.kind = kindObject
	for d.dec.More() {
		key, tok, err := d.member()
		if err != nil {
			return obj, false, err
		}
		// An array of objects makes this object a wrapper, unless the object
		// already looks like a place (a list of mediators in a JSON Lines
		// record, say) or the array is the dataset's licences.
		_, hasNom := obj.get("nom")
		_, hasID := obj.get("id")
		v, first, err := d.value(tok, key == "features", !hasNom && !hasID && !licenceKey(key))
		if err != nil {
			return obj, false, err
		}
		if first == nil {
			obj.keys, obj.vals = append(obj.keys, key), append(obj.vals, v)
			continue
		}
		d.wrapper = key
		for i, k := range obj.keys {
			d.ignore(k, obj.vals[i])
		}
		if first.pos.Index == 0 { // an empty array, already read
			return obj, true, d.finishWrapper()
		}
		d.inArray, d.pending = true, first
		return obj, true, nil
	}
	_, err = d.token() // }
	return obj, false, err
}

// finishWrapper reads the keys that follow the records array in its wrapper
// object. A second array of objects cannot be read and is a fatal error.
func (d *jsonDecoder) finishWrapper() error {
	for d.dec.More() {
		key, tok, err := d.member()
		if err != nil {
			return err
		}
		v, first, err := d.value(tok, false, !licenceKey(key))
		if err != nil {
			return err
		}
		if first != nil {
			return newError(d.name, Position{Line: first.pos.Line}, nil,
				"un second tableau d’objets, %s, suit le tableau %s : il n’est pas lu, car le fichier ne doit contenir qu’une liste de lieux",
				guillemets(key), guillemets(d.wrapper))
		}
		d.ignore(key, v)
	}
	_, err := d.token() // }
	return err
}

// value reads the value of a top-level object's member, which starts with
// tok. When it is a records array (any array when records is set, an array
// whose first element is an object when objects is set) it stops after the
// first element and returns it as first; first has no position when the
// array is empty.
func (d *jsonDecoder) value(tok json.Token, records, objects bool) (v jvalue, first *element, err error) {
	switch tok {
	case json.Delim('{'):
		v.kind = kindObject
		for d.dec.More() {
			key, err := d.key()
			if err != nil {
				return v, nil, err
			}
			e, err := d.element()
			if err != nil {
				return v, nil, err
			}
			v.keys, v.vals = append(v.keys, key), append(v.vals, e.v)
		}
		_, err = d.token() // }
		return v, nil, err
	case json.Delim('['):
		v.kind = kindArray
		for d.dec.More() {
			e, err := d.element()
			if err != nil {
				return v, nil, err
			}
			if len(v.vals) == 0 && (records || objects && e.v.kind == kindObject) {
				return v, &e, nil
			}
			v.vals = append(v.vals, e.v)
		}
		if _, err = d.token(); err != nil { // ]
			return v, nil, err
		}
		if records {
			return v, &element{}, nil
		}
		return v, nil, nil
	}
	return scalar(tok), nil, nil
}

// scalar converts a scalar token.
func scalar(tok json.Token) jvalue {
	switch t := tok.(type) {
	case string:
		return jvalue{kind: kindString, text: t}
	case json.Number:
		return jvalue{kind: kindNumber, text: string(t)}
	case bool:
		if t {
			return jvalue{kind: kindBool, text: "true"}
		}
		return jvalue{kind: kindBool, text: "false"}
	}
	return jvalue{kind: kindNull}
}

// ignore records a wrapper key that is not read; GeoJSON's own members are
// expected and not worth a note.
func (d *jsonDecoder) ignore(key string, v jvalue) {
	if d.wrapper != "features" || key != "name" { // a GeoJSON name is a layer's, not the dataset's
		d.meta.take(key, v)
	}
	if d.wrapper == "features" {
		switch key {
		case "type", "name", "crs", "bbox":
			return
		}
	}
	s := guillemets(key)
	if v.scalar() {
		s += " (" + excerpt(v.text) + ")"
	}
	d.ignored = append(d.ignored, s)
}

// member reads an object key and the first token of its value.
func (d *jsonDecoder) member() (string, json.Token, error) {
	key, err := d.key()
	if err != nil {
		return "", nil, err
	}
	tok, err := d.token()
	return key, tok, err
}

func (d *jsonDecoder) key() (string, error) {
	k, err := d.token()
	key, _ := k.(string)
	return key, err
}

// token reads a token inside a value, where the end of the input is an error.
func (d *jsonDecoder) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, d.fatal(err, Position{})
	}
	return tok, nil
}

// lineHere returns the line of the last token read (which cannot span lines).
func (d *jsonDecoder) lineHere() int {
	return d.lines.lineAt(d.dec.InputOffset() - 1)
}

// fatal explains a JSON error in French; pos is the element being read, if
// known.
func (d *jsonDecoder) fatal(err error, pos Position) error {
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		return newError(d.name, Position{Line: d.lines.lineAt(syntax.Offset - 1)}, err, malformedJSON)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return newError(d.name, pos, err,
			"le fichier JSON s’arrête au milieu d’une valeur : il est sans doute incomplet (téléchargement interrompu ?)")
	case errors.Is(err, errTooDeep):
		return newError(d.name, pos, err, "valeurs JSON imbriquées sur plus de %d niveaux", maxJSONDepth)
	case errors.Is(err, errMalformed):
		return newError(d.name, pos, err, malformedJSON)
	}
	return readError(d.name, pos, err)
}

// lineCounter counts lines in what the JSON decoder reads, so that an input
// offset can be turned into a line number. Offsets are asked in increasing
// order; it only keeps the bytes between the last offset asked and the end
// of what the decoder has read.
type lineCounter struct {
	r       io.Reader
	pending []byte // bytes read from offset base on
	base    int64
	line    int // line at offset base
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.pending = append(l.pending, p[:n]...)
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off.
func (l *lineCounter) lineAt(off int64) int {
	k := int(min(max(off-l.base, 0), int64(len(l.pending))))
	l.line += bytes.Count(l.pending[:k], []byte{'\n'})
	l.pending = l.pending[:copy(l.pending, l.pending[k:])]
	l.base += int64(k)
	return l.line
}

var (
	errTooDeep   = errors.New("json: nested too deep")
	errMalformed = errors.New("json: malformed value")
)

// jsonParser parses one JSON value that json.Decoder has already checked.
// It still checks what it relies on, so that no input makes it panic.
type jsonParser struct {
	b    []byte
	i    int
	keys map[string]string // interned object keys: most objects share them
	// Per-depth scratch for the members being read: the value gets copies
	// of the exact size, one allocation each.
	scratchKeys [maxJSONDepth][]string
	scratchVals [maxJSONDepth][]jvalue
}

func (p *jsonParser) parse(b []byte) (jvalue, error) {
	p.b, p.i = b, 0
	v, err := p.value(0)
	p.b = nil
	return v, err
}

func (p *jsonParser) value(depth int) (jvalue, error) {
	p.skipSpace()
	if p.i >= len(p.b) {
		return jvalue{}, errMalformed
	}
	switch c := p.b[p.i]; c {
	case '{', '[':
		if depth >= maxJSONDepth {
			return jvalue{}, errTooDeep
		}
		if c == '{' {
			return p.object(depth)
		}
		return p.array(depth)
	case '"':
		s, err := p.str(false)
		return jvalue{kind: kindString, text: s}, err
	case 't':
		return p.literal("true", jvalue{kind: kindBool, text: "true"})
	case 'f':
		return p.literal("false", jvalue{kind: kindBool, text: "false"})
	case 'n':
		return p.literal("null", jvalue{kind: kindNull})
	}
	start := p.i
	for p.i < len(p.b) && strings.IndexByte("+-.0123456789eE", p.b[p.i]) >= 0 {
		p.i++
	}
	if p.i == start {
		return jvalue{}, errMalformed
	}
	return jvalue{kind: kindNumber, text: string(p.b[start:p.i])}, nil
}

func (p *jsonParser) literal(word string, v jvalue) (jvalue, error) {
	if !bytes.HasPrefix(p.b[p.i:], []byte(word)) {
		return jvalue{}, errMalformed
	}
	p.i += len(word)
	return v, nil
}

func (p *jsonParser) object(depth int) (jvalue, error) {
	keys, vals := p.scratchKeys[depth][:0], p.scratchVals[depth][:0]
	defer func() { p.scratchKeys[depth], p.scratchVals[depth] = keys, vals }()
	p.i++ // {
	if p.skipSpace(); p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return jvalue{kind: kindObject}, nil
	}
	for {
		if p.skipSpace(); p.i >= len(p.b) || p.b[p.i] != '"' {
			return jvalue{}, errMalformed
		}
		key, err := p.str(true)
		if err != nil {
			return jvalue{}, err
		}
		if p.skipSpace(); p.i >= len(p.b) || p.b[p.i] != ':' {
			return jvalue{}, errMalformed
		}
		p.i++
		e, err := p.value(depth + 1)
		if err != nil {
			return jvalue{}, err
		}
		keys, vals = append(keys, key), append(vals, e)
		if done, err := p.next('}'); done || err != nil {
			return jvalue{kind: kindObject, keys: slices.Clone(keys), vals: slices.Clone(vals)}, err
		}
	}
}

func (p *jsonParser) array(depth int) (jvalue, error) {
	vals := p.scratchVals[depth][:0]
	defer func() { p.scratchVals[depth] = vals }()
	p.i++ // [
	if p.skipSpace(); p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		return jvalue{kind: kindArray}, nil
	}
	for {
		e, err := p.value(depth + 1)
		if err != nil {
			return jvalue{}, err
		}
		vals = append(vals, e)
		if done, err := p.next(']'); done || err != nil {
			return jvalue{kind: kindArray, vals: slices.Clone(vals)}, err
		}
	}
}

// next reads the comma between two members or elements, or the closing
// byte, and reports whether it was the closing one.
func (p *jsonParser) next(closing byte) (done bool, err error) {
	if p.skipSpace(); p.i >= len(p.b) {
		return false, errMalformed
	}
	switch p.b[p.i] {
	case ',':
		p.i++
		return false, nil
	case closing:
		p.i++
		return true, nil
	}
	return false, errMalformed
}

// str reads a string; keys are interned.
func (p *jsonParser) str(key bool) (string, error) {
	start := p.i // the opening quote
	escaped := false
	i := start + 1
	for i < len(p.b) && p.b[i] != '"' {
		if p.b[i] == '\\' {
			escaped = true
			i++
		}
		i++
	}
	if i >= len(p.b) {
		return "", errMalformed
	}
	p.i = i + 1
	raw := p.b[start+1 : i]
	if escaped {
		var s string
		if err := json.Unmarshal(p.b[start:p.i], &s); err != nil {
			return "", errMalformed
		}
		return s, nil
	}
	if !key {
		return string(raw), nil
	}
	if s, ok := p.keys[string(raw)]; ok {
		return s, nil
	}
	s := string(raw)
	if len(p.keys) < 1024 {
		p.keys[s] = s
	}
	return s, nil
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}
