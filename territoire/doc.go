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
// The embedded file atlas.tsv.gz is written by the generator in
// livret/internal/tools/geogen from @etalab/decoupage-administratif 6.0.0
// (COG 2026, Licence Ouverte) and from the département and région map
// centres of the ANCT cartographie nationale. Regenerate it with
//
//	go generate ./territoire
//
// which needs the shared data folder (see DATA.md beside this file).
//
// # Centres and their limit
//
// The découpage administratif carries no coordinates, and no open source of
// commune centres could be reached when the file was built. A commune's
// centre is therefore the median position of the places of the shared
// datasets located in it (CentreFromPlaces); a commune without such a place
// gets its département's map centre (CentreFromDepartement), which is only a
// rough stand-in: callers measuring distances around a commune should check
// Centre.Origin and warn. Département and région centres are map centres
// (CentreFromMap).
package territoire

//go:generate go run ../internal/tools/geogen -o atlas.tsv.gz -outlines outlines.bin.gz
