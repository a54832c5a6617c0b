// Package controle checks the places of a source file against the
// standard and accounts for every row: each one ends up kept (possibly
// merged with a duplicate), or set aside with its reason. Nothing is
// dropped silently.
//
// Errors are problems that make a place useless on paper (no name; no
// address and no commune): the row is set aside. Warnings are values that
// were dropped or normalised (a phone number rewritten, hours that cannot
// be read, an unknown value): the place is kept. Every error and warning
// names the row, the place and the field, says what was wrong and what was
// done.
package controle
