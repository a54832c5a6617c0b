package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// reWords finds what reads as French words in a string: two words with a
// space between them, or a letter only French writes.
var reWords = regexp.MustCompile(`\p{L}{2,}[ \x{a0}\x{202f}]+\p{L}|[àâçéèêëîïôûùüÿœ’«»]`)

// makerParts are pieces of error messages built apart from the call that
// returns them: the colour that lacks contrast.
var makerParts = []string{"du texte", "d’accent"}

// pdfSyntax is what PDF and XMP syntax reads like: a name (« /Artifact »),
// a markup tag, a CMap or text operator. Only the PDF renderer writes it.
var pdfSyntax = regexp.MustCompile(`/[A-Z]|<[a-z?/]|\bend[a-z]+\b|\b(?:BT|ET|Tf|Tj|Td)\b`)

// TestNoWordsInLayout: every word a reader sees comes from the content
// layer (guide.Wording, the templates), and so does every warning the
// maker reads about the guide laid out (guide/warnings.go), in French
// typography. The own strings of the layout, of the pictograms it draws
// (their alternative texts are the template's) and of the PNG and PDF
// renderers are errors only, and the PDF renderer's PDF syntax.
func TestNoWordsInLayout(t *testing.T) {
	var paths []string
	for _, dir := range []string{".", "../picto", "../render/png", "../render/pdf"} {
		p, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		paths = append(paths, p...)
	}
	fset := token.NewFileSet()
	n := 0
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var stack []ast.Node
		ast.Inspect(f, func(nd ast.Node) bool {
			if nd == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, nd)
			lit, ok := nd.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			syntax := strings.HasPrefix(path, "../render/pdf/") && pdfSyntax.MatchString(s)
			if !reWords.MatchString(s) || syntax || forMaker(stack) || slices.Contains(makerParts, s) {
				return true
			}
			n++
			t.Errorf("%s: words written by the layout: %q (put them in guide.Wording and templates/guide.yaml)", fset.Position(lit.Pos()), s)
			return true
		})
	}
	if n > 0 {
		t.Logf("%d strings", n)
	}
}

// forMaker tells whether the innermost enclosing call of a string is an
// error for the maker: an error, a panic. A warning is not: it tells of
// the guide as laid out, and its words come from the content layer.
func forMaker(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch nd := stack[i].(type) {
		case *ast.CallExpr:
			name := ""
			switch fn := nd.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			switch name {
			case "Errorf", "SetErrorf", "New", "bad", "panic":
				return true
			}
		case *ast.FuncDecl:
			return nd.Name.Name == "Error" // the message of an error type
		}
	}
	return false
}

// TestSpacingsNamed: spacings and sizes are named values of the theme
// (theme.go): no multiple of the size is written where it is used, in
// the space a flow leaves (glue, rules) or anywhere else.
func TestSpacingsNamed(t *testing.T) {
	paths, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") || path == "theme.go" {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(nd ast.Node) bool {
			if bin, ok := nd.(*ast.BinaryExpr); ok && (themeSize(bin.X) || themeSize(bin.Y)) {
				t.Errorf("%s: a multiple of the size: name it in theme.go", fset.Position(bin.Pos()))
				return false
			}
			call, ok := nd.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || (id.Name != "glue" && id.Name != "rule") {
				return true
			}
			ast.Inspect(call.Args[0], func(x ast.Node) bool {
				if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "Size" {
					t.Errorf("%s: %s(…) of a multiple of the size: name the spacing in theme.go", fset.Position(call.Pos()), call.Fun.(*ast.Ident).Name)
					return false
				}
				return true
			})
			return true
		})
	}
}

// themeSize tells whether e is the body size of the theme: th.Size or
// lc.th.Size.
func themeSize(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Size" {
		return false
	}
	switch x := sel.X.(type) {
	case *ast.Ident:
		return x.Name == "th"
	case *ast.SelectorExpr:
		return x.Sel.Name == "th"
	}
	return false
}
