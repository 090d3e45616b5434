package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/backend"
)

// TestLoad measures the API under a steady 200 requests/s on loopback over
// a database grown to 100k events, and prints p50 and p99 per query kind.
// It is slow (it builds the database first), so it runs only on request:
//
//	STRIKEWATCH_LOAD=1 go test -run TestLoad -v -timeout 30m ./internal/web
//
// STRIKEWATCH_LOAD_DB=path keeps the generated database for later runs;
// STRIKEWATCH_LOAD_EVENTS, _RPS and _SECONDS change the size and rate.
func TestLoad(t *testing.T) {
	if os.Getenv("STRIKEWATCH_LOAD") == "" {
		t.Skip("load test skipped: set STRIKEWATCH_LOAD=1 to run it (see its doc comment)")
	}
	events := envInt("STRIKEWATCH_LOAD_EVENTS", 100_000)
	rps := envInt("STRIKEWATCH_LOAD_RPS", 200)
	secs := envInt("STRIKEWATCH_LOAD_SECONDS", 30)
	path := os.Getenv("STRIKEWATCH_LOAD_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "load.db")
	}
	ctx := context.Background()
	st, err := backend.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events < events {
		start := time.Now()
		if err := grow(ctx, st, events-stats.Events, stats.Reports); err != nil {
			t.Fatal(err)
		}
		stats, _ = st.Stats(ctx)
		t.Logf("grew the database to %d events (%d claims, %d reports, %d stories) in %v",
			stats.Events, stats.Claims, stats.Reports, stats.Stories, time.Since(start).Round(time.Second))
	}

	srv, err := New(Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: 30 * time.Second}

	// What the page asks for: the event list, the map's markers (a page
	// of 500 in the view), and the timeline; with and without filters.
	kinds := []struct {
		name  string
		paths []string
	}{
		{"events list", []string{"/api/v1/events", "/api/v1/events?stage=conducted", "/api/v1/events?country=AF&limit=50", "/api/v1/events?from=2012-01-01&to=2012-12-31"}},
		{"map", []string{"/api/v1/events?limit=500", "/api/v1/events?limit=500&bbox=60,29,75,38", "/api/v1/events?limit=500&bbox=-20,-35,55,38&stage=conducted"}},
		{"timeline", []string{"/api/v1/timeline", "/api/v1/timeline?stage=conducted", "/api/v1/timeline?country=AF"}},
	}
	// The first request of each view computes it (the store's cost, no
	// cache); print those, then load the warm server.
	for _, k := range kinds {
		for _, p := range k.paths {
			start := time.Now()
			res, err := client.Get(hs.URL + p)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			fmt.Printf("load: cold %-12s %8.1f ms %8d bytes  %s\n", k.name, ms(time.Since(start)), n, p)
		}
	}

	type sample struct {
		kind int
		d    time.Duration
		err  error
	}
	total := rps * secs
	results := make(chan sample, total)
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(rps))
	defer tick.Stop()
	for i := range total {
		<-tick.C // open loop: send on schedule whatever the answers do
		k := i % len(kinds)
		p := kinds[k].paths[(i/len(kinds))%len(kinds[k].paths)]
		wg.Go(func() {
			start := time.Now()
			res, err := client.Get(hs.URL + p)
			if err == nil {
				_, err = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if err == nil && res.StatusCode != 200 {
					err = fmt.Errorf("%s: %s", p, res.Status)
				}
			}
			results <- sample{k, time.Since(start), err}
		})
	}
	wg.Wait()
	close(results)
	lat := make([][]time.Duration, len(kinds))
	errs := 0
	for s := range results {
		if s.err != nil {
			errs++
			if errs <= 5 {
				t.Errorf("request failed: %v", s.err)
			}
			continue
		}
		lat[s.kind] = append(lat[s.kind], s.d)
	}
	fmt.Printf("load: %d events, %d req/s for %d s on loopback (%d requests, %d errors)\n", stats.Events, rps, secs, total, errs)
	for k, ds := range lat {
		slices.Sort(ds)
		if len(ds) == 0 {
			continue
		}
		p50, p99 := ds[len(ds)/2], ds[len(ds)*99/100]
		fmt.Printf("load: %-12s n=%5d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", kinds[k].name, len(ds),
			ms(p50), ms(p99), ms(ds[len(ds)-1]))
	}
	if errs > 0 {
		t.Errorf("%d of %d requests failed; want none", errs, total)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// grow adds n generated events: reports of 10 conducted or threatened
// claims each, spread over places, dates, actors and stages, so that every
// claim is its own event.
func grow(ctx context.Context, st store.Store, n, seq int) error {
	r := rand.New(rand.NewPCG(uint64(seq)+1, 7))
	places := []report.Place{
		{Name: "Lashkar Gah", GeonamesID: 1146173, Lat: 31.59, Lon: 64.37, Country: "AF", Admin1: "Helmand", Feature: "city"},
		{Name: "Kandahar", GeonamesID: 1138336, Lat: 31.61, Lon: 65.71, Country: "AF", Admin1: "Kandahar", Feature: "city"},
		{Name: "Miranshah", GeonamesID: 1170395, Lat: 33.0, Lon: 70.07, Country: "PK", Admin1: "Khyber Pakhtunkhwa", Feature: "city"},
		{Name: "Marib", GeonamesID: 70950, Lat: 15.46, Lon: 45.32, Country: "YE", Admin1: "Marib", Feature: "city"},
		{Name: "Jilib", GeonamesID: 55671, Lat: 0.49, Lon: 42.77, Country: "SO", Admin1: "Middle Juba", Feature: "city"},
		{Name: "Idlib", GeonamesID: 169388, Lat: 35.93, Lon: 36.63, Country: "SY", Admin1: "Idlib", Feature: "city"},
		{Name: "Mosul", GeonamesID: 99072, Lat: 36.34, Lon: 43.13, Country: "IQ", Admin1: "Nineveh", Feature: "city"},
		{Name: "Sirte", GeonamesID: 2210554, Lat: 31.21, Lon: 16.59, Country: "LY", Admin1: "Sirte", Feature: "city"},
	}
	stages := []report.Stage{report.Conducted, report.Conducted, report.Conducted, report.Threatened, report.Discussed, report.Denied}
	base := time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC)
	const perReport = 10
	for made := 0; made < n; seq++ {
		text := fmt.Sprintf("Generated report %d. ", seq)
		for range perReport {
			text += "A strike hit a compound, officials said. "
		}
		d := newDoc(text, base.AddDate(0, 0, seq%6000).Format(time.DateOnly), fmt.Sprintf("Generated %d", seq))
		for i := range perReport {
			p := places[r.IntN(len(places))]
			p.Lat += r.Float64() - 0.5
			p.Lon += r.Float64() - 0.5
			day := base.AddDate(0, 0, r.IntN(6000)).Format(time.DateOnly)
			killed := r.IntN(12)
			loc := p.Location()
			a1 := &report.Actor{Name: fmt.Sprintf("Force %d", r.IntN(40)), ID: fmt.Sprintf("force-%d", r.IntN(40)), Inter: 8}
			a2 := &report.Actor{Name: fmt.Sprintf("Group %d", r.IntN(60)), ID: fmt.Sprintf("group-%d", r.IntN(60)), Inter: 2, Country: p.Country}
			start := len(fmt.Sprintf("Generated report %d. ", seq)) + i*len("A strike hit a compound, officials said. ")
			d.ex.Claims = append(d.ex.Claims, report.Claim{
				EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Action: "air strike",
				Stage: stages[r.IntN(len(stages))], Certainty: report.Asserted, Actor1: a1, Actor2: a2,
				Location: &loc, Date: report.Date{Start: &day, End: &day, TimePrecision: "day"},
				Fatalities: report.Fatalities{Min: &killed, Max: &killed},
				Sources:    []report.Source{{Kind: report.SourceOutlet, Outlet: ptr(fmt.Sprintf("Outlet %d", r.IntN(30)))}},
				Evidence:   map[string][]report.Evidence{"stage": {{Start: start + 2, End: start + 8, Sentence: "A strike hit a compound, officials said."}}},
				Confidence: 0.7,
			})
		}
		res, err := st.AddExtraction(ctx, d.ex, store.Source{Name: "generated"})
		if err != nil {
			return fmt.Errorf("add generated report %d: %w", seq, err)
		}
		made += len(res.EventIDs)
		if len(res.EventIDs) == 0 {
			made++ // never loop forever on a store that merges everything
		}
	}
	return nil
}
