package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"livret/internal/options"
	"livret/territoire"
	"livret/texte"
)

// previewPages is how many first pages the result page shows.
const previewPages = 4

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	doc := documentNamed(q.Get(fieldDocument))
	if doc == nil {
		doc = Documents[0]
	}
	d := s.readDemand(doc, q, true)
	d.errs = nil // a fresh form, or one to change: nothing is wrong yet
	s.render(w, http.StatusOK, "page.html", pageView{Title: "Faire un guide des lieux d’aide au numérique", Form: s.formView(d, nil)})
}

// upload receives the form with its files: they are kept in memory, then
// the browser is sent to the result, whose address names them by a
// random name.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 2*s.cfg.MaxUpload+1<<20)
	values := url.Values{}
	files := map[string]*File{}
	mr, err := r.MultipartReader()
	switch {
	case errors.Is(err, http.ErrNotMultipart):
		if err := r.ParseForm(); err != nil {
			s.fail(w, r, http.StatusBadRequest, "Envoi illisible", "Le formulaire envoyé est illisible : revenez à la page d’accueil et envoyez-le de nouveau.")
			return
		}
		values = r.PostForm
	case err != nil:
		s.fail(w, r, http.StatusBadRequest, "Envoi illisible", "Le formulaire envoyé est illisible : revenez à la page d’accueil et envoyez-le de nouveau.")
		return
	default:
		if status, msg := s.readParts(mr, values, files); status != 0 {
			s.fail(w, r, status, "Envoi refusé", msg)
			return
		}
	}
	for name, vals := range values {
		vals = nonEmpty(vals)
		if len(vals) == 0 {
			delete(values, name)
		} else {
			values[name] = vals
		}
	}
	if f := files[fileData]; f != nil {
		values.Set(fieldData, s.store.put(f))
	}
	if f := files[fileLogo]; f != nil {
		values.Set(fieldLogo, s.store.put(f))
	}
	if f := files[fileFixes]; f != nil {
		values.Set(fieldFixes, s.store.put(f))
	}
	http.Redirect(w, r, "/resultat?"+values.Encode(), http.StatusSeeOther)
}

// readParts reads a multipart form into memory, never onto disk; a file
// over the limit stops it with a status and a French message.
func (s *Server) readParts(mr *multipart.Reader, values url.Values, files map[string]*File) (int, string) {
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return 0, ""
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return http.StatusRequestEntityTooLarge, s.tooBig()
			}
			return http.StatusBadRequest, "Le formulaire envoyé est incomplet : envoyez-le de nouveau."
		}
		name := part.FormName()
		limit := int64(64 << 10)
		isFile := part.FileName() != ""
		if isFile {
			limit = s.cfg.MaxUpload
		}
		data, err := io.ReadAll(io.LimitReader(part, limit+1))
		part.Close()
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return http.StatusRequestEntityTooLarge, s.tooBig()
			}
			return http.StatusBadRequest, "Le formulaire envoyé est incomplet : envoyez-le de nouveau."
		}
		if int64(len(data)) > limit {
			if isFile {
				return http.StatusRequestEntityTooLarge, s.tooBig()
			}
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("Le champ « %s » est trop long.", name)
		}
		switch {
		case !isFile:
			values.Add(name, string(data))
		case len(data) == 0: // no file chosen
		case name == fileData || name == fileLogo || name == fileFixes:
			files[name] = &File{Name: clientName(part.FileName()), Data: data}
		}
	}
}

func (s *Server) tooBig() string {
	return fmt.Sprintf("Le fichier envoyé dépasse %d Mo, la limite de ce serveur. Pour un fichier plus grand, utilisez la ligne de commande.", s.cfg.MaxUpload>>20)
}

// clientName keeps of a file name sent only its last part, for messages:
// it never names a file of the server.
func clientName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 80 {
		name = string(r[:80])
	}
	if strings.TrimSpace(name) == "" {
		return "fichier envoyé"
	}
	return name
}

func nonEmpty(vals []string) []string {
	var out []string
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}

// result shows what a request gives: messages, the first pages, the
// download and its stable link.
func (s *Server) result(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	doc := documentNamed(q.Get(fieldDocument))
	if doc == nil {
		doc = Documents[0]
	}
	if doc.Name == "verifier" {
		d := s.readDemand(doc, q, true)
		http.Redirect(w, r, withQuery("/verifier", d.query()), http.StatusSeeOther)
		return
	}
	d, p, ok := s.made(w, r, doc, true)
	if !ok {
		return
	}
	s.render(w, http.StatusOK, "resultat.html", pageView{Title: doc.Label + " – résultat", Result: s.resultView(r, d, p)})
}

// refuse shows the form again with what is wrong: next to each field,
// or above the form.
func (s *Server) refuse(w http.ResponseWriter, d *demand, err error) {
	status := http.StatusUnprocessableEntity
	if errors.Is(err, errBusy) {
		status = http.StatusServiceUnavailable
	}
	s.render(w, status, "page.html", pageView{Title: "Demande à corriger", Form: s.formView(d, err)})
}

// product makes the document of a demand, or finds it made.
func (s *Server) product(ctx context.Context, d *demand) (*Product, error) {
	return s.products.get(d.key(), func() (*Product, error) {
		var p *Product
		err := s.jobs.run(ctx, func() error {
			// The making goes on if the first asker leaves: others may wait for it.
			mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.Timeout)
			defer cancel()
			var err error
			p, err = s.cfg.Engine.Make(mctx, &Job{Document: d.doc, Options: d.set, Data: d.data, Source: d.source, Corrections: d.fixes, Logo: d.logo, MaxRows: s.cfg.MaxRows})
			return err
		})
		return p, err
	})
}

// download sends the file of a document at its stable address.
func (s *Server) download(w http.ResponseWriter, r *http.Request, doc *Document) {
	if d, p, ok := s.made(w, r, doc, false); ok {
		s.send(w, r, d, p, doc.Type)
	}
}

// made reads the demand of a document and makes it, or finds it made;
// what goes wrong is shown on the form.
func (s *Server) made(w http.ResponseWriter, r *http.Request, doc *Document, fromForm bool) (*demand, *Product, bool) {
	d := s.readDemand(doc, r.URL.Query(), fromForm)
	if len(d.errs) > 0 {
		s.refuse(w, d, nil)
		return nil, nil, false
	}
	p, err := s.product(r.Context(), d)
	if err != nil {
		s.refuse(w, d, err)
		return nil, nil, false
	}
	return d, p, true
}

// send writes a product whole, then sends it as a download.
func (s *Server) send(w http.ResponseWriter, r *http.Request, d *demand, p *Product, contentType string) {
	var buf bytes.Buffer
	if err := s.jobs.run(r.Context(), func() error { return p.Write(&buf) }); err != nil {
		s.refuse(w, d, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", "attachment; filename=\""+asciiName(p.FileName)+"\"; filename*=UTF-8''"+url.PathEscape(p.FileName))
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// asciiName is the file name for browsers that read only ASCII: accents
// dropped, anything else replaced.
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= ' ' && r <= '~' && r != '"' && r != '\\':
			b.WriteRune(r)
		case len(texte.Fold(string(r))) == 1:
			b.WriteString(texte.Fold(string(r)))
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// preview sends one of the first pages of a document as a PNG image.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	doc := documentNamed(r.PathValue("document"))
	n, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("page"), ".png"))
	if doc == nil || !doc.pages() || err != nil || n < 1 || n > previewPages {
		s.fail(w, r, http.StatusNotFound, "Aperçu introuvable", "Cette page d’aperçu n’existe pas.")
		return
	}
	d, p, ok := s.made(w, r, doc, false)
	if !ok {
		return
	}
	if p.Page == nil || n > p.Pages {
		s.fail(w, r, http.StatusNotFound, "Aperçu introuvable", fmt.Sprintf("Ce document n’a que %s.", texte.Count(p.Pages, "page", "pages")))
		return
	}
	var buf bytes.Buffer
	err = s.jobs.run(r.Context(), func() error {
		img, err := p.Page(n - 1)
		if err != nil {
			return err
		}
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
	})
	if err != nil {
		s.refuse(w, d, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=600")
	w.Write(buf.Bytes())
}

// correctionsTemplate sends the empty workbook of corrections.
func (s *Server) correctionsTemplate(w http.ResponseWriter, r *http.Request) {
	d := &demand{doc: documentNamed("tableur"), raw: url.Values{}}
	d.set, _ = options.Parse(d.doc.Command, nil)
	s.send(w, r, d, &Product{FileName: "corrections.xlsx", Write: s.cfg.CorrectionsTemplate}, typeXLSX)
}

// verifier shows the check of the data as a page.
func (s *Server) verifier(w http.ResponseWriter, r *http.Request) {
	d, p, ok := s.checked(w, r)
	if ok {
		s.render(w, http.StatusOK, "verifier.html", pageView{Title: "Vérification des données", Report: reportOf(d, p)})
	}
}

// verifierCSV sends the check of the data as CSV, one line per problem.
func (s *Server) verifierCSV(w http.ResponseWriter, r *http.Request) {
	if d, p, ok := s.checked(w, r); ok {
		s.send(w, r, d, p, "text/csv; charset=utf-8")
	}
}

func (s *Server) checked(w http.ResponseWriter, r *http.Request) (*demand, *Product, bool) {
	return s.made(w, r, documentNamed("verifier"), true)
}

// suggestion is one answer of /suggestions: what to put in the field,
// and how to show it.
type suggestion struct {
	Value string `json:"valeur"`
	Label string `json:"libelle"`
}

// suggestions answers, as one types a territory, the territories it may
// be: ?champ=commune&q=pess.
func (s *Server) suggestions(w http.ResponseWriter, r *http.Request) {
	kind, ok := territoryKinds[r.URL.Query().Get("champ")]
	typed := r.URL.Query().Get("q")
	if !ok || len(typed) > 100 {
		s.fail(w, r, http.StatusBadRequest, "Demande illisible", "Les suggestions demandent ?champ=commune (ou epci, departement, region, code-postal, autour) et q=le début du nom.")
		return
	}
	out := []suggestion{}
	for _, a := range s.atlas.Complete(kind, typed, 8) {
		out = append(out, suggestion{Value: s.unambiguous(a), Label: plain(a.String())})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	json.NewEncoder(w).Encode(out)
}

// unambiguous is what to type for an area: its name when the name is
// enough, its code otherwise.
func (s *Server) unambiguous(a territoire.Area) string {
	if got, err := s.atlas.Resolve(a.Kind, a.Name); err == nil && got.Code == a.Code {
		return a.Name
	}
	return a.Code
}

func plain(s string) string { return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) }
