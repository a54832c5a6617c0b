package web

import (
	"cmp"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"livret/controle"
	"livret/internal/options"
	"livret/territoire"
	"livret/texte"
)

var funcs = template.FuncMap{
	"count": texte.Count,
	"plural": func(n int, one, many string) string {
		if n > 1 {
			return many
		}
		return one
	},
}

// pageView is what a page template shows; one part is set.
type pageView struct {
	Title  string
	Error  *errorView
	Form   *formView
	Result *resultView
	Report *reportView
}

type formView struct {
	Documents   []choiceView
	Groups      []groupView
	DataName    string // the data sent, if any
	DataID      string
	DataError   string
	Origin      string // "national", "departement", or "" for the example or the file sent
	LogoName    string
	LogoID      string
	LogoError   string
	FixesName   string
	FixesID     string
	FixesError  string
	Template    bool       // an empty corrections workbook is offered
	Errors      []string   // not about one field
	Summary     []linkView // every error, with a link to its field
	Ambiguity   *ambiguityView
	MaxUploadMB int64
	MaxRows     string
}

type groupView struct {
	Legend     string
	Fields     []fieldView
	Data, Logo bool // the group where the data file, or the logo, is sent
}

type fieldView struct {
	Name, ID, Label, Hint string
	Input                 string // text, number, date, tel, select, checks, check
	Value                 string
	Checked               bool
	Choices               []choiceView
	Error                 string
	Suggest               bool
	Only                  string // the documents that use the field, when not all
}

type choiceView struct {
	Value, Label, Hint string
	Selected           bool
}

// ambiguityView explains a name that fits several territories, as the
// command line does, with a link for each.
type ambiguityView struct {
	Message string
	Choices []linkView
}

type linkView struct{ Label, Href string }

// inputTypes are the fields that are not plain text.
var inputTypes = map[string]string{"date": "date", "aide-telephone": "tel"}

func (s *Server) formView(d *demand, err error) *formView {
	v := &formView{MaxUploadMB: s.cfg.MaxUpload >> 20, MaxRows: texte.Number(s.cfg.MaxRows)}
	for _, doc := range Documents {
		v.Documents = append(v.Documents, choiceView{Value: doc.Name, Label: doc.Label, Hint: doc.Hint, Selected: doc == d.doc})
	}
	fieldErrs := map[string]string{}
	for _, e := range d.errs {
		switch {
		case e.Option == fileData:
			v.DataError = e.Msg
		case e.Option == fileLogo:
			v.LogoError = e.Msg
		case e.Option == fileFixes:
			v.FixesError = e.Msg
		case formRow(e.Option) != nil && fieldErrs[e.Option] == "":
			fieldErrs[e.Option] = e.Msg
		default:
			v.Errors = append(v.Errors, e.Msg)
		}
	}
	if d.data != nil {
		v.DataName, v.DataID = d.data.Name, d.dataID
	}
	v.Origin = d.origin
	if d.logo != nil {
		v.LogoName, v.LogoID = d.logo.Name, d.logoID
	}
	if d.fixes != nil {
		v.FixesName, v.FixesID = d.fixes.Name, d.fixID
	}
	v.Template = s.cfg.CorrectionsTemplate != nil
	if err != nil {
		v.explain(d, err, fieldErrs)
	}
	for _, o := range formOptions() {
		if msg := fieldErrs[o.Name]; msg != "" {
			v.Summary = append(v.Summary, linkView{Label: o.Label + " : " + msg, Href: "#champ-" + o.Name})
		}
	}
	if v.DataError != "" {
		v.Summary = append(v.Summary, linkView{Label: "Fichier des lieux : " + v.DataError, Href: "#champ-fichier"})
	}
	if v.FixesError != "" {
		v.Summary = append(v.Summary, linkView{Label: "Corrections : " + v.FixesError, Href: "#champ-fichier-corrections"})
	}
	if v.LogoError != "" {
		v.Summary = append(v.Summary, linkView{Label: "Logo : " + v.LogoError, Href: "#champ-fichier-logo"})
	}
	var group *groupView
	var last *options.Category
	for _, o := range formOptions() {
		if o.Category != last {
			v.Groups = append(v.Groups, groupView{Legend: o.Category.Legend, Data: o.Category == options.Data, Logo: o.Category == options.Publisher})
			group, last = &v.Groups[len(v.Groups)-1], o.Category
		}
		group.Fields = append(group.Fields, newField(o, d.raw[o.Name], fieldErrs[o.Name]))
	}
	return v
}

// newField is the view of an option's field, filled with what was typed.
func newField(o *options.Option, typed []string, msg string) fieldView {
	f := fieldView{Name: o.Name, ID: "champ-" + o.Name, Label: o.Label, Hint: forWeb(o.Usage), Error: msg,
		Value: strings.Join(typed, ", ")}
	if f.Value == "" && o.Kind != options.List {
		f.Value = o.Default
	}
	if _, ok := territoryKinds[o.Name]; ok {
		f.Suggest = true
	}
	// Name the documents that use the field, when some do not (the
	// check of the data aside: it only reads).
	var users []string
	made := 0
	for _, d := range Documents {
		if d.Name == "verifier" {
			continue
		}
		made++
		if options.Lookup(d.Command, o.Name) == o {
			users = append(users, d.Label)
		}
	}
	if len(users) < made {
		f.Only = strings.Join(users, ", ")
	}
	switch {
	case o.Kind == options.Switch:
		f.Input = "check"
		if len(typed) > 0 {
			b, _ := strconv.ParseBool(strings.NewReplacer("on", "true", "oui", "true", "non", "false").Replace(strings.ToLower(typed[len(typed)-1])))
			f.Checked = b
		} else {
			f.Checked = o.Default == "true"
		}
	case o.Kind == options.List && len(o.Choices) > 0:
		f.Input = "checks"
		ticked := map[string]bool{}
		for _, t := range typed {
			for _, part := range strings.Split(t, ",") {
				part = strings.TrimSpace(part)
				ticked[strings.ToLower(part)] = true
				if o.Expand != nil {
					for _, c := range o.Expand(part) {
						ticked[strings.ToLower(c)] = true
					}
				}
			}
		}
		for _, c := range o.Choices {
			f.Choices = append(f.Choices, choiceView{Value: c, Label: c, Selected: ticked[strings.ToLower(c)]})
		}
	case len(o.Choices) > 0:
		f.Input = "select"
		for _, c := range o.Choices {
			f.Choices = append(f.Choices, choiceView{Value: c, Label: c, Selected: strings.EqualFold(c, f.Value)})
		}
		if o.OrFile { // the template: none chosen means the default
			f.Choices = append([]choiceView{{Value: "", Label: "modèle par défaut", Selected: f.Value == ""}}, f.Choices...)
		}
	case o.Kind == options.Number || o.Kind == options.Integer:
		f.Input = "number"
	case inputTypes[o.Name] != "":
		f.Input = inputTypes[o.Name]
	default:
		f.Input = "text"
	}
	if o.Kind == options.List && f.Input == "text" {
		f.Hint += " ; plusieurs : séparez-les par des virgules"
	}
	return f
}

// explain puts an error of the making next to its field, or above the
// form; a name that fits several territories gets a link for each.
func (v *formView) explain(d *demand, err error, fieldErrs map[string]string) {
	var amb *territoire.AmbiguousError
	var unknown *territoire.UnknownError
	switch {
	case errors.As(err, &amb):
		field := fieldOf(d.set, amb.Kind, amb.Query)
		a := &ambiguityView{Message: "« " + amb.Query + " » désigne " + texte.Count(len(amb.Candidates), amb.Kind.String(), plural(amb.Kind)) + " : choisissez celle que vous voulez dire."}
		if amb.Kind == territoire.KindEPCI || amb.Kind == territoire.KindDepartement {
			a.Message = strings.Replace(a.Message, "celle", "celui", 1)
		}
		for _, c := range amb.Candidates {
			a.Choices = append(a.Choices, linkView{Label: plain(c.String()), Href: "/resultat?" + replaced(d.raw, field, amb.Query, c.Code)})
		}
		v.Ambiguity = a
		fieldErrs[field] = "plusieurs territoires portent ce nom : choisissez le vôtre dans la liste en haut de la page"
	case errors.As(err, &unknown):
		field := fieldOf(d.set, unknown.Kind, unknown.Query)
		fieldErrs[field] = plain(forWeb(unknown.Error()))
		if len(unknown.Suggestions) > 0 {
			a := &ambiguityView{Message: "Vouliez-vous dire :"}
			for _, c := range unknown.Suggestions {
				a.Choices = append(a.Choices, linkView{Label: plain(c.String()), Href: "/resultat?" + replaced(d.raw, field, unknown.Query, c.Code)})
			}
			v.Ambiguity = a
		}
	case errors.Is(err, errBusy):
		v.Errors = append(v.Errors, "Le serveur prépare déjà d’autres documents : réessayez dans une minute.")
	default:
		v.Errors = append(v.Errors, plain(forWeb(err.Error())))
	}
}

func plural(k territoire.Kind) string {
	switch k {
	case territoire.KindEPCI:
		return "intercommunalités"
	case territoire.KindDepartement:
		return "départements"
	case territoire.KindRegion:
		return "régions"
	}
	return "communes"
}

// replaced is the query with one value of a field replaced.
func replaced(q url.Values, field, old, new string) string {
	c := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if k == field {
				var parts []string
				for _, p := range strings.Split(v, ",") {
					if strings.EqualFold(strings.TrimSpace(p), old) {
						p = new
					}
					parts = append(parts, strings.TrimSpace(p))
				}
				v = strings.Join(parts, ", ")
			}
			c.Add(k, v)
		}
	}
	return c.Encode()
}

var flagName = regexp.MustCompile(`--([a-z][a-z-]*)`)

// forWeb names the form's fields where a message names options.
func forWeb(msg string) string {
	return flagName.ReplaceAllStringFunc(msg, func(flag string) string {
		if o := formRow(flag[2:]); o != nil {
			return "« " + o.Label + " »"
		}
		return flag
	})
}

type resultView struct {
	Doc      *Document
	Messages []string
	Pages    int
	Previews []linkView // image and its text
	Download string
	FileName string
	Link     string // the stable address, whole, to send to a colleague
	Edit     string
	Check    string
}

func (s *Server) resultView(r *http.Request, d *demand, p *Product) *resultView {
	q := d.query()
	v := &resultView{Doc: d.doc, Messages: p.Messages, Pages: p.Pages, FileName: p.FileName,
		Download: withQuery(d.doc.Path, q), Edit: "/?" + withDocument(d)}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	v.Link = scheme + "://" + r.Host + v.Download
	if p.Page != nil {
		for i := 1; i <= min(p.Pages, previewPages); i++ {
			v.Previews = append(v.Previews, linkView{
				Href:  "/apercu/" + d.doc.Name + "/" + strconv.Itoa(i) + ".png?" + q,
				Label: "Page " + strconv.Itoa(i) + " sur " + strconv.Itoa(p.Pages),
			})
		}
	}
	check := url.Values{}
	if id := cmp.Or(d.dataID, d.origin); id != "" {
		check.Set(fieldData, id)
	}
	if d.origin == "departement" {
		check.Set("departement", d.set.String("departement"))
	}
	if d.fixID != "" {
		check.Set(fieldFixes, d.fixID)
	}
	if f := d.set.String("feuille"); f != "" {
		check.Set("feuille", f)
	}
	v.Check = withQuery("/verifier", check.Encode())
	return v
}

// withQuery is a path with its query, if any.
func withQuery(path, query string) string {
	if query == "" {
		return path
	}
	return path + "?" + query
}

// withDocument is the query that fills the form again.
func withDocument(d *demand) string {
	q := d.raw.Encode()
	if d.raw.Get(fieldDocument) == "" {
		q = strings.TrimPrefix(q+"&"+fieldDocument+"="+d.doc.Name, "&")
	}
	return q
}

// maxIssues bounds the problems the check page lists; the CSV has them
// all, the noise of a large file tallied by kind.
const maxIssues = 1000

type reportView struct {
	*controle.Report
	Errors, Warnings []controle.Issue
	Hidden           int
	CSV, Back        string
}

func reportOf(d *demand, p *Product) *reportView {
	v := &reportView{Report: p.Report, Back: "/?" + withDocument(d)}
	v.CSV = withQuery("/verifier.csv", d.query())
	for _, is := range p.Report.Issues {
		if len(v.Errors)+len(v.Warnings) >= maxIssues {
			v.Hidden++
			continue
		}
		if is.Severity == controle.Error {
			v.Errors = append(v.Errors, is)
		} else {
			v.Warnings = append(v.Warnings, is)
		}
	}
	// The CSV gives the rest tallied by kind.
	for _, s := range p.Report.Summaries {
		v.Hidden += s.Count
	}
	return v
}
