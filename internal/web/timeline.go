package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// maxTimelineClaims bounds the work of one timeline computation; past it
// the counts cover the newest claims only and say so.
const maxTimelineClaims = 250_000

// Timeline counts claims per ISO week (starting Monday) and stage.
type Timeline struct {
	Bucket    string         `json:"bucket"` // always "week"
	Stages    []report.Stage `json:"stages"`
	Weeks     []WeekCount    `json:"weeks"`
	Undated   int            `json:"undated"`   // claims with neither a date nor a dated report
	Truncated bool           `json:"truncated"` // more than maxTimelineClaims matched
}

// WeekCount is one week's claims by stage.
type WeekCount struct {
	Week   string               `json:"week"` // the Monday, YYYY-MM-DD
	Counts map[report.Stage]int `json:"counts"`
	Total  int                  `json:"total"`
}

func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r)
	if err != nil {
		return err
	}
	f, err := parseFilter(q, params(filterParams))
	if err != nil {
		return err
	}
	body, err := s.timeline.get(r.Context(), canonical(q), func(ctx context.Context) ([]byte, error) {
		tl, err := computeTimeline(ctx, s.store, f)
		if err != nil {
			return nil, err
		}
		return json.Marshal(tl)
	})
	if err != nil {
		return err
	}
	writeBody(w, http.StatusOK, body)
	return nil
}

// canonical is a cache key for a query: parameters sorted, empty ones dropped.
func canonical(q url.Values) string {
	c := url.Values{}
	for k, v := range q {
		if len(v) > 0 && v[0] != "" {
			c.Set(k, v[0])
		}
	}
	return c.Encode()
}

// computeTimeline walks every matching claim. A claim without its own date
// is placed at its report's publication date, as the store's date filters
// do.
func computeTimeline(ctx context.Context, st store.Store, f store.Filter) (Timeline, error) {
	tl := Timeline{Bucket: "week", Stages: report.Stages, Weeks: []WeekCount{}}
	weeks := map[string]*WeekCount{}
	add := func(date string, stage report.Stage) bool {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return false
		}
		monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format(time.DateOnly)
		wk := weeks[monday]
		if wk == nil {
			wk = &WeekCount{Week: monday, Counts: map[report.Stage]int{}}
			weeks[monday] = wk
		}
		wk.Counts[stage]++
		wk.Total++
		return true
	}
	undated := map[string][]report.Stage{} // report id → stages of its undated claims
	f.Limit = maxLimit
	f.Cursor = ""
	n := 0
	pace := inBackground(ctx)
	for {
		start := time.Now()
		p, err := st.Claims(ctx, f)
		if err != nil {
			return tl, err
		}
		if pace {
			// A background refresh rests as long as each page took, so it
			// uses at most about half a core while requests are served.
			if err := sleep(ctx, time.Since(start)); err != nil {
				return tl, err
			}
		}
		for _, c := range p.Items {
			if c.Date.Start == nil || !add(*c.Date.Start, c.Stage) {
				undated[c.ReportID] = append(undated[c.ReportID], c.Stage)
			}
		}
		n += len(p.Items)
		if p.Next == "" {
			break
		}
		if n >= maxTimelineClaims {
			tl.Truncated = true
			break
		}
		f.Cursor = p.Next
	}
	if len(undated) > 0 {
		if err := placeUndated(ctx, st, undated, add); err != nil {
			return tl, err
		}
	}
	for _, stages := range undated {
		tl.Undated += len(stages)
	}
	for _, wk := range weeks {
		tl.Weeks = append(tl.Weeks, *wk)
	}
	sort.Slice(tl.Weeks, func(i, j int) bool { return tl.Weeks[i].Week < tl.Weeks[j].Week })
	return tl, nil
}

// placeUndated looks up the publication dates of the reports in undated
// and counts their claims there, removing them from undated.
func placeUndated(ctx context.Context, st store.Store, undated map[string][]report.Stage, add func(string, report.Stage) bool) error {
	f := store.Filter{Limit: maxLimit}
	left := len(undated)
	for left > 0 {
		p, err := st.Reports(ctx, f)
		if err != nil {
			return err
		}
		for _, r := range p.Items {
			stages, ok := undated[r.ID]
			if !ok || r.Published == nil {
				continue
			}
			if !add(*r.Published, stages[0]) {
				continue
			}
			for _, sg := range stages[1:] {
				add(*r.Published, sg)
			}
			delete(undated, r.ID)
			left--
		}
		if p.Next == "" {
			return nil
		}
		f.Cursor = p.Next
	}
	return nil
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
