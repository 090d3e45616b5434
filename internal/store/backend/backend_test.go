package backend

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/strikewatch/strikewatch/internal/postgres"
	"github.com/strikewatch/strikewatch/internal/postgres/pgtest"
	"github.com/strikewatch/strikewatch/internal/store"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		dsn     string
		wantErr error // nil: opens
	}{
		{"plain path", filepath.Join(dir, "a.db"), nil},
		{"path with query-like characters", filepath.Join(dir, "b?x=1#frag.db"), nil},
		{"file URI", "file:" + (&url.URL{Path: filepath.Join(dir, "c.db")}).EscapedPath(), nil},
		{"file URI with options", "file:" + (&url.URL{Path: filepath.Join(dir, "d.db")}).EscapedPath() + "?cache=private", nil},
		{"malformed postgres URL", "postgres://user@localhost:port/strikewatch", store.ErrInvalid},
		{"malformed postgresql URL", "postgresql://localhost/db?connect_timeout=never", store.ErrInvalid},
		{"unknown scheme", "mysql://localhost/db", store.ErrInvalid},
		{"empty", "", store.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(context.Background(), tc.dsn, nil)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Open(%q) error = %v, want %v", tc.dsn, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open(%q): %v", tc.dsn, err)
			}
			st, err := s.Stats(context.Background())
			if err != nil || st != (store.Stats{}) {
				t.Errorf("Stats = %+v, %v; want an empty store", st, err)
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
	// The path with '?' must have made a file of exactly that name.
	if m, _ := filepath.Glob(filepath.Join(dir, "b?x=1#frag.db")); len(m) != 1 {
		t.Errorf("file with '?' in its name not created: %v", m)
	}
}

// TestOpenPostgres opens a postgres:// URL through the dispatch.
func TestOpenPostgres(t *testing.T) {
	s, err := Open(context.Background(), pgtest.Schema(t), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if _, ok := s.(*postgres.DB); !ok {
		t.Errorf("Open(postgres://…) = %T, want *postgres.DB", s)
	}
	if st, err := s.Stats(context.Background()); err != nil || st != (store.Stats{}) {
		t.Errorf("Stats = %+v, %v; want an empty store", st, err)
	}
}
