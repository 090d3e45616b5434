package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
)

// maxLine bounds one JSON Lines input line (the largest report we accept).
const maxLine = 50 << 20

func runExtract(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "usage: strikewatch extract [flags] [FILE|-]\n       strikewatch extract --jsonl < in.jsonl > out.jsonl\n\nflags:\n")
		fs.PrintDefaults()
	}
	jsonl := fs.Bool("jsonl", false, "batch mode: JSON Lines in (text, id, url, outlet, title, published), JSON Lines out")
	url := fs.String("url", "", "the report's URL")
	outlet := fs.String("outlet", "", "the outlet that published it")
	title := fs.String("title", "", "its title")
	published := fs.String("published", "", "publication date, YYYY-MM-DD")
	format := fs.String("format", "auto", "input format: text, html or auto")
	compact := fs.Bool("compact", false, "print compact JSON (single-document mode)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch *format {
	case "text", "html", "auto":
	default:
		fmt.Fprintf(e.stderr, "extract: --format %q: want text, html or auto\n", *format)
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(e.stderr, "extract: one FILE at most (use --jsonl for batches)")
		return 2
	}
	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "extract: %v\n", err)
		return 1
	}
	if *jsonl {
		if fs.NArg() == 1 && fs.Arg(0) != "-" {
			f, err := os.Open(fs.Arg(0))
			if err != nil {
				fmt.Fprintf(e.stderr, "extract: %v\n", err)
				return 1
			}
			defer f.Close()
			return extractJSONL(ctx, p, f, e.stdout, e.stderr, *format)
		}
		return extractJSONL(ctx, p, e.stdin, e.stdout, e.stderr, *format)
	}
	name, in := "stdin", e.stdin
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "extract: %v\n", err)
			return 1
		}
		defer f.Close()
		in = f
	}
	body, err := io.ReadAll(io.LimitReader(in, maxLine+1))
	if err != nil {
		fmt.Fprintf(e.stderr, "extract: read %s: %v\n", name, err)
		return 1
	}
	if len(body) > maxLine {
		fmt.Fprintf(e.stderr, "extract: %s: larger than the %d-byte limit\n", name, maxLine)
		return 1
	}
	ex, err := p.Process(ctx, pipeline.Input{Name: name, Body: body, Format: *format, URL: *url, Outlet: *outlet, Title: *title, Published: *published})
	if err != nil {
		fmt.Fprintf(e.stderr, "extract: %v\n", err)
		var inv *report.ErrInvalid
		if errors.As(err, &inv) {
			return 1
		}
		return 1
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if !*compact {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(ex); err != nil {
		fmt.Fprintf(e.stderr, "extract: write: %v\n", err)
		return 1
	}
	return 0
}

// jsonlIn is one input line of the batch form.
type jsonlIn struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	URL       *string         `json:"url"`
	Outlet    *string         `json:"outlet"`
	Title     *string         `json:"title"`
	Published *string         `json:"published"`
	Format    string          `json:"format"`
}

type jsonlOut struct {
	ID json.RawMessage `json:"id"`
	report.Extraction
}

type jsonlErr struct {
	ID    json.RawMessage `json:"id"`
	Line  int             `json:"line"`
	Error string          `json:"error"`
}

// extractJSONL processes one report per line, in order; a bad line yields an
// error object and the stream goes on. Exit code 1 when any line failed.
func extractJSONL(ctx context.Context, p *pipeline.Pipeline, r io.Reader, w, stderr io.Writer, format string) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	out := bufio.NewWriter(w)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed, line := 0, 0
	for sc.Scan() {
		if ctx.Err() != nil {
			break
		}
		line++
		raw := sc.Bytes()
		if len(trimSpace(raw)) == 0 {
			continue
		}
		var in jsonlIn
		if err := json.Unmarshal(raw, &in); err != nil {
			failed++
			enc.Encode(jsonlErr{ID: nullID(nil), Line: line, Error: fmt.Sprintf("line %d: not a JSON object: %v", line, err)})
			continue
		}
		text, f := "", format
		switch {
		case in.Text != nil:
			text = *in.Text
		case in.HTML != nil:
			text, f = *in.HTML, "html"
		default:
			failed++
			enc.Encode(jsonlErr{ID: nullID(in.ID), Line: line, Error: fmt.Sprintf("line %d: no \"text\" field", line)})
			continue
		}
		if in.Format != "" {
			f = in.Format
		}
		ex, err := p.Process(ctx, pipeline.Input{
			Name: fmt.Sprintf("line %d", line), Body: []byte(text), Format: f,
			URL: deref(in.URL), Outlet: deref(in.Outlet), Title: deref(in.Title), Published: deref(in.Published),
		})
		if err != nil {
			failed++
			enc.Encode(jsonlErr{ID: nullID(in.ID), Line: line, Error: err.Error()})
			continue
		}
		if err := enc.Encode(jsonlOut{ID: nullID(in.ID), Extraction: ex}); err != nil {
			fmt.Fprintf(stderr, "extract: write: %v\n", err)
			return 1
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "extract: read line %d: %v\n", line+1, err)
		return 1
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "extract: %d of %d lines failed\n", failed, line)
		return 1
	}
	return 0
}

func nullID(id json.RawMessage) json.RawMessage {
	if len(id) == 0 {
		return json.RawMessage("null")
	}
	return id
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}
