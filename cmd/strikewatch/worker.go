package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"time"

	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/jobs"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/postgres"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// jobExtract is the kind of job that extracts and stores one document.
const jobExtract = "extract"

// docPayload is an extract job's payload: one raw document as ingest
// read it, before any extraction.
type docPayload struct {
	ID        string    `json:"id,omitempty"`
	Name      string    `json:"name"`
	Body      []byte    `json:"body"`
	Format    string    `json:"format,omitempty"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published string    `json:"published,omitempty"`
	ReadAt    time.Time `json:"read_at"`
}

// newExtractJob turns a document into a job. Its key is the hash of the
// document and its metadata, so enqueueing the same input twice adds one
// job.
func newExtractJob(d ingest.Doc, readAt time.Time) (jobs.NewJob, error) {
	p := docPayload{ID: d.ID, Name: d.Name, Body: d.Body, Format: d.Format, URL: d.URL, Outlet: d.Outlet,
		Title: d.Title, Published: d.Published}
	keyed, err := json.Marshal(p)
	if err != nil {
		return jobs.NewJob{}, fmt.Errorf("%s: encode job: %w", d.Name, err)
	}
	sum := sha256.Sum256(keyed)
	p.ReadAt = readAt.UTC()
	b, err := json.Marshal(p)
	if err != nil {
		return jobs.NewJob{}, fmt.Errorf("%s: encode job: %w", d.Name, err)
	}
	return jobs.NewJob{Kind: jobExtract, Key: jobExtract + ":" + hex.EncodeToString(sum[:]), Payload: b}, nil
}

// enqueueSummary counts what enqueueing did.
type enqueueSummary struct {
	Read, Queued, AlreadyQueued, Failed int
}

// enqueueBatch is how many documents go to the queue per statement.
const enqueueBatch = 200

// enqueue adds an extract job per document instead of extracting; bad
// documents are logged and counted. Only a database failure is returned.
func enqueue(ctx context.Context, q *jobs.Queue, docs iter.Seq[ingest.Doc], log *slog.Logger) (enqueueSummary, error) {
	var (
		sum   enqueueSummary
		batch []jobs.NewJob
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n, err := q.Enqueue(ctx, batch)
		if err != nil {
			return err
		}
		sum.Queued += n
		sum.AlreadyQueued += len(batch) - n
		batch = batch[:0]
		return nil
	}
	for d := range docs {
		sum.Read++
		if d.Err != nil {
			sum.Failed++
			log.Warn("input skipped", "name", d.Name, "err", d.Err)
			continue
		}
		j, err := newExtractJob(d, time.Now())
		if err != nil {
			sum.Failed++
			log.Warn("input skipped", "name", d.Name, "err", err)
			continue
		}
		batch = append(batch, j)
		if len(batch) == enqueueBatch {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	return sum, flush()
}

// runEnqueue is `ingest --enqueue`: read the inputs as ingest does, and
// queue them for `strikewatch worker` instead of extracting them here.
func runEnqueue(ctx context.Context, e env, dbURL string, paths, feeds []string, format string, allowPrivate bool) int {
	if !postgres.IsURL(dbURL) {
		fmt.Fprintln(e.stderr, "ingest: --enqueue needs a postgres:// --db (the queue lives in PostgreSQL)")
		return 2
	}
	st, err := postgres.Open(ctx, dbURL, e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	q, err := jobs.Open(ctx, st.Pool(), jobs.Options{Log: e.log})
	if err != nil {
		fmt.Fprintf(e.stderr, "ingest: %v\n", err)
		return 1
	}
	r := ingest.Reader{Format: format, Log: e.log, Stdin: e.stdin}
	fetcher := feed.NewFetcher(feed.FetchOptions{UserAgent: userAgent(), AllowPrivate: allowPrivate})
	docs := func(yield func(ingest.Doc) bool) {
		for d := range r.Docs(ctx, paths) {
			if !yield(d) {
				return
			}
		}
		for _, u := range feeds {
			if ctx.Err() != nil {
				return
			}
			resp, err := fetcher.Get(ctx, feed.Request{URL: u})
			if err != nil {
				if !yield(ingest.Doc{Name: u, Err: err}) {
					return
				}
				continue
			}
			if !ingest.FeedDocs(resp.Body, u, resp.URL, yield) {
				return
			}
		}
	}
	sum, err := enqueue(ctx, q, docs, e.log)
	e.log.Info("enqueue done", "read", sum.Read, "queued", sum.Queued, "already_queued", sum.AlreadyQueued, "failed", sum.Failed)
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(e.stderr, "ingest: interrupted; the documents read so far are queued, run again to go on")
		return exitInterrupted
	case err != nil:
		fmt.Fprintf(e.stderr, "ingest: %v\n", err)
		return 1
	case sum.Failed > 0:
		fmt.Fprintf(e.stderr, "ingest: %d of %d inputs failed (see the warnings above)\n", sum.Failed, sum.Read)
		return 1
	}
	return 0
}

// extractHandler runs an extract job: pipeline, then store. It is
// idempotent by report id: a document whose report is stored (a job run
// again after a crash, or the same text from elsewhere) adds nothing.
func extractHandler(p *pipeline.Pipeline, st store.Store) jobs.Handler {
	reportID := reportIDWith()
	return func(ctx context.Context, j jobs.Job) (string, error) {
		var d docPayload
		if err := json.Unmarshal(j.Payload, &d); err != nil {
			return "", jobs.Permanent(fmt.Errorf("decode job payload: %w", err))
		}
		doc := ingest.Doc{ID: d.ID, Name: d.Name, Body: d.Body, Format: d.Format, URL: d.URL, Outlet: d.Outlet,
			Title: d.Title, Published: d.Published}
		// Cheap check first: cleaning alone names the report.
		if id, ok := reportID(doc); ok {
			has, err := st.HasReport(ctx, id)
			if err != nil {
				return "", err
			}
			if has {
				return "stored before: report " + id, nil
			}
		}
		ex, err := p.Process(ctx, pipeline.Input{ID: d.ID, Name: d.Name, Body: d.Body, Format: d.Format,
			URL: d.URL, Outlet: d.Outlet, Title: d.Title, Published: d.Published})
		if errors.As(err, new(*report.ErrInvalid)) {
			return "", jobs.Permanent(err)
		}
		if err != nil {
			return "", err
		}
		res, err := st.AddExtraction(ctx, ex, store.Source{Name: d.Name, FetchedAt: d.ReadAt})
		if errors.Is(err, store.ErrInvalid) {
			return "", jobs.Permanent(err)
		}
		if err != nil {
			return "", err
		}
		if !res.New {
			return "stored before: report " + res.ReportID, nil
		}
		return fmt.Sprintf("stored report %s: %d claims, %d events", res.ReportID, len(res.ClaimIDs), len(res.EventIDs)), nil
	}
}

func runWorker(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: strikewatch worker --db postgres://… [flags]

Claims documents queued by 'strikewatch ingest --db postgres://… --enqueue',
extracts and stores them. Run as many workers, on as many machines, as you
like: each job goes to one worker; a worker that dies loses its jobs to the
others when its lease runs out. Failed jobs are retried with backoff and go
dead after --max-attempts; --list dead|stuck shows them, --retry-dead
queues them again. SIGINT/SIGTERM: finish the jobs in hand, then exit.

flags:
`)
		fs.PrintDefaults()
	}
	db := fs.String("db", "", "PostgreSQL database URL (postgres://…)")
	concurrency := fs.Int("concurrency", runtime.GOMAXPROCS(0), "jobs run at once in this process")
	lease := fs.Duration("lease", time.Minute, "how long a claimed job stays with a worker that stops sending heartbeats")
	maxAttempts := fs.Int("max-attempts", 5, "attempts before a job goes dead")
	poll := fs.Duration("poll", time.Second, "wait between looks at an empty queue")
	exitIdle := fs.Bool("exit-when-idle", false, "exit once no job is queued or running (for batch runs)")
	list := fs.String("list", "", "print jobs in a state (queued, running, done, dead, stuck) as JSON Lines and exit")
	limit := fs.Int("limit", 100, "with --list, at most this many jobs")
	retryDead := fs.Bool("retry-dead", false, "queue every dead job again and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "worker: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if !postgres.IsURL(*db) {
		fmt.Fprintln(e.stderr, "worker: --db must be a postgres:// URL (the job queue lives in PostgreSQL)")
		return 2
	}
	if *concurrency < 1 || *maxAttempts < 1 || *lease < time.Second || *poll <= 0 {
		fmt.Fprintln(e.stderr, "worker: --concurrency and --max-attempts must be at least 1, --lease at least 1s, --poll positive")
		return 2
	}

	// One connection per job in flight, plus the heartbeat's.
	st, err := postgres.OpenWith(ctx, *db, e.log, postgres.Options{MaxConns: int32(*concurrency + 2)})
	if err != nil {
		fmt.Fprintf(e.stderr, "worker: %v\n", err)
		return 1
	}
	defer st.Close()
	q, err := jobs.Open(ctx, st.Pool(), jobs.Options{Lease: *lease, MaxAttempts: *maxAttempts, Log: e.log})
	if err != nil {
		fmt.Fprintf(e.stderr, "worker: %v\n", err)
		return 1
	}
	switch {
	case *list != "":
		return listJobs(ctx, e, q, jobs.State(*list), *limit)
	case *retryDead:
		n, err := q.RetryDead(ctx)
		if err != nil {
			fmt.Fprintf(e.stderr, "worker: %v\n", err)
			return 1
		}
		fmt.Fprintf(e.stdout, "%d dead jobs queued again\n", n)
		return 0
	}

	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "worker: %v\n", err)
		return 1
	}
	w := &jobs.Worker{
		Queue:        q,
		Handle:       extractHandler(p, st),
		Kinds:        []string{jobExtract},
		Concurrency:  *concurrency,
		Poll:         *poll,
		ExitWhenIdle: *exitIdle,
		Log:          e.log,
	}
	start := time.Now()
	trips0 := st.RoundTrips()
	e.log.Info("worker started", "concurrency", *concurrency)
	stats, err := w.Run(ctx)
	took := time.Since(start)
	attrs := []any{"done", stats.Done, "retried", stats.Retried, "dead", stats.Dead, "lease_lost", stats.LeaseLost,
		"took", took.Round(time.Millisecond)}
	if stats.Done > 0 {
		attrs = append(attrs, "jobs_per_s", fmt.Sprintf("%.1f", float64(stats.Done)/took.Seconds()),
			"db_round_trips_per_job", fmt.Sprintf("%.1f", float64(st.RoundTrips()-trips0)/float64(stats.Done)))
	}
	e.log.Info("worker stopped", attrs...)
	if err != nil {
		fmt.Fprintf(e.stderr, "worker: %v\n", err)
		return 1
	}
	if ctx.Err() != nil {
		return exitInterrupted
	}
	return 0
}

// listJobs prints jobs in a state as JSON Lines, with the document name.
func listJobs(ctx context.Context, e env, q *jobs.Queue, s jobs.State, limit int) int {
	js, err := q.List(ctx, s, limit)
	if err != nil {
		fmt.Fprintf(e.stderr, "worker: %v\n", err)
		return 2
	}
	enc := json.NewEncoder(e.stdout)
	for _, j := range js {
		var d docPayload
		_ = json.Unmarshal(j.Payload, &d) // a bad payload is listed without its name
		if err := enc.Encode(struct {
			jobs.Job
			Name string `json:"name,omitempty"`
		}{j, d.Name}); err != nil {
			fmt.Fprintf(e.stderr, "worker: %v\n", err)
			return 1
		}
	}
	return 0
}
