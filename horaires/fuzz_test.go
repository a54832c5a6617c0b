package horaires

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, that its errors are of the two
// documented kinds, and that what it accepts is a sane schedule that Lines
// can say. The seeds are every value of the reference fixture.
func FuzzParse(f *testing.F) {
	for _, c := range loadReference(f).Cases {
		f.Add(c.Value)
	}
	f.Fuzz(func(t *testing.T, value string) {
		s, err := Parse(value)
		if err != nil {
			var se *SyntaxError
			var ue *UnsupportedError
			switch {
			case errors.As(err, &se):
				if se.Offset < 0 || se.Offset > len(value) || se.Reason == "" {
					t.Fatalf("Parse(%q): bad syntax error %+v", value, se)
				}
			case errors.As(err, &ue):
				if ue.Offset < 0 || ue.Offset > len(value) || ue.Feature == "" || !errors.Is(err, ErrUnsupported) {
					t.Fatalf("Parse(%q): bad unsupported error %+v", value, ue)
				}
			default:
				t.Fatalf("Parse(%q): error of unexpected type %T: %v", value, err, err)
			}
			if err.Error() == "" {
				t.Fatalf("Parse(%q): empty error message", value)
			}
			return
		}
		for d, h := range s.Week {
			checkHours(t, value, Day(d).String(), h)
		}
		if s.HolidaysStated {
			checkHours(t, value, "jours fériés", s.Holidays)
		} else if !s.Holidays.Equal(Hours{}) {
			t.Fatalf("Parse(%q): holiday hours %+v without HolidaysStated", value, s.Holidays)
		}
		lines := s.Lines()
		if len(lines) == 0 {
			t.Fatalf("Parse(%q).Lines() is empty", value)
		}
		for _, l := range lines {
			if str := l.String(); l.Label == "" || !utf8.ValidString(str) {
				t.Fatalf("Parse(%q).Lines(): bad line %#v", value, l)
			}
		}
	})
}

func checkHours(t *testing.T, value, day string, h Hours) {
	t.Helper()
	end := -1
	for _, iv := range h.Intervals {
		if iv.Start <= end || iv.Start < 0 || iv.End <= iv.Start || iv.End > MinutesPerDay {
			t.Fatalf("Parse(%q): %s: intervals %v not sorted, apart and within the day", value, day, h.Intervals)
		}
		end = iv.End
	}
	if h.Unknown && !h.Open() {
		t.Fatalf("Parse(%q): %s: unknown state without intervals", value, day)
	}
}

func BenchmarkParse(b *testing.B) {
	var values []string
	for _, c := range loadReference(b).Cases {
		if c.Count > 0 {
			values = append(values, c.Value)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range values {
			Parse(v)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(values)), "ns/value")
}

func BenchmarkLines(b *testing.B) {
	s, err := Parse("Mo-Fr 09:00-12:00,14:00-17:00; We off; Sa 09:30-12:00; PH off")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.Lines()
	}
}
