package main

import (
	"fmt"
	"math"
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

// sharedPlaceFiles are the datasets of the shared data folder whose places
// give the commune centres (see shared/data/SOURCES.md). They are named
// rather than searched for, so that a dataset added to the folder does not
// change the atlas behind the generator's back.
var sharedPlaceFiles = []string{
	"client-application/bus-fs-charente-00fcaa57-2023-10-12/20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
	"client-application/charente-926d8162-2024-09-12/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
	"client-application/charente-cf77ffe5-2023-07-11/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
	"client-application/cnfs-9f64eee0-2022-07-20/lieux-de-mediation-numerique.cnfs.json",
	"client-application/hub-du-sud-8b2dea59-2024-09-12/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
	"client-application/hub-du-sud-f79855e0-2023-05-17/20230516-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
	"client-application/hub-du-sud-f855d847-2023-05-17/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
	"client-application/ile-de-france-a80ed1a7-2022-08-29/lieux-de-mediation-numerique.ile-de-france.json",
	"client-application/main-db817903-2023-07-24/source.json",
	"client-application/nouvelle-caledonie-46605b71-2024-03-20/20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
	"client-application/nouvelle-caledonie-d8fc63df-2024-09-12/20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
	"mednum-cli/5c7c8a2-2023-02-06/data-inclusion.json",
	"mednum-cli/f382183-2023-05-18/mednum-hub-antilles.json",
}

// readPlaces reads the places with a latitude and a longitude of the given
// JSON files (paths relative to the data folder), each an array of objects
// keyed by the standard's field names.
func readPlaces(data string, files []string) ([]place, error) {
	var places []place
	for _, name := range files {
		var rows []map[string]any
		if err := readJSON(filepath.Join(data, name), &rows); err != nil {
			return nil, err
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
	}
	return places, nil
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
