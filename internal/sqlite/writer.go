package sqlite

import (
	"container/list"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/strikewatch/strikewatch/internal/cluster"
	"github.com/strikewatch/strikewatch/internal/report"
)

// Cache sizes: decoded rows kept between transactions, the recent events,
// claims and stories, which is where new reports land. Full, they hold
// about 50 MiB (measured on the varied benchmark stream).
const (
	cacheEvents  = 8192
	cacheClaims  = 16384
	cacheStories = 2048
)

// writer is the write side of a DB: one connection held for good, the
// statements prepared on it, and what AddExtraction decoded in earlier
// transactions. Decoding JSON and compiling SQL were most of the cost of
// adding a report; both are now done once.
//
// The caches are only read and written inside a write transaction, under
// mu. They stay true because every change to these tables in this process
// goes through this connection and updates them, a transaction that fails
// empties them (its rows, and the row ids it used, are gone), and PRAGMA
// data_version, read at the start of each transaction, tells when another
// connection (another process) has committed, which empties them too.
type writer struct {
	mu          sync.Mutex
	conn        *sql.Conn
	stmts       map[string]*sql.Stmt
	dataVersion int64

	events  *lru[int64, cachedEvent]  // by events.rid, as last merged
	claims  *lru[int64, cachedClaim]  // by claims.rid; claims never change
	stories *lru[string, cachedStory] // by story key
}

// cachedEvent is an event as last merged, with the rids of its claims in
// order when known (nil when they must be read).
type cachedEvent struct {
	ev     report.Event
	claims []int64
	cols   *eventCols // its columns as stored, nil when unknown
}

// cachedClaim is a stored claim (without its event and story ids, which
// change) with its report's metadata, which does not.
type cachedClaim struct {
	sc   report.StoredClaim
	meta cluster.ReportMeta
}

// cachedStory is a story row as stored, with the lists it is built from.
type cachedStory struct {
	rid   int64
	story report.Story
	doc   []byte // its document as stored
	lists storyLists
}

func newWriter(conn *sql.Conn) *writer {
	return &writer{
		conn:    conn,
		stmts:   map[string]*sql.Stmt{},
		events:  newLRU[int64, cachedEvent](cacheEvents),
		claims:  newLRU[int64, cachedClaim](cacheClaims),
		stories: newLRU[string, cachedStory](cacheStories),
	}
}

// purge forgets every decoded row.
func (w *writer) purge() {
	w.events.clear()
	w.claims.clear()
	w.stories.clear()
}

// stmt returns the statement for query, preparing it on first use.
func (w *writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := w.stmts[query]; ok {
		return s, nil
	}
	s, err := w.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = s
	return s, nil
}

// close releases the statements and the connection.
func (w *writer) close() error {
	var errs []error
	for _, s := range w.stmts {
		errs = append(errs, s.Close())
	}
	w.stmts = nil
	errs = append(errs, w.conn.Close())
	return errors.Join(errs...)
}

// begin starts an immediate transaction (taking the write lock now, so
// that writers in other processes queue on the busy timeout instead of
// deadlocking on a lock upgrade) and drops the caches if another
// connection has committed since this one last looked.
func (w *writer) begin(ctx context.Context) (*wtx, error) {
	if _, err := w.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		// A cancelled context may have been seen after BEGIN ran: make
		// sure the connection is not left inside a transaction.
		w.conn.ExecContext(context.Background(), "ROLLBACK")
		return nil, fmt.Errorf("begin: %w", err)
	}
	tx := &wtx{w: w}
	var v int64
	if err := tx.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		tx.rollback()
		return nil, fmt.Errorf("begin: data version: %w", err)
	}
	if v != w.dataVersion {
		w.purge()
		w.dataVersion = v
	}
	return tx, nil
}

// wtx is a write transaction on the writer's connection. It has the
// query methods of *sql.Tx, run through prepared statements.
type wtx struct {
	w    *writer
	done bool
}

// ExecContext runs a statement.
func (t *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := t.w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

// QueryContext runs a query.
func (t *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := t.w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

// QueryRowContext runs a query of one row; errors show at Scan.
func (t *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *row {
	s, err := t.w.stmt(ctx, query)
	if err != nil {
		return &row{err: err}
	}
	return &row{row: s.QueryRowContext(ctx, args...)}
}

// row is a *sql.Row or the error of preparing it.
type row struct {
	row *sql.Row
	err error
}

// Scan copies the row's columns into dest, as (*sql.Row).Scan.
func (r *row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.row.Scan(dest...)
}

// commit ends the transaction; on failure it rolls back. A context
// cancelled before the commit rolls back, as (*sql.Tx).Commit does; the
// commit itself is not interrupted, so that its error tells the truth.
func (t *wtx) commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		t.rollback()
		return err
	}
	if _, err := t.w.conn.ExecContext(context.WithoutCancel(ctx), "COMMIT"); err != nil {
		t.rollback()
		return err
	}
	t.done = true
	return nil
}

// rollback undoes the transaction (a no-op after commit) and, since the
// caches may hold its rows, empties them. It runs even when the context
// is cancelled: the connection must not stay inside a transaction.
func (t *wtx) rollback() {
	if t.done {
		return
	}
	t.done = true
	// SQLite may already have rolled back (an interrupted statement does);
	// the error then says there is no transaction, which is what we want.
	t.w.conn.ExecContext(context.Background(), "ROLLBACK")
	t.w.purge()
}

// lru is a map that keeps its most recently used max entries.
type lru[K comparable, V any] struct {
	max int
	ll  *list.List
	m   map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	k K
	v V
}

func newLRU[K comparable, V any](max int) *lru[K, V] {
	return &lru[K, V]{max: max, ll: list.New(), m: map[K]*list.Element{}}
}

func (c *lru[K, V]) get(k K) (V, bool) {
	if e, ok := c.m[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*lruEntry[K, V]).v, true
	}
	var zero V
	return zero, false
}

func (c *lru[K, V]) put(k K, v V) {
	if e, ok := c.m[k]; ok {
		e.Value.(*lruEntry[K, V]).v = v
		c.ll.MoveToFront(e)
		return
	}
	c.m[k] = c.ll.PushFront(&lruEntry[K, V]{k, v})
	if c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.m, old.Value.(*lruEntry[K, V]).k)
	}
}

func (c *lru[K, V]) clear() {
	c.ll.Init()
	clear(c.m)
}
