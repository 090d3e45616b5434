package postgres

import (
	"strconv"
	"strings"

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
		return "true"
	}
	return strings.Join(w.conds, " AND ")
}

// rebind numbers the ? placeholders of q as PostgreSQL's $1, $2, …; the
// queries built here never have a ? inside a literal.
func rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
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
		w.add("c.report_rid IN (SELECT rid FROM reports WHERE tsv @@ ?::tsquery)", q)
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
