package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"livret/territoire"
)

// maxFromDepartement is the largest distance, in km, between a place and
// its département's map centre that is still believable; farther positions
// are geocoding errors (swapped or zero coordinates, wrong homonym). Guyane,
// the widest département, spans about 400 km.
const maxFromDepartement = 250

// A place is what the centres need from a place of a dataset.
type place struct {
	insee, postalCode, commune string
	lat, lon                   float64
}

// readPlaces reads every JSON file of the data folder that is an array of
// objects with a latitude and a longitude, leaving out the geography
// folders themselves. Files are read in lexical order.
func readPlaces(data string) ([]place, error) {
	var places []place
	err := filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == decoupageDir || n == cartographieDir {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".json") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var rows []map[string]any
		if json.Unmarshal(b, &rows) != nil {
			return nil // not an array of places (a schema, say)
		}
		for _, r := range rows {
			lat, ok1 := number(r["latitude"])
			lon, ok2 := number(r["longitude"])
			if !ok1 || !ok2 {
				continue
			}
			places = append(places, place{
				insee:      text(r["code_insee"]),
				postalCode: text(r["code_postal"]),
				commune:    text(r["commune"]),
				lat:        lat,
				lon:        lon,
			})
		}
		return nil
	})
	return places, err
}

// text returns a JSON string or number as text: some files give postal
// codes as numbers.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func number(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case string:
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(v), ",", "."), 64)
		return f, err == nil
	}
	return 0, false
}

// placeCentres locates each place in its commune (and arrondissement) and
// returns, per INSEE code, the median position of the distinct believable
// positions found there.
func placeCentres(atlas *territoire.Atlas, places []place) (map[string]territoire.Point, string) {
	type key struct {
		code     string
		lat, lon float64
	}
	seen := make(map[key]bool)
	lats := make(map[string][]float64)
	lons := make(map[string][]float64)
	var unlocated, implausible int
	for _, p := range places {
		loc, err := atlas.Locate(p.insee, p.postalCode, p.commune)
		if err != nil {
			unlocated++
			continue
		}
		pt := territoire.Point{Lat: p.lat, Lon: p.lon}
		if !plausible(pt, loc.Commune) {
			implausible++
			continue
		}
		codes := []string{loc.Commune.Code}
		if loc.Arrondissement != nil {
			codes = append(codes, loc.Arrondissement.Code)
		}
		for _, code := range codes {
			k := key{code, p.lat, p.lon}
			if seen[k] {
				continue
			}
			seen[k] = true
			lats[code] = append(lats[code], p.lat)
			lons[code] = append(lons[code], p.lon)
		}
	}
	centres := make(map[string]territoire.Point, len(lats))
	for code := range lats {
		centres[code] = territoire.Point{Lat: median(lats[code]), Lon: median(lons[code])}
	}
	stats := fmt.Sprintf("%d lieux positionnés lus, %d non rattachés à une commune, %d écartés (position invraisemblable), %d centres de communes ou d’arrondissements",
		len(places), unlocated, implausible, len(centres))
	return centres, stats
}

func plausible(p territoire.Point, c *territoire.Commune) bool {
	if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 || (p.Lat == 0 && p.Lon == 0) {
		return false
	}
	d := c.Departement.Centre
	return !d.Known() || territoire.Distance(p, d.Point) <= maxFromDepartement
}

func median(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}
