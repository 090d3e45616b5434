// Package store defines the storage interface every backend (embedded
// SQLite, PostgreSQL) implements, the query filters the web and export
// layers use, and the typed errors they map to exit codes and HTTP status.
//
// To open a store from a --db value use backend.Open (package
// internal/store/backend): it cannot live here, because the backends import
// this package for its types.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
)

// ErrNotFound is returned (wrapped) when an id names nothing.
var ErrNotFound = errors.New("not found")

// ErrInvalid is returned (wrapped) for a bad filter or cursor.
var ErrInvalid = errors.New("invalid")

// Source describes where a report came from, for provenance and versioning.
type Source struct {
	Name      string    // file path, "feed URL#item", "api"
	FetchedAt time.Time // when it was read
}

// AddResult says what adding one extraction changed.
type AddResult struct {
	ReportID    string
	New         bool    // false when the report id was already stored (idempotent re-ingest)
	CopyOf      *string // set when the report is a syndicated copy of an earlier one
	PrevVersion *string // set when a report at the same URL with other text was stored before
	ClaimIDs    []string
	EventIDs    []string
	Escalations []Escalation // stories that moved up the ladder because of this report
}

// Escalation is a story moving up the ladder, with the evidence that moved it.
type Escalation struct {
	StoryID string
	From    report.Stage
	To      report.Stage
	Step    report.StoryStep
	Story   report.Story
}

// BBox is a bounding box in degrees.
type BBox struct{ MinLon, MinLat, MaxLon, MaxLat float64 }

// Filter narrows list queries; zero values mean "any".
type Filter struct {
	Country      string // ISO alpha-2
	ActorID      string // matches actor1 or actor2
	Stage        report.Stage
	Certainty    report.Certainty
	SubEventType string
	From, To     string // YYYY-MM-DD, inclusive, on the event/claim date (or report publication date when the claim has none)
	BBox         *BBox
	MinSources   int    // independent sources ≥ N (events)
	Text         string // full-text query over report text
	StoryID      string
	Limit        int    // default 50, max 500
	Cursor       string // opaque, from Page.Next
}

// Page is one page of results and the cursor of the next (empty at the end).
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

// ReportSummary is a report without its full text, for lists.
type ReportSummary struct {
	ID         string  `json:"id"`
	URL        *string `json:"url"`
	Outlet     *string `json:"outlet"`
	Title      *string `json:"title"`
	Published  *string `json:"published"`
	Language   string  `json:"language"`
	CopyOf     *string `json:"copy_of,omitempty"`
	ClaimCount int     `json:"claim_count"`
	Snippet    string  `json:"snippet,omitempty"` // search hit context, plain text
}

// Stats counts what the store holds.
type Stats struct {
	Reports, Copies, Claims, Events, Stories int
}

// Store is the one storage interface. Every method is safe for concurrent
// use; AddExtraction is atomic (all of a report's rows or none).
type Store interface {
	AddExtraction(ctx context.Context, ex report.Extraction, src Source) (AddResult, error)
	HasReport(ctx context.Context, id string) (bool, error)

	Report(ctx context.Context, id string) (report.Report, []report.StoredClaim, error)
	Reports(ctx context.Context, f Filter) (Page[ReportSummary], error)
	Claims(ctx context.Context, f Filter) (Page[report.StoredClaim], error)
	Event(ctx context.Context, id string) (report.Event, []report.StoredClaim, error)
	Events(ctx context.Context, f Filter) (Page[report.Event], error)
	Story(ctx context.Context, id string) (report.Story, error)
	Stories(ctx context.Context, f Filter) (Page[report.Story], error)
	Places(ctx context.Context, f Filter) (Page[report.Place], error)
	Search(ctx context.Context, query string, f Filter) (Page[ReportSummary], error)

	Stats(ctx context.Context) (Stats, error)
	Close() error
}
