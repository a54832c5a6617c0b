// Package indicateurs counts what a selection of places offers on a
// territory, for those who want figures rather than lists (a département's
// social-action direction, an observatory): places per commune and
// service, per public, free or paid, places per 10 000 inhabitants, and
// the communes with no place at all.
//
// Populations are those of the geography embedded in livret (population
// municipale of the Code officiel géographique, see package territoire).
// Places are counted in their current commune; those whose commune is
// unknown are counted apart. [Indicators.XLSX] writes the figures as a
// workbook, one sheet per table.
package indicateurs
