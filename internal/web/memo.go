package web

import (
	"context"
	"sync"
	"time"
)

// memo keeps computed values for a short time, keyed by query. Computing
// a timeline walks every matching claim, and every list answer makes the
// store decode each item, while a dashboard asks for the same few views
// again and again.
//
//   - The first caller for a key computes; concurrent callers wait for it.
//   - A value older than the TTL is still served, and one background
//     refresh replaces it, so no caller waits for a recomputation.
//   - After invalidate (a write through the API) the next caller computes
//     afresh and waits, so a client sees its own write.
//
// Failures are not kept. Background refreshes belong to the memo: Close
// cancels them and waits.
type memo[T any] struct {
	ttl time.Duration
	max int // entries; past it the memo starts over

	ctx    context.Context // parent of background refreshes
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	gen     int // bumped by invalidate
	entries map[string]*memoEntry[T]
}

type memoEntry[T any] struct {
	ready      chan struct{} // closed once the first value (or error) is in
	val        T
	err        error
	at         time.Time
	gen        int
	refreshing bool
}

// backgroundKey marks the context of a background refresh (see inBackground).
type backgroundKey struct{}

// inBackground reports whether ctx belongs to a background refresh, which
// no client waits for and which may therefore go slowly to leave the CPU
// to requests.
func inBackground(ctx context.Context) bool {
	v, _ := ctx.Value(backgroundKey{}).(bool)
	return v
}

// refreshTimeout bounds one background recomputation.
const refreshTimeout = 5 * time.Minute

func newMemo[T any](ttl time.Duration, max int) *memo[T] {
	ctx, cancel := context.WithCancel(context.Background())
	return &memo[T]{ttl: ttl, max: max, ctx: ctx, cancel: cancel, entries: map[string]*memoEntry[T]{}}
}

// invalidate marks every entry out of date.
func (m *memo[T]) invalidate() {
	m.mu.Lock()
	m.gen++
	m.mu.Unlock()
}

// close stops background refreshes and waits for them.
func (m *memo[T]) close() {
	m.cancel()
	m.wg.Wait()
}

// get returns the value for key, computing it as the rules above say.
func (m *memo[T]) get(ctx context.Context, key string, compute func(context.Context) (T, error)) (T, error) {
	var zero T
	m.mu.Lock()
	e := m.entries[key]
	if e != nil && e.gen != m.gen && !e.refreshing {
		select {
		case <-e.ready:
			e = nil // written since: compute afresh, below
		default:
		}
	}
	if e == nil {
		if len(m.entries) >= m.max {
			m.entries = map[string]*memoEntry[T]{}
		}
		e = &memoEntry[T]{ready: make(chan struct{}), gen: m.gen}
		m.entries[key] = e
		m.mu.Unlock()
		val, err := compute(ctx)
		m.mu.Lock()
		e.val, e.err, e.at = val, err, time.Now()
		if err != nil && m.entries[key] == e {
			delete(m.entries, key)
		}
		m.mu.Unlock()
		close(e.ready)
		return val, err
	}
	m.mu.Unlock()

	select {
	case <-e.ready:
	case <-ctx.Done():
		return zero, ctx.Err()
	}
	if e.err != nil {
		return zero, e.err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if time.Since(e.at) > m.ttl && !e.refreshing && m.ctx.Err() == nil {
		e.refreshing = true
		gen := m.gen
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			rctx, cancel := context.WithTimeout(context.WithValue(m.ctx, backgroundKey{}, true), refreshTimeout)
			val, err := compute(rctx)
			cancel()
			m.mu.Lock()
			defer m.mu.Unlock()
			e.refreshing = false
			if err == nil {
				e.val, e.at, e.gen = val, time.Now(), gen
			}
		}()
	}
	return e.val, nil
}
