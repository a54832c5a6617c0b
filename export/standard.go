package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"livret/controle"
	"livret/internal/formula"
	"livret/lieu"
	"livret/selection"
	"livret/texte"
)

// column1 is a column of schema 1.x and how a place fills it.
type column1 struct {
	name  string
	value func(p *controle.Place) string
}

// standard lists the 32 columns of schema 1.x, in the schema's order.
var standard = []column1{
	{"id", func(p *controle.Place) string { return p.ID }},
	{"pivot", func(p *controle.Place) string { return p.Pivot }},
	{"nom", func(p *controle.Place) string { return texte.Clean(p.Name) }},
	{"commune", communeName},
	{"code_postal", func(p *controle.Place) string { return p.PostalCode }},
	{"code_insee", inseeCode},
	{"adresse", func(p *controle.Place) string { return texte.Clean(p.Address) }},
	{"complement_adresse", func(p *controle.Place) string { return texte.Clean(p.AddressComplement) }},
	{"latitude", func(p *controle.Place) string { return decimal(p.Position, p.Position.Lat) }},
	{"longitude", func(p *controle.Place) string { return decimal(p.Position, p.Position.Lon) }},
	{"typologie", func(p *controle.Place) string { return join(p.Types) }},
	{"telephone", phoneE164},
	{"courriels", func(p *controle.Place) string { return join(p.Emails) }},
	{"site_web", func(p *controle.Place) string { return join(p.Websites) }},
	{"horaires", func(p *controle.Place) string { return texte.Clean(p.Hours) }},
	{"presentation_resume", func(p *controle.Place) string { return texte.Clean(p.Summary) }},
	{"presentation_detail", func(p *controle.Place) string { return texte.CleanLines(p.Description) }},
	{"source", func(p *controle.Place) string { return texte.Clean(p.Source) }},
	{"itinerance", vocabulary(lieu.Mobility)},
	{"structure_parente", func(p *controle.Place) string { return texte.Clean(p.Parent) }},
	{"date_maj", func(p *controle.Place) string {
		if p.Updated.IsZero() {
			return ""
		}
		return p.Updated.Format("2006-01-02")
	}},
	{"services", vocabulary(lieu.Services)},
	{"publics_specifiquement_adresses", vocabulary(lieu.Publics)},
	{"prise_en_charge_specifique", vocabulary(lieu.Support)},
	{"frais_a_charge", vocabulary(lieu.Fees)},
	{"dispositif_programmes_nationaux", vocabulary(lieu.Programmes)},
	{"formations_labels", vocabulary(lieu.Labels)},
	{"autres_formations_labels", func(p *controle.Place) string { return join(p.OtherLabels) }},
	{"modalites_acces", vocabulary(lieu.Access)},
	{"modalites_accompagnement", vocabulary(lieu.Guidance)},
	{"fiche_acces_libre", func(p *controle.Place) string { return p.AccessibilityURL }},
	{"prise_rdv", func(p *controle.Place) string { return p.BookingURL }},
}

// join joins the values of a list as schema 1.x does.
func join(values []string) string { return strings.Join(values, "|") }

func vocabulary(v *lieu.Vocabulary) func(p *controle.Place) string {
	return func(p *controle.Place) string { return join(*p.Values(v)) }
}

// inseeCode is the code of the place's arrondissement municipal when it
// lies in Paris, Lyon or Marseille and that is known, the code the Base
// adresse nationale gives; else the code of its current commune.
func inseeCode(p *controle.Place) string {
	if a := p.Location.Arrondissement; a != nil {
		return a.Code
	}
	return p.INSEE
}

// phoneE164 writes each number of the place in the international form the
// schema asks for, or as found when it cannot be read; several numbers are
// joined with "|".
func phoneE164(p *controle.Place) string {
	nums := p.Phones
	if len(nums) == 0 {
		return strings.TrimSpace(p.Phone) // a place that did not go through the check
	}
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = n.E164
		if out[i] == "" {
			out[i] = strings.TrimSpace(n.Raw)
		}
	}
	return join(out)
}

// decimal writes a coordinate with a dot and every digit it has.
func decimal(p lieu.Point, v float64) string {
	if !p.Known() {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// table is the places as rows of schema 1.x: the 32 columns, then the
// columns outside the standard that the places carry, in the order they
// first appear.
type table struct {
	header []string
	extra  map[string]int // column name → index in header
}

func newTable(places []selection.Selected) *table {
	t := &table{extra: map[string]int{}}
	for _, c := range standard {
		t.header = append(t.header, c.name)
	}
	for _, s := range places {
		for _, e := range s.Place.Extra {
			if _, ok := t.extra[e.Name]; !ok {
				t.extra[e.Name] = len(t.header)
				t.header = append(t.header, e.Name)
			}
		}
	}
	return t
}

// row fills rec, of the header's length, with the values of p.
func (t *table) row(p *controle.Place, rec []string) {
	for i, c := range standard {
		rec[i] = c.value(p)
	}
	clear(rec[len(standard):])
	for _, e := range p.Extra {
		i := t.extra[e.Name]
		if rec[i] != "" {
			// The source had the column twice: keep both values.
			rec[i] += "|" + e.Value
			continue
		}
		rec[i] = e.Value
	}
}

// CSVOptions tune the CSV file.
type CSVOptions struct {
	// Semicolon writes the dialect of the national export since 2026: ";"
	// between cells and a UTF-8 byte order mark, which the French version
	// of Excel opens directly. The default is the schema's own dialect,
	// that of its example file and of Frictionless validators: "," and no
	// byte order mark.
	Semicolon bool
}

// CSV writes the places in the CSV format of schema 1.x, which a hub can
// republish: a header row with the 32 columns of the schema then the
// columns outside the standard that the source had, one row per place,
// lists joined with "|", phone numbers in international form (+33…) when
// they could be read, dates as 2024-04-02, coordinates with a dot, an
// unknown pivot or date left empty.
//
// The values are those the check kept, cleaned: text without stray spaces
// or invisible characters, the commune under its official name when the
// place was located, the INSEE code of the arrondissement in Paris, Lyon
// and Marseille. They are quoted only where needed (RFC 4180) and not
// altered otherwise, but for one thing: a value a spreadsheet would run as
// a formula (=HYPERLINK(…), @SUM(…)) gets an apostrophe before it, since
// agents open such files by a double click; numbers (-0.57, +33…) stay as
// they are. A CSV file is data, to be read by a program or imported in a
// spreadsheet with its columns declared as text; the XLSX export is the
// one to open directly.
func CSV(w io.Writer, places []selection.Selected, opt CSVOptions) error {
	bw := bufio.NewWriter(w)
	if opt.Semicolon {
		bw.WriteString("\uFEFF")
	}
	cw := csv.NewWriter(bw)
	if opt.Semicolon {
		cw.Comma = ';'
	}
	t := newTable(places)
	cw.Write(t.header)
	rec := make([]string, len(t.header))
	for _, s := range places {
		t.row(s.Place, rec)
		for i, v := range rec {
			rec[i] = formula.Defuse(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	err := cw.Error()
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("écriture du fichier CSV : %w", err)
	}
	return nil
}

// JSON writes the places as the JSON resources of the standard's data do:
// an array of flat objects, one a line, whose keys are the columns of
// schema 1.x then the columns outside the standard, with the same values
// as the CSV file (lists joined with "|"); latitude and longitude are
// numbers, and empty values are left out.
func JSON(w io.Writer, places []selection.Selected) error {
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	str := func(s string) {
		enc.Encode(s) // a string always encodes
		buf.Truncate(buf.Len() - 1)
	}
	t := newTable(places)
	rec := make([]string, len(t.header))
	bw.WriteString("[")
	for i, s := range places {
		t.row(s.Place, rec)
		buf.Reset()
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n{")
		first := true
		for j, v := range rec {
			if v == "" {
				continue
			}
			if !first {
				buf.WriteByte(',')
			}
			first = false
			str(t.header[j])
			buf.WriteByte(':')
			if name := t.header[j]; name == "latitude" || name == "longitude" {
				buf.WriteString(v)
			} else {
				str(v)
			}
		}
		buf.WriteByte('}')
		bw.Write(buf.Bytes())
	}
	bw.WriteString("\n]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("écriture du fichier JSON : %w", err)
	}
	return nil
}
