package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/strikewatch/strikewatch/internal/feed"
)

// WatchOptions configures a Watcher; zero values take the defaults.
type WatchOptions struct {
	Every        time.Duration // poll interval per feed; default 15m
	Backoff      time.Duration // first wait after an error; default 1m, doubling
	MaxBackoff   time.Duration // longest wait after errors; default 6h
	HostInterval time.Duration // least time between two requests to one host; default 2s
	Now          func() time.Time
	Jitter       func() float64 // uniform in [0,1); default math/rand/v2
}

// Watcher polls feeds politely and ingests new items: conditional requests
// with the last ETag / Last-Modified, a per-host rate limit, and
// exponential backoff with jitter after errors. Validators are kept in
// memory, per process.
type Watcher struct {
	ing   *Ingester
	fetch *feed.Fetcher
	opts  WatchOptions

	mu       sync.Mutex // guards the fields below (Run and Poll may be called from tests in turn)
	feeds    []*feedState
	lastHost map[string]time.Time
}

// feedState is what the watcher remembers of one feed between polls.
type feedState struct {
	url          string
	host         string
	etag         string
	lastModified string
	failures     int
	next         time.Time           // not polled before this time
	seen         map[string]struct{} // item keys of the last good fetch
}

// NewWatcher returns a watcher over feed URLs. Fetcher must be set; the
// ingester's Fetcher is not used.
func NewWatcher(ing *Ingester, f *feed.Fetcher, feeds []string, o WatchOptions) (*Watcher, error) {
	if f == nil {
		return nil, errors.New("watch: no fetcher")
	}
	if len(feeds) == 0 {
		return nil, errors.New("watch: no feeds")
	}
	if o.Every <= 0 {
		o.Every = 15 * time.Minute
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Minute
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 6 * time.Hour
	}
	if o.HostInterval <= 0 {
		o.HostInterval = 2 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Jitter == nil {
		o.Jitter = rand.Float64
	}
	w := &Watcher{ing: ing, fetch: f, opts: o, lastHost: map[string]time.Time{}}
	for _, raw := range feeds {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("watch: bad feed URL %q", raw)
		}
		w.feeds = append(w.feeds, &feedState{url: raw, host: strings.ToLower(u.Host)})
	}
	return w, nil
}

// ReadFeedList reads one feed URL per line; blank lines and lines starting
// with '#' are skipped, as is anything after " #" on a line.
func ReadFeedList(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("line %d: %q is not an http(s) URL", n, line)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read feed list: %w", err)
	}
	return out, nil
}

// Run polls until ctx is done, sleeping until the next feed is due. It
// returns ctx's error, or a fatal store error.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		sum, err := w.Poll(ctx)
		if err != nil {
			return err
		}
		if sum.Read > 0 {
			w.ing.opts.Log.Info("watch: ingested", sum.LogAttrs()...)
		}
		wait := w.untilNext()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// untilNext is how long until the earliest feed is due (at least 10 ms, so
// a clock that does not move cannot make Run spin).
func (w *Watcher) untilNext() time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.opts.Now()
	wait := w.opts.Every
	for _, f := range w.feeds {
		if d := f.next.Sub(now); d < wait {
			wait = d
		}
	}
	return max(wait, 10*time.Millisecond)
}

// Poll fetches every feed that is due now (at most one request per host
// per HostInterval; a feed whose host is busy waits for a later poll) and
// ingests the items it has not seen. Fetch and parse errors are logged,
// counted as failed and back the feed off; the error is non-nil only for
// cancellation or a fatal store error.
func (w *Watcher) Poll(ctx context.Context) (Summary, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var total Summary
	for _, f := range w.feeds {
		if ctx.Err() != nil {
			return total, ctx.Err()
		}
		now := w.opts.Now()
		if now.Before(f.next) {
			continue
		}
		if last, ok := w.lastHost[f.host]; ok && now.Sub(last) < w.opts.HostInterval {
			f.next = last.Add(w.opts.HostInterval)
			continue
		}
		w.lastHost[f.host] = now
		sum, err := w.poll1(ctx, f, now)
		total.Add(sum)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// poll1 fetches one feed and ingests its new items.
func (w *Watcher) poll1(ctx context.Context, f *feedState, now time.Time) (Summary, error) {
	log := w.ing.opts.Log
	resp, err := w.fetch.Get(ctx, feed.Request{URL: f.url, ETag: f.etag, LastModified: f.lastModified})
	if err != nil {
		if ctx.Err() != nil {
			return Summary{}, ctx.Err()
		}
		return w.failed(f, now, err), nil
	}
	if resp.NotModified {
		f.failures, f.next = 0, now.Add(w.opts.Every)
		log.Debug("watch: not modified", logURL, f.url)
		return Summary{}, nil
	}
	parsed, err := feed.ParseBytes(resp.Body, resp.URL)
	if err != nil {
		return w.failed(f, now, fmt.Errorf("%s: %w", f.url, err)), nil
	}
	seen := make(map[string]struct{}, len(parsed.Items))
	var fresh []Doc
	for i, it := range parsed.Items {
		k := it.Key()
		seen[k] = struct{}{}
		if _, ok := f.seen[k]; ok {
			continue
		}
		fresh = append(fresh, ItemDoc(parsed, it, f.url, i))
	}
	log.Info("watch: polled", logURL, f.url, "items", len(parsed.Items), "new", len(fresh))
	sum, err := w.ing.Docs(ctx, func(yield func(Doc) bool) {
		for _, d := range fresh {
			if !yield(d) {
				return
			}
		}
	})
	if err != nil {
		// Validators are not kept, so the next poll fetches and retries.
		return sum, err
	}
	f.etag, f.lastModified, f.seen = resp.ETag, resp.LastModified, seen
	f.failures, f.next = 0, now.Add(w.opts.Every)
	return sum, nil
}

// failed records a fetch or parse error and schedules the retry.
func (w *Watcher) failed(f *feedState, now time.Time, err error) Summary {
	f.failures++
	d := w.backoff(f.failures)
	var se *feed.StatusError
	if errors.As(err, &se) && se.RetryAfter > d {
		d = min(se.RetryAfter, w.opts.MaxBackoff)
	}
	f.next = now.Add(d)
	w.ing.opts.Log.Warn("watch: feed failed", logURL, f.url, logErr, err, "failures", f.failures, "retry_in", d.Round(time.Millisecond))
	return Summary{Read: 1, Failed: 1, Failures: []Failure{{Name: f.url, Err: err}}}
}

// backoff is the wait after n consecutive failures: Backoff·2^(n-1),
// capped at MaxBackoff, with "equal jitter" (half fixed, half random) so
// many watchers that failed together do not retry together.
func (w *Watcher) backoff(n int) time.Duration {
	d := w.opts.Backoff
	for i := 1; i < n && d < w.opts.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, w.opts.MaxBackoff)
	return d/2 + time.Duration(w.opts.Jitter()*float64(d/2))
}
