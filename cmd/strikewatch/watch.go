package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/store/backend"
)

func runWatch(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: strikewatch watch --feeds FILE [flags]

Polls the feeds listed in FILE (one URL per line, # comments) and ingests
new items as they appear: conditional requests, at most one request per
host every few seconds, and backoff after errors. Stops on SIGINT.

flags:
`)
		fs.PrintDefaults()
	}
	feedsFile := fs.String("feeds", "", "`FILE` listing feed URLs, one per line")
	every := fs.Duration("every", 15*time.Minute, "poll interval per feed")
	db := fs.String("db", "strikewatch.db", "database: a SQLite file path or file: URL, or postgres://")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extraction workers")
	allowPrivate := fs.Bool("allow-private", false, "allow feed URLs on loopback, private and link-local addresses")
	if _, err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	if *feedsFile == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *every < time.Second || *workers < 1 {
		fmt.Fprintln(e.stderr, "watch: --every must be at least 1s and --workers at least 1")
		return 2
	}
	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "watch: %v\n", err)
		return 1
	}
	st, err := backend.Open(ctx, *db, e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "watch: %v\n", err)
		return 1
	}
	defer st.Close()
	w, n, err := newWatcher(e, p, st, *feedsFile, *every, *workers, *allowPrivate)
	if err != nil {
		fmt.Fprintf(e.stderr, "watch: %v\n", err)
		return 1
	}
	e.log.Info("watching feeds", "feeds", n, "every", *every)
	if err := w.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.stderr, "watch: %v\n", err)
		return 1
	}
	return 0
}

// newWatcher reads the feed list in path and returns a watcher that
// ingests into st, and the number of feeds; serve --watch uses it too.
func newWatcher(e env, p *pipeline.Pipeline, st ingest.Store, path string, every time.Duration, workers int, allowPrivate bool) (*ingest.Watcher, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	urls, err := ingest.ReadFeedList(f)
	f.Close()
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	if len(urls) == 0 {
		return nil, 0, fmt.Errorf("%s lists no feeds", path)
	}
	ing := ingest.New(extractWith(p), st, ingest.Options{Workers: workers, Log: e.log, ReportID: reportIDWith()})
	w, err := ingest.NewWatcher(ing, feed.NewFetcher(feed.FetchOptions{UserAgent: userAgent(), AllowPrivate: allowPrivate}),
		urls, ingest.WatchOptions{Every: every})
	if err != nil {
		return nil, 0, err
	}
	return w, len(urls), nil
}
