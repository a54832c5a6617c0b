package layout

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"livret/guide"
)

var ZZDebug = zzDebug

func zzDebug(g *guide.Guide, f Format) {
	th, _ := DefaultTheme()
	th.Format = f
	lc := newContext(th, nil, newMemo())
	lc.words = g.Wording
	top, bottom := lc.frame()
	line := th.body().Leading()
	var hs []float64
	total := 0.0
	for _, s := range g.Sections {
		for i := range s.Entries {
			e := &s.Entries[i]
			st := lc.guideEntry()
			st.street = s.NamesCommune
			gr := lc.entry(e, &Node{}, st)
			h := height(gr)
			hs = append(hs, h/line)
			total += h
			var parts []string
			for _, el := range gr.elems {
				parts = append(parts, fmt.Sprintf("%.1f", height(el)/line))
			}
			st.dense = true
			dh := height(lc.entry(e, &Node{}, st))
			hh := height(group{elems: lc.heading("H1", s.Title, s.Anchor, s.Title, th.h1())})
			if os.Getenv("V") != "" {
				fmt.Printf("%5.1f dense %.1f heading %.1f first %v %s | %s | %s\n", h/line, dh/line, hh/line, i == 0, s.Title, e.Name, strings.Join(parts, " "))
			}
		}
	}
	sort.Float64s(hs)
	fmt.Printf("frame %.1f lines; entries %d, total %.1f lines (%.1f pages), median %.1f, max %.1f, >frame %d\n",
		(bottom-top)/line, len(hs), total/line, total/(bottom-top), hs[len(hs)/2], hs[len(hs)-1], func() int {
			n := 0
			for _, h := range hs {
				if h > (bottom-top)/line {
					n++
				}
			}
			return n
		}())
}

var ZZDump = func(g *guide.Guide, names ...string) {
	for _, s := range g.Sections {
		for _, e := range s.Entries {
			for _, n := range names {
				if strings.Contains(e.Name, n) {
					fmt.Printf("%s\n  addr %q\n  phones %v nophone %q\n  hours %q note %q\n  facts %v\n  services %v\n  web %v mail %v upd %q\n", e.Name, e.Street(), e.Phones, e.NoPhone, e.Hours.Lines, e.Hours.Note, e.Facts, e.Services, e.Website, e.Email, e.Updated)
				}
			}
		}
	}
}
