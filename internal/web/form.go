package web

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"livret/internal/options"
	"livret/territoire"
)

// The page's own fields, beside the options of the table.
const (
	fieldDocument = "document"
	fieldData     = "donnees"     // name of the data sent, kept by the store
	fieldLogo     = "logo-envoye" // name of the logo sent
	fieldFixes    = "corrections-envoyees"
	fileData      = "fichier" // the file input of the data
	fileLogo      = "fichier-logo"
	fileFixes     = "fichier-corrections"
)

var pageFields = []string{fieldDocument, fieldData, fieldLogo, fieldFixes}

// formOptions are the options the form shows: those of every document,
// once each, in table order; the first row of a name wins (the paper
// format of a guide, not the file type of an export, which the document
// chosen fixes).
func formOptions() []*options.Option {
	var out []*options.Option
	for _, o := range allOptions() {
		if o.Local || slices.ContainsFunc(out, func(p *options.Option) bool { return p.Name == o.Name }) {
			continue
		}
		out = append(out, o)
	}
	return out
}

// allOptions are the options of the documents' commands, in table order.
func allOptions() []*options.Option {
	var out []*options.Option
	for _, o := range options.All() {
		if slices.ContainsFunc(Documents, func(d *Document) bool { return o.For(d.Command) }) {
			out = append(out, o)
		}
	}
	return out
}

// formRow is the option the form shows under a name, or nil.
func formRow(name string) *options.Option {
	for _, o := range formOptions() {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// demand is a request of a document read from the page or a link.
type demand struct {
	doc    *Document
	set    *options.Set
	errs   []*options.FieldError
	data   *File
	dataID string
	logo   *File
	logoID string
	fixes  *File
	fixID  string
	source string     // a named download: "national", "departement:33"
	origin string     // the value of the data field: "national", "departement"
	raw    url.Values // as sent, to fill the form again
}

// readDemand reads the request of a document. From the form, fields of
// options the document does not have are dropped; from a link, they are
// refused, so that a mistyped link does not silently give another
// document.
func (s *Server) readDemand(doc *Document, q url.Values, fromForm bool) *demand {
	d := &demand{doc: doc, raw: q}
	params := url.Values{}
	for name, vals := range q {
		if slices.Contains(pageFields, name) {
			continue
		}
		if _, fixed := doc.Fixed[name]; fixed {
			continue
		}
		if fo := formRow(name); fromForm && fo != nil && options.Lookup(doc.Command, name) != fo {
			continue // a field of another document
		}
		params[name] = vals
	}
	for k, v := range doc.Fixed {
		params.Set(k, v)
	}
	d.set, d.errs = options.Parse(doc.Command, params)
	switch origin := q.Get(fieldData); origin {
	case "national":
		d.source, d.origin = origin, origin
	case "departement":
		d.origin = origin
		if depts := d.set.StringSlice("departement"); len(depts) == 1 {
			d.source = "departement:" + depts[0]
		} else {
			d.errs = append(d.errs, &options.FieldError{Option: fileData,
				Msg: "pour l’export d’un département, indiquez ce département (un seul) dans « Département », plus bas"})
		}
	default:
		d.data, d.dataID = s.sent(d, q, fieldData, fileData, "le fichier envoyé")
	}
	d.logo, d.logoID = s.sent(d, q, fieldLogo, fileLogo, "le logo envoyé")
	d.fixes, d.fixID = s.sent(d, q, fieldFixes, fileFixes, "le fichier de corrections")
	return d
}

// sent finds the file a parameter names; a name the store forgot is an
// error on the file's field.
func (s *Server) sent(d *demand, q url.Values, param, field, what string) (*File, string) {
	id := q.Get(param)
	if id == "" || id == "exemple" {
		return nil, ""
	}
	f, ok := s.store.get(id)
	if !ok {
		d.errs = append(d.errs, &options.FieldError{Option: field,
			Msg: what + " n’est plus gardé par le serveur (il oublie les fichiers au bout de quelques heures, ou quand il redémarre) : envoyez-le de nouveau"})
	}
	return f, id
}

// query is the stable query of the demand: its options, then the files
// sent.
func (d *demand) query() string {
	q := d.set.Encode()
	for _, f := range []struct{ name, id string }{{fieldData, cmp.Or(d.dataID, d.origin)}, {fieldFixes, d.fixID}, {fieldLogo, d.logoID}} {
		if f.id != "" {
			if q != "" {
				q += "&"
			}
			q += f.name + "=" + url.QueryEscape(f.id)
		}
	}
	return q
}

// key names the product of the demand in the cache.
func (d *demand) key() string { return d.doc.Name + "?" + d.query() }

// territoryKinds are the options that name a territory, and its kind for
// suggestions and explanations.
var territoryKinds = map[string]territoire.Kind{
	"commune": territoire.KindCommune, "code-postal": territoire.KindCodePostal, "epci": territoire.KindEPCI,
	"departement": territoire.KindDepartement, "region": territoire.KindRegion, "autour": territoire.KindCommune,
}

// fieldOf is the option whose value a territory error is about.
func fieldOf(set *options.Set, kind territoire.Kind, query string) string {
	for name, k := range territoryKinds {
		if k == kind && slices.ContainsFunc(set.StringSlice(name), func(v string) bool { return strings.EqualFold(v, query) }) {
			return name
		}
	}
	if kind == territoire.KindCommune {
		return "autour"
	}
	return ""
}
