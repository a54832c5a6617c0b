// Package horaires reads the opening hours of a lieu, written in the
// OpenStreetMap opening_hours syntax that the standard prescribes for its
// "horaires" field, and says them in plain French for a large-print guide.
//
// Parse handles completely the subset that real data uses:
//
//	Mo-Fr 09:00-12:00,14:00-17:00; We off; Sa 09:00-12:00; PH off
//
// that is rules separated by ";" (a later rule replaces what earlier ones
// said about the days it names) or by "," (an additional rule), day lists
// and ranges (Tu,Th; Sa-Mo), several time ranges, off/closed, open, unknown,
// public holidays (PH), 24/7 and quoted comments. Anything else is refused,
// never guessed: a *SyntaxError for malformed text such as "Mo 14-17" or
// "9h-12h30", and an error matching ErrUnsupported for valid OpenStreetMap
// syntax that the subset leaves out (months, week numbers, "||", sunrise…).
// The guide then prints the value as written, to be confirmed by phone.
//
// The meaning of a value is the one given by the reference implementation,
// the npm package opening_hours; the tests compare both on every real value.
//
// Lines renders a Schedule as short French lines:
//
//	Lundi au vendredi : 9 h – 12 h et 14 h – 17 h
//	Fermé le samedi et le dimanche
//	Fermé les jours fériés
package horaires
