package ingest_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/sqlite"
	"github.com/strikewatch/strikewatch/internal/store"
)

// The pipeline loads the gazetteer once per test binary.
var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func extractor(t testing.TB) ingest.ExtractFunc {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(slog.New(slog.DiscardHandler)) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return func(ctx context.Context, d ingest.Doc) (report.Extraction, error) {
		return pipe.Process(ctx, pipeline.Input{ID: d.ID, Name: d.Name, Body: d.Body, Format: d.Format,
			URL: d.URL, Outlet: d.Outlet, Title: d.Title, Published: d.Published})
	}
}

func corpusPath(t testing.TB, rel string) string {
	t.Helper()
	p, err := corpus.Path(rel)
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("shared corpus absent (%v): skipping", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func openDB(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sw.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// independentSources adds up the independent-source counts of every event.
func independentSources(t *testing.T, st store.Store) int {
	t.Helper()
	total := 0
	f := store.Filter{Limit: 500}
	for {
		page, err := st.Events(t.Context(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Items {
			total += e.IndependentSources
		}
		if page.Next == "" {
			return total
		}
		f.Cursor = page.Next
	}
}

func TestCorpusTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests two corpus sets: skipped under -short")
	}
	paths := []string{corpusPath(t, "corpus/isaf/dev.jsonl"), corpusPath(t, "corpus/tbij/dev.jsonl")}
	db := openDB(t)
	ing := ingest.New(extractor(t), db, ingest.Options{Workers: 2})
	first, err := ing.Run(t.Context(), paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Failed != 0 || first.Added == 0 {
		t.Fatalf("first run: got %+v, want everything added", first)
	}
	once, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	second, err := ing.Run(t.Context(), paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Added != 0 || second.Duplicates != first.Read-first.Failed || second.Failed != 0 {
		t.Errorf("second run: got %+v, want all %d duplicates", second, first.Read)
	}
	twice, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if once != twice {
		t.Errorf("counts after two runs %+v, after one %+v", twice, once)
	}
	if once.Reports != first.Added {
		t.Errorf("store holds %d reports, run added %d", once.Reports, first.Added)
	}
}

func TestSyndicatedCopy(t *testing.T) {
	docs, err := corpus.Load("corpus/isaf/dev.jsonl")
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("shared corpus absent (%v): skipping", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	db := openDB(t)
	ing := ingest.New(extractor(t), db, ingest.Options{Workers: 2})
	var originals []ingest.Doc
	for _, d := range docs[:min(40, len(docs))] {
		originals = append(originals, ingest.Doc{ID: d.ID, Name: d.ID, Body: []byte(d.Text), Format: "text"})
	}
	sum, err := ing.Docs(t.Context(), seq(originals))
	if err != nil || sum.Added != len(originals) {
		t.Fatalf("originals: got %+v, %v", sum, err)
	}
	before := independentSources(t, db)
	if before == 0 {
		t.Fatal("no events from the originals: nothing to compare")
	}
	// The copies: the same body under another header (the release number
	// and dateline are replaced by a wire byline and tag).
	var copies []ingest.Doc
	for _, d := range originals {
		body := string(d.Body)
		if i := strings.Index(body, ")\n"); i >= 0 && i < 200 {
			body = body[i+2:]
		}
		wire := "By a staff correspondent\nPublished by Example Daily\n\nKABUL (Reuters) - " + body
		copies = append(copies, ingest.Doc{Name: d.Name + "-copy", Body: []byte(wire), Format: "text",
			URL: "https://daily.example/" + d.ID, Outlet: "Example Daily"})
	}
	sum, err = ing.Docs(t.Context(), seq(copies))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != len(copies) || sum.Copies != len(copies) {
		t.Errorf("copies: got %+v, want all %d added and marked as copies", sum, len(copies))
	}
	if after := independentSources(t, db); after != before {
		t.Errorf("independent sources went from %d to %d with copies added", before, after)
	}
}

func TestChangedArticleIsNewVersion(t *testing.T) {
	db := openDB(t)
	ing := ingest.New(extractor(t), db, ingest.Options{Workers: 1})
	const url = "https://news.example/2024/05/strike"
	v1 := ingest.Doc{Name: "v1", URL: url, Format: "text",
		Body: []byte("ADEN, Yemen (AP) — A US drone strike killed two suspected militants in Shabwa province on Monday, local officials said.")}
	v2 := v1
	v2.Name = "v2"
	v2.Body = []byte("ADEN, Yemen (AP) — A US drone strike killed four suspected militants in Shabwa province on Monday, local officials said, raising an earlier toll.")
	sum, err := ing.Docs(t.Context(), seq([]ingest.Doc{v1, v2, v1}))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || sum.Versions != 1 || sum.Duplicates != 1 {
		t.Errorf("got %+v, want 2 added, 1 a new version, 1 duplicate", sum)
	}
}

func seq(docs []ingest.Doc) func(func(ingest.Doc) bool) {
	return func(yield func(ingest.Doc) bool) {
		for _, d := range docs {
			if !yield(d) {
				return
			}
		}
	}
}

// BenchmarkIngestISAF measures end-to-end ingest (extract, store,
// clustering) of the ISAF set into a fresh database per iteration.
func BenchmarkIngestISAF(b *testing.B) {
	p, err := corpus.Path("corpus/isaf/dev.jsonl")
	if errors.Is(err, corpus.ErrNotFound) {
		b.Skipf("shared corpus absent (%v): skipping", err)
	}
	ex := extractor(b)
	for _, workers := range []int{1, 2} {
		b.Run("workers="+string(rune('0'+workers)), func(b *testing.B) {
			n := 0
			for b.Loop() {
				b.StopTimer()
				db := openDB(b)
				b.StartTimer()
				sum, err := ingest.New(ex, db, ingest.Options{Workers: workers}).Run(context.Background(), []string{p}, nil)
				if err != nil {
					b.Fatal(err)
				}
				n += sum.Read
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}
