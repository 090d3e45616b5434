package postgres

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/strikewatch/strikewatch/internal/cluster"
	"github.com/strikewatch/strikewatch/internal/dedup"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// querier is what both a pool and a transaction offer.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// maxAttempts bounds how often AddExtraction runs its transaction again
// after the server aborted it to break a deadlock.
const maxAttempts = 5

// AddExtraction stores a report, its places and claims in one transaction.
// Adding a report id that is already stored changes nothing and returns
// New=false with what was stored before. Concurrent calls, from any
// number of processes, are safe: see lockSet.
func (db *DB) AddExtraction(ctx context.Context, ex report.Extraction, src store.Source) (store.AddResult, error) {
	if err := validateExtraction(ex); err != nil {
		return store.AddResult{}, err
	}
	in, err := prepare(ex, src)
	if err != nil {
		return store.AddResult{}, fmt.Errorf("add report %s: %w", ex.Report.ID, err)
	}
	for attempt := 1; ; attempt++ {
		res, err := db.addOnce(ctx, in)
		if err == nil {
			return res, nil
		}
		if !retryable(err) || attempt == maxAttempts || ctx.Err() != nil {
			return store.AddResult{}, fmt.Errorf("add report %s: %w", ex.Report.ID, err)
		}
		db.log.Debug("retrying add after a deadlock", "report", ex.Report.ID, "attempt", attempt, "err", err)
	}
}

func (db *DB) addOnce(ctx context.Context, in *prepared) (store.AddResult, error) {
	c, err := db.pool.Acquire(ctx)
	if err != nil {
		return store.AddResult{}, fmt.Errorf("connect: %w", err)
	}
	// A connection given back inside a transaction (after an error) is
	// closed by the pool, not reused: the server rolls back.
	defer c.Release()
	p := &pipe{conn: c.Conn()}
	// Rollback and commit must reach the server even when ctx ends now:
	// a commit cut off after it was sent would report failure for rows
	// that are stored.
	bg := context.WithoutCancel(ctx)
	res, write, err := addExtraction(ctx, p, in)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil || !write {
		p.pending = nil
		if _, rerr := p.conn.Exec(bg, "ROLLBACK"); rerr != nil && err == nil {
			err = fmt.Errorf("rollback: %w", rerr)
		}
		return res, err
	}
	if err := p.exec(bg, "COMMIT"); err != nil {
		return store.AddResult{}, fmt.Errorf("commit: %w", err)
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

// prepared is an extraction with everything computed that needs no
// database, so that the transaction holds its locks for less time.
type prepared struct {
	ex        report.Extraction
	src       store.Source
	sig       []byte
	bands     []int64
	signature dedup.Signature
	tsv       string
	claimDocs []string
	locks     []lockKey
	storyKeys []string // distinct, in claim order
}

func prepare(ex report.Extraction, src store.Source) (*prepared, error) {
	p := &prepared{ex: ex, src: src}
	p.signature = dedup.Sign(ex.Report.Text)
	for _, b := range dedup.Bands(p.signature) {
		p.bands = append(p.bands, int64(b)) // the bits are what matter
	}
	var err error
	if p.sig, err = p.signature.MarshalBinary(); err != nil {
		return nil, fmt.Errorf("encode signature: %w", err)
	}
	title := ""
	if ex.Report.Title != nil {
		title = *ex.Report.Title
	}
	p.tsv = tsvector(title, ex.Report.Text)
	for i, c := range ex.Claims {
		doc, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("encode claim %d: %w", i, err)
		}
		p.claimDocs = append(p.claimDocs, string(doc))
	}
	p.locks = lockSet(ex, p.bands)
	seen := map[string]bool{}
	for _, c := range ex.Claims {
		if key, ok := cluster.StoryKey(c); ok && !seen[key] {
			seen[key] = true
			p.storyKeys = append(p.storyKeys, key)
		}
	}
	return p, nil
}

// lockKey is a transaction advisory lock, shared or exclusive.
type lockKey struct {
	key       int64
	exclusive bool
}

func lockHash(parts ...string) int64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return int64(h.Sum64())
}

// lockSet lists the advisory locks an extraction's transaction takes
// before it reads anything, sorted by key so that two transactions never
// wait on each other in a cycle. They serialise exactly the decisions that
// read what a concurrent writer might be about to write:
//   - the report id (is it stored?) and its URL (the previous version);
//   - each LSH band of its text (is it a copy?): two near-duplicates share
//     a band;
//   - each story key (the story row and its history);
//   - event assignment, hierarchically: a claim with an action class and a
//     country locks (class, country) exclusively and its class and the
//     whole space shared; a claim without a country can join an event of
//     any country of its class, so it locks the class exclusively; a claim
//     without a class can join any event and locks the whole space.
//
// Two claims of one event always contend for one of these locks, so the
// second sees the event the first made. The events a claim joins are also
// row-locked (FOR UPDATE) before they are merged again.
func lockSet(ex report.Extraction, bands []int64) []lockKey {
	m := map[int64]bool{}
	add := func(k int64, exclusive bool) { m[k] = m[k] || exclusive }
	r := ex.Report
	add(lockHash("report", r.ID), true)
	if r.URL != nil && *r.URL != "" {
		add(lockHash("url", *r.URL), true)
	}
	for _, b := range bands {
		var buf [8]byte
		binary.LittleEndian.PutUint64(buf[:], uint64(b))
		add(lockHash("band", string(buf[:])), true)
	}
	for _, c := range ex.Claims {
		if key, ok := cluster.StoryKey(c); ok {
			add(lockHash("story", key), true)
		}
		class := cluster.ActionClass(c.Action)
		country := ""
		if c.Location != nil {
			country = c.Location.Country
		}
		switch {
		case class == "":
			add(lockHash("events"), true)
		case country == "":
			add(lockHash("events"), false)
			add(lockHash("events", class), true)
		default:
			add(lockHash("events"), false)
			add(lockHash("events", class), false)
			add(lockHash("events", class, country), true)
		}
	}
	out := make([]lockKey, 0, len(m))
	for k, x := range m {
		out = append(out, lockKey{k, x})
	}
	slices.SortFunc(out, func(a, b lockKey) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}

// copyCandidate is a stored report sharing a signature band.
type copyCandidate struct {
	id          string
	url, copyOf *string
	sig         []byte
}

// addExtraction runs the transaction; write is false when there is
// nothing to commit (the report was stored before).
func addExtraction(ctx context.Context, p *pipe, in *prepared) (res store.AddResult, write bool, err error) {
	r := in.ex.Report
	res = store.AddResult{ReportID: r.ID}

	// Round trip 1: begin, take the locks (in order: the statements of a
	// batch run one after another), then read all that the decisions need:
	// is the report stored, its URL's last version, its copy candidates,
	// and its stories (created empty when new; undone if the report turns
	// out to be stored).
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	for _, l := range in.locks {
		if l.exclusive {
			b.Queue(`SELECT pg_advisory_xact_lock($1)`, l.key)
		} else {
			b.Queue(`SELECT pg_advisory_xact_lock_shared($1)`, l.key)
		}
	}
	b.Queue(`SELECT r.rid, r.copy_of, r.prev_version,
		(SELECT u.id FROM reports u WHERE u.url = $2 ORDER BY u.rid DESC LIMIT 1)
		FROM (SELECT 1) one LEFT JOIN reports r ON r.id = $1`, r.ID, r.URL)
	if len(in.bands) > 0 {
		b.Queue(`SELECT r.id, coalesce(o.url, r.url), r.copy_of, r.signature FROM reports r
			LEFT JOIN reports o ON o.id = r.copy_of
			WHERE r.rid IN (SELECT report_rid FROM report_bands WHERE band = ANY($1))
			ORDER BY r.rid`, in.bands)
	}
	for _, key := range in.storyKeys {
		queueStory(b, key)
	}
	br, err := p.send(ctx, b)
	if err != nil {
		return res, false, fmt.Errorf("begin: %w", err)
	}
	var (
		rid          *int64
		copyOf, prev *string
		lastAtURL    *string
		cands        []copyCandidate
		stories      = map[string]*storyState{}
	)
	err = func() error {
		defer br.Close()
		for range 1 + len(in.locks) {
			if _, err := br.Exec(); err != nil {
				return fmt.Errorf("take locks: %w", err)
			}
		}
		if err := br.QueryRow().Scan(&rid, &copyOf, &prev, &lastAtURL); err != nil {
			return fmt.Errorf("look up report: %w", err)
		}
		if len(in.bands) > 0 {
			rows, err := br.Query()
			if err != nil {
				return fmt.Errorf("find copy candidates: %w", err)
			}
			for rows.Next() {
				var c copyCandidate
				if err := rows.Scan(&c.id, &c.url, &c.copyOf, &c.sig); err != nil {
					rows.Close()
					return fmt.Errorf("read copy candidate: %w", err)
				}
				cands = append(cands, c)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("read copy candidates: %w", err)
			}
		}
		for _, key := range in.storyKeys {
			st, err := scanStory(br, key)
			if err != nil {
				return err
			}
			stories[key] = st
		}
		return br.Close()
	}()
	if err != nil {
		return res, false, err
	}
	if rid != nil {
		res.CopyOf, res.PrevVersion = copyOf, prev
		res, err = existing(ctx, p, res, *rid)
		return res, false, err
	}
	res.New = true
	if r.URL != nil && *r.URL != "" {
		res.PrevVersion = lastAtURL
	}
	if res.CopyOf, err = pickOriginal(r, in.signature, cands); err != nil {
		return res, false, err
	}

	// The text lives in its own column (for search); copy_of is the
	// store's decision, not the caller's.
	doc := r
	doc.Text = ""
	doc.CopyOf = res.CopyOf
	docJSON, err := json.Marshal(doc)
	if err != nil {
		return res, false, fmt.Errorf("encode report: %w", err)
	}
	var fetched *time.Time
	if !in.src.FetchedAt.IsZero() {
		t := in.src.FetchedAt.UTC()
		fetched = &t
	}
	// Round trip 2: the report, then its places, bands and claims, which
	// find its row id by its id.
	b = &pgx.Batch{}
	b.Queue(`INSERT INTO reports
		(id, url, outlet, title, published, language, copy_of, prev_version, source_name, fetched_at, signature, doc, text, tsv)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::tsvector) RETURNING rid`,
		r.ID, r.URL, r.Outlet, r.Title, r.Published, r.Language, res.CopyOf, res.PrevVersion,
		in.src.Name, fetched, in.sig, string(docJSON), r.Text, in.tsv)
	if len(r.Places) > 0 {
		queuePlaces(b, r.ID, r.Places)
	}
	if len(in.bands) > 0 {
		b.Queue(`INSERT INTO report_bands (band, report_rid)
			SELECT DISTINCT b, (SELECT rid FROM reports WHERE id = $1) FROM unnest($2::bigint[]) b`, r.ID, in.bands)
	}
	if len(in.ex.Claims) > 0 {
		queueClaims(b, r, in.ex.Claims, in.claimDocs)
	}
	br, err = p.send(ctx, b)
	if err != nil {
		return res, false, fmt.Errorf("insert report: %w", err)
	}
	var reportRID int64
	err = br.QueryRow().Scan(&reportRID)
	if err == nil && len(r.Places) > 0 {
		_, err = br.Exec()
	}
	if err == nil && len(in.bands) > 0 {
		_, err = br.Exec()
	}
	claimRIDs := make([]int64, len(in.ex.Claims))
	if err == nil && len(in.ex.Claims) > 0 {
		var rows pgx.Rows
		if rows, err = br.Query(); err == nil {
			for rows.Next() {
				var crid int64
				var idx int
				if err = rows.Scan(&crid, &idx); err != nil {
					break
				}
				claimRIDs[idx] = crid
			}
			rows.Close()
			if err == nil {
				err = rows.Err()
			}
		}
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, false, fmt.Errorf("insert report: %w", err)
	}
	for i := range in.ex.Claims {
		res.ClaimIDs = append(res.ClaimIDs, ClaimID(r.ID, i))
	}
	meta := cluster.ReportMeta{ID: r.ID, URL: r.URL, Outlet: r.Outlet, Published: r.Published, CopyOf: res.CopyOf}
	if err := assign(ctx, p, meta, in.ex.Claims, res.ClaimIDs, claimRIDs, stories, in.storyKeys, &res); err != nil {
		return res, false, err
	}
	return res, true, nil
}

func queuePlaces(b *pgx.Batch, reportID string, places []report.Place) {
	n := len(places)
	var (
		idx, start, end, geo      = make([]int32, n), make([]int32, n), make([]int32, n), make([]int32, n)
		pkey, text, name, country = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		admin1, admin2, feature   = make([]string, n), make([]string, n), make([]string, n)
		lat, lon                  = make([]float64, n), make([]float64, n)
		population                = make([]int64, n)
	)
	for i, p := range places {
		idx[i], start[i], end[i], geo[i] = int32(i), int32(p.Start), int32(p.End), int32(p.GeonamesID)
		pkey[i], text[i], name[i], country[i] = placeKey(p), p.Text, p.Name, p.Country
		admin1[i], admin2[i], feature[i] = p.Admin1, p.Admin2, p.Feature
		lat[i], lon[i], population[i] = p.Lat, p.Lon, int64(p.Population)
	}
	b.Queue(`INSERT INTO report_places
		(report_rid, idx, pkey, text, start_at, end_at, name, geonames_id, lat, lon, country, admin1, admin2, feature, population)
		SELECT (SELECT rid FROM reports WHERE id = $1), * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[],
			$7::text[], $8::int[], $9::float8[], $10::float8[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[])`,
		reportID, idx, pkey, text, start, end, name, geo, lat, lon, country, admin1, admin2, feature, population)
}

func queueClaims(b *pgx.Batch, r report.Report, claims []report.Claim, docs []string) {
	n := len(claims)
	var (
		ids, eventType, subType, action = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		stage, certainty, dateKey       = make([]string, n), make([]string, n), make([]string, n)
		consent                         = make([]string, n)
		actor1, actor2, country         = make([]*string, n), make([]*string, n), make([]*string, n)
		lat, lon                        = make([]*float64, n), make([]*float64, n)
		idx                             = make([]int32, n)
	)
	for i, c := range claims {
		ids[i], idx[i] = ClaimID(r.ID, i), int32(i)
		eventType[i], subType[i], action[i] = c.EventType, c.SubEventType, c.Action
		stage[i], certainty[i], dateKey[i], consent[i] = string(c.Stage), string(c.Certainty), claimDateKey(c, r.Published), c.HostConsent
		actor1[i], actor2[i] = actorID(c.Actor1), actorID(c.Actor2)
		if l := c.Location; l != nil {
			country[i], lat[i], lon[i] = nonEmpty(l.Country), &l.Lat, &l.Lon
		}
	}
	b.Queue(`INSERT INTO claims
		(report_rid, id, idx, event_type, sub_event_type, action, stage, certainty, actor1_id, actor2_id,
		 country, lat, lon, date_key, host_consent, doc)
		SELECT (SELECT rid FROM reports WHERE id = $1), * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[],
			$7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::float8[], $13::float8[], $14::text[], $15::text[], $16::text[])
		RETURNING rid, idx`,
		r.ID, ids, idx, eventType, subType, action, stage, certainty, actor1, actor2, country, lat, lon, dateKey, consent, docs)
}

// pickOriginal returns the id of the earliest stored report that text is
// a syndicated copy of (following a copy to its original), or nil, from
// the candidates sharing a band, in storage order. Versions at the same
// URL are not copies: they are linked by PrevVersion instead, so an
// original at the report's own URL (or a copy of one) is skipped.
func pickOriginal(r report.Report, sig dedup.Signature, cands []copyCandidate) (*string, error) {
	for _, c := range cands {
		if r.URL != nil && c.url != nil && *c.url == *r.URL {
			continue
		}
		var other dedup.Signature
		if err := other.UnmarshalBinary(c.sig); err != nil {
			return nil, fmt.Errorf("report %s: %w", c.id, err)
		}
		if !dedup.IsCopy(sig, other) {
			continue
		}
		id := c.id
		if c.copyOf != nil {
			id = *c.copyOf
		}
		return &id, nil
	}
	return nil, nil
}

// existing fills the result for a report that is already stored.
func existing(ctx context.Context, p *pipe, res store.AddResult, rid int64) (store.AddResult, error) {
	rows, done, err := p.query(ctx, `SELECT c.id, e.id FROM claims c LEFT JOIN events e ON e.rid = c.event_rid
		WHERE c.report_rid = $1 ORDER BY c.idx`, rid)
	if err != nil {
		return res, fmt.Errorf("read stored claims: %w", err)
	}
	defer done()
	seen := map[string]bool{}
	for rows.Next() {
		var (
			id string
			ev *string
		)
		if err := rows.Scan(&id, &ev); err != nil {
			return res, fmt.Errorf("read stored claims: %w", err)
		}
		res.ClaimIDs = append(res.ClaimIDs, id)
		if ev != nil && !seen[*ev] {
			seen[*ev] = true
			res.EventIDs = append(res.EventIDs, *ev)
		}
	}
	if err := done(); err != nil {
		return res, fmt.Errorf("read stored claims: %w", err)
	}
	return res, nil
}

// placeKey groups mentions of one place: its GeoNames id when it has one,
// else its name, country and coordinates (as the SQLite backend does).
func placeKey(p report.Place) string {
	if p.GeonamesID > 0 {
		return "g" + strconv.Itoa(p.GeonamesID)
	}
	return fmt.Sprintf("n%s|%s|%.4f|%.4f", p.Country, p.Name, p.Lat, p.Lon)
}

// ClaimID is the id of the i-th claim of a report, as in every backend.
func ClaimID(reportID string, i int) string { return reportID + "-" + strconv.Itoa(i) }

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func actorID(a *report.Actor) *string {
	if a == nil || a.ID == "" {
		return nil
	}
	return &a.ID
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

// errNoRows tells "none" from a failure.
func errNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
