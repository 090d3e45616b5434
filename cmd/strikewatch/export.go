package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/export"
	"github.com/strikewatch/strikewatch/internal/store/backend"
	"github.com/strikewatch/strikewatch/internal/web"
)

// exportFilterFlags maps flag names to the API's filter parameter names.
var exportFilterFlags = [][2]string{
	{"country", "country"}, {"actor", "actor"}, {"stage", "stage"}, {"certainty", "certainty"},
	{"sub-event-type", "sub_event_type"}, {"from", "from"}, {"to", "to"}, {"bbox", "bbox"},
	{"min-sources", "min_sources"}, {"q", "q"}, {"story", "story"},
}

func runExport(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	names := make([]string, 0, 4)
	for _, f := range export.Formats() {
		names = append(names, string(f))
	}
	format := fs.String("format", "", "output format: "+strings.Join(names, ", ")+" (required)")
	db := fs.String("db", "strikewatch.db", "database: a SQLite file path or file: URL")
	out := fs.String("o", "", "write to FILE instead of standard output")
	base := fs.String("base-url", "", "the web UI's URL, for links in the Atom feed")
	help := map[string]string{
		"country": "ISO alpha-2 country code", "actor": "actor id (actor1 or actor2)",
		"stage": "stage (discussed … called_off)", "certainty": "asserted, hedged, negated or hypothetical",
		"sub-event-type": "ACLED sub-event type, e.g. 'Air/drone strike'", "from": "on or after YYYY-MM-DD",
		"to": "on or before YYYY-MM-DD", "bbox": "minlon,minlat,maxlon,maxlat",
		"min-sources": "at least N independent sources", "q": "full-text query over report text", "story": "story id",
	}
	vals := map[string]*string{}
	for _, p := range exportFilterFlags {
		vals[p[1]] = fs.String(p[0], "", help[p[0]])
	}
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "usage: strikewatch export --format FORMAT [filters] [-o FILE]\n\nOne row per event (acled-csv, geojson, jsonl), or an Atom feed of story stage changes.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "export: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(e.stderr, "export: %v\n", err)
		return 2
	}
	q := url.Values{}
	for k, v := range vals {
		if *v != "" {
			q.Set(k, *v)
		}
	}
	filter, err := web.ParseFilter(q)
	if err != nil {
		fmt.Fprintf(e.stderr, "export: %v\n", err)
		return 2
	}
	st, err := backend.Open(ctx, *db, e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "export: %v\n", err)
		return 1
	}
	defer st.Close()
	feed := export.Feed{ID: "urn:strikewatch:stage-changes", BaseURL: strings.TrimSuffix(*base, "/"), Updated: time.Now()}
	write, err := web.PrepareExport(ctx, st, f, filter, feed)
	if err != nil {
		fmt.Fprintf(e.stderr, "export: %v\n", err)
		return 1
	}
	if *out == "" {
		if err := write(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "export: %v\n", err)
			return 1
		}
		return 0
	}
	if err := writeFileAtomic(*out, write); err != nil {
		fmt.Fprintf(e.stderr, "export: %v\n", err)
		return 1
	}
	return 0
}

// writeFileAtomic writes through a temp file in the same folder and
// renames it into place, so a failed export never leaves half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
