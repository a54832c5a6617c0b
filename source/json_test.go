package source

import (
	"strings"
	"testing"
)

func TestJSON(t *testing.T) {
	t.Parallel()
	deep := `[{"a":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}]"
	deeper := `[{"a":` + strings.Repeat("[", 100000)
	tests := []struct {
		name    string
		content string
		want    want
	}{
		{"values", `[{"nom": "A", "code_postal": 97221, "latitude": 43.52609, "grand": 1e400, "actif": true,
			"x": null, "services": ["Aide aux démarches administratives", null, "Loisirs et créations numériques"], "vide": [], "texte": "  \u00a0"}]`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A && code_postal=97221 && latitude=43.52609 && grand=1e400 && actif=true && x!" +
				" && services=Aide aux démarches administratives|Loisirs et créations numériques && vide= && texte="},
		}},
		{"wrapper", "{\"total\": 2,\n \"data\": [\n  {\"nom\": \"A\"},\n  {\"nom\": \"B\"}\n ],\n \"next\": \"https://api.example/lieux?page=2\", \"meta\": {\"v\": 1}}", want{
			records: []string{"objet nᵒ 1 (ligne 3) && nom=A", "objet nᵒ 2 (ligne 4) && nom=B"},
			file:    []string{"les lieux sont lus dans le tableau « data » ; autres clés ignorées : « total » (« 2 »), « next » (« https://api.example/lieux?page=2 »), « meta »"},
		}},
		{"wrapper with a list of scalars first", `{"bbox": [1, 2], "tags": [], "lieux": [{"nom": "A"}]}`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A"},
			file:    []string{"les lieux sont lus dans le tableau « lieux » ; autres clés ignorées : « bbox », « tags »"},
		}},
		{"second array", `{"lieux": [{"nom": "A"}], "autres": [{"nom": "B"}]}`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A"},
			fatal:   "fichier « t.json », ligne 1 : un second tableau d’objets, « autres », suit le tableau « lieux » : il n’est pas lu, car le fichier ne doit contenir qu’une liste de lieux",
		}},
		{"JSON Lines", "{\"nom\": \"A\"}\n{\"nom\": \"B\", \"commune\": \"Gap\"}\n\n{\"nom\": \"C\"}\n", want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A", "objet nᵒ 2 (ligne 2) && commune=Gap", "objet nᵒ 3 (ligne 4) && nom=C"},
		}},
		{"one object", `{"nom": "A", "commune": "Gap"}`, want{records: []string{"objet nᵒ 1 (ligne 1) && nom=A && commune=Gap"}}},
		{"JSON Lines with lists of objects", "{\"id\": \"1\", \"mediateurs\": [{\"nom\": \"X\"}]}\n{\"nom\": \"B\", \"mediateurs\": []}\n", want{
			records: []string{`objet nᵒ 1 (ligne 1) && id=1 && mediateurs=[{"nom":"X"}]`, "objet nᵒ 2 (ligne 2) && nom=B && mediateurs="},
			notes:   map[string]string{"objet nᵒ 1 (ligne 1)": "la valeur de « mediateurs » contient des listes ou des objets : elle est gardée telle quelle, en texte JSON"},
		}},
		{"scalar among objects", "{\"nom\": \"A\"}\n42\n", want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A"},
			fatal:   "fichier « t.json », ligne 2 : le fichier JSON contient une valeur isolée là où une liste de lieux est attendue",
		}},
		{"elements that are not objects", "[{\"nom\": \"A\"},\n 3, null, [1], \"x\",\n {\"nom\": \"B\"}]", want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A", "objet nᵒ 6 (ligne 3) && nom=B"},
			rowErrs: []string{
				"fichier « t.json », objet nᵒ\u00a02 (ligne 2) : cet élément est un nombre et non un objet",
				"fichier « t.json », objet nᵒ\u00a03 (ligne 2) : cet élément est vide (null) et non un objet",
				"fichier « t.json », objet nᵒ\u00a04 (ligne 2) : cet élément est une liste et non un objet",
				"fichier « t.json », objet nᵒ\u00a05 (ligne 2) : cet élément est une chaîne de caractères et non un objet",
			},
		}},
		{"empty array", "[]", want{}},
		{"truncated", "[{\"nom\": \"A\"},\n {\"nom\": \"B\", \"commune", want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A"},
			fatal:   "fichier « t.json », objet nᵒ 2 : le fichier JSON s’arrête au milieu d’une valeur : il est sans doute incomplet (téléchargement interrompu ?)",
		}},
		{"syntax error", "[{\"nom\": \"A\"},\n {\"nom\" \"B\"}]", want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A"},
			fatal:   "fichier « t.json », ligne 2 : JSON mal formé à cet endroit ; la suite du fichier ne peut pas être lue",
		}},
		{"deep nesting", deep, want{
			fatal: "fichier « t.json », objet nᵒ 1 (ligne 1) : valeurs JSON imbriquées sur plus de 32 niveaux",
		}},
		{"deeper nesting", deeper, want{fatal: "fichier « t.json », ligne 1 : JSON mal formé à cet endroit ; la suite du fichier ne peut pas être lue"}},
		{"nested values", `[{"nom": "A", "horaires": {"lundi": "9h-12h", "mardi": null}, "mediateurs": [{"nom": "X"}, {"nom": "Y"}]}]`, want{
			records: []string{`objet nᵒ 1 (ligne 1) && horaires.lundi=9h-12h && horaires.mardi! && mediateurs=[{"nom":"X"},{"nom":"Y"}]`},
			notes:   map[string]string{"objet nᵒ 1 (ligne 1)": "la valeur de « mediateurs » contient des listes ou des objets : elle est gardée telle quelle, en texte JSON"},
		}},
		{"repeated and unnamed keys", `[{" nom\u00a0": "", "nom": "A", "nom": "B", "": "x"}]`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && nom=A"},
			notes:   map[string]string{"objet nᵒ 1 (ligne 1)": "le champ « nom » apparaît plusieurs fois : la valeur « A » est gardée, « B » est écartée / la valeur « x » n’est pas lue : sa clé n’a pas de nom"},
		}},
		{"Windows-1252", "[{\"nom\": \"M\xe9diath\xe8que\"}]", want{records: []string{"objet nᵒ 1 (ligne 1) && nom=Médiathèque"}}},
		{"BOM", "\ufeff[{\"nom\": \"A\"}]", want{records: []string{"objet nᵒ 1 (ligne 1) && nom=A"}}},
		{"UTF-16", string(utf16le("[{\"nom\": \"Œuvre\"}]", true)), want{records: []string{"objet nᵒ 1 (ligne 1) && nom=Œuvre"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkRead(t, "t.json", []byte(tt.content), Options{}, tt.want)
			if r != nil && r.Format() != JSON {
				t.Errorf("format %v", r.Format())
			}
		})
	}
}

func TestGeoJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		want    want
	}{
		{"one feature", `{"type": "Feature", "id": "lieu-1", "geometry": {"type": "Point", "coordinates": [5.41423, 43.52609]},
			"properties": {"nom": "A", "siret": "43493312300029", "rna": "W123456789", "contacts": {"courriels": ["a@b.fr", "c@d.fr"], "fax": "x"}}}`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && id=lieu-1 && nom=A && latitude=43.52609 && longitude=5.41423 && pivot=43493312300029 && rna=W123456789" +
				" && courriels=a@b.fr|c@d.fr && contacts.fax=x && siret!"},
		}},
		{"rna as pivot", `{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null,
			"properties": {"rna": "W123456789", "siret": null, "structure_cartographie_nationale_id": "u-1", "typologies": ["BIB", "EPN"],
			"adresse": {"nom_voie": "rue de la Paix", "repetition": "bis", "numero_voie": "12", "nom_commune": "Gap", "clef_interop": "05061_0630_00012"}}}]}`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && pivot=W123456789 && id=u-1 && typologie=BIB|EPN && adresse=12 bis rue de la Paix && commune=Gap" +
				" && adresse.clef_interop=05061_0630_00012 && rna! && latitude!"},
		}},
		{"flat properties win", `{"type": "FeatureCollection", "name": "lieux", "crs": {}, "features": [{"type": "Feature",
			"geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"id": "x", "latitude": 43.5, "longitude": "", "pivot": "123456789", "siret": "98765432100012"}}]}`, want{
			records: []string{"objet nᵒ 1 (ligne 1) && id=x && latitude=43.5 && longitude=1 && pivot=123456789 && siret=98765432100012"},
		}},
		{"other geometries", "{\"type\": \"FeatureCollection\", \"features\": [\n" +
			"{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1, 2]]]}, \"properties\": {\"nom\": \"A\"}},\n" +
			"{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [\"1\"]}, \"properties\": null},\n" +
			"{\"type\": \"Feature\", \"geometry\": 7, \"properties\": [1]},\n" +
			"3]}", want{
			records: []string{"objet nᵒ 1 (ligne 2) && nom=A", "objet nᵒ 2 (ligne 3)", "objet nᵒ 3 (ligne 4)"},
			notes: map[string]string{
				"objet nᵒ 1 (ligne 2)": "géométrie de type « Polygon » non lue : seul un point (Point) donne la latitude et la longitude",
				"objet nᵒ 2 (ligne 3)": "coordonnées du point GeoJSON illisibles : elles ne sont pas lues",
				"objet nᵒ 3 (ligne 4)": "les propriétés de l’objet GeoJSON sont une liste et non un objet : elles ne sont pas lues / la géométrie de l’objet GeoJSON est un nombre : elle n’est pas lue",
			},
			rowErrs: []string{"fichier « t.geojson », objet nᵒ\u00a04 (ligne 5) : cet élément est un nombre et non un objet"},
		}},
		{"no features", `{"type": "FeatureCollection", "features": []}`, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkRead(t, "t.geojson", []byte(tt.content), Options{}, tt.want)
			if r != nil && r.Format() != GeoJSON {
				t.Errorf("format %v", r.Format())
			}
		})
	}
}

// Line numbers stay right across long values and many objects.
func TestJSONLines(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("[\n")
	for i := range 3000 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"nom": "` + strings.Repeat("x", i%700) + "\",\n \"commune\": \"Gap\"}")
	}
	b.WriteString("\n]\n")
	r, err := openString(t, "t.json", b.String(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, _, err := readAll(t, r)
	if err != nil || len(recs) != 3000 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	for i, rec := range recs {
		if want := (Position{Index: i + 1, Line: 2 + 2*i}); rec.Pos != want {
			t.Fatalf("record %d at %+v, want %+v", i, rec.Pos, want)
		}
	}
}
