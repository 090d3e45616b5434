package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

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
}

// assign puts each new claim into an event (the best-matching candidate,
// or a new one) and a story, recomputes what they touched, and records the
// stories' escalations in res. stories holds the report's stories by key
// (made by queueStory and scanStory), order their keys.
func assign(ctx context.Context, p *pipe, meta cluster.ReportMeta, claims []report.Claim, ids []string, rids []int64,
	stories map[string]*storyState, order []string, res *store.AddResult) error {
	reportDate := ""
	if meta.Published != nil {
		reportDate = *meta.Published
	}
	events := map[int64]bool{}
	for i, c := range claims {
		var st *storyState
		if key, ok := cluster.StoryKey(c); ok {
			st = stories[key]
		}
		erid, eid, err := placeClaim(ctx, p, c, ids[i], rids[i], reportDate, st)
		if err != nil {
			return fmt.Errorf("claim %s: %w", ids[i], err)
		}
		if !events[erid] {
			events[erid] = true
			res.EventIDs = append(res.EventIDs, eid)
		}
	}
	for _, key := range order {
		esc, err := rebuildStory(ctx, p, stories[key])
		if err != nil {
			return err
		}
		res.Escalations = append(res.Escalations, esc...)
	}
	return nil
}

// queueStory queues the statements that make sure a story exists (empty
// when new) and read it; the caller holds the story's advisory lock, so no
// one else creates it meanwhile.
func queueStory(b *pgx.Batch, key string) {
	empty, _ := json.Marshal(report.Story{ID: cluster.StoryID(key)})
	b.Queue(`INSERT INTO stories (id, key, related_key, stage, action, doc) VALUES ($1, $2, $3, '', '', $4)
		ON CONFLICT (key) DO NOTHING`, cluster.StoryID(key), key, cluster.RelatedKey(key), string(empty))
	b.Queue(`SELECT rid, doc FROM stories WHERE key = $1`, key)
}

// scanStory reads the results of queueStory.
func scanStory(br pgx.BatchResults, key string) (*storyState, error) {
	if _, err := br.Exec(); err != nil {
		return nil, fmt.Errorf("create story %s: %w", key, err)
	}
	st := &storyState{key: key}
	var doc string
	if err := br.QueryRow().Scan(&st.rid, &doc); err != nil {
		return nil, fmt.Errorf("story %s: %w", key, err)
	}
	if err := json.Unmarshal([]byte(doc), &st.before); err != nil {
		return nil, fmt.Errorf("story %s: decode: %w", key, err)
	}
	return st, nil
}

// placeClaim finds the claim's event (or founds one), links the claim
// (and sets its story) and re-merges the event; it returns the event's rid
// and id. Two round trips: the candidates, then link and reload in one
// batch; the merged event is written with the next batch.
func placeClaim(ctx context.Context, p *pipe, c report.Claim, id string, rid int64, reportDate string, st *storyState) (int64, string, error) {
	cands, err := candidateEvents(ctx, p, c, reportDate)
	if err != nil {
		return 0, "", err
	}
	var (
		best      int64
		bestEv    report.Event
		bestScore float64
	)
	for _, cand := range cands {
		if score, ok := cluster.Match(c, reportDate, cand.ev); ok && score > bestScore {
			best, bestEv, bestScore = cand.rid, cand.ev, score
		}
	}
	var storyRID *int64
	if st != nil {
		storyRID = &st.rid
	}
	b := &pgx.Batch{}
	if best == 0 {
		bestEv = report.Event{ID: eventID(id), Action: c.Action, EventType: c.EventType, SubEventType: c.SubEventType, Stage: c.Stage}
		doc, _ := json.Marshal(bestEv)
		b.Queue(`INSERT INTO events (id, action_class, event_type, sub_event_type, stage, certainty, date_key, independent_sources, doc)
			VALUES ($1, $2, $3, $4, $5, $6, '', 0, $7) RETURNING rid, doc`,
			bestEv.ID, cluster.ActionClass(c.Action), c.EventType, c.SubEventType, string(c.Stage), string(c.Certainty), string(doc))
		b.Queue(`UPDATE claims SET event_rid = currval(pg_get_serial_sequence('events', 'rid')), story_rid = $1 WHERE rid = $2`, storyRID, rid)
	} else {
		// Lock the event row before merging it again: a claim of another
		// country (under another advisory lock) may be joining it too, and
		// the merge must read that claim once it is committed.
		b.Queue(`SELECT rid, doc FROM events WHERE rid = $1 FOR UPDATE`, best)
		b.Queue(`UPDATE claims SET event_rid = $1, story_rid = $2 WHERE rid = $3`, best, storyRID, rid)
	}
	b.Queue(loadClaimsSQL+`c.event_rid = (SELECT event_rid FROM claims WHERE rid = $1) ORDER BY c.rid`, rid)
	br, err := p.send(ctx, b)
	if err != nil {
		return 0, "", fmt.Errorf("link event: %w", err)
	}
	var (
		doc    string
		claims []report.StoredClaim
		metas  map[string]cluster.ReportMeta
	)
	err = br.QueryRow().Scan(&best, &doc)
	if err == nil {
		err = json.Unmarshal([]byte(doc), &bestEv)
	}
	if err == nil {
		_, err = br.Exec()
	}
	if err == nil {
		var rows pgx.Rows
		if rows, err = br.Query(); err == nil {
			claims, metas, err = scanClaims(rows)
		}
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, "", fmt.Errorf("link event: %w", err)
	}
	if bestEv.StoryID == "" && st != nil {
		bestEv.StoryID = cluster.StoryID(st.key)
	}
	return best, bestEv.ID, mergeEvent(p, best, bestEv, claims, metas)
}

type eventRow struct {
	rid int64
	ev  report.Event
}

// candidateEvents returns the events a claim may belong to: same action
// class (any when the claim has none), same country or none, and a date
// window that overlaps the claim's (or no date on either side). As in the
// SQLite backend, each of the few lookups is one index range, nearest
// first, at most maxCandidates; here they go to the server as one UNION
// ALL statement (one round trip) and come back in lookup order.
func candidateEvents(ctx context.Context, p *pipe, c report.Claim, reportDate string) ([]eventRow, error) {
	var base where
	if class := cluster.ActionClass(c.Action); class != "" {
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
		orders = []string{"win_from DESC, rid DESC", "rid DESC"} // the windows nearest the claim first
	} else {
		windows = []where{{}} // an undated claim may match any event
		orders = []string{"rid DESC"}
	}
	var (
		parts []string
		args  []any
	)
	for _, cw := range countries {
		for i, ww := range windows {
			w := where{}
			w.and(base)
			w.and(cw)
			w.and(ww)
			parts = append(parts, fmt.Sprintf(`(SELECT %d AS part, row_number() OVER (ORDER BY %s) AS n, rid, doc FROM events WHERE %s ORDER BY %s LIMIT ?)`,
				len(parts), orders[i], w.sql(), orders[i]))
			args = append(args, w.args...)
			args = append(args, maxCandidates)
		}
	}
	rows, done, err := p.query(ctx, rebind(`SELECT rid, doc FROM (`+strings.Join(parts, " UNION ALL ")+`) AS c ORDER BY part, n`), args...)
	if err != nil {
		return nil, fmt.Errorf("find candidate events: %w", err)
	}
	defer done()
	seen := map[int64]bool{}
	var out []eventRow
	for rows.Next() {
		var (
			r   eventRow
			doc string
		)
		if err := rows.Scan(&r.rid, &doc); err != nil {
			return nil, fmt.Errorf("read candidate event: %w", err)
		}
		if seen[r.rid] {
			continue
		}
		seen[r.rid] = true
		if err := json.Unmarshal([]byte(doc), &r.ev); err != nil {
			return nil, fmt.Errorf("decode candidate event: %w", err)
		}
		out = append(out, r)
	}
	if err := done(); err != nil {
		return nil, fmt.Errorf("read candidate events: %w", err)
	}
	return out, nil
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

// loadClaimsSQL reads claims (aliased c) with the metadata of their
// reports, as the cluster functions take them; callers append the
// condition and order.
const loadClaimsSQL = `SELECT c.id, r.id, coalesce(e.id, ''), coalesce(s.id, ''), c.doc,
		r.url, r.outlet, r.published, r.copy_of
		FROM claims c JOIN reports r ON r.rid = c.report_rid
		LEFT JOIN events e ON e.rid = c.event_rid
		LEFT JOIN stories s ON s.rid = c.story_rid
		WHERE `

// loadClaims reads the claims matching cond.
func loadClaims(ctx context.Context, p *pipe, cond string, args ...any) ([]report.StoredClaim, map[string]cluster.ReportMeta, error) {
	rows, done, err := p.query(ctx, loadClaimsSQL+cond+` ORDER BY c.rid`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("load claims: %w", err)
	}
	defer done()
	claims, metas, err := scanClaims(rows)
	if err == nil {
		err = done()
	}
	return claims, metas, err
}

// scanClaims reads the rows of loadClaimsSQL.
func scanClaims(rows pgx.Rows) ([]report.StoredClaim, map[string]cluster.ReportMeta, error) {
	defer rows.Close()
	var claims []report.StoredClaim
	metas := map[string]cluster.ReportMeta{}
	for rows.Next() {
		var (
			sc                                report.StoredClaim
			doc                               string
			url, outlet, published, copyOfCol *string
		)
		if err := rows.Scan(&sc.ID, &sc.ReportID, &sc.EventID, &sc.StoryID, &doc, &url, &outlet, &published, &copyOfCol); err != nil {
			return nil, nil, fmt.Errorf("load claims: %w", err)
		}
		if err := json.Unmarshal([]byte(doc), &sc.Claim); err != nil {
			return nil, nil, fmt.Errorf("decode claim %s: %w", sc.ID, err)
		}
		claims = append(claims, sc)
		metas[sc.ReportID] = cluster.ReportMeta{ID: sc.ReportID, URL: url, Outlet: outlet, Published: published, CopyOf: copyOfCol}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("load claims: %w", err)
	}
	return claims, metas, nil
}

// mergeEvent recomputes an event from all its claims and holds the write
// for the next batch.
func mergeEvent(p *pipe, rid int64, ev report.Event, claims []report.StoredClaim, metas map[string]cluster.ReportMeta) error {
	ev = cluster.Merge(ev, claims, metas)
	doc, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("event %s: encode: %w", ev.ID, err)
	}
	var (
		country, lat, lon any
		winFrom, winTo    any
	)
	if l := ev.Location; l != nil {
		country, lat, lon = nonEmpty(l.Country), l.Lat, l.Lon
	}
	if f, t, ok := dateWindow(ev.Date); ok {
		winFrom, winTo = windowStrings(f, t)
	}
	dateKey := claimDateKey(report.Claim{Date: ev.Date}, earliestPublished(metas))
	p.later(`UPDATE events SET action_class = $1, event_type = $2, sub_event_type = $3, stage = $4, certainty = $5,
		actor1_id = $6, actor2_id = $7, country = $8, lat = $9, lon = $10, date_key = $11, win_from = $12, win_to = $13,
		independent_sources = $14, story_rid = (SELECT rid FROM stories WHERE id = $15), doc = $16 WHERE rid = $17`,
		cluster.ActionClass(ev.Action), ev.EventType, ev.SubEventType, string(ev.Stage), string(ev.Certainty),
		actorID(ev.Actor1), actorID(ev.Actor2), country, lat, lon, dateKey, winFrom, winTo,
		ev.IndependentSources, ev.StoryID, string(doc), rid)
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

// storyClaimsCond selects the bounded set of a story's claims that its
// history, consent, actors and action are rebuilt from.
func storyClaimsCond() string {
	const credible = `certainty IN ('asserted', 'hedged', '')`
	const original = `NOT EXISTS (SELECT 1 FROM reports r2 WHERE r2.rid = claims.report_rid AND r2.copy_of IS NOT NULL)`
	var parts []string
	sub := func(where, order string, n int) {
		parts = append(parts, fmt.Sprintf(`SELECT rid FROM (SELECT rid FROM claims WHERE story_rid = $1 AND %s ORDER BY %s LIMIT %d) AS sub`, where, order, n))
	}
	for _, s := range report.Stages {
		n := storyPerStage
		if s.Rank() == 0 {
			n = storyDenials
		}
		base := fmt.Sprintf(`stage = '%s' AND %s AND %s`, s, credible, original)
		sub(base+` AND date_key > ''`, `date_key, rid`, n)
		sub(base+` AND date_key = ''`, `rid`, n)
	}
	sub(`host_consent <> ''`, `date_key DESC, rid DESC`, storyConsent)
	sub(`true`, `rid DESC`, storyRecent)
	// ANY(ARRAY(…)): the planner runs the union once and then fetches the
	// claims by primary key; "IN (…)" would let it scan every claim.
	return "c.rid = ANY(ARRAY(" + strings.Join(parts, " UNION ") + "))"
}

// rebuildStory recomputes a story from its claims, writes it back and
// returns the escalations since its state before this report.
func rebuildStory(ctx context.Context, p *pipe, st *storyState) ([]store.Escalation, error) {
	claims, metas, err := loadClaims(ctx, p, storyClaimsCond(), st.rid)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", st.key, err)
	}
	after := cluster.BuildStory(st.key, claims, metas)
	doc, err := json.Marshal(after)
	if err != nil {
		return nil, fmt.Errorf("story %s: encode: %w", st.key, err)
	}
	p.later(`UPDATE stories SET stage = $1, initiator_id = $2, target_id = $3, action = $4, doc = $5 WHERE rid = $6`,
		string(after.Stage), actorID(after.Initiator), actorID(after.Target), after.Action, string(doc), st.rid)
	steps := cluster.Escalations(st.before, after)
	if len(steps) == 0 {
		return nil, nil
	}
	if after.Related, err = related(ctx, p, st.key, after.ID); err != nil {
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
func related(ctx context.Context, p *pipe, key, id string) ([]string, error) {
	rows, done, err := p.query(ctx, `SELECT id FROM stories WHERE related_key = $1 AND id <> $2 ORDER BY rid`, cluster.RelatedKey(key), id)
	if err != nil {
		return nil, fmt.Errorf("related stories: %w", err)
	}
	defer done()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("related stories: %w", err)
		}
		out = append(out, s)
	}
	return out, done()
}
