package pdfua

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Problem is a broken rule: its number as veraPDF's PDF/UA-1 profile gives
// it (clause of ISO 14289-1, then test: "7.21.7-1"), its Matterhorn
// Protocol failure condition, and what was found.
type Problem struct {
	Rule       string
	Matterhorn string
	Message    string
}

func (p Problem) String() string {
	return p.Rule + " (Matterhorn " + p.Matterhorn + ") : " + p.Message
}

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
	c := &checker{xt: ctx.XRefTable, fonts: map[int]*fontInfo{}, mcrOwner: map[[2]int]int{},
		objrOwner: map[int]int{}, elemRole: map[int]string{}, elemMCRs: map[int][][2]int{}}
	c.run(ctx)
	sort.SliceStable(c.problems, func(i, j int) bool { return ruleLess(c.problems[i].Rule, c.problems[j].Rule) })
	return c.problems, nil
}

// ruleLess orders rule numbers as the standard does: 7.2-3 before 7.2-10.
func ruleLess(a, b string) bool {
	split := func(s string) []int {
		var out []int
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '-' }) {
			n := 0
			fmt.Sscan(f, &n)
			out = append(out, n)
		}
		return out
	}
	return slices.Compare(split(a), split(b)) < 0
}

type checker struct {
	xt       *model.XRefTable
	problems []Problem
	seen     map[string]int

	pages     []pageInfo
	pageIndex map[int]int      // page object number → page index
	runs      map[int]*textRun // of the page being scanned
	fonts     map[int]*fontInfo
	links     []annotInfo // Link annotations

	roleMap   types.Dict
	mcrOwner  map[[2]int]int   // (page, MCID) → object number of the element referring to it
	elemMCRs  map[int][][2]int // element → its (page, MCID), in order
	objrOwner map[int]int      // annotation object number → element holding its OBJR
	elemRole  map[int]string   // element object number → standard type

	headingLevel int
}

type pageInfo struct {
	mcids         []int
	structParents *int
	runs          map[int]*textRun // the text of each MCID
}

// textRun is the text of a marked-content sequence and the heights of its
// first and last baselines.
type textRun struct {
	text          string
	firstY, lastY float64
}

type annotInfo struct {
	obj, page    int
	structParent *int
	treeMismatch bool // the parent tree does not lead back to its element
}

// fail records a problem; repeated problems of one rule are counted, not
// listed, beyond a few.
func (c *checker) fail(rule, format string, args ...any) {
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	c.seen[rule]++
	if c.seen[rule] <= 3 {
		c.problems = append(c.problems, Problem{rule, matterhorn[rule], fmt.Sprintf(format, args...)})
	}
}

// matterhorn gives the Matterhorn Protocol 1.1 failure condition (or only
// its checkpoint) of each rule checked.
var matterhorn = map[string]string{
	"5-1": "06-002", "5-2": "06-002", "6.1-1": "01", "6.2-1": "01-001",
	"7.1-1": "01-003", "7.1-2": "01-004", "7.1-3": "01-005", "7.1-4": "01-007",
	"7.1-5": "02-001", "7.1-6": "02-003", "7.1-7": "02-004", "7.1-8": "06-001", "7.1-9": "06-003",
	"7.1-10": "07-001", "7.1-11": "01-006", "7.1-12": "01-006",
	"7.2-3": "15", "7.2-4": "15", "7.2-8": "15", "7.2-9": "15", "7.2-10": "15", "7.2-42": "15",
	"7.2-17": "16-001", "7.2-18": "16-002", "7.2-19": "16", "7.2-20": "16-002",
	"7.2-26": "09", "7.2-27": "09", "7.2-29": "11-006", "7.2-34": "11-001",
	"7.3-1": "13-004", "7.4.2-1": "14-002", "7.5-1": "15-003",
	"7.18.1-2": "28-004", "7.18.3-1": "28-009", "7.18.5-1": "28-011", "7.18.5-2": "28-012",
	"14.8.2.5": "-", "7.21.3.2-1": "31-008", "7.21.4.1-1": "31-009", "7.21.7-1": "10-001", "7.21.7-2": "10-002",
}

var (
	reLang = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)
	// standard are the standard structure types of ISO 32000-1 §14.8.4.
	standard = map[string]bool{
		"Document": true, "Part": true, "Art": true, "Sect": true, "Div": true, "BlockQuote": true, "Caption": true,
		"TOC": true, "TOCI": true, "Index": true, "NonStruct": true, "Private": true, "P": true,
		"H": true, "H1": true, "H2": true, "H3": true, "H4": true, "H5": true, "H6": true,
		"L": true, "LI": true, "Lbl": true, "LBody": true, "Table": true, "TR": true, "TH": true, "TD": true,
		"THead": true, "TBody": true, "TFoot": true, "Span": true, "Quote": true, "Note": true, "Reference": true,
		"BibEntry": true, "Code": true, "Link": true, "Annot": true, "Ruby": true, "RB": true, "RT": true, "RP": true,
		"Warichu": true, "WT": true, "WP": true, "Figure": true, "Formula": true, "Form": true,
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
	c.pagesAndContent()
	c.fontsReport()
	root, _ := xt.DereferenceDict(cat["StructTreeRoot"])
	if root == nil {
		c.fail("7.1-11", "pas d’arbre de structure (StructTreeRoot) dans le catalogue")
		return
	}
	c.structure(root)
	c.parentTree(root)
	c.linksReport()
	c.wordBreaks()
}

// wordBreaks checks that the text of an element that goes on to another
// line keeps a space between the last word of a line and the first of the
// next (ISO 32000-1 §14.8.2.5): a screen reader reading the element's
// text would otherwise read the two words as one. Not a rule of veraPDF's.
func (c *checker) wordBreaks() {
	for _, e := range slices.Sorted(maps.Keys(c.elemMCRs)) {
		if r := c.elemRole[e]; r == "Figure" || r == "Formula" {
			continue // read by their Alt, not by their content
		}
		mcrs := c.elemMCRs[e]
		for i := 1; i < len(mcrs); i++ {
			a, b := mcrs[i-1], mcrs[i]
			if a[0] != b[0] {
				continue
			}
			ra, rb := c.pages[a[0]].runs[a[1]], c.pages[b[0]].runs[b[1]]
			if ra == nil || rb == nil || ra.text == "" || rb.text == "" || math.Abs(ra.lastY-rb.firstY) < 1 {
				continue
			}
			last, _ := utf8.DecodeLastRuneInString(ra.text)
			first, _ := utf8.DecodeRuneInString(rb.text)
			// A word too long for a line (a web or mail address) is cut
			// between characters: no space belongs there.
			if isWordRune(last) && isWordRune(first) && !strings.ContainsAny(lastWord(ra.text)+firstWord(rb.text), "@/.") {
				c.fail("14.8.2.5", "page %d : « %s|%s » : pas d’espace entre la fin d’une ligne et le début de la suivante d’un même élément %s",
					a[0]+1, tail(ra.text, 20), head(rb.text, 20), c.elemRole[e])
			}
		}
	}
}

// lastWord and firstWord return the last and first words of a text that
// ends and starts with one.
func lastWord(s string) string {
	w := strings.FieldsFunc(s, unicode.IsSpace)
	return w[len(w)-1]
}

func firstWord(s string) string { return strings.FieldsFunc(s, unicode.IsSpace)[0] }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func head(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func (c *checker) catalog(cat types.Dict) {
	mi, _ := c.xt.DereferenceDict(cat["MarkInfo"])
	if b := mi.BooleanEntry("Marked"); b == nil || !*b {
		c.fail("6.2-1", "le catalogue n’a pas MarkInfo /Marked true")
	}
	if b := mi.BooleanEntry("Suspects"); b != nil && *b {
		c.fail("7.1-4", "MarkInfo /Suspects true")
	}
	if s, ok := c.text(cat["Lang"]); !ok {
		c.fail("7.2-34", "langue du document (Lang du catalogue) absente")
	} else if !reLang.MatchString(s) {
		c.fail("7.2-29", "langue du document « %s » invalide", s)
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
	switch {
	case !bytes.Contains(x, []byte("http://www.aiim.org/pdfua/ns/id/")):
		c.fail("5-1", "l’identification PDF/UA (pdfuaid) manque dans les métadonnées XMP")
	case !(bytes.Contains(x, []byte("<pdfuaid:part>1</pdfuaid:part>")) || bytes.Contains(x, []byte(`pdfuaid:part="1"`))):
		c.fail("5-2", "pdfuaid:part ne vaut pas 1 dans les métadonnées XMP")
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

// pagesAndContent reads every page: its content and Form XObjects, its
// fonts, its annotations.
func (c *checker) pagesAndContent() {
	xt := c.xt
	c.pageIndex = map[int]int{}
	for i := 1; i <= xt.PageCount; i++ {
		pd, ref, _, err := xt.PageDict(i, false)
		var pi pageInfo
		if err != nil || pd == nil {
			c.fail("7.1-11", "page %d illisible", i)
			c.pages = append(c.pages, pi)
			continue
		}
		if ref != nil {
			c.pageIndex[ref.ObjectNumber.Value()] = i - 1
		}
		pi.structParents = pd.IntEntry("StructParents")
		res, _ := xt.DereferenceDict(pd["Resources"])
		sc := &scan{}
		pi.runs = map[int]*textRun{}
		c.runs = pi.runs
		c.scanStream(sc, c.pageContent(pd), res, 0)
		c.runs = nil
		switch {
		case sc.untagged > 0:
			c.fail("7.1-3", "page %d : %d tracés, textes ou images ni balisés ni marqués comme artefacts", i, sc.untagged)
		case sc.unclosed || len(sc.stack) > 0:
			c.fail("7.1-3", "page %d : séquences de contenu marqué mal fermées", i)
		}
		if sc.artInTagged > 0 {
			c.fail("7.1-1", "page %d : %d artefacts à l’intérieur de contenu balisé", i, sc.artInTagged)
		}
		if sc.taggedInArt > 0 {
			c.fail("7.1-2", "page %d : %d contenus balisés (MCID) à l’intérieur d’un artefact", i, sc.taggedInArt)
		}
		seen := map[int]bool{}
		for _, id := range sc.mcids {
			if seen[id] {
				c.fail("7.1-3", "page %d : MCID %d utilisé deux fois", i, id)
			}
			seen[id] = true
		}
		if len(sc.mcids) > 0 && pi.structParents == nil {
			c.fail("7.1-3", "la page %d a du contenu balisé mais pas de StructParents : rien ne le rattache à la structure", i)
		}
		pi.mcids = sc.mcids
		c.pages = append(c.pages, pi)
		c.annotations(pd, i)
	}
}

// scanStream scans a content stream with its resources, following the
// Form XObjects it draws.
func (c *checker) scanStream(sc *scan, data []byte, res types.Dict, depth int) {
	fonts, _ := c.xt.DereferenceDict(res["Font"])
	xobjects, _ := c.xt.DereferenceDict(res["XObject"])
	text, form := sc.text, sc.form
	sc.text = func(name, s string, mcid int, y float64) {
		f := c.font(fonts[name])
		if f == nil {
			return
		}
		f.show(s)
		if depth > 0 || mcid < 0 || c.runs == nil {
			return // a form's MCIDs are not the page's
		}
		r := c.runs[mcid]
		if r == nil {
			r = &textRun{firstY: y}
			c.runs[mcid] = r
		}
		r.text += f.decode(s)
		r.lastY = y
	}
	sc.form = func(name string) bool {
		sd, _, err := c.xt.DereferenceStreamDict(xobjects[name])
		if err != nil || sd == nil || sd.Dict.Subtype() == nil || *sd.Dict.Subtype() != "Form" {
			return false
		}
		if depth >= 8 || sd.Decode() != nil {
			return true // a form drawing itself, or unreadable: not scanned again
		}
		inner, _ := c.xt.DereferenceDict(sd.Dict["Resources"])
		if inner == nil {
			inner = res
		}
		// The form's MCIDs are its own (its StructParents), not the page's.
		n := len(sc.mcids)
		c.scanStream(sc, sd.Content, inner, depth+1)
		sc.mcids = sc.mcids[:n]
		return true
	}
	sc.run(data)
	sc.text, sc.form = text, form
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

func (c *checker) annotations(pd types.Dict, page int) {
	annots, _ := c.xt.DereferenceArray(pd["Annots"])
	if len(annots) > 0 {
		if tabs := pd.NameEntry("Tabs"); tabs == nil || *tabs != "S" {
			c.fail("7.18.3-1", "la page %d a des annotations mais pas /Tabs /S", page)
		}
	}
	for _, a := range annots {
		ir, isRef := a.(types.IndirectRef)
		ad, _ := c.xt.DereferenceDict(a)
		st := ad.NameEntry("Subtype")
		if st == nil || *st == "Popup" {
			continue
		}
		s, ok := c.text(ad["Contents"])
		empty := !ok || strings.TrimSpace(s) == ""
		if *st != "Link" {
			if empty {
				c.fail("7.18.1-2", "une annotation %s de la page %d n’a pas de description (Contents)", *st, page)
			}
			continue
		}
		if empty {
			c.fail("7.18.5-2", "un lien de la page %d n’a pas de description (Contents)", page)
		}
		if !isRef {
			c.fail("7.18.5-1", "un lien de la page %d n’est pas un objet indirect : il ne peut pas être balisé", page)
			continue
		}
		c.links = append(c.links, annotInfo{obj: ir.ObjectNumber.Value(), page: page, structParent: ad.IntEntry("StructParent")})
	}
}

// structure walks the structure tree from its root.
func (c *checker) structure(root types.Dict) {
	if t := root.NameEntry("Type"); t == nil || *t != "StructTreeRoot" {
		c.fail("7.1-11", "la racine de structure n’est pas de type StructTreeRoot")
	}
	c.roleMap, _ = c.xt.DereferenceDict(root["RoleMap"])
	for k, v := range c.roleMap {
		if standard[k] {
			if n, ok := v.(types.Name); ok && string(n) != k {
				c.fail("7.1-7", "le type standard %s est redéfini en %s par le RoleMap", k, n)
			}
		}
	}
	visited := map[int]bool{}
	var walk func(o types.Object, parentStd string, parentObj int, depth int)
	walk = func(o types.Object, parentStd string, parentObj int, depth int) {
		obj := 0
		if ref, ok := o.(types.IndirectRef); ok {
			obj = ref.ObjectNumber.Value()
			if visited[obj] || depth > 200 {
				c.fail("7.1-11", "arbre de structure cyclique ou élément partagé (objet %d)", obj)
				return
			}
			visited[obj] = true
		}
		d, err := c.xt.DereferenceDict(o)
		if err != nil || d == nil {
			return
		}
		role := ""
		if s := d.NameEntry("S"); s != nil {
			role = *s
		}
		std := c.standardType(role)
		if obj != 0 {
			c.elemRole[obj] = std
		}
		if d["P"] == nil {
			c.fail("7.1-12", "l’élément %s n’a pas de parent (P)", role)
		}
		c.checkRole(d, std, parentStd)
		pg := d["Pg"]
		var kidTypes []string
		var kidElems []types.Object
		for _, k := range kids(d["K"]) {
			switch k := k.(type) {
			case types.Integer:
				c.mcr(pg, int(k), obj, role)
			case types.IndirectRef, types.Dict:
				kd, _ := c.xt.DereferenceDict(k)
				switch t := kd.NameEntry("Type"); {
				case t != nil && *t == "MCR":
					p := kd["Pg"]
					if p == nil {
						p = pg
					}
					if id := kd.IntEntry("MCID"); id != nil {
						c.mcr(p, *id, obj, role)
					}
				case t != nil && *t == "OBJR":
					if a, ok := kd["Obj"].(types.IndirectRef); ok {
						c.objrOwner[a.ObjectNumber.Value()] = obj
					}
				default:
					ks := ""
					if s := kd.NameEntry("S"); s != nil {
						ks = c.standardType(*s)
					}
					kidTypes = append(kidTypes, ks)
					kidElems = append(kidElems, k)
				}
			}
		}
		c.checkKids(std, kidTypes)
		if std == "Table" {
			c.tableGrid(d)
		}
		for _, k := range kidElems {
			walk(k, std, obj, depth+1)
		}
	}
	for _, k := range kids(root["K"]) {
		walk(k, "", 0, 0)
	}
	if c.headingLevel == 0 {
		c.fail("7.4.2-1", "le document n’a aucun titre (H1)")
	}
}

// standardType is the standard type a structure type stands for, through
// the RoleMap; non-standard types without a mapping are reported.
func (c *checker) standardType(role string) string {
	seen := map[string]bool{}
	t := role
	for !standard[t] {
		if seen[t] {
			c.fail("7.1-6", "le RoleMap fait tourner en rond le type %s", role)
			return ""
		}
		seen[t] = true
		n, ok := c.roleMap[t].(types.Name)
		if !ok {
			c.fail("7.1-5", "type de structure non standard « %s » sans correspondance dans le RoleMap", role)
			return ""
		}
		t = string(n)
	}
	return t
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

// mcr records the marked content an element refers to.
func (c *checker) mcr(pg types.Object, mcid, elem int, role string) {
	ref, ok := pg.(types.IndirectRef)
	if !ok {
		c.fail("7.1-11", "l’élément %s désigne le contenu marqué MCID %d sans page (Pg)", role, mcid)
		return
	}
	page, ok := c.pageIndex[ref.ObjectNumber.Value()]
	if !ok {
		c.fail("7.1-11", "l’élément %s désigne le contenu marqué MCID %d sur un objet qui n’est pas une page", role, mcid)
		return
	}
	if !slices.Contains(c.pages[page].mcids, mcid) {
		c.fail("7.1-11", "l’élément %s désigne le MCID %d, absent du contenu de la page %d", role, mcid, page+1)
	}
	if elem != 0 {
		c.mcrOwner[[2]int{page, mcid}] = elem
		c.elemMCRs[elem] = append(c.elemMCRs[elem], [2]int{page, mcid})
	}
}

// checkRole applies the rules of particular structure types, by their
// standard type, to an element.
func (c *checker) checkRole(d types.Dict, std, parent string) {
	switch std {
	case "Figure", "Formula":
		alt, ok := c.text(d["Alt"])
		if _, at := c.text(d["ActualText"]); (!ok || strings.TrimSpace(alt) == "") && !at {
			c.fail("7.3-1", "une image (%s) n’a pas de texte de remplacement (Alt)", std)
		}
	case "H1", "H2", "H3", "H4", "H5", "H6":
		level := int(std[1] - '0')
		if c.headingLevel == 0 && level != 1 {
			c.fail("7.4.2-1", "le premier titre est un %s, pas un H1", std)
		}
		if level > c.headingLevel+1 && c.headingLevel > 0 {
			c.fail("7.4.2-1", "titre %s après un H%d : niveau sauté", std, c.headingLevel)
		}
		c.headingLevel = level
	case "TH":
		if c.attr(d, "Scope") == nil && c.attr(d, "Headers") == nil {
			c.fail("7.5-1", "une cellule d’en-tête de tableau (TH) n’a pas d’attribut Scope")
		}
	}
	inside := map[string]struct {
		rule    string
		parents []string
	}{
		"LI":    {"7.2-17", []string{"L"}},
		"LBody": {"7.2-18", []string{"LI"}},
		"TR":    {"7.2-4", []string{"Table", "THead", "TBody", "TFoot"}},
		"TH":    {"7.2-8", []string{"TR"}},
		"TD":    {"7.2-9", []string{"TR"}},
		"TOCI":  {"7.2-26", []string{"TOC"}},
	}
	if r, ok := inside[std]; ok && !slices.Contains(r.parents, parent) {
		c.fail(r.rule, "élément %s dans un %s au lieu de %s", std, cmpOr(parent, "élément racine"), strings.Join(r.parents, ", "))
	}
}

func cmpOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// checkKids applies the rules on what an element may contain.
func (c *checker) checkKids(std string, kidTypes []string) {
	allowed := map[string]struct {
		rule string
		kids []string
	}{
		"Table": {"7.2-3", []string{"TR", "THead", "TBody", "TFoot", "Caption"}},
		"TR":    {"7.2-10", []string{"TH", "TD"}},
		"L":     {"7.2-19", []string{"L", "LI", "Caption"}},
		"LI":    {"7.2-20", []string{"Lbl", "LBody"}},
		"TOC":   {"7.2-27", []string{"TOC", "TOCI", "Caption"}},
	}
	r, ok := allowed[std]
	if !ok {
		return
	}
	for _, k := range kidTypes {
		if !slices.Contains(r.kids, k) {
			c.fail(r.rule, "élément %s contenant un %s (permis : %s)", std, cmpOr(k, "type inconnu"), strings.Join(r.kids, ", "))
		}
	}
}

// tableGrid checks that every row of a table spans as many columns.
func (c *checker) tableGrid(table types.Dict) {
	var rows []types.Dict
	var collect func(d types.Dict, depth int)
	collect = func(d types.Dict, depth int) {
		for _, k := range kids(d["K"]) {
			kd, _ := c.xt.DereferenceDict(k)
			s := kd.NameEntry("S")
			if s == nil || depth > 3 {
				continue
			}
			switch c.standardType(*s) {
			case "TR":
				rows = append(rows, kd)
			case "THead", "TBody", "TFoot":
				collect(kd, depth+1)
			}
		}
	}
	collect(table, 0)
	spanned := map[int]int{} // row → columns taken by cells spanning rows from above
	var widths []int
	for r, tr := range rows {
		cols := spanned[r]
		for _, k := range kids(tr["K"]) {
			kd, _ := c.xt.DereferenceDict(k)
			if kd.NameEntry("S") == nil {
				continue
			}
			cs, rs := 1, 1
			if v, ok := c.attr(kd, "ColSpan").(types.Integer); ok {
				cs = int(v)
			}
			if v, ok := c.attr(kd, "RowSpan").(types.Integer); ok {
				rs = int(v)
			}
			cols += cs
			for x := 1; x < rs; x++ {
				spanned[r+x] += cs
			}
		}
		widths = append(widths, cols)
	}
	for r, w := range widths {
		if w != widths[0] {
			c.fail("7.2-42", "les lignes 1 et %d d’un tableau n’ont pas le même nombre de colonnes (%d et %d)", r+1, widths[0], w)
			return
		}
	}
}

// attr returns an attribute of a structure element, from any of its
// attribute dictionaries.
func (c *checker) attr(d types.Dict, key string) types.Object {
	for _, a := range kids(d["A"]) {
		ad, _ := c.xt.DereferenceDict(a)
		if v, ok := ad[key]; ok {
			o, _ := c.xt.Dereference(v)
			return o
		}
	}
	return nil
}

// parentTree checks the parent tree against the content and the
// structure: each MCID of a page, and each link, must lead back to the
// element that refers to it — the way readers find the structure of what
// they show.
func (c *checker) parentTree(root types.Dict) {
	tree := map[int]types.Object{}
	c.numberTree(root["ParentTree"], tree, 0)
	for p, pi := range c.pages {
		if len(pi.mcids) == 0 || pi.structParents == nil {
			continue
		}
		arr, _ := c.xt.DereferenceArray(tree[*pi.structParents])
		for _, id := range pi.mcids {
			owner, refers := c.mcrOwner[[2]int{p, id}]
			var got int
			if id < len(arr) {
				if ref, ok := arr[id].(types.IndirectRef); ok {
					got = ref.ObjectNumber.Value()
				}
			}
			switch {
			case got == 0:
				c.fail("7.1-3", "page %d : le MCID %d n’a pas d’élément dans l’arbre des parents (ParentTree) : pour un lecteur, ce contenu n’est pas balisé", p+1, id)
			case !refers:
				c.fail("7.1-3", "page %d : le MCID %d, rattaché à l’objet %d par l’arbre des parents, n’est désigné par aucun élément de structure", p+1, id, got)
			case got != owner:
				c.fail("7.1-11", "page %d : le MCID %d est rattaché à l’objet %d par l’arbre des parents, mais l’élément %d le désigne", p+1, id, got, owner)
			}
		}
	}
	for i, l := range c.links {
		if l.structParent == nil {
			c.fail("7.18.5-1", "un lien de la page %d n’a pas de StructParent", l.page)
			continue
		}
		ref, _ := tree[*l.structParent].(types.IndirectRef)
		if owner, ok := c.objrOwner[l.obj]; !ok || ref.ObjectNumber.Value() != owner {
			c.links[i].treeMismatch = true // reported by linksReport
		}
	}
}

// numberTree gathers the entries of a number tree.
func (c *checker) numberTree(o types.Object, out map[int]types.Object, depth int) {
	d, _ := c.xt.DereferenceDict(o)
	if d == nil || depth > 32 {
		return
	}
	nums, _ := c.xt.DereferenceArray(d["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := nums[i].(types.Integer); ok {
			out[int(k)] = nums[i+1]
		}
	}
	ks, _ := c.xt.DereferenceArray(d["Kids"])
	for _, k := range ks {
		c.numberTree(k, out, depth+1)
	}
}

// linksReport checks that each link annotation belongs to a Link element,
// by its OBJR and by the parent tree.
func (c *checker) linksReport() {
	for _, l := range c.links {
		owner, ok := c.objrOwner[l.obj]
		switch {
		case !ok:
			c.fail("7.18.5-1", "le lien (objet %d) de la page %d n’est rattaché à aucun élément de la structure (OBJR)", l.obj, l.page)
		case c.elemRole[owner] != "Link":
			c.fail("7.18.5-1", "le lien (objet %d) de la page %d est rattaché à un élément %s, pas à un élément Link", l.obj, l.page, cmpOr(c.elemRole[owner], "inconnu"))
		case l.treeMismatch:
			c.fail("7.18.5-1", "l’arbre des parents ne ramène pas le lien (objet %d) de la page %d à son élément Link", l.obj, l.page)
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
