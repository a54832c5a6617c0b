package territoire

import (
	"bytes"
	_ "embed"
	"sync"
)

// A Commune is a current commune of the Code officiel géographique.
type Commune struct {
	Code        string   // INSEE code, e.g. "33449", "2A004", "98818"
	Name        string   // official name with its article: "Le Bouscat"
	PostalCodes []string // postal codes, sorted
	Departement *Departement
	Population  int // population municipale

	// FormerCodes are older INSEE codes that now lead to this commune:
	// those of the communes merged into it, or its own code before a
	// change (Corsica's 20xxx before 2A and 2B).
	FormerCodes []string
	// Delegated lists its communes déléguées and communes associées.
	Delegated []*Delegated
	// Arrondissements lists the arrondissements municipaux of Paris, Lyon
	// and Marseille; it is empty for every other commune.
	Arrondissements []*Arrondissement

	EPCI *EPCI // EPCI à fiscalité propre, nil for the few communes outside any
	EPT  *EPCI // établissement public territorial (Métropole du Grand Paris), or nil

	Centre Centre

	key string // name key, set by the name index
}

// Region returns the région of the commune.
func (c *Commune) Region() *Region { return c.Departement.Region }

// A Delegated is a commune déléguée or commune associée: a former commune
// kept as a part of a current commune after a merger.
type Delegated struct {
	Code       string
	Name       string
	Associee   bool // commune associée (older fusion-association) rather than déléguée
	Commune    *Commune
	SharesCode bool // its code is also the code of Commune (the chef-lieu)

	key string // name key, set by the name index
}

// An Arrondissement is an arrondissement municipal of Paris, Lyon or
// Marseille.
type Arrondissement struct {
	Code        string // INSEE code, e.g. "75115", "13211", "69383"
	Name        string // "Paris 15e Arrondissement"
	PostalCodes []string
	Population  int
	Commune     *Commune
	Centre      Centre

	key string // name key, set by the name index
}

// An EPCI is an établissement public de coopération intercommunale: a
// communauté de communes, d'agglomération, urbaine, a métropole, or an
// établissement public territorial of the Métropole du Grand Paris.
type EPCI struct {
	Code       string // SIREN, e.g. "243300316"
	Name       string // "Bordeaux Métropole"
	Type       string // "CC", "CA", "CU", "METRO", "MET69" or "EPT"
	Population int    // population municipale
	Members    []*Commune
}

// TypeName returns the kind of EPCI spelled out in French, e.g.
// "communauté de communes".
func (e *EPCI) TypeName() string {
	switch e.Type {
	case "CC":
		return "communauté de communes"
	case "CA":
		return "communauté d’agglomération"
	case "CU":
		return "communauté urbaine"
	case "METRO":
		return "métropole"
	case "MET69":
		return "métropole de Lyon"
	case "EPT":
		return "établissement public territorial"
	}
	return "intercommunalité"
}

// A Departement is a département, or an overseas collectivity (collectivité
// d'outre-mer, code 975 to 989) which the COG lists alongside them.
type Departement struct {
	Code       string // "33", "2A", "974", "988"
	Name       string // "Gironde"
	Region     *Region
	ChefLieu   string // INSEE code of the préfecture
	Communes   []*Commune
	Population int
	Centre     Centre
}

// A Region is a région, or an overseas collectivity, which the COG lists as
// its own région with the same code as its département.
type Region struct {
	Code         string // "75", "94", "988"
	Name         string // "Nouvelle-Aquitaine"
	ChefLieu     string // INSEE code of the préfecture de région
	Departements []*Departement
	Population   int
	Centre       Centre
}

// Communes returns the communes of the région, in code order.
func (r *Region) Communes() []*Commune {
	var cs []*Commune
	for _, d := range r.Departements {
		cs = append(cs, d.Communes...)
	}
	return cs
}

// An Atlas holds the geography and its indexes. Its methods are safe for
// concurrent use.
type Atlas struct {
	communes     map[string]*Commune // current codes
	byOldCode    map[string]*Commune // former and delegated codes
	delegated    map[string]*Delegated
	arrByCode    map[string]*Arrondissement
	byPostalCode map[string][]*Commune
	arrByPostal  map[string][]*Arrondissement
	epcis        map[string]*EPCI
	departements map[string]*Departement
	regions      map[string]*Region

	sortedCommunes []*Commune // by code
	sortedEPCIs    []*EPCI
	sortedDepts    []*Departement
	sortedRegions  []*Region

	namesOnce sync.Once
	names     *nameIndex
	areasOnce sync.Once
	areaNames *areaIndex

	outlineData  []byte // gzipped outlines file, nil when there is none
	outlinesOnce sync.Once
	outlines     *Outlines
}

//go:embed atlas.tsv.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultAtlas *Atlas
)

// Default returns the atlas embedded in the program (COG 2026). It is read
// once, on first use; the index of the communes' names, which Locate and
// the resolving of a commune need, is then built in the background, while
// the caller goes on: resolving an EPCI, a département or a région does
// not wait for it.
func Default() *Atlas {
	defaultOnce.Do(func() {
		a, err := Load(bytes.NewReader(embedded))
		if err != nil {
			// The embedded file is written by the generator and checked by
			// the tests: failing to read it is a build defect, not an input
			// error.
			panic("territoire: embedded atlas: " + err.Error())
		}
		a.outlineData = embeddedOutlines
		defaultAtlas = a
		go a.index()
	})
	return defaultAtlas
}

// Communes returns every current commune, in code order.
func (a *Atlas) Communes() []*Commune { return a.sortedCommunes }

// EPCIs returns every EPCI and établissement public territorial, in SIREN order.
func (a *Atlas) EPCIs() []*EPCI { return a.sortedEPCIs }

// Departements returns every département, in code order.
func (a *Atlas) Departements() []*Departement { return a.sortedDepts }

// Regions returns every région, in code order.
func (a *Atlas) Regions() []*Region { return a.sortedRegions }

// Departement returns the département with the given code ("33", "2A", "974").
func (a *Atlas) Departement(code string) (*Departement, bool) {
	d, ok := a.departements[code]
	return d, ok
}

// Region returns the région with the given code ("75", "988").
func (a *Atlas) Region(code string) (*Region, bool) {
	r, ok := a.regions[code]
	return r, ok
}

// EPCI returns the EPCI or établissement public territorial with the given
// SIREN.
func (a *Atlas) EPCI(siren string) (*EPCI, bool) {
	e, ok := a.epcis[siren]
	return e, ok
}

// Commune returns the current commune designated by an INSEE code, written
// as in the COG ("2A004", not "2a004"). Besides
// current codes it accepts the codes of merged, delegated and associated
// communes and of arrondissements municipaux; the Note then says which
// current commune they now belong to. ok is false for an unknown code.
func (a *Atlas) Commune(code string) (c *Commune, n Note, ok bool) {
	if c, ok := a.communes[code]; ok {
		return c, Note{}, true
	}
	if ar, ok := a.arrByCode[code]; ok {
		return ar.Commune, Note{How: ByArrondissementCode, Code: code, Name: ar.Name, Arrondissement: ar}, true
	}
	if d, ok := a.delegated[code]; ok {
		return d.Commune, Note{How: ByFormerCode, Code: code, Name: d.Name}, true
	}
	if c, ok := a.byOldCode[code]; ok {
		return c, Note{How: ByFormerCode, Code: code}, true
	}
	return nil, Note{}, false
}

// Arrondissement returns the arrondissement municipal with the given INSEE
// code ("75115").
func (a *Atlas) Arrondissement(code string) (*Arrondissement, bool) {
	ar, ok := a.arrByCode[code]
	return ar, ok
}

// PostalCode returns the current communes served by a postal code, in code
// order.
func (a *Atlas) PostalCode(code string) []*Commune { return a.byPostalCode[code] }
