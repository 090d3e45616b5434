package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/sqlite"
	"github.com/strikewatch/strikewatch/internal/store"
)

// TestSpanishEnglishSeedStory ingests the English seed article and the
// Spanish report of the same story (testdata/es/seed.txt, written for the
// project): they must make one story, and the story's discussion event must
// count them as two independent reports.
func TestSpanishEnglishSeedStory(t *testing.T) {
	enPath, err := corpus.Path("corpus/seed/article.txt")
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("skipped: seed article not available: %v", err)
	}
	ctx := context.Background()
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "story.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })

	var reportIDs []string
	for _, in := range []struct{ path, outlet, url string }{
		{enPath, "Example Wire", "https://wire.example/us-weighs-drone-strikes"},
		{"../../testdata/es/seed.txt", "Diario Ejemplo", "https://diario.example/eu-analiza-ataques-con-drones"},
	} {
		body, err := os.ReadFile(in.path)
		if err != nil {
			t.Fatal(err)
		}
		ex, err := p.Process(ctx, pipeline.Input{Name: in.path, Body: body, Format: "text", Outlet: in.outlet, URL: in.url})
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.AddExtraction(ctx, ex, store.Source{Name: in.path})
		if err != nil {
			t.Fatalf("add %s: %v", in.path, err)
		}
		if res.CopyOf != nil {
			t.Errorf("%s marked as a copy of %s; a report in another language is independent", in.path, *res.CopyOf)
		}
		reportIDs = append(reportIDs, res.ReportID)
	}

	// Every drone-strike claim of both reports is in one story.
	stories := map[string][]string{} // story id → report ids
	for _, id := range reportIDs {
		_, claims, err := db.Report(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range claims {
			if c.SubEventType != "Air/drone strike" {
				continue
			}
			n++
			if c.StoryID == "" {
				t.Errorf("report %s: claim %s/%s has no story", id[:8], c.Stage, c.Certainty)
				continue
			}
			if !slices.Contains(stories[c.StoryID], id) {
				stories[c.StoryID] = append(stories[c.StoryID], id)
			}
		}
		if n == 0 {
			t.Fatalf("report %s: no drone-strike claim", id[:8])
		}
	}
	if len(stories) != 1 {
		t.Fatalf("stories = %v, want one story holding both reports", stories)
	}
	for sid, ids := range stories {
		if len(ids) != 2 {
			t.Errorf("story %s holds reports %v, want both", sid, ids)
		}
		st, err := db.Story(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		if st.Stage != report.Discussed {
			t.Errorf("story stage = %s, want discussed", st.Stage)
		}
		if st.Initiator == nil || st.Initiator.Country != "US" || st.Target == nil || st.Target.ID != "drug-cartels" {
			t.Errorf("story %v → %v, want the U.S. → drug cartels", st.Initiator, st.Target)
		}
		if st.HostConsent != report.ConsentUndecided {
			t.Errorf("story host consent = %q, want undecided", st.HostConsent)
		}
		// The discussion itself is one event told by two independent reports.
		evs, err := db.Events(ctx, store.Filter{StoryID: sid, Stage: report.Discussed, Certainty: report.Asserted})
		if err != nil {
			t.Fatal(err)
		}
		two := false
		for _, ev := range evs.Items {
			if ev.IndependentSources == 2 && slices.Contains(ev.ReportIDs, reportIDs[0]) && slices.Contains(ev.ReportIDs, reportIDs[1]) {
				two = true
			}
		}
		if !two {
			for _, ev := range evs.Items {
				t.Logf("event %s: %s/%s reports %v independent %d", ev.ID, ev.Stage, ev.SubEventType, ev.ReportIDs, ev.IndependentSources)
			}
			t.Errorf("no discussed event holds both reports as two independent sources")
		}
	}
}
