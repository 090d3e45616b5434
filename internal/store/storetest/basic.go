package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// fullExtraction sets every field of a report and of a claim, next to a
// claim whose optional fields are all null.
func fullExtraction() report.Extraction {
	text := "PUERTO VALLARTA, Mexico (Wire) — Officials discussed drone strikes on cartels. Six officials said so."
	r := report.Report{
		ID:        hashID(text),
		URL:       ptr("https://example.org/a"),
		Outlet:    ptr("Example News"),
		Title:     ptr("Drone strikes discussed"),
		Published: ptr("2025-03-01"),
		Language:  "en",
		Dateline: &report.Dateline{Text: "PUERTO VALLARTA, Mexico", Start: 0, End: 23, Date: ptr("2025-03-01"), Wire: "Wire",
			Location: &report.Location{Name: "Puerto Vallarta", GeonamesID: 3991328, Lat: 20.62, Lon: -105.23, Country: "MX", Admin1: ptr("Jalisco"), Admin2: nil, GeoPrecision: 1}},
		DroppedParagraphs: []report.DroppedParagraph{{Index: 5, DuplicateOf: 0, Text: "repeat"}},
		Places: []report.Place{
			{Text: "PUERTO VALLARTA", Start: 0, End: 15, Name: "Puerto Vallarta", GeonamesID: 3991328, Lat: 20.62, Lon: -105.23, Country: "MX", Admin1: "Jalisco", Feature: "city", Population: 200000},
			{Text: "Mexico", Start: 17, End: 23, Name: "Mexico", GeonamesID: 3996063, Lat: 23, Lon: -102, Country: "MX", Feature: "country"},
		},
		Warnings: []string{"no publication time"},
		Text:     text,
	}
	full := report.Claim{
		EventType:    "Explosions/Remote violence",
		SubEventType: "Air/drone strike",
		Action:       "drone strike",
		Stage:        report.Discussed,
		Certainty:    report.Hedged,
		Actor1:       &report.Actor{Name: "Government of the United States", ID: "us-gov", Inter: 8, Country: "US", Text: "Officials"},
		Actor2:       &report.Actor{Name: "Mexican drug cartels", ID: "mx-cartels", Inter: 0, Country: "MX", Text: "cartels"},
		AssocActors:  []report.Actor{{Name: "NBC News", ID: "nbc", Text: "NBC"}},
		Location:     &report.Location{Name: "Mexico", GeonamesID: 3996063, Lat: 23, Lon: -102, Country: "MX", Admin1: ptr("Jalisco"), Admin2: ptr("Puerto Vallarta"), GeoPrecision: 4},
		Date:         report.Date{Start: ptr("2025-02-28"), End: ptr("2025-03-01"), TimePrecision: "week"},
		Fatalities:   report.Fatalities{Min: ptr(0), Max: ptr(3), CiviliansMin: ptr(1), CiviliansMax: ptr(2)},
		Injured:      ptr(4),
		Arrested:     ptr(0),
		Sources:      []report.Source{{Kind: report.SourceAnonymousOfficial, Count: ptr(6), Affiliation: ptr("U.S. military"), Name: nil, Outlet: ptr("NBC News"), Text: "six officials"}},
		HostConsent:  report.ConsentUndecided,
		Evidence: map[string][]report.Evidence{
			"stage":   {{Start: 33, End: 42, Sentence: "Officials discussed drone strikes on cartels."}},
			"sources": {{Start: 80, End: 93, Sentence: "Six officials said so."}, {Start: 0, End: 1, Sentence: "P"}},
		},
		Confidence: 0.8125,
	}
	bare := report.Claim{
		EventType: "Strategic developments",
		Action:    "designation",
		Stage:     report.Proposed,
		Certainty: report.Negated,
		Date:      report.Date{TimePrecision: "unknown"},
	}
	return report.Extraction{Report: r, Claims: []report.Claim{full, bare}}
}

func testRoundTrip(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	ex := fullExtraction()
	res := mustAdd(t, s, ex)
	if !res.New || res.ReportID != ex.Report.ID || res.CopyOf != nil || res.PrevVersion != nil {
		t.Errorf("AddExtraction result = %+v, want new report %s, no copy, no previous version", res, ex.Report.ID)
	}
	if len(res.ClaimIDs) != len(ex.Claims) {
		t.Fatalf("got %d claim ids, want %d", len(res.ClaimIDs), len(ex.Claims))
	}
	got, claims, err := s.Report(ctx, ex.Report.ID)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	if !reflect.DeepEqual(got, ex.Report) {
		t.Errorf("report round trip:\n got %+v\nwant %+v", got, ex.Report)
	}
	if len(claims) != len(ex.Claims) {
		t.Fatalf("got %d claims back, want %d", len(claims), len(ex.Claims))
	}
	for i, c := range claims {
		if c.ID != res.ClaimIDs[i] || c.ReportID != ex.Report.ID {
			t.Errorf("claim %d: id %q report %q, want %q %q", i, c.ID, c.ReportID, res.ClaimIDs[i], ex.Report.ID)
		}
		if !reflect.DeepEqual(c.Claim, ex.Claims[i]) {
			t.Errorf("claim %d round trip:\n got %+v\nwant %+v", i, c.Claim, ex.Claims[i])
		}
	}
	// Unstated numbers must stay null, never become 0.
	bare := claims[1].Fatalities
	if bare.Min != nil || bare.Max != nil || bare.CiviliansMin != nil || bare.CiviliansMax != nil || claims[1].Injured != nil {
		t.Errorf("bare claim fatalities = %+v injured %v, want all null", bare, claims[1].Injured)
	}
	// A stated zero must stay zero, not become null.
	if f := claims[0].Fatalities.Min; f == nil || *f != 0 {
		t.Errorf("full claim fatalities.min = %v, want 0", f)
	}
	has, err := s.HasReport(ctx, ex.Report.ID)
	if err != nil || !has {
		t.Errorf("HasReport = %v, %v; want true", has, err)
	}
	has, err = s.HasReport(ctx, hashID("never stored"))
	if err != nil || has {
		t.Errorf("HasReport(unknown) = %v, %v; want false", has, err)
	}
	// Empty (not nil) lists also survive.
	ex2 := report.Extraction{Report: newReport("empty lists")}
	ex2.Report.Places, ex2.Report.DroppedParagraphs = []report.Place{}, []report.DroppedParagraph{}
	c := strikeClaim("YE", 15, 44, "")
	c.AssocActors, c.Sources, c.Evidence = []report.Actor{}, []report.Source{}, map[string][]report.Evidence{}
	ex2.Claims = []report.Claim{c}
	mustAdd(t, s, ex2)
	got2, claims2, err := s.Report(ctx, ex2.Report.ID)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	if !reflect.DeepEqual(got2, ex2.Report) || len(claims2) != 1 || !reflect.DeepEqual(claims2[0].Claim, c) {
		t.Errorf("empty lists round trip: got %+v %+v, want %+v %+v", got2, claims2, ex2.Report, c)
	}
}

func testIdempotent(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	ex := fullExtraction()
	first := mustAdd(t, s, ex)
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The same id again, even with other claims, changes nothing.
	again := ex
	again.Claims = append([]report.Claim{strikeClaim("YE", 15, 44, "2025-01-01")}, ex.Claims...)
	second := mustAdd(t, s, again)
	if second.New {
		t.Errorf("re-add: New = true, want false")
	}
	if second.ReportID != first.ReportID || !reflect.DeepEqual(second.ClaimIDs, first.ClaimIDs) || !reflect.DeepEqual(second.EventIDs, first.EventIDs) {
		t.Errorf("re-add result = %+v, want the first one's ids %+v", second, first)
	}
	if len(second.Escalations) != 0 {
		t.Errorf("re-add escalations = %v, want none", second.Escalations)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("stats after re-add = %+v, want %+v", after, before)
	}
	_, claims, err := s.Report(ctx, ex.Report.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != len(ex.Claims) {
		t.Errorf("claims after re-add = %d, want %d", len(claims), len(ex.Claims))
	}
}

func testVersions(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	url := "https://example.org/story"
	var ids []string
	for i, text := range []string{"Version one of the story.", "Version two of the story, updated.", "Version three, corrected."} {
		r := newReport(text)
		r.URL = ptr(url)
		res := mustAdd(t, s, report.Extraction{Report: r})
		switch {
		case i == 0 && res.PrevVersion != nil:
			t.Errorf("first version: PrevVersion = %q, want none", *res.PrevVersion)
		case i > 0 && (res.PrevVersion == nil || *res.PrevVersion != ids[i-1]):
			t.Errorf("version %d: PrevVersion = %v, want %s", i+1, res.PrevVersion, ids[i-1])
		}
		ids = append(ids, r.ID)
	}
	// Same text again: nothing new, and the stored link is reported.
	r := newReport("Version two of the story, updated.")
	r.URL = ptr(url)
	res := mustAdd(t, s, report.Extraction{Report: r})
	if res.New || res.PrevVersion == nil || *res.PrevVersion != ids[0] {
		t.Errorf("re-add of version two = %+v, want not new with PrevVersion %s", res, ids[0])
	}
	// Another URL is not a version.
	o := newReport("Version four elsewhere.")
	o.URL = ptr(url + "/other")
	if res := mustAdd(t, s, report.Extraction{Report: o}); res.PrevVersion != nil {
		t.Errorf("other URL: PrevVersion = %q, want none", *res.PrevVersion)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reports != 4 {
		t.Errorf("reports = %d, want 4 (versions are kept)", st.Reports)
	}
}

func testNotFound(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	mustAdd(t, s, fullExtraction())
	checks := []struct {
		name string
		call func() error
	}{
		{"Report", func() error { _, _, err := s.Report(ctx, hashID("missing")); return err }},
		{"Event", func() error { _, _, err := s.Event(ctx, "missing"); return err }},
		{"Story", func() error { _, err := s.Story(ctx, "missing"); return err }},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("got %v, want ErrNotFound", err)
			}
		})
	}
}

func testInvalid(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	for i := range 3 {
		mustAdd(t, s, report.Extraction{Report: newReport(strings.Repeat("x", i+1)), Claims: []report.Claim{strikeClaim("YE", 15, 44, "")}})
	}
	p, err := s.Claims(ctx, store.Filter{Limit: 1})
	if err != nil || p.Next == "" {
		t.Fatalf("Claims page = %+v, %v; want a next cursor", p, err)
	}
	claimCursor := p.Next
	cases := []struct {
		name string
		call func() error
	}{
		{"garbage cursor", func() error { _, err := s.Reports(ctx, store.Filter{Cursor: "!!not a cursor!!"}); return err }},
		{"base64 of junk", func() error { _, err := s.Events(ctx, store.Filter{Cursor: "aGVsbG8"}); return err }},
		{"cursor from another list", func() error { _, err := s.Reports(ctx, store.Filter{Cursor: claimCursor}); return err }},
		{"truncated cursor", func() error {
			_, err := s.Claims(ctx, store.Filter{Cursor: claimCursor[:len(claimCursor)/2]})
			return err
		}},
		{"unknown stage", func() error { _, err := s.Claims(ctx, store.Filter{Stage: "exploded"}); return err }},
		{"unknown certainty", func() error { _, err := s.Events(ctx, store.Filter{Certainty: "sure"}); return err }},
		{"bad date", func() error { _, err := s.Claims(ctx, store.Filter{From: "March 2025"}); return err }},
		{"empty date range", func() error { _, err := s.Events(ctx, store.Filter{From: "2025-02-01", To: "2025-01-01"}); return err }},
		{"bad bbox", func() error {
			_, err := s.Places(ctx, store.Filter{BBox: &store.BBox{MinLon: 0, MinLat: 50, MaxLon: 10, MaxLat: 40}})
			return err
		}},
		{"negative limit", func() error { _, err := s.Stories(ctx, store.Filter{Limit: -1}); return err }},
		{"negative min sources", func() error { _, err := s.Events(ctx, store.Filter{MinSources: -2}); return err }},
		{"empty search", func() error { _, err := s.Search(ctx, "  ", store.Filter{}); return err }},
		{"punctuation search", func() error { _, err := s.Search(ctx, `" * - (`, store.Filter{}); return err }},
		{"claim with unknown stage", func() error {
			_, err := s.AddExtraction(ctx, report.Extraction{Report: newReport("bad stage"), Claims: []report.Claim{{Stage: "exploded"}}}, store.Source{})
			return err
		}},
		{"report without id", func() error {
			_, err := s.AddExtraction(ctx, report.Extraction{Report: report.Report{Text: "no id"}}, store.Source{})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("got %v, want ErrInvalid", err)
			}
		})
	}
}

func testConcurrent(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	const workers, each = 8, 12
	shared := report.Extraction{Report: newReport("The same wire story, ingested by every worker."), Claims: []report.Claim{strikeClaim("SO", 2, 45, "2024-05-05")}}
	var (
		wg      sync.WaitGroup
		newOnes atomic.Int32
		errs    = make(chan error, workers*(each+1))
	)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				text := strings.Repeat("word ", w+1) + "report " + string(rune('a'+i)) + " from worker"
				ex := report.Extraction{Report: newReport(text), Claims: []report.Claim{strikeClaim("YE", 15, 44, "2024-01-02"), strikeClaim("SO", 2, 45, "")}}
				if _, err := s.AddExtraction(ctx, ex, store.Source{Name: "worker"}); err != nil {
					errs <- err
				}
				if i == each/2 {
					res, err := s.AddExtraction(ctx, shared, store.Source{Name: "worker"})
					if err != nil {
						errs <- err
					} else if res.New {
						newOnes.Add(1)
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent add: %v", err)
	}
	if n := newOnes.Load(); n != 1 {
		t.Errorf("shared report stored as new %d times, want exactly 1", n)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := workers*each + 1; st.Reports != want {
		t.Errorf("reports = %d, want %d", st.Reports, want)
	}
	if want := workers*each*2 + 1; st.Claims != want {
		t.Errorf("claims = %d, want %d", st.Claims, want)
	}
	all := collect(t, store.Filter{Limit: 500}, func(f store.Filter) (store.Page[report.StoredClaim], error) { return s.Claims(ctx, f) })
	seen := map[string]bool{}
	for _, c := range all {
		if seen[c.ID] {
			t.Errorf("claim %s listed twice", c.ID)
		}
		seen[c.ID] = true
	}
	if len(seen) != st.Claims {
		t.Errorf("listed %d distinct claims, stats say %d", len(seen), st.Claims)
	}
}

// emptyAfterFailure checks that a store holds nothing at all.
func emptyAfterFailure(t *testing.T, s store.Store, id string) {
	t.Helper()
	ctx := context.Background()
	if has, err := s.HasReport(ctx, id); err != nil || has {
		t.Errorf("HasReport after failed add = %v, %v; want false", has, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (store.Stats{}) {
		t.Errorf("stats after failed add = %+v, want all zero", st)
	}
	if p, err := s.Places(ctx, store.Filter{}); err != nil || len(p.Items) != 0 {
		t.Errorf("places after failed add = %v, %v; want none", p.Items, err)
	}
	if p, err := s.Search(ctx, "officials", store.Filter{}); err != nil || len(p.Items) != 0 {
		t.Errorf("search after failed add = %v, %v; want none", p.Items, err)
	}
}

func testFailedAdd(t *testing.T, open Factory) {
	s := open(t)
	ex := fullExtraction()
	// The bad claim comes last, after rows for the report, its places and
	// its first claims could have been written.
	ex.Claims = append(ex.Claims, report.Claim{Stage: "exploded", Certainty: report.Asserted})
	if _, err := s.AddExtraction(context.Background(), ex, store.Source{}); err == nil {
		t.Fatal("AddExtraction with an invalid claim succeeded")
	}
	emptyAfterFailure(t, s, ex.Report.ID)
	// And the store still works.
	ex.Claims = ex.Claims[:len(ex.Claims)-1]
	if res := mustAdd(t, s, ex); !res.New {
		t.Errorf("add after failure: New = false")
	}
}

// countdownCtx is a context that reports itself cancelled after its Done or
// Err has been asked for a set number of times: it cancels an operation at
// each of its steps in turn, without timing.
type countdownCtx struct {
	context.Context
	left   atomic.Int64
	once   sync.Once
	closed chan struct{}
}

func newCountdown(n int64) *countdownCtx {
	c := &countdownCtx{Context: context.Background(), closed: make(chan struct{})}
	c.left.Store(n)
	return c
}

func (c *countdownCtx) tick() bool {
	if c.left.Add(-1) < 0 {
		c.once.Do(func() { close(c.closed) })
		return true
	}
	return false
}

func (c *countdownCtx) Done() <-chan struct{} {
	c.tick()
	return c.closed
}

func (c *countdownCtx) Err() error {
	if c.tick() {
		return context.Canceled
	}
	return nil
}

func (c *countdownCtx) Deadline() (time.Time, bool) { return time.Time{}, false }

func testCancelledAdd(t *testing.T, open Factory) {
	ex := fullExtraction()
	// One store throughout: every failed attempt must leave it empty and
	// usable for the next.
	s := open(t)
	for n := int64(0); ; n++ {
		if n > 10000 {
			t.Fatal("AddExtraction never completed under a countdown context")
		}
		_, err := s.AddExtraction(newCountdown(n), ex, store.Source{})
		if err == nil {
			// Completed before the countdown ran out: it must be whole.
			_, claims, err := s.Report(context.Background(), ex.Report.ID)
			if err != nil || len(claims) != len(ex.Claims) {
				t.Errorf("after countdown %d: report %v with %d claims, want %d", n, err, len(claims), len(ex.Claims))
			}
			if n == 0 {
				t.Error("AddExtraction ignored an already-cancelled context")
			}
			return
		}
		emptyAfterFailure(t, s, ex.Report.ID)
		if t.Failed() {
			t.Fatalf("cancelled after %d context checks: %v", n, err)
		}
	}
}

func testStats(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	if st, err := s.Stats(ctx); err != nil || st != (store.Stats{}) {
		t.Fatalf("empty store stats = %+v, %v; want zero", st, err)
	}
	mustAdd(t, s, fullExtraction())
	mustAdd(t, s, report.Extraction{Report: newReport("another report"), Claims: []report.Claim{strikeClaim("YE", 15, 44, "")}})
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reports != 2 || st.Claims != 3 || st.Copies != 0 {
		t.Errorf("stats = %+v, want 2 reports, 3 claims, no copies", st)
	}
}
