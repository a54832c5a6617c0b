package horaires

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// The fixture testdata/reference.json holds what the reference
// implementation (npm opening_hours, see testdata/gen) makes of every
// distinct "horaires" value of the real data sets and of hand-written cases.
type referenceFile struct {
	Generator string          `json:"generator"`
	Cases     []referenceCase `json:"cases"`
}

type referenceCase struct {
	Value    string   `json:"value"`
	Count    int      `json:"count"` // occurrences in the real data; 0 for hand-written cases
	OK       bool     `json:"ok"`
	Error    string   `json:"error"`
	Warnings []string `json:"warnings"`
	// Days are the days of an ordinary week, Monday first.
	Days [7][]segment `json:"days"`
	// Holidays, when the value makes holidays differ from ordinary days,
	// holds for a holiday on each weekday that day and the day after.
	Holidays *[7][2][]segment `json:"holidays"`
}

// segment is a stretch of a day with its state, "open", "unknown" or
// "closed" (closed stretches are listed only when they carry a comment).
type segment struct {
	Start, End int
	State      string
	Comment    string
}

func (s *segment) UnmarshalJSON(b []byte) error {
	var raw []any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if len(raw) < 3 || len(raw) > 4 {
		return fmt.Errorf("segment %s: want 3 or 4 items", b)
	}
	start, ok1 := raw[0].(float64)
	end, ok2 := raw[1].(float64)
	state, ok3 := raw[2].(string)
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("segment %s: want [start, end, state, comment?]", b)
	}
	*s = segment{Start: int(start), End: int(end), State: state}
	if len(raw) == 4 {
		c, ok := raw[3].(string)
		if !ok {
			return fmt.Errorf("segment %s: comment is not a string", b)
		}
		s.Comment = c
	}
	return nil
}

func (s segment) String() string {
	str := fmt.Sprintf("%s-%s %s", hhmm(s.Start), hhmm(s.End), s.State)
	if s.Comment != "" {
		str += fmt.Sprintf(" %q", s.Comment)
	}
	return str
}

func hhmm(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// segments says h the way the fixture does.
func segments(h Hours) []segment {
	if !h.Open() {
		if h.Comment != "" {
			return []segment{{0, MinutesPerDay, "closed", h.Comment}}
		}
		return nil
	}
	state := "open"
	if h.Unknown {
		state = "unknown"
	}
	out := make([]segment, len(h.Intervals))
	for i, iv := range h.Intervals {
		out[i] = segment{iv.Start, iv.End, state, h.Comment}
	}
	return out
}

func loadReference(t testing.TB) referenceFile {
	t.Helper()
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref referenceFile
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatalf("testdata/reference.json: %v", err)
	}
	return ref
}

// compare returns how s differs from what the reference makes of the value.
func compare(s Schedule, c referenceCase) []string {
	var diffs []string
	check := func(what string, got Hours, want []segment) {
		if g := segments(got); !slices.Equal(g, want) {
			diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", what, g, want))
		}
	}
	for d := Monday; d <= Sunday; d++ {
		check(d.String(), s.Week[d], c.Days[d])
	}
	for d := Monday; d <= Sunday; d++ {
		next := (d + 1) % 7
		want, wantNext := c.Days[d], c.Days[next]
		if c.Holidays != nil {
			want, wantNext = c.Holidays[d][0], c.Holidays[d][1]
		}
		got := s.Week[d]
		if s.HolidaysStated {
			got = s.Holidays
		}
		check("férié un "+d.String(), got, want)
		check("lendemain d’un férié un "+d.String(), s.Week[next], wantNext)
	}
	return diffs
}

// reason names why Parse refused a value, for grouping.
func reason(err error) string {
	var se *SyntaxError
	var ue *UnsupportedError
	switch {
	case errors.As(err, &se):
		r := se.Reason
		if i := strings.Index(r, "«"); i > 0 && strings.HasPrefix(r, "mot inattendu") {
			r = "mot inattendu"
		}
		return "syntaxe : " + r
	case errors.As(err, &ue):
		return "non pris en charge : " + ue.Feature
	}
	return "autre : " + err.Error()
}

// TestReference checks Parse against the reference implementation on every
// value of the fixture: whatever Parse accepts must read exactly as the
// reference reads it, on ordinary days, on holidays and the day after.
func TestReference(t *testing.T) {
	ref := loadReference(t)
	t.Logf("reference: %s", ref.Generator)

	type tally struct{ distinct, occurrences int }
	var (
		real, refClean, refWarn, refError  tally
		agree, cleanRejected, warnRejected tally
		bothRejected                       tally
		hand, handAgree                    int // hand-written cases
		cleanReasons, warnReasons          = map[string]int{}, map[string]int{}
	)
	add := func(x *tally, c referenceCase) { x.distinct++; x.occurrences += c.Count }

	for _, c := range ref.Cases {
		s, err := Parse(c.Value)
		if c.Count == 0 {
			hand++
		}
		if c.Count > 0 {
			add(&real, c)
			switch {
			case !c.OK:
				add(&refError, c)
			case len(c.Warnings) > 0:
				add(&refWarn, c)
			default:
				add(&refClean, c)
			}
		}
		if err != nil {
			if c.OK && c.Count > 0 {
				t.Logf("refused %q: %v", c.Value, err)
			}
			switch {
			case !c.OK:
				if c.Count > 0 {
					add(&bothRejected, c)
				}
			case len(c.Warnings) > 0:
				if c.Count > 0 {
					add(&warnRejected, c)
					warnReasons[reason(err)]++
				}
			default:
				if c.Count > 0 {
					add(&cleanRejected, c)
					cleanReasons[reason(err)]++
				}
			}
			continue
		}
		if !c.OK {
			t.Errorf("Parse(%q) accepts what the reference refuses (%s)", c.Value, c.Error)
			continue
		}
		if diffs := compare(s, c); len(diffs) > 0 {
			t.Errorf("Parse(%q) differs from the reference:\n\t%s", c.Value, strings.Join(diffs, "\n\t"))
			continue
		}
		if c.Count > 0 {
			add(&agree, c)
		} else {
			handAgree++
		}
	}

	t.Logf("real values: %d distinct (%d occurrences)", real.distinct, real.occurrences)
	t.Logf("  reference accepts without warning: %d (%d)", refClean.distinct, refClean.occurrences)
	t.Logf("  reference accepts with warnings:   %d (%d)", refWarn.distinct, refWarn.occurrences)
	t.Logf("  reference refuses:                 %d (%d)", refError.distinct, refError.occurrences)
	t.Logf("Go accepts and agrees with the reference: %d (%d)", agree.distinct, agree.occurrences)
	t.Logf("Go and the reference both refuse:         %d (%d)", bothRejected.distinct, bothRejected.occurrences)
	t.Logf("Go refuses, reference warns:              %d (%d)", warnRejected.distinct, warnRejected.occurrences)
	logReasons(t, warnReasons)
	t.Logf("Go refuses, reference accepts cleanly:    %d (%d)", cleanRejected.distinct, cleanRejected.occurrences)
	logReasons(t, cleanReasons)
	t.Logf("hand-written cases: %d, Go accepts and agrees on %d", hand, handAgree)

	// The subset must cover the real data: at least 95 % of the distinct
	// values the reference accepts without warning.
	if accepted := refClean.distinct - cleanRejected.distinct; accepted*100 < refClean.distinct*95 {
		t.Errorf("Go accepts %d of the %d real values the reference accepts cleanly, want at least 95 %%",
			accepted, refClean.distinct)
	}
}

func logReasons(t *testing.T, reasons map[string]int) {
	keys := slices.Collect(maps.Keys(reasons))
	slices.SortFunc(keys, func(a, b string) int {
		if reasons[a] != reasons[b] {
			return reasons[b] - reasons[a]
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		t.Logf("    %4d  %s", reasons[k], k)
	}
}
