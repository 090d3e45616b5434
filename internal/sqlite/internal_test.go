package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

func TestMigrations(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")

	// A database left at version 1 by an older binary is brought up to date.
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE schema_version (version INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(ms[0].sql + `; INSERT INTO schema_version VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	for i := range 2 { // opening twice applies nothing the second time
		db, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v != len(ms) {
			t.Errorf("open %d: schema version %d, %v; want %d", i, v, err, len(ms))
		}
		var rows int
		if err := db.r.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != len(ms) {
			t.Errorf("open %d: %d schema_version rows, %v; want one per migration (%d)", i, rows, err, len(ms))
		}
		var mode string
		if err := db.r.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal mode %q, %v; want wal", mode, err)
		}
		var fk int
		if err := db.r.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("foreign_keys %d, %v; want 1", fk, err)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadersCannotWrite(t *testing.T) {
	db := openTemp(t)
	if _, err := db.r.Exec(`INSERT INTO kv (key, value) VALUES ('a', 'b')`); err == nil {
		t.Error("a write through the reader pool succeeded; want query_only to refuse it")
	}
}

func TestFTSQuery(t *testing.T) {
	cases := []struct {
		name, in, want string
		err            bool
	}{
		{"words", "drone strike", `"drone" "strike"`, false},
		{"phrase", `"drone strike" Yemen`, `"drone strike" "Yemen"`, false},
		{"prefix", "strik*", `"strik"*`, false},
		{"operators are words", "a OR b NOT c", `"a" "OR" "b" "NOT" "c"`, false},
		{"inner quote", `ab"cd`, `"ab""cd"`, false},
		{"unclosed phrase", `"drone strike`, `"drone strike"`, false},
		{"column syntax is a word", "text:drone", `"text:drone"`, false},
		{"punctuation only", `- ( ) *`, "", true},
		{"empty", "   ", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ftsQuery(tc.in)
			if tc.err {
				if !errors.Is(err, store.ErrInvalid) {
					t.Errorf("ftsQuery(%q) = %q, %v; want ErrInvalid", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

// FuzzSearch checks that no user query makes FTS5 fail with a syntax
// error: ftsQuery either rejects it as invalid or yields a query that runs.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"drone", `"a b" c*`, `NEAR(a b)`, `a:b`, `^x`, `"`, `***`, "\x00", "ü ß", `a AND (b OR`} {
		f.Add(s)
	}
	db := openTemp(f)
	ctx := context.Background()
	text := "A drone strike hit a compound near the town."
	if _, err := db.AddExtraction(ctx, report.Extraction{Report: report.Report{ID: "r1", Language: "en", Text: text}}, store.Source{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := db.Search(ctx, q, store.Filter{})
		if err != nil && !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

// FuzzCursor checks that any cursor string is either accepted or rejected
// as invalid, never an internal error.
func FuzzCursor(f *testing.F) {
	f.Add("")
	f.Add(cursor{List: "claims", Key: "2024-01-01", RID: 3}.Encode())
	f.Add(cursor{List: "events", RID: -1}.Encode())
	f.Add("eyJsIjoiY2xhaW1zIiwiayI6MSwiciI6IngifQ")
	db := openTemp(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, c string) {
		for _, list := range []func() error{
			func() error { _, err := db.Claims(ctx, store.Filter{Cursor: c}); return err },
			func() error { _, err := db.Places(ctx, store.Filter{Cursor: c}); return err },
		} {
			if err := list(); err != nil && !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("cursor %q: %v", c, err)
			}
		}
	})
}

// benchExtraction makes the i-th of a stream of varied reports: strikes in
// a few countries on different days with different tolls, one claim each
// plus a policy claim every tenth report.
func benchExtraction(i int) report.Extraction {
	countries := []struct {
		code     string
		lat, lon float64
	}{{"YE", 15.3, 44.2}, {"SO", 2.0, 45.3}, {"PK", 33.0, 70.0}, {"AF", 34.5, 69.2}, {"IQ", 33.3, 44.4}}
	cc := countries[i%len(countries)]
	day := fmt.Sprintf("20%02d-%02d-%02d", 10+(i/3650)%15, 1+(i/28)%12, 1+i%28)
	n := 1 + i%9
	text := fmt.Sprintf("Report %d. A drone strike on %s killed %d people near village %d in %s, officials said. "+
		"Witnesses described %d missiles and a burning vehicle on the road to the market. %s",
		i, day, n, i%997, cc.code, 1+i%3, strings.Repeat("Residents fled the area. ", i%4))
	id := fmt.Sprintf("%064x", i+1)
	c := report.Claim{
		EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Action: "drone strike",
		Stage: report.Conducted, Certainty: report.Asserted,
		Actor1:     &report.Actor{Name: "Military Forces of the United States", ID: "us-military", Inter: 8, Country: "US"},
		Actor2:     &report.Actor{Name: "Militants", ID: "militants", Country: cc.code},
		Location:   &report.Location{Name: fmt.Sprint("Village ", i%997), GeonamesID: 100000 + i%997, Lat: cc.lat + float64(i%997)/100, Lon: cc.lon, Country: cc.code, GeoPrecision: 1},
		Date:       report.Date{Start: &day, End: &day, TimePrecision: "day"},
		Fatalities: report.Fatalities{Min: &n, Max: &n},
		Sources:    []report.Source{{Kind: report.SourceNamedOfficial}},
		Evidence:   map[string][]report.Evidence{"stage": {{Start: 0, End: 10, Sentence: "A drone strike."}}},
		Confidence: 0.7,
	}
	claims := []report.Claim{c}
	if i%10 == 0 {
		p := c
		p.Stage, p.Certainty, p.Action, p.Fatalities, p.Date = report.Discussed, report.Hedged, "drone strike", report.Fatalities{}, report.Date{TimePrecision: "unknown"}
		claims = append(claims, p)
	}
	url := fmt.Sprintf("https://news.example/%d", i)
	return report.Extraction{Report: report.Report{ID: id, URL: &url, Published: &day, Language: "en", Text: text,
		Places: []report.Place{{Text: "village", Name: c.Location.Name, GeonamesID: c.Location.GeonamesID, Lat: c.Location.Lat, Lon: c.Location.Lon, Country: cc.code, Feature: "village"}}},
		Claims: claims}
}

// BenchmarkAddExtraction measures storing reports (with copy detection,
// event and story assignment) into a store that already holds b.N/2 of
// them on average; reports/s is the figure to watch.
func BenchmarkAddExtraction(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := db.AddExtraction(ctx, benchExtraction(i), store.Source{Name: "bench"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkEvents measures one page of events with a filter over a store
// of 5,000 reports.
func BenchmarkEvents(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	for i := range 5000 {
		if _, err := db.AddExtraction(ctx, benchExtraction(i), store.Source{}); err != nil {
			b.Fatal(err)
		}
	}
	filters := []struct {
		name string
		f    store.Filter
	}{
		{"all", store.Filter{}},
		{"country+dates", store.Filter{Country: "YE", From: "2010-03-01", To: "2010-09-30"}},
		{"bbox", store.Filter{BBox: &store.BBox{MinLon: 40, MinLat: 10, MaxLon: 50, MaxLat: 20}}},
		{"text", store.Filter{Text: "burning vehicle"}},
	}
	for _, bf := range filters {
		b.Run(bf.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Events(ctx, bf.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
