package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
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
	rounds := fs.Int("rounds", 5, "timed passes over the corpus (after one untimed warm-up pass)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *rounds < 1 {
		fmt.Fprintf(e.stderr, "bench: --rounds %d: want at least 1\n", *rounds)
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

	tokenize := func() int {
		n := 0
		for _, t := range texts {
			for _, s := range segment.Sentences(t) {
				n += len(segment.Tokens(t, s.Start, s.End))
			}
		}
		return n
	}
	extract := func() int {
		n := 0
		for _, t := range texts {
			ex, err := p.Process(ctx, pipeline.Input{Body: []byte(t), Format: "text"})
			if err != nil {
				continue
			}
			n += len(ex.Claims)
		}
		return n
	}
	// One untimed pass of each warms caches and pools; then the two passes
	// alternate round by round, so that load on a shared machine falls on
	// both, and the ratio is the median of the rounds' ratios.
	tokenize()
	extract()
	runtime.GC()
	var tokTime, exTime time.Duration
	var ratios []float64
	ntok, claims := 0, 0
	for r := 0; r < *rounds; r++ {
		t0 := time.Now()
		ntok += tokenize()
		t1 := time.Now()
		claims += extract()
		t2 := time.Now()
		tokTime += t1.Sub(t0)
		exTime += t2.Sub(t1)
		ratios = append(ratios, t2.Sub(t1).Seconds()/t1.Sub(t0).Seconds())
	}
	slices.Sort(ratios)

	n := float64(len(texts) * *rounds)
	mb := float64(bytes**rounds) / 1e6
	w := e.stdout
	fmt.Fprintf(w, "corpus: %d reports, %.2f MB (%s), %d rounds, GOMAXPROCS=%d, %s\n", len(texts), float64(bytes)/1e6, strings.Join(sets, "+"), *rounds, runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Fprintf(w, "start-up (gazetteer, actors, lexicons): %v\n", load.Round(time.Millisecond))
	fmt.Fprintf(w, "tokenizer pass:  %8.0f reports/s  %6.2f MB/s  (%d tokens)\n", n/tokTime.Seconds(), mb/tokTime.Seconds(), ntok / *rounds)
	fmt.Fprintf(w, "full extraction: %8.0f reports/s  %6.2f MB/s  (%d claims per round)\n", n/exTime.Seconds(), mb/exTime.Seconds(), claims / *rounds)
	fmt.Fprintf(w, "extraction time ÷ tokenizer time: %.1f× (median of %d alternating rounds; %.1f× to %.1f×; %.1f× over all)\n",
		ratios[len(ratios)/2], len(ratios), ratios[0], ratios[len(ratios)-1], exTime.Seconds()/tokTime.Seconds())
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
