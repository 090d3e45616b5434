package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/sqlq"
)

// snapshot is how multi-statement reads see one consistent state.
var snapshot = pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}

// HasReport reports whether a report id is stored.
func (db *DB) HasReport(ctx context.Context, id string) (bool, error) {
	var has bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM reports WHERE id = $1)`, id).Scan(&has); err != nil {
		return false, fmt.Errorf("has report %s: %w", id, err)
	}
	return has, nil
}

// Report returns a stored report with its claims in text order.
func (db *DB) Report(ctx context.Context, id string) (report.Report, []report.StoredClaim, error) {
	tx, err := db.pool.BeginTx(ctx, snapshot)
	if err != nil {
		return report.Report{}, nil, fmt.Errorf("report %s: %w", id, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var (
		rid    int64
		doc    string
		text   string
		copyOf *string
	)
	err = tx.QueryRow(ctx, `SELECT rid, doc, text, copy_of FROM reports WHERE id = $1`, id).Scan(&rid, &doc, &text, &copyOf)
	if errNoRows(err) {
		return report.Report{}, nil, fmt.Errorf("report %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return report.Report{}, nil, fmt.Errorf("report %s: %w", id, err)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(doc), &r); err != nil {
		return report.Report{}, nil, fmt.Errorf("report %s: decode: %w", id, err)
	}
	r.Text = text
	r.CopyOf = copyOf
	claims, err := queryClaims(ctx, tx, `WHERE c.report_rid = $1 ORDER BY c.idx`, rid)
	if err != nil {
		return report.Report{}, nil, fmt.Errorf("report %s: %w", id, err)
	}
	return r, claims, nil
}

// claimSelect reads stored claims; callers append WHERE/ORDER.
const claimSelect = `SELECT c.rid, c.date_key, c.id, r.id, coalesce(e.id, ''), coalesce(s.id, ''), c.doc
	FROM claims c JOIN reports r ON r.rid = c.report_rid
	LEFT JOIN events e ON e.rid = c.event_rid
	LEFT JOIN stories s ON s.rid = c.story_rid `

// queryClaims runs claimSelect with a tail and returns the claims.
func queryClaims(ctx context.Context, q querier, tail string, args ...any) ([]report.StoredClaim, error) {
	claims, _, err := queryClaimsKeyed(ctx, q, tail, args...)
	return claims, err
}

// queryClaimsKeyed also returns each claim's cursor position.
func queryClaimsKeyed(ctx context.Context, q querier, tail string, args ...any) ([]report.StoredClaim, []cursor, error) {
	rows, err := q.Query(ctx, claimSelect+tail, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("query claims: %w", err)
	}
	defer rows.Close()
	var (
		out  []report.StoredClaim
		keys []cursor
	)
	for rows.Next() {
		var (
			sc  report.StoredClaim
			k   cursor
			doc string
		)
		if err := rows.Scan(&k.RID, &k.Key, &sc.ID, &sc.ReportID, &sc.EventID, &sc.StoryID, &doc); err != nil {
			return nil, nil, fmt.Errorf("read claim: %w", err)
		}
		if err := json.Unmarshal([]byte(doc), &sc.Claim); err != nil {
			return nil, nil, fmt.Errorf("decode claim %s: %w", sc.ID, err)
		}
		out = append(out, sc)
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read claims: %w", err)
	}
	return out, keys, nil
}

// keyset adds the "after this cursor" condition for a list sorted by
// (key DESC, rid DESC).
func keyset(w *where, keyCol, ridCol string, c *cursor) {
	if c == nil {
		return
	}
	w.add("("+keyCol+" < ? OR ("+keyCol+" = ? AND "+ridCol+" < ?))", c.Key, c.Key, c.RID)
}

// page trims one extra fetched item into a next cursor.
func page[T any](items []T, keys []cursor, n int, list string) store.Page[T] {
	p := store.Page[T]{Items: items}
	if len(items) > n {
		p.Items = items[:n]
		k := keys[n-1]
		k.List = list
		p.Next = k.Encode()
	}
	if p.Items == nil {
		p.Items = []T{}
	}
	return p
}

// Claims lists claims matching the filter, latest date first.
func (db *DB) Claims(ctx context.Context, f store.Filter) (store.Page[report.StoredClaim], error) {
	const list = "claims"
	var zero store.Page[report.StoredClaim]
	n, cur, err := sqlq.Start(f, list)
	if err != nil {
		return zero, err
	}
	w, err := claimWhere(f, true, true)
	if err != nil {
		return zero, err
	}
	keyset(&w, "c.date_key", "c.rid", cur)
	claims, keys, err := queryClaimsKeyed(ctx, db.pool, rebind("WHERE "+w.sql()+" ORDER BY c.date_key DESC, c.rid DESC LIMIT ?"), append(w.args, n+1)...)
	if err != nil {
		return zero, fmt.Errorf("claims: %w", err)
	}
	return page(claims, keys, n, list), nil
}

// reportSummaryCols reads report summaries from reports r.
const reportSummaryCols = `r.rid, r.id, r.url, r.outlet, r.title, r.published, r.language, r.copy_of,
	(SELECT count(*) FROM claims c WHERE c.report_rid = r.rid)`

// reportWhere is the filter as conditions on reports aliased r: claim
// fields through the report's claims, dates on publication, text by the
// full-text index.
func reportWhere(f store.Filter) (where, error) {
	var w where
	cw, err := claimWhere(f, false, false)
	if err != nil {
		return w, err
	}
	if !cw.empty() {
		w.add("EXISTS (SELECT 1 FROM claims c WHERE c.report_rid = r.rid AND "+cw.sql()+")", cw.args...)
	}
	dateRange(&w, "coalesce(r.published, '')", f)
	if strings.TrimSpace(f.Text) != "" {
		q, err := ftsQuery(f.Text)
		if err != nil {
			return w, err
		}
		w.add("r.tsv @@ ?::tsquery", q)
	}
	return w, nil
}

// Reports lists reports matching the filter, most recently stored first.
func (db *DB) Reports(ctx context.Context, f store.Filter) (store.Page[store.ReportSummary], error) {
	const list = "reports"
	var zero store.Page[store.ReportSummary]
	n, cur, err := sqlq.Start(f, list)
	if err != nil {
		return zero, err
	}
	w, err := reportWhere(f)
	if err != nil {
		return zero, err
	}
	if cur != nil {
		w.add("r.rid < ?", cur.RID)
	}
	q := "SELECT " + reportSummaryCols + ", '' FROM reports r WHERE " + w.sql() + " ORDER BY r.rid DESC LIMIT ?"
	items, keys, err := db.querySummaries(ctx, nil, rebind(q), append(w.args, n+1)...)
	if err != nil {
		return zero, fmt.Errorf("reports: %w", err)
	}
	return page(items, keys, n, list), nil
}

// Search lists reports whose text matches query (every word or "quoted
// phrase"; a trailing * matches a prefix), with a snippet around the
// match, most recently stored first.
func (db *DB) Search(ctx context.Context, query string, f store.Filter) (store.Page[store.ReportSummary], error) {
	const list = "search"
	var zero store.Page[store.ReportSummary]
	n, cur, err := sqlq.Start(f, list)
	if err != nil {
		return zero, err
	}
	terms, err := parseSearch(query)
	if err != nil {
		return zero, err
	}
	fq, _ := ftsQuery(query) // parsed above
	var w where
	w.add("r.tsv @@ ?::tsquery", fq)
	rw, err := reportWhere(f)
	if err != nil {
		return zero, err
	}
	w.and(rw)
	if cur != nil {
		w.add("r.rid < ?", cur.RID)
	}
	q := "SELECT " + reportSummaryCols + ", r.text FROM reports r WHERE " + w.sql() + " ORDER BY r.rid DESC LIMIT ?"
	items, keys, err := db.querySummaries(ctx, terms, rebind(q), append(w.args, n+1)...)
	if err != nil {
		return zero, fmt.Errorf("search: %w", err)
	}
	return page(items, keys, n, list), nil
}

// querySummaries reads summary rows; the last column is the report text
// when terms are given (and becomes the snippet), else ignored.
func (db *DB) querySummaries(ctx context.Context, terms []searchTerm, q string, args ...any) ([]store.ReportSummary, []cursor, error) {
	rows, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var (
		out  []store.ReportSummary
		keys []cursor
	)
	for rows.Next() {
		var (
			s    store.ReportSummary
			k    cursor
			text string
		)
		if err := rows.Scan(&k.RID, &s.ID, &s.URL, &s.Outlet, &s.Title, &s.Published, &s.Language, &s.CopyOf, &s.ClaimCount, &text); err != nil {
			return nil, nil, err
		}
		if terms != nil {
			s.Snippet = snippet(text, terms)
		}
		out = append(out, s)
		keys = append(keys, k)
	}
	return out, keys, rows.Err()
}

// Event returns a stored event with its claims.
func (db *DB) Event(ctx context.Context, id string) (report.Event, []report.StoredClaim, error) {
	tx, err := db.pool.BeginTx(ctx, snapshot)
	if err != nil {
		return report.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var (
		rid int64
		doc string
	)
	err = tx.QueryRow(ctx, `SELECT rid, doc FROM events WHERE id = $1`, id).Scan(&rid, &doc)
	if errNoRows(err) {
		return report.Event{}, nil, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return report.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	var ev report.Event
	if err := json.Unmarshal([]byte(doc), &ev); err != nil {
		return report.Event{}, nil, fmt.Errorf("event %s: decode: %w", id, err)
	}
	claims, err := queryClaims(ctx, tx, `WHERE c.event_rid = $1 ORDER BY c.date_key, c.rid`, rid)
	if err != nil {
		return report.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	return ev, claims, nil
}

// eventWhere is the filter as conditions on events aliased e.
func eventWhere(f store.Filter) (where, error) {
	var w where
	if f.Country != "" {
		w.add("e.country = ?", f.Country)
	}
	if f.ActorID != "" {
		w.add("(e.actor1_id = ? OR e.actor2_id = ?)", f.ActorID, f.ActorID)
	}
	if f.Stage != "" {
		w.add("e.stage = ?", string(f.Stage))
	}
	if f.Certainty != "" {
		w.add("e.certainty = ?", string(f.Certainty))
	}
	if f.SubEventType != "" {
		w.add("e.sub_event_type = ?", f.SubEventType)
	}
	dateRange(&w, "e.date_key", f)
	w.bbox("e", f.BBox)
	if f.MinSources > 0 {
		w.add("e.independent_sources >= ?", f.MinSources)
	}
	if f.StoryID != "" {
		w.add("e.story_rid = (SELECT rid FROM stories WHERE id = ?)", f.StoryID)
	}
	if strings.TrimSpace(f.Text) != "" {
		q, err := ftsQuery(f.Text)
		if err != nil {
			return w, err
		}
		w.add("EXISTS (SELECT 1 FROM claims c JOIN reports r ON r.rid = c.report_rid WHERE c.event_rid = e.rid AND r.tsv @@ ?::tsquery)", q)
	}
	return w, nil
}

// Events lists events matching the filter, latest date first.
func (db *DB) Events(ctx context.Context, f store.Filter) (store.Page[report.Event], error) {
	const list = "events"
	var zero store.Page[report.Event]
	n, cur, err := sqlq.Start(f, list)
	if err != nil {
		return zero, err
	}
	w, err := eventWhere(f)
	if err != nil {
		return zero, err
	}
	keyset(&w, "e.date_key", "e.rid", cur)
	rows, err := db.pool.Query(ctx, rebind("SELECT e.rid, e.date_key, e.doc FROM events e WHERE "+w.sql()+
		" ORDER BY e.date_key DESC, e.rid DESC LIMIT ?"), append(w.args, n+1)...)
	if err != nil {
		return zero, fmt.Errorf("events: %w", err)
	}
	items, keys, err := scanDocs[report.Event](rows)
	if err != nil {
		return zero, fmt.Errorf("events: %w", err)
	}
	return page(items, keys, n, list), nil
}

// scanDocs reads (rid, key, doc) rows, decoding each doc as a T.
func scanDocs[T any](rows pgx.Rows) ([]T, []cursor, error) {
	defer rows.Close()
	var (
		out  []T
		keys []cursor
	)
	for rows.Next() {
		var (
			k   cursor
			doc string
			v   T
		)
		if err := rows.Scan(&k.RID, &k.Key, &doc); err != nil {
			return nil, nil, err
		}
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			return nil, nil, fmt.Errorf("decode: %w", err)
		}
		out = append(out, v)
		keys = append(keys, k)
	}
	return out, keys, rows.Err()
}

// Story returns a stored story.
func (db *DB) Story(ctx context.Context, id string) (report.Story, error) {
	var doc string
	err := db.pool.QueryRow(ctx, `SELECT doc FROM stories WHERE id = $1`, id).Scan(&doc)
	if errNoRows(err) {
		return report.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return report.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	var s report.Story
	if err := json.Unmarshal([]byte(doc), &s); err != nil {
		return report.Story{}, fmt.Errorf("story %s: decode: %w", id, err)
	}
	if s.Related, err = relatedByID(ctx, db.pool, id); err != nil {
		return report.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

// relatedByID lists the other stories with the same initiator and target
// as story id; they are found when read because a new story relates to
// older ones without rewriting them.
func relatedByID(ctx context.Context, q querier, id string) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT s2.id FROM stories s JOIN stories s2 ON s2.related_key = s.related_key AND s2.rid <> s.rid
		WHERE s.id = $1 ORDER BY s2.rid`, id)
	if err != nil {
		return nil, fmt.Errorf("related stories: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, fmt.Errorf("related stories: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Stories lists stories matching the filter, most recently created first:
// actor and stage on the story itself, every other field through its claims.
func (db *DB) Stories(ctx context.Context, f store.Filter) (store.Page[report.Story], error) {
	const list = "stories"
	var zero store.Page[report.Story]
	n, cur, err := sqlq.Start(f, list)
	if err != nil {
		return zero, err
	}
	var w where
	if f.ActorID != "" {
		w.add("(s.initiator_id = ? OR s.target_id = ?)", f.ActorID, f.ActorID)
	}
	if f.Stage != "" {
		w.add("s.stage = ?", string(f.Stage))
	}
	if f.StoryID != "" {
		w.add("s.id = ?", f.StoryID)
	}
	cf := f
	cf.ActorID, cf.Stage, cf.StoryID = "", "", ""
	cw, err := claimWhere(cf, true, true)
	if err != nil {
		return zero, err
	}
	if !cw.empty() {
		w.add("EXISTS (SELECT 1 FROM claims c WHERE c.story_rid = s.rid AND "+cw.sql()+")", cw.args...)
	}
	if cur != nil {
		w.add("s.rid < ?", cur.RID)
	}
	rows, err := db.pool.Query(ctx, rebind("SELECT s.rid, '', s.doc FROM stories s WHERE "+w.sql()+
		" ORDER BY s.rid DESC LIMIT ?"), append(w.args, n+1)...)
	if err != nil {
		return zero, fmt.Errorf("stories: %w", err)
	}
	items, keys, err := scanDocs[report.Story](rows)
	if err != nil {
		return zero, fmt.Errorf("stories: %w", err)
	}
	for i := range items {
		if items[i].Related, err = relatedByID(ctx, db.pool, items[i].ID); err != nil {
			return zero, fmt.Errorf("stories: %w", err)
		}
	}
	return page(items, keys, n, list), nil
}

// Places lists the distinct places mentioned in reports matching the
// filter (country and bounding box on the place itself), ordered by a
// stable key. Text is one way a report named the place (its first
// mention); Start and End are zero because a listed place stands for many
// mentions.
func (db *DB) Places(ctx context.Context, f store.Filter) (store.Page[report.Place], error) {
	const list = "places"
	var zero store.Page[report.Place]
	n, cur, err := sqlq.Start(f, list)
	if err != nil {
		return zero, err
	}
	var w where
	if f.Country != "" {
		w.add("p.country = ?", f.Country)
	}
	w.bbox("p", f.BBox)
	rf := f
	rf.Country, rf.BBox = "", nil
	rw, err := reportWhere(rf)
	if err != nil {
		return zero, err
	}
	if !rw.empty() {
		w.add("p.report_rid IN (SELECT r.rid FROM reports r WHERE "+rw.sql()+")", rw.args...)
	}
	if cur != nil {
		w.add("p.pkey > ?", cur.Key)
	}
	rows, err := db.pool.Query(ctx, rebind(`SELECT DISTINCT ON (p.pkey) p.pkey, p.text, p.name, p.geonames_id, p.lat, p.lon,
		p.country, p.admin1, p.admin2, p.feature, p.population
		FROM report_places p WHERE `+w.sql()+` ORDER BY p.pkey, p.report_rid, p.idx LIMIT ?`), append(w.args, n+1)...)
	if err != nil {
		return zero, fmt.Errorf("places: %w", err)
	}
	defer rows.Close()
	var (
		items []report.Place
		keys  []cursor
	)
	for rows.Next() {
		var (
			p report.Place
			k cursor
		)
		if err := rows.Scan(&k.Key, &p.Text, &p.Name, &p.GeonamesID, &p.Lat, &p.Lon,
			&p.Country, &p.Admin1, &p.Admin2, &p.Feature, &p.Population); err != nil {
			return zero, fmt.Errorf("places: %w", err)
		}
		items = append(items, p)
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return zero, fmt.Errorf("places: %w", err)
	}
	return page(items, keys, n, list), nil
}
