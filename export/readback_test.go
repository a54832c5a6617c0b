package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"livret/controle"
	"livret/guide"
	"livret/internal/fixtures"
	"livret/source"
	"livret/territoire"
	"livret/texte"
)

// readBack checks a file as livret does, with its report.
func readBack(t *testing.T, path string) ([]controle.Place, *controle.Report) {
	t.Helper()
	r, err := source.Open(context.Background(), path, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	places, rep, err := controle.Check(r, controle.Options{Atlas: territoire.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return places, rep
}

// TestWorkbookReadsBack exports real files as workbooks and reads them
// back: the same places, the same fields, the same guide text, and no
// warning about anything livret wrote.
func TestWorkbookReadsBack(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: three real files exported and read back")
	}
	files := []string{fixtures.Example, national,
		fixtures.Path("../shared/data/client-application/hub-du-sud-8b2dea59-2024-09-12/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json")}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s absent (données partagées) : %v", path, err)
			}
			orig, origRep := readBack(t, path)
			var buf bytes.Buffer
			if err := XLSX(&buf, selected(orig, -1), XLSXOptions{Title: "aller-retour"}); err != nil {
				t.Fatal(err)
			}
			wb := filepath.Join(t.TempDir(), "lieux.xlsx")
			if err := os.WriteFile(wb, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			back, rep := readBack(t, wb)
			if len(back) != len(orig) || rep.SetAside != 0 || rep.Merged != 0 {
				t.Fatalf("%d places read back (%d set aside, %d merged), want %d", len(back), rep.SetAside, rep.Merged, len(orig))
			}
			for _, n := range rep.FileNotes {
				t.Errorf("file note: %s", n)
			}
			// Every warning of the workbook was already one of the source
			// (where a duplicate identifier was renamed, by name), or says
			// again that a date the source gave could not be used.
			// Issues name a place as the file wrote it, before the cleaning
			// rules: the workbook has the cleaned name, so the identifier
			// recognises it too.
			known := map[string]bool{}
			for _, is := range origRep.Issues {
				known[texte.Clean(is.Name)+"\x00"+is.Problem] = true
				known[is.ID+"\x00"+is.Problem] = true
				// A problem that names its value, wherever in the source:
				// merging moves values between places.
				known["\x00"+is.Problem] = true
				if is.Field == "date_maj" {
					known[texte.Clean(is.Name)+"\x00date de mise à jour absente"] = true
				}
			}
			bad := 0
			for _, is := range rep.Issues {
				if !known[texte.Clean(is.Name)+"\x00"+is.Problem] && !known[is.ID+"\x00"+is.Problem] && !known["\x00"+is.Problem] {
					if bad++; bad <= 10 {
						t.Errorf("new warning: %s %s %s : %s", is.Pos, is.ID, is.Field, is.Problem)
					}
				}
			}
			for i := range orig {
				a, b := orig[i].Lieu, back[i].Lieu
				// The workbook writes phones and communes as the guide
				// prints them.
				a.Phone, b.Phone = "", ""
				a.Commune, b.Commune = "", ""
				// Text is cleaned for people (one line, no control
				// characters), as the guide cleans it.
				for _, f := range []*string{&a.Name, &a.Address, &a.AddressComplement, &a.Source} {
					*f = texte.Clean(*f)
				}
				if diff := fieldDiff(a, b); diff != "" && i < 1000 {
					t.Errorf("place %d %q: %s", i, a.ID, diff)
					if i > 10 {
						break
					}
				}
			}
			ga, gb := composeAll(orig), composeAll(back)
			for i := range ga {
				if !reflect.DeepEqual(ga[i], gb[i]) {
					t.Errorf("entry %d differs:\n%+v\n%+v", i, ga[i], gb[i])
					break
				}
			}
		})
	}
}

func composeAll(places []controle.Place) []guide.Entry {
	gp := make([]guide.Place, len(places))
	for i, p := range places {
		gp[i] = guide.Place{Lieu: p.Lieu, Distance: -1, Schedule: p.Schedule, Phones: p.Phones}
		if c := p.Location.Commune; c != nil {
			gp[i].Commune = c.Name
		}
	}
	g := guide.Compose(gp, guide.Options{By: guide.InOrder})
	return g.Sections[0].Entries
}

// fieldDiff names the fields that differ.
func fieldDiff(a, b any) string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: %q ≠ %q", va.Type().Field(i).Name, va.Field(i).Interface(), vb.Field(i).Interface()))
		}
	}
	return strings.Join(out, "; ")
}
