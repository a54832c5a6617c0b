// Package lieu holds livret's model of a place of the national standard
// « lieux de médiation numérique » (La MedNum / ANCT) and decodes it from the
// flat records of any published version of the schema.
//
// Three generations exist in real files: the draft of July 2022
// (services joined with ", ", the misspelt column conditions_access), schema
// 0.1.x (2022–2023, ";" between values, columns courriel, conditions_acces,
// publics_accueillis, labels_nationaux…) and schema 1.x (2024 onwards, "|"
// between values, 32 columns). Hybrid files mix the names of 0.1 with the
// values of 1.x. Decode maps every one of them onto the 1.x vocabulary, using
// ANCT's own correspondence table for the old values, so that the rest of
// livret only ever sees 1.x values.
package lieu
