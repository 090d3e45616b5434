package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/pipeline"
)

// TestProbeSet scores the probe set (testdata/probes: short reports written
// to probe the stage ladder, sources, numbers and texts that are no strike)
// and fails when a field falls below what the extractor has reached. The set
// is the project's own, so the test never skips. Raise a floor when a fix
// lifts a figure; lower one only with a reason in the commit.
func TestProbeSet(t *testing.T) {
	docs := loadLabelled(t, "../../testdata/probes/probes.jsonl")
	if len(docs) < 80 {
		t.Fatalf("probe set has %d reports, want at least 80", len(docs))
	}
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Labelled(context.Background(), p, docs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	sc.Format(&b, "probes")
	FormatFailures(&b, sc.Failures, 200)
	t.Log("\n" + b.String())
	for _, f := range []struct {
		name  string
		got   Exact
		floor float64
	}{
		{"sub-event type found", sc.Action, 0.987},
		{"stage", sc.Stage, 0.974},
		{"stage and certainty", sc.StageCertainty, 0.974},
		{"killed min/max exact", sc.Killed, 0.970},
		{"source kind", sc.SourceKind, 0.978},
		{"source count", sc.SourceCount, 1},
		{"country", sc.Country, 0.84},
		{"date exact", sc.Date, 1},
		{"no claim where none is due", sc.Absent, 1},
	} {
		if r := f.got.Rate(); !(r >= f.floor-1e-9) {
			t.Errorf("%s: %.3f (%d of %d), want ≥ %.3f", f.name, r, f.got.Right, f.got.Total, f.floor)
		}
	}
	if sc.FalseConducted > 1 {
		t.Errorf("%d reports of a strike not carried out yield a conducted claim, want ≤ 1", sc.FalseConducted)
	}
}
