package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

const malformedJSON = "JSON mal formé à cet endroit ; la suite du fichier ne peut pas être lue"

// maxJSONDepth bounds the nesting of JSON values, against stack exhaustion.
const maxJSONDepth = 32

// jsonDecoder streams the objects of a JSON or GeoJSON file: the elements of
// a top-level array, of the array held by a wrapper object ({"data": [...]},
// a FeatureCollection's "features"), or a sequence of top-level objects
// (JSON Lines). It holds one object at a time.
type jsonDecoder struct {
	name    string
	format  Format
	dec     *json.Decoder
	lines   *lineCounter
	inArray bool   // reading the elements of a records array
	wrapper string // key of that array in its wrapper object, "" at top level
	pending *jvalue
	index   int      // elements read so far
	at      Position // the element being read, for errors
	seen    map[string]bool
	cols    []string
	byName  map[string]int // reused by fieldSet
	ignored []string       // wrapper keys that were not read, with their value
}

func newJSONDecoder(name string, text io.Reader, format Format) (*jsonDecoder, error) {
	lines := &lineCounter{r: text, line: 1}
	dec := json.NewDecoder(lines)
	dec.UseNumber()
	return &jsonDecoder{name: name, format: format, dec: dec, lines: lines, seen: map[string]bool{}, byName: map[string]int{}}, nil
}

func (d *jsonDecoder) columns() []string { return d.cols }
func (d *jsonDecoder) emptyRows() int    { return 0 }

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
			v := *d.pending
			d.pending = nil
			return d.element(v)
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
			tok, err := d.startElement()
			if err != nil {
				return Record{}, err
			}
			v, err := d.value(tok, 1)
			if err != nil {
				return Record{}, err
			}
			return d.element(v)
		}

		tok, err := d.dec.Token()
		if err == io.EOF {
			return Record{}, io.EOF
		}
		if err != nil {
			return Record{}, d.fatal(err)
		}
		switch tok {
		case json.Delim('['):
			d.inArray, d.wrapper = true, ""
		case json.Delim('{'):
			d.at = Position{Index: d.index + 1, Line: d.lineHere()}
			v, found, err := d.topObject()
			if err != nil {
				return Record{}, err
			}
			if !found {
				return d.element(v)
			}
		default:
			return Record{}, newError(d.name, Position{Line: d.lineHere()}, nil,
				"le fichier JSON contient une valeur isolée là où une liste de lieux est attendue")
		}
	}
}

// startElement reads the first token of an array element and notes where it
// starts.
func (d *jsonDecoder) startElement() (json.Token, error) {
	tok, err := d.token()
	if err != nil {
		return nil, err
	}
	d.at = Position{Index: d.index + 1, Line: d.lineHere()}
	return tok, nil
}

// element turns one element of the records array into a record.
func (d *jsonDecoder) element(v jvalue) (Record, error) {
	d.index++
	pos := d.at
	if v.kind != kindObject {
		return Record{}, newRowError(d.name, pos, "cet élément est %s et non un objet", v.describe())
	}
	rec := d.flatten(v)
	rec.Pos = pos
	for _, f := range rec.Fields {
		if !d.seen[f.Name] {
			d.seen[f.Name] = true
			d.cols = append(d.cols, f.Name)
		}
	}
	return rec, nil
}

// topObject reads a top-level object after its "{". If one of its keys holds
// the records array (an array of objects, or GeoJSON "features"), it starts
// that array, sets the first element pending and reports found; otherwise
// the object is itself a record.
func (d *jsonDecoder) topObject() (obj jvalue, found bool, err error) {
	obj.kind = kindObject
	for d.dec.More() {
		key, tok, err := d.member()
		if err != nil {
			return obj, false, err
		}
		if tok != json.Delim('[') {
			v, err := d.value(tok, 1)
			if err != nil {
				return obj, false, err
			}
			obj.keys, obj.vals = append(obj.keys, key), append(obj.vals, v)
			continue
		}
		if !d.dec.More() && key != "features" {
			v, err := d.array(1, nil, false)
			if err != nil {
				return obj, false, err
			}
			obj.keys, obj.vals = append(obj.keys, key), append(obj.vals, v)
			continue
		}
		var first json.Token
		if d.dec.More() {
			if first, err = d.startElement(); err != nil {
				return obj, false, err
			}
		}
		if key != "features" && first != json.Delim('{') {
			v, err := d.array(1, first, true)
			if err != nil {
				return obj, false, err
			}
			obj.keys, obj.vals = append(obj.keys, key), append(obj.vals, v)
			continue
		}
		// The records array.
		d.inArray, d.wrapper = true, key
		for i, k := range obj.keys {
			d.ignore(k, obj.vals[i])
		}
		if first != nil {
			v, err := d.value(first, 1)
			if err != nil {
				return obj, false, err
			}
			d.pending = &v
		}
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
		if tok == json.Delim('[') && d.dec.More() {
			first, err := d.token()
			if err != nil {
				return err
			}
			if first == json.Delim('{') {
				return newError(d.name, Position{Line: d.lineHere()}, nil,
					"un second tableau d’objets, %s, suit le tableau %s : il n’est pas lu, car le fichier ne doit contenir qu’une liste de lieux",
					guillemets(key), guillemets(d.wrapper))
			}
			v, err := d.array(1, first, true)
			if err != nil {
				return err
			}
			d.ignore(key, v)
			continue
		}
		v, err := d.value(tok, 1)
		if err != nil {
			return err
		}
		d.ignore(key, v)
	}
	_, err := d.token() // }
	return err
}

// ignore records a wrapper key that is not read; GeoJSON's own members are
// expected and not worth a note.
func (d *jsonDecoder) ignore(key string, v jvalue) {
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
	k, err := d.token()
	if err != nil {
		return "", nil, err
	}
	tok, err := d.token()
	key, _ := k.(string)
	return key, tok, err
}

// token reads a token inside a value, where the end of the input is an error.
func (d *jsonDecoder) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, d.fatal(err)
	}
	return tok, nil
}

// value reads the value that starts with tok.
func (d *jsonDecoder) value(tok json.Token, depth int) (jvalue, error) {
	switch t := tok.(type) {
	case json.Delim:
		if depth > maxJSONDepth {
			return jvalue{}, newError(d.name, d.at, nil, "valeurs JSON imbriquées sur plus de %d niveaux", maxJSONDepth)
		}
		switch t {
		case '[':
			return d.array(depth, nil, false)
		case '{':
			return d.object(depth)
		}
		return jvalue{}, newError(d.name, Position{Line: d.lineHere()}, nil, malformedJSON)
	case string:
		return jvalue{kind: kindString, text: t}, nil
	case json.Number:
		return jvalue{kind: kindNumber, text: string(t)}, nil
	case bool:
		if t {
			return jvalue{kind: kindBool, text: "true"}, nil
		}
		return jvalue{kind: kindBool, text: "false"}, nil
	}
	return jvalue{kind: kindNull}, nil
}

func (d *jsonDecoder) object(depth int) (jvalue, error) {
	v := jvalue{kind: kindObject}
	for d.dec.More() {
		key, tok, err := d.member()
		if err != nil {
			return v, err
		}
		e, err := d.value(tok, depth+1)
		if err != nil {
			return v, err
		}
		v.keys, v.vals = append(v.keys, key), append(v.vals, e)
	}
	_, err := d.token() // }
	return v, err
}

// array reads an array after its "["; first is its first element's token
// when hasFirst.
func (d *jsonDecoder) array(depth int, first json.Token, hasFirst bool) (jvalue, error) {
	v := jvalue{kind: kindArray}
	for hasFirst || d.dec.More() {
		tok := first
		if !hasFirst {
			var err error
			if tok, err = d.token(); err != nil {
				return v, err
			}
		}
		hasFirst = false
		e, err := d.value(tok, depth+1)
		if err != nil {
			return v, err
		}
		v.vals = append(v.vals, e)
	}
	_, err := d.token() // ]
	return v, err
}

// lineHere returns the line of the last token read (which cannot span lines).
func (d *jsonDecoder) lineHere() int {
	return d.lines.lineAt(d.dec.InputOffset() - 1)
}

// fatal explains a JSON error in French.
func (d *jsonDecoder) fatal(err error) error {
	var (
		syntax *json.SyntaxError
		e      *Error
	)
	switch {
	case errors.As(err, &e):
		return err
	case errors.As(err, &syntax):
		return newError(d.name, Position{Line: d.lines.lineAt(syntax.Offset - 1)}, err, malformedJSON)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return newError(d.name, d.at, err,
			"le fichier JSON s’arrête au milieu d’une valeur : il est sans doute incomplet (téléchargement interrompu ?)")
	}
	return readError(d.name, d.at, err)
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
