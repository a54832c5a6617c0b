package pdfua

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Problem is a broken rule: its clause in ISO 14289-1 (as veraPDF numbers
// its tests) and what was found.
type Problem struct {
	Rule    string
	Message string
}

func (p Problem) String() string { return p.Rule + " : " + p.Message }

// CheckFile checks the PDF at path.
func CheckFile(path string) ([]Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Check(f)
}

// Check reads a PDF and returns the PDF/UA-1 rules it breaks, in a stable
// order. An error means the file could not be read at all.
func Check(r io.ReadSeeker) ([]Problem, error) {
	model.ConfigPath = "disable" // pdfcpu must not write a configuration file
	ctx, err := api.ReadContext(r, model.NewDefaultConfiguration())
	if err != nil {
		return nil, fmt.Errorf("PDF illisible : %w", err)
	}
	if err := ctx.XRefTable.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("arbre des pages illisible : %w", err)
	}
	c := &checker{xt: ctx.XRefTable, mcidElem: map[[2]int]types.IndirectRef{}}
	c.run(ctx)
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Rule < c.problems[j].Rule })
	return c.problems, nil
}

type checker struct {
	xt       *model.XRefTable
	problems []Problem
	seen     map[string]int

	pageObj      map[int]int // page object number → page index
	pageMCIDs    [][]int     // MCIDs found in each page's content
	mcidElem     map[[2]int]types.IndirectRef
	linkAnnots   map[int]bool // object numbers of Link annotations
	objrTargets  map[int]bool
	headingLevel int
}

// fail records a problem; repeated problems of one rule are counted, not
// listed, beyond a few.
func (c *checker) fail(rule, format string, args ...any) {
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	c.seen[rule]++
	if c.seen[rule] <= 3 {
		c.problems = append(c.problems, Problem{rule, fmt.Sprintf(format, args...)})
	}
}

var (
	reLang = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)
	roles  = map[string]bool{
		"Document": true, "Part": true, "Art": true, "Sect": true, "Div": true, "BlockQuote": true, "Caption": true,
		"TOC": true, "TOCI": true, "Index": true, "NonStruct": true, "Private": true, "P": true,
		"H": true, "H1": true, "H2": true, "H3": true, "H4": true, "H5": true, "H6": true,
		"L": true, "LI": true, "Lbl": true, "LBody": true, "Table": true, "TR": true, "TH": true, "TD": true,
		"THead": true, "TBody": true, "TFoot": true, "Span": true, "Quote": true, "Note": true, "Reference": true,
		"BibEntry": true, "Code": true, "Link": true, "Annot": true, "Ruby": true, "Warichu": true,
		"Figure": true, "Formula": true, "Form": true,
	}
)

func (c *checker) run(ctx *model.Context) {
	xt := c.xt
	if v := ctx.HeaderVersion; v != nil && (*v < model.V10 || *v > model.V17) {
		c.fail("6.1-1", "version d’en-tête %s hors de 1.0 à 1.7", v)
	}
	cat, err := xt.Catalog()
	if err != nil {
		c.fail("7.1-11", "catalogue illisible : %v", err)
		return
	}
	c.catalog(cat)
	c.info()
	c.pages()
	root := cat["StructTreeRoot"]
	if root == nil {
		c.fail("7.1-11", "pas d’arbre de structure (StructTreeRoot)")
		return
	}
	c.structure(root)
	c.crossCheck()
}

func (c *checker) catalog(cat types.Dict) {
	mi, _ := c.xt.DereferenceDict(cat["MarkInfo"])
	if b := mi.BooleanEntry("Marked"); b == nil || !*b {
		c.fail("6.2-1", "le catalogue n’a pas MarkInfo /Marked true")
	}
	if s, ok := c.text(cat["Lang"]); !ok || !reLang.MatchString(s) {
		c.fail("7.2-3", "langue du document absente ou invalide (Lang)")
	}
	vp, _ := c.xt.DereferenceDict(cat["ViewerPreferences"])
	if b := vp.BooleanEntry("DisplayDocTitle"); b == nil || !*b {
		c.fail("7.1-10", "ViewerPreferences /DisplayDocTitle true absent")
	}
	sd, _, err := c.xt.DereferenceStreamDict(cat["Metadata"])
	if err != nil || sd == nil {
		c.fail("7.1-8", "pas de flux de métadonnées XMP dans le catalogue")
		return
	}
	if err := sd.Decode(); err != nil {
		c.fail("7.1-8", "métadonnées XMP illisibles")
		return
	}
	x := sd.Content
	if !bytes.Contains(x, []byte("http://www.aiim.org/pdfua/ns/id/")) ||
		!(bytes.Contains(x, []byte("<pdfuaid:part>1</pdfuaid:part>")) || bytes.Contains(x, []byte(`pdfuaid:part="1"`))) {
		c.fail("5-1", "l’identification PDF/UA (pdfuaid:part 1) manque dans les métadonnées XMP")
	}
	if !bytes.Contains(x, []byte("<dc:title>")) {
		c.fail("7.1-9", "les métadonnées XMP n’ont pas de dc:title")
	}
}

func (c *checker) info() {
	if c.xt.Info == nil {
		return
	}
	d, _ := c.xt.DereferenceDict(*c.xt.Info)
	if s, ok := c.text(d["Title"]); !ok || strings.TrimSpace(s) == "" {
		c.fail("7.1-9", "le document n’a pas de titre")
	}
}

func (c *checker) pages() {
	xt := c.xt
	c.pageObj = map[int]int{}
	c.linkAnnots = map[int]bool{}
	for i := 1; i <= xt.PageCount; i++ {
		pd, ref, _, err := xt.PageDict(i, false)
		if err != nil || pd == nil {
			c.fail("7.1-11", "page %d illisible", i)
			c.pageMCIDs = append(c.pageMCIDs, nil)
			continue
		}
		if ref != nil {
			c.pageObj[ref.ObjectNumber.Value()] = i - 1
		}
		if pd.IntEntry("StructParents") == nil {
			c.fail("7.1-11", "la page %d n’a pas de StructParents", i)
		}
		c.pageMCIDs = append(c.pageMCIDs, c.content(pd, i))
		annots, _ := xt.DereferenceArray(pd["Annots"])
		if len(annots) > 0 {
			if tabs := pd.NameEntry("Tabs"); tabs == nil || *tabs != "S" {
				c.fail("7.18.3-1", "la page %d a des annotations mais pas /Tabs /S", i)
			}
		}
		for _, a := range annots {
			ir, isRef := a.(types.IndirectRef)
			ad, _ := xt.DereferenceDict(a)
			if st := ad.NameEntry("Subtype"); st == nil || *st != "Link" {
				continue
			}
			if s, ok := c.text(ad["Contents"]); !ok || s == "" {
				c.fail("7.18.5-2", "un lien de la page %d n’a pas de description (Contents)", i)
			}
			if !isRef {
				c.fail("7.18.5-1", "un lien de la page %d n’est pas un objet indirect : il ne peut pas être balisé", i)
				continue
			}
			if ad.IntEntry("StructParent") == nil {
				c.fail("7.18.5-1", "un lien de la page %d n’a pas de StructParent", i)
			}
			c.linkAnnots[ir.ObjectNumber.Value()] = true
		}
		c.fonts(pd, i)
	}
}

// content scans the content streams of a page and returns its MCIDs.
func (c *checker) content(pd types.Dict, page int) []int {
	m := scanContent(c.pageContent(pd))
	if m.untagged > 0 {
		c.fail("7.1-1", "page %d : %d tracés ou textes ni balisés ni marqués comme artefacts", page, m.untagged)
	}
	if m.nestedBad > 0 {
		c.fail("7.1-2", "page %d : contenu balisé et artefact imbriqués", page)
	}
	if m.unclosed {
		c.fail("7.1-1", "page %d : séquence de contenu marqué non fermée", page)
	}
	seen := map[int]bool{}
	for _, id := range m.mcids {
		if seen[id] {
			c.fail("7.1-11", "page %d : MCID %d utilisé deux fois", page, id)
		}
		seen[id] = true
	}
	return m.mcids
}

// pageContent returns the decoded content streams of a page, joined.
func (c *checker) pageContent(pd types.Dict) []byte {
	var streams []types.Object
	switch v := pd["Contents"].(type) {
	case types.Array:
		streams = v
	case nil:
	default:
		if a, err := c.xt.DereferenceArray(v); err == nil && a != nil {
			streams = a
		} else {
			streams = []types.Object{v}
		}
	}
	var data []byte
	for _, s := range streams {
		sd, _, err := c.xt.DereferenceStreamDict(s)
		if err != nil || sd == nil {
			continue
		}
		if err := sd.Decode(); err == nil {
			data = append(data, sd.Content...)
			data = append(data, '\n')
		}
	}
	return data
}

func (c *checker) fonts(pd types.Dict, page int) {
	res, _ := c.xt.DereferenceDict(pd["Resources"])
	fonts, _ := c.xt.DereferenceDict(res["Font"])
	for name, f := range fonts {
		fd, _ := c.xt.DereferenceDict(f)
		sub := fd.NameEntry("Subtype")
		if sub != nil && *sub == "Type0" {
			if fd["ToUnicode"] == nil {
				c.fail("7.21.7-1", "la police %s n’a pas de table ToUnicode", name)
			}
			desc, _ := c.xt.DereferenceArray(fd["DescendantFonts"])
			if len(desc) == 0 {
				c.fail("7.21.4.1-1", "la police %s n’a pas de police descendante", name)
				continue
			}
			fd, _ = c.xt.DereferenceDict(desc[0])
			if st := fd.NameEntry("Subtype"); st != nil && *st == "CIDFontType2" && fd["CIDToGIDMap"] == nil {
				c.fail("7.21.3.2-1", "la police %s n’a pas de CIDToGIDMap", name)
			}
		}
		fdesc, _ := c.xt.DereferenceDict(fd["FontDescriptor"])
		if fdesc["FontFile"] == nil && fdesc["FontFile2"] == nil && fdesc["FontFile3"] == nil {
			c.fail("7.21.4.1-1", "la police %s de la page %d n’est pas incorporée", name, page)
		}
	}
}

// structure walks the structure tree from its root.
func (c *checker) structure(rootObj types.Object) {
	root, err := c.xt.DereferenceDict(rootObj)
	if err != nil || root == nil {
		c.fail("7.1-11", "arbre de structure illisible")
		return
	}
	if t := root.NameEntry("Type"); t == nil || *t != "StructTreeRoot" {
		c.fail("7.1-11", "la racine de structure n’est pas de type StructTreeRoot")
	}
	c.objrTargets = map[int]bool{}
	visited := map[int]bool{}
	var walk func(o types.Object, parentRole string, depth int)
	walk = func(o types.Object, parentRole string, depth int) {
		ref, isRef := o.(types.IndirectRef)
		if isRef {
			if visited[ref.ObjectNumber.Value()] || depth > 200 {
				c.fail("7.1-11", "arbre de structure cyclique")
				return
			}
			visited[ref.ObjectNumber.Value()] = true
		}
		d, err := c.xt.DereferenceDict(o)
		if err != nil || d == nil {
			return
		}
		if t := d.NameEntry("Type"); t != nil && (*t == "MCR" || *t == "OBJR") {
			return
		}
		role := ""
		if s := d.NameEntry("S"); s != nil {
			role = *s
		}
		if !roles[role] {
			c.fail("7.1-5", "type de structure non standard « %s » sans correspondance", role)
		}
		if d["P"] == nil {
			c.fail("7.1-11", "l’élément %s n’a pas de parent (P)", role)
		}
		c.checkRole(d, role, parentRole)
		pg := d["Pg"]
		for _, k := range kids(d["K"]) {
			switch k := k.(type) {
			case types.Integer:
				c.mcr(pg, int(k), ref, isRef)
			case types.IndirectRef, types.Dict:
				kd, _ := c.xt.DereferenceDict(k)
				switch t := kd.NameEntry("Type"); {
				case t != nil && *t == "MCR":
					p := kd["Pg"]
					if p == nil {
						p = pg
					}
					if id := kd.IntEntry("MCID"); id != nil {
						c.mcr(p, *id, ref, isRef)
					}
				case t != nil && *t == "OBJR":
					if obj, ok := kd["Obj"].(types.IndirectRef); ok {
						c.objrTargets[obj.ObjectNumber.Value()] = true
					}
				default:
					walk(k, role, depth+1)
				}
			}
		}
	}
	for _, k := range kids(root["K"]) {
		walk(k, "", 0)
	}
	if c.headingLevel == 0 {
		c.fail("7.4.2-1", "le document n’a aucun titre (H1)")
	}
}

func kids(o types.Object) types.Array {
	switch v := o.(type) {
	case nil:
		return nil
	case types.Array:
		return v
	default:
		return types.Array{v}
	}
}

func (c *checker) mcr(pg types.Object, mcid int, elem types.IndirectRef, isRef bool) {
	ref, ok := pg.(types.IndirectRef)
	if !ok {
		c.fail("7.1-11", "contenu marqué (MCID %d) sans page", mcid)
		return
	}
	page, ok := c.pageObj[ref.ObjectNumber.Value()]
	if !ok {
		c.fail("7.1-11", "contenu marqué (MCID %d) sur une page inconnue", mcid)
		return
	}
	if isRef {
		c.mcidElem[[2]int{page, mcid}] = elem
	}
}

// checkRole applies the rules of particular structure types.
func (c *checker) checkRole(d types.Dict, role, parent string) {
	switch role {
	case "Figure", "Formula":
		alt, ok := c.text(d["Alt"])
		if _, at := c.text(d["ActualText"]); (!ok || strings.TrimSpace(alt) == "") && !at {
			c.fail("7.3-1", "une image (Figure) n’a pas de texte de remplacement (Alt)")
		}
	case "H1", "H2", "H3", "H4", "H5", "H6":
		level := int(role[1] - '0')
		if c.headingLevel == 0 && level != 1 {
			c.fail("7.4.2-1", "le premier titre est un %s, pas un H1", role)
		}
		if level > c.headingLevel+1 && c.headingLevel > 0 {
			c.fail("7.4.2-1", "titre %s après un H%d : niveau sauté", role, c.headingLevel)
		}
		c.headingLevel = level
	case "TH":
		if !c.hasScope(d) {
			c.fail("7.5-1", "une cellule d’en-tête de tableau (TH) n’a pas d’attribut Scope")
		}
	case "LI":
		if parent != "L" {
			c.fail("7.2-20", "élément de liste (LI) hors d’une liste (L)")
		}
	case "Lbl", "LBody":
		if parent != "LI" {
			c.fail("7.2-21", "%s hors d’un élément de liste (LI)", role)
		}
	case "TOCI":
		if parent != "TOC" {
			c.fail("7.2-26", "TOCI hors d’une table des matières (TOC)")
		}
	}
}

// hasScope reports whether a structure element has a Scope attribute.
func (c *checker) hasScope(d types.Dict) bool {
	attrs := kids(d["A"])
	for _, a := range attrs {
		ad, _ := c.xt.DereferenceDict(a)
		if ad.NameEntry("Scope") != nil {
			return true
		}
	}
	return false
}

// crossCheck ties content, parent tree and annotations to the structure.
func (c *checker) crossCheck() {
	for p, ids := range c.pageMCIDs {
		for _, id := range ids {
			if _, ok := c.mcidElem[[2]int{p, id}]; !ok {
				c.fail("7.1-11", "page %d : le contenu marqué MCID %d n’appartient à aucun élément de structure", p+1, id)
			}
		}
	}
	for obj := range c.linkAnnots {
		if !c.objrTargets[obj] {
			c.fail("7.18.5-1", "le lien (objet %d) n’est rattaché à aucun élément Link de la structure", obj)
		}
	}
}

// text reads a PDF text string (literal or hexadecimal, UTF-16 or not).
func (c *checker) text(o types.Object) (string, bool) {
	o, _ = c.xt.Dereference(o)
	if o == nil {
		return "", false
	}
	s, err := types.StringOrHexLiteral(o)
	if err != nil || s == nil {
		return "", false
	}
	return *s, true
}
