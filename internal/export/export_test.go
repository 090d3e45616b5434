package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/strikewatch/strikewatch/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func loadJSON[T any](t testing.TB, name string) []T {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return out
}

func testFeed() Feed {
	return Feed{
		ID:      "urn:strikewatch:test",
		SelfURL: "http://127.0.0.1:8080/api/v1/export?format=atom",
		BaseURL: "http://127.0.0.1:8080",
		Updated: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (run go test -update after checking):\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	events := loadJSON[report.Event](t, "events.json")
	stories := loadJSON[report.Story](t, "stories.json")
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"events.csv", func(b *bytes.Buffer) error { return WriteCSV(b, Slice(events)) }},
		{"events.geojson", func(b *bytes.Buffer) error { return WriteGeoJSON(b, Slice(events)) }},
		{"events.jsonl", func(b *bytes.Buffer) error { return WriteJSONL(b, Slice(events)) }},
		{"stories.atom", func(b *bytes.Buffer) error { return WriteAtom(b, Slice(stories), testFeed()) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

func TestCSVParsesBack(t *testing.T) {
	events := loadJSON[report.Event](t, "events.json")
	var b bytes.Buffer
	if err := WriteCSV(&b, Slice(events)); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse: %v", err)
	}
	acled := []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}
	ours := []string{"stage", "certainty", "sources", "independent_sources", "evidence", "event_id", "report_ids", "report_urls", "claim_count"}
	header := recs[0]
	if !slices.Equal(header[:len(acled)], acled) {
		t.Errorf("ACLED columns:\ngot  %v\nwant %v", header[:len(acled)], acled)
	}
	if !slices.Equal(header[len(acled):len(acled)+len(ours)], ours) {
		t.Errorf("our columns: got %v, want %v first", header[len(acled):], ours)
	}
	if got, want := len(recs)-1, len(events); got != want {
		t.Fatalf("got %d rows, want %d (one per event)", got, want)
	}
	col := func(rec []string, name string) string { return rec[slices.Index(header, name)] }
	byID := map[string][]string{}
	for _, rec := range recs[1:] {
		if len(rec) != len(header) {
			t.Errorf("row %v has %d cells, want %d", rec, len(rec), len(header))
		}
		byID[col(rec, "event_id")] = rec
	}
	tests := []struct {
		event, column, want string
	}{
		{"ev-helmand-1", "event_id_cnty", "AFG-ev-helmand-1"},
		{"ev-helmand-1", "event_date", "2012-05-14"},
		{"ev-helmand-1", "year", "2012"},
		{"ev-helmand-1", "time_precision", "1"},
		{"ev-helmand-1", "disorder_type", "Political violence"},
		{"ev-helmand-1", "interaction", "28"},
		{"ev-helmand-1", "iso", "4"},
		{"ev-helmand-1", "region", "South Asia"},
		{"ev-helmand-1", "country", "Afghanistan"},
		{"ev-helmand-1", "admin1", "Helmand"},
		{"ev-helmand-1", "latitude", "31.59382"},
		{"ev-helmand-1", "longitude", "64.37161"},
		{"ev-helmand-1", "fatalities", "3"},
		{"ev-helmand-1", "fatalities_max", "4"},
		{"ev-helmand-1", "source", "example.org"},
		{"ev-helmand-1", "report_ids", "r1; r2"},
		{"ev-helmand-1", "claim_count", "2"},
		{"ev-mx-1", "fatalities", ""}, // unstated is empty, never 0
		{"ev-mx-1", "event_date", ""},
		{"ev-mx-1", "time_precision", ""},
		{"ev-mx-1", "geo_precision", "4"},
		{"ev-mx-1", "source", "NBC News"},
		{"ev-mx-1", "sources", "anonymous_official x6 (U.S. military, law-enforcement and intelligence) via NBC News"},
		{"ev-mx-1", "evidence", `Officials are weighing strikes, "early stage", no decision.`},
		{"ev-mx-1", "region", "Central America"},
		{"ev-nowhere", "latitude", ""},
		{"ev-nowhere", "civilian_targeting", "Civilian targeting"},
		{"ev-nowhere", "interaction", "37"},
		{"ev-nowhere", "time_precision", "3"},
		{"ev-nowhere", "notes", "Own note, with a comma."},
		{"ev-nowhere", "event_id_cnty", "ev-nowhere"},
	}
	for _, tc := range tests {
		t.Run(tc.event+"/"+tc.column, func(t *testing.T) {
			rec, ok := byID[tc.event]
			if !ok {
				t.Fatalf("no row for %s", tc.event)
			}
			if got := col(rec, tc.column); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGeoJSONStructure(t *testing.T) {
	events := loadJSON[report.Event](t, "events.json")
	var b bytes.Buffer
	if err := WriteGeoJSON(&b, Slice(events)); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string          `json:"type"`
		CRS      json.RawMessage `json:"crs"`
		Features []struct {
			Type     string `json:"type"`
			ID       string `json:"id"`
			Geometry *struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatalf("geojson does not parse: %v", err)
	}
	if fc.Type != "FeatureCollection" {
		t.Errorf("type: got %q, want FeatureCollection", fc.Type)
	}
	if fc.CRS != nil {
		t.Errorf("RFC 7946 removed crs; got %s", fc.CRS)
	}
	if got, want := len(fc.Features), len(events); got != want {
		t.Fatalf("got %d features, want %d", got, want)
	}
	for _, f := range fc.Features {
		if f.Type != "Feature" {
			t.Errorf("%s: type %q, want Feature", f.ID, f.Type)
		}
		if f.Properties["event_id"] != f.ID {
			t.Errorf("%s: properties.event_id = %v", f.ID, f.Properties["event_id"])
		}
		switch f.ID {
		case "ev-helmand-1":
			// Lashkar Gah: longitude 64.37 E first, latitude 31.59 N second.
			if f.Geometry == nil || f.Geometry.Type != "Point" || !slices.Equal(f.Geometry.Coordinates, []float64{64.37161, 31.59382}) {
				t.Errorf("%s: geometry %+v, want Point [64.37161, 31.59382]", f.ID, f.Geometry)
			}
			if f.Properties["fatalities"] != 3.0 {
				t.Errorf("%s: fatalities %v (%T), want number 3", f.ID, f.Properties["fatalities"], f.Properties["fatalities"])
			}
		case "ev-mx-1":
			if f.Properties["fatalities"] != nil {
				t.Errorf("%s: fatalities %v, want null", f.ID, f.Properties["fatalities"])
			}
		case "ev-nowhere":
			if f.Geometry != nil {
				t.Errorf("%s: geometry %+v, want null for an unlocated event", f.ID, f.Geometry)
			}
		}
		if g := f.Geometry; g != nil {
			if lon, lat := g.Coordinates[0], g.Coordinates[1]; lon < -180 || lon > 180 || lat < -90 || lat > 90 {
				t.Errorf("%s: coordinates %v out of range", f.ID, g.Coordinates)
			}
		}
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	events := loadJSON[report.Event](t, "events.json")
	var b bytes.Buffer
	if err := WriteJSONL(&b, Slice(events)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(events) {
		t.Fatalf("got %d lines, want %d", len(lines), len(events))
	}
	for i, line := range lines {
		var ev report.Event
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if ev.ID != events[i].ID || ev.ClaimCount != events[i].ClaimCount {
			t.Errorf("line %d: got %s/%d, want %s/%d", i, ev.ID, ev.ClaimCount, events[i].ID, events[i].ClaimCount)
		}
	}
}

func TestAtomParsesWithFeedParser(t *testing.T) {
	stories := loadJSON[report.Story](t, "stories.json")
	var b bytes.Buffer
	if err := WriteAtom(&b, Slice(stories), testFeed()); err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(&b)
	if err != nil {
		t.Fatalf("atom does not parse: %v", err)
	}
	if feed.FeedType != "atom" {
		t.Errorf("feed type: got %q, want atom", feed.FeedType)
	}
	if got, want := len(feed.Items), len(stories[0].History); got != want {
		t.Fatalf("got %d entries, want %d (one per stage step)", got, want)
	}
	// Newest first: the conducted step has no date and inherits the
	// authorized step's, so the two newest are from 2025-08-08.
	if got := feed.Items[0].UpdatedParsed; got == nil || got.Format(time.DateOnly) != "2025-08-08" {
		t.Errorf("newest entry updated %v, want 2025-08-08", got)
	}
	titles := map[string]bool{}
	for _, it := range feed.Items {
		titles[it.Title] = true
		if it.GUID == "" {
			t.Errorf("entry %q has no id", it.Title)
		}
	}
	for _, want := range []string{
		"United States → Drug cartels designated as terrorist organizations, drone strike: reported threatened (hedged)",
		"United States → Drug cartels designated as terrorist organizations, drone strike: reported discussed",
		"United States → Drug cartels designated as terrorist organizations, drone strike: escalated to authorized (hedged)",
		"United States → Drug cartels designated as terrorist organizations, drone strike: escalated to conducted",
	} {
		if !titles[want] {
			t.Errorf("missing entry %q; have %v", want, titles)
		}
	}
	var disc *gofeed.Item
	for _, it := range feed.Items {
		if strings.HasSuffix(it.Title, "discussed") {
			disc = it
		}
	}
	if disc == nil || disc.Description != "Officials are discussing drone strikes & other options <inside> Mexico." {
		t.Errorf("discussed entry summary: got %+v, want the evidence sentence unescaped", disc)
	}
}

func TestAtomEmptyFeedUsesFeedDate(t *testing.T) {
	var b bytes.Buffer
	if err := WriteAtom(&b, Slice[report.Story](nil), testFeed()); err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	if feed.UpdatedParsed == nil || !feed.UpdatedParsed.Equal(testFeed().Updated) {
		t.Errorf("updated: got %v, want %v", feed.UpdatedParsed, testFeed().Updated)
	}
}

func TestWritersStopOnSourceError(t *testing.T) {
	boom := errors.New("boom")
	bad := func(yield func(report.Event, error) bool) { yield(report.Event{}, boom) }
	for name, w := range map[string]func(*bytes.Buffer, iter.Seq2[report.Event, error]) error{
		"csv":     func(b *bytes.Buffer, s iter.Seq2[report.Event, error]) error { return WriteCSV(b, s) },
		"geojson": func(b *bytes.Buffer, s iter.Seq2[report.Event, error]) error { return WriteGeoJSON(b, s) },
		"jsonl":   func(b *bytes.Buffer, s iter.Seq2[report.Event, error]) error { return WriteJSONL(b, s) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := w(&b, bad); !errors.Is(err, boom) {
				t.Errorf("got %v, want the source error", err)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"acled-csv", ACLEDCSV, false},
		{"geojson", GeoJSON, false},
		{"jsonl", JSONL, false},
		{"atom", Atom, false},
		{"csv", "", true},
		{"", "", true},
		{"GeoJSON", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseFormat(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("got %q, %v; want %q, error %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestInteraction(t *testing.T) {
	tests := []struct {
		name       string
		a, b, want int
	}{
		{"both", 1, 2, 12},
		{"ordered", 8, 2, 28},
		{"sole", 1, 0, 10},
		{"second only", 0, 3, 30},
		{"none", 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := interaction(tc.a, tc.b); got != tc.want {
				t.Errorf("interaction(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	events := loadJSON[report.Event](b, "events.json")
	many := make([]report.Event, 0, 3000)
	for len(many) < 3000 {
		many = append(many, events...)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := WriteCSV(io.Discard, Slice(many)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteGeoJSON(b *testing.B) {
	events := loadJSON[report.Event](b, "events.json")
	many := make([]report.Event, 0, 3000)
	for len(many) < 3000 {
		many = append(many, events...)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := WriteGeoJSON(io.Discard, Slice(many)); err != nil {
			b.Fatal(err)
		}
	}
}
