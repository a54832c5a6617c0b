package territoire

import (
	"strings"

	"livret/texte"
)

// nameKey reduces a place name to the key names are compared on: folded
// (texte.Fold), "St"/"Ste" spelt out, an article put back in front
// ("Bouscat (Le)" → "le bouscat"), ordinals of arrondissements reduced to
// their number and the word "arrondissement" dropped ("Marseille 11e
// Arrondissement", "marseille 11" → "marseille 11").
func nameKey(s string) string {
	folded := texte.Fold(s)
	if isKey(folded) {
		return folded // most names: no word to rewrite, no copy
	}
	words := strings.Fields(folded)
	if n := len(words); n >= 2 && isArticle(words[n-1]) {
		words = append([]string{words[n-1]}, words[:n-1]...)
	}
	out := words[:0]
	for _, w := range words {
		if w, keep := keyWord(w); keep {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// keyWord returns the form a folded word takes in a key, and false for a
// word that is dropped.
func keyWord(w string) (string, bool) {
	switch w {
	case "st":
		return "saint", true
	case "ste":
		return "sainte", true
	case "arrondissement", "arrdt", "arr":
		return "", false
	}
	return ordinal(w), true
}

// isKey reports whether a folded name is already a key: no word to
// rewrite and no article at the end.
func isKey(folded string) bool {
	last, n := "", 0
	for rest := folded; rest != ""; n++ {
		last, rest, _ = strings.Cut(rest, " ")
		if k, keep := keyWord(last); !keep || k != last {
			return false
		}
	}
	return n < 2 || !isArticle(last)
}

func isArticle(w string) bool { return w == "le" || w == "la" || w == "les" || w == "l" }

// ordinal turns "11e", "11eme", "1er", "1ere", "2nd" into "11", "1", "2".
func ordinal(w string) string {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i == len(w) {
		return w
	}
	switch w[i:] {
	case "e", "eme", "ieme", "er", "ere", "re", "nd", "nde":
		return w[:i]
	}
	return w
}

// withoutArticle returns the key without its leading article, or "" when
// it has none: "le bouscat" → "bouscat", so that "Bouscat" finds it.
func withoutArticle(key string) string {
	first, rest, ok := strings.Cut(key, " ")
	if !ok || !isArticle(first) {
		return ""
	}
	return rest
}

// epciKey is nameKey with the legal form of an EPCI written short, so that
// "Communauté de communes du Bazadais" and "CC du Bazadais" meet.
func epciKey(s string) string {
	k := nameKey(s)
	for _, f := range epciForms {
		if rest, ok := strings.CutPrefix(k, f.long+" "); ok {
			return f.short + " " + rest
		}
	}
	return k
}

var epciForms = []struct{ long, short string }{
	{"communaute de communes", "cc"},
	{"communaute d agglomeration", "ca"},
	{"communaute urbaine", "cu"},
	{"etablissement public territorial", "ept"},
}

// epciCore returns the name of an EPCI without its legal form and the
// preposition after it ("cc du bazadais" → "bazadais"), or "" when it has
// no legal form.
func epciCore(key string) string {
	form, rest, ok := strings.Cut(key, " ")
	if !ok {
		return ""
	}
	switch form {
	case "cc", "ca", "cu", "ept", "metropole":
	default:
		return ""
	}
	for _, p := range []string{"de la ", "de l ", "des ", "du ", "de ", "d "} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			return r
		}
	}
	return rest
}

// adminKey is nameKey for départements and régions, dropping a leading
// "département de la", "région" and the like.
func adminKey(s string) string {
	k := nameKey(s)
	for _, p := range []string{"departement", "region", "collectivite"} {
		if rest, ok := strings.CutPrefix(k, p+" "); ok {
			k = rest
			for _, q := range []string{"de la ", "de l ", "des ", "du ", "de ", "d "} {
				if r, ok := strings.CutPrefix(k, q); ok {
					k = r
					break
				}
			}
			break
		}
	}
	return k
}

// regionAliases are common short names of régions, as their keys.
var regionAliases = map[string]string{
	"paca":       "93",
	"sud":        "93",
	"region sud": "93",
	"idf":        "11",
	"aura":       "84",
	"bfc":        "27",
}

// A nameIndex maps the name keys of communes, arrondissements and
// delegated communes to what they name. Primary keys are full names;
// secondary keys (without article) are only looked at when no primary key
// matches.
type nameIndex struct {
	communes    map[string][]*Commune
	communesAlt map[string][]*Commune
	arrs        map[string][]*Arrondissement
	delegated   map[string][]*Delegated

	// communeKeys lists every distinct commune key once, for suggestions.
	communeKeys []string
}

// An areaIndex maps the name keys of EPCI, départements and régions to
// what they name; secondary keys (EPCI without legal form) are only
// looked at when no primary key matches. It is apart from the communes':
// a thousand names, which a command naming its territory finds at once,
// while the communes' names (35 000) are still being read.
type areaIndex struct {
	epcis        map[string][]*EPCI
	epcisAlt     map[string][]*EPCI
	departements map[string][]*Departement
	regions      map[string][]*Region
}

// index returns the communes' name index, built on first use. It sets the
// name keys of the communes and their parts.
func (a *Atlas) index() *nameIndex {
	a.namesOnce.Do(func() { a.names = buildIndex(a) })
	return a.names
}

// areas returns the name index of EPCI, départements and régions, built
// on first use.
func (a *Atlas) areas() *areaIndex {
	a.areasOnce.Do(func() { a.areaNames = buildAreaIndex(a) })
	return a.areaNames
}

func buildIndex(a *Atlas) *nameIndex {
	ix := &nameIndex{
		communes:    make(map[string][]*Commune, len(a.communes)),
		communesAlt: make(map[string][]*Commune, 4000),
		arrs:        make(map[string][]*Arrondissement, len(a.arrByCode)),
		delegated:   make(map[string][]*Delegated, len(a.delegated)),
	}
	for _, c := range a.sortedCommunes {
		k := nameKey(c.Name)
		c.key = k
		if len(ix.communes[k]) == 0 {
			ix.communeKeys = append(ix.communeKeys, k)
		}
		ix.communes[k] = append(ix.communes[k], c)
		if alt := withoutArticle(k); alt != "" {
			ix.communesAlt[alt] = append(ix.communesAlt[alt], c)
		}
		for _, ar := range c.Arrondissements {
			ak := nameKey(ar.Name)
			ar.key = ak
			ix.arrs[ak] = append(ix.arrs[ak], ar)
		}
		for _, d := range c.Delegated {
			d.key = nameKey(d.Name)
			if dk := d.key; dk != k {
				ix.delegated[dk] = append(ix.delegated[dk], d)
			}
		}
	}
	return ix
}

func buildAreaIndex(a *Atlas) *areaIndex {
	ix := &areaIndex{
		epcis:        make(map[string][]*EPCI, len(a.epcis)),
		epcisAlt:     make(map[string][]*EPCI, len(a.epcis)),
		departements: make(map[string][]*Departement, len(a.departements)),
		regions:      make(map[string][]*Region, len(a.regions)),
	}
	for _, e := range a.sortedEPCIs {
		k := epciKey(e.Name)
		ix.epcis[k] = append(ix.epcis[k], e)
		if core := epciCore(k); core != "" {
			ix.epcisAlt[core] = append(ix.epcisAlt[core], e)
		}
	}
	for _, d := range a.sortedDepts {
		k := adminKey(d.Name)
		ix.departements[k] = append(ix.departements[k], d)
		if alt := withoutArticle(k); alt != "" {
			ix.departements[alt] = append(ix.departements[alt], d)
		}
	}
	for _, r := range a.sortedRegions {
		k := adminKey(r.Name)
		ix.regions[k] = append(ix.regions[k], r)
		if alt := withoutArticle(k); alt != "" {
			ix.regions[alt] = append(ix.regions[alt], r)
		}
	}
	for alias, code := range regionAliases {
		if r, ok := a.regions[code]; ok {
			ix.regions[alias] = append(ix.regions[alias], r)
		}
	}
	return ix
}

// communesNamed returns the current communes whose name has the key,
// falling back to names without article.
func (ix *nameIndex) communesNamed(key string) []*Commune {
	if cs := ix.communes[key]; len(cs) > 0 {
		return cs
	}
	return ix.communesAlt[key]
}

// answersTo reports whether a name key names the commune, one of its
// arrondissements or one of its delegated communes. It needs the keys set
// by the name index.
func (c *Commune) answersTo(key string) bool {
	if key == c.key || key == withoutArticle(c.key) {
		return true
	}
	for _, ar := range c.Arrondissements {
		if key == ar.key {
			return true
		}
	}
	for _, d := range c.Delegated {
		if key == d.key {
			return true
		}
	}
	return false
}
