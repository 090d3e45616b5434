package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/pipeline"
)

func loadLabelled(t testing.TB, path string) []corpus.Doc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := corpus.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// twinsOf keeps the Spanish reports that have an English twin ("es-07" and
// "en-07"), so that both sets are scored on the same kinds of sentences.
func twinsOf(es, en []corpus.Doc) []corpus.Doc {
	have := map[string]bool{}
	for _, d := range en {
		have[strings.TrimPrefix(d.ID, "en-")] = true
	}
	var out []corpus.Doc
	for _, d := range es {
		if have[strings.TrimPrefix(d.ID, "es-")] {
			out = append(out, d)
		}
	}
	return out
}

func TestSpanishSet(t *testing.T) {
	es := loadLabelled(t, "../../testdata/es/spanish.jsonl")
	en := loadLabelled(t, "../../testdata/es/english.jsonl")
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	all, err := Labelled(ctx, p, es)
	if err != nil {
		t.Fatal(err)
	}
	twin, err := Labelled(ctx, p, twinsOf(es, en))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := Labelled(ctx, p, en)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	all.Format(&b, "Spanish, all")
	twin.Format(&b, "Spanish, twinned")
	eng.Format(&b, "English twins")
	FormatFailures(&b, all.Failures, 200)
	b.WriteString("English:\n")
	FormatFailures(&b, eng.Failures, 200)
	t.Log("\n" + b.String())
	// Spanish at least as good as English on the same kinds of sentences.
	// Location is left out: it rests on the geoparser, whose Spanish gaps
	// (lower-case demonyms, "sierra de Guerrero") are its own.
	for _, f := range []struct {
		name   string
		es, en Exact
	}{
		{"sub-event type", twin.Action, eng.Action},
		{"stage", twin.Stage, eng.Stage},
		{"stage and certainty", twin.StageCertainty, eng.StageCertainty},
		{"killed", twin.Killed, eng.Killed},
		{"source kind", twin.SourceKind, eng.SourceKind},
		{"source count", twin.SourceCount, eng.SourceCount},
		{"date", twin.Date, eng.Date},
	} {
		if f.es.Rate() < f.en.Rate() {
			t.Errorf("%s: Spanish %.3f < English %.3f on twinned reports", f.name, f.es.Rate(), f.en.Rate())
		}
	}
	for _, sc := range []struct {
		name string
		s    LabelScore
	}{{"Spanish", all}, {"English", eng}} {
		if sc.s.FalseConducted != 0 {
			t.Errorf("%s: %d reports of a strike not carried out yield a conducted claim, want 0", sc.name, sc.s.FalseConducted)
		}
		if r := sc.s.Stage.Rate(); r < 0.8 {
			t.Errorf("%s: stage accuracy %.3f, want ≥ 0.8", sc.name, r)
		}
	}
}
