package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/cluster"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// maxCandidates bounds the events a claim is compared with: the most
// recently created ones of its class, country and date window. It keeps
// assignment cost flat as the store grows.
const maxCandidates = 64

// Story history is rebuilt from a bounded set of a story's claims, not all
// of them, so that adding to a long story costs the same as to a new one:
// per stage the earliest claims (dated and undated) that could be its
// step, the earliest denials, the latest consent statements, and the most
// recent claims (for the majority initiator, target and action).
const (
	storyPerStage = 3
	storyDenials  = 20
	storyConsent  = 3
	storyRecent   = 20
)

// eventID names the event a claim founded.
func eventID(claimID string) string { return "event-" + claimID }

// storyState is a story touched by the report being added.
type storyState struct {
	rid    int64
	key    string
	before report.Story
	doc    []byte // the stored document
	// lists are the story's lists as cached, nil when they must be read
	// (new claims included) from the database; added are the report's
	// claims to put into cached lists.
	lists storyLists
	added []storyAdd
}

// storyAdd is a new claim of a story.
type storyAdd struct {
	c report.Claim
	m storyMember
}

// assign puts each new claim into an event (the best-matching candidate,
// or a new one) and a story, recomputes what they touched, and records the
// stories' escalations in res. rid is the report's.
func assign(ctx context.Context, tx *wtx, meta cluster.ReportMeta, rid int64, claims []report.Claim, res *store.AddResult) error {
	var (
		stories []*storyState
		byKey   = map[string]*storyState{}
		events  = map[int64]bool{}
	)
	for i, c := range claims {
		var st *storyState
		if key, ok := cluster.StoryKey(c); ok {
			if st = byKey[key]; st == nil {
				var err error
				if st, err = upsertStory(ctx, tx, key); err != nil {
					return err
				}
				byKey[key] = st
				stories = append(stories, st)
			}
		}
		id := ClaimID(meta.ID, i)
		erid, eid, crid, err := placeClaim(ctx, tx, meta, rid, i, c, st)
		if err != nil {
			return fmt.Errorf("claim %s: %w", id, err)
		}
		res.ClaimIDs = append(res.ClaimIDs, id)
		if st != nil {
			st.added = append(st.added, storyAdd{c, storyMember{crid, claimDateKey(c, meta.Published)}})
		}
		if !events[erid] {
			events[erid] = true
			res.EventIDs = append(res.EventIDs, eid)
		}
	}
	for _, st := range stories {
		esc, err := rebuildStory(ctx, tx, st, meta.CopyOf != nil)
		if err != nil {
			return err
		}
		res.Escalations = append(res.Escalations, esc...)
	}
	return nil
}

// upsertStory returns the story with key, creating an empty one.
func upsertStory(ctx context.Context, tx *wtx, key string) (*storyState, error) {
	st := &storyState{key: key}
	if c, ok := tx.w.stories.get(key); ok {
		st.rid, st.before, st.doc, st.lists = c.rid, c.story, c.doc, c.lists
		return st, nil
	}
	var doc string
	err := tx.QueryRowContext(ctx, `SELECT rid, doc FROM stories WHERE key = ?`, key).Scan(&st.rid, &doc)
	switch {
	case err == nil:
		st.doc = []byte(doc)
		if err := json.Unmarshal(st.doc, &st.before); err != nil {
			return nil, fmt.Errorf("story %s: decode: %w", key, err)
		}
		return st, nil
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("story %s: %w", key, err)
	}
	empty, _ := json.Marshal(report.Story{ID: cluster.StoryID(key)})
	st.doc = empty
	err = tx.QueryRowContext(ctx, `INSERT INTO stories (id, key, related_key, stage, action, doc) VALUES (?, ?, ?, '', '', ?) RETURNING rid`,
		cluster.StoryID(key), key, cluster.RelatedKey(key), string(empty)).Scan(&st.rid)
	if err != nil {
		return nil, fmt.Errorf("create story %s: %w", key, err)
	}
	st.lists = make(storyLists, len(storyListSpecs()))
	return st, nil
}

// placeClaim finds the claim's event (or founds one), stores the claim
// linked to it and to its story, and re-merges the event; it returns the
// event's rid and id and the claim's rid.
func placeClaim(ctx context.Context, tx *wtx, meta cluster.ReportMeta, reportRID int64, i int, c report.Claim, st *storyState) (erid int64, eid string, crid int64, err error) {
	reportDate := ""
	if meta.Published != nil {
		reportDate = *meta.Published
	}
	var (
		best      int64
		bestEv    report.Event
		bestScore float64
	)
	err = candidateEvents(ctx, tx, c, reportDate, func(cand eventRow) bool {
		if score, ok := cluster.Match(c, reportDate, cand.ev); ok && score > bestScore {
			best, bestEv, bestScore = cand.rid, cand.ev, score
		}
		// Match scores at most 1 and only a higher score wins: no later
		// candidate can take the place of a perfect one.
		return bestScore >= 1
	})
	if err != nil {
		return 0, "", 0, err
	}
	id := ClaimID(meta.ID, i)
	founded := best == 0
	if founded {
		bestEv = report.Event{ID: eventID(id), Action: c.Action, EventType: c.EventType, SubEventType: c.SubEventType, Stage: c.Stage}
	}
	if bestEv.StoryID == "" && st != nil {
		bestEv.StoryID = cluster.StoryID(st.key)
	}
	var storyRID any
	if st != nil {
		storyRID = st.rid
	}
	cc, doc, err := newCachedClaim(meta, id, c)
	if err != nil {
		return 0, "", 0, err
	}
	if founded {
		// Merged from its one claim and stored whole in one insert.
		merged := cluster.Merge(bestEv, []report.StoredClaim{cc.sc}, map[string]cluster.ReportMeta{meta.ID: meta})
		cols := eventColumns(merged, meta.Published)
		if best, err = insertEvent(ctx, tx, merged, cols); err != nil {
			return 0, "", 0, err
		}
		if crid, err = insertClaim(ctx, tx, meta, reportRID, i, c, doc, best, storyRID); err != nil {
			return 0, "", 0, err
		}
		tx.w.claims.put(crid, cc)
		tx.w.events.put(best, cachedEvent{forMatch(merged), []int64{crid}, &cols})
		return best, merged.ID, crid, nil
	}
	if crid, err = insertClaim(ctx, tx, meta, reportRID, i, c, doc, best, storyRID); err != nil {
		return 0, "", 0, err
	}
	tx.w.claims.put(crid, cc)
	return best, bestEv.ID, crid, mergeEvent(ctx, tx, best, bestEv, crid)
}

type eventRow struct {
	rid int64
	ev  report.Event
}

// candidateEvents visits the events a claim may belong to: same action
// class (any when the claim has none), same country or none, and a date
// window that overlaps the claim's (or no date on either side). Each of
// the few lookups is one index range, newest first, at most maxCandidates.
//
// visit is called with each candidate in turn until it returns true.
func candidateEvents(ctx context.Context, tx *wtx, c report.Claim, reportDate string, visit func(eventRow) (stop bool)) error {
	if cluster.ClaimClass(c.Action, c.SubEventType) == "" {
		return nil // Match accepts no event for a claim without a class
	}
	var base where
	class := cluster.ActionClass(c.Action)
	if class != "" {
		base.add("action_class = ?", class)
	}
	var countries []where
	if c.Location != nil && c.Location.Country != "" {
		var same, none where
		same.add("country = ?", c.Location.Country)
		none.add("country IS NULL")
		countries = []where{same, none}
	} else {
		countries = []where{{}}
	}
	var (
		windows []where
		orders  []string
		undated where
	)
	undated.add("win_from IS NULL")
	if from, to, ok := claimWindow(c.Date, reportDate); ok {
		// The lower bound on win_from keeps the index range short; an
		// event window is at most a year (plus margins) unless a report
		// gives an explicit longer range, and those are not candidates.
		lo := from
		if f, ok := parseDay(from); ok {
			lo = f.AddDate(0, 0, -maxWindowDays).Format(time.DateOnly)
		}
		var dated where
		dated.add("win_from BETWEEN ? AND ? AND win_to >= ?", lo, to, from)
		windows = []where{dated, undated}
		// Index order: the windows nearest the claim first. Ties keep the
		// order these lookups have always given (an equal score goes to
		// the first candidate): see migration 0003.
		orders = []string{"win_from DESC, rid DESC", "rid DESC"}
		if len(countries) == 1 && len(countries[0].conds) == 0 {
			orders[0] = "win_from DESC, country, date_key, rid"
		}
	} else {
		windows = []where{{}} // an undated claim may match any event
		orders = []string{"rid DESC"}
	}
	seen := map[int64]bool{}
	var rids []int64
	// Each lookup's events are visited before the next lookup runs.
	for _, cw := range countries {
		for i, ww := range windows {
			w := where{}
			w.and(base)
			w.and(cw)
			w.and(ww)
			var err error
			table := "events"
			if undatedLookup := len(windows) == 2 && i == 1; undatedLookup && class != "" && len(cw.conds) == 0 {
				// The planner takes the plain class index, which must read
				// each event row to test win_from.
				table = "events INDEXED BY events_class_undated"
			}
			rids, err = appendRIDs(rids[:0])(tx.QueryContext(ctx, `SELECT rid FROM `+table+` WHERE `+w.sql()+` ORDER BY `+orders[i]+` LIMIT ?`, append(w.args, maxCandidates)...))
			if err != nil {
				return fmt.Errorf("find candidate events: %w", err)
			}
			for _, rid := range rids {
				if seen[rid] {
					continue
				}
				seen[rid] = true
				ev, err := loadEvent(ctx, tx, rid)
				if err != nil {
					return err
				}
				if visit(eventRow{rid, ev}) {
					return nil
				}
			}
		}
	}
	return nil
}

// forMatch is what the writer keeps of an event: what cluster.Match
// reads, and the ID, StoryID and Notes that cluster.Merge keeps. The lists
// of reports, sources and evidence (long for a long-running event) are
// left out; merging rebuilds them from the claims.
func forMatch(ev report.Event) report.Event {
	ev.ReportIDs, ev.ReportURLs, ev.Sources, ev.Evidence = nil, nil, nil, nil
	return ev
}

// loadEvent returns an event as last merged, from the cache or decoded,
// as forMatch keeps it.
func loadEvent(ctx context.Context, tx *wtx, rid int64) (report.Event, error) {
	if c, ok := tx.w.events.get(rid); ok {
		return c.ev, nil
	}
	var (
		doc string
		ev  report.Event
	)
	if err := tx.QueryRowContext(ctx, `SELECT doc FROM events WHERE rid = ?`, rid).Scan(&doc); err != nil {
		return ev, fmt.Errorf("read event %d: %w", rid, err)
	}
	if err := json.Unmarshal([]byte(doc), &ev); err != nil {
		return ev, fmt.Errorf("decode event %d: %w", rid, err)
	}
	tx.w.events.put(rid, cachedEvent{ev: forMatch(ev)})
	return ev, nil
}

// appendRIDs returns a function that appends the first column (a rid) of
// each row to dst; it takes a query's results as they come.
func appendRIDs(dst []int64) func(*sql.Rows, error) ([]int64, error) {
	return func(rows *sql.Rows, err error) ([]int64, error) {
		if err != nil {
			return dst, err
		}
		defer rows.Close()
		for rows.Next() {
			var rid int64
			if err := rows.Scan(&rid); err != nil {
				return dst, err
			}
			dst = append(dst, rid)
		}
		return dst, rows.Err()
	}
}

// Date windows, as cluster.Match reads them, widened by a day on each side
// so that the index lookup never misses a pair Match would accept.
const (
	reportSlackDays = 3
	windowMargin    = 1
	maxWindowDays   = 400
)

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY (the latter two as their
// first day).
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// dateWindow is a date's inclusive window: start to end, or start widened
// by its precision when only the start is known.
func dateWindow(d report.Date) (from, to time.Time, ok bool) {
	if d.Start == nil {
		return from, to, false
	}
	if from, ok = parseDay(*d.Start); !ok {
		return from, to, false
	}
	to = from
	if d.End != nil {
		if e, ok := parseDay(*d.End); ok && !e.Before(from) {
			to = e
		}
	} else {
		switch d.TimePrecision {
		case "week":
			to = from.AddDate(0, 0, 6)
		case "month":
			to = from.AddDate(0, 0, 30)
		case "year":
			to = from.AddDate(0, 0, 365)
		}
	}
	return from, to, true
}

func windowStrings(from, to time.Time) (string, string) {
	return from.AddDate(0, 0, -windowMargin).Format(time.DateOnly), to.AddDate(0, 0, windowMargin).Format(time.DateOnly)
}

// claimWindow is a claim's date window, else its report's date ± a few days.
func claimWindow(d report.Date, reportDate string) (from, to string, ok bool) {
	f, t, ok := dateWindow(d)
	if !ok {
		r, rok := parseDay(reportDate)
		if !rok {
			return "", "", false
		}
		f, t = r.AddDate(0, 0, -reportSlackDays), r.AddDate(0, 0, reportSlackDays)
	}
	from, to = windowStrings(f, t)
	return from, to, true
}

// loadClaimsSQL reads claims with their reports' metadata; callers append
// the condition.
const loadClaimsSQL = `SELECT c.id, r.id, c.doc, r.url, r.outlet, r.published, r.copy_of
		FROM claims c JOIN reports r ON r.rid = c.report_rid
		WHERE `

// loadClaims returns the claims whose rids query (with args) selects, in
// rid order, with the metadata of their reports, as the cluster functions
// take them. Claims never change once stored, so each is decoded once and
// then taken from the writer's cache. Event and story ids are left empty:
// clustering does not read them.
func loadClaims(ctx context.Context, tx *wtx, query string, args ...any) ([]report.StoredClaim, map[string]cluster.ReportMeta, error) {
	rids, err := appendRIDs(nil)(tx.QueryContext(ctx, query, args...))
	if err != nil {
		return nil, nil, fmt.Errorf("load claims: %w", err)
	}
	return claimsByRID(ctx, tx, rids)
}

// claimsByRID returns the claims with rids, in that order, and their
// reports' metadata.
func claimsByRID(ctx context.Context, tx *wtx, rids []int64) ([]report.StoredClaim, map[string]cluster.ReportMeta, error) {
	var err error
	claims := make([]report.StoredClaim, 0, len(rids))
	metas := make(map[string]cluster.ReportMeta, len(rids))
	for _, rid := range rids {
		c, ok := tx.w.claims.get(rid)
		if !ok {
			if c, err = readClaim(ctx, tx, rid); err != nil {
				return nil, nil, err
			}
			tx.w.claims.put(rid, c)
		}
		claims = append(claims, c.sc)
		metas[c.sc.ReportID] = c.meta
	}
	return claims, metas, nil
}

// readClaim decodes one stored claim and its report's metadata.
func readClaim(ctx context.Context, tx *wtx, rid int64) (cachedClaim, error) {
	var (
		c                                 cachedClaim
		doc                               string
		url, outlet, published, copyOfCol sql.NullString
	)
	err := tx.QueryRowContext(ctx, loadClaimsSQL+`c.rid = ?`, rid).Scan(&c.sc.ID, &c.sc.ReportID, &doc, &url, &outlet, &published, &copyOfCol)
	if err != nil {
		return c, fmt.Errorf("load claim %d: %w", rid, err)
	}
	if err := json.Unmarshal([]byte(doc), &c.sc.Claim); err != nil {
		return c, fmt.Errorf("decode claim %s: %w", c.sc.ID, err)
	}
	c.meta = cluster.ReportMeta{ID: c.sc.ReportID, URL: nullString(url), Outlet: nullString(outlet),
		Published: nullString(published), CopyOf: nullString(copyOfCol)}
	return c, nil
}

// mergeEvent recomputes an event from all its claims and writes back
// what changed. claimRID is the claim just linked to it; the others are
// those cached with the event (the new one is the newest, so last in rid
// order), else read.
func mergeEvent(ctx context.Context, tx *wtx, rid int64, ev report.Event, claimRID int64) error {
	var (
		rids []int64
		old  *eventCols
	)
	if c, ok := tx.w.events.get(rid); ok && c.claims != nil {
		rids, old = append(c.claims, claimRID), c.cols
	} else {
		var err error
		if rids, err = appendRIDs(nil)(tx.QueryContext(ctx, `SELECT rid FROM claims WHERE event_rid = ? ORDER BY rid`, rid)); err != nil {
			return fmt.Errorf("event %s: claims: %w", ev.ID, err)
		}
	}
	claims, metas, err := claimsByRID(ctx, tx, rids)
	if err != nil {
		return fmt.Errorf("event %s: %w", ev.ID, err)
	}
	ev = cluster.Merge(ev, claims, metas)
	cols := eventColumns(ev, earliestPublished(metas))
	if err := updateEvent(ctx, tx, rid, ev, cols, old); err != nil {
		return err
	}
	tx.w.events.put(rid, cachedEvent{forMatch(ev), rids, &cols})
	return nil
}

// eventCols are the columns an event is found and filtered by, as stored.
type eventCols [eventColCount]any

// The indexed columns of events, in eventCols order; story_rid comes from
// the story id (the last), through a subquery.
var eventColNames = [...]string{"action_class", "event_type", "sub_event_type", "stage", "certainty",
	"actor1_id", "actor2_id", "country", "lat", "lon", "date_key", "win_from", "win_to", "independent_sources", "story_rid"}

const eventColCount = len(eventColNames)

// eventColumns computes an event's columns; firstPublished is the earliest
// publication date of its reports.
func eventColumns(ev report.Event, firstPublished *string) eventCols {
	var (
		country, lat, lon any
		winFrom, winTo    any
	)
	if l := ev.Location; l != nil {
		country, lat, lon = nullIfEmpty(l.Country), l.Lat, l.Lon
	}
	if f, t, ok := dateWindow(ev.Date); ok {
		winFrom, winTo = windowStrings(f, t)
	}
	dateKey := claimDateKey(report.Claim{Date: ev.Date}, firstPublished)
	return eventCols{cluster.ActionClass(ev.Action), ev.EventType, ev.SubEventType, string(ev.Stage), string(ev.Certainty),
		actorID(ev.Actor1), actorID(ev.Actor2), country, lat, lon, dateKey, winFrom, winTo,
		ev.IndependentSources, ev.StoryID}
}

// colValue is the SQL for setting column i.
func colValue(i int) string {
	if eventColNames[i] == "story_rid" {
		return "(SELECT rid FROM stories WHERE id = ?)"
	}
	return "?"
}

// insertEvent stores a new event and returns its rid.
func insertEvent(ctx context.Context, tx *wtx, ev report.Event, cols eventCols) (int64, error) {
	doc, err := json.Marshal(ev)
	if err != nil {
		return 0, fmt.Errorf("event %s: encode: %w", ev.ID, err)
	}
	names, values := []string{"id"}, []string{"?"}
	args := []any{ev.ID}
	for i, v := range cols {
		names, values, args = append(names, eventColNames[i]), append(values, colValue(i)), append(args, v)
	}
	names, values, args = append(names, "doc"), append(values, "?"), append(args, string(doc))
	var rid int64
	err = tx.QueryRowContext(ctx, `INSERT INTO events (`+strings.Join(names, ", ")+`) VALUES (`+strings.Join(values, ", ")+`) RETURNING rid`, args...).Scan(&rid)
	if err != nil {
		return 0, fmt.Errorf("create event: %w", err)
	}
	return rid, nil
}

// updateEvent writes an event's document and the columns that differ
// from old (all of them when old is nil). Setting an indexed column,
// even to its value, rewrites its index entries: most merges change few.
func updateEvent(ctx context.Context, tx *wtx, rid int64, ev report.Event, cols eventCols, old *eventCols) error {
	doc, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("event %s: encode: %w", ev.ID, err)
	}
	var (
		set  []string
		args []any
	)
	for i, v := range cols {
		if old == nil || old[i] != v {
			set, args = append(set, eventColNames[i]+" = "+colValue(i)), append(args, v)
		}
	}
	set, args = append(set, "doc = ?"), append(args, string(doc), rid)
	if _, err := tx.ExecContext(ctx, `UPDATE events SET `+strings.Join(set, ", ")+` WHERE rid = ?`, args...); err != nil {
		return fmt.Errorf("event %s: update: %w", ev.ID, err)
	}
	return nil
}

// earliestPublished is the first publication date among reports, for an
// event that states no date of its own.
func earliestPublished(metas map[string]cluster.ReportMeta) *string {
	var first *string
	for _, m := range metas {
		if m.Published != nil && *m.Published != "" && (first == nil || *m.Published < *first) {
			first = m.Published
		}
	}
	return first
}

// rebuildStory recomputes a story from its claims, writes it back and
// returns the escalations since its state before this report.
func rebuildStory(ctx context.Context, tx *wtx, st *storyState, copy bool) ([]store.Escalation, error) {
	if st.lists == nil {
		var err error
		if st.lists, err = loadStoryLists(ctx, tx, st.rid); err != nil {
			return nil, fmt.Errorf("story %s: %w", st.key, err)
		}
	} else {
		for _, a := range st.added {
			st.lists.add(a.c, a.m, copy)
		}
	}
	claims, metas, err := claimsByRID(ctx, tx, st.lists.rids())
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", st.key, err)
	}
	after := cluster.BuildStory(st.key, claims, metas)
	doc, err := json.Marshal(after)
	if err != nil {
		return nil, fmt.Errorf("story %s: encode: %w", st.key, err)
	}
	// The columns come from the document: an unchanged document (the
	// common case for a long story) needs no write.
	if !bytes.Equal(doc, st.doc) {
		_, err = tx.ExecContext(ctx, `UPDATE stories SET stage = ?, initiator_id = ?, target_id = ?, action = ?, doc = ? WHERE rid = ?`,
			string(after.Stage), actorID(after.Initiator), actorID(after.Target), after.Action, string(doc), st.rid)
		if err != nil {
			return nil, fmt.Errorf("story %s: update: %w", st.key, err)
		}
	}
	tx.w.stories.put(st.key, cachedStory{st.rid, after, doc, st.lists})
	steps := cluster.Escalations(st.before, after)
	if len(steps) == 0 {
		return nil, nil
	}
	// The caller gets its own copy, not one sharing the cached history.
	after = report.Story{}
	if err := json.Unmarshal(doc, &after); err != nil {
		return nil, fmt.Errorf("story %s: decode: %w", st.key, err)
	}
	steps = cluster.Escalations(st.before, after)
	if after.Related, err = related(ctx, tx, st.key, after.ID); err != nil {
		return nil, err
	}
	from := st.before.Stage
	if from == "" && len(after.History) > 0 {
		from = after.History[0].Stage
	}
	var out []store.Escalation
	for _, s := range steps {
		out = append(out, store.Escalation{StoryID: after.ID, From: from, To: s.Stage, Step: s, Story: after})
		from = s.Stage
	}
	return out, nil
}

// related lists the ids of the other stories with the same initiator and
// target.
func related(ctx context.Context, q querier, key, id string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM stories WHERE related_key = ? AND id <> ? ORDER BY rid`, cluster.RelatedKey(key), id)
	if err != nil {
		return nil, fmt.Errorf("related stories: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("related stories: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
