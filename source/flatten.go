package source

import (
	"encoding/json"
	"slices"
	"strings"
)

// jkind is the kind of a JSON value.
type jkind uint8

const (
	kindNull jkind = iota
	kindString
	kindNumber
	kindBool
	kindObject
	kindArray
)

// jvalue is a JSON value read by jsonDecoder, keeping the order of object
// keys. Scalars keep their text: numbers as written, booleans as "true" or
// "false".
type jvalue struct {
	kind jkind
	text string
	keys []string // object keys
	vals []jvalue // object values (parallel to keys) or array elements
}

func (v jvalue) scalar() bool {
	return v.kind == kindString || v.kind == kindNumber || v.kind == kindBool
}

// get returns the value of an object's first key named key.
func (v jvalue) get(key string) (jvalue, bool) {
	for i, k := range v.keys {
		if k == key {
			return v.vals[i], true
		}
	}
	return jvalue{}, false
}

// describe names the kind of v in French, for messages.
func (v jvalue) describe() string {
	switch v.kind {
	case kindString:
		return "une chaîne de caractères"
	case kindNumber:
		return "un nombre"
	case kindBool:
		return "un booléen"
	case kindArray:
		return "une liste"
	case kindObject:
		return "un objet"
	}
	return "vide (null)"
}

// appendJSON appends v as compact JSON text.
func (v jvalue) appendJSON(b []byte) []byte {
	switch v.kind {
	case kindString:
		q, _ := json.Marshal(v.text)
		return append(b, q...)
	case kindNumber, kindBool:
		return append(b, v.text...)
	case kindArray:
		b = append(b, '[')
		for i, e := range v.vals {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendJSON(b)
		}
		return append(b, ']')
	case kindObject:
		b = append(b, '{')
		for i, k := range v.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = jvalue{kind: kindString, text: k}.appendJSON(b)
			b = append(b, ':')
			b = v.vals[i].appendJSON(b)
		}
		return append(b, '}')
	}
	return append(b, "null"...)
}

// renames maps names of the national GeoJSON export to the standard's flat
// names; a rename applies only when the object lacks the target name.
var renames = map[string]string{
	"structure_cartographie_nationale_id": "id",
	"typologies":                          "typologie",
}

// flatten turns a JSON object, or a GeoJSON Feature, into a record.
func (d *jsonDecoder) flatten(v jvalue) Record {
	clear(d.byName)
	s := fieldSet{byName: d.byName}
	props := v
	var geometry, featureID jvalue
	if t, _ := v.get("type"); t.kind == kindString && t.text == "Feature" {
		props = jvalue{kind: kindObject}
		switch p, _ := v.get("properties"); p.kind {
		case kindObject:
			props = p
		case kindNull:
		default:
			s.notes = append(s.notes, sprintf("les propriétés de l’objet GeoJSON sont %s et non un objet : elles ne sont pas lues", p.describe()))
		}
		geometry, _ = v.get("geometry")
		featureID, _ = v.get("id")
	}

	d.names = d.names[:0]
	for _, k := range props.keys {
		d.names = append(d.names, clean(k))
	}
	names := d.names
	// The pivot comes from siret, or else rna, when there is no pivot.
	pivot := -1
	if !slices.Contains(names, "pivot") {
		for _, from := range []string{"siret", "rna"} {
			for i, name := range names {
				if pivot < 0 && name == from && props.vals[i].scalar() && clean(props.vals[i].text) != "" {
					pivot = i
				}
			}
		}
	}
	s.fields = make([]Field, 0, len(names)+2)
	for i, name := range names {
		if to, ok := renames[name]; ok && !slices.Contains(names, to) {
			name = to
		}
		if i == pivot {
			name = "pivot"
		}
		s.add(name, props.vals[i])
	}
	s.geometry(geometry)
	if _, ok := s.byName["id"]; !ok && featureID.scalar() {
		s.add("id", featureID)
	}
	return Record{Fields: s.fields, Notes: s.notes}
}

// fieldSet collects the fields of one record, keeping the first non-empty
// value of a name met twice.
type fieldSet struct {
	fields []Field
	byName map[string]int
	notes  []string
}

func (s *fieldSet) put(name, value string) {
	value = clean(value)
	if name == "" {
		if value != "" {
			s.notes = append(s.notes, sprintf("la valeur %s n’est pas lue : sa clé n’a pas de nom", excerpt(value)))
		}
		return
	}
	i, ok := s.byName[name]
	if !ok {
		s.byName[name] = len(s.fields)
		s.fields = append(s.fields, Field{Name: name, Value: value})
		return
	}
	f := &s.fields[i]
	switch {
	case f.Value == "":
		f.Value = value
	case value != "" && value != f.Value:
		s.notes = append(s.notes, repeatNote(name, f.Value, value))
	}
}

// add adds the value v under name: scalars as they are, arrays of scalars
// joined with "|", objects flattened.
func (s *fieldSet) add(name string, v jvalue) {
	switch v.kind {
	case kindNull:
	case kindArray:
		s.join(name, v)
	case kindObject:
		s.object(name, v)
	default:
		s.put(name, v.text)
	}
}

func (s *fieldSet) join(name string, v jvalue) {
	parts := make([]string, 0, len(v.vals))
	for _, e := range v.vals {
		switch {
		case e.kind == kindNull:
		case e.scalar():
			if t := clean(e.text); t != "" {
				parts = append(parts, t)
			}
		default:
			s.put(name, string(v.appendJSON(nil)))
			s.notes = append(s.notes, sprintf("la valeur de %s contient des listes ou des objets : elle est gardée telle quelle, en texte JSON", guillemets(name)))
			return
		}
	}
	s.put(name, strings.Join(parts, "|"))
}

// voieParts make up the national export's adresse, in this order.
var voieParts = [...]string{"numero_voie", "repetition", "nom_voie"}

// object flattens a nested object: the national export's adresse{…} and
// contacts{…} give the standard's names, anything else a dotted name.
func (s *fieldSet) object(name string, v jvalue) {
	switch name {
	case "adresse":
		var voie [len(voieParts)]string
		for i, k := range v.keys {
			e := v.vals[i]
			switch k = clean(k); k {
			case voieParts[0], voieParts[1], voieParts[2]:
				if e.scalar() {
					voie[slices.Index(voieParts[:], k)] = clean(e.text)
					continue
				}
			case "complement_adresse", "code_postal", "code_insee":
				s.add(k, e)
				continue
			case "nom_commune", "commune":
				s.add("commune", e)
				continue
			}
			s.add(name+"."+k, e)
		}
		if a := strings.Join(nonEmpty(voie[:]), " "); a != "" {
			s.put("adresse", a)
		}
	case "contacts", "contact":
		for i, k := range v.keys {
			e := v.vals[i]
			switch k = clean(k); k {
			case "telephone", "site_web":
				s.add(k, e)
			case "courriels", "courriel":
				if e.kind == kindObject {
					s.put("courriels", strings.Join(leaves(e, nil), "|"))
				} else {
					s.add("courriels", e)
				}
			default:
				s.add(name+"."+k, e)
			}
		}
	default:
		for i, k := range v.keys {
			s.add(name+"."+clean(k), v.vals[i])
		}
	}
}

// geometry takes longitude and latitude from a GeoJSON Point, unless the
// properties already gave them.
func (s *fieldSet) geometry(g jvalue) {
	switch g.kind {
	case kindNull:
		return
	case kindObject:
	default:
		s.notes = append(s.notes, sprintf("la géométrie de l’objet GeoJSON est %s : elle n’est pas lue", g.describe()))
		return
	}
	if t, _ := g.get("type"); t.text != "Point" {
		s.notes = append(s.notes, sprintf("géométrie de type %s non lue : seul un point (Point) donne la latitude et la longitude", guillemets(clean(t.text))))
		return
	}
	c, _ := g.get("coordinates")
	if c.kind != kindArray || len(c.vals) < 2 || c.vals[0].kind != kindNumber || c.vals[1].kind != kindNumber {
		s.notes = append(s.notes, sprintf("coordonnées du point GeoJSON illisibles : elles ne sont pas lues"))
		return
	}
	for i, name := range []string{"longitude", "latitude"} {
		if j, ok := s.byName[name]; !ok || s.fields[j].Value == "" {
			s.put(name, c.vals[i].text)
		}
	}
}

// leaves appends the scalar values found in v, depth first.
func leaves(v jvalue, out []string) []string {
	if v.scalar() {
		if t := clean(v.text); t != "" {
			out = append(out, t)
		}
		return out
	}
	for _, e := range v.vals {
		out = leaves(e, out)
	}
	return out
}

func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
