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
	"log/slog"
	"strings"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/strikewatch/strikewatch/internal/postgres/pgmigrate"
	"github.com/strikewatch/strikewatch/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

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

// component names the store's migrations in schema_version.
const component = "store"

// migrations lists the store's embedded migrations in order.
func migrations() ([]pgmigrate.Migration, error) { return pgmigrate.Load(migrationFS, "migrations") }

// migrate brings the store's tables up to date.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if err := pgmigrate.Apply(ctx, db.pool, component, ms, db.log); err != nil {
		if errors.Is(err, pgmigrate.ErrNoSchema) {
			return fmt.Errorf("%w: %w", err, store.ErrInvalid)
		}
		return err
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	return pgmigrate.Version(ctx, db.pool, component)
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
