package pdf

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// xmp is the document's XMP metadata: title and language (Dublin Core),
// dates, and the PDF/UA identification that PDF/UA-1 requires (ISO
// 14289-1 §5).
func xmp(title, subject, author, lang string, date time.Time, tagged bool) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	d := date.UTC().Format("2006-01-02T15:04:05Z")
	var ua string
	if tagged {
		ua = `
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>`
	}
	creator := ""
	if author != "" {
		creator = fmt.Sprintf(`
   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>`, esc(author))
	}
	return []byte(fmt.Sprintf(`<?xpacket begin="%s" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>%s
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>%s</xmp:CreateDate>
   <xmp:ModifyDate>%s</xmp:ModifyDate>
   <xmp:CreatorTool>livret</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>livret</pdf:Producer>
  </rdf:Description>%s
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`, "\ufeff", esc(title), esc(subject), esc(lang), creator, d, d, ua))
}
