package pipeline

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/data"
	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/segment"
)

func benchTexts(b *testing.B) ([]string, int64) {
	docs, err := data.Docs()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var n int64
	for _, d := range docs {
		texts = append(texts, d.Text)
		n += int64(len(d.Text))
	}
	return texts, n
}

// BenchmarkProcess runs the whole pipeline over the bundled corpus; compare
// with BenchmarkTokenize over the same bytes.
func BenchmarkProcess(b *testing.B) {
	p := newPipeline(b)
	texts, n := benchTexts(b)
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := p.Process(context.Background(), Input{Body: []byte(t), Format: "text"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkTokenize is the bare tokenizer pass the pipeline is measured against.
func BenchmarkTokenize(b *testing.B) {
	texts, n := benchTexts(b)
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			for _, s := range segment.Sentences(t) {
				_ = segment.Tokens(t, s.Start, s.End)
			}
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "reports/s")
}

// devTexts is what `strikewatch bench` measures: the bundled corpus plus the
// TBIJ and CASE 2021 dev sets when ../shared is present. Their many short
// reports weigh per-report costs that the long bundled ones hide.
func devTexts(b *testing.B) ([]string, int64) {
	texts, n := benchTexts(b)
	for _, set := range []string{"tbij", "case2021"} {
		docs, err := corpus.Load("corpus/" + set + "/dev.jsonl")
		if errors.Is(err, corpus.ErrNotFound) {
			b.Skipf("skipped: %s dev set not available: %v", set, err)
		}
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			texts = append(texts, d.Text)
			n += int64(len(d.Text))
		}
	}
	return texts, n
}

// BenchmarkCorpus compares the whole pipeline with the bare tokenizer pass
// over the bench subcommand's corpus; the target is a ratio under 10.
func BenchmarkCorpus(b *testing.B) {
	b.Run("process", func(b *testing.B) {
		p := newPipeline(b)
		texts, n := devTexts(b)
		b.SetBytes(n)
		b.ResetTimer()
		c0, _ := cpuTime()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				if _, err := p.Process(context.Background(), Input{Body: []byte(t), Format: "text"}); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportRates(b, len(texts), c0)
	})
	b.Run("tokenize", func(b *testing.B) {
		texts, n := devTexts(b)
		b.SetBytes(n)
		b.ResetTimer()
		c0, _ := cpuTime()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				for _, s := range segment.Sentences(t) {
					_ = segment.Tokens(t, s.Start, s.End)
				}
			}
		}
		reportRates(b, len(texts), c0)
	})
}

// reportRates reports reports per second of wall time and, where the
// platform measures it, CPU milliseconds per op: compare runs by the latter
// when other work shares the machine.
func reportRates(b *testing.B, reports int, c0 time.Duration) {
	b.ReportMetric(float64(reports*b.N)/b.Elapsed().Seconds(), "reports/s")
	if c1, ok := cpuTime(); ok {
		b.ReportMetric(float64(c1-c0)/1e6/float64(b.N), "cpu-ms/op")
	}
}
