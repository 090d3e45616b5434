// Package pgmigrate applies numbered SQL migrations embedded in a binary
// to a PostgreSQL schema. Each component (the store, the job queue) keeps
// its own numbering in one schema_version table; a session advisory lock
// keyed by schema and component makes processes that start at once
// against a new database migrate it one after the other.
package pgmigrate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNoSchema is returned when the connection has no schema to create
// tables in (an empty or wrong search_path).
var ErrNoSchema = errors.New("no schema to create tables in (check search_path)")

// Migration is one numbered schema step.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Load reads the migrations in dir of files: names are
// NNNN_description.sql and numbers must run 1, 2, 3… without gaps.
func Load(files fs.FS, dir string) ([]Migration, error) {
	ents, err := fs.ReadDir(files, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []Migration
	for _, e := range ents {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be a positive number, '_' and a name ending in .sql", e.Name())
		}
		b, err := fs.ReadFile(files, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: want number %d", m.Name, i+1)
		}
	}
	return ms, nil
}

// Apply brings component's schema up to date: every migration newer than
// its recorded version runs in its own transaction, with the version
// recorded in the same transaction, all under the migration lock.
func Apply(ctx context.Context, pool *pgxpool.Pool, component string, ms []Migration, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	var schema *string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if schema == nil {
		return ErrNoSchema
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtextextended('strikewatch migrate ' || current_schema() || ' ' || $1, 0))`, component); err != nil {
		return fmt.Errorf("take migration lock: %w", err)
	}
	defer func() {
		// A failed unlock (a dead connection) releases the lock anyway.
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtextextended('strikewatch migrate ' || current_schema() || ' ' || $1, 0))`, component)
	}()
	// Two components may create the table at once: IF NOT EXISTS is not
	// safe against that, so a unique violation here means "created".
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		component text NOT NULL,
		version   integer NOT NULL,
		applied   timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (component, version))`); err != nil && !isUniqueViolation(err) {
		return fmt.Errorf("create schema_version: %w", err)
	}
	for _, m := range ms {
		applied, err := apply(ctx, conn.Conn(), component, m)
		if err != nil {
			return err
		}
		if applied {
			log.Info("migrated database", "schema", *schema, "component", component, "schema_version", m.Version)
		}
	}
	return nil
}

func apply(ctx context.Context, conn *pgx.Conn, component string, m Migration) (bool, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("migration %s: begin: %w", m.Name, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // no-op after Commit
	var cur int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version WHERE component = $1`, component).Scan(&cur); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if cur >= m.Version {
		return false, nil
	}
	if cur != m.Version-1 {
		return false, fmt.Errorf("migration %s: database at version %d", m.Name, cur)
	}
	// Simple protocol: a migration is many statements in one string.
	if _, err := tx.Exec(ctx, m.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version (component, version) VALUES ($1, $2)`, component, m.Version); err != nil {
		return false, fmt.Errorf("migration %s: record version: %w", m.Name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("migration %s: commit: %w", m.Name, err)
	}
	return true, nil
}

// Version returns the last migration applied for component (0: none).
func Version(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, component string) (int, error) {
	var v int
	if err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version WHERE component = $1`, component).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

func isUniqueViolation(err error) bool {
	var pe interface{ SQLState() string }
	return errors.As(err, &pe) && (pe.SQLState() == "23505" || pe.SQLState() == "42P07")
}
