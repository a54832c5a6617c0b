package templates

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"livret/lieu"
	"livret/picto"
)

func TestEmbeddedTemplatesAreValid(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		tpl, err := Lookup(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tpl.Title == "" || len(tpl.Intro) == 0 {
			t.Errorf("%s: no title or introduction", name)
		}
		w, err := tpl.Words()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range lieu.Services.Values {
			if w.Services[s] == "" {
				t.Errorf("%s: no short label for %q", name, s)
			}
			// The running head of its part by need, where the label does
			// not hold beside the page number (A5).
			if short := w.ShortServices[s]; short == "" || len(short) >= len(w.Services[s]) && w.Services[s] != short {
				t.Errorf("%s: running head %q for %q (label %q)", name, short, s, w.Services[s])
			}
		}
		// Every phrase of the wording is there, in French typography.
		w.Wording.Each(func(key string, s *string) error {
			if *s == "" {
				t.Errorf("%s: no wording for %s", name, key)
			}
			return nil
		})
		if want := "Un doute\u202f? Appelez"; w.Wording.Helplines != want {
			t.Errorf("%s: heading of the helplines %q, want %q", name, w.Wording.Helplines, want)
		}
		for _, h := range w.Helplines {
			if h.Phone.URI == "" {
				t.Errorf("%s: helpline %s has an unreadable number %q", name, h.Name, h.Phone.Display)
			}
		}
	}
}

func TestLoadUserTemplate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml, err string
		check           func(*Template) string
	}{
		{name: "override keeps the rest", yaml: "titre: \"Guide de Talence\"\nediteur:\n  nom: \"Ville de Talence\"\n",
			check: func(t *Template) string {
				if t.Title != "Guide de Talence" || t.Publisher.Name != "Ville de Talence" || len(t.Intro) == 0 || !t.Parts.Index {
					return "override lost defaults"
				}
				return ""
			}},
		{name: "unknown key", yaml: "titre: x\ncouleur:\n  texte: \"#000000\"\n",
			err: "modèle « m.yaml » : ligne 2 : clé « couleur » inconnue ; vérifiez son orthographe et son indentation"},
		{name: "wrong type", yaml: "parties:\n  index: peut-être\n",
			err: "modèle « m.yaml » : ligne 2, « parties › index » : il faut oui ou non, pas « peut-être » ; écrivez true (oui) ou false (non)"},
		{name: "list for a text", yaml: "titre: [Guide, Talence]\n",
			err: "modèle « m.yaml » : ligne 1, « titre » : il faut un texte, pas une liste ; écrivez le texte après les deux-points, entre guillemets s’il contient « : » ou « # »"},
		{name: "number for keys", yaml: "mise_en_page: 3\n",
			err: "modèle « m.yaml » : ligne 1, « mise_en_page » : il faut des clés, pas le nombre « 3 » ; écrivez en dessous une clé par ligne (clé: valeur), indentée de deux espaces"},
		{name: "text for a list", yaml: "introduction: Bienvenue\n",
			err: "modèle « m.yaml » : ligne 1, « introduction » : il faut une liste, pas « Bienvenue » ; écrivez chaque élément sur sa ligne, précédé de « - » et indenté"},
		{name: "keys for a text, in a list", yaml: "lignes_d_aide:\n  - nom: Aide\n    telephone: \"3939\"\n  - nom:\n      ville: Pessac\n",
			err: "modèle « m.yaml » : ligne 5, « lignes_d_aide › 2 › nom » : il faut un texte, pas des clés ; écrivez le texte après les deux-points, entre guillemets s’il contient « : » ou « # »"},
		{name: "list for the labels", yaml: "libelles:\n  services: [a]\n",
			err: "modèle « m.yaml » : ligne 2, « libelles › services » : il faut des clés, pas une liste ; écrivez en dessous une clé par ligne (clé: valeur), indentée de deux espaces"},
		{name: "two wrong types", yaml: "titre: [a]\nparties:\n  index: 2\n",
			err: "modèle « m.yaml » : ligne 1, « titre » : il faut un texte, pas une liste ; écrivez le texte après les deux-points, entre guillemets s’il contient « : » ou « # » ; " +
				"ligne 3, « parties › index » : il faut oui ou non, pas le nombre « 2 » ; écrivez true (oui) ou false (non)"},
		{name: "low contrast", yaml: "couleurs:\n  accent: \"#999999\"\n",
			err: "modèle « m.yaml » : couleurs : « accent » (#999999) n’a qu’un contraste de 2.8:1 avec le fond (#FFFFFF) ; il faut au moins 7:1 pour une lecture facile"},
		{name: "bad colour", yaml: "couleurs:\n  fond: ivoire\n",
			err: "modèle « m.yaml » : couleurs, « fond » : couleur « ivoire » illisible : écrivez-la #RRVVBB, par exemple #002654"},
		{name: "unknown service", yaml: "libelles:\n  services:\n    \"Cuisine\": \"Cuisine\"\n",
			err: "modèle « m.yaml » : libellés : « Cuisine » n’est pas un service du standard"},
		{name: "unknown zone of a helpline", yaml: "lignes_d_aide:\n  - nom: \"Aide\"\n    telephone: \"3939\"\n    joignable: [paris]\n",
			err: "modèle « m.yaml » : lignes d’aide : « Aide » joignable en « paris » : écrivez metropole, outre-mer"},
		{name: "script as the map", yaml: "carte: \"javascript:alert(1)\"\n",
			err: "modèle « m.yaml » : carte : l’adresse « javascript:alert(1) » est refusée : seules les adresses web https:// deviennent un lien ou un code QR"},
		{name: "unencrypted map", yaml: "carte: \"http://carte.exemple.fr\"\n",
			err: "modèle « m.yaml » : carte : l’adresse « http://carte.exemple.fr » n’est pas chiffrée ; écrivez « https://carte.exemple.fr »"},
		{name: "map without its scheme", yaml: "carte: carte.exemple.fr/lieux\n",
			check: func(t *Template) string {
				if t.MapURL != "https://carte.exemple.fr/lieux" {
					return "map " + t.MapURL
				}
				return ""
			}},
		{name: "wording overridden", yaml: "mise_en_page:\n  sommaire: \"Table des matières\"\n",
			check: func(t *Template) string {
				if t.Wording.Contents != "Table des matières" || t.Wording.Index != "Index des lieux" {
					return "wording " + t.Wording.Contents + ", " + t.Wording.Index
				}
				return ""
			}},
		{name: "unknown placeholder", yaml: "mise_en_page:\n  page: \"Page {numero} sur {pages}\"\n",
			err: "modèle « m.yaml » : mise_en_page, « page » : « {numero} » inconnu ; ce texte peut contenir {page} et {pages}"},
		{name: "page number without the page", yaml: "mise_en_page:\n  page: \"Page\"\n",
			err: "modèle « m.yaml » : mise_en_page, « page » : « {page} » manque"},
		{name: "placeholder where none is filled", yaml: "mise_en_page:\n  textes_de_remplacement:\n    logo: \"Logo de {nom}\"\n",
			err: "modèle « m.yaml » : mise_en_page, « textes_de_remplacement ▸ logo » : « {nom} » n’est pas remplacé ici"},
		{name: "unknown placeholder of an order", yaml: "rangement:\n  arrondissement: \"Par arrondissement, du {debut} au {fin}.\"\n",
			err: "modèle « m.yaml » : rangement, « arrondissement » : « {debut} » inconnu ; ce texte peut contenir {premier} et {dernier}"},
		{name: "a range where there is none", yaml: "rangement:\n  commune: \"Par commune, de {premier} à {dernier}.\"\n",
			err: "modèle « m.yaml » : rangement, « commune » : « {premier} » n’est pas remplacé ici"},
		{name: "empty heading", yaml: "mise_en_page:\n  notes: \"\"\n",
			err: "modèle « m.yaml » : mise_en_page, « notes » : le texte est vide"},
		{name: "syntax", yaml: "titre: [\n",
			err: "modèle « m.yaml » : ligne 1 : syntaxe YAML incorrecte (une valeur manque)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "m.yaml")
			os.WriteFile(path, []byte(tt.yaml), 0o644)
			tpl, err := Load(path, Default())
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error = %v\nwant prefix %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(tpl); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	base, _ := files.ReadFile("guide.yaml")
	f.Add(string(base))
	f.Add("titre: x\nparties: {index: false}\n")
	f.Add("couleurs:\n  fond: \"#FFFDF0\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		path := filepath.Join(t.TempDir(), "m.yaml")
		os.WriteFile(path, []byte(s), 0o644)
		tpl, err := Load(path, Default())
		if err != nil {
			if !strings.HasPrefix(err.Error(), "modèle « m.yaml » ") {
				t.Errorf("error without the file name: %v", err)
			}
			return
		}
		if _, err := tpl.Colors(); err != nil {
			t.Errorf("valid template with bad colours: %v", err)
		}
	})
}

// TestSetLogo takes a logo sent rather than named: a JPEG is written
// again as PNG; a file that is not an image, or claims a huge one, is
// refused before it is decoded.
func TestSetLogo(t *testing.T) {
	t.Parallel()
	var jpg bytes.Buffer
	jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 40, 20)), nil)
	huge := pngHeader(60000, 60000)
	tests := []struct {
		data []byte
		err  string
	}{
		{jpg.Bytes(), ""},
		{[]byte("pas une image"), "logo « envoi » illisible : une image PNG ou JPEG est attendue"},
		{huge, "logo « envoi » trop grand (60000 × 60000 pixels)"},
	}
	for _, tt := range tests {
		tpl := Default()
		err := tpl.SetLogo("envoi", tt.data)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %v, want %q", err, tt.err)
			}
			continue
		}
		w, err := tpl.Words()
		if err != nil {
			t.Fatal(err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(w.Publisher.Logo))
		if err != nil || format != "png" || cfg.Width != 40 {
			t.Errorf("logo %s %d px: %v", format, cfg.Width, err)
		}
		if Default().Publisher.Logo != "" {
			t.Error("SetLogo changed the default template")
		}
	}
}

// TestLogoPrintSize: a logo is scaled down to what 300 dpi print shows,
// keeping its proportions; a small one is left alone.
func TestLogoPrintSize(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ w, h, wantW, wantH int }{
		{4000, 4000, 300, 300},
		{4800, 600, 1200, 150},
		{200, 100, 200, 100},
	} {
		var b bytes.Buffer
		png.Encode(&b, image.NewGray(image.Rect(0, 0, c.w, c.h)))
		tpl := Default()
		if err := tpl.SetLogo("logo.png", b.Bytes()); err != nil {
			t.Fatal(err)
		}
		w, err := tpl.Words()
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(w.Publisher.Logo))
		if err != nil || cfg.Width != c.wantW || cfg.Height != c.wantH {
			t.Errorf("%d × %d: printed %d × %d (%v), want %d × %d", c.w, c.h, cfg.Width, cfg.Height, err, c.wantW, c.wantH)
		}
	}
}

// pngHeader is the start of a PNG file that claims a size.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := b.Bytes()[:33] // signature and IHDR chunk
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	crc := crc32.ChecksumIEEE(data[12:29])
	binary.BigEndian.PutUint32(data[29:], crc)
	return append(data, b.Bytes()[33:]...)
}

// FuzzLogo: any bytes given as a logo give a French error or a plain PNG
// within print size; a file claiming a huge image is never decoded.
func FuzzLogo(f *testing.F) {
	var p, j bytes.Buffer
	png.Encode(&p, image.NewRGBA(image.Rect(0, 0, 30, 10)))
	jpeg.Encode(&j, image.NewRGBA(image.Rect(0, 0, 10, 30)), nil)
	f.Add(p.Bytes())
	f.Add(j.Bytes())
	f.Add(pngHeader(20000, 20000))
	f.Fuzz(func(t *testing.T, data []byte) {
		tpl := Default()
		if err := tpl.SetLogo("logo", data); err != nil {
			if !strings.HasPrefix(err.Error(), "logo « logo » ") {
				t.Fatalf("error without the logo's name: %v", err)
			}
			return
		}
		w, err := tpl.Words()
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(w.Publisher.Logo))
		if err != nil || cfg.Width > logoPrintWidth || cfg.Height > logoPrintHeight {
			t.Fatalf("logo %d × %d: %v", cfg.Width, cfg.Height, err)
		}
	})
}

// TestIconAlts: every template gives each pictogram livret draws the
// text screen readers say for it, in French typography (a capital first,
// typographic apostrophes, no full stop), and names no other pictogram.
func TestIconAlts(t *testing.T) {
	for _, name := range Names() {
		tpl, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		w, err := tpl.Words()
		if err != nil {
			t.Fatal(err)
		}
		alts := w.Wording.Alt.Icons
		for _, icon := range picto.Names() {
			alt := alts.Of(icon)
			r := []rune(alt)
			if len(r) == 0 || !unicode.IsUpper(r[0]) || strings.ContainsAny(alt, "'\"") || strings.HasSuffix(alt, ".") {
				t.Errorf("%s: pictogram %s says %q", name, icon, alt)
			}
		}
		n := 0
		w.Wording.Each(func(key string, _ *string) error {
			key, ok := strings.CutPrefix(key, "textes_de_remplacement.pictogrammes.")
			if !ok {
				return nil
			}
			if _, ok := picto.Lookup(key); !ok {
				t.Errorf("%s: alternative text for %q, which is no pictogram", name, key)
			}
			n++
			return nil
		})
		if n != len(picto.Names()) {
			t.Errorf("%s: %d alternative texts for %d pictograms", name, n, len(picto.Names()))
		}
	}
}
