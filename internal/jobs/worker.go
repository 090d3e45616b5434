package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// Handler does one job and returns a short result for the record. It must
// be idempotent (a job can run again after a crash). Returning an error
// wrapped with Permanent sends the job straight to the dead state.
type Handler func(ctx context.Context, j Job) (result string, err error)

// Worker runs jobs from a queue on Concurrency goroutines.
type Worker struct {
	Queue       *Queue
	Handle      Handler
	Kinds       []string      // the job kinds to claim; none: any
	ID          string        // names the worker in locked_by; default host-pid-random
	Concurrency int           // default 1
	Poll        time.Duration // wait between claims when the queue is empty; default 1s
	// ExitWhenIdle makes Run return once no job is queued or running
	// anywhere (for batch runs and tests), instead of polling forever.
	ExitWhenIdle bool
	Log          *slog.Logger
}

// Stats counts what a Run did.
type Stats struct {
	Done, Retried, Dead, LeaseLost int
}

// NewWorkerID names a worker process: host, pid and a random suffix, so
// that a restarted process never takes over its predecessor's leases.
func NewWorkerID() string {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// Run claims and runs jobs until ctx is cancelled (jobs in flight are
// finished and recorded first) or, with ExitWhenIdle, until the queue is
// empty. Meanwhile it extends its leases and reaps expired ones.
func (w *Worker) Run(ctx context.Context) (Stats, error) {
	if w.Concurrency <= 0 {
		w.Concurrency = 1
	}
	if w.Poll <= 0 {
		w.Poll = time.Second
	}
	if w.ID == "" {
		w.ID = NewWorkerID()
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
	// Work in flight finishes even after ctx ends.
	work := context.WithoutCancel(ctx)
	stopBeat := make(chan struct{})
	beatDone := make(chan struct{})
	go func() {
		defer close(beatDone)
		w.keepLeases(work, stopBeat)
	}()

	var (
		mu    sync.Mutex
		stats Stats
		errs  []error
		wg    sync.WaitGroup
	)
	idle := make(chan struct{}) // closed when the queue is found empty
	var idleOnce sync.Once
	for range w.Concurrency {
		wg.Go(func() {
			for {
				select {
				case <-ctx.Done():
					return
				case <-idle:
					return
				default:
				}
				js, err := w.Queue.Claim(ctx, w.ID, 1, w.Kinds...)
				if err != nil {
					if ctx.Err() != nil {
						return
					}
					w.Log.Error("claim failed", "worker", w.ID, "err", err)
					w.sleep(ctx, idle)
					continue
				}
				if len(js) == 0 {
					if w.ExitWhenIdle {
						c, err := w.Queue.Counts(ctx)
						if err == nil && c.Pending() == 0 {
							idleOnce.Do(func() { close(idle) })
							return
						}
					}
					w.sleep(ctx, idle)
					continue
				}
				s, err := w.run(work, js[0])
				mu.Lock()
				stats.Done += s.Done
				stats.Retried += s.Retried
				stats.Dead += s.Dead
				stats.LeaseLost += s.LeaseLost
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(stopBeat)
	<-beatDone
	return stats, errors.Join(errs...)
}

// sleep waits one poll interval, jittered so that idle workers spread out.
func (w *Worker) sleep(ctx context.Context, idle <-chan struct{}) {
	t := time.NewTimer(w.Poll/2 + time.Duration(time.Now().UnixNano()%int64(w.Poll/2+1)))
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-idle:
	case <-t.C:
	}
}

// run handles one claimed job and records the outcome. Only a failure to
// record is returned: the job's own failure is in the queue.
func (w *Worker) run(ctx context.Context, j Job) (Stats, error) {
	var s Stats
	start := time.Now()
	result, err := w.handle(ctx, j)
	if err == nil {
		switch cerr := w.Queue.Complete(ctx, w.ID, j.ID, result); {
		case errors.Is(cerr, ErrLeaseLost):
			// Another worker has (or will) run it again; the handler is
			// idempotent, so the work is not doubled.
			s.LeaseLost++
			w.Log.Warn("job finished after its lease expired", "job", j.ID, "worker", w.ID)
			return s, nil
		case cerr != nil:
			return s, cerr
		}
		s.Done++
		w.Log.Debug("job done", "job", j.ID, "kind", j.Kind, "took", time.Since(start), "result", result)
		return s, nil
	}
	state, ferr := w.Queue.Fail(ctx, w.ID, j, err)
	switch {
	case errors.Is(ferr, ErrLeaseLost):
		s.LeaseLost++
		return s, nil
	case ferr != nil:
		return s, ferr
	case state == Dead:
		s.Dead++
		w.Log.Error("job dead", "job", j.ID, "kind", j.Kind, "attempts", j.Attempts, "err", err)
	default:
		s.Retried++
		w.Log.Warn("job failed, will retry", "job", j.ID, "kind", j.Kind, "attempt", j.Attempts, "err", err)
	}
	return s, nil
}

// handle runs the handler, turning a panic into a failed attempt.
func (w *Worker) handle(ctx context.Context, j Job) (result string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("job %d panicked: %v", j.ID, r)
		}
	}()
	return w.Handle(ctx, j)
}

// keepLeases extends this worker's leases and reaps expired ones, three
// times per lease, until stop is closed.
func (w *Worker) keepLeases(ctx context.Context, stop <-chan struct{}) {
	t := time.NewTicker(w.Queue.Lease() / 3)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		if _, err := w.Queue.Heartbeat(ctx, w.ID); err != nil {
			w.Log.Error("heartbeat failed", "worker", w.ID, "err", err)
		}
		if _, _, err := w.Queue.Reap(ctx); err != nil {
			w.Log.Error("reap failed", "worker", w.ID, "err", err)
		}
	}
}
