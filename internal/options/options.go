// Package options is the one table of livret's options. The command line
// (urfave/cli flags) and the web page (form fields and query parameters)
// are both made from it, and both read their values back through Values
// into the same request structs, so the two can never disagree.
package options

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"livret/selection"
)

// Kind is the type of an option's value.
type Kind int

const (
	Text    Kind = iota // one string
	List                // a string that may be repeated: OR between values
	Switch              // a boolean
	Integer             // a whole number
	Number              // a decimal number
)

// Category groups options on the help screens and in the form.
type Category struct {
	Help   string // heading of the help screen
	Legend string // legend of the form's fieldset
}

// The categories, in the order the form shows them.
var (
	Data      = &Category{"DONNÉES", "Les données"}
	Territory = &Category{"TERRITOIRE (plusieurs valeurs d’une option : OU ; options différentes : ET)", "Le territoire"}
	Offer     = &Category{"CE QUE LES LIEUX PROPOSENT", "Ce que les lieux proposent"}
	Layout    = &Category{"MISE EN PAGE", "La mise en page"}
	Publisher = &Category{"ÉDITEUR ET LIGNE D’AIDE", "L’éditeur et la ligne d’aide"}
	Output    = &Category{"SORTIE", "Le document"}
	Server    = &Category{"SERVEUR", "Le serveur"}
)

// Option is one row of the table.
type Option struct {
	Name     string
	Aliases  []string // one-letter forms of the command line
	Kind     Kind
	Category *Category
	Label    string // short French label of the form field
	Usage    string // French help; "{commande}" stands for the command's name
	Default  string // as it would be typed
	Choices  []string
	// Check validates one value (each value of a List); its French
	// message says what to type instead. Without it, a value must be
	// one of Choices, when there are Choices.
	Check func(string) error
	// Expand gives the Choices a typed value stands for ("demarches" →
	// the service of the standard), for a form to tick them.
	Expand func(string) []string
	// OrFile: on the command line, a value may also name a file; the
	// web accepts only Choices.
	OrFile bool
	// Local options name a file or a folder of this computer, or only
	// make sense in a terminal: the web never accepts them.
	Local    bool
	Commands []string
}

// For tells whether the command uses the option.
func (o *Option) For(command string) bool { return slices.Contains(o.Commands, command) }

// UsageFor is the help of the option in a command.
func (o *Option) UsageFor(command string) string {
	return strings.ReplaceAll(o.Usage, "{commande}", command)
}

// All returns every option, in table order.
func All() []*Option { return slices.Clone(table) }

// Of returns the options of a command, in table order.
func Of(command string) []*Option {
	var out []*Option
	for _, o := range table {
		if o.For(command) {
			out = append(out, o)
		}
	}
	return out
}

// Lookup returns the option of a command with that name, or nil.
func Lookup(command, name string) *Option {
	for _, o := range table {
		if o.Name == name && o.For(command) {
			return o
		}
	}
	return nil
}

// Commands lists every command that has options, in table order.
func Commands() []string {
	var out []string
	for _, o := range table {
		for _, c := range o.Commands {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// Values is what a command reads of its options. *cli.Context is one;
// a web request parsed by Parse is another.
type Values interface {
	String(name string) string
	StringSlice(name string) []string
	Bool(name string) bool
	Int(name string) int
	Float64(name string) float64
	IsSet(name string) bool
}

// Query reads the territory and offer options.
func Query(v Values) selection.Query {
	return selection.Query{
		Communes:           v.StringSlice("commune"),
		PostalCodes:        v.StringSlice("code-postal"),
		EPCIs:              v.StringSlice("epci"),
		Departements:       v.StringSlice("departement"),
		Regions:            v.StringSlice("region"),
		Around:             v.String("autour"),
		Radius:             v.Float64("rayon"),
		Services:           v.StringSlice("service"),
		Publics:            v.StringSlice("public"),
		Free:               v.Bool("gratuit"),
		Accessible:         v.Bool("accessible"),
		WithoutAppointment: v.Bool("sans-rendez-vous"),
		OpenSaturday:       v.Bool("ouvert-samedi"),
	}
}

// FieldError is a value an option refuses.
type FieldError struct {
	Option string
	Value  string
	Msg    string // French, without the option's name
}

func (e *FieldError) Error() string { return "--" + e.Option + " : " + e.Msg }

// check validates one value of an option; web tells whether the value
// comes from the web, where a file name is never accepted.
func (o *Option) check(value string, web bool) *FieldError {
	fail := func(err error) *FieldError { return &FieldError{Option: o.Name, Value: value, Msg: err.Error()} }
	if o.Check != nil {
		if err := o.Check(value); err != nil {
			return fail(err)
		}
		return nil
	}
	if len(o.Choices) > 0 && (web || !o.OrFile) {
		if err := oneOf(o.Choices...)(value); err != nil {
			return fail(err)
		}
	}
	return nil
}

// oneOf accepts the choices, whatever their case.
func oneOf(choices ...string) func(string) error {
	return func(s string) error {
		if slices.ContainsFunc(choices, func(c string) bool { return strings.EqualFold(c, s) }) {
			return nil
		}
		return fmt.Errorf("« %s » n’est pas un choix possible : %s", s, Either(choices))
	}
}

// Validate checks the values a command was given (the defaults are valid:
// a test says so), the first error of each option.
func Validate(command string, v Values) []*FieldError {
	var out []*FieldError
	for _, o := range Of(command) {
		if !v.IsSet(o.Name) {
			continue
		}
		var vals []string
		switch o.Kind {
		case Text:
			vals = []string{v.String(o.Name)}
		case List:
			vals = v.StringSlice(o.Name)
		case Number: // typed by the parser, which takes NaN and Inf
			vals = []string{strconv.FormatFloat(v.Float64(o.Name), 'g', -1, 64)}
		case Integer: // typed by the parser; the range is the table's
			vals = []string{strconv.Itoa(v.Int(o.Name))}
		default:
			continue // typed by the parser
		}
		for _, val := range vals {
			if e := o.check(val, false); e != nil {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// Either writes "a, b ou c".
func Either(choices []string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " ou " + choices[len(choices)-1]
}
