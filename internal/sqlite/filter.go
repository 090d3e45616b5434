package sqlite

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/sqlq"
)

// cursor is the keyset position shared with the other SQL backend.
type cursor = sqlq.Cursor

// where collects SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// and merges another set of conditions into w.
func (w *where) and(o where) {
	w.conds = append(w.conds, o.conds...)
	w.args = append(w.args, o.args...)
}

func (w where) sql() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}

func (w where) empty() bool { return len(w.conds) == 0 }

// bbox adds a bounding-box condition on the lat/lon columns of alias; a box
// whose MinLon exceeds MaxLon crosses the antimeridian.
func (w *where) bbox(alias string, b *store.BBox) {
	if b == nil {
		return
	}
	w.add(alias+".lat BETWEEN ? AND ?", b.MinLat, b.MaxLat)
	if b.MinLon <= b.MaxLon {
		w.add(alias+".lon BETWEEN ? AND ?", b.MinLon, b.MaxLon)
	} else {
		w.add("("+alias+".lon >= ? OR "+alias+".lon <= ?)", b.MinLon, b.MaxLon)
	}
}

// claimWhere is the filter as conditions on claims aliased c. Dates and
// text are included only when withDate/withText say so, because some lists
// apply them to their own rows instead.
func claimWhere(f store.Filter, withDate, withText bool) (where, error) {
	var w where
	if f.Country != "" {
		w.add("c.country = ?", f.Country)
	}
	if f.ActorID != "" {
		w.add("(c.actor1_id = ? OR c.actor2_id = ?)", f.ActorID, f.ActorID)
	}
	if f.Stage != "" {
		w.add("c.stage = ?", string(f.Stage))
	}
	if f.Certainty != "" {
		w.add("c.certainty = ?", string(f.Certainty))
	}
	if f.SubEventType != "" {
		w.add("c.sub_event_type = ?", f.SubEventType)
	}
	if withDate {
		dateRange(&w, "c.date_key", f)
	}
	w.bbox("c", f.BBox)
	if f.MinSources > 0 {
		w.add("c.event_rid IN (SELECT rid FROM events WHERE independent_sources >= ?)", f.MinSources)
	}
	if f.StoryID != "" {
		w.add("c.story_rid = (SELECT rid FROM stories WHERE id = ?)", f.StoryID)
	}
	if withText && strings.TrimSpace(f.Text) != "" {
		q, err := ftsQuery(f.Text)
		if err != nil {
			return w, err
		}
		w.add("c.report_rid IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)", q)
	}
	return w, nil
}

// dateRange adds From/To on a YYYY-MM-DD column where "" means unknown:
// unknown dates fall outside any range.
func dateRange(w *where, col string, f store.Filter) {
	if f.From != "" {
		w.add(col+" >= ?", f.From)
	}
	if f.To != "" {
		w.add(col+" <> '' AND "+col+" <= ?", f.To)
	}
}

// ftsQuery turns a user's search into an FTS5 query: every word or
// "quoted phrase" must match (a trailing * on a word matches a prefix).
// Each term is quoted, so FTS5 operators and punctuation in the input are
// never parsed as query syntax.
func ftsQuery(q string) (string, error) {
	var terms []string
	// FTS5 strings end at a NUL, and control characters are no words.
	rest := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		var term string
		prefix := false
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				term, rest = rest[1:], ""
			} else {
				term, rest = rest[1:1+end], rest[2+end:]
			}
		} else {
			end := strings.IndexFunc(rest, unicode.IsSpace)
			if end < 0 {
				end = len(rest)
			}
			term, rest = rest[:end], rest[end:]
			if t := strings.TrimRight(term, "*"); t != term {
				term, prefix = t, true
			}
		}
		if !strings.ContainsFunc(term, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		t := `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	if len(terms) == 0 {
		return "", fmt.Errorf("search %q has no words: %w", q, store.ErrInvalid)
	}
	return strings.Join(terms, " "), nil
}
