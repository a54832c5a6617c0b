package synth

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"

	"livret/lieu"
	"livret/source"
	"livret/telephone"
	"livret/texte"
)

// Columns are the 32 columns of schema 1.x, in the order of the standard.
var Columns = []string{
	"id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
	"latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
	"presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente", "date_maj",
	"services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
	"dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
	"modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
}

// Rows are real places, the material of synthetic ones.
type Rows []lieu.Lieu

// Read decodes the places of real files of the standard, whatever their
// version, into the vocabulary of schema 1.x. Rows that cannot be read are
// skipped: they have nothing to lend.
func Read(ctx context.Context, paths ...string) (Rows, error) {
	var rows Rows
	for _, p := range paths {
		r, err := source.Open(ctx, p, source.Options{})
		if err != nil {
			return nil, err
		}
		for rec, rowErr := range r.Records() {
			if rowErr == nil {
				l, _ := lieu.Decode(fields(rec))
				rows = append(rows, l)
			}
		}
		err = r.Err()
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("aucun lieu lisible dans %s", strings.Join(paths, ", "))
	}
	return rows, nil
}

// ReadDir reads every JSON, CSV and XLSX file of a folder, in name order.
func ReadDir(ctx context.Context, dir string) (Rows, error) {
	var paths []string
	for _, pattern := range []string{"*.json", "*.csv", "*.xlsx"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			return nil, err
		}
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("aucun fichier de lieux dans « %s »", dir)
	}
	return Read(ctx, paths...)
}

func fields(rec source.Record) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, f := range rec.Fields {
			if !yield(f.Name, f.Value) {
				return
			}
		}
	}
}

// Places returns n synthetic places recombined from rows, drawn with the
// given seed. No two of them share both name and address, which the check
// would merge as duplicates.
func (rows Rows) Places(n int, seed uint64) []lieu.Lieu {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func() *lieu.Lieu { return &rows[rng.IntN(len(rows))] }
	seen := map[string]bool{}
	out := make([]lieu.Lieu, 0, n)
	for len(out) < n {
		who, where, contact, hours, about, offer := pick(), pick(), pick(), pick(), pick(), pick()
		key := func() string {
			return texte.Fold(who.Name) + "\x00" + texte.Fold(where.Address) + "\x00" + where.PostalCode
		}
		for try := 0; seen[key()] && try < 100; try++ { // few rows may not allow n different places
			who = pick()
		}
		seen[key()] = true
		l := lieu.Lieu{
			ID:    uuid(rng),
			Pivot: who.Pivot, Name: who.Name, Types: who.Types, Parent: who.Parent, Source: who.Source,
			Commune: where.Commune, PostalCode: where.PostalCode, INSEE: where.INSEE,
			Address: where.Address, AddressComplement: where.AddressComplement, Position: where.Position,
			Mobility: where.Mobility,
			Phone:    contact.Phone, Emails: contact.Emails, Websites: contact.Websites,
			AccessibilityURL: contact.AccessibilityURL, BookingURL: contact.BookingURL,
			Hours:   hours.Hours,
			Summary: about.Summary, Description: about.Description,
			Updated:  offer.Updated,
			Services: offer.Services, Publics: offer.Publics, Support: offer.Support, Fees: offer.Fees,
			Programmes: offer.Programmes, Labels: offer.Labels, OtherLabels: offer.OtherLabels,
			Access: offer.Access, Guidance: offer.Guidance,
		}
		if contact.Phone != "" {
			// The phone is written as the 1.x export writes it, when it can be read.
			if num, err := telephone.Parse(contact.Phone, contact.INSEE); err == nil && num.E164 != "" {
				l.Phone = num.E164
			}
		}
		out = append(out, l)
	}
	return out
}

// uuid is a random (version 4) UUID, as the national export identifies places.
func uuid(rng *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// WriteCSV writes places as a CSV file of schema 1.x.
func WriteCSV(w io.Writer, places []lieu.Lieu) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for i := range places {
		if err := cw.Write(record(&places[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// record is the row of l, in the order of Columns.
func record(l *lieu.Lieu) []string {
	list := func(v []string) string { return strings.Join(v, "|") }
	coord := func(f float64) string {
		if !l.Position.Known() {
			return ""
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	date := ""
	if !l.Updated.IsZero() {
		date = l.Updated.Format("2006-01-02")
	}
	return []string{
		l.ID, l.Pivot, l.Name, l.Commune, l.PostalCode, l.INSEE, l.Address, l.AddressComplement,
		coord(l.Position.Lat), coord(l.Position.Lon), list(l.Types), l.Phone, list(l.Emails), list(l.Websites), l.Hours,
		l.Summary, l.Description, l.Source, list(l.Mobility), l.Parent, date,
		list(l.Services), list(l.Publics), list(l.Support), list(l.Fees),
		list(l.Programmes), list(l.Labels), list(l.OtherLabels), list(l.Access),
		list(l.Guidance), l.AccessibilityURL, l.BookingURL,
	}
}
