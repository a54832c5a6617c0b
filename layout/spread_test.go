package layout_test

import (
	"fmt"
	"strings"

	"livret/guide"
	"livret/layout"
)

// sampleApart tells, when the sample entry of the how-to and the list of
// what its numbers mean are printed back to back, on the two sides of a
// sheet, where they are: a reader would turn the sheet back and forth to
// read the sample. Together, they are on one page or on the two pages
// that face each other when the guide lies open, an even page on the
// left and the next on the right, in an A5 booklet as in A4 sheets
// printed on both sides. From the sample's heading to the last of its
// meanings, as the structure reads them; "" when they are together or
// the guide has no sample.
func sampleApart(b *layout.Book, g *guide.Guide) string {
	pages, texts := map[*layout.Node][]int{}, map[*layout.Node]string{}
	for i, p := range b.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*layout.Text); ok && tx.Node() != nil {
				pages[tx.Node()] = append(pages[tx.Node()], i)
				texts[tx.Node()] += tx.S
			}
		}
	}
	var walk func(n *layout.Node, f func(*layout.Node))
	walk = func(n *layout.Node, f func(*layout.Node)) {
		f(n)
		for _, k := range n.Kids {
			walk(k, f)
		}
	}
	// The text of a node and of its descendants.
	text := func(n *layout.Node) string {
		var s strings.Builder
		walk(n, func(k *layout.Node) { s.WriteString(texts[k]) })
		return plainText(s.String())
	}
	first, last := -1, -1
	for _, n := range b.Structure.Kids {
		if first < 0 && n.Role == "H2" && text(n) == plainText(g.Wording.Sample) {
			first = pages[n][0]
		}
		if first < 0 {
			continue
		}
		walk(n, func(k *layout.Node) {
			for _, p := range pages[k] {
				last = max(last, p)
			}
		})
		// The meanings: the list whose first item names the place.
		if n.Role == "L" && len(n.Kids) > 0 && strings.Contains(text(n.Kids[0]), plainText(g.Wording.SampleParts.Name)) {
			break
		}
	}
	switch {
	case first < 0 && g.Sample != nil && g.Parts.HowTo:
		return "the how-to prints no sample entry"
	case first < 0:
		return ""
	case last == first || last == first+1 && (first+1)%2 == 0:
		return ""
	}
	return fmt.Sprintf("the sample entry, from page %d, and what its numbers mean, to page %d, are not read together", first+1, last+1)
}
