package guide

import (
	"time"

	"livret/texte"
)

// Date writes a date in words, as easy-to-read guidance asks (RLS 5.3):
// "1er mars 2025", "23 novembre 2026" (see texte.Date).
func Date(t time.Time) string { return texte.Date(t) }
