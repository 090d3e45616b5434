package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// fakeExtract stands in for the pipeline: the report id is the hash of the
// trimmed body, one claim per line that mentions a strike, and a body
// starting with "INVALID" is refused as bad input.
func fakeExtract(_ context.Context, d Doc) (report.Extraction, error) {
	text := strings.TrimSpace(string(d.Body))
	if strings.HasPrefix(text, "INVALID") {
		return report.Extraction{}, fmt.Errorf("extract: %w", &report.ErrInvalid{Input: d.Name, Reason: "refused"})
	}
	sum := sha256.Sum256([]byte(text))
	ex := report.Extraction{Report: report.Report{ID: hex.EncodeToString(sum[:]), Text: text, Language: "en"}}
	if d.URL != "" {
		u := d.URL
		ex.Report.URL = &u
	}
	if d.Outlet != "" {
		o := d.Outlet
		ex.Report.Outlet = &o
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(strings.ToLower(line), "strike") {
			ex.Claims = append(ex.Claims, report.Claim{Action: "strike", Stage: report.Conducted})
		}
	}
	return ex, nil
}

// fakeStore is an in-memory Store that records the order of additions.
type fakeStore struct {
	mu      sync.Mutex
	reports map[string]report.Extraction
	order   []string // report ids in the order added
	sources map[string]store.Source
	failOn  string // a body substring whose AddExtraction fails fatally
}

func newFakeStore() *fakeStore {
	return &fakeStore{reports: map[string]report.Extraction{}, sources: map[string]store.Source{}}
}

func (s *fakeStore) HasReport(_ context.Context, id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.reports[id]
	return ok, nil
}

func (s *fakeStore) AddExtraction(_ context.Context, ex report.Extraction, src store.Source) (store.AddResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failOn != "" && strings.Contains(ex.Report.Text, s.failOn) {
		return store.AddResult{}, fmt.Errorf("disk I/O error")
	}
	id := ex.Report.ID
	if _, ok := s.reports[id]; ok {
		return store.AddResult{ReportID: id}, nil
	}
	s.reports[id] = ex
	s.order = append(s.order, id)
	s.sources[id] = src
	res := store.AddResult{ReportID: id, New: true}
	for i := range ex.Claims {
		res.ClaimIDs = append(res.ClaimIDs, fmt.Sprintf("%s-%d", id[:8], i))
		res.EventIDs = append(res.EventIDs, "event-"+ex.Claims[i].Action)
	}
	if strings.Contains(ex.Report.Text, "(Reuters)") {
		orig := "original"
		res.CopyOf = &orig
	}
	return res, nil
}

func (s *fakeStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.reports)
}

func (s *fakeStore) ids() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.order...)
}
