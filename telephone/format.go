package telephone

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// format writes a valid number for a guide printed for places in the
// numbering plan home.
//
// Within its own plan a number is written the national way, in pairs:
// "05 57 65 75 39", and "02 62 33 45 65" for La Réunion, as everywhere in the
// French plan (the library writes "0262 33 45 65"; both are in use, pairs
// keep one rule for the reader). Special "08" numbers keep their official
// "0 800 52 62 72" shape. New Caledonia, Polynesia, Wallis-and-Futuna and
// Saint-Pierre-and-Miquelon have no trunk 0: "27 12 34".
//
// From another plan, the number needs its country code: "+33 5 57 65 75 39",
// "+687 27 12 34".
func format(num *phonenumbers.PhoneNumber, region, home string, kind Kind) string {
	nsn := phonenumbers.GetNationalSignificantNumber(num)
	var s string
	switch {
	case zone(region) == home && home == "FR" && (kind == TollFree || kind == Special) && len(nsn) == 9:
		s = "0 " + nsn[:3] + " " + pairs(nsn[3:])
	case zone(region) == home && home == "FR":
		s = pairs("0" + nsn)
	case zone(region) == home:
		s = pairs(nsn)
	case isOwnPlan(region):
		s = "+" + strconv.Itoa(int(num.GetCountryCode())) + " " + pairs(nsn)
	default:
		s = phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	}
	return strings.ReplaceAll(s, " ", nbsp)
}

// isOwnPlan reports the French territories with a numbering plan of their
// own, whose numbers are written in pairs without a trunk 0.
func isOwnPlan(region string) bool {
	switch region {
	case "NC", "PF", "WF", "PM":
		return true
	}
	return false
}

// formatShort writes a short number the way it is advertised: "39 49",
// "116 000", "115".
func formatShort(digits string) string {
	switch len(digits) {
	case 4:
		return pairs(digits)
	case 6:
		return digits[:3] + nbsp + digits[3:]
	}
	return digits
}

// pairs groups digits by two from the left, with a first group of three
// when their count is odd, separated by no-break spaces.
func pairs(digits string) string {
	var b strings.Builder
	i := 0
	if len(digits)%2 == 1 && len(digits) > 1 {
		b.WriteString(digits[:3])
		i = 3
	}
	for ; i < len(digits); i += 2 {
		if b.Len() > 0 {
			b.WriteString(nbsp)
		}
		b.WriteString(digits[i:min(i+2, len(digits))])
	}
	return b.String()
}
