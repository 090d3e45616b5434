package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/term"

	"github.com/strikewatch/strikewatch/internal/clean"
	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store/backend"
)

// exitInterrupted is the exit code after SIGINT/SIGTERM (128 + SIGINT), once
// the work in flight is stored.
const exitInterrupted = 130

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// parseInterleaved parses flags that may come after positional arguments
// (`ingest dir --workers 2`), which flag.Parse alone stops at.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag.Parse consumed a "--": everything after it is positional.
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// userAgent names the program, its version and where to read about it.
func userAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "strikewatch/" + v + " (+https://github.com/strikewatch/strikewatch)"
}

// extractWith adapts the pipeline to ingest.
func extractWith(p *pipeline.Pipeline) ingest.ExtractFunc {
	return func(ctx context.Context, d ingest.Doc) (report.Extraction, error) {
		return p.Process(ctx, pipeline.Input{ID: d.ID, Name: d.Name, Body: d.Body, Format: d.Format,
			URL: d.URL, Outlet: d.Outlet, Title: d.Title, Published: d.Published})
	}
}

// reportIDWith computes a document's report id as the pipeline does (the
// sha256 of the cleaned text) without the rest of extraction, so ingest can
// skip a stored report early.
func reportIDWith() func(d ingest.Doc) (string, bool) {
	return func(d ingest.Doc) (string, bool) {
		doc, err := clean.Clean(d.Body, clean.Format(d.Format), clean.Options{})
		if err != nil {
			return "", false
		}
		sum := sha256.Sum256([]byte(doc.Text))
		return hex.EncodeToString(sum[:]), true
	}
}

// isTerminal reports whether w is a terminal (for the progress bar).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runIngest(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: strikewatch ingest [flags] PATH... [--feed URL]...

Reads files and folders (recursively): .txt, .html/.htm, .jsonl (one
{"text", "id", "url", "outlet", "title", "published"} object per line),
.json, and RSS/Atom feed files (.xml, .rss, .atom); "-" reads JSON Lines
from standard input; and feed URLs. Reports
already stored are skipped. Exit code 0: all read; 1: some inputs failed;
2: usage; 130: interrupted (work in flight was stored).

flags:
`)
		fs.PrintDefaults()
	}
	db := fs.String("db", "strikewatch.db", "database: a SQLite file path or file: URL, or postgres://")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extraction workers")
	var feeds stringList
	fs.Var(&feeds, "feed", "feed `URL` to fetch and ingest (repeatable)")
	allowPrivate := fs.Bool("allow-private", false, "allow feed URLs on loopback, private and link-local addresses")
	format := fs.String("format", "auto", "format of plain documents and JSON lines: auto, text or html")
	logEvery := fs.Int("log-every", 1000, "without a terminal, log progress every N documents")
	enqueueOnly := fs.Bool("enqueue", false, "only queue the documents for 'strikewatch worker' (needs a postgres:// --db)")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	switch *format {
	case "auto", "text", "html":
	default:
		fmt.Fprintf(e.stderr, "ingest: --format %q: want auto, text or html\n", *format)
		return 2
	}
	if len(paths) == 0 && len(feeds) == 0 {
		fmt.Fprintln(e.stderr, "ingest: give at least one PATH or --feed URL")
		fs.Usage()
		return 2
	}
	if *workers < 1 {
		fmt.Fprintln(e.stderr, "ingest: --workers must be at least 1")
		return 2
	}
	if *enqueueOnly {
		return runEnqueue(ctx, e, *db, paths, feeds, *format, *allowPrivate)
	}

	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "ingest: %v\n", err)
		return 1
	}
	st, err := backend.Open(ctx, *db, e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "ingest: %v\n", err)
		return 1
	}
	defer st.Close()

	var progress ingest.Progress = &ingest.LogProgress{Log: e.log, Every: *logEvery}
	if isTerminal(e.stderr) {
		progress = ingest.NewBarProgress(e.stderr)
	}
	ing := ingest.New(extractWith(p), st, ingest.Options{
		Workers:  *workers,
		Format:   *format,
		Fetcher:  feed.NewFetcher(feed.FetchOptions{UserAgent: userAgent(), AllowPrivate: *allowPrivate}),
		Log:      e.log,
		Progress: progress,
		ReportID: reportIDWith(),
		Stdin:    e.stdin,
	})
	sum, err := ing.Run(ctx, paths, feeds)
	e.log.Info("ingest done", sum.LogAttrs()...)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintln(e.stderr, "ingest: interrupted; the reports in flight were stored, run again to go on")
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
