package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"livret/corrections"
	"livret/internal/options"
	"livret/internal/web"
	"livret/render/pdf"
	"livret/render/png"
)

func serveurCommand() *cli.Command {
	return withOptions(&cli.Command{
		Name:  "serveur",
		Usage: "ouvre la page web de livret : faire les guides depuis un navigateur, sans terminal",
		Description: "La page propose les mêmes réglages que la ligne de commande ; chaque document a une adresse\n" +
			"stable qui les reprend, par exemple /guide.pdf?epci=Bordeaux+Métropole&format=A5.\n" +
			"Par défaut, seul cet ordinateur peut l’ouvrir. Sous Windows, livret lancé sans argument\n" +
			"(double-clic) démarre le serveur et ouvre le navigateur.\n\n" +
			"Exemples :\n" +
			"   livret serveur\n" +
			"   livret serveur --adresse 127.0.0.1:9000 --navigateur",
		Action: cliAction(runServeur),
	})
}

func runServeur(c *request) error {
	addr := c.String("adresse")
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError{fmt.Sprintf("adresse « %s » illisible : écrivez-la HÔTE:PORT, par exemple 127.0.0.1:8080", addr)}
	}
	if !isLoopback(host) && !c.Bool("reseau") {
		return usageError{fmt.Sprintf("l’adresse « %s » ouvrirait la page aux autres ordinateurs : ajoutez --reseau si c’est voulu", addr)}
	}
	srv, err := web.New(web.Config{Engine: engine{}, CorrectionsTemplate: corrections.WriteTemplate, Network: c.Bool("reseau"), Errors: c.log})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("impossible d’écouter à l’adresse %s : %v (un autre programme l’utilise-t-il ? essayez --adresse 127.0.0.1:8081)", addr, err)
	}
	url := "http://" + displayAddr(ln.Addr().String())
	if c.Bool("reseau") {
		fmt.Fprintln(c.log, "Attention : la page est ouverte aux autres ordinateurs du réseau, sans mot de passe. Réservez-le à un réseau de confiance.")
	}
	fmt.Fprintf(c.log, "livret est prêt : ouvrez %s dans votre navigateur.\nPour arrêter, fermez cette fenêtre ou tapez Ctrl+C.\n", url)
	if c.Bool("navigateur") {
		openBrowser(url)
	}
	hs := srv.HTTPServer(addr)
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		hs.Shutdown(context.Background())
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(c.log, "Serveur arrêté ; les fichiers envoyés sont oubliés.")
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// displayAddr is the address to type: 127.0.0.1 for a server on every
// interface.
func displayAddr(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// openBrowser opens the page in the default browser, as a double-click
// on a link would; failing that, the message already gave the address.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}

// engine makes the web page's documents with the command line's pipeline.
type engine struct{}

func (engine) Make(ctx context.Context, job *web.Job) (*web.Product, error) {
	var log bytes.Buffer
	c := &request{Values: named{job.Options, job.Source}, ctx: ctx, out: io.Discard, log: newTypeset(&log),
		sent: job.Data, fixes: job.Corrections, logo: job.Logo, maxRows: job.MaxRows, web: true}
	p, err := makeProduct(c, job.Document.Name)
	if err != nil {
		return nil, err
	}
	for _, l := range strings.Split(log.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			p.Messages = append(p.Messages, l)
		}
	}
	return p, nil
}

// named gives the web page's choice of national data as the source
// option: the web never sets that option itself.
type named struct {
	options.Values
	source string
}

func (n named) String(name string) string {
	if name == "source" {
		return n.source
	}
	return n.Values.String(name)
}

// previewDPIWeb draws the preview's pages at a resolution a screen shows
// several of side by side.
const previewDPIWeb = 60

func makeProduct(c *request, document string) (*web.Product, error) {
	switch document {
	case "guide", "livret", "depliant", "fiches":
		kind := map[string]docKind{"guide": guideDoc, "livret": guideDoc, "depliant": leafletDoc, "fiches": sheetsDoc}[document]
		d, err := layOut(c, kind)
		if err != nil {
			return nil, err
		}
		book, write, name := d.book, d.write, d.fileName()
		if document == "livret" {
			sheets, opt, err := d.imposed()
			if err != nil {
				return nil, err
			}
			book, name = sheets, strings.TrimSuffix(name, ".pdf")+"-livret.pdf"
			write = func(w io.Writer) error { return pdf.Write(w, sheets, opt) }
		}
		return &web.Product{FileName: name, Write: write, Pages: len(book.Pages),
			Page: func(i int) (image.Image, error) { return png.Page(book, i, previewDPIWeb) }}, nil
	case "tableur", "csv":
		e, err := exportPlaces(c, c.String("format"))
		if err != nil {
			return nil, err
		}
		return &web.Product{FileName: e.fileName(), Write: e.write}, nil
	case "indicateurs", "chiffres":
		format := map[string]string{"indicateurs": "pdf", "chiffres": "xlsx"}[document]
		f, err := computeFigures(c, format)
		if err != nil {
			return nil, err
		}
		return &web.Product{FileName: f.fileName(), Write: f.write}, nil
	case "verifier":
		ld, err := load(c, "", false)
		if err != nil {
			return nil, err
		}
		return &web.Product{FileName: "verification-" + slug(strings.TrimSuffix(ld.report.File, ".csv")) + ".csv",
			Write: ld.report.WriteCSV, Report: ld.report}, nil
	}
	return nil, fmt.Errorf("document « %s » inconnu", document)
}
