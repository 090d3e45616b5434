package main

import (
	"context"
	"flag"
	"fmt"
	"iter"
	"os"
	"path/filepath"

	"github.com/strikewatch/strikewatch/data"
	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/store/backend"
)

func runDemo(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var o serveOptions
	o.register(fs, "", "database to load the demo into (default: a fresh one in a temp folder, removed on exit)")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "usage: strikewatch demo [flags]\n\nLoads the bundled sample corpus (the project's own sample reports and 362 ISAF\npress releases, CC BY-SA 4.0) into a database and serves it.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "demo: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := demo(ctx, e, o, nil); err != nil {
		fmt.Fprintf(e.stderr, "demo: %v\n", err)
		return 1
	}
	return 0
}

// demo loads the bundled corpus and serves it; ready gets the address.
func demo(ctx context.Context, e env, o serveOptions, ready func(addr string)) error {
	if o.db == "" {
		dir, err := os.MkdirTemp("", "strikewatch-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		o.db = filepath.Join(dir, "demo.db")
	}
	st, err := backend.Open(ctx, o.db, e.log)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(e.log)
	if err != nil {
		return err
	}
	docs, err := data.Docs()
	if err != nil {
		return fmt.Errorf("bundled corpus: %w", err)
	}
	fmt.Fprintf(e.stderr, "demo: loading %d bundled reports into %s …\n", len(docs), o.db)
	seq := iter.Seq[ingest.Doc](func(yield func(ingest.Doc) bool) {
		for _, d := range docs {
			in := ingest.Doc{ID: d.ID, Name: "bundled:" + d.ID, Body: []byte(d.Text), Format: "text"}
			if d.URL != nil {
				in.URL = *d.URL
			}
			if d.Outlet != nil {
				in.Outlet = *d.Outlet
			}
			if d.Title != nil {
				in.Title = *d.Title
			}
			if d.Published != nil {
				in.Published = *d.Published
			}
			if !yield(in) {
				return
			}
		}
	})
	ing := ingest.New(extractWith(p), st, ingest.Options{Log: e.log})
	sum, err := ing.Docs(ctx, seq)
	if err != nil {
		return fmt.Errorf("load demo corpus: %w", err)
	}
	fmt.Fprintf(e.stderr, "demo: %d reports stored (%d already there, %d failed), %d claims, %d events, %d escalations\n",
		sum.Added, sum.Duplicates, sum.Failed, sum.Claims, sum.Events, sum.Escalations)
	return serve(ctx, e, o, st, p, func(addr string) {
		fmt.Fprintf(e.stdout, "strikewatch demo: open http://%s/ (Ctrl-C to stop)\n", addr)
		if ready != nil {
			ready(addr)
		}
	})
}
