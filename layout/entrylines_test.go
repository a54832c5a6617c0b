package layout_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"livret/guide"
	"livret/layout"
)

// entryItems are what an entry may say, each with a way to take it out:
// the lines an item costs is the entry's height less its height without.
var entryItems = []struct {
	name string
	has  func(e *guide.Entry) bool
	drop func(e *guide.Entry)
}{
	{"adresse, 2e ligne", func(e *guide.Entry) bool { return len(e.Address) > 2 }, func(e *guide.Entry) {
		e.Address = slices.Delete(slices.Clone(e.Address), 1, 2)
	}},
	{"téléphone", func(e *guide.Entry) bool { return len(e.Phones) > 0 }, func(e *guide.Entry) { e.Phones = nil }},
	{"pas de téléphone", func(e *guide.Entry) bool { return e.NoPhone != "" }, func(e *guide.Entry) { e.NoPhone = "" }},
	{"horaires", func(e *guide.Entry) bool { return len(e.Hours.Lines) > 0 }, func(e *guide.Entry) { e.Hours.Lines, e.Hours.Rows = nil, nil }},
	{"note des horaires", func(e *guide.Entry) bool { return e.Hours.Note != "" }, func(e *guide.Entry) { e.Hours.Note = "" }},
	{"services", func(e *guide.Entry) bool { return len(e.Services) > 0 }, func(e *guide.Entry) { e.Services = nil }},
	{"aides adaptées", func(e *guide.Entry) bool { return slices.ContainsFunc(e.Facts, isSupport) }, func(e *guide.Entry) {
		e.Facts = slices.DeleteFunc(slices.Clone(e.Facts), isSupport)
	}},
	{"détails (hors aides)", func(e *guide.Entry) bool { return slices.ContainsFunc(e.Facts, notSupport) }, func(e *guide.Entry) {
		e.Facts = slices.DeleteFunc(slices.Clone(e.Facts), notSupport)
	}},
	{"site", func(e *guide.Entry) bool { return e.Website != nil }, func(e *guide.Entry) { e.Website, e.QR = nil, "" }},
	{"code QR", func(e *guide.Entry) bool { return e.QR != "" }, func(e *guide.Entry) { e.QR = "" }},
	{"courriel", func(e *guide.Entry) bool { return e.Email != nil }, func(e *guide.Entry) { e.Email = nil }},
	{"date", func(e *guide.Entry) bool { return e.Updated != "" }, func(e *guide.Entry) { e.Updated = "" }},
}

func isSupport(f guide.Fact) bool  { return f.Support != "" }
func notSupport(f guide.Fact) bool { return f.Support == "" }

// entryLines measures the entries of a real territory: their average
// height in lines, and what each item costs (see entryItems).
func entryLines(t *testing.T, name string, format layout.Format, size float64) (average float64, report string) {
	t.Helper()
	g := realTerritory(t, name)
	th, err := layout.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	th.Format, th.Size = format, size
	measure := layout.EntryLines(g, th)
	var all []float64
	cost := make([]float64, len(entryItems))
	count := make([]int, len(entryItems))
	for i := range g.Sections {
		s := &g.Sections[i]
		for j := range s.Entries {
			e := s.Entries[j]
			h := measure(s, &e)
			all = append(all, h)
			for k, it := range entryItems {
				if !it.has(&e) {
					continue
				}
				without := e
				it.drop(&without)
				count[k]++
				cost[k] += h - measure(s, &without)
			}
		}
	}
	sum := 0.0
	for _, h := range all {
		sum += h
	}
	average = sum / float64(len(all))
	sort.Float64s(all)
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s, %.0f pt: %d entries, %.2f lines on average (from %.1f to %.1f, median %.1f)\n",
		name, format.Name, size, len(all), average, all[0], all[len(all)-1], all[len(all)/2])
	for k, it := range entryItems {
		if count[k] > 0 {
			fmt.Fprintf(&b, "  %-22s %3d entries, %.2f lines each, %.2f a entry over all\n", it.name, count[k], cost[k]/float64(count[k]), cost[k]/float64(len(all)))
		}
	}
	return average, b.String()
}

// TestEntryLines: the entries of real territories are no taller on
// average than they were made: a ceiling for each, to lower as they
// shrink (run with -v for what each item of an entry costs).
func TestEntryLines(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format layout.Format
		size   float64
		most   float64
	}{
		{"Isère", layout.A4, 18, 11.65},
		{"Hérault", layout.A4, 18, 7.65},
		{"Charente, fichier national", layout.A4, 18, 8.65},
		{"Marseille", layout.A5, 18, 10.6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			avg, report := entryLines(t, tc.name, tc.format, tc.size)
			t.Log(report)
			if avg > tc.most {
				t.Errorf("entries average %.2f lines, want at most %.2f", avg, tc.most)
			}
		})
	}
}
