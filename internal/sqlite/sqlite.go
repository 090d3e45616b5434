// Package sqlite is the embedded storage backend: a single SQLite file
// through the pure-Go modernc.org/sqlite driver, in WAL mode with foreign
// keys on, numbered migrations embedded in the binary, and FTS5 over report
// text. It implements store.Store.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/strikewatch/strikewatch/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Log field names.
const (
	logVersion = "schema_version"
	logPath    = "db"
)

// busyTimeoutMS is how long a connection waits for another process's lock
// before giving up; long enough for a checkpoint or a big ingest batch.
const busyTimeoutMS = 10000

// DB is a SQLite-backed store.Store. Writes go through one connection (so
// writers queue in process instead of failing on SQLITE_BUSY) and take the
// write lock at BEGIN (so writers in other processes queue on the busy
// timeout instead of deadlocking on a lock upgrade); reads use a pool.
type DB struct {
	w   *sql.DB // one connection, held by wr after Open
	wr  *writer // the write connection, its statements and caches
	r   *sql.DB // readers, query_only
	log *slog.Logger
	dsn string
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the SQLite database named by dsn — a
// plain file path or a "file:" URI — and brings its schema up to date.
func Open(ctx context.Context, dsn string, log *slog.Logger) (*DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	base, query, err := splitDSN(dsn)
	if err != nil {
		return nil, err
	}
	wq := cloneValues(query)
	addPragmas(wq, false)
	wq.Set("_txlock", "immediate") // for migrations; AddExtraction says BEGIN IMMEDIATE itself
	w, err := sql.Open("sqlite", base+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dsn, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	db := &DB{w: w, log: log, dsn: dsn}
	// The journal mode is persistent in the file; set it once, on the writer.
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: set WAL: %w", dsn, err)
	}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", dsn, err)
	}

	conn, err := w.Conn(ctx)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", dsn, err)
	}
	db.wr = newWriter(conn)

	rq := cloneValues(query)
	addPragmas(rq, true)
	r, err := sql.Open("sqlite", base+"?"+rq.Encode())
	if err != nil {
		db.wr.close()
		w.Close()
		return nil, fmt.Errorf("open %s: %w", dsn, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.r = r
	if err := r.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", dsn, err)
	}
	return db, nil
}

// splitDSN turns a plain path or a file: URI into a file: URI without its
// query, and that query. A plain path is escaped so that "?" or "#" in a
// file name stays part of the name.
func splitDSN(dsn string) (base string, q url.Values, err error) {
	if dsn == "" {
		return "", nil, fmt.Errorf("empty database name: %w", store.ErrInvalid)
	}
	if !strings.HasPrefix(dsn, "file:") {
		p := filepath.Clean(dsn)
		return "file:" + (&url.URL{Path: p}).EscapedPath(), url.Values{}, nil
	}
	base, raw, _ := strings.Cut(dsn, "?")
	q, err = url.ParseQuery(raw)
	if err != nil {
		return "", nil, fmt.Errorf("database URI %q: %v: %w", dsn, err, store.ErrInvalid)
	}
	return base, q, nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// addPragmas sets the per-connection settings every connection needs.
// synchronous=NORMAL is safe in WAL mode against process crashes (a power
// cut may lose the last commits, never corrupt the file).
func addPragmas(q url.Values, readOnly bool) {
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(busyTimeoutMS)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		return
	}
	// The writer's page cache holds the indexes new reports land in: with
	// the default 2 MiB it read them from the file again on most adds.
	q.Add("_pragma", "cache_size(-"+strconv.Itoa(writerCacheKiB)+")")
	q.Add("_pragma", "wal_autocheckpoint("+strconv.Itoa(walCheckpointPages)+")")
	// Statement journals (a multi-row insert has one) stay in memory
	// instead of spilling to a new temporary file past 64 KiB.
	q.Add("_pragma", "temp_store(MEMORY)")
}

// walCheckpointPages is how long the write-ahead log grows before the
// writer copies it into the database file. Each checkpoint syncs both
// files, and a page changed by many reports is copied once per checkpoint,
// so a longer log costs less per report than SQLite's 1,000 pages.
const walCheckpointPages = 10000

// writerCacheKiB is the write connection's page cache.
const writerCacheKiB = 32 << 10

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in order; names are
// NNNN_description.sql and numbers must run 1, 2, 3… without gaps.
func migrations() ([]migration, error) {
	ents, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range ents {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: want number %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies every migration newer than the schema_version table
// says, each in its own immediate transaction; the version is re-read
// inside the transaction so that two processes opening one new file at
// once do not both apply a step.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	for _, m := range ms {
		applied, err := db.applyMigration(ctx, m)
		if err != nil {
			return err
		}
		if applied {
			db.log.Info("migrated database", logPath, db.dsn, logVersion, m.version)
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, m migration) (applied bool, err error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migration %s: begin: %w", m.name, err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var cur int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&cur); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if cur >= m.version {
		return false, tx.Rollback()
	}
	if cur != m.version-1 {
		return false, fmt.Errorf("migration %s: database at version %d", m.name, cur)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, m.version); err != nil {
		return false, fmt.Errorf("migration %s: record version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return true, nil
}

// SchemaVersion returns the number of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.r.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// IntegrityCheck runs PRAGMA integrity_check and PRAGMA foreign_key_check
// and returns an error describing every problem they find.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := db.r.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check: %w", err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	fk, err := db.r.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := fk.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("%s row %d: missing %s", table, rowid.Int64, parent))
	}
	if err := fk.Err(); err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("database damaged: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Close checkpoints the write-ahead log into the database file and closes
// every connection.
func (db *DB) Close() error {
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	db.wr.mu.Lock()
	defer db.wr.mu.Unlock()
	if _, err := db.wr.conn.ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		errs = append(errs, fmt.Errorf("checkpoint: %w", err))
	}
	errs = append(errs, db.wr.close(), db.w.Close())
	return errors.Join(errs...)
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM reports),
		(SELECT count(*) FROM reports WHERE copy_of IS NOT NULL),
		(SELECT count(*) FROM claims),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM stories)`).Scan(&s.Reports, &s.Copies, &s.Claims, &s.Events, &s.Stories)
	if err != nil {
		return store.Stats{}, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}
