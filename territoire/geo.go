package territoire

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A Point is a position in WGS 84 degrees.
type Point struct {
	Lat, Lon float64
}

// earthRadius is the mean Earth radius in kilometres (IUGG).
const earthRadius = 6371.0088

// Distance returns the great-circle distance between a and b in kilometres
// (haversine formula on a spherical Earth, within 0.5 % of the ellipsoid).
func Distance(a, b Point) float64 {
	rad := math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadius * math.Asin(math.Min(1, math.Sqrt(h)))
}

// ParsePoint reads a position typed as "latitude,longitude" in decimal
// degrees: "44.84,-0.57", "44.84, -0.57" or "44.84 -0.57". French decimal
// commas are accepted when the two numbers are separated by a semicolon or
// a space: "44,84;-0,57", "44,84 -0,57".
func ParsePoint(s string) (Point, error) {
	t := strings.TrimSpace(s)
	var parts []string
	switch {
	case strings.Contains(t, ";"):
		parts = strings.Split(t, ";")
	case strings.Count(t, ",") == 1:
		parts = strings.Split(t, ",")
	default:
		parts = strings.Fields(t)
	}
	if len(parts) != 2 {
		return Point{}, pointError(s, "attendu deux nombres, la latitude puis la longitude")
	}
	var v [2]float64
	for i, p := range parts {
		p = strings.ReplaceAll(strings.TrimSpace(p), ",", ".")
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return Point{}, pointError(s, fmt.Sprintf("«\u00a0%s\u00a0» n’est pas un nombre", strings.TrimSpace(parts[i])))
		}
		v[i] = f
	}
	pt := Point{Lat: v[0], Lon: v[1]}
	if pt.Lat < -90 || pt.Lat > 90 {
		return Point{}, pointError(s, "la latitude doit être comprise entre -90 et 90")
	}
	if pt.Lon < -180 || pt.Lon > 180 {
		return Point{}, pointError(s, "la longitude doit être comprise entre -180 et 180")
	}
	return pt, nil
}

func pointError(s, why string) error {
	return fmt.Errorf("position «\u00a0%s\u00a0» illisible\u00a0: %s (par exemple «\u00a044.84,-0.57\u00a0»)", s, why)
}

// CentreOrigin tells where a centre comes from, hence how far it can be
// trusted for distances.
type CentreOrigin uint8

const (
	NoCentre              CentreOrigin = iota // no centre known
	CentreFromPlaces                          // median position of the places of the shared datasets in the commune
	CentreFromMap                             // map centre of the département or région (ANCT cartographie nationale)
	CentreFromDepartement                     // a commune without any known place: its département's centre, a rough stand-in
	CentreFromOutline                         // a point inside the commune's outline: its centroid, or a point on its surface
)

// A Centre is a point and where it comes from.
type Centre struct {
	Point
	Origin CentreOrigin
}

// Known reports whether the centre has a position at all.
func (c Centre) Known() bool { return c.Origin != NoCentre }
