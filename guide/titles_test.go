package guide_test

import (
	"testing"

	"livret/guide"
	"livret/templates"
)

// TestDocumentTitles: the titles of a guide's PDFs name its territory; a
// guide of a whole file, which has none, leaves no dash, colon or space
// dangling where it would be (« Fiches des lieux – » for the sheets of
// the PACA file), whatever the template puts around it.
func TestDocumentTitles(t *testing.T) {
	words, err := templates.Default().Words()
	if err != nil {
		t.Fatal(err)
	}
	const title = "Où se faire aider avec le numérique\u00a0?"
	for _, tc := range []struct {
		name                 string
		document, sheets     string // the template's phrases; "" for the default's
		territory            string
		wantDoc, wantBooklet string
		wantSheets           string
	}{
		{name: "default, of a territory", territory: "Pessac",
			wantDoc: title + " – Pessac", wantBooklet: title + " – Pessac (livret à imprimer)", wantSheets: "Fiches des lieux – Pessac"},
		{name: "default, of a whole file",
			wantDoc: title, wantBooklet: title + " (livret à imprimer)", wantSheets: "Fiches des lieux"},
		{name: "territory first", document: "{territoire}\u00a0: {titre}", sheets: "{territoire} — fiches des lieux",
			wantDoc: title, wantBooklet: title + " (livret à imprimer)", wantSheets: "fiches des lieux"},
		{name: "territory inside", document: "Guide {territoire}, {titre}",
			wantDoc: "Guide " + title, wantBooklet: "Guide " + title + " (livret à imprimer)", wantSheets: "Fiches des lieux"},
		{name: "territory inside, named", document: "Guide {territoire}, {titre}", territory: "Lunel",
			wantDoc: "Guide Lunel, " + title, wantBooklet: "Guide Lunel, " + title + " (livret à imprimer)", wantSheets: "Fiches des lieux – Lunel"},
	} {
		w := words.Wording
		if tc.document != "" {
			w.DocumentTitle = tc.document
		}
		if tc.sheets != "" {
			w.SheetsTitle = tc.sheets
		}
		g := &guide.Guide{Title: title, Territory: tc.territory, Wording: w}
		for _, got := range []struct{ what, got, want string }{
			{"document", g.DocumentTitle(), tc.wantDoc},
			{"booklet", g.BookletTitle(), tc.wantBooklet},
			{"sheets", g.SheetsTitle(), tc.wantSheets},
		} {
			if got.got != got.want {
				t.Errorf("%s: %s title %q, want %q", tc.name, got.what, got.got, got.want)
			}
		}
	}
}
