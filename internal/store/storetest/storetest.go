// Package storetest is the test suite every store.Store backend must pass.
// A backend's test supplies only a factory:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { … a fresh, empty store, closed by t.Cleanup … })
//	}
//
// The suite builds extractions by hand so that it does not depend on the
// extractor, and it knows nothing of SQL.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Factory returns a fresh, empty store; it must arrange its own cleanup.
type Factory func(t *testing.T) store.Store

// Run runs every suite test against stores made by open.
func Run(t *testing.T, open Factory) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Factory)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"Versions", testVersions},
		{"NotFound", testNotFound},
		{"Invalid", testInvalid},
		{"ClaimFilters", testClaimFilters},
		{"ReportFilters", testReportFilters},
		{"Pagination", testPagination},
		{"Search", testSearch},
		{"Places", testPlaces},
		{"Concurrent", testConcurrent},
		{"FailedAddLeavesNothing", testFailedAdd},
		{"CancelledAddLeavesNothing", testCancelledAdd},
		{"Stats", testStats},
		{"Copies", testCopies},
		{"Events", testEvents},
		{"Stories", testStories},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

func ptr[T any](v T) *T { return &v }

// hashID is how the pipeline names reports: the sha256 hex of the text.
func hashID(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// newReport returns a minimal report with the given text.
func newReport(text string) report.Report {
	return report.Report{ID: hashID(text), Language: "en", Text: text}
}

// mustAdd adds an extraction and fails the test on error.
func mustAdd(t *testing.T, s store.Store, ex report.Extraction) store.AddResult {
	t.Helper()
	res, err := s.AddExtraction(context.Background(), ex, store.Source{Name: "test"})
	if err != nil {
		t.Fatalf("AddExtraction(%s): %v", ex.Report.ID, err)
	}
	return res
}

// strikeClaim is a conducted drone strike claim at a place.
func strikeClaim(country string, lat, lon float64, date string) report.Claim {
	c := report.Claim{
		EventType:    "Explosions/Remote violence",
		SubEventType: "Air/drone strike",
		Action:       "drone strike",
		Stage:        report.Conducted,
		Certainty:    report.Asserted,
		Actor1:       &report.Actor{Name: "Military Forces of the United States", ID: "us-military", Inter: 8, Country: "US", Text: "U.S. forces"},
		Location:     &report.Location{Name: "Somewhere", GeonamesID: 1, Lat: lat, Lon: lon, Country: country, GeoPrecision: report.PrecisionExact},
		Date:         report.Date{TimePrecision: "unknown"},
		Sources:      []report.Source{{Kind: report.SourceOutlet, Outlet: ptr("Wire")}},
		Evidence:     map[string][]report.Evidence{"stage": {{Start: 0, End: 4, Sentence: "Test."}}},
		Confidence:   0.5,
	}
	if date != "" {
		c.Date = report.Date{Start: ptr(date), End: ptr(date), TimePrecision: "day"}
	}
	return c
}

// collect walks every page of a list and returns all items.
func collect[T any](t *testing.T, f store.Filter, list func(store.Filter) (store.Page[T], error)) []T {
	t.Helper()
	var out []T
	for range 10000 {
		p, err := list(f)
		if err != nil {
			t.Fatalf("list %+v: %v", f, err)
		}
		out = append(out, p.Items...)
		if p.Next == "" {
			return out
		}
		if len(p.Items) == 0 {
			t.Fatalf("list %+v: empty page with a next cursor", f)
		}
		f.Cursor = p.Next
	}
	t.Fatalf("list %+v: pages never end", f)
	return nil
}
