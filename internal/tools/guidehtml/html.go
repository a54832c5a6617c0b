package main

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"

	"rsc.io/qr"

	"livret/fonts"
	"livret/guide"
	"livret/picto"
)

// writeHTML writes the guide as a self-contained HTML page: fonts as data
// addresses, pictograms and QR codes as inline SVG.
func writeHTML(w io.Writer, g *guide.Guide, fam *fonts.Family) error {
	t, err := page.Clone()
	if err != nil {
		return err
	}
	// The pictograms say what the template makes them say.
	alts := g.Wording.Alt.Icons
	t.Funcs(template.FuncMap{"icon": func(name string) template.HTML { return icon(name, alts.Of(name)) }})
	return t.Execute(w, struct {
		*guide.Guide
		Regular, Bold template.URL
	}{g, fontURL(fam.Regular), fontURL(fam.Bold)})
}

func fontURL(f *fonts.Face) template.URL {
	return template.URL("data:font/ttf;base64," + base64.StdEncoding.EncodeToString(f.Data()))
}

// uri lets tel: addresses through, which html/template would blank out.
func uri(s string) template.URL { return template.URL(s) }

// icon is a pictogram as inline SVG, with its alternative text.
func icon(name, alt string) template.HTML {
	svg, ok := iconSVG(name)
	if !ok {
		return ""
	}
	return template.HTML(strings.Replace(svg, "<svg ", `<svg class="icon" role="img" aria-label="`+template.HTMLEscapeString(alt)+`" `, 1))
}

// qrCode is a QR code of a web address as inline SVG.
func qrCode(url string) template.HTML {
	svg, ok := qrSVG(url)
	if !ok {
		return ""
	}
	return template.HTML(strings.Replace(svg, "<svg ", `<svg class="qr" role="img" aria-label="Code QR vers `+template.HTMLEscapeString(url)+`" `, 1))
}

// iconSVG is a pictogram as an SVG image; its alternative text is the
// template's (guide.IconAlts).
func iconSVG(name string) (svg string, ok bool) {
	ic, ok := picto.Lookup(name)
	if !ok {
		return "", false
	}
	var d strings.Builder
	for _, s := range ic.Segments {
		switch s.Op {
		case picto.MoveTo:
			fmt.Fprintf(&d, "M%g %g", s.P[0].X, s.P[0].Y)
		case picto.LineTo:
			fmt.Fprintf(&d, "L%g %g", s.P[0].X, s.P[0].Y)
		case picto.CubeTo:
			fmt.Fprintf(&d, "C%g %g %g %g %g %g", s.P[0].X, s.P[0].Y, s.P[1].X, s.P[1].Y, s.P[2].X, s.P[2].Y)
		case picto.Close:
			d.WriteString("Z")
		}
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d"><path fill="#002654" d="%s"/></svg>`,
		picto.Size, picto.Size, d.String()), true
}

// qrSVG is a QR code of a web address (level M, as livret prints it) as
// an SVG image, with its quiet zone.
func qrSVG(url string) (string, bool) {
	c, err := qr.Encode(url, qr.M)
	if err != nil {
		return "", false
	}
	const quiet = 4
	var d strings.Builder
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; x++ {
			if c.Black(x, y) {
				fmt.Fprintf(&d, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	n := c.Size + 2*quiet
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d"><path d="%s"/></svg>`, n, n, d.String()), true
}

var page = template.Must(template.New("guide").Funcs(template.FuncMap{"icon": func(string) template.HTML { return "" }, "qr": qrCode, "uri": uri}).Parse(`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{{.Title}} – {{.Territory}}</title>
<style>
@font-face { font-family: Luciole; src: url({{.Regular}}); font-weight: normal; }
@font-face { font-family: Luciole; src: url({{.Bold}}); font-weight: bold; }
@page { size: A4; margin: 25mm 25mm 25mm 25mm;
  @top-left { content: string(commune); font: bold 18pt/1.5 Luciole; border-bottom: 1px solid #969696; width: 100%; }
  @bottom-left { content: "Page " counter(page) " sur " counter(pages); font: 18pt/1.5 Luciole; border-top: 1px solid #969696; width: 100%; } }
@page cover { @top-left { content: none; border: none; } @bottom-left { content: none; border: none; } }
html { font: 18pt/1.5 Luciole; color: #000; }
h1 { font-size: 22pt; color: #002654; break-before: page; }
h1.commune { string-set: commune content(); }
h2 { font-size: 20pt; margin: 0; }
.cover { page: cover; }
.cover h1 { font-size: 32pt; break-before: auto; }
.cover .big svg { width: 90pt; height: 90pt; }
.entry { break-inside: avoid; border-top: 1px solid #969696; padding-top: 9pt; margin-bottom: 18pt; position: relative; }
.entry p, .entry ul { margin: 7pt 0 0 0; padding: 0; }
.entry ul { list-style: none; }
.entry li { display: inline-block; margin-right: 22pt; }
.phone { font-size: 22pt; font-weight: bold; }
.icon { width: 27pt; height: 27pt; vertical-align: middle; margin-right: 7pt; }
.qr { position: absolute; right: 0; bottom: 0; width: 68pt; height: 68pt; }
.links { margin-right: 90pt; }
ol.toc, ol.index { list-style: none; padding: 0; }
ol.toc a::after, ol.index a::after { content: leader('.') target-counter(attr(href), page); }
a { color: #000; text-decoration: none; }
</style>
</head>
<body>
<section class="cover">
<h1>{{.Title}}</h1>
<p><strong>{{.Territory}}</strong></p>
<p>Édition du {{.Edition}}</p>
{{with .About.Counts}}<p>{{.}}</p>{{end}}
</section>
<h1>Comment lire ce guide</h1>
{{range .Intro}}<p>{{.}}</p>{{end}}
<h2>Les pictogrammes</h2>
<ul>{{range .Legend}}<li>{{icon .Icon}} <strong>{{.Label}}</strong>{{if and .Text (ne .Text .Label)}} : {{.Text}}{{end}}</li>{{end}}</ul>
{{with .Helplines}}<h2>Un doute ? Appelez</h2>{{range .}}<p><strong>{{.Name}}</strong> <span class="phone">{{.Phone.Display}}</span><br>{{.When}}{{with .Note}} – {{.}}{{end}}</p>{{end}}{{end}}
<h1>Sommaire</h1>
<ol class="toc">{{range .Sections}}<li><a href="#{{.Anchor}}">{{.Title}}</a></li>{{end}}</ol>
{{range .Sections}}
<h1 class="commune" id="{{.Anchor}}">{{.Title}}</h1>
{{range .Entries}}<article class="entry" id="{{.Anchor}}">
<h2>{{.Name}}</h2>
{{with .Address}}<p>{{icon "address"}}{{range $i, $l := .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>{{end}}
{{with .Phones}}<p>{{icon "phone"}}{{range $i, $p := .}}{{if $i}}<br>ou {{end}}<a class="phone" href="{{uri $p.URI}}">{{$p.Display}}</a>{{end}}</p>{{end}}
{{with .Hours.Lines}}<p>{{icon "hours"}}{{range $i, $l := .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>{{end}}
{{if .Hours.Unsure}}<p><strong>Horaires à confirmer par téléphone</strong></p>{{end}}
{{with .Services}}<ul>{{range .}}<li>{{icon .Icon}}{{.Label}}</li>{{end}}</ul>{{end}}
{{with .Facts}}<ul>{{range .}}<li>{{icon .Icon}}{{.Text}}</li>{{end}}</ul>{{end}}
<div class="links">
{{with .Email}}<p>{{icon "email"}}<a href="{{.URL}}">{{.Text}}</a></p>{{end}}
{{with .Website}}<p>{{icon "website"}}<a href="{{.URL}}">{{.Text}}</a></p>{{end}}
{{with .Updated}}<p>{{.}}</p>{{end}}
</div>
{{with .QR}}<a href="{{.}}">{{qr .}}</a>{{end}}
</article>
{{end}}{{end}}
<h1>Index des lieux</h1>
<ol class="index">{{range .Index}}<li><a href="#{{.Anchor}}">{{.Text}}</a></li>{{end}}</ol>
<h1>Mes notes</h1>
<h1>À propos de ce guide</h1>
<p>{{.About.Source}}</p>
{{with .About.SourceDate}}<p>{{.}}</p>{{end}}
<p>{{.About.Licence}}</p>
<p>{{.About.Generated}}</p>
{{range .About.FontCredits}}<p>{{.}}</p>{{end}}
</body>
</html>
`))
