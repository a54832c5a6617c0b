// Package closedset checks, from the source, that a closed set of types
// (go/ast style: an interface with an unexported marker method) is
// handled whole by every type switch over it. Tests of the layout engine
// and of the renderers use it, so that a type added to the set without
// being taught to every consumer fails a test instead of being skipped.
package closedset

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
)

// Members returns, sorted, the types of the package in dir that declare
// the method marker (pointer receivers included).
func Members(dir, marker string) ([]string, error) {
	files, err := parse(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Name.Name != marker {
				continue
			}
			t := fn.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if id, ok := t.(*ast.Ident); ok {
				names = append(names, id.Name)
			}
		}
	}
	slices.Sort(names)
	return names, nil
}

// Switch is a type switch of a function: where it is and the types its
// cases name, without package qualifier or pointer star.
type Switch struct {
	Pos   string // file:line
	Func  string
	Types []string
}

// Switches returns the type switches of the functions of the package in
// dir, in the order of the source.
func Switches(dir string) ([]Switch, error) {
	fset := token.NewFileSet()
	files, err := parseWith(fset, dir)
	if err != nil {
		return nil, err
	}
	var out []Switch
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				ts, ok := n.(*ast.TypeSwitchStmt)
				if !ok {
					return true
				}
				sw := Switch{Pos: fset.Position(ts.Pos()).String(), Func: fn.Name.Name}
				for _, c := range ts.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						sw.Types = append(sw.Types, typeName(e))
					}
				}
				out = append(out, sw)
				return true
			})
		}
	}
	return out, nil
}

// Unhandled returns the members that the type switches of function fn,
// in the package in dir, do not name; an error when fn has no type
// switch.
func Unhandled(dir, fn string, members []string) ([]string, error) {
	switches, err := Switches(dir)
	if err != nil {
		return nil, err
	}
	found := false
	var out []string
	for _, sw := range switches {
		if sw.Func == fn {
			found = true
			out = append(out, sw.Missing(members)...)
		}
	}
	if !found {
		return nil, fmt.Errorf("no type switch in function %s of %s", fn, dir)
	}
	return out, nil
}

// UnhandledOf returns the members of the set marked by method marker in
// setDir (at least least of them, else an error: a set read empty would
// let every switch pass) that the type switches of function fn, in dir,
// do not name: a renderer checks it draws every item of the layout.
func UnhandledOf(setDir, marker string, least int, dir, fn string) ([]string, error) {
	members, err := Members(setDir, marker)
	if err != nil {
		return nil, err
	}
	if len(members) < least {
		return nil, fmt.Errorf("%d types with method %s in %s %v, want at least %d", len(members), marker, setDir, members, least)
	}
	return Unhandled(dir, fn, members)
}

// Missing returns the members a switch does not name.
func (s Switch) Missing(members []string) []string {
	var out []string
	for _, m := range members {
		if !slices.Contains(s.Types, m) {
			out = append(out, m)
		}
	}
	return out
}

// Names reports whether the switch names one of the types.
func (s Switch) Names(types ...string) bool {
	return slices.ContainsFunc(types, func(t string) bool { return slices.Contains(s.Types, t) })
}

func typeName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	switch e := e.(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.Ident:
		return e.Name
	}
	return fmt.Sprintf("%T", e)
}

func parse(dir string) ([]*ast.File, error) { return parseWith(token.NewFileSet(), dir) }

// parseWith parses the non-test Go files of dir.
func parseWith(fset *token.FileSet, dir string) ([]*ast.File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go file in %s", dir)
	}
	return files, nil
}
