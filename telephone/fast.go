package telephone

import "github.com/nyaruka/phonenumbers"

// Most numbers of the files are French numbers written plainly: ten
// digits "0X…", or "+33" (+262, +590, +594, +596) and nine digits. For
// these the library's parser, made for any writing of any country, is most
// of the cost of a check; fastNational and fastInternational build the
// number it would build, which the library then validates as for any
// other. TestFastPathAsLibrary compares both on every number of a real
// national file.

// fast turns the fast path off, for the test that compares it with the
// library.
var fast = true

// frenchPlanCodes are the country codes of the French plan (overseasFR).
var frenchPlanCodes = map[string]int32{"33": 33, "262": 262, "590": 590, "594": 594, "596": 596}

// fastNational builds the number the library parses from ten national
// digits "0X…" (X not 0) for a region of the French plan; ok is false
// for any other writing.
func fastNational(digits, rg string) (*phonenumbers.PhoneNumber, bool) {
	if !fast || len(digits) != 10 || digits[0] != '0' || digits[1] == '0' || zone(rg) != "FR" {
		return nil, false
	}
	nsn, ok := nineDigits(digits[1:])
	if !ok {
		return nil, false
	}
	cc := int32(phonenumbers.GetCountryCodeForRegion(rg))
	return &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &nsn}, true
}

// fastInternational builds the number the library parses from digits
// written after "+": a country code of the French plan and nine digits,
// the first not 0.
func fastInternational(digits string) (*phonenumbers.PhoneNumber, bool) {
	if !fast {
		return nil, false
	}
	for _, n := range []int{2, 3} {
		if len(digits) != n+9 || digits[n] == '0' {
			continue
		}
		code, known := frenchPlanCodes[digits[:n]]
		if !known {
			continue
		}
		if nsn, ok := nineDigits(digits[n:]); ok {
			return &phonenumbers.PhoneNumber{CountryCode: &code, NationalNumber: &nsn}, true
		}
	}
	return nil, false
}

// nineDigits reads nine ASCII digits.
func nineDigits(s string) (uint64, bool) {
	if len(s) != 9 {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}
