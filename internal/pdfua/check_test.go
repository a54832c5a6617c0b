package pdfua

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"livret/guide"
	"livret/internal/fixtures"
	"livret/layout"
	"livret/render/pdf"
)

// The checker is tested as mutants.py (../shared/tools/pdfua) tests a
// checker: copies of files livret writes, each with one defect planted,
// must each be reported under the right rule; a valid change must not.

// written returns a guide of places (links, lists, contents) and a
// document of figures (tables), as livret writes them.
func written(t *testing.T) (guideFile, figures []byte) {
	t.Helper()
	th, err := layout.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	opt := pdf.Options{Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	write := func(b *layout.Book) []byte {
		var buf bytes.Buffer
		if err := pdf.Write(&buf, b, opt); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	g, err := layout.Guide(fixtures.SampleGuide(6), th)
	if err != nil {
		t.Fatal(err)
	}
	f := &guide.Figures{Title: "Les lieux en chiffres", Tables: []guide.Table{{Caption: "Lieux par commune",
		Header: []string{"Commune", "Lieux"}, Numeric: []bool{false, true},
		Rows: [][]string{{"Pessac", "5"}, {"Talence", "3"}, {"et 12 autres communes", "moins de 2"}}}}}
	fb, err := layout.FiguresDocument(f, fixtures.Wording(), th, "23 novembre 2026")
	if err != nil {
		t.Fatal(err)
	}
	return write(g), write(fb)
}

// mutate returns a copy of a PDF changed by change, written by pdfcpu.
func mutate(t *testing.T, data []byte, change func(xt *model.XRefTable, root types.Dict)) []byte {
	t.Helper()
	model.ConfigPath = "disable"
	ctx, err := api.ReadContext(bytes.NewReader(data), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	xt := ctx.XRefTable
	if err := xt.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	// pdfcpu writes an object of an object stream it has not decoded as
	// it read it, leaving out the objects it refers to: decode them all.
	for n := range xt.Table {
		if _, err := xt.Dereference(*types.NewIndirectRef(n, 0)); err != nil {
			t.Fatal(err)
		}
	}
	cat, _ := xt.Catalog()
	root, _ := xt.DereferenceDict(cat["StructTreeRoot"])
	change(xt, root)
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// elements returns the structure elements of a file in tree order.
func elements(xt *model.XRefTable, root types.Dict) []types.Dict {
	var out []types.Dict
	var walk func(o types.Object)
	walk = func(o types.Object) {
		d, _ := xt.DereferenceDict(o)
		if d == nil {
			return
		}
		if t := d.NameEntry("Type"); t != nil && (*t == "MCR" || *t == "OBJR") {
			return
		}
		if d.NameEntry("S") != nil {
			out = append(out, d)
		}
		for _, k := range kids(d["K"]) {
			walk(k)
		}
	}
	for _, k := range kids(root["K"]) {
		walk(k)
	}
	return out
}

func firstOf(t *testing.T, xt *model.XRefTable, root types.Dict, role string, nth int) types.Dict {
	t.Helper()
	for _, e := range elements(xt, root) {
		if *e.NameEntry("S") == role {
			if nth == 0 {
				return e
			}
			nth--
		}
	}
	t.Fatalf("no element %s", role)
	return nil
}

// setStream replaces the data of stream object ref.
func setStream(t *testing.T, xt *model.XRefTable, ref types.Object, data []byte) {
	t.Helper()
	ir, ok := ref.(types.IndirectRef)
	if !ok {
		t.Fatal("not an indirect stream")
	}
	e, ok := xt.FindTableEntryLight(ir.ObjectNumber.Value())
	if !ok {
		t.Fatal("stream not found")
	}
	sd := e.Object.(types.StreamDict)
	sd.Content = data
	if err := sd.Encode(); err != nil {
		t.Fatal(err)
	}
	e.Object = sd
}

// drawForm adds to the first page a Form XObject /Fx, its content made
// with the name of a font of the page, drawn by the operators draw.
func drawForm(t *testing.T, xt *model.XRefTable, content func(font string) string, draw string) {
	t.Helper()
	pd, _, _, _ := xt.PageDict(1, false)
	res, _ := xt.DereferenceDict(pd["Resources"])
	fonts, _ := xt.DereferenceDict(res["Font"])
	var font string
	for font = range fonts {
		break
	}
	form := types.NewStreamDict(types.Dict{"Type": types.Name("XObject"), "Subtype": types.Name("Form"), "Filter": types.Name("FlateDecode"),
		"BBox":      types.Array{types.Integer(0), types.Integer(0), types.Integer(595), types.Integer(842)},
		"Resources": types.Dict{"Font": types.Dict{font: fonts[font]}}}, 0, nil, nil, []types.PDFFilter{{Name: "FlateDecode"}})
	form.Content = []byte(content(font))
	if err := form.Encode(); err != nil {
		t.Fatal(err)
	}
	ref, err := xt.IndRefForNewObject(form)
	if err != nil {
		t.Fatal(err)
	}
	res["XObject"] = types.Dict{"Fx": *ref}
	sd, _, _ := xt.DereferenceStreamDict(pd["Contents"])
	if err := sd.Decode(); err != nil {
		t.Fatal(err)
	}
	setStream(t, xt, pd["Contents"], append(sd.Content, "\n"+draw+"\n"...))
}

func TestWrittenFilesPass(t *testing.T) {
	t.Parallel()
	g, f := written(t)
	for name, data := range map[string][]byte{"guide": g, "figures": f} {
		problems, err := Check(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", name, p)
		}
	}
}

func TestMutantsAreCaught(t *testing.T) {
	t.Parallel()
	g, f := written(t)
	emptyCMap := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Empty def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	fpdfCMap := bytes.Replace(emptyCMap, []byte("endcodespacerange\n"), []byte("endcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n"), 1)
	eachToUnicode := func(cmap []byte) func(xt *model.XRefTable, root types.Dict) {
		return func(xt *model.XRefTable, root types.Dict) {
			for i := 1; i <= xt.PageCount; i++ {
				pd, _, _, _ := xt.PageDict(i, false)
				res, _ := xt.DereferenceDict(pd["Resources"])
				fonts, _ := xt.DereferenceDict(res["Font"])
				for _, fo := range fonts {
					fd, _ := xt.DereferenceDict(fo)
					setStream(t, xt, fd["ToUnicode"], cmap)
				}
			}
		}
	}
	tests := []struct {
		name   string
		file   []byte
		change func(xt *model.XRefTable, root types.Dict)
		want   string // rule; "" for a valid change
	}{
		{"m1 emptied ParentTree", g, func(xt *model.XRefTable, root types.Dict) {
			ref, _ := xt.IndRefForNewObject(types.Dict{"Nums": types.Array{}})
			root["ParentTree"] = *ref
		}, "7.1-3"},
		{"m2 role-mapped type", g, func(xt *model.XRefTable, root types.Dict) {
			firstOf(t, xt, root, "P", 0)["S"] = types.Name("Adresse")
			root["RoleMap"] = types.Dict{"Adresse": types.Name("P")}
		}, ""},
		{"unmapped type", g, func(xt *model.XRefTable, root types.Dict) {
			firstOf(t, xt, root, "P", 0)["S"] = types.Name("Adresse")
		}, "7.1-5"},
		{"m3 Link OBJR outside a Link", g, func(xt *model.XRefTable, root types.Dict) {
			firstOf(t, xt, root, "Link", 0)["S"] = types.Name("Span")
		}, "7.18.5-1"},
		{"m4 emptied ToUnicode", g, eachToUnicode(emptyCMap), "7.21.7-1"},
		{"fpdf's ToUnicode, one range of 65 536 codes", g, eachToUnicode(fpdfCMap), "7.21.7-1"},
		{"m5 TD outside TR", f, func(xt *model.XRefTable, root types.Dict) {
			firstOf(t, xt, root, "TR", 1)["S"] = types.Name("Div")
		}, "7.2-9"},
		{"row of one cell", f, func(xt *model.XRefTable, root types.Dict) {
			tr := firstOf(t, xt, root, "TR", 3)
			tr["K"] = kids(tr["K"])[:1]
		}, "7.2-42"},
		{"LI outside L", g, func(xt *model.XRefTable, root types.Dict) {
			firstOf(t, xt, root, "L", 0)["S"] = types.Name("Div")
		}, "7.2-17"},
		{"m6 tagged Form XObject inside an Artifact", g, func(xt *model.XRefTable, root types.Dict) {
			drawForm(t, xt, func(font string) string {
				return "/Span <</MCID 0>> BDC BT /" + font + " 12 Tf 72 72 Td <0041> Tj ET EMC"
			}, "/Artifact BMC q /Fx Do Q EMC")
		}, "7.1-2"},
		{"untagged Form XObject", g, func(xt *model.XRefTable, root types.Dict) {
			drawForm(t, xt, func(string) string { return "0 0 10 10 re f" }, "q /Fx Do Q")
		}, "7.1-3"},
		{"spaces at line ends removed", g, func(xt *model.XRefTable, root types.Dict) {
			for i := 1; i <= xt.PageCount; i++ {
				pd, _, _, _ := xt.PageDict(i, false)
				sd, _, _ := xt.DereferenceStreamDict(pd["Contents"])
				if err := sd.Decode(); err != nil {
					t.Fatal(err)
				}
				setStream(t, xt, pd["Contents"], bytes.ReplaceAll(sd.Content, []byte("\x00 ) Tj"), []byte(") Tj")))
			}
		}, "14.8.2.5"},
		{"Figure without Alt", g, func(xt *model.XRefTable, root types.Dict) {
			delete(firstOf(t, xt, root, "Figure", 0), "Alt")
		}, "7.3-1"},
	}
	for _, tt := range tests {
		problems, err := Check(bytes.NewReader(mutate(t, tt.file, tt.change)))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var rules []string
		for _, p := range problems {
			rules = append(rules, p.Rule)
		}
		switch {
		case tt.want == "" && len(problems) > 0:
			t.Errorf("%s: a valid file reported: %v", tt.name, problems)
		case tt.want != "" && !slices.Contains(rules, tt.want):
			t.Errorf("%s: not reported under %s; got %v", tt.name, tt.want, problems)
		}
	}
}

func TestParseToUnicode(t *testing.T) {
	t.Parallel()
	cmap := parseToUnicode([]byte(`% comment
2 beginbfchar
<0003> <0020>
<2019> <2019>
endbfchar
3 beginbfrange
<0041> <0043> <0061>
<00FE> <0101> <00FE>
<0200> <0201> [<0078> <00790079>]
endbfrange`))
	want := map[uint32]string{3: " ", 0x2019: "’", 0x41: "a", 0x42: "b", 0x43: "c", 0xFE: "þ", 0xFF: "ÿ", 0x200: "x", 0x201: "yy"}
	for code, u := range want {
		if cmap.m[code] != u {
			t.Errorf("code %04X: %q, want %q", code, cmap.m[code], u)
		}
	}
	// A strict reader stops the range crossing a first byte at 00FF.
	if _, ok := cmap.m[0x100]; ok || len(cmap.problems) != 1 || !strings.Contains(cmap.problems[0], "<00FE> <0101>") {
		t.Errorf("range across a first byte: %q, problems %q", cmap.m[0x100], cmap.problems)
	}
}

func FuzzParseToUnicode(f *testing.F) {
	f.Add([]byte("1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange"))
	f.Add([]byte("1 beginbfchar\n<01> <D800>\nendbfchar"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseToUnicode(data) // must not panic
	})
}
