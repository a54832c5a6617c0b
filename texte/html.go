package texte

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// StripHTML turns an HTML fragment, as found in descriptions, into plain
// text: tags are removed, entities decoded ("&amp;" gives "&", "&ccedil;"
// gives "ç"), <br> becomes a line break, paragraphs, headings, blocks and
// lists are separated by an empty line, and each list item starts a line
// with "•" and a no-break space. Scripts, styles and comments are dropped.
// The result is tidied by CleanLines. Text without tags only has its
// entities decoded and its lines cleaned.
func StripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		// Most descriptions: the tokenizer would hand them over whole,
		// its line ends put right as CleanLines does.
		return CleanLines(s)
	}
	return stripTags(s)
}

// stripTags is StripHTML, by the tokenizer.
func stripTags(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside <script> or <style>
	for {
		switch z.Next() {
		case html.ErrorToken:
			return CleanLines(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(z.Token().Data)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.DataAtom {
			case atom.Script, atom.Style:
				if t.Type == html.StartTagToken {
					skip++
				}
			case atom.Br:
				b.WriteString("\n")
			case atom.Li:
				b.WriteString("\n•\u00a0")
			case atom.Td, atom.Th:
				b.WriteString(" ")
			default:
				if isBlock(t.DataAtom) {
					b.WriteString("\n\n")
				}
			}
		case html.EndTagToken:
			t := z.Token()
			switch {
			case t.DataAtom == atom.Script || t.DataAtom == atom.Style:
				if skip > 0 {
					skip--
				}
			case isBlock(t.DataAtom):
				b.WriteString("\n\n")
			}
		}
	}
}

// isBlock reports the elements that stand apart as paragraphs.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Tr,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Pre, atom.Hr, atom.Address:
		return true
	}
	return false
}
