// Package territoire knows the French administrative geography and turns
// what a user types ("st medard en jalles", "33160", "Bordeaux Métropole",
// "Gironde", "2A") into the set of communes it covers.
//
// The geography is embedded: communes with their postal codes, population,
// old codes of merged communes, delegated and associated communes and the
// arrondissements municipaux of Paris, Lyon and Marseille; EPCI and the
// établissements publics territoriaux of the Métropole du Grand Paris;
// départements and régions, overseas ones included. Default returns it.
//
// Three services are offered on top of it:
//
//   - Atlas.Locate attaches a place of a dataset to its current commune,
//     from its INSEE code, or from its postal code and commune name when the
//     code is missing or stale, and says how it was found.
//   - Atlas.Resolve and Atlas.ResolveIn turn what a user typed into an Area;
//     names are compared without case, accents or punctuation, with
//     "St"/"Saint" variants and articles in either place. An ambiguous name
//     gives an *AmbiguousError listing the candidates, an unknown one an
//     *UnknownError suggesting the closest names; both read as polite
//     French sentences.
//   - Atlas.Search lists everything a name could mean, across kinds.
//
// # Data
//
// The embedded files atlas.tsv.gz and outlines.bin.gz are written by the
// generator in livret/internal/tools/geogen from
// @etalab/decoupage-administratif 6.0.0 (COG 2026, Licence Ouverte), the
// commune outlines of france-geojson (IGN Admin Express 2018, Licence
// Ouverte) and the département and région map centres of the ANCT
// cartographie nationale. Regenerate them with
//
//	go generate ./territoire
//
// which needs the shared data folder (see DATA.md beside this file).
//
// Atlas.Outline gives the outline of a commune (IGN Admin Express 2018,
// mapped to the COG 2026, simplified for print), read from the embedded
// outlines.bin.gz on first use.
//
// # Centres and their limit
//
// A commune with an outline (all but those of the overseas collectivities
// and 7 recreated since 2018) has a point inside it as its centre
// (CentreFromOutline). For the others, the centre is the median position
// of the places of the shared datasets located in it (CentreFromPlaces),
// or else its département's map centre (CentreFromDepartement), which is
// only a rough stand-in: callers measuring distances around a commune
// should check Centre.Origin and warn. Département and région centres are
// map centres (CentreFromMap).
package territoire

//go:generate go run ../internal/tools/geogen -o atlas.tsv.gz -outlines outlines.bin.gz
