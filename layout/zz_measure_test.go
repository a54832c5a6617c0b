package layout_test

import (
	"fmt"
	"os"
	"testing"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
)

func TestZZMeasure(t *testing.T) {
	for _, tc := range []struct {
		name   string
		g      func() *guide.Guide
		format layout.Format
	}{
		{"herault", func() *guide.Guide { return realGuide(t, fixtures.National, "34", "", guide.ByCommune) }, layout.A4},
		{"marseille", func() *guide.Guide {
			return realGuide(t, fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json"), "13", "Marseille", guide.ByCommune)
		}, layout.A5},
	} {
		g := tc.g()
		th, _ := layout.DefaultTheme()
		th.Format = tc.format
		b, err := layout.Guide(g, th)
		if err != nil {
			t.Fatal(err)
		}
		first := b.Anchors[g.Sections[0].Anchor].Page
		last := b.Anchors[g.Index[0].Anchor].Page
		for _, ie := range g.Index {
			if p := b.Anchors[ie.Anchor].Page; p > last {
				last = p
			}
		}
		top := th.Format.Margin
		sum := 0.0
		out := ""
		for i := first; i <= last; i++ {
			maxY := 0.0
			for _, it := range b.Pages[i].Items {
				if tx, ok := it.(*layout.Text); ok && tx.Node() != nil && tx.Y > maxY {
					maxY = tx.Y
				}
			}
			f := (maxY - top) / (th.Format.Height - 2*top)
			sum += f
			out += fmt.Sprintf(" %d:%.0f", i+1, 100*f)
		}
		t.Logf("%s: %d pages total, places pages %d..%d (%d), mean fill %.0f%%, sections %d\n%s", tc.name, len(b.Pages), first+1, last+1, last-first+1, 100*sum/float64(last-first+1), len(g.Sections), out)
	}
}

func TestZZDebug(t *testing.T) {
	switch os.Getenv("ZZ") {
	case "h":
		layout.ZZDebug(realGuide(t, fixtures.National, "34", "", guide.ByCommune), layout.A4)
	case "i":
		layout.ZZDebug(realGuide(t, fixtures.National, "38", "", guide.ByCommune), layout.A4)
	case "m":
		layout.ZZDebug(realGuide(t, fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json"), "13", "Marseille", guide.ByCommune), layout.A5)
	}
}

func TestZZDump(t *testing.T) {
	if os.Getenv("ZZD") == "" {
		t.Skip()
	}
	layout.ZZDump(realGuide(t, fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json"), "13", "Marseille", guide.ByCommune), "Arborescence", "Huveaune", "UHU La Madrague", "Fail 13", "Olives")
}

func TestZZCount(t *testing.T) {
	if os.Getenv("ZZC") == "" {
		t.Skip()
	}
	for _, g := range []*guide.Guide{realGuide(t, fixtures.National, "34", "", guide.ByCommune), realGuide(t, fixtures.National, "16", "", guide.ByCommune),
		realGuide(t, fixtures.Path("testdata/donnees/charente-hybride-v1-2024-09-12.json"), "16", "", guide.ByCommune),
		realGuide(t, fixtures.Path("testdata/donnees/paca-v0.1-2023-05-17.json"), "13", "Marseille", guide.ByCommune)} {
		n, both, nophone, nohours := 0, 0, 0, 0
		for _, s := range g.Sections {
			for _, e := range s.Entries {
				n++
				np, nh := len(e.Phones) == 0, len(e.Hours.Lines) == 0 && e.Hours.Note != ""
				if np {
					nophone++
				}
				if nh {
					nohours++
				}
				if np && nh {
					both++
				}
			}
		}
		fmt.Println(n, nophone, nohours, both)
	}
}
