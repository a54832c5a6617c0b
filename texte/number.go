package texte

import (
	"strconv"
	"strings"
)

// Number writes an integer the French way, its digits grouped by three
// with no-break spaces: "3 811", "843 738".
func Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal writes a number with a decimal comma and the given digits after
// it: Decimal(0.6, 1) is "0,6".
func Decimal(f float64, digits int) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', digits, 64), ".", ",", 1)
}

// Count writes a count and its noun: "0 lieu", "1 lieu", "3 811 lieux".
func Count(n int, one, many string) string {
	return Number(n) + "\u00a0" + Plural(n, one, many)
}

// Plural chooses the noun for a count, singular for 0 and 1 as French
// does.
func Plural(n int, one, many string) string {
	if n <= 1 && n >= -1 {
		return one
	}
	return many
}

// Enumerate joins items the French way: "a, b et c".
func Enumerate(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}
