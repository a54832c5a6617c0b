package options

import (
	"flag"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// cliValues parses arguments as the command line of a command would.
func cliValues(t *testing.T, command string, args ...string) *cli.Context {
	t.Helper()
	set := flag.NewFlagSet(command, flag.ContinueOnError)
	for _, f := range Flags(command) {
		if err := f.Apply(set); err != nil {
			t.Fatalf("%s: %v", command, err)
		}
	}
	if err := set.Parse(args); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return cli.NewContext(cli.NewApp(), set, nil)
}

func TestTableIsConsistent(t *testing.T) {
	for _, cmd := range Commands() {
		seen := map[string]bool{}
		for _, o := range Of(cmd) {
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				if seen[n] {
					t.Errorf("%s: two options named %q", cmd, n)
				}
				seen[n] = true
			}
			if o.Category == nil || o.Usage == "" {
				t.Errorf("%s --%s: no category or no help", cmd, o.Name)
			}
			if !o.Local && o.Label == "" {
				t.Errorf("%s --%s: shown on the web page without a label", cmd, o.Name)
			}
			if o.Default != "" && o.Kind != Switch && o.Kind != Integer && o.Kind != Number {
				if e := o.check(o.Default, true); e != nil {
					t.Errorf("%s --%s: default refused: %v", cmd, o.Name, e)
				}
			}
			for _, c := range o.Choices {
				if e := o.check(c, true); e != nil {
					t.Errorf("%s --%s: choice %q refused: %v", cmd, o.Name, c, e)
				}
			}
		}
		// The defaults of the command line are valid, and read back as the table says.
		ctx := cliValues(t, cmd)
		for _, o := range Of(cmd) {
			if o.Kind == Text && ctx.String(o.Name) != o.Default {
				t.Errorf("%s --%s: default %q, table says %q", cmd, o.Name, ctx.String(o.Name), o.Default)
			}
		}
	}
}

// TestCommandLineAndWebAgree reads the same request from a command line
// and from a link: the queries they make are the same.
func TestCommandLineAndWebAgree(t *testing.T) {
	tests := []struct {
		command string
		args    []string
		link    string
	}{
		{"guide", []string{"--epci", "Bordeaux Métropole", "--service", "demarches", "--format", "A5"},
			"epci=Bordeaux+M%C3%A9tropole&service=demarches&format=A5"},
		{"depliant", []string{"--autour", "Pessac", "--rayon", "5"}, "autour=Pessac&rayon=5"},
		{"fiches", []string{"--commune", "Pessac"}, "commune=Pessac"},
		{"exporter", []string{"--departement", "33"}, "departement=33"},
		{"guide", []string{"--commune", "Talence", "--commune", "Pessac", "--gratuit", "--public", "seniors"},
			"commune=Talence&commune=Pessac&gratuit=on&public=seniors"},
		{"guide", []string{"--commune", "Talence,Pessac", "--sans-rendez-vous", "--rayon", "2.5", "--taille", "24"},
			"commune=Talence%2C+Pessac&sans-rendez-vous=oui&rayon=2%2C5&taille=24"},
		{"lieux", []string{"--autour", "44.84,-0.57", "--rayon", "3"}, "autour=44.84%2C-0.57&rayon=3&commune="},
	}
	for _, tt := range tests {
		params, err := url.ParseQuery(tt.link)
		if err != nil {
			t.Fatal(err)
		}
		web, errs := Parse(tt.command, params)
		if len(errs) > 0 {
			t.Errorf("%s?%s: %v", tt.command, tt.link, errs)
			continue
		}
		cmdline := cliValues(t, tt.command, tt.args...)
		if got, want := Query(web), Query(cmdline); !reflect.DeepEqual(got, want) {
			t.Errorf("%s?%s:\nweb  %+v\ncli  %+v", tt.command, tt.link, got, want)
		}
		for _, o := range Of(tt.command) {
			if o.Kind == Text && web.String(o.Name) != cmdline.String(o.Name) {
				t.Errorf("%s?%s: --%s %q on the web, %q on the command line", tt.command, tt.link, o.Name, web.String(o.Name), cmdline.String(o.Name))
			}
			if o.Kind == Integer && web.Int(o.Name) != cmdline.Int(o.Name) {
				t.Errorf("%s?%s: --%s %d on the web, %d on the command line", tt.command, tt.link, o.Name, web.Int(o.Name), cmdline.Int(o.Name))
			}
		}
		// The stable link reads back as the same request.
		again, errs := Parse(tt.command, mustQuery(t, web.Encode()))
		if len(errs) > 0 || !reflect.DeepEqual(Query(again), Query(web)) || again.Encode() != web.Encode() {
			t.Errorf("%s?%s: link %q does not read back (%v)", tt.command, tt.link, web.Encode(), errs)
		}
	}
}

func mustQuery(t *testing.T, q string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestWebRefuses is the web's side of validation: each refusal names its
// field, so that the page can show it next to the field.
func TestWebRefuses(t *testing.T) {
	tests := []struct {
		command, link string
		field, want   string
	}{
		{"guide", "sortie=/etc/passwd", "sortie", "ne se fait qu’en ligne de commande"},
		{"guide", "source=/home/agent/lieux.csv", "source", "ne se fait qu’en ligne de commande"},
		{"guide", "apercu=/tmp", "apercu", "ne se fait qu’en ligne de commande"},
		{"lot", "dossier=..%2F..", "dossier", "ne se fait qu’en ligne de commande"},
		{"guide", "modele=..%2F..%2Fetc%2Fmodele.yaml", "modele", "n’est pas un choix possible"},
		{"guide", "comune=Pessac", "comune", "paramètre « comune » inconnu"},
		{"guide", "taille=12", "taille", "taille de texte 12 pt trop petite"},
		{"guide", "taille=grand", "taille", "n’est pas un nombre entier"},
		{"guide", "taille=40", "taille", "trop grande"},
		{"guide", "rayon=loin", "rayon", "n’est pas un nombre"},
		{"guide", "gratuit=peut-etre", "gratuit", "oui ou non attendu"},
		{"guide", "police=comic", "police", "police « comic » inconnue"},
		{"guide", "fond=rose", "fond", "« rose » n’est pas un choix possible : blanc ou ivoire"},
		{"guide", "service=cuisine", "service", "« cuisine » n’est pas une valeur connue du champ services"},
		{"guide", "date=23%2F11%2F2026", "date", "écrivez-la AAAA-MM-JJ"},
		{"exporter", "format=A5", "format", "xlsx, csv ou json"},
		{"lot", "par=service", "par", "epci ou commune"},
	}
	for _, tt := range tests {
		_, errs := Parse(tt.command, mustQuery(t, tt.link))
		if len(errs) != 1 || errs[0].Option != tt.field || !strings.Contains(errs[0].Msg, tt.want) {
			t.Errorf("%s?%s: %v, want on %s: %q", tt.command, tt.link, errs, tt.field, tt.want)
		}
	}
	// The page's own fields are not options.
	if _, errs := Parse("guide", mustQuery(t, "commune=Pessac&document=guide"), "document"); len(errs) > 0 {
		t.Errorf("extra field refused: %v", errs)
	}
	// The errors come in the order of the form.
	_, errs := Parse("guide", mustQuery(t, "taille=3&zzz=1&commune=&rayon=x&aaa=2"))
	var got []string
	for _, e := range errs {
		got = append(got, e.Option)
	}
	if strings.Join(got, " ") != "rayon taille aaa zzz" {
		t.Errorf("errors in order %v", got)
	}
}

// TestCommandLineChecks: the command line refuses what the table refuses,
// but a template may be a file there.
func TestCommandLineChecks(t *testing.T) {
	if errs := Validate("guide", cliValues(t, "guide", "--modele", "ville.yaml", "--format", "a5", "--police", "Luciole")); len(errs) > 0 {
		t.Errorf("valid command line refused: %v", errs)
	}
	errs := Validate("guide", cliValues(t, "guide", "--fond", "rose", "--service", "demarches", "--service", "cuisine"))
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "--service : « cuisine » n’est pas une valeur connue du champ services") ||
		!strings.HasPrefix(errs[1].Error(), "--fond : « rose » n’est pas un choix possible") {
		t.Errorf("errors %v", errs)
	}
	if errs := Validate("lieux", cliValues(t, "lieux", "--format", "table")); len(errs) > 0 {
		t.Errorf("lieux --format table: %v", errs)
	}
}
