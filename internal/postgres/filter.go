package postgres

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Page sizes.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// cursor is the position after the last item of a page: the sort key and
// row id of that item, and which list it belongs to.
type cursor struct {
	List string `json:"l"`
	Key  string `json:"k,omitempty"`
	RID  int64  `json:"r"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c) // a struct of strings and ints always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor parses an opaque cursor made by encode for the list named;
// an empty string is the first page.
func decodeCursor(s, list string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("cursor: not base64: %w", store.ErrInvalid)
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("cursor: malformed: %w", store.ErrInvalid)
	}
	if c.List != list {
		return nil, fmt.Errorf("cursor: from another list (%q, want %q): %w", c.List, list, store.ErrInvalid)
	}
	return &c, nil
}

// limit returns the page size the filter asks for.
func limit(f store.Filter) (int, error) {
	switch {
	case f.Limit < 0:
		return 0, fmt.Errorf("limit %d: %w", f.Limit, store.ErrInvalid)
	case f.Limit == 0:
		return defaultLimit, nil
	case f.Limit > maxLimit:
		return maxLimit, nil
	}
	return f.Limit, nil
}

// validate checks the fields of a filter that could be malformed.
func validate(f store.Filter) error {
	if f.Stage != "" && !f.Stage.Valid() {
		return fmt.Errorf("stage %q: %w", f.Stage, store.ErrInvalid)
	}
	switch f.Certainty {
	case "", report.Asserted, report.Hedged, report.Negated, report.Hypothetical:
	default:
		return fmt.Errorf("certainty %q: %w", f.Certainty, store.ErrInvalid)
	}
	for _, d := range []string{f.From, f.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("date %q: want YYYY-MM-DD: %w", d, store.ErrInvalid)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return fmt.Errorf("date range %s..%s is empty: %w", f.From, f.To, store.ErrInvalid)
	}
	if b := f.BBox; b != nil {
		if b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 || b.MaxLon < -180 || b.MinLon > 180 {
			return fmt.Errorf("bbox %v: %w", *b, store.ErrInvalid)
		}
	}
	if f.MinSources < 0 {
		return fmt.Errorf("min sources %d: %w", f.MinSources, store.ErrInvalid)
	}
	if _, err := limit(f); err != nil {
		return err
	}
	return nil
}

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
