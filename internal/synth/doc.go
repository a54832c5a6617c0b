// Package synth builds synthetic national files of places of the « lieux
// de médiation numérique » standard, for benchmarks: as many places as
// asked, each one recombined from the values of real rows, so that names,
// addresses, communes, phones, hours and services follow the distributions
// of real data (lengths, missing values, odd spellings included).
//
// A synthetic place takes each group of related fields from one real row
// drawn at random: who it is (name, types, identifiers), where it is
// (address, commune, postal and INSEE codes, position — kept together so
// that the place can be located), how to reach it (phone, e-mails, web
// sites, booking), its hours, its presentation, and its offer (services,
// publics, fees, access, programmes… — kept together, as they are chosen
// together in real files). Groups come from different rows, so that the
// places are new combinations and not copies.
//
// The output is a CSV file in the shape of the national export of schema
// 1.x: its 32 columns in order, ";" between cells, "|" between values, a
// byte order mark, quotes only where needed. The same rows, count and seed
// always give the same bytes.
package synth
