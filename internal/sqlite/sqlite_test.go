package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/storetest"
)

// openTemp opens a fresh database in a temporary folder, closed (and
// integrity-checked) when the test ends.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.IntegrityCheck(context.Background()); err != nil {
			t.Errorf("integrity: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}
