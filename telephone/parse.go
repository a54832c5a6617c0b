package telephone

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

const nbsp = "\u00a0"

// overseas maps the first three digits of an INSEE, postal or département
// code to the region of the territory. The postal codes of Saint-Barthélemy
// (97133) and Saint-Martin (97150) begin like those of Guadeloupe and are
// listed whole.
var overseas = map[string]string{
	"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "975": "PM",
	"976": "YT", "977": "BL", "978": "MF", "986": "WF", "987": "PF",
	"988": "NC", "97133": "BL", "97150": "MF",
}

// regionFor returns the region whose numbering applies to a place, from its
// INSEE code, postal code or département code: "FR" unless overseas.
func regionFor(territory string) string {
	t := strings.TrimSpace(territory)
	if r, ok := overseas[t]; ok {
		return r
	}
	if len(t) >= 3 {
		if r, ok := overseas[t[:3]]; ok {
			return r
		}
	}
	return "FR"
}

// overseasFR lists the overseas regions of the French numbering plan: their
// ten-digit numbers beginning with 0 can be called as written from
// metropolitan France and from each other. New Caledonia, French Polynesia,
// Wallis-and-Futuna and Saint-Pierre-and-Miquelon have numbering plans of
// their own.
var overseasFR = []string{"RE", "GP", "MQ", "GF", "YT", "BL", "MF"}

// overseasCodes holds one region per country code of overseasFR (+262, +590,
// +596, +594): the library validates a number against every region of its
// country code, so parsing once per code is enough.
var overseasCodes = []string{"RE", "GP", "MQ", "GF"}

// zone returns the numbering plan a region belongs to, named by one region:
// "FR" for the French plan.
func zone(region string) string {
	if slices.Contains(overseasFR, region) {
		return "FR"
	}
	return region
}

// reading is a number read from its digits.
type reading struct {
	num    *phonenumbers.PhoneNumber
	region string
	short  string // the digits of a short number; num is then nil
	repair string
}

// parsePiece reads the one number of a piece of a cell.
func parsePiece(p, region string) (Number, error) {
	text := cleanSpaces(p)
	n := Number{Raw: strings.TrimSpace(p)}
	loc := locate(text)
	if loc == nil {
		n.Display = text
		return n, &Error{Raw: n.Raw, Problem: "aucun chiffre"}
	}
	run := text[loc[0]:loc[1]]
	n.Note = note(text[:loc[0]], text[loc[1]:])
	r, problem := read(run, region)
	if problem != "" {
		n.Display = keepTogether(strings.TrimSpace(run))
		return n, &Error{Raw: n.Raw, Problem: problem}
	}
	n.Repair = r.repair
	n.Region = r.region
	if r.num == nil {
		n.Kind = Short
		n.Display = formatShort(r.short)
		return n, nil
	}
	n.Kind = kindOf(r.num)
	n.E164 = phonenumbers.Format(r.num, phonenumbers.E164)
	n.Display = format(r.num, r.region, zone(region), n.Kind)
	return n, nil
}

// read interprets the digits of a written number, for a place in region. It
// returns the reading, or a French description of the problem.
func read(run, region string) (reading, string) {
	digits := onlyDigits(run)
	plus := strings.HasPrefix(run, "+")
	if !plus && len(digits) > 4 && strings.HasPrefix(digits, "00") {
		plus, digits = true, digits[2:]
	}
	if plus {
		return readInternational(digits, strings.Contains(run, "(0)"), region)
	}
	return readNational(digits, region)
}

// readNational reads digits written without a country code.
func readNational(digits, region string) (reading, string) {
	// A spreadsheet that took the number for an integer dropped its 0. The
	// library would read it anyway, but the source deserves a remark.
	if len(digits) == 9 && digits[0] != '0' && zone(region) == "FR" {
		if r, ok := valid("0"+digits, region); ok {
			r.repair = "0 initial manquant ajouté"
			return r, ""
		}
	}
	if r, ok := valid(digits, region); ok {
		return r, ""
	}
	if len(digits) <= minDigits && digits[0] != '0' {
		// Short numbers of metropolitan France work overseas too, though
		// the library lists few of them there.
		regions := []string{region}
		if zone(region) == "FR" && region != "FR" {
			regions = append(regions, "FR")
		}
		for _, rg := range regions {
			num, err := phonenumbers.Parse(digits, rg)
			if err == nil && phonenumbers.IsValidShortNumberForRegion(num, rg) {
				return reading{region: region, short: digits}, ""
			}
		}
	}
	switch {
	case zone(region) != "FR":
		num, err := phonenumbers.Parse(digits, region)
		return reading{}, problem(num, err)
	case digits[0] != '0' && len(digits) <= minDigits:
		return reading{}, "numéro court inconnu"
	case len(digits) != 10:
		return reading{}, fmt.Sprintf("%d chiffres au lieu de 10", len(digits))
	}
	return reading{}, "numéro inexistant dans le plan de numérotation français"
}

// readInternational reads digits written after "+" or "00". withTrunk tells
// that the source wrote the trunk 0 in parentheses, "+33 (0)1 …", a usage
// rather than a mistake.
func readInternational(digits string, withTrunk bool, region string) (reading, string) {
	num, ok := fastInternational(digits)
	var err error
	if !ok {
		num, err = phonenumbers.Parse("+"+digits, region)
	}
	if err == nil && phonenumbers.IsValidNumber(num) {
		r := reading{num: num, region: regionOf(num, region)}
		cc := strconv.Itoa(int(num.GetCountryCode()))
		// "+33 5 96 …" passes for metropolitan but is Martinique's "0596 …".
		if cc == "33" {
			if o, ok := valid("0"+phonenumbers.GetNationalSignificantNumber(num), region); ok && o.num.GetCountryCode() != 33 {
				o.repair = fmt.Sprintf("indicatif +33 remplacé par +%d", o.num.GetCountryCode())
				return o, ""
			}
		}
		if rest := strings.TrimPrefix(digits, cc); !withTrunk && rest != phonenumbers.GetNationalSignificantNumber(num) && strings.HasPrefix(rest, "0") {
			r.repair = "0 en trop après l’indicatif +" + cc + " retiré"
		}
		return r, ""
	}
	// "+0147985927": a "+" before a national number.
	if digits[0] == '0' {
		if r, ok := valid(digits, region); ok {
			r.repair = "« + » en trop retiré"
			return r, ""
		}
	}
	if r, repair, ok := overseasRepair(digits, num, region); ok {
		r.repair = repair
		return r, ""
	}
	return reading{}, problem(num, err)
}

// overseasRepair reads a number of an overseas département written with a
// wrong country code, as sources often do:
//   - "+262343510": the national number without its 0 after a "+", which
//     looks international because the area code repeats the country code
//     (+262 262 …, +596 596 …);
//   - "+269269601282": the area code of Mayotte taken for a country code;
//   - "+33262711515": "+33" put before every national number by an export.
//
// The result must be a number of the place's own territory, so that the
// territory confirms the reading; metropolitan numbers are never repaired
// this way, as "+335321344" is as likely a number missing two digits.
func overseasRepair(digits string, num *phonenumbers.PhoneNumber, region string) (reading, string, bool) {
	if zone(region) != "FR" || region == "FR" {
		return reading{}, "", false
	}
	if len(digits) == 9 {
		if r, ok := valid("0"+digits, region); ok && r.region == region {
			return r, "« + » remplacé par 0", true
		}
	}
	if num == nil {
		return reading{}, "", false
	}
	cc := strconv.Itoa(int(num.GetCountryCode()))
	if rest := strings.TrimPrefix(digits, cc); len(rest) == 9 {
		if r, ok := valid("0"+rest, region); ok && r.region == region {
			return r, fmt.Sprintf("indicatif +%s remplacé par +%d", cc, r.num.GetCountryCode()), true
		}
	}
	return reading{}, "", false
}

// valid parses national digits for region and returns the first valid
// reading.
//
// Ten digits beginning with 0 belong to the French numbering plan wherever
// the place is, so the overseas regions are tried too. For the prefixes
// overseas numbers use (02 62, 05 96, 06 92…) they are tried before
// metropolitan France, whose metadata also accepts "0596 …" and "0692 …"
// and would give them the country code +33. Other numbers, special "08" and
// "09" ones included, are national: the place's region, then metropolitan
// France.
func valid(digits, region string) (reading, bool) {
	regions := []string{region}
	if len(digits) == 10 && digits[0] == '0' {
		switch {
		case !strings.ContainsRune("256", rune(digits[1])):
			regions = append(regions, "FR")
		case region == "FR":
			regions = append(overseasCodes[:len(overseasCodes):len(overseasCodes)], "FR")
		default:
			regions = append(append(regions, overseasCodes...), "FR")
		}
	}
	for _, rg := range regions {
		num, ok := fastNational(digits, rg)
		var err error
		if !ok {
			num, err = phonenumbers.Parse(digits, rg)
		}
		if err == nil && phonenumbers.IsValidNumber(num) {
			return reading{num: num, region: regionOf(num, region)}, true
		}
	}
	return reading{}, false
}

// regionOf returns the region of a valid number, preferring the place's own
// when the number is valid there too: Guadeloupe, Saint-Barthélemy and
// Saint-Martin share their numbers.
func regionOf(num *phonenumbers.PhoneNumber, region string) string {
	if phonenumbers.IsValidNumberForRegion(num, region) {
		return region
	}
	return phonenumbers.GetRegionCodeForNumber(num)
}

// problem describes in French why a number written with a country code, or
// outside the French plan, is not valid.
func problem(num *phonenumbers.PhoneNumber, err error) string {
	if err == phonenumbers.ErrInvalidCountryCode {
		return "indicatif de pays inconnu"
	}
	if err != nil {
		return "trop court"
	}
	cc := int(num.GetCountryCode())
	nsn := phonenumbers.GetNationalSignificantNumber(num)
	if zone(phonenumbers.GetRegionCodeForCountryCode(cc)) == "FR" && len(nsn) != 9 {
		return fmt.Sprintf("%d chiffres après l’indicatif +%d au lieu de 9", len(nsn), cc)
	}
	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.INVALID_COUNTRY_CODE:
		return "indicatif de pays inconnu"
	case phonenumbers.TOO_SHORT:
		return fmt.Sprintf("trop court après l’indicatif +%d", cc)
	case phonenumbers.TOO_LONG:
		return fmt.Sprintf("trop long après l’indicatif +%d", cc)
	case phonenumbers.INVALID_LENGTH:
		return fmt.Sprintf("nombre de chiffres incorrect après l’indicatif +%d", cc)
	}
	return fmt.Sprintf("numéro inexistant pour l’indicatif +%d", cc)
}

// kindOf maps the library's line types to ours.
func kindOf(num *phonenumbers.PhoneNumber) Kind {
	switch phonenumbers.GetNumberType(num) {
	case phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return Fixed
	case phonenumbers.MOBILE:
		return Mobile
	case phonenumbers.VOIP:
		return NonGeographic
	case phonenumbers.TOLL_FREE:
		return TollFree
	}
	return Special
}
