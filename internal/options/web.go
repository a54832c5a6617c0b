package options

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Set is the values of a command's options read from a web request: the
// query of a link or the fields of a form. It is a Values.
type Set struct {
	command string
	values  map[string][]string // only the options given, cleaned
}

// Parse reads the options of a command from the parameters of a web
// request. A parameter the table does not know is refused, except the
// page's own fields listed in extra; so are the Local options: nothing
// from the web ever names a file of this computer. Empty fields are
// absent, as a form sends them. Errors come one per option, in table
// order, for the page to show next to each field.
func Parse(command string, params url.Values, extra ...string) (*Set, []*FieldError) {
	s := &Set{command: command, values: map[string][]string{}}
	var errs []*FieldError
	for name := range params {
		if Lookup(command, name) == nil && !slices.Contains(extra, name) {
			errs = append(errs, &FieldError{Option: name, Msg: fmt.Sprintf("paramètre « %s » inconnu", name)})
		}
	}
	for _, o := range Of(command) {
		raw, given := params[o.Name]
		if !given {
			continue
		}
		if o.Local {
			errs = append(errs, &FieldError{Option: o.Name, Msg: "ce réglage ne se fait qu’en ligne de commande"})
			continue
		}
		vals, err := o.parse(raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(vals) > 0 {
			s.values[o.Name] = vals
		}
	}
	sortErrors(command, errs)
	return s, errs
}

// parse cleans and checks the raw values of one option.
func (o *Option) parse(raw []string) ([]string, *FieldError) {
	var vals []string
	for _, r := range raw {
		r = strings.TrimSpace(r)
		switch {
		case o.Kind == List:
			for _, part := range strings.Split(r, ",") { // as urfave/cli splits a repeated flag
				if part = strings.TrimSpace(part); part != "" {
					vals = append(vals, part)
				}
			}
		case o.Kind == Switch:
			vals = append(vals, r)
		case r != "":
			vals = append(vals, r)
		}
	}
	if len(vals) > 1 && o.Kind != List {
		vals = vals[len(vals)-1:] // the last one wins, as on the command line
	}
	for i, v := range vals {
		bad := func(msg string) *FieldError { return &FieldError{Option: o.Name, Value: v, Msg: msg} }
		switch o.Kind {
		case Switch:
			b, ok := parseBool(v)
			if !ok {
				return nil, bad(fmt.Sprintf("« %s » : oui ou non attendu", v))
			}
			vals[i] = strconv.FormatBool(b)
			continue
		case Integer:
			if _, err := strconv.Atoi(v); err != nil {
				return nil, bad(fmt.Sprintf("« %s » n’est pas un nombre entier", v))
			}
		case Number:
			v = strings.Replace(v, ",", ".", 1) // a French decimal comma
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return nil, bad(fmt.Sprintf("« %s » n’est pas un nombre", v))
			}
			vals[i] = v
		}
		if e := o.check(v, true); e != nil {
			return nil, e
		}
	}
	return vals, nil
}

// parseBool reads a check box ("on"), a link (?gratuit) or a spelled value.
func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(s) {
	case "", "on", "1", "true", "oui":
		return true, true
	case "off", "0", "false", "non":
		return false, true
	}
	return false, false
}

// sortErrors puts errors in table order, unknown parameters last.
func sortErrors(command string, errs []*FieldError) {
	opts := Of(command)
	rank := func(name string) int {
		if i := slices.IndexFunc(opts, func(o *Option) bool { return o.Name == name }); i >= 0 {
			return i
		}
		return len(opts)
	}
	slices.SortStableFunc(errs, func(a, b *FieldError) int {
		return cmp.Or(cmp.Compare(rank(a.Option), rank(b.Option)), strings.Compare(a.Option, b.Option))
	})
}

// Command is the command whose options the set holds.
func (s *Set) Command() string { return s.command }

// IsSet tells whether the request gave the option.
func (s *Set) IsSet(name string) bool { _, ok := s.values[name]; return ok }

// StringSlice returns the values of an option, or its default.
func (s *Set) StringSlice(name string) []string {
	if v, ok := s.values[name]; ok {
		return v
	}
	if o := Lookup(s.command, name); o != nil && o.Default != "" {
		return []string{o.Default}
	}
	return nil
}

// String returns the value of an option, or its default.
func (s *Set) String(name string) string {
	v := s.StringSlice(name)
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// Bool returns a switch.
func (s *Set) Bool(name string) bool { return s.String(name) == "true" }

// Int returns a whole number, 0 when absent.
func (s *Set) Int(name string) int { n, _ := strconv.Atoi(s.String(name)); return n }

// Float64 returns a number, 0 when absent.
func (s *Set) Float64(name string) float64 { f, _ := strconv.ParseFloat(s.String(name), 64); return f }

// Encode writes the options given as the query of a stable link, in table
// order and without the defaults: the same request from any page gives
// the same address.
func (s *Set) Encode() string {
	var b strings.Builder
	for _, o := range Of(s.command) {
		vals := s.values[o.Name]
		if o.Kind != List && len(vals) == 1 && (strings.EqualFold(vals[0], o.Default) || o.Kind == Switch && vals[0] == "false" && o.Default == "") {
			continue // the default says it already
		}
		for _, v := range vals {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(o.Name))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}
