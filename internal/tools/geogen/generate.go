package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"livret/territoire"
)

const (
	decoupageDir    = "decoupage-administratif-6.0.0"
	cartographieDir = "cartographie-collectivites"
)

// Source records of @etalab/decoupage-administratif.
type (
	srcCommune struct {
		Code         string   `json:"code"`
		Nom          string   `json:"nom"`
		Type         string   `json:"type"`
		Departement  string   `json:"departement"`
		CodesPostaux []string `json:"codesPostaux"`
		Population   int      `json:"population"`
		AnciensCodes []string `json:"anciensCodes"`
		ChefLieu     string   `json:"chefLieu"` // deleguee, associee: current commune
		Commune      string   `json:"commune"`  // arrondissement-municipal: its commune
	}
	srcDepartement struct {
		Code     string `json:"code"`
		Nom      string `json:"nom"`
		Region   string `json:"region"`
		ChefLieu string `json:"chefLieu"`
	}
	srcRegion struct {
		Code     string `json:"code"`
		Nom      string `json:"nom"`
		ChefLieu string `json:"chefLieu"`
	}
	srcEPCI struct {
		Code                 string `json:"code"`
		Nom                  string `json:"nom"`
		Type                 string `json:"type"`
		PopulationMunicipale int    `json:"populationMunicipale"`
		Membres              []struct {
			Code string `json:"code"`
		} `json:"membres"`
	}
	// srcCentre is a record of the cartographie's départements.json and
	// regions.json.
	srcCentre struct {
		Code         string `json:"code"`
		Localisation struct {
			Latitude  float64 `json:"latitude"`
			Longitude float64 `json:"longitude"`
		} `json:"localisation"`
	}
)

// sources holds everything read from the data folder.
type sources struct {
	communes     []srcCommune
	departements []srcDepartement
	regions      []srcRegion
	epcis        []srcEPCI // EPCI then EPT
	deptCentres  map[string]territoire.Point
	regCentres   map[string]territoire.Point
}

// Generate builds the gzipped atlas and outlines from the data folder and
// the place files named (relative to it). It writes the geography once
// without commune centres and loads it, to map the outlines of 2018 to
// the current communes and to locate the places; then writes it again
// with the centres found: a point inside the outline where there is one,
// else the median of the places. It also returns a summary in French.
func Generate(data string, placeFiles []string) (atlasFile, outlinesFile []byte, stats string, err error) {
	src, err := readSources(data)
	if err != nil {
		return nil, nil, "", err
	}
	first, err := encode(src, nil, nil)
	if err != nil {
		return nil, nil, "", err
	}
	atlas, err := territoire.Load(bytes.NewReader(first))
	if err != nil {
		return nil, nil, "", fmt.Errorf("reading back the atlas: %w", err)
	}
	places, err := readPlaces(data, placeFiles)
	if err != nil {
		return nil, nil, "", err
	}
	fromPlaces, pstats := placeCentres(atlas, places)
	old, err := readOutlines(data)
	if err != nil {
		return nil, nil, "", err
	}
	outlines, ostats := communeOutlines(atlas, old)
	simplify(outlines)
	outlinesFile, fromOutlines, err := encodeOutlines(outlines, &ostats)
	if err != nil {
		return nil, nil, "", err
	}
	for _, c := range atlas.Communes() {
		if _, ok := fromOutlines[c.Code]; !ok {
			ostats.missing = append(ostats.missing, c.Code+" "+c.Name)
		}
	}
	atlasFile, err = encode(src, fromPlaces, fromOutlines)
	if err != nil {
		return nil, nil, "", err
	}
	stats = fmt.Sprintf("%d communes, %d EPCI et EPT, %d départements, %d régions; %s; %s",
		len(atlas.Communes()), len(atlas.EPCIs()), len(atlas.Departements()), len(atlas.Regions()), pstats, ostats)
	return atlasFile, outlinesFile, stats, nil
}

func readSources(data string) (*sources, error) {
	var s sources
	dec := filepath.Join(data, decoupageDir)
	var ept []srcEPCI
	for _, f := range []struct {
		name string
		v    any
	}{
		{"communes.json", &s.communes},
		{"departements.json", &s.departements},
		{"regions.json", &s.regions},
		{"epci.json", &s.epcis},
		{"ept.json", &ept},
	} {
		if err := readJSON(filepath.Join(dec, f.name), f.v); err != nil {
			return nil, err
		}
	}
	s.epcis = append(s.epcis, ept...)
	var err error
	if s.deptCentres, err = readCentres(filepath.Join(data, cartographieDir, "departements.json")); err != nil {
		return nil, err
	}
	if s.regCentres, err = readCentres(filepath.Join(data, cartographieDir, "regions.json")); err != nil {
		return nil, err
	}
	return &s, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func readCentres(path string) (map[string]territoire.Point, error) {
	var cs []srcCentre
	if err := readJSON(path, &cs); err != nil {
		return nil, err
	}
	m := make(map[string]territoire.Point, len(cs))
	for _, c := range cs {
		m[c.Code] = territoire.Point{Lat: c.Localisation.Latitude, Lon: c.Localisation.Longitude}
	}
	return m, nil
}

// encode writes the atlas text (see territoire/format.go) and gzips it.
// fromPlaces gives the commune and arrondissement centres found from
// places, fromOutlines the commune centres found from outlines, which win,
// by INSEE code.
func encode(s *sources, fromPlaces, fromOutlines map[string]territoire.Point) ([]byte, error) {
	var b strings.Builder
	line := func(fields ...string) {
		for i, f := range fields {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(f)
		}
		b.WriteByte('\n')
	}
	b.WriteString("# livret territoire 2\n")
	b.WriteString("# Généré par internal/tools/geogen (go generate ./territoire) : ne pas modifier à la main.\n")
	b.WriteString("# Sources : @etalab/decoupage-administratif 6.0.0 (COG 2026, Licence Ouverte), ANCT cartographie nationale (centres, MIT), contours IGN Admin Express 2018 via france-geojson (centres des communes, Licence Ouverte), lieux des jeux de données partagés (centres des autres communes et des arrondissements). Voir DATA.md.\n")

	deptCentre := func(code string) (territoire.Point, bool) {
		p, ok := s.deptCentres[code]
		return p, ok
	}
	regions := slices.Clone(s.regions)
	slices.SortFunc(regions, func(a, b srcRegion) int { return strings.Compare(a.Code, b.Code) })
	for _, r := range regions {
		p, ok := s.regCentres[r.Code]
		if !ok {
			// Overseas collectivities are their own région: use the
			// centre of the département of the same code, when known.
			p, ok = deptCentre(r.Code)
		}
		lat, lon := coords(p, ok)
		line("R", r.Code, r.Nom, r.ChefLieu, lat, lon)
	}
	depts := slices.Clone(s.departements)
	slices.SortFunc(depts, func(a, b srcDepartement) int { return strings.Compare(a.Code, b.Code) })
	for _, d := range depts {
		lat, lon := coords(deptCentre(d.Code))
		line("D", d.Code, d.Nom, d.Region, d.ChefLieu, lat, lon)
	}
	communes := slices.Clone(s.communes)
	slices.SortStableFunc(communes, func(a, b srcCommune) int { return strings.Compare(a.Code, b.Code) })
	for _, c := range communes {
		p, ok := fromPlaces[c.Code]
		origin := territoire.OriginPlaces
		if q, found := fromOutlines[c.Code]; found && c.Type == "commune-actuelle" {
			p, ok, origin = q, true, territoire.OriginOutline
		}
		if !ok {
			origin = ""
		}
		lat, lon := coords(p, ok)
		switch c.Type {
		case "commune-actuelle":
			line("C", c.Code, c.Nom, c.Departement, strconv.Itoa(c.Population), sorted(c.CodesPostaux), sorted(c.AnciensCodes), lat, lon, origin)
		case "commune-deleguee", "commune-associee":
			kind := "D"
			if c.Type == "commune-associee" {
				kind = "A"
			}
			line("F", c.Code, c.Nom, kind, c.ChefLieu)
		case "arrondissement-municipal":
			line("A", c.Code, c.Nom, c.Commune, strconv.Itoa(c.Population), sorted(c.CodesPostaux), lat, lon)
		default:
			return nil, fmt.Errorf("commune %s: unknown type %q", c.Code, c.Type)
		}
	}
	epcis := slices.Clone(s.epcis)
	slices.SortFunc(epcis, func(a, b srcEPCI) int { return strings.Compare(a.Code, b.Code) })
	for _, e := range epcis {
		members := make([]string, len(e.Membres))
		for i, m := range e.Membres {
			members[i] = m.Code
		}
		line("E", e.Code, e.Type, e.Nom, strconv.Itoa(e.PopulationMunicipale), sorted(members))
	}

	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write([]byte(b.String())); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

func sorted(s []string) string {
	s = slices.Clone(s)
	slices.Sort(s)
	return strings.Join(s, ",")
}

// coords formats a position with 4 decimals (about 10 m), or two empty
// fields when it is unknown.
func coords(p territoire.Point, ok bool) (string, string) {
	if !ok {
		return "", ""
	}
	return strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64)
}
