package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/data"
	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/segment"
)

// runBench measures extraction speed against a bare tokenizer pass over the
// same bytes, in one run, on one core (GOMAXPROCS is left as is; the loop is
// sequential).
func runBench(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	rounds := fs.Int("rounds", 3, "passes over the corpus")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	t0 := time.Now()
	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "bench: %v\n", err)
		return 1
	}
	load := time.Since(t0)

	var texts []string
	bundled, err := data.Docs()
	if err != nil {
		fmt.Fprintf(e.stderr, "bench: %v\n", err)
		return 1
	}
	for _, d := range bundled {
		texts = append(texts, d.Text)
	}
	sets := []string{"bundled"}
	for _, set := range []string{"tbij", "case2021"} {
		docs, err := corpus.Load("corpus/" + set + "/dev.jsonl")
		if err != nil {
			continue
		}
		sets = append(sets, set)
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	var bytes int
	for _, t := range texts {
		bytes += len(t)
	}

	tokStart := time.Now()
	ntok := 0
	for r := 0; r < *rounds; r++ {
		for _, t := range texts {
			for _, s := range segment.Sentences(t) {
				ntok += len(segment.Tokens(t, s.Start, s.End))
			}
		}
	}
	tokTime := time.Since(tokStart)

	exStart := time.Now()
	claims := 0
	for r := 0; r < *rounds; r++ {
		for _, t := range texts {
			ex, err := p.Process(ctx, pipeline.Input{Body: []byte(t), Format: "text"})
			if err != nil {
				continue
			}
			claims += len(ex.Claims)
		}
	}
	exTime := time.Since(exStart)

	n := float64(len(texts) * *rounds)
	mb := float64(bytes**rounds) / 1e6
	w := e.stdout
	fmt.Fprintf(w, "corpus: %d reports, %.2f MB (%s), %d rounds, GOMAXPROCS=%d, %s\n", len(texts), float64(bytes)/1e6, strings.Join(sets, "+"), *rounds, runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Fprintf(w, "start-up (gazetteer, actors, lexicons): %v\n", load.Round(time.Millisecond))
	fmt.Fprintf(w, "tokenizer pass:  %8.0f reports/s  %6.2f MB/s  (%d tokens)\n", n/tokTime.Seconds(), mb/tokTime.Seconds(), ntok / *rounds)
	fmt.Fprintf(w, "full extraction: %8.0f reports/s  %6.2f MB/s  (%d claims per round)\n", n/exTime.Seconds(), mb/exTime.Seconds(), claims / *rounds)
	fmt.Fprintf(w, "extraction time ÷ tokenizer time: %.1f×\n", exTime.Seconds()/tokTime.Seconds())
	fmt.Fprintf(w, "peak RSS: %s\n", peakRSS())
	return 0
}

// peakRSS reads the high-water mark of resident memory (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "unknown"
}
