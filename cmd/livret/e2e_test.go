package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"livret/internal/web"
)

func ptr[T any](v T) *T { return &v }

// chromium finds Debian's Chromium (installed by .ci/run). Outside CI a
// machine without it skips the test; in CI its absence is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium absent en CI : .ci/run doit installer le paquet chromium")
	}
	t.Skip("Chromium absent : installez le paquet Debian chromium pour le test de la page dans un vrai navigateur")
	return ""
}

// TestPageInBrowser drives the page as an agent would, in a headless
// Chromium: choose a territory with the suggestions, a service, make the
// guide, look at its preview, download it, read it.
func TestPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a headless Chromium driving the web page")
	}
	path := chromium(t)
	needTools(t, "pdftotext")
	ts := newWebServer(t, web.Config{})
	downloads := t.TempDir()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 1400),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	C := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptr(true)})
			return err
		}),
		chromedp.Navigate(ts.URL),
		// The keyboard first reaches the link that skips to the content.
		chromedp.KeyEvent("\t"),
	)
	if err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.textContent`))
	if err != nil {
		t.Fatal(err)
	}
	// Suggestions come as one types.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(C("#champ-epci"), "Bordeaux M"),
		chromedp.WaitReady(C("#champ-epci-liste option")),
	)
	if err != nil {
		t.Fatal(err)
	}
	suggestion, err := chromedp.Run(ctx, chromedp.AttributeValue(C("#champ-epci-liste option"), "value"))
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(C("#champ-epci"), "Bordeaux Métropole"),
		chromedp.Click(C(`input[name="service"][value="Aide aux démarches administratives"]`)),
		chromedp.SetValue(C("#champ-date"), "2026-11-23"),
		chromedp.Click(C(`button[type="submit"]`)),
		chromedp.WaitVisible(C("#telecharger")),
	)
	if err != nil {
		t.Fatal(err)
	}
	title, _ := chromedp.Run(ctx, chromedp.Title())
	previewWidth, err := chromedp.Run(ctx, chromedp.Poll[int](`document.querySelector(".apercu img").complete && document.querySelector(".apercu img").naturalWidth`,
		chromedp.WithPollingTimeout(time.Minute)))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(C("#telecharger"))); err != nil {
		t.Fatal(err)
	}
	if focused != "Aller au contenu" {
		t.Errorf("first Tab reaches %q", focused)
	}
	if suggestion.Value != "Bordeaux Métropole" {
		t.Errorf("first suggestion %q", suggestion.Value)
	}
	if !strings.Contains(title, "Guide") || previewWidth < 400 {
		t.Errorf("result page %q, preview %d px wide", title, previewWidth)
	}
	guid := ""
	for ev, err := range progress {
		if err != nil {
			t.Fatal("the download did not finish: ", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
	}
	text, err := exec.Command("pdftotext", filepath.Join(downloads, guid), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	plain := plainSpaces(strings.Join(strings.Fields(string(text)), " "))
	for _, want := range []string{"Bordeaux Métropole", "Édition du 23 novembre 2026", "Sommaire"} {
		if !strings.Contains(plain, want) {
			t.Errorf("downloaded guide lacks %q", want)
		}
	}
	// Only the places offering help with procedures are in it: the same
	// guide as the command line's.
	out := filepath.Join(t.TempDir(), "g.pdf")
	if _, stderr, err := run(t, "guide", "--epci", "Bordeaux Métropole", "--service", "Aide aux démarches administratives", "--date", "2026-11-23", "-o", out); err != nil {
		t.Fatal(err, stderr)
	}
	want, _ := exec.Command("pdftotext", out, "-").Output()
	if string(want) != string(text) {
		t.Error("the page's guide differs from the command line's")
	}

	// Without JavaScript, the essential path still works: a wrong value
	// is shown by its field, then the corrected form gives the sheets.
	err = chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(ts.URL),
		chromedp.Click(C(`input[name="document"][value="fiches"]`)),
		chromedp.SendKeys(C("#champ-commune"), "Pessac"),
		chromedp.SendKeys(C("#champ-aide-telephone"), "abc"),
		chromedp.Click(C(`button[type="submit"]`)),
		chromedp.WaitVisible(C("#champ-aide-telephone-erreur")),
		chromedp.SendKeys(C("#champ-aide-telephone"), "\b\b\b05 56 45 12 12"),
		chromedp.Click(C(`button[type="submit"]`)),
		chromedp.WaitVisible(C("#telecharger")),
	)
	if err != nil {
		t.Fatal("without JavaScript: ", err)
	}
	heading, _ := chromedp.Run(ctx, chromedp.Text(C("h1")))
	if !strings.Contains(heading, "fiches-pessac.pdf") {
		t.Errorf("without JavaScript, result %q", heading)
	}
}
