package web

import (
	"regexp"
	"strings"
	"testing"

	"livret/layout"
)

// TestStyleContrast: every colour of text in the style sheet keeps at
// least 4.5:1 against the backgrounds it is shown on, and focus stays
// visible, as the README promises.
func TestStyleContrast(t *testing.T) {
	css, err := staticFiles.ReadFile("static/livret.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]layout.Color{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})`).FindAllStringSubmatch(string(css), -1) {
		c, err := layout.ParseColor(m[2])
		if err != nil {
			t.Fatal(err)
		}
		vars[m[1]] = c
	}
	white := layout.Color{R: 255, G: 255, B: 255}
	for _, text := range []string{"texte", "bleu", "gris", "rouge"} {
		for name, bg := range map[string]layout.Color{"blanc": white, "fond-doux": vars["fond-doux"]} {
			if r := layout.Contrast(vars[text], bg); r < 4.5 {
				t.Errorf("--%s on %s: %.2f:1", text, name, r)
			}
		}
	}
	// The button: white on blue, and on its hover blue.
	for _, bg := range []string{"#000091", "#1212ff"} {
		c, _ := layout.ParseColor(bg)
		if r := layout.Contrast(white, c); r < 4.5 {
			t.Errorf("button text on %s: %.2f:1", bg, r)
		}
	}
	if !strings.Contains(string(css), ":focus-visible, :focus { outline: 3px solid") {
		t.Error("no visible focus")
	}
}
