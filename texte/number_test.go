package texte

import "testing"

func TestNumbers(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{Number(0), "0"},
		{Number(999), "999"},
		{Number(3811), "3\u00a0811"},
		{Number(843738), "843\u00a0738"},
		{Number(-1200), "-1\u00a0200"},
		{Decimal(0.6, 1), "0,6"},
		{Decimal(12.345, 2), "12,35"},
		{Count(0, "lieu", "lieux"), "0\u00a0lieu"},
		{Count(1, "lieu", "lieux"), "1\u00a0lieu"},
		{Count(2400, "lieu", "lieux"), "2\u00a0400\u00a0lieux"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
