// Package texte cleans, typesets and compares the French text found in the
// standard's files: names, addresses, descriptions and web addresses.
//
// The functions are pure and safe for concurrent use. A name or an address
// goes through Clean, then FixCase or FixAddressCase, then Typography; a
// description through StripHTML, then Typography; a web address through
// ShortURL. A message the command writes for its user, by hand with plain
// spaces, goes through NoBreakSpaces, which changes those spaces only.
// Fold reduces text to a key for loose matching, Compare and Order sort
// names in French dictionary order.
//
// Typography writes the narrow no-break space U+202F that French wants
// before ; ! and ?; the fonts chosen for large print lack that glyph, so the
// layout maps it to one the font has when drawing.
package texte
