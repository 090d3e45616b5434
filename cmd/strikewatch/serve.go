package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/strikewatch/strikewatch/internal/alert"
	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/backend"
	"github.com/strikewatch/strikewatch/internal/web"
)

// serveOptions are the flags serve and demo share.
type serveOptions struct {
	addr      string
	db        string
	tokenFile string
	webhook   string
	watch     string
}

func (o *serveOptions) register(fs *flag.FlagSet, dbDefault, dbHelp string) {
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen address (host:port; port 0 picks a free one)")
	fs.StringVar(&o.db, "db", dbDefault, dbHelp)
	fs.StringVar(&o.tokenFile, "token-file", "", "file holding the bearer token that allows POST /api/v1/reports (none: read-only)")
	fs.StringVar(&o.webhook, "webhook", "", "URL to POST a JSON payload to when a story escalates")
	fs.StringVar(&o.watch, "watch", "", "file listing feed URLs (one per line) to poll and ingest while serving")
}

func runServe(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var o serveOptions
	o.register(fs, "strikewatch.db", "database: a SQLite file path or file: URL")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "usage: strikewatch serve [flags]\n\nServes the web page and the JSON API (/api/v1/) until interrupted.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	st, err := backend.Open(ctx, o.db, e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "serve: %v\n", err)
		return 1
	}
	defer st.Close()
	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "serve: %v\n", err)
		return 1
	}
	if err := serve(ctx, e, o, st, p, nil); err != nil {
		fmt.Fprintf(e.stderr, "serve: %v\n", err)
		return 1
	}
	return 0
}

// pipelineExtractor adapts the pipeline to the web API's Extractor.
type pipelineExtractor struct{ p *pipeline.Pipeline }

func (x pipelineExtractor) Extract(ctx context.Context, d web.Document) (report.Extraction, error) {
	return x.p.Process(ctx, pipeline.Input{Name: "api", Body: []byte(d.Text), Format: d.Format,
		URL: d.URL, Outlet: d.Outlet, Title: d.Title, Published: d.Published})
}

// alertingStore tells the notifier about every stored report, whoever
// stored it (the API or the feed watcher).
type alertingStore struct {
	store.Store
	n *alert.Notifier
}

func (s alertingStore) AddExtraction(ctx context.Context, ex report.Extraction, src store.Source) (store.AddResult, error) {
	res, err := s.Store.AddExtraction(ctx, ex, src)
	if err == nil {
		s.n.Notify(res)
	}
	return res, err
}

// readToken reads a bearer token file; an empty file is an error, not an
// open door.
func readToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("token file: %w", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" {
		return "", fmt.Errorf("token file %s is empty", path)
	}
	return tok, nil
}

// serve runs the HTTP server on st until ctx is done, with the optional
// webhook notifier and feed watcher. ready, if set, gets the listening
// address (the demo prints it; tests dial it).
func serve(ctx context.Context, e env, o serveOptions, st store.Store, p *pipeline.Pipeline, ready func(addr string)) error {
	var token string
	if o.tokenFile != "" {
		t, err := readToken(o.tokenFile)
		if err != nil {
			return err
		}
		token = t
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }() // stop the notifier and watcher, and wait for them

	if o.webhook != "" {
		n, err := alert.New(alert.Config{URL: o.webhook, Log: e.log})
		if err != nil {
			return err
		}
		wg.Go(func() { n.Run(ctx) })
		st = alertingStore{Store: st, n: n}
	}
	if o.watch != "" {
		f, err := os.Open(o.watch)
		if err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		urls, err := ingest.ReadFeedList(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("watch %s: %w", o.watch, err)
		}
		fetcher := feed.NewFetcher(feed.FetchOptions{UserAgent: userAgent()})
		ing := ingest.New(extractWith(p), st, ingest.Options{Fetcher: fetcher, Log: e.log})
		w, err := ingest.NewWatcher(ing, fetcher, urls, ingest.WatchOptions{})
		if err != nil {
			return err
		}
		wg.Go(func() {
			if err := w.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
				e.log.Error("feed watcher stopped", "error", err.Error())
			}
		})
	}

	h, err := web.New(web.Config{Store: st, Extractor: pipelineExtractor{p}, Token: token, Log: e.log})
	if err != nil {
		return err
	}
	defer h.Close()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // exports of the whole database stream for a while
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(e.log.Handler(), slog.LevelWarn),
	}
	addr := ln.Addr().String()
	e.log.Info("serving", "url", "http://"+addr+"/", "writes", token != "")
	if ready != nil {
		ready(addr)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, stop := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer stop()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	<-errc
	e.log.Info("stopped")
	return nil
}
