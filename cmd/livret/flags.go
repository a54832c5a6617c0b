package main

import (
	"github.com/urfave/cli/v2"

	"livret/internal/options"
)

// withOptions gives a command its flags from the option table, and checks
// their values with the table before the command runs.
func withOptions(cmd *cli.Command) *cli.Command {
	cmd.Flags = options.Flags(cmd.Name)
	cmd.Before = func(c *cli.Context) error {
		if errs := options.Validate(cmd.Name, c); len(errs) > 0 {
			return usageError{errs[0].Error()}
		}
		return nil
	}
	return cmd
}
