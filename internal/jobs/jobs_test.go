package jobs

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/strikewatch/strikewatch/internal/postgres/pgtest"
)

// openQueue opens a queue in a fresh schema.
func openQueue(t *testing.T, o Options) (*Queue, *pgxpool.Pool) {
	t.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	q, err := Open(ctx, pool, o)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return q, pool
}

func newJobs(n int, kind string) []NewJob {
	js := make([]NewJob, n)
	for i := range js {
		js[i] = NewJob{Kind: kind, Key: kind + strconv.Itoa(i), Payload: []byte(strconv.Itoa(i))}
	}
	return js
}

func TestEnqueueIdempotent(t *testing.T) {
	q, _ := openQueue(t, Options{})
	ctx := context.Background()
	cases := []struct {
		name string
		jobs []NewJob
		want int
	}{
		{"first", newJobs(1200, "a"), 1200},
		{"same keys again", newJobs(1200, "a"), 0},
		{"some new", newJobs(1300, "a"), 100},
		{"no keys are never duplicates", []NewJob{{Kind: "b"}, {Kind: "b"}}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := q.Enqueue(ctx, tc.jobs)
			if err != nil || n != tc.want {
				t.Errorf("Enqueue = %d, %v; want %d", n, err, tc.want)
			}
		})
	}
	c, err := q.Counts(ctx)
	if err != nil || c.Queued != 1302 {
		t.Errorf("counts = %+v, %v; want 1302 queued", c, err)
	}
}

// TestClaimDisjoint has many claimers drain a queue at once: each job is
// handed out exactly once.
func TestClaimDisjoint(t *testing.T) {
	q, _ := openQueue(t, Options{})
	ctx := context.Background()
	const n = 300
	if _, err := q.Enqueue(ctx, newJobs(n, "x")); err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		seen = map[int64]int{}
		wg   sync.WaitGroup
	)
	for w := range 6 {
		wg.Go(func() {
			for {
				js, err := q.Claim(ctx, fmt.Sprint("w", w), 1+w%3)
				if err != nil {
					t.Error(err)
					return
				}
				if len(js) == 0 {
					return
				}
				mu.Lock()
				for _, j := range js {
					seen[j.ID]++
					if j.State != Running || j.Attempts != 1 || j.LockedBy == nil || *j.LockedBy != fmt.Sprint("w", w) {
						t.Errorf("claimed job %+v", j)
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != n {
		t.Errorf("claimed %d distinct jobs, want %d", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("job %d claimed %d times", id, k)
		}
	}
}

func TestClaimKinds(t *testing.T) {
	q, _ := openQueue(t, Options{})
	ctx := context.Background()
	q.Enqueue(ctx, append(newJobs(3, "a"), newJobs(2, "b")...))
	js, err := q.Claim(ctx, "w", 10, "b")
	if err != nil || len(js) != 2 {
		t.Fatalf("Claim(b) = %d jobs, %v; want 2", len(js), err)
	}
	for _, j := range js {
		if j.Kind != "b" {
			t.Errorf("Claim(b) gave a %q job", j.Kind)
		}
	}
}

// TestFailures covers retry with backoff, dead after the last attempt, and
// permanent failures.
func TestFailures(t *testing.T) {
	q, _ := openQueue(t, Options{MaxAttempts: 3, BackoffBase: time.Hour, BackoffMax: 2 * time.Hour})
	ctx := context.Background()
	q.Enqueue(ctx, newJobs(2, "f"))
	js, err := q.Claim(ctx, "w", 2)
	if err != nil || len(js) != 2 {
		t.Fatalf("Claim = %v, %v", js, err)
	}
	cases := []struct {
		name string
		job  Job
		err  error
		want State
	}{
		{"passing fault is retried", js[0], errors.New("timeout"), Queued},
		{"permanent goes dead", js[1], Permanent(errors.New("bad input")), Dead},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := q.Fail(ctx, "w", tc.job, tc.err)
			if err != nil || s != tc.want {
				t.Errorf("Fail = %q, %v; want %q", s, err, tc.want)
			}
		})
	}
	// The retry waits for its backoff (at least half of an hour).
	if again, err := q.Claim(ctx, "w", 1); err != nil || len(again) != 0 {
		t.Errorf("claimed %d jobs during backoff, %v", len(again), err)
	}
	queued, _ := q.List(ctx, Queued, 10)
	if len(queued) != 1 || time.Until(queued[0].RunAt) < 29*time.Minute || *queued[0].LastError != "timeout" {
		t.Errorf("queued after failure: %+v", queued)
	}
	// Make it due, and fail it until it has used its attempts.
	for attempt := 2; attempt <= 3; attempt++ {
		q.pool.Exec(ctx, `UPDATE jobs SET run_at = now() WHERE state = 'queued'`)
		js, err := q.Claim(ctx, "w", 1)
		if err != nil || len(js) != 1 || js[0].Attempts != attempt {
			t.Fatalf("attempt %d: claimed %+v, %v", attempt, js, err)
		}
		s, err := q.Fail(ctx, "w", js[0], errors.New("timeout"))
		want := Queued
		if attempt == 3 {
			want = Dead
		}
		if err != nil || s != want {
			t.Errorf("attempt %d: Fail = %q, %v; want %q", attempt, s, err, want)
		}
	}
	dead, err := q.List(ctx, Dead, 10)
	if err != nil || len(dead) != 2 {
		t.Fatalf("dead = %v, %v; want 2", dead, err)
	}
	if n, err := q.RetryDead(ctx, dead[0].ID); err != nil || n != 1 {
		t.Errorf("RetryDead(one) = %d, %v", n, err)
	}
	if n, err := q.RetryDead(ctx); err != nil || n != 1 {
		t.Errorf("RetryDead(all) = %d, %v", n, err)
	}
	c, _ := q.Counts(ctx)
	if c.Queued != 2 || c.Dead != 0 {
		t.Errorf("after retry: %+v", c)
	}
}

func TestBackoff(t *testing.T) {
	q := &Queue{o: Options{BackoffBase: time.Second, BackoffMax: 10 * time.Second}}
	cases := []struct {
		attempts int
		lo, hi   time.Duration
	}{
		{1, 500 * time.Millisecond, time.Second},
		{2, time.Second, 2 * time.Second},
		{4, 4 * time.Second, 8 * time.Second},
		{10, 5 * time.Second, 10 * time.Second},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprint(tc.attempts), func(t *testing.T) {
			for range 50 {
				if d := q.backoff(tc.attempts); d < tc.lo || d > tc.hi {
					t.Fatalf("backoff(%d) = %v, want in [%v, %v]", tc.attempts, d, tc.lo, tc.hi)
				}
			}
		})
	}
}

// TestLeases: a job whose worker stopped beating is listed as stuck, then
// reaped back into the queue (or dead after its last attempt), and the
// old worker can no longer record it.
func TestLeases(t *testing.T) {
	q, pool := openQueue(t, Options{MaxAttempts: 2, Lease: time.Hour})
	ctx := context.Background()
	q.Enqueue(ctx, newJobs(2, "l"))
	js, _ := q.Claim(ctx, "gone", 2)
	if len(js) != 2 {
		t.Fatalf("claimed %d", len(js))
	}
	if n, err := q.Heartbeat(ctx, "gone"); err != nil || n != 2 {
		t.Errorf("Heartbeat = %d, %v; want 2", n, err)
	}
	expire := func() {
		pool.Exec(ctx, `UPDATE jobs SET locked_until = now() - interval '1 second' WHERE state = 'running'`)
	}
	expire()
	stuck, err := q.List(ctx, Stuck, 10)
	if err != nil || len(stuck) != 2 {
		t.Errorf("stuck = %v, %v; want 2", stuck, err)
	}
	if c, _ := q.Counts(ctx); c.Stuck != 2 {
		t.Errorf("counts %+v, want 2 stuck", c)
	}
	if re, dead, err := q.Reap(ctx); err != nil || re != 2 || dead != 0 {
		t.Errorf("Reap = %d, %d, %v; want 2 requeued", re, dead, err)
	}
	if err := q.Complete(ctx, "gone", js[0].ID, "late"); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("Complete by the old worker = %v, want ErrLeaseLost", err)
	}
	again, _ := q.Claim(ctx, "new", 2)
	if len(again) != 2 || again[0].Attempts != 2 {
		t.Fatalf("reclaimed %+v", again)
	}
	if err := q.Complete(ctx, "new", again[0].ID, "ok"); err != nil {
		t.Errorf("Complete: %v", err)
	}
	expire()
	if re, dead, err := q.Reap(ctx); err != nil || re != 0 || dead != 1 {
		t.Errorf("second Reap = %d, %d, %v; want 1 dead (attempts used)", re, dead, err)
	}
	c, _ := q.Counts(ctx)
	if c != (Counts{Done: 1, Dead: 1}) {
		t.Errorf("counts = %+v, want 1 done, 1 dead", c)
	}
}

// TestWorker runs jobs on several goroutines through passing and
// permanent failures and a panic, until the queue is idle.
func TestWorker(t *testing.T) {
	q, _ := openQueue(t, Options{MaxAttempts: 3, BackoffBase: time.Millisecond, BackoffMax: time.Millisecond})
	ctx := context.Background()
	const n = 60
	q.Enqueue(ctx, newJobs(n, "w"))
	var (
		calls  sync.Map // payload → *atomic.Int32
		handle = func(_ context.Context, j Job) (string, error) {
			v, _ := calls.LoadOrStore(string(j.Payload), new(atomic.Int32))
			k := v.(*atomic.Int32).Add(1)
			switch string(j.Payload) {
			case "7": // fails once, then works
				if k == 1 {
					return "", errors.New("flaky")
				}
			case "8":
				return "", Permanent(errors.New("bad"))
			case "9":
				panic("boom")
			}
			return "ok " + string(j.Payload), nil
		}
	)
	w := &Worker{Queue: q, Handle: handle, Concurrency: 4, Poll: 5 * time.Millisecond, ExitWhenIdle: true}
	st, err := w.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != n-2 || st.Dead != 2 || st.Retried != 1+2 {
		t.Errorf("stats = %+v, want %d done, 2 dead, 3 retried", st, n-2)
	}
	for p, want := range map[string]int32{"0": 1, "7": 2, "8": 1, "9": 3} {
		v, _ := calls.Load(p)
		if got := v.(*atomic.Int32).Load(); got != want {
			t.Errorf("job %s ran %d times, want %d", p, got, want)
		}
	}
	c, _ := q.Counts(ctx)
	if c != (Counts{Done: n - 2, Dead: 2}) {
		t.Errorf("counts = %+v", c)
	}
}
