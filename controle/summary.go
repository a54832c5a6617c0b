package controle

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"livret/source"
)

// The detail a report keeps, so that its memory follows the places kept
// rather than the noise of a file: 3.3 million rows of garbage must not
// make 3.3 million issues. Past these bounds, issues are tallied by kind
// (see Summary) and the report says how many rows were not detailed.
const (
	// maxNoiseRows is how many rows set aside or merged have their issues
	// detailed; the others are summarised. Kept rows are always detailed.
	maxNoiseRows = 1000
	// maxRowIssues is how many issues of one row are detailed: a cell of
	// 10⁵ invalid e-mails must not make 10⁵ issues.
	maxRowIssues = 20
	// maxKinds is how many kinds of issue are summarised apart; past it,
	// the rest go into one summary per severity.
	maxKinds = 200
	// maxFirst is how many positions a summary gives.
	maxFirst = 3
)

// Summary tallies the issues of one kind that are not detailed: same
// severity, same field, same problem once the values it quotes are set
// apart. Problem and Action are those of the first issue, an example.
type Summary struct {
	Severity Severity
	Field    string
	Problem  string
	Action   string
	Count    int
	First    []source.Position // the first positions, at most maxFirst
}

// record adds the issues of one row to the report: in detail while the
// bounds allow, tallied by kind past them. noise is set for a row that
// gives no place of its own (set aside, or merged into another).
func (r *Report) record(issues []Issue, noise bool) {
	if len(issues) == 0 {
		return
	}
	detailed := !noise || r.noiseRows < maxNoiseRows
	if noise && detailed {
		r.noiseRows++
	}
	if !detailed || len(issues) > maxRowIssues {
		r.Summarised++
	}
	for i, is := range issues {
		if detailed && i < maxRowIssues {
			r.Issues = append(r.Issues, is)
			continue
		}
		r.summarise(is)
	}
}

func (r *Report) summarise(is Issue) {
	// The key is built in a buffer kept from one issue to the next: a
	// map index by string(bytes) does not allocate.
	key := append(r.key[:0], is.Severity.String()...)
	key = append(append(key, 0), is.Field...)
	key = appendKind(append(key, 0), is.Problem)
	key = appendKind(append(key, 0), is.Action)
	r.key = key
	i, ok := r.kinds[string(key)]
	if !ok && len(r.kinds) >= maxKinds {
		// One more kind for each severity, of all the others.
		key = []byte(is.Severity.String())
		if i, ok = r.kinds[string(key)]; !ok {
			is.Field, is.Problem, is.Action = "", "autres problèmes", "voir les lignes dans le fichier"
		}
	}
	if !ok {
		if r.kinds == nil {
			r.kinds = map[string]int{}
		}
		i = len(r.Summaries)
		r.kinds[string(key)] = i
		r.Summaries = append(r.Summaries, Summary{Severity: is.Severity, Field: is.Field, Problem: is.Problem, Action: is.Action})
	}
	s := &r.Summaries[i]
	s.Count++
	if len(s.First) < maxFirst {
		s.First = append(s.First, is.Pos)
	}
}

// kind is a problem or action with the values it quotes and its numbers
// set apart: « code postal « 3360 » invalide » and « code postal « 1 »
// invalide » are of one kind. It is bounded, since a problem may quote a
// whole cell.
func kind(s string) string { return string(appendKind(nil, s)) }

func appendKind(dst []byte, s string) []byte {
	const maxLen = 160
	start := len(dst)
	depth := 0
	digit := false
	for _, c := range s {
		isDigit := depth == 0 && unicode.IsDigit(c)
		switch {
		case len(dst)-start > maxLen:
			return dst
		case c == '«':
			if depth++; depth == 1 {
				dst = append(dst, "«»"...)
			}
		case c == '»' && depth > 0:
			depth--
		case depth > 0:
		case isDigit:
			if !digit {
				dst = append(dst, '#')
			}
		default:
			dst = utf8.AppendRune(dst, c)
		}
		digit = isDigit
	}
	return dst
}

// positions writes the first positions of a summary, « ligne 1 003 ;
// ligne 1 004… » when there are more.
func (s Summary) positions() string {
	var parts []string
	for _, p := range s.First {
		parts = append(parts, p.String())
	}
	out := strings.Join(parts, "\u202f; ")
	if s.Count > len(s.First) {
		out += "…"
	}
	return out
}
