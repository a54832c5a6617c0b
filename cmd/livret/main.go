// Command livret turns the national open data of digital-help places
// (« lieux de médiation numérique ») into large-print paper guides.
//
// This package only wires the others: read (source), check (controle),
// select (territoire, selection), compose (guide), lay out (layout) and
// render (render/pdf, render/png). Run `livret --help` for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"livret/internal/cleanup"
	"livret/internal/near"
	"livret/internal/options"
	"livret/texte"
)

func main() {
	tuneGC()
	app := newApp()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	go func() {
		// Stop the download under way, remove the temporary files, and
		// leave: nothing half-written stays behind.
		<-interrupted
		cancel()
		cleanup.RemoveAll()
		fmt.Fprintln(newTypeset(os.Stderr), "\nlivret : interrompu")
		os.Exit(130)
	}()
	if err := runArgs(ctx, app, doubleClicked(os.Args)); err != nil {
		fmt.Fprintln(newTypeset(os.Stderr), "livret : "+err.Error())
		os.Exit(exitCode(err))
	}
}

// doubleClicked starts the web page when livret is run without arguments
// on Windows, as a double-click in the file explorer does: its users
// rarely open a terminal.
func doubleClicked(args []string) []string {
	if len(args) == 1 && runtime.GOOS == "windows" {
		return append(args, "serveur", "--navigateur")
	}
	return args
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func newApp() *cli.App {
	frenchHelpOnce.Do(frenchHelp)
	onUsage := func(c *cli.Context, err error, isCommand bool) error {
		command := ""
		if isCommand {
			command = c.Command.Name
		}
		return usageError{frenchUsage(command, err.Error())}
	}
	app := &cli.App{
		Name:    "livret",
		Usage:   "guides papier en gros caractères des lieux de médiation numérique",
		Version: version,
		Description: "livret lit les données ouvertes du standard national des lieux de médiation numérique\n" +
			"(CSV, JSON, GeoJSON ou XLSX, toutes versions), les vérifie, choisit les lieux d’un territoire\n" +
			"et produit des guides PDF accessibles, en gros caractères.\n\n" +
			"Sans --source, livret utilise un exemple intégré : 387 lieux réels de Nouvelle-Aquitaine (2023).",
		Commands: []*cli.Command{
			guideCommand(),
			depliantCommand(),
			fichesCommand(),
			lotCommand(),
			exporterCommand(),
			indicateursCommand(),
			verifierCommand(),
			lieuxCommand(),
			territoiresCommand(),
			serveurCommand(),
		},
		Action:               unknownCommand,
		OnUsageError:         onUsage,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsage
	}
	return app
}

// unknownCommand runs when the first word names no command: without one,
// or with « aide » (« help »), it shows the help; otherwise it says so in
// French, with the nearest command if one is near (urfave/cli would say it
// in English, and suggest a command however far).
func unknownCommand(c *cli.Context) error {
	if !c.Args().Present() {
		return cli.ShowAppHelp(c)
	}
	typed := c.Args().First()
	if typed == "help" || typed == "aide" {
		// « livret aide guide », as makers who know other tools write it.
		if name := c.Args().Get(1); name != "" && c.App.Command(name) != nil {
			return cli.ShowCommandHelp(c, name)
		}
		return cli.ShowAppHelp(c)
	}
	if err := longDash(typed); err != nil {
		return err
	}
	msg := fmt.Sprintf("la commande « %s » n’existe pas.", typed)
	if name, ok := nearestCommand(c.App.VisibleCommands(), typed); ok {
		msg += fmt.Sprintf(" Vouliez-vous dire « %s » ?", name)
	}
	return usageError{msg + " Toutes les commandes : livret --help"}
}

// nearestCommand is the command whose name is nearest to what was typed,
// by the rule that suggests communes (near.Matcher.Score), if any is near
// enough.
func nearestCommand(commands []*cli.Command, typed string) (string, bool) {
	var m near.Matcher
	key, best, found := texte.Fold(typed), 0, ""
	for _, cmd := range commands {
		if d, ok := m.Score(key, cmd.Name); ok && (found == "" || d < best) {
			best, found = d, cmd.Name
		}
	}
	return found, found != ""
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCoder lets an error choose the exit status. (Not urfave/cli's
// ExitCoder, which would exit from inside the library.)
type exitCoder interface{ Status() int }

func exitCode(err error) int {
	if e, ok := err.(exitCoder); ok {
		return e.Status()
	}
	if _, ok := err.(usageError); ok {
		return 2
	}
	return 1
}

// The messages of Go's flag package, and urfave/cli's, that name a value
// or an option.
var (
	reBadValue  = regexp.MustCompile(`^invalid (boolean )?value "(.*)" for (?:flag )?-(\S+): (.*)$`)
	reNoValue   = regexp.MustCompile(`^flag needs an argument: -(\S+)$`)
	reUnknown   = regexp.MustCompile(`^flag provided but not defined: -(\S+)$`)
	reBadSyntax = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	reTwoForms  = regexp.MustCompile(`^Cannot use two forms of the same flag: (\S+) (\S+)$`)

	reQuotedDefault = regexp.MustCompile(`\(par défaut : "([^"]*)"\)`)
)

// frenchUsage translates the messages of Go's flag package about the
// command line of a command ("" for livret itself), saying what is wrong
// and what to type instead.
func frenchUsage(command, msg string) string {
	help := helpOf(command)
	if m := reBadValue.FindStringSubmatch(msg); m != nil {
		return badValue(command, m[1] != "", m[2], m[3], m[4]) + " (voir " + help + ")"
	}
	if m := reNoValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("il manque la valeur de l’option %s%s (voir %s)", dashed(m[1]), example(command, m[1], " : écrivez par exemple "), help)
	}
	if m := reUnknown.FindStringSubmatch(msg); m != nil {
		return unknownOption(command, m[1])
	}
	if m := reBadSyntax.FindStringSubmatch(msg); m != nil {
		// ---sortie, --=pdf: Go reads neither as an option.
		name, _, _ := strings.Cut(strings.TrimLeft(m[1], "-"), "=")
		if name == "" {
			return fmt.Sprintf("« %s » n’est pas une option : une option s’écrit --nom valeur, par exemple --sortie guide.pdf (voir %s)", m[1], help)
		}
		if options.Find(command, name) != nil {
			return fmt.Sprintf("« %s » : une option s’écrit avec deux tirets, %s (voir %s)", m[1], dashed(name), help)
		}
		return unknownOption(command, name)
	}
	if m := reTwoForms.FindStringSubmatch(msg); m != nil {
		// Left by reorder: the options of livret itself, -h --help.
		short, long := dashed(m[1]), dashed(m[2])
		if len(short) > len(long) {
			short, long = long, short
		}
		return fmt.Sprintf("l’option %s est donnée deux fois : %s et %s. Gardez-en une seule.", long, short, long)
	}
	return msg + " (voir " + help + ")"
}

// helpOf is the command that shows the options of a command.
func helpOf(command string) string {
	if command == "" {
		return "livret --help"
	}
	return "livret " + command + " --help"
}

// unknownOption says that a command has no option of that name, and what
// the maker most likely meant: the nearest options of the command (from
// the table), or the commands the option belongs to.
func unknownOption(command, name string) string {
	others := options.CommandsWith(name)
	if command == "" {
		// livret --commune Pessac guide: the option is typed before its
		// command.
		if len(others) > 0 {
			return fmt.Sprintf("l’option %s s’écrit après le nom de la commande, par exemple : livret %s %s … Toutes les commandes : livret --help", dashed(name), others[0], dashed(name))
		}
		return fmt.Sprintf("l’option %s n’existe pas. Toutes les commandes : livret --help", dashed(name))
	}
	var msg string
	if len(others) > 0 {
		msg = fmt.Sprintf("livret %s n’a pas d’option %s.", command, dashed(name))
	} else {
		msg = fmt.Sprintf("l’option %s n’existe pas.", dashed(name))
	}
	if names := options.Suggest(command, name); len(names) > 0 {
		for i := range names {
			names[i] = dashed(names[i])
		}
		msg += " Vouliez-vous dire " + options.Either(names) + " ?"
	} else if len(others) == 1 {
		msg += fmt.Sprintf(" Elle sert à la commande %s.", others[0])
	} else if len(others) > 1 {
		msg += fmt.Sprintf(" Elle sert aux commandes %s.", options.Either(others))
	}
	return msg + " Toutes les options : " + helpOf(command)
}

// badValue says why a value of an option cannot be read; isSwitch tells
// the option takes none.
func badValue(command string, isSwitch bool, value, name, why string) string {
	o := options.Find(command, name)
	v := "la valeur « " + value + " » de l’option " + dashed(name)
	switch {
	case isSwitch:
		return fmt.Sprintf("l’option %s est un interrupteur, sans valeur : écrivez %s pour l’activer, rien (ou %s=false) sinon", dashed(name), dashed(name), dashed(name))
	case strings.Contains(why, "out of range"):
		return v + " est trop grande" + example(command, name, " ; écrivez par exemple ")
	case o != nil && o.Kind == options.Integer:
		return v + " n’est pas un nombre entier" + example(command, name, " ; écrivez par exemple ")
	case o != nil && o.Kind == options.Number:
		return v + " n’est pas un nombre (écrivez les décimales après un point : 2.5)" + example(command, name, " ; par exemple ")
	}
	return v + " est illisible"
}

// example is « --taille 18 » after the given prefix, from the default of
// the command's option, or "" when it has none.
func example(command, name, prefix string) string {
	if o := options.Find(command, name); o != nil && o.Default != "" && o.Kind != options.Switch {
		return prefix + dashed(name) + " " + o.Default
	}
	return ""
}

// dashed writes an option as typed: -o, --sortie.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// frenchHelpOnce sets urfave/cli's globals once, for the tests that make
// apps side by side.
var frenchHelpOnce sync.Once

// frenchHelp puts the help screens in French.
func frenchHelp() {
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "affiche cette aide"}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "affiche la version"}
	cli.AppHelpTemplate = `{{.Name}} – {{.Usage}}

UTILISATION :
   {{.HelpName}} COMMANDE [options]

{{.Description}}

COMMANDES :{{range .VisibleCommands}}
   {{join .Names ", "}}{{"\t"}}{{.Usage}}{{end}}

Aide d’une commande : {{.HelpName}} COMMANDE --help

OPTIONS GÉNÉRALES :{{range .VisibleFlags}}
   {{.}}{{end}}
`
	cli.CommandHelpTemplate = `{{.HelpName}} – {{.Usage}}

UTILISATION :
   {{.HelpName}} [options]{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}
{{if .Description}}
{{.Description}}
{{end}}{{range .VisibleFlagCategories}}
{{if .Name}}{{.Name}} :{{else}}OPTIONS :{{end}}{{range .Flags}}
   {{.}}{{end}}
{{end}}`
	cli.FlagStringer = frenchFlagStringer(cli.FlagStringer)
	cli.HelpPrinterCustom = typesetHelp(cli.HelpPrinterCustom)
}

// frenchFlagStringer translates what urfave/cli appends to flag help.
func frenchFlagStringer(orig cli.FlagStringFunc) cli.FlagStringFunc {
	return func(f cli.Flag) string {
		s := orig(f)
		// A switch is off unless given: « (par défaut : false) » would say
		// nothing, and in English.
		s = strings.ReplaceAll(s, " (default: false)", "")
		s = strings.ReplaceAll(s, "(default: true)", "(par défaut : oui)")
		s = strings.ReplaceAll(s, "(default: ", "(par défaut : ")
		// Go's quotes around a text default: « (par défaut : A4) ».
		s = reQuotedDefault.ReplaceAllString(s, "(par défaut : $1)")
		// The placeholder of a value, before the tab that ends the
		// flag's name: « --public valeur ».
		if name, usage, ok := strings.Cut(s, "\t"); ok {
			s = strings.ReplaceAll(name, " value", " valeur") + "\t" + usage
		}
		s = strings.ReplaceAll(s, "(accepts multiple inputs)", "(répétable)")
		return s
	}
}

// runArgs runs livret on a command line, as typed.
func runArgs(ctx context.Context, app *cli.App, args []string) error {
	args, err := reorder(app, args)
	if err != nil {
		return err
	}
	return app.RunContext(ctx, args)
}

// reorder moves the options of a command before its other words, so that
// `livret verifier lieux.csv --format json` works as users expect
// (urfave/cli stops reading options at the first word). On the way it
// refuses what Go's flag package would take silently: an option given
// twice (the last value would win), a word the command does not expect
// (`livret guide foo` would write the guide of every place). A request
// for help, wherever it is, shows the command's help; an unknown option
// is left for urfave/cli to tell (see frenchUsage).
func reorder(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args, nil
	}
	named := map[string]cli.Flag{}
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			named[n] = f
		}
	}
	var (
		flags, rest []string
		given       = map[cli.Flag]string{} // as first typed: « --taille 18 »
		problem     error                   // the first one
		unknown     bool
		words       bool   // after --, only words
		last        string // the option and value just read, « --epci Bordeaux »
	)
	tail := args[2:]
	for i := 0; i < len(tail); i++ {
		a, typed := tail[i], ""
		switch {
		case a == "--" && !words:
			words = true
		case !words && strings.HasPrefix(a, "-") && a != "-":
			name, _, withValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if name == "h" || name == "help" {
				return []string{args[0], args[1], "--help"}, nil
			}
			f := named[name]
			unknown = unknown || f == nil
			typed = strings.Replace(a, "=", " ", 1)
			flags = append(flags, a)
			if _, isBool := f.(*cli.BoolFlag); f != nil && !isBool && !withValue && i+1 < len(tail) {
				typed += " " + tail[i+1]
				flags = append(flags, tail[i+1])
				i++
			}
			if _, many := f.(*cli.StringSliceFlag); f == nil || many {
				break
			}
			if first, twice := given[f]; twice && problem == nil {
				problem = usageError{fmt.Sprintf("l’option %s est donnée deux fois : %s, puis %s. Gardez-en une seule.", dashed(f.Names()[0]), first, typed)}
			}
			given[f] = typed
		case !words && (a == "help" || a == "aide"):
			return []string{args[0], args[1], "--help"}, nil
		default:
			if problem == nil {
				problem = unexpected(cmd, a, last, tail[i+1:])
			}
			rest = append(rest, a)
		}
		last = typed
	}
	if problem != nil && !unknown {
		return nil, problem
	}
	out := append([]string{args[0], args[1]}, flags...)
	if len(rest) > 0 {
		out = append(out, "--")
		out = append(out, rest...)
	}
	return out, nil
}
