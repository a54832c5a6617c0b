package texte

import (
	"fmt"
	"time"
)

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

// Date writes a date in words, as easy-to-read guidance asks (RLS 5.3):
// "1er mars 2025", "23 novembre 2026". No-break spaces keep it on one line:
// a date is one piece of information.
func Date(t time.Time) string {
	day := fmt.Sprint(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + "\u00a0" + Month(t)
}

// Month writes the month of a date in words, with its year: "juillet
// 2022", on one line. How fresh a place's information is, the day adds
// nothing to.
func Month(t time.Time) string {
	return fmt.Sprintf("%s\u00a0%d", months[t.Month()-1], t.Year())
}
