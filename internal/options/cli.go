package options

import (
	"strconv"

	"github.com/urfave/cli/v2"
)

// Flags returns the command-line flags of a command.
func Flags(command string) []cli.Flag {
	var out []cli.Flag
	for _, o := range Of(command) {
		out = append(out, o.flag(command))
	}
	return out
}

func (o *Option) flag(command string) cli.Flag {
	usage, cat := o.UsageFor(command), o.Category.Help
	file := o.Local && o.Kind == Text
	switch o.Kind {
	case List:
		return &cli.StringSliceFlag{Name: o.Name, Aliases: o.Aliases, Category: cat, Usage: usage}
	case Switch:
		return &cli.BoolFlag{Name: o.Name, Aliases: o.Aliases, Category: cat, Usage: usage, Value: o.Default == "true"}
	case Integer:
		n, _ := strconv.Atoi(o.Default) // a test checks the defaults
		return &cli.IntFlag{Name: o.Name, Aliases: o.Aliases, Category: cat, Usage: usage, Value: n}
	case Number:
		f, _ := strconv.ParseFloat(o.Default, 64)
		return &cli.Float64Flag{Name: o.Name, Aliases: o.Aliases, Category: cat, Usage: usage, Value: f}
	}
	return &cli.StringFlag{Name: o.Name, Aliases: o.Aliases, Category: cat, Usage: usage, Value: o.Default,
		TakesFile: file || o.OrFile}
}
