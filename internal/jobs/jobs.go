// Package jobs is a work queue in a PostgreSQL table, shared by any number
// of worker processes on any number of machines. Workers claim jobs with
// SELECT … FOR UPDATE SKIP LOCKED, so no job is handed to two workers and
// none waits on another's lock. A claimed job is leased: the worker's
// heartbeat extends the lease while it runs, and a job whose lease ran out
// (its worker was killed or stalled) is put back in the queue by any
// worker's reaper. A failed job is retried with exponential backoff and
// goes dead after MaxAttempts attempts, or at once when its handler says
// the failure is permanent; dead and stuck jobs can be listed and retried.
//
// Delivery is at least once: a job whose worker died after doing the work
// but before marking it done runs again, so handlers must be idempotent.
package jobs

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/strikewatch/strikewatch/internal/postgres/pgmigrate"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// component names the queue's migrations in schema_version.
const component = "jobs"

// State is where a job is in its life.
type State string

// Job states. Stuck is not stored: it lists running jobs whose lease has
// expired and that no reaper has put back yet.
const (
	Queued  State = "queued"
	Running State = "running"
	Done    State = "done"
	Dead    State = "dead"
	Stuck   State = "stuck"
)

// ErrLeaseLost is returned when a worker reports on a job it no longer
// holds: its lease expired and the job went back to the queue (or to
// another worker).
var ErrLeaseLost = errors.New("job lease lost")

// permanent marks a failure that retrying cannot fix.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps a handler's error so that the job goes dead at once
// instead of being retried (bad input, not a passing fault).
func Permanent(err error) error { return permanent{err} }

// IsPermanent reports whether err was marked Permanent.
func IsPermanent(err error) bool { return errors.As(err, new(permanent)) }

// Options tunes a Queue; zero values take the defaults.
type Options struct {
	Lease       time.Duration // how long a claim holds without a heartbeat; default 1m
	MaxAttempts int           // attempts before a job goes dead; default 5
	BackoffBase time.Duration // wait before the first retry, doubled for each next one; default 5s
	BackoffMax  time.Duration // longest wait between attempts; default 10m
	Log         *slog.Logger
}

func (o *Options) defaults() {
	if o.Lease <= 0 {
		o.Lease = time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.BackoffBase <= 0 {
		o.BackoffBase = 5 * time.Second
	}
	if o.BackoffMax <= 0 {
		o.BackoffMax = 10 * time.Minute
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// Queue is the job table of one database schema.
type Queue struct {
	pool *pgxpool.Pool
	o    Options
}

// Open returns the queue in pool's database, creating or migrating its
// table.
func Open(ctx context.Context, pool *pgxpool.Pool, o Options) (*Queue, error) {
	o.defaults()
	ms, err := pgmigrate.Load(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	if err := pgmigrate.Apply(ctx, pool, component, ms, o.Log); err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return &Queue{pool: pool, o: o}, nil
}

// Lease is how long a claim holds without a heartbeat.
func (q *Queue) Lease() time.Duration { return q.o.Lease }

// NewJob is a job to enqueue.
type NewJob struct {
	Kind    string
	Key     string // optional: a job whose key is already queued (in any state) is not added again
	Payload []byte
}

// Job is a stored job.
type Job struct {
	ID          int64      `json:"id"`
	Kind        string     `json:"kind"`
	Key         *string    `json:"key,omitempty"`
	Payload     []byte     `json:"-"`
	State       State      `json:"state"`
	Attempts    int        `json:"attempts"`
	MaxAttempts int        `json:"max_attempts"`
	RunAt       time.Time  `json:"run_at"`
	LockedBy    *string    `json:"locked_by,omitempty"`
	LockedUntil *time.Time `json:"locked_until,omitempty"`
	LastError   *string    `json:"last_error,omitempty"`
	Result      *string    `json:"result,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// enqueueBatch bounds the rows of one insert statement.
const enqueueBatch = 500

// Enqueue adds jobs in batches, one statement (one round trip) per batch,
// and returns how many were added (jobs whose key exists are skipped).
func (q *Queue) Enqueue(ctx context.Context, js []NewJob) (int, error) {
	added := 0
	for len(js) > 0 {
		n := min(len(js), enqueueBatch)
		kinds, keys, payloads := make([]string, n), make([]*string, n), make([][]byte, n)
		for i, j := range js[:n] {
			if j.Kind == "" {
				return added, fmt.Errorf("enqueue: job without a kind")
			}
			kinds[i], payloads[i] = j.Kind, j.Payload
			if payloads[i] == nil {
				payloads[i] = []byte{} // nil would be NULL
			}
			if j.Key != "" {
				keys[i] = &js[i].Key
			}
		}
		tag, err := q.pool.Exec(ctx, `INSERT INTO jobs (kind, key, payload, max_attempts)
			SELECT k, key, p, $4 FROM unnest($1::text[], $2::text[], $3::bytea[]) AS t(k, key, p)
			ON CONFLICT (key) DO NOTHING`, kinds, keys, payloads, q.o.MaxAttempts)
		if err != nil {
			return added, fmt.Errorf("enqueue: %w", err)
		}
		added += int(tag.RowsAffected())
		js = js[n:]
	}
	return added, nil
}

// Claim leases up to n queued jobs whose time has come, oldest first, to
// worker; kinds limits them to those kinds (none: any). Each claim counts
// as an attempt.
func (q *Queue) Claim(ctx context.Context, worker string, n int, kinds ...string) ([]Job, error) {
	rows, err := q.pool.Query(ctx, `WITH next AS (
			SELECT id FROM jobs
			WHERE state = 'queued' AND run_at <= now() AND (coalesce(cardinality($4::text[]), 0) = 0 OR kind = ANY($4))
			ORDER BY run_at, id
			LIMIT $3
			FOR UPDATE SKIP LOCKED)
		UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, locked_by = $1,
			locked_until = now() + $2 * interval '1 millisecond', updated_at = now()
		FROM next WHERE j.id = next.id
		RETURNING `+jobCols("j"), worker, q.o.Lease.Milliseconds(), n, kinds)
	if err != nil {
		return nil, fmt.Errorf("claim jobs: %w", err)
	}
	js, err := scanJobs(rows)
	if err != nil {
		return nil, fmt.Errorf("claim jobs: %w", err)
	}
	return js, nil
}

// Heartbeat extends the leases of every job worker is running and returns
// how many it holds.
func (q *Queue) Heartbeat(ctx context.Context, worker string) (int, error) {
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET locked_until = now() + $2 * interval '1 millisecond'
		WHERE state = 'running' AND locked_by = $1`, worker, q.o.Lease.Milliseconds())
	if err != nil {
		return 0, fmt.Errorf("heartbeat: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Complete marks a job worker holds as done, with a result for the record.
func (q *Queue) Complete(ctx context.Context, worker string, id int64, result string) error {
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET state = 'done', result = $3, locked_by = NULL, locked_until = NULL,
		last_error = NULL, updated_at = now()
		WHERE id = $1 AND state = 'running' AND locked_by = $2`, id, worker, result)
	if err != nil {
		return fmt.Errorf("complete job %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("complete job %d: %w", id, ErrLeaseLost)
	}
	return nil
}

// Fail records a failed attempt of a job worker holds: the job is queued
// again after a backoff, or goes dead when it has used its attempts or
// the error is Permanent. It returns the job's new state.
func (q *Queue) Fail(ctx context.Context, worker string, j Job, cause error) (State, error) {
	state, runAt := Queued, time.Now().Add(q.backoff(j.Attempts))
	if IsPermanent(cause) || j.Attempts >= j.MaxAttempts {
		state, runAt = Dead, time.Now()
	}
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET state = $3, run_at = $4, last_error = $5, locked_by = NULL, locked_until = NULL,
		updated_at = now()
		WHERE id = $1 AND state = 'running' AND locked_by = $2`, j.ID, worker, string(state), runAt, cause.Error())
	if err != nil {
		return "", fmt.Errorf("fail job %d: %w", j.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return "", fmt.Errorf("fail job %d: %w", j.ID, ErrLeaseLost)
	}
	return state, nil
}

// backoff is the wait before attempt n+1: BackoffBase doubled for each
// earlier attempt, capped at BackoffMax, less up to a half at random so
// that jobs that failed together do not retry together.
func (q *Queue) backoff(attempts int) time.Duration {
	d := q.o.BackoffBase
	for i := 1; i < attempts && d < q.o.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, q.o.BackoffMax)
	return d/2 + rand.N(d/2+1)
}

// Reap puts back the running jobs whose lease has expired (their worker
// died or stalled): queued again, or dead when they have used their
// attempts, so that a job that kills its worker every time stops being
// retried. Safe to call from every worker at once.
func (q *Queue) Reap(ctx context.Context) (requeued, dead int, err error) {
	rows, err := q.pool.Query(ctx, `UPDATE jobs SET
			state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
			run_at = now(), locked_by = NULL, locked_until = NULL, updated_at = now(),
			last_error = 'lease expired: worker ' || coalesce(locked_by, '?') || ' stopped or stalled'
		WHERE state = 'running' AND locked_until < now()
		RETURNING id, state`)
	if err != nil {
		return 0, 0, fmt.Errorf("reap jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			s  string
		)
		if err := rows.Scan(&id, &s); err != nil {
			return requeued, dead, fmt.Errorf("reap jobs: %w", err)
		}
		if State(s) == Dead {
			dead++
		} else {
			requeued++
		}
		q.o.Log.Warn("job lease expired", "job", id, "now", s)
	}
	if err := rows.Err(); err != nil {
		return requeued, dead, fmt.Errorf("reap jobs: %w", err)
	}
	return requeued, dead, nil
}

// Counts are the number of jobs in each state; Stuck counts running jobs
// whose lease has expired (they are also counted as running).
type Counts struct {
	Queued, Running, Done, Dead, Stuck int
}

// Pending is the number of jobs not yet finished.
func (c Counts) Pending() int { return c.Queued + c.Running }

// Counts counts jobs by state.
func (q *Queue) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := q.pool.QueryRow(ctx, `SELECT
		count(*) FILTER (WHERE state = 'queued'),
		count(*) FILTER (WHERE state = 'running'),
		count(*) FILTER (WHERE state = 'done'),
		count(*) FILTER (WHERE state = 'dead'),
		count(*) FILTER (WHERE state = 'running' AND locked_until < now())
		FROM jobs`).Scan(&c.Queued, &c.Running, &c.Done, &c.Dead, &c.Stuck)
	if err != nil {
		return Counts{}, fmt.Errorf("count jobs: %w", err)
	}
	return c, nil
}

// List returns up to limit jobs in a state (Stuck: running with an
// expired lease), most recently updated first.
func (q *Queue) List(ctx context.Context, s State, limit int) ([]Job, error) {
	cond := `state = $1`
	switch s {
	case Queued, Running, Done, Dead:
	case Stuck:
		cond = `state = 'running' AND locked_until < now() AND $1 <> ''`
	default:
		return nil, fmt.Errorf("list jobs: unknown state %q", s)
	}
	rows, err := q.pool.Query(ctx, `SELECT `+jobCols("jobs")+` FROM jobs WHERE `+cond+` ORDER BY updated_at DESC, id DESC LIMIT $2`, string(s), limit)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	js, err := scanJobs(rows)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return js, nil
}

// RetryDead queues dead jobs again with fresh attempts: those with the
// given ids, or every dead job when ids is empty. It returns how many.
func (q *Queue) RetryDead(ctx context.Context, ids ...int64) (int, error) {
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), updated_at = now()
		WHERE state = 'dead' AND (coalesce(cardinality($1::bigint[]), 0) = 0 OR id = ANY($1))`, ids)
	if err != nil {
		return 0, fmt.Errorf("retry dead jobs: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

func jobCols(t string) string {
	return t + ".id, " + t + ".kind, " + t + ".key, " + t + ".payload, " + t + ".state, " + t + ".attempts, " +
		t + ".max_attempts, " + t + ".run_at, " + t + ".locked_by, " + t + ".locked_until, " + t + ".last_error, " +
		t + ".result, " + t + ".created_at, " + t + ".updated_at"
}

func scanJobs(rows pgx.Rows) ([]Job, error) {
	defer rows.Close()
	var out []Job
	for rows.Next() {
		var (
			j Job
			s string
		)
		if err := rows.Scan(&j.ID, &j.Kind, &j.Key, &j.Payload, &s, &j.Attempts, &j.MaxAttempts, &j.RunAt,
			&j.LockedBy, &j.LockedUntil, &j.LastError, &j.Result, &j.CreatedAt, &j.UpdatedAt); err != nil {
			return nil, err
		}
		j.State = State(s)
		out = append(out, j)
	}
	return out, rows.Err()
}
