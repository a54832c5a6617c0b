// Package telephone reads the phone numbers found in the standard's files
// and writes them the French way for print.
//
// Sources write numbers in many shapes: "0467714850", "04.67.71.48.50",
// "+33 4 67 71 48 50", "0033…", "+330156961470" (a trunk 0 kept after the
// country code), "596516976" (a spreadsheet dropped the leading 0),
// "+687 27.12.34", and sometimes several numbers in one cell
// ("05 56 … / 06 …", "05 … ou 06 …") or a number followed by words
// ("(poste 311 et 153)"). [ParseAll] reads every number of a cell; [Parse]
// reads one.
//
// The territory argument is a hint about where the place is: an INSEE code,
// a postal code or a département code. It chooses the region used for
// numbers written without a country code: "974…" means La Réunion, "988…"
// New Caledonia, anything else metropolitan France. Overseas numbers of the
// French numbering plan ("0262 …", "0596 …") are recognised even without the
// hint.
//
// A [Number] carries its E.164 form, a display form written in pairs of
// digits separated by no-break spaces (U+00A0) so that it never breaks across
// lines, a tel: URI and its [Kind]. Numbers that cannot be read are still
// returned, with the source text as display, together with an *[Error] that
// says in French what is wrong, so that a guide can print them as given while
// a report lists them.
package telephone
