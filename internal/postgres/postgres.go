// Package postgres is the PostgreSQL storage backend: pgx through a
// connection pool, numbered migrations embedded in the binary, and
// full-text search with a tsvector column under a GIN index. It
// implements store.Store with the same data model as the SQLite backend
// and is safe for many processes writing at once: AddExtraction takes
// transaction-scoped advisory locks so that two workers storing reports
// of one event at the same moment still make one event.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/strikewatch/strikewatch/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Log field names.
const (
	logVersion = "schema_version"
	logSchema  = "schema"
)

// DB is a PostgreSQL-backed store.Store.
type DB struct {
	pool  *pgxpool.Pool
	log   *slog.Logger
	trips *tripCounter
}

var _ store.Store = (*DB)(nil)

// Options tunes Open; the zero value is fine.
type Options struct {
	// MaxConns caps the pool (default: pgxpool's, the larger of 4 and the
	// number of CPUs).
	MaxConns int32
}

// IsURL reports whether dsn names a PostgreSQL database.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the PostgreSQL database named by url (postgres:// or
// postgresql://; a search_path parameter picks the schema) and brings its
// schema up to date. A malformed URL is store.ErrInvalid.
func Open(ctx context.Context, url string, log *slog.Logger) (*DB, error) {
	return OpenWith(ctx, url, log, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, url string, log *slog.Logger, o Options) (*DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The parse error may quote the password; say only what is wrong.
		return nil, fmt.Errorf("open postgres database: malformed URL: %w", store.ErrInvalid)
	}
	if o.MaxConns > 0 {
		cfg.MaxConns = o.MaxConns
	}
	trips := &tripCounter{}
	cfg.ConnConfig.Tracer = trips
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres database %s: %w", redact(cfg), err)
	}
	db := &DB{pool: pool, log: log, trips: trips}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres database %s: %w", redact(cfg), err)
	}
	return db, nil
}

// redact names a database without its password.
func redact(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
}

// Pool exposes the connection pool, for the job queue that shares the
// database.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// RoundTrips returns how many requests this store has sent to the server
// and waited on: queries, batches (one each, however many statements) and
// statement preparations. Begin and commit count as queries.
func (db *DB) RoundTrips() int64 { return db.trips.n.Load() }

// tripCounter is a pgx tracer that counts round trips.
type tripCounter struct{ n atomic.Int64 }

func (t *tripCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	t.n.Add(1)
	return ctx
}

func (t *tripCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (t *tripCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	t.n.Add(1)
	return ctx
}

func (t *tripCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

func (t *tripCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (t *tripCounter) TracePrepareStart(ctx context.Context, _ *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	t.n.Add(1)
	return ctx
}

func (t *tripCounter) TracePrepareEnd(context.Context, *pgx.Conn, pgx.TracePrepareEndData) {}

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

// migrateLockSQL takes a session advisory lock keyed by the schema, so
// that processes starting at once against one new database migrate it one
// after the other, and those in other schemas do not wait.
const migrateLockSQL = `SELECT pg_advisory_lock(hashtextextended('strikewatch migrate ' || current_schema(), 0))`

// migrate applies every migration newer than schema_version says, each in
// its own transaction, holding the migration lock throughout.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	var schema *string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if schema == nil {
		return fmt.Errorf("no schema to create tables in (check search_path): %w", store.ErrInvalid)
	}
	if _, err := conn.Exec(ctx, migrateLockSQL); err != nil {
		return fmt.Errorf("take migration lock: %w", err)
	}
	defer func() {
		// A failed unlock (a dead connection) releases the lock anyway.
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock_all()`)
	}()
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	for _, m := range ms {
		applied, err := applyMigration(ctx, conn.Conn(), m)
		if err != nil {
			return err
		}
		if applied {
			db.log.Info("migrated database", logSchema, *schema, logVersion, m.version)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, conn *pgx.Conn, m migration) (bool, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("migration %s: begin: %w", m.name, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // no-op after Commit
	var cur int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&cur); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if cur >= m.version {
		return false, nil
	}
	if cur != m.version-1 {
		return false, fmt.Errorf("migration %s: database at version %d", m.name, cur)
	}
	// Simple protocol: a migration is many statements in one string.
	if _, err := tx.Exec(ctx, m.sql, pgx.QueryExecModeSimpleProtocol); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, m.version); err != nil {
		return false, fmt.Errorf("migration %s: record version: %w", m.name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return true, nil
}

// SchemaVersion returns the number of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// Close closes every connection.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.pool.QueryRow(ctx, `SELECT
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

// retryable reports whether a transaction failed only because it lost a
// race the server detected (deadlock, serialization failure) and can run
// again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}
