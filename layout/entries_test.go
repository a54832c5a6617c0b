package layout

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"

	"livret/guide"
)

// TestEntriesLaidOutOnEveryCore lays out the same guide, and the same
// sheets, on one core and on eight: the entries are laid out in parallel,
// and the pages, their structure and the warnings must not depend on it.
func TestEntriesLaidOutOnEveryCore(t *testing.T) {
	g := sampleGuide(400)
	// Entries that tell the pass something: a character the faces lack,
	// an entry taller than a page (its continuation warns at pagination).
	e := &g.Sections[0].Entries[2]
	e.Name += " \u4e2d"
	e = &g.Sections[1].Entries[1]
	e.Hours.Lines = slices.Repeat([]string{"lundi : 9 h – 12 h et 14 h – 18 h"}, 60)
	// And one that warns as it is laid out: an address too long for a QR code.
	e = &g.Sections[2].Entries[0]
	e.Website = &guide.Link{Text: "exemple.fr", URL: "https://exemple.fr/"}
	e.QR = "https://exemple.fr/" + strings.Repeat("a", 3000)
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	th.QR = true
	for _, doc := range []struct {
		name string
		make func(*guide.Guide, Theme) (*Book, error)
	}{{"guide", Guide}, {"fiches", Sheets}} {
		t.Run(doc.name, func(t *testing.T) {
			var dumps []string
			for _, procs := range []int{1, 8} {
				prev := runtime.GOMAXPROCS(procs)
				b, err := doc.make(g, th)
				runtime.GOMAXPROCS(prev)
				if err != nil {
					t.Fatal(err)
				}
				if len(b.Warnings) < 3 || !slices.ContainsFunc(b.Warnings, func(w string) bool { return strings.Contains(w, "code QR") }) {
					t.Fatalf("%d cores: warnings %q, want the QR code's, the missing character's and the continuation's", procs, b.Warnings)
				}
				dumps = append(dumps, dumpBook(b))
			}
			if dumps[0] != dumps[1] {
				a, b := strings.Split(dumps[0], "\n"), strings.Split(dumps[1], "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Fatalf("line %d differs between 1 and 8 cores:\n%s\n%s", i, a[i], b[i])
					}
				}
				t.Fatalf("%d lines on 1 core, %d on 8", len(a), len(b))
			}
		})
	}
}

// dumpBook writes out everything a renderer gets from b, structure
// elements by their rank in reading order, so that two books laid out
// apart compare as text.
func dumpBook(b *Book) string {
	var out strings.Builder
	rank := map[*Node]int{}
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		rank[n] = len(rank)
		fmt.Fprintf(&out, "%s%s %q %q\n", strings.Repeat(" ", depth), n.Role, n.Alt, n.Scope)
		for _, k := range n.Kids {
			walk(k, depth+1)
		}
	}
	walk(b.Structure, 0)
	link := func(l *Link) string {
		if l == nil {
			return "-"
		}
		return fmt.Sprintf("%q %q %q %d", l.URL, l.Anchor, l.Alt, rank[l.Node])
	}
	node := func(it Item) int {
		if n := it.Node(); n != nil {
			return rank[n]
		}
		return -1
	}
	for i, p := range b.Pages {
		fmt.Fprintf(&out, "page %d\n", i+1)
		for _, it := range p.Items {
			switch it := it.(type) {
			case *Text:
				fmt.Fprintf(&out, "text %g %g %s %g %v %q %g %s", it.X, it.Y, it.Face.Name(), it.Size, it.Color, it.S, it.Width, link(it.Link))
			case *Rect:
				fmt.Fprintf(&out, "rect %g %g %g %g %g %v", it.X, it.Y, it.W, it.H, it.Radius, it.Fill)
			case *Icon:
				fmt.Fprintf(&out, "icon %g %g %g %s %v", it.X, it.Y, it.Size, it.Name, it.Color)
			case *QR:
				fmt.Fprintf(&out, "qr %g %g %g %v %s", it.X, it.Y, it.Size, it.Modules, link(it.Link))
			case *Image:
				fmt.Fprintf(&out, "image %g %g %g %g %d", it.X, it.Y, it.W, it.H, len(it.PNG))
			case *Path:
				fmt.Fprintf(&out, "path %v %v %v %v %g", it.Lines, it.Closed, it.Fill, it.Stroke, it.Width)
			default:
				panic(fmt.Sprintf("dumpBook: item %T", it))
			}
			fmt.Fprintf(&out, " node %d\n", node(it))
		}
	}
	for _, a := range slices.Sorted(maps.Keys(b.Anchors)) {
		fmt.Fprintf(&out, "anchor %s %v\n", a, b.Anchors[a])
	}
	fmt.Fprintf(&out, "warnings %q\n", b.Warnings)
	return out.String()
}
