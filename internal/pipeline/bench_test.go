package pipeline

import (
	"context"
	"testing"

	"github.com/strikewatch/strikewatch/data"
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
