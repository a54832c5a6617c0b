package telephone

import (
	"errors"
	"slices"
	"strings"

	"livret/internal/memo"
)

// Kind tells what sort of line a number reaches.
type Kind int

// Kinds of numbers. The zero value, Invalid, is the kind of a number that
// could not be read.
const (
	Invalid       Kind = iota
	Fixed              // geographic line ("05 57 …", "02 62 …"), or a line the plan does not tell from a mobile
	Mobile             // "06 …", "07 …", "06 92 …"
	NonGeographic      // "09 …" lines (internet boxes, VoIP)
	TollFree           // "0 800 …" to "0 805 …": free to call
	Special            // other "08 …" numbers: shared cost or premium rate
	Short              // short numbers: "39 49", "115", "17"
)

var kindNames = [...]string{
	Invalid:       "invalide",
	Fixed:         "fixe",
	Mobile:        "mobile",
	NonGeographic: "non géographique",
	TollFree:      "gratuit",
	Special:       "spécial",
	Short:         "court",
}

// String returns the French name of the kind, as a report shows it.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "inconnu"
	}
	return kindNames[k]
}

// Number is one phone number read from a source.
type Number struct {
	// Raw is the source text this number was read from: the whole cell, or
	// the part of it that belongs to this number when the cell holds several.
	Raw string
	// E164 is the international form, "+33557657539". It is empty for short
	// numbers, which have none, and for invalid numbers.
	E164 string
	// Display is the form to print: "05 57 65 75 39", "0 800 52 62 72",
	// "39 49", "27 12 34" or "+687 27 12 34", with no-break spaces (U+00A0)
	// between groups. For an invalid number it is the source text, cleaned.
	Display string
	// Region is the region code of the number ("FR", "RE", "NC"…), empty when
	// the number is invalid.
	Region string
	// Kind is the sort of line; Invalid when the number could not be read.
	Kind Kind
	// Note is the text that came with the number in the source, such as
	// "poste 311 et 153", without labels like "Tél. :".
	Note string
	// Repair says, in French, how a faulty source was read ("0 en trop après
	// l’indicatif retiré"); it is empty when the source was correct.
	Repair string
}

// Valid reports whether the number could be read.
func (n Number) Valid() bool { return n.Kind != Invalid }

// URI returns the tel: URI of the number, "tel:+33557657539", or "tel:3949"
// for a short number (which only works from a French line, so it carries no
// country code). It returns "" for an invalid number.
func (n Number) URI() string {
	switch {
	case n.E164 != "":
		return "tel:" + n.E164
	case n.Kind == Short:
		return "tel:" + strings.ReplaceAll(n.Display, nbsp, "")
	}
	return ""
}

// String returns the display form.
func (n Number) String() string { return n.Display }

// Error reports a phone number that could not be read, or a cell whose
// content does not fit what the caller asked for.
type Error struct {
	Raw     string // the source text
	Problem string // what is wrong, in French
}

func (e *Error) Error() string {
	return "numéro de téléphone «\u00a0" + e.Raw + "\u00a0»\u00a0: " + e.Problem
}

// ParseAll reads every phone number of a cell. territory is the INSEE code,
// postal code or département code of the place, used to read numbers written
// without a country code; it may be empty.
//
// Numbers that cannot be read are returned too, as invalid numbers whose
// display is the source text; the error then joins one *Error per such
// number. An empty cell gives no number and no error.
func ParseAll(raw, territory string) ([]Number, error) {
	region := regionFor(territory)
	e := cells.Get(cell{raw, region}, func() cellReading {
		nums, err := parseAll(raw, region)
		return cellReading{nums, err}
	})
	return slices.Clone(e.nums), e.err
}

// cells holds the readings of recent cells: a national file repeats the
// same numbers (a network's one line, a switchboard) thousands of times.
var cells = memo.New[cell, cellReading](memoSize)

const memoSize = 1 << 14

type cell struct{ raw, region string }

type cellReading struct {
	nums []Number
	err  error
}

// parseAll is ParseAll for the region of the place.
func parseAll(raw, region string) ([]Number, error) {
	var nums []Number
	var errs []error
	for _, p := range split(raw) {
		n, err := parsePiece(p, region)
		nums = append(nums, n)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return nums, errors.Join(errs...)
}

// Parse reads a cell expected to hold one phone number; see ParseAll for the
// meaning of territory.
//
// When the number cannot be read, Parse returns it as an invalid Number whose
// display is the source text, with an *Error. When the cell holds several
// numbers, Parse returns the first one and an *Error that names the others,
// so that nothing is dropped silently; callers that can show several numbers
// should use ParseAll.
func Parse(raw, territory string) (Number, error) {
	region := regionFor(territory)
	pieces := split(raw)
	if len(pieces) == 0 {
		return Number{Raw: raw}, &Error{Raw: raw, Problem: "aucun numéro"}
	}
	n, err := parsePiece(pieces[0], region)
	if len(pieces) == 1 {
		return n, err
	}
	others := make([]string, 0, len(pieces)-1)
	for _, p := range pieces[1:] {
		o, _ := parsePiece(p, region)
		others = append(others, o.Display)
	}
	extra := &Error{
		Raw:     cleanSpaces(raw),
		Problem: "plusieurs numéros dans le même champ, seul le premier est gardé (autres\u00a0: " + strings.Join(others, ", ") + ")",
	}
	return n, errors.Join(err, extra)
}
