// Command strikewatch turns news reports about the use of armed force into an
// evidence-linked, geolocated event database. See README.md.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what every subcommand gets from main: its streams and a logger.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// command is one subcommand: it returns the process exit code.
type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) int
}

// commands lists every subcommand; each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"extract": {"extract claims from one report (or a --jsonl batch) as JSON", runExtract},
		"eval":    {"score extraction against a labelled set (../shared/corpus)", runEval},
		"bench":   {"measure extraction speed against a bare tokenizer pass", runBench},
		"serve":   {"serve the web page and JSON API over a database", runServe},
		"export":  {"export events (ACLED CSV, GeoJSON, JSON Lines) or story changes (Atom)", runExport},
		"demo":    {"load the bundled sample corpus and serve it (start here)", runDemo},
		"ingest":  {"add files, folders, JSON Lines and feeds to the database", runIngest},
		"watch":   {"poll feeds and ingest new items as they appear", runWatch},
		"worker":  {"process jobs queued by ingest --enqueue (PostgreSQL)", runWorker},
	}
}

const usageHead = `strikewatch — news reports about armed force → evidence-linked event database

usage: strikewatch <command> [flags] [args]

commands:
`

func usage(w io.Writer) {
	fmt.Fprint(w, usageHead)
	cmds := commands()
	for _, name := range sortedKeys(cmds) {
		fmt.Fprintf(w, "  %-9s %s\n", name, cmds[name].summary)
	}
	fmt.Fprint(w, "\nrun 'strikewatch <command> -h' for a command's flags\n")
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "strikewatch: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(ctx, e, args[1:])
}
