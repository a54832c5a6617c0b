package territoire

import (
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The atlas file is gzipped UTF-8 text, one record per line, fields
// separated by tabs, lists by commas, unknown positions left empty. Lines
// starting with '#' are comments; the first line is formatHeader. Records,
// by their first field:
//
//	R  code  name  chefLieu  lat  lon                                    région
//	D  code  name  région  chefLieu  lat  lon                           département
//	C  code  name  département  population  postalCodes  formerCodes  lat  lon  origin    commune
//	F  code  name  D|A  commune                                         commune déléguée or associée
//	A  code  name  commune  population  postalCodes  lat  lon            arrondissement municipal
//	E  siren  type  name  population  members                          EPCI or EPT
//
// A commune's origin says where its position comes from: "contour" for a
// point inside its outline (CentreFromOutline), "lieux" for the median of
// places (CentreFromPlaces). Arrondissement positions are medians of
// places; département and région ones are map centres.
const formatHeader = "# livret territoire 2"

// Load reads an atlas in the format written by the geogen generator.
// Default is the usual way to get one; Load serves the generator itself
// and tests.
func Load(r io.Reader) (*Atlas, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("atlas illisible\u00a0: %w", err)
	}
	// One string for the whole text: every name and code read is a
	// substring of it, without a copy of its own.
	var buf strings.Builder
	buf.Grow(2 << 20)
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("atlas illisible\u00a0: %w", err)
	}
	text := buf.String()
	header, text, _ := strings.Cut(text, "\n")
	if header != formatHeader {
		return nil, fmt.Errorf("atlas illisible\u00a0: en-tête %q inattendu, %q attendu", header, formatHeader)
	}
	l := loader{a: newAtlas(), line: 1, communeDept: make([]ref[*Commune], 0, 35000)}
	var fields [maxFields]string
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		l.line++
		if line == "" || line[0] == '#' {
			continue
		}
		n := split(line, fields[:])
		if err := l.record(fields[:n]); err != nil {
			return nil, fmt.Errorf("atlas illisible, ligne %d\u00a0: %w", l.line, err)
		}
	}
	if err := l.link(); err != nil {
		return nil, fmt.Errorf("atlas incohérent\u00a0: %w", err)
	}
	return l.a, nil
}

// maxFields is the largest number of fields of a record; split counts one
// more when a line has too many.
const maxFields = 11

// split cuts a line at tabs into fields and returns how many it filled.
func split(line string, fields []string) int {
	n := 0
	for n < len(fields) {
		f, rest, more := strings.Cut(line, "\t")
		fields[n] = f
		n++
		if !more {
			break
		}
		line = rest
	}
	return n
}

func newAtlas() *Atlas {
	return &Atlas{
		communes: make(map[string]*Commune, 35000),

		sortedCommunes: make([]*Commune, 0, 35000),
		byOldCode:      make(map[string]*Commune, 4500),
		delegated:      make(map[string]*Delegated, 2600),
		arrByCode:      make(map[string]*Arrondissement, 45),
		byPostalCode:   make(map[string][]*Commune, 6500),
		arrByPostal:    make(map[string][]*Arrondissement, 50),
		epcis:          make(map[string]*EPCI, 1300),
		departements:   make(map[string]*Departement, 110),
		regions:        make(map[string]*Region, 30),
	}
}

// A ref is a code met while reading, resolved by link once every record is
// known.
type ref[T any] struct {
	from T
	code string
}

// loader keeps the references in file order: the file is sorted by code,
// so the lists link builds come out sorted too.
type loader struct {
	a    *Atlas
	line int

	communes  slab[Commune]
	delegated slab[Delegated]
	strs      slab[string]

	deptRegion  []ref[*Departement]
	communeDept []ref[*Commune]
	delegatedOf []ref[*Delegated]
	arrCommune  []ref[*Arrondissement]
	epciMembers []ref[*EPCI]
}

var fieldCounts = map[string]int{"R": 6, "D": 7, "C": 10, "F": 5, "A": 8, "E": 6}

func (l *loader) record(f []string) error {
	want, ok := fieldCounts[f[0]]
	if !ok {
		return fmt.Errorf("type d’enregistrement %q inconnu", f[0])
	}
	if len(f) != want {
		return fmt.Errorf("%d champs au lieu de %d", len(f), want)
	}
	a := l.a
	switch f[0] {
	case "R":
		c, err := mapCentre(f[4], f[5])
		if err != nil {
			return err
		}
		r := &Region{Code: f[1], Name: f[2], ChefLieu: f[3], Centre: c}
		a.regions[r.Code] = r
		a.sortedRegions = append(a.sortedRegions, r)
	case "D":
		c, err := mapCentre(f[5], f[6])
		if err != nil {
			return err
		}
		d := &Departement{Code: f[1], Name: f[2], ChefLieu: f[4], Centre: c}
		a.departements[d.Code] = d
		a.sortedDepts = append(a.sortedDepts, d)
		l.deptRegion = append(l.deptRegion, ref[*Departement]{d, f[3]})
	case "C":
		pop, err := atoi(f[4])
		if err != nil {
			return err
		}
		c := l.communes.next()
		*c = Commune{Code: f[1], Name: f[2], Population: pop, PostalCodes: l.list(f[5]), FormerCodes: l.list(f[6])}
		if c.Centre, err = communeCentre(f[7], f[8], f[9]); err != nil {
			return err
		}
		a.communes[c.Code] = c
		a.sortedCommunes = append(a.sortedCommunes, c)
		l.communeDept = append(l.communeDept, ref[*Commune]{c, f[3]})
	case "F":
		d := l.delegated.next()
		*d = Delegated{Code: f[1], Name: f[2], Associee: f[3] == "A"}
		a.delegated[d.Code] = d
		l.delegatedOf = append(l.delegatedOf, ref[*Delegated]{d, f[4]})
	case "A":
		pop, err := atoi(f[4])
		if err != nil {
			return err
		}
		ar := &Arrondissement{Code: f[1], Name: f[2], Population: pop, PostalCodes: l.list(f[5])}
		if ar.Centre, err = placesCentre(f[6], f[7]); err != nil {
			return err
		}
		a.arrByCode[ar.Code] = ar
		l.arrCommune = append(l.arrCommune, ref[*Arrondissement]{ar, f[3]})
	case "E":
		pop, err := atoi(f[4])
		if err != nil {
			return err
		}
		e := &EPCI{Code: f[1], Type: f[2], Name: f[3], Population: pop}
		a.epcis[e.Code] = e
		a.sortedEPCIs = append(a.sortedEPCIs, e)
		l.epciMembers = append(l.epciMembers, ref[*EPCI]{e, f[5]})
	}
	return nil
}

// link resolves the codes read into pointers, fills the reverse lists and
// the indexes, and gives communes without a centre their département's.
func (l *loader) link() error {
	a := l.a
	for _, x := range l.deptRegion {
		r, ok := a.regions[x.code]
		if !ok {
			return fmt.Errorf("région %q du département %s inconnue", x.code, x.from.Code)
		}
		x.from.Region = r
		r.Departements = append(r.Departements, x.from)
	}
	var d *Departement
	for i, x := range l.communeDept {
		c := x.from
		if d == nil || d.Code != x.code {
			var ok bool
			if d, ok = a.departements[x.code]; !ok {
				return fmt.Errorf("département %q de la commune %s inconnu", x.code, c.Code)
			}
		}
		c.Departement = d
		// Communes come sorted by code, hence grouped by département:
		// each département's list is a window on the atlas's.
		if n := len(d.Communes); n == 0 {
			d.Communes = a.sortedCommunes[i : i+1 : i+1]
		} else if d.Communes[n-1] == a.sortedCommunes[i-1] {
			d.Communes = a.sortedCommunes[i-n : i+1 : i+1]
		} else {
			return fmt.Errorf("commune %s hors de l’ordre des codes", c.Code)
		}
		d.Population += c.Population
		d.Region.Population += c.Population
		for _, pc := range c.PostalCodes {
			a.byPostalCode[pc] = append(a.byPostalCode[pc], c)
		}
		for _, old := range c.FormerCodes {
			a.byOldCode[old] = c
		}
		if !c.Centre.Known() && d.Centre.Known() {
			c.Centre = Centre{Point: d.Centre.Point, Origin: CentreFromDepartement}
		}
	}
	for _, x := range l.delegatedOf {
		c, ok := a.communes[x.code]
		if !ok {
			return fmt.Errorf("commune %q de la commune déléguée %s inconnue", x.code, x.from.Code)
		}
		x.from.Commune = c
		x.from.SharesCode = x.from.Code == c.Code
		c.Delegated = append(c.Delegated, x.from)
	}
	for _, x := range l.arrCommune {
		ar := x.from
		c, ok := a.communes[x.code]
		if !ok {
			return fmt.Errorf("commune %q de l’arrondissement %s inconnue", x.code, ar.Code)
		}
		ar.Commune = c
		c.Arrondissements = append(c.Arrondissements, ar)
		for _, pc := range ar.PostalCodes {
			a.arrByPostal[pc] = append(a.arrByPostal[pc], ar)
		}
		if !ar.Centre.Known() {
			ar.Centre = c.Centre
		}
	}
	for _, x := range l.epciMembers {
		e := x.from
		e.Members = make([]*Commune, 0, strings.Count(x.code, ",")+1)
		for rest := x.code; rest != ""; {
			var code string
			code, rest, _ = strings.Cut(rest, ",")
			c, ok := a.communes[code]
			if !ok {
				return fmt.Errorf("commune %q membre de l’EPCI %s inconnue", code, e.Code)
			}
			e.Members = append(e.Members, c)
			if e.Type == "EPT" {
				c.EPT = e
			} else {
				c.EPCI = e
			}
		}
	}
	return nil
}

// list splits a comma-separated field into strings taken from the slab.
func (l *loader) list(s string) []string {
	if s == "" {
		return nil
	}
	n := strings.Count(s, ",") + 1
	out := l.strs.take(n)
	for i := range n - 1 {
		out[i], s, _ = strings.Cut(s, ",")
	}
	out[n-1] = s
	return out
}

// A slab hands out values from large blocks, so that loading the tens of
// thousands of communes costs a few allocations rather than one each.
// Blocks are never grown in place: pointers handed out stay valid.
type slab[T any] struct{ block []T }

const slabSize = 4096

func (s *slab[T]) next() *T { return &s.take(1)[0] }

// take returns n zeroed values, with a capacity of n so that appending to
// them cannot overwrite the next ones.
func (s *slab[T]) take(n int) []T {
	if len(s.block)+n > cap(s.block) {
		s.block = make([]T, 0, max(slabSize, n))
	}
	i := len(s.block)
	s.block = s.block[:i+n]
	return s.block[i : i+n : i+n]
}

func atoi(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("nombre %q illisible", s)
	}
	return n, nil
}

func mapCentre(lat, lon string) (Centre, error) { return centre(lat, lon, CentreFromMap) }

func placesCentre(lat, lon string) (Centre, error) { return centre(lat, lon, CentreFromPlaces) }

// Origins of commune centres in the file.
const (
	OriginOutline = "contour"
	OriginPlaces  = "lieux"
)

func communeCentre(lat, lon, origin string) (Centre, error) {
	switch origin {
	case OriginOutline:
		return centre(lat, lon, CentreFromOutline)
	case OriginPlaces, "":
		return placesCentre(lat, lon)
	}
	return Centre{}, fmt.Errorf("origine de position %q inconnue", origin)
}

func centre(lat, lon string, origin CentreOrigin) (Centre, error) {
	if lat == "" && lon == "" {
		return Centre{}, nil
	}
	la, err1 := strconv.ParseFloat(lat, 64)
	lo, err2 := strconv.ParseFloat(lon, 64)
	if err1 != nil || err2 != nil {
		return Centre{}, fmt.Errorf("position %q, %q illisible", lat, lon)
	}
	return Centre{Point: Point{Lat: la, Lon: lo}, Origin: origin}, nil
}
