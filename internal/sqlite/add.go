package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/cluster"
	"github.com/strikewatch/strikewatch/internal/dedup"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// AddExtraction stores a report, its places and claims in one transaction.
// Adding a report id that is already stored changes nothing and returns
// New=false with what was stored before.
func (db *DB) AddExtraction(ctx context.Context, ex report.Extraction, src store.Source) (store.AddResult, error) {
	if err := validateExtraction(ex); err != nil {
		return store.AddResult{}, err
	}
	db.wr.mu.Lock()
	defer db.wr.mu.Unlock()
	tx, err := db.wr.begin(ctx)
	if err != nil {
		return store.AddResult{}, fmt.Errorf("add report %s: %w", ex.Report.ID, err)
	}
	defer tx.rollback() // no-op after commit
	res, err := addExtraction(ctx, tx, ex, src)
	if err != nil {
		return store.AddResult{}, fmt.Errorf("add report %s: %w", ex.Report.ID, err)
	}
	if err := tx.commit(ctx); err != nil {
		return store.AddResult{}, fmt.Errorf("add report %s: commit: %w", ex.Report.ID, err)
	}
	return res, nil
}

// validateExtraction rejects what the schema would reject, with a clearer
// message and before any write.
func validateExtraction(ex report.Extraction) error {
	if ex.Report.ID == "" {
		return fmt.Errorf("report has no id: %w", store.ErrInvalid)
	}
	for i, c := range ex.Claims {
		if !c.Stage.Valid() {
			return fmt.Errorf("report %s claim %d: stage %q: %w", ex.Report.ID, i, c.Stage, store.ErrInvalid)
		}
		switch c.Certainty {
		case "", report.Asserted, report.Hedged, report.Negated, report.Hypothetical:
		default:
			return fmt.Errorf("report %s claim %d: certainty %q: %w", ex.Report.ID, i, c.Certainty, store.ErrInvalid)
		}
	}
	return nil
}

func addExtraction(ctx context.Context, tx *wtx, ex report.Extraction, src store.Source) (store.AddResult, error) {
	r := ex.Report
	res := store.AddResult{ReportID: r.ID}

	var (
		rid          int64
		copyOf, prev sql.NullString
	)
	err := tx.QueryRowContext(ctx, `SELECT rid, copy_of, prev_version FROM reports WHERE id = ?`, r.ID).Scan(&rid, &copyOf, &prev)
	switch {
	case err == nil:
		return existing(ctx, tx, res, rid, copyOf, prev)
	case !errors.Is(err, sql.ErrNoRows):
		return res, fmt.Errorf("look up report: %w", err)
	}
	res.New = true

	if r.URL != nil && *r.URL != "" {
		var id string
		err := tx.QueryRowContext(ctx, `SELECT id FROM reports WHERE url = ? ORDER BY rid DESC LIMIT 1`, *r.URL).Scan(&id)
		switch {
		case err == nil:
			res.PrevVersion = &id
		case !errors.Is(err, sql.ErrNoRows):
			return res, fmt.Errorf("look up earlier version: %w", err)
		}
	}

	sig := dedup.Sign(r.Text)
	bands := dedup.Bands(sig)
	sigBlob, err := sig.MarshalBinary()
	if err != nil {
		return res, fmt.Errorf("encode signature: %w", err)
	}
	if res.CopyOf, err = findOriginal(ctx, tx, r, sig, bands); err != nil {
		return res, err
	}

	// The text lives in its own column (for FTS); copy_of is the store's
	// decision, not the caller's.
	doc := r
	doc.Text = ""
	doc.CopyOf = res.CopyOf
	docJSON, err := json.Marshal(doc)
	if err != nil {
		return res, fmt.Errorf("encode report: %w", err)
	}
	var fetched any
	if !src.FetchedAt.IsZero() {
		fetched = src.FetchedAt.UTC().Format(time.RFC3339Nano)
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO reports
		(id, url, outlet, title, published, language, copy_of, prev_version, source_name, fetched_at, added_at, signature, doc, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
		r.ID, r.URL, r.Outlet, r.Title, r.Published, r.Language, res.CopyOf, res.PrevVersion,
		src.Name, fetched, time.Now().UTC().Format(time.RFC3339Nano), sigBlob, string(docJSON), r.Text).Scan(&rid)
	if err != nil {
		return res, fmt.Errorf("insert report: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO reports_fts (rowid, title, text) VALUES (?, ?, ?)`, rid, r.Title, r.Text); err != nil {
		return res, fmt.Errorf("index report text: %w", err)
	}
	if err := insertPlaces(ctx, tx, rid, r.Places); err != nil {
		return res, err
	}
	if err := insertBands(ctx, tx, rid, bands); err != nil {
		return res, err
	}
	meta := cluster.ReportMeta{ID: r.ID, URL: cloneStr(r.URL), Outlet: cloneStr(r.Outlet), Published: cloneStr(r.Published), CopyOf: cloneStr(res.CopyOf)}
	if err := assign(ctx, tx, meta, rid, ex.Claims, &res); err != nil {
		return res, err
	}
	return res, nil
}

// findOriginal returns the id of the earliest stored report that text is a
// syndicated copy of (following a copy to its original), or nil. Versions
// at the same URL are not copies: they are linked by PrevVersion instead,
// so an original at the report's own URL (or a copy of one) is skipped.
func findOriginal(ctx context.Context, tx *wtx, r report.Report, sig dedup.Signature, bands []uint64) (*string, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	args := make([]any, len(bands))
	for i, b := range bands {
		args[i] = int64(b) // SQLite integers are signed; the bits are what matter
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.id, coalesce(o.url, r.url), r.copy_of, r.signature FROM reports r
		LEFT JOIN reports o ON o.id = r.copy_of
		WHERE r.rid IN (SELECT report_rid FROM report_bands WHERE band IN (?`+strings.Repeat(",?", len(bands)-1)+`))
		ORDER BY r.rid`, args...)
	if err != nil {
		return nil, fmt.Errorf("find copy candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id          string
			url, copyOf sql.NullString
			blob        []byte
		)
		if err := rows.Scan(&id, &url, &copyOf, &blob); err != nil {
			return nil, fmt.Errorf("read copy candidate: %w", err)
		}
		if r.URL != nil && url.Valid && url.String == *r.URL {
			continue
		}
		var other dedup.Signature
		if err := other.UnmarshalBinary(blob); err != nil {
			return nil, fmt.Errorf("report %s: %w", id, err)
		}
		if !dedup.IsCopy(sig, other) {
			continue
		}
		if copyOf.Valid {
			id = copyOf.String
		}
		return &id, nil
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read copy candidates: %w", err)
	}
	return nil, nil
}

// insertBands stores a report's band keys in one statement.
func insertBands(ctx context.Context, tx *wtx, rid int64, bands []uint64) error {
	if len(bands) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(bands))
	for _, b := range bands {
		args = append(args, int64(b), rid)
	}
	q := `INSERT OR IGNORE INTO report_bands (band, report_rid) VALUES (?, ?)` + strings.Repeat(`, (?, ?)`, len(bands)-1)
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("insert signature bands: %w", err)
	}
	return nil
}

// existing fills the result for a report that is already stored.
func existing(ctx context.Context, tx *wtx, res store.AddResult, rid int64, copyOf, prev sql.NullString) (store.AddResult, error) {
	res.CopyOf = nullString(copyOf)
	res.PrevVersion = nullString(prev)
	rows, err := tx.QueryContext(ctx, `SELECT c.id, e.id FROM claims c LEFT JOIN events e ON e.rid = c.event_rid
		WHERE c.report_rid = ? ORDER BY c.idx`, rid)
	if err != nil {
		return res, fmt.Errorf("read stored claims: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var id string
		var ev sql.NullString
		if err := rows.Scan(&id, &ev); err != nil {
			return res, fmt.Errorf("read stored claims: %w", err)
		}
		res.ClaimIDs = append(res.ClaimIDs, id)
		if ev.Valid && !seen[ev.String] {
			seen[ev.String] = true
			res.EventIDs = append(res.EventIDs, ev.String)
		}
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("read stored claims: %w", err)
	}
	return res, nil
}

func insertPlaces(ctx context.Context, tx *wtx, rid int64, places []report.Place) error {
	if len(places) == 0 {
		return nil
	}
	for i, p := range places {
		if _, err := tx.ExecContext(ctx, `INSERT INTO report_places
		(report_rid, idx, pkey, text, start, end, name, geonames_id, lat, lon, country, admin1, admin2, feature, population)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rid, i, placeKey(p), p.Text, p.Start, p.End, p.Name, p.GeonamesID,
			p.Lat, p.Lon, p.Country, p.Admin1, p.Admin2, p.Feature, p.Population); err != nil {
			return fmt.Errorf("insert place %d: %w", i, err)
		}
	}
	return nil
}

// placeKey groups mentions of one place: its GeoNames id when it has one,
// else its name, country and coordinates.
func placeKey(p report.Place) string {
	if p.GeonamesID > 0 {
		return "g" + strconv.Itoa(p.GeonamesID)
	}
	return fmt.Sprintf("n%s|%s|%.4f|%.4f", p.Country, p.Name, p.Lat, p.Lon)
}

// ClaimID is the id of the i-th claim of a report.
func ClaimID(reportID string, i int) string { return reportID + "-" + strconv.Itoa(i) }

// newCachedClaim encodes a new claim for its doc column and makes its
// cache entry: a deep copy of c, or the decoded document when encoding
// changed a string (invalid UTF-8 becomes U+FFFD), so that the cache
// holds what a read of the row would give.
func newCachedClaim(meta cluster.ReportMeta, id string, c report.Claim) (cachedClaim, []byte, error) {
	doc, err := json.Marshal(c)
	if err != nil {
		return cachedClaim{}, nil, fmt.Errorf("encode claim %s: %w", id, err)
	}
	cc := cachedClaim{sc: report.StoredClaim{ID: id, ReportID: meta.ID}, meta: meta}
	if bytes.Contains(doc, []byte("\ufffd")) || bytes.ContainsRune(doc, utf8.RuneError) {
		if err := json.Unmarshal(doc, &cc.sc.Claim); err != nil {
			return cachedClaim{}, nil, fmt.Errorf("decode claim %s: %w", id, err)
		}
	} else {
		cc.sc.Claim = cloneClaim(c) // the caller may reuse what it passed in
	}
	return cc, doc, nil
}

// insertClaim stores the i-th claim of a report, linked to its event and
// story (storyRID nil for none), and returns its rid.
func insertClaim(ctx context.Context, tx *wtx, meta cluster.ReportMeta, reportRID int64, i int, c report.Claim, doc []byte, eventRID int64, storyRID any) (int64, error) {
	var country, lat, lon any
	if c.Location != nil {
		country, lat, lon = nullIfEmpty(c.Location.Country), c.Location.Lat, c.Location.Lon
	}
	var crid int64
	err := tx.QueryRowContext(ctx, `INSERT INTO claims
		(id, report_rid, idx, event_type, sub_event_type, action, stage, certainty, actor1_id, actor2_id,
		 country, lat, lon, date_key, host_consent, event_rid, story_rid, doc)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
		ClaimID(meta.ID, i), reportRID, i, c.EventType, c.SubEventType, c.Action, string(c.Stage), string(c.Certainty),
		actorID(c.Actor1), actorID(c.Actor2), country, lat, lon, claimDateKey(c, meta.Published), c.HostConsent,
		eventRID, storyRID, string(doc)).Scan(&crid)
	if err != nil {
		return 0, fmt.Errorf("insert claim %d: %w", i, err)
	}
	return crid, nil
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func actorID(a *report.Actor) any {
	if a == nil || a.ID == "" {
		return nil
	}
	return a.ID
}

// claimDateKey is the date a claim sorts and filters on: its start, its
// end, else the report's publication date, else "" (unknown).
func claimDateKey(c report.Claim, published *string) string {
	switch {
	case c.Date.Start != nil && *c.Date.Start != "":
		return *c.Date.Start
	case c.Date.End != nil && *c.Date.End != "":
		return *c.Date.End
	case published != nil:
		return *published
	}
	return ""
}

func nullString(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	v := s.String
	return &v
}
