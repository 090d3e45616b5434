package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/strikewatch/strikewatch/internal/postgres/pgtest"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/storetest"
)

// openTemp opens a store in a fresh schema, closed when the test ends.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), pgtest.Schema(t), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// strike is a conducted strike claim at a place on a day.
func strike(action, country string, lat, lon float64, day string) report.Claim {
	c := report.Claim{
		EventType:    "Explosions/Remote violence",
		SubEventType: "Air/drone strike",
		Action:       action,
		Stage:        report.Conducted,
		Certainty:    report.Asserted,
		Actor1:       &report.Actor{Name: "Military Forces of the United States", ID: "us-military", Country: "US"},
		Date:         report.Date{Start: &day, End: &day, TimePrecision: "day"},
	}
	if country != "" {
		c.Location = &report.Location{Name: "Place", GeonamesID: 1, Lat: lat, Lon: lon, Country: country, GeoPrecision: report.PrecisionExact}
	}
	return c
}

func extraction(text, outlet string, claims ...report.Claim) report.Extraction {
	h := sha256.Sum256([]byte(text))
	return report.Extraction{
		Report: report.Report{ID: hex.EncodeToString(h[:]), Text: text, Language: "en", Outlet: &outlet},
		Claims: claims,
	}
}

// distinctText is a text no other seed's text is a near-duplicate of.
func distinctText(seed int) string {
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	var b strings.Builder
	for i := range 40 {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "w%d", rng.IntN(5000))
	}
	return b.String()
}

// TestConcurrentSameEvent stores two reports of one strike at the same
// moment from two connection pools (as two workers would): they must end
// in one event, round after round.
func TestConcurrentSameEvent(t *testing.T) {
	cases := []struct {
		name   string
		a, b   func(day string) report.Claim
		events int // per round
	}{
		{"same country", func(d string) report.Claim { return strike("drone strike", "YE", 15.35, 44.2, d) },
			func(d string) report.Claim { return strike("air strike", "YE", 15.35, 44.2, d) }, 1},
		{"one without a place", func(d string) report.Claim { return strike("drone strike", "SO", 2.0, 45.3, d) },
			func(d string) report.Claim { return strike("drone strike", "", 0, 0, d) }, 1},
		{"far apart", func(d string) report.Claim { return strike("drone strike", "YE", 15.35, 44.2, d) },
			func(d string) report.Claim { return strike("drone strike", "PK", 33.0, 70.0, d) }, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			url := pgtest.Schema(t)
			ctx := context.Background()
			var dbs [2]*DB
			for i := range dbs {
				db, err := Open(ctx, url, nil)
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer db.Close()
				dbs[i] = db
			}
			const rounds = 15
			for r := range rounds {
				day := fmt.Sprintf("2024-%02d-%02d", 1+r%12, 1+2*r)
				exs := [2]report.Extraction{
					extraction(distinctText(2*r), "Outlet A", tc.a(day)),
					extraction(distinctText(2*r+1), "Outlet B", tc.b(day)),
				}
				var (
					wg    sync.WaitGroup
					start = make(chan struct{})
					errs  [2]error
				)
				for i := range 2 {
					wg.Go(func() {
						<-start
						_, errs[i] = dbs[i].AddExtraction(ctx, exs[i], store.Source{Name: "test"})
					})
				}
				close(start)
				wg.Wait()
				for _, err := range errs {
					if err != nil {
						t.Fatalf("round %d: %v", r, err)
					}
				}
			}
			st, err := dbs[0].Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Claims != 2*rounds || st.Events != tc.events*rounds {
				t.Errorf("stats = %+v, want %d claims in %d events", st, 2*rounds, tc.events*rounds)
			}
			evs, err := dbs[0].Events(ctx, store.Filter{Limit: 500})
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs.Items {
				if want := 2 / tc.events; ev.ClaimCount != want || ev.IndependentSources != want {
					t.Errorf("event %s: %d claims, %d sources; want %d", ev.ID, ev.ClaimCount, ev.IndependentSources, want)
				}
			}
		})
	}
}

// TestMigrateConcurrent opens one new schema from several processes' worth
// of pools at once: the advisory lock lets exactly one apply each step.
func TestMigrateConcurrent(t *testing.T) {
	url := pgtest.Schema(t)
	ctx := context.Background()
	const n = 4
	var (
		wg   sync.WaitGroup
		errs = make(chan error, n)
	)
	for range n {
		wg.Go(func() {
			db, err := Open(ctx, url, nil)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			v, err := db.SchemaVersion(ctx)
			if err != nil {
				errs <- err
				return
			}
			ms, _ := migrations()
			if v != len(ms) {
				errs <- fmt.Errorf("schema version %d, want %d", v, len(ms))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db := openURL(t, url)
	var rows int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM schema_version WHERE component = $1`, component).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if ms, _ := migrations(); rows != len(ms) {
		t.Errorf("schema_version has %d rows, want one per migration (%d)", rows, len(ms))
	}
}

func openURL(t *testing.T, url string) *DB {
	t.Helper()
	db, err := Open(context.Background(), url, nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSearchText checks what the Go-built index finds on a real server:
// diacritics, hyphens, quotes and backslashes in text and query.
func TestSearchText(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	texts := []string{
		"Un ataque con drones en Culiacán dejó tres muertos, según la Fiscalía.",
		"An al-Qaeda commander was killed in a strike, O'Brien said \\ officials.",
		"Nothing to see here.",
	}
	for _, x := range texts {
		if _, err := db.AddExtraction(ctx, extraction(x, "Outlet"), store.Source{}); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		query string
		want  int
	}{
		{"culiacan", 1},
		{"CULIACÁN", 1},
		{"fiscalia", 1},
		{"al-qaeda", 1},
		{`"qaeda commander"`, 1},
		{"o'brien", 1},
		{`\`, -1},
		{`o\'brien`, 1},
		{"drone*", 1},
		{"strike said", 1},
		{"strike culiacan", 0},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			p, err := db.Search(ctx, tc.query, store.Filter{})
			if tc.want < 0 {
				if !errors.Is(err, store.ErrInvalid) {
					t.Errorf("got %v, want ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) != tc.want {
				t.Errorf("%d hits, want %d", len(p.Items), tc.want)
			}
		})
	}
}
