// Package backend opens the storage backend a database name points at.
// It lives apart from package store because every backend imports store
// for its types, so store itself cannot import the backends.
package backend

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/strikewatch/strikewatch/internal/postgres"
	"github.com/strikewatch/strikewatch/internal/sqlite"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Open opens the store named by dsn: a plain file path or a "file:" URI is
// an embedded SQLite database (created if missing, schema migrated); a
// "postgres://" or "postgresql://" URL is PostgreSQL.
func Open(ctx context.Context, dsn string, log *slog.Logger) (store.Store, error) {
	switch {
	case postgres.IsURL(dsn):
		db, err := postgres.Open(ctx, dsn, log)
		if err != nil {
			return nil, err
		}
		return db, nil
	case strings.Contains(dsn, "://"):
		scheme, _, _ := strings.Cut(dsn, "://")
		return nil, fmt.Errorf("open database: unknown scheme %q (want a file path, file: or postgres://): %w", scheme, store.ErrInvalid)
	}
	db, err := sqlite.Open(ctx, dsn, log)
	if err != nil {
		return nil, err
	}
	return db, nil
}
