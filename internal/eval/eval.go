// Package eval scores extraction against the labelled sets in
// ../shared/corpus (formats in its README) and prints per-field figures.
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
)

// Binary counts a yes/no decision.
type Binary struct{ TP, FP, FN, TN int }

// Add records one decision.
func (b *Binary) Add(gold, pred bool) {
	switch {
	case gold && pred:
		b.TP++
	case !gold && pred:
		b.FP++
	case gold && !pred:
		b.FN++
	default:
		b.TN++
	}
}

// Precision, Recall and F1 of the positive class.
func (b Binary) Precision() float64 { return ratio(b.TP, b.TP+b.FP) }
func (b Binary) Recall() float64    { return ratio(b.TP, b.TP+b.FN) }
func (b Binary) F1() float64 {
	p, r := b.Precision(), b.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Exact counts exact-match agreement on one field.
type Exact struct{ Right, Total int }

// Add records one comparison.
func (e *Exact) Add(ok bool) {
	e.Total++
	if ok {
		e.Right++
	}
}

// Rate is the share right.
func (e Exact) Rate() float64 { return ratio(e.Right, e.Total) }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Failure is one document the extractor got wrong on a field, for reading.
type Failure struct {
	ID, Field, Gold, Got string
}

// run extracts every doc, calling fn with the result.
func run(ctx context.Context, p *pipeline.Pipeline, docs []corpus.Doc, fn func(d corpus.Doc, ex report.Extraction) error) error {
	for _, d := range docs {
		in := pipeline.Input{Name: d.ID, Body: []byte(d.Text), Format: "text"}
		if d.Published != nil {
			in.Published = *d.Published
		}
		if d.URL != nil {
			in.URL = *d.URL
		}
		ex, err := p.Process(ctx, in)
		if err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		if err := fn(d, ex); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
	}
	return nil
}

// credible: a claim stated as happening (not negated, not hypothetical).
func credible(c report.Claim) bool {
	return c.Certainty == report.Asserted || c.Certainty == report.Hedged
}

func conductedStrike(c report.Claim) bool {
	return c.SubEventType == "Air/drone strike" && c.Stage == report.Conducted && credible(c)
}

var violent = map[string]bool{"Explosions/Remote violence": true, "Battles": true, "Violence against civilians": true}

// primary is the report's main event: its first credible conducted claim
// (claims come ordered asserted-first, then in text order), preferring
// violent ones.
func primary(cs []report.Claim, want func(report.Claim) bool) *report.Claim {
	for i := range cs {
		if cs[i].Stage == report.Conducted && credible(cs[i]) && want(cs[i]) {
			return &cs[i]
		}
	}
	return nil
}

func intOr0(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func fmtRate(w io.Writer, name string, r float64, n int, target string) {
	fmt.Fprintf(w, "  %-34s %6.3f  (n=%d)%s\n", name, r, n, target)
}

func fmtBinary(w io.Writer, name string, b Binary, target string) {
	fmt.Fprintf(w, "  %-34s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)%s\n", name, b.Precision(), b.Recall(), b.F1(), b.TP, b.FP, b.FN, b.TN, target)
}

func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	r := strings.NewReplacer("-", " ", "'", "", "’", "")
	return r.Replace(s)
}

func decodeGold(d corpus.Doc, v any) error {
	if err := json.Unmarshal(d.Gold, v); err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	return nil
}
