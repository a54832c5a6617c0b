package source

import (
	"slices"
	"strings"
	"time"
)

// Metadata is what a file says of itself, when it says it: the title of
// its dataset, who produced it, when, and under which licence. A JSON
// wrapper object tells it in members beside the array of places ({"title":
// …, "publisher": …, "modified": …, "license": …, "data": [...]}, or inside
// a "metadata" member), a workbook in its document properties (title,
// company, date of last change). CSV files say nothing: the zero Metadata.
type Metadata struct {
	Title    string    // "Lieux de médiation numérique de la Charente"
	Producer string    // "Département de la Charente"
	Date     time.Time // of the data's last change; zero when unknown
	Licence  string    // "etalab-2.0", "Licence Ouverte 2.0", "ODbL": as the file writes it
}

// Metadata returns what the file says of itself. A JSON wrapper's members
// after the array of places are known only once every record is read.
func (r *Reader) Metadata() Metadata {
	if d, ok := r.dec.(interface{ metadata() Metadata }); ok {
		return d.metadata()
	}
	return Metadata{}
}

// The names, by priority, of the members that say what a dataset is; DCAT,
// data.gouv.fr and French usage. A producer may be an object with a name.
var (
	titleKeys    = []string{"title", "titre", "name", "nom_du_jeu"}
	producerKeys = []string{"publisher", "producer", "producteur", "organization", "organisation", "editeur", "author", "auteur", "source"}
	dateKeys     = []string{"modified", "last_modified", "last_update", "updated", "updated_at", "date_maj", "date_modification", "date", "generated_at", "created_at"}
	// Frictionless writes "licenses": [{"name": "etalab-2.0", "title": …}].
	licenceKeys = []string{"license", "licence", "licenses", "licences", "license_id", "licence_id"}
	// metadataKeys are members that hold the metadata as an object.
	metadataKeys = []string{"metadata", "meta", "metadonnees", "dataset"}
)

// licenceKey reports whether a wrapper's member names the data's licences,
// which may be an array of objects that is not a list of places.
func licenceKey(key string) bool { return slices.Contains(licenceKeys, strings.ToLower(key)) }

// metaFields collects the scalar members of a wrapper that may be
// metadata, by lower-case name, the first met of each name winning.
type metaFields map[string]string

// take keeps key's value if it may say what the dataset is.
func (m metaFields) take(key string, v jvalue) {
	key = strings.ToLower(key)
	switch {
	case slices.Contains(metadataKeys, key) && v.kind == kindObject:
		for i, k := range v.keys {
			m.take(k, v.vals[i])
		}
	case slices.Contains(producerKeys, key) && v.kind == kindObject:
		m.set(key, v.named("name", "nom", "title"))
	case slices.Contains(licenceKeys, key):
		if v.kind == kindArray && len(v.vals) > 0 {
			v = v.vals[0] // the first licence is the data's, the others its variants
		}
		if v.kind == kindObject {
			m.set(key, v.named("title", "name", "id"))
		} else if v.kind == kindString {
			m.set(key, v.text)
		}
	case v.kind == kindString && (slices.Contains(titleKeys, key) || slices.Contains(producerKeys, key) || slices.Contains(dateKeys, key)):
		m.set(key, v.text)
	}
}

// named is the first of an object's members names that holds a string.
func (v jvalue) named(names ...string) string {
	for _, name := range names {
		if n, ok := v.get(name); ok && n.kind == kindString && strings.TrimSpace(n.text) != "" {
			return n.text
		}
	}
	return ""
}

func (m metaFields) set(key, value string) {
	if _, ok := m[key]; !ok && strings.TrimSpace(value) != "" {
		m[key] = strings.Join(strings.Fields(value), " ")
	}
}

func (m metaFields) metadata() Metadata {
	first := func(keys []string) string {
		for _, k := range keys {
			if v := m[k]; v != "" {
				return v
			}
		}
		return ""
	}
	return Metadata{Title: first(titleKeys), Producer: first(producerKeys), Date: metaDate(first(dateKeys)), Licence: first(licenceKeys)}
}

// metaDate reads a date as files write them; a placeholder date, before
// any open data of the standard (excelize's blank workbook says 2006), is
// no date.
func metaDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "02/01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 2010 {
				return time.Time{}
			}
			return t
		}
	}
	return time.Time{}
}
