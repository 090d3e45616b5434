// Package ingest reads files, folders, JSON Lines, feed files and feed URLs,
// extracts each document with a pool of workers and adds the results to the
// store in input order, so a run gives the same database whatever the
// number of workers. It also watches feeds (Watcher).
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"runtime"
	"time"

	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// ExtractFunc turns one document into a report and its claims; cmd wires
// it to the pipeline. It must be safe for concurrent use. Bad input is an
// error wrapping *report.ErrInvalid.
type ExtractFunc func(ctx context.Context, d Doc) (report.Extraction, error)

// Store is what ingest needs of the store.
type Store interface {
	HasReport(ctx context.Context, id string) (bool, error)
	AddExtraction(ctx context.Context, ex report.Extraction, src store.Source) (store.AddResult, error)
}

// Options configures an Ingester; zero values take defaults.
type Options struct {
	Workers  int           // extraction goroutines; default GOMAXPROCS
	Format   string        // "auto" (default), "text" or "html": see Reader.Format
	Fetcher  *feed.Fetcher // for feed URLs; nil refuses them
	Log      *slog.Logger
	Progress Progress // nil: none
	Now      func() time.Time
	// ReportID, when set, computes a document's report id without full
	// extraction (the hash of its cleaned text), so a document already
	// stored is skipped before the expensive part; ok=false means "extract
	// and see". A wrong id only costs the skip: the store stays idempotent.
	ReportID func(d Doc) (id string, ok bool)
	// Stdin is read as JSON Lines for the path "-".
	Stdin io.Reader
}

// Ingester runs documents through extraction into the store.
type Ingester struct {
	extract ExtractFunc
	store   Store
	opts    Options
}

// New returns an Ingester.
func New(extract ExtractFunc, st Store, o Options) *Ingester {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Format == "" {
		o.Format = "auto"
	}
	return &Ingester{extract: extract, store: st, opts: o}
}

// Summary counts what a run did.
type Summary struct {
	Read        int // documents read (including failed ones)
	Added       int // new reports stored
	Duplicates  int // reports already stored (same cleaned text)
	Copies      int // new reports marked as syndicated copies
	Versions    int // new reports that are a new version of an earlier one at the same URL
	Failed      int // documents that could not be read, extracted or stored
	Claims      int // claims stored
	Events      int // distinct events the new claims went into
	Escalations int // stories that moved up the ladder
	// Failures lists the first failures (at most maxFailures), for callers
	// that show them again at the end.
	Failures []Failure
	events   map[string]struct{}
}

// Failure is one input that could not be ingested.
type Failure struct {
	Name string // path, path:line or URL
	Err  error
}

const maxFailures = 100

// Add folds another summary into s (a watcher adds up its polls).
func (s *Summary) Add(o Summary) {
	s.Read += o.Read
	s.Added += o.Added
	s.Duplicates += o.Duplicates
	s.Copies += o.Copies
	s.Versions += o.Versions
	s.Failed += o.Failed
	s.Claims += o.Claims
	s.Events += o.Events
	s.Escalations += o.Escalations
	for _, f := range o.Failures {
		if len(s.Failures) < maxFailures {
			s.Failures = append(s.Failures, f)
		}
	}
}

// LogAttrs is the summary as log attributes.
func (s Summary) LogAttrs() []any {
	return []any{"read", s.Read, "added", s.Added, "duplicates", s.Duplicates, "copies", s.Copies,
		"versions", s.Versions, "failed", s.Failed, "claims", s.Claims, "events", s.Events, "escalations", s.Escalations}
}

// Result is what became of one document.
type Result struct {
	Doc       Doc
	Err       error            // the document failed
	Duplicate bool             // already stored
	Add       *store.AddResult // set when AddExtraction ran
	skipped   bool             // not processed because the run was cancelled
}

// ErrFatal marks a store failure that ends the run (the database cannot
// be written), as opposed to one bad document.
var ErrFatal = errors.New("store failed")

// Run ingests paths (files and folders) and then feed URLs. Failed inputs
// are logged, counted and skipped; the error is non-nil only when ctx was
// cancelled (work in flight is finished first) or the store failed.
func (in *Ingester) Run(ctx context.Context, paths, feedURLs []string) (Summary, error) {
	r := Reader{Format: in.opts.Format, Log: in.opts.Log, Stdin: in.opts.Stdin}
	docs := func(yield func(Doc) bool) {
		for d := range r.Docs(ctx, paths) {
			if !yield(d) {
				return
			}
		}
		for _, u := range feedURLs {
			if ctx.Err() != nil {
				return
			}
			if !in.fetchFeed(ctx, u, yield) {
				return
			}
		}
	}
	return in.Docs(ctx, docs)
}

// fetchFeed fetches one feed URL and yields its items; false means stop.
func (in *Ingester) fetchFeed(ctx context.Context, u string, yield func(Doc) bool) bool {
	if in.opts.Fetcher == nil {
		return yield(Doc{Name: u, Err: fmt.Errorf("%s: feed fetching is not configured", u)})
	}
	resp, err := in.opts.Fetcher.Get(ctx, feed.Request{URL: u})
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return yield(Doc{Name: u, Err: err})
	}
	in.opts.Log.Debug("fetched feed", logURL, u, "bytes", len(resp.Body))
	return FeedDocs(resp.Body, u, resp.URL, yield)
}

// job is one document on its way through the workers, numbered so the
// writer can store results in input order.
type job struct {
	seq int
	doc Doc
}

type done struct {
	seq int
	res Result
	ex  report.Extraction
}

// Docs ingests a sequence of documents: extraction on Workers goroutines,
// storage in input order on the calling goroutine. On ctx cancellation no
// new document is started; those being extracted are finished and stored.
func (in *Ingester) Docs(ctx context.Context, docs iter.Seq[Doc]) (Summary, error) {
	w := in.opts.Workers
	window := 4 * w // results held for reordering at most
	jobs := make(chan job)
	results := make(chan done, window)
	slots := make(chan struct{}, window)
	// Extraction and storage of a started document run to the end even
	// after cancellation, so nothing is left half done.
	work := context.WithoutCancel(ctx)
	stopProducer := make(chan struct{})

	// The producer owns jobs and stops when ctx is done, when the writer
	// gives up (stopProducer), or at the end of docs.
	go func() {
		defer close(jobs)
		seq := 0
		for d := range docs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			case <-stopProducer:
				return
			}
			select {
			case jobs <- job{seq: seq, doc: d}:
				seq++
			case <-ctx.Done():
				return
			case <-stopProducer:
				return
			}
		}
	}()

	// Workers own nothing but their loop; results closes when all are done.
	workersDone := make(chan struct{})
	for range w {
		go func() {
			defer func() { workersDone <- struct{}{} }()
			for j := range jobs {
				results <- in.process(ctx, work, j)
			}
		}()
	}
	go func() {
		for range w {
			<-workersDone
		}
		close(results)
	}()

	var sum Summary
	var fatal error
	pending := map[int]done{}
	next := 0
	for d := range results {
		pending[d.seq] = d
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if fatal == nil {
				if err := in.store1(work, &cur); err != nil {
					fatal = err
					close(stopProducer)
				}
			}
			if fatal != nil && cur.res.Err == nil && cur.res.Add == nil && !cur.res.Duplicate {
				cur.res.skipped = true
			}
			in.count(&sum, cur.res)
		}
	}
	sum.Events = len(sum.events)
	sum.events = nil
	if in.opts.Progress != nil {
		in.opts.Progress.Done(sum)
	}
	if fatal != nil {
		return sum, fatal
	}
	return sum, ctx.Err()
}

// process extracts one document and checks whether its report is stored.
func (in *Ingester) process(ctx, work context.Context, j job) done {
	d := done{seq: j.seq, res: Result{Doc: j.doc}}
	if j.doc.Err != nil {
		d.res.Err = j.doc.Err
		return d
	}
	if ctx.Err() != nil {
		// Received after cancellation: not started, so not in flight.
		d.res.skipped = true
		return d
	}
	if in.opts.ReportID != nil {
		if id, ok := in.opts.ReportID(j.doc); ok {
			has, err := in.store.HasReport(work, id)
			if err != nil {
				d.res.Err = fmt.Errorf("%s: check stored: %w", j.doc.Name, err)
				return d
			}
			if has {
				d.res.Duplicate = true
				return d
			}
		}
	}
	ex, err := in.extract(work, j.doc)
	if err != nil {
		d.res.Err = fmt.Errorf("%s: %w", j.doc.Name, err)
		return d
	}
	// The store would find the duplicate too, but only inside a write
	// transaction; a read here keeps the single writer free.
	has, err := in.store.HasReport(work, ex.Report.ID)
	if err != nil {
		d.res.Err = fmt.Errorf("%s: check stored: %w", j.doc.Name, err)
		return d
	}
	if has {
		d.res.Duplicate = true
		return d
	}
	d.ex = ex
	return d
}

// store1 writes one processed document; an error is returned only when it
// is fatal to the run.
func (in *Ingester) store1(ctx context.Context, d *done) error {
	if d.res.Err != nil || d.res.Duplicate || d.res.skipped {
		return nil
	}
	src := store.Source{Name: d.res.Doc.Name, FetchedAt: in.opts.Now().UTC()}
	ar, err := in.store.AddExtraction(ctx, d.ex, src)
	switch {
	case err == nil:
		d.res.Add = &ar
		if !ar.New {
			d.res.Duplicate = true
		}
		return nil
	case errors.Is(err, store.ErrInvalid), errors.As(err, new(*report.ErrInvalid)):
		d.res.Err = fmt.Errorf("%s: %w", d.res.Doc.Name, err)
		return nil
	}
	return fmt.Errorf("%w: %s: %w", ErrFatal, d.res.Doc.Name, err)
}

// count folds one result into the summary, logs failures and reports progress.
func (in *Ingester) count(s *Summary, r Result) {
	if r.skipped {
		return
	}
	s.Read++
	switch {
	case r.Err != nil:
		s.Failed++
		if len(s.Failures) < maxFailures {
			s.Failures = append(s.Failures, Failure{Name: r.Doc.Name, Err: r.Err})
		}
		in.opts.Log.Warn("input skipped", logName, r.Doc.Name, logErr, r.Err)
	case r.Duplicate:
		s.Duplicates++
	case r.Add != nil:
		s.Added++
		if r.Add.CopyOf != nil {
			s.Copies++
		}
		if r.Add.PrevVersion != nil {
			s.Versions++
		}
		s.Claims += len(r.Add.ClaimIDs)
		s.Escalations += len(r.Add.Escalations)
		if s.events == nil {
			s.events = map[string]struct{}{}
		}
		for _, id := range r.Add.EventIDs {
			s.events[id] = struct{}{}
		}
		for _, e := range r.Add.Escalations {
			in.opts.Log.Info("escalation", "story", e.StoryID, "from", e.From, "to", e.To, logName, r.Doc.Name)
		}
	}
	if in.opts.Progress != nil {
		cur := *s
		cur.Events = len(s.events)
		in.opts.Progress.Item(r, cur)
	}
}
