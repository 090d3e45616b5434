package storetest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// fixture is a varied set of stored extractions and, for each claim, the
// report it came from, so that tests can compute what a filter must return.
type fixture struct {
	exs    []report.Extraction
	claims map[string]fixtureClaim // by claim id
}

type fixtureClaim struct {
	claim  report.Claim
	report report.Report
}

var (
	fixtureCountries = []struct {
		code     string
		lat, lon float64
	}{{"YE", 15.3, 44.2}, {"SO", 2.0, 45.3}, {"PK", 33.0, 70.0}, {"MX", 20.6, -105.2}}
	fixtureStages  = []report.Stage{report.Conducted, report.Discussed, report.Authorized, report.Denied, report.Threatened}
	fixtureCertain = []report.Certainty{report.Asserted, report.Hedged, report.Negated, report.Hypothetical}
	fixtureActors  = []string{"us-military", "us-gov", "aqap", "al-shabaab", "mx-cartels"}
	fixtureSubs    = []string{"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"}
	fixtureWords   = []string{"drone", "missile", "convoy", "wedding", "compound", "cartel"}
)

// buildFixture stores n reports with two claims each, their fields cycling
// through the value lists at different rates so that filters combine.
func buildFixture(t *testing.T, s store.Store, n int) fixture {
	t.Helper()
	fx := fixture{claims: map[string]fixtureClaim{}}
	for i := range n {
		text := fmt.Sprintf("Report %d. Officials said a %s strike hit a %s near the town, report number %d.",
			i, fixtureWords[i%len(fixtureWords)], fixtureWords[(i+2)%len(fixtureWords)], i)
		r := newReport(text)
		r.Title = ptr(fmt.Sprintf("Report %d", i))
		if i%5 != 0 {
			r.Published = ptr(fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28))
		}
		r.Places = []report.Place{{Text: "town", Start: 0, End: 4, Name: fmt.Sprintf("Town %d", i%7), GeonamesID: 1000 + i%7,
			Lat: fixtureCountries[i%7%4].lat, Lon: fixtureCountries[i%7%4].lon, Country: fixtureCountries[i%7%4].code, Feature: "city"}}
		var claims []report.Claim
		for j := range 2 {
			k := i*2 + j
			cc := fixtureCountries[k%len(fixtureCountries)]
			date := ""
			if k%3 != 0 {
				date = fmt.Sprintf("2024-%02d-%02d", 1+k%12, 1+k%27)
			}
			c := strikeClaim(cc.code, cc.lat+float64(k%3)*0.1, cc.lon, date)
			c.Stage = fixtureStages[k%len(fixtureStages)]
			c.Certainty = fixtureCertain[k%len(fixtureCertain)]
			c.SubEventType = fixtureSubs[k%len(fixtureSubs)]
			c.Actor1 = &report.Actor{Name: fixtureActors[k%len(fixtureActors)], ID: fixtureActors[k%len(fixtureActors)]}
			if k%4 == 1 {
				c.Actor2 = &report.Actor{Name: fixtureActors[(k+2)%len(fixtureActors)], ID: fixtureActors[(k+2)%len(fixtureActors)]}
			}
			if k%7 == 3 {
				c.Location = nil
			}
			claims = append(claims, c)
		}
		ex := report.Extraction{Report: r, Claims: claims}
		res := mustAdd(t, s, ex)
		for j, id := range res.ClaimIDs {
			fx.claims[id] = fixtureClaim{claim: claims[j], report: r}
		}
		fx.exs = append(fx.exs, ex)
	}
	return fx
}

// dateKey is the date a claim filters on: its start, its end, else its
// report's publication date; "" when none is known.
func dateKey(c report.Claim, r report.Report) string {
	switch {
	case c.Date.Start != nil:
		return *c.Date.Start
	case c.Date.End != nil:
		return *c.Date.End
	case r.Published != nil:
		return *r.Published
	}
	return ""
}

// claimMatches is the Filter contract for claims (text and story aside).
func claimMatches(f store.Filter, c report.Claim, r report.Report, withDate bool) bool {
	loc := c.Location
	switch {
	case f.Country != "" && (loc == nil || loc.Country != f.Country):
		return false
	case f.ActorID != "" && !((c.Actor1 != nil && c.Actor1.ID == f.ActorID) || (c.Actor2 != nil && c.Actor2.ID == f.ActorID)):
		return false
	case f.Stage != "" && c.Stage != f.Stage:
		return false
	case f.Certainty != "" && c.Certainty != f.Certainty:
		return false
	case f.SubEventType != "" && c.SubEventType != f.SubEventType:
		return false
	}
	if withDate {
		d := dateKey(c, r)
		if f.From != "" && (d == "" || d < f.From) || f.To != "" && (d == "" || d > f.To) {
			return false
		}
	}
	if b := f.BBox; b != nil {
		if loc == nil || loc.Lat < b.MinLat || loc.Lat > b.MaxLat || loc.Lon < b.MinLon || loc.Lon > b.MaxLon {
			return false
		}
	}
	return true
}

// filterCases are the claim-level filters every list must honour.
var filterCases = []struct {
	name string
	f    store.Filter
}{
	{"everything", store.Filter{}},
	{"country", store.Filter{Country: "YE"}},
	{"actor either side", store.Filter{ActorID: "aqap"}},
	{"stage", store.Filter{Stage: report.Authorized}},
	{"certainty", store.Filter{Certainty: report.Hedged}},
	{"sub-event type", store.Filter{SubEventType: "Armed clash"}},
	{"from", store.Filter{From: "2024-06-01"}},
	{"to", store.Filter{To: "2024-03-15"}},
	{"date range", store.Filter{From: "2024-02-01", To: "2024-08-31"}},
	{"one day", store.Filter{From: "2024-05-05", To: "2024-05-05"}},
	{"bbox", store.Filter{BBox: &store.BBox{MinLon: 40, MinLat: 10, MaxLon: 50, MaxLat: 16}}},
	{"combined", store.Filter{Country: "SO", Stage: report.Conducted, From: "2024-01-01"}},
	{"matches nothing", store.Filter{Country: "FR"}},
}

func testClaimFilters(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	fx := buildFixture(t, s, 40)
	for _, tc := range filterCases {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for id, fc := range fx.claims {
				if claimMatches(tc.f, fc.claim, fc.report, true) {
					want = append(want, id)
				}
			}
			f := tc.f
			f.Limit = 7
			got := collect(t, f, func(f store.Filter) (store.Page[report.StoredClaim], error) { return s.Claims(ctx, f) })
			var gotIDs []string
			for _, c := range got {
				gotIDs = append(gotIDs, c.ID)
				if fc, ok := fx.claims[c.ID]; !ok || fc.report.ID != c.ReportID {
					t.Errorf("claim %s: report %s, want %s", c.ID, c.ReportID, fc.report.ID)
				}
			}
			sort.Strings(want)
			sort.Strings(gotIDs)
			if !slices.Equal(gotIDs, want) {
				t.Errorf("got %d claims %v,\nwant %d %v", len(gotIDs), gotIDs, len(want), want)
			}
			if tc.name == "everything" && len(want) != len(fx.claims) {
				t.Errorf("unfiltered: %d claims, want %d", len(want), len(fx.claims))
			}
			// Latest date first.
			for i := 1; i < len(got); i++ {
				a, b := dateKey(got[i-1].Claim, fx.claims[got[i-1].ID].report), dateKey(got[i].Claim, fx.claims[got[i].ID].report)
				if a < b {
					t.Errorf("claims out of order: %s (%s) before %s (%s)", got[i-1].ID, a, got[i].ID, b)
				}
			}
		})
	}
}

func testReportFilters(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	fx := buildFixture(t, s, 30)
	for _, tc := range filterCases {
		t.Run(tc.name, func(t *testing.T) {
			// A report matches when one of its claims matches the claim
			// fields, and its publication date lies in the range.
			var want []string
			for _, ex := range fx.exs {
				pub := ""
				if ex.Report.Published != nil {
					pub = *ex.Report.Published
				}
				if tc.f.From != "" && (pub == "" || pub < tc.f.From) || tc.f.To != "" && (pub == "" || pub > tc.f.To) {
					continue
				}
				claimFilter := tc.f != (store.Filter{From: tc.f.From, To: tc.f.To})
				ok := !claimFilter
				for _, c := range ex.Claims {
					if claimFilter && claimMatches(tc.f, c, ex.Report, false) {
						ok = true
					}
				}
				if ok {
					want = append(want, ex.Report.ID)
				}
			}
			f := tc.f
			f.Limit = 4
			got := collect(t, f, func(f store.Filter) (store.Page[store.ReportSummary], error) { return s.Reports(ctx, f) })
			var gotIDs []string
			for _, r := range got {
				gotIDs = append(gotIDs, r.ID)
				if r.ClaimCount != 2 {
					t.Errorf("report %s: claim count %d, want 2", r.ID, r.ClaimCount)
				}
			}
			sort.Strings(want)
			sort.Strings(gotIDs)
			if !slices.Equal(gotIDs, want) {
				t.Errorf("got %d reports, want %d", len(gotIDs), len(want))
			}
		})
	}
}

func testPagination(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	fx := buildFixture(t, s, 23)
	for _, lim := range []int{1, 5, 46, 47, 500, 1000} {
		t.Run(fmt.Sprint("limit ", lim), func(t *testing.T) {
			f := store.Filter{Limit: lim}
			seen := map[string]int{}
			pages := 0
			for {
				p, err := s.Claims(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				pages++
				if len(p.Items) > min(lim, 500) {
					t.Errorf("page of %d items, limit %d", len(p.Items), lim)
				}
				for _, c := range p.Items {
					seen[c.ID]++
				}
				if p.Next == "" {
					break
				}
				f.Cursor = p.Next
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("claim %s listed %d times", id, n)
				}
			}
			if len(seen) != len(fx.claims) {
				t.Errorf("listed %d claims, want %d", len(seen), len(fx.claims))
			}
			if want := (len(fx.claims) + min(lim, 500) - 1) / min(lim, 500); pages != want && pages != want+1 {
				t.Errorf("%d pages, want %d", pages, want)
			}
		})
	}
	t.Run("default limit", func(t *testing.T) {
		p, err := s.Claims(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 46 || p.Next != "" {
			t.Errorf("default page: %d items, next %q; want all 46 and no next", len(p.Items), p.Next)
		}
	})
	t.Run("reports", func(t *testing.T) {
		got := collect(t, store.Filter{Limit: 3}, func(f store.Filter) (store.Page[store.ReportSummary], error) { return s.Reports(ctx, f) })
		seen := map[string]bool{}
		for _, r := range got {
			if seen[r.ID] {
				t.Errorf("report %s listed twice", r.ID)
			}
			seen[r.ID] = true
		}
		if len(seen) != len(fx.exs) {
			t.Errorf("listed %d reports, want %d", len(seen), len(fx.exs))
		}
	})
	t.Run("empty list", func(t *testing.T) {
		p, err := s.Events(ctx, store.Filter{Country: "FR"})
		if err != nil {
			t.Fatal(err)
		}
		if p.Items == nil || len(p.Items) != 0 || p.Next != "" {
			t.Errorf("empty page = %#v, want non-nil empty items and no cursor", p)
		}
	})
}

func testSearch(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	fx := buildFixture(t, s, 24)
	contains := func(text string, words ...string) bool {
		low := strings.ToLower(text)
		for _, w := range words {
			if !strings.Contains(low, w) {
				return false
			}
		}
		return true
	}
	cases := []struct {
		name, query string
		match       func(text string) bool
	}{
		{"one word", "wedding", func(x string) bool { return contains(x, "wedding") }},
		{"two words", "drone compound", func(x string) bool { return contains(x, "drone", "compound") }},
		{"case folded", "MISSILE", func(x string) bool { return contains(x, "missile") }},
		{"phrase", `"convoy strike"`, func(x string) bool { return contains(x, "convoy strike") }},
		{"prefix", "wedd*", func(x string) bool { return contains(x, "wedd") }},
		{"operators are words", "drone AND OR NOT", func(x string) bool { return contains(x, "drone", " and ", " or ", " not ") }},
		{"no hit", "zeppelin", func(string) bool { return false }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := map[string]bool{}
			for _, ex := range fx.exs {
				if tc.match(ex.Report.Text) {
					want[ex.Report.ID] = true
				}
			}
			got := collect(t, store.Filter{Limit: 5}, func(f store.Filter) (store.Page[store.ReportSummary], error) { return s.Search(ctx, tc.query, f) })
			gotSet := map[string]bool{}
			for _, r := range got {
				if gotSet[r.ID] {
					t.Errorf("report %s found twice", r.ID)
				}
				gotSet[r.ID] = true
				if r.Snippet == "" {
					t.Errorf("report %s: empty snippet", r.ID)
				}
			}
			if len(gotSet) != len(want) {
				t.Errorf("found %d reports, want %d", len(gotSet), len(want))
			}
			for id := range want {
				if !gotSet[id] {
					t.Errorf("report %s not found", id)
				}
			}
			// The same query as a filter narrows claims and reports alike.
			claims := collect(t, store.Filter{Text: tc.query, Limit: 50}, func(f store.Filter) (store.Page[report.StoredClaim], error) { return s.Claims(ctx, f) })
			for _, c := range claims {
				if !want[c.ReportID] {
					t.Errorf("text filter: claim %s of a report that does not match", c.ID)
				}
			}
			if len(claims) != 2*len(want) {
				t.Errorf("text filter: %d claims, want %d", len(claims), 2*len(want))
			}
		})
	}
	t.Run("snippet quotes the text", func(t *testing.T) {
		p, err := s.Search(ctx, "wedding", store.Filter{Limit: 1})
		if err != nil || len(p.Items) != 1 {
			t.Fatalf("search = %+v, %v", p, err)
		}
		if !strings.Contains(strings.ToLower(p.Items[0].Snippet), "wedding") {
			t.Errorf("snippet %q does not contain the hit", p.Items[0].Snippet)
		}
	})
	t.Run("with filter", func(t *testing.T) {
		got := collect(t, store.Filter{Country: "YE"}, func(f store.Filter) (store.Page[store.ReportSummary], error) { return s.Search(ctx, "strike", f) })
		for _, r := range got {
			ok := false
			for _, fc := range fx.claims {
				if fc.report.ID == r.ID && fc.claim.Location != nil && fc.claim.Location.Country == "YE" {
					ok = true
				}
			}
			if !ok {
				t.Errorf("search with country filter returned report %s without a YE claim", r.ID)
			}
		}
		if len(got) == 0 {
			t.Error("search with country filter found nothing")
		}
	})
}

func testPlaces(t *testing.T, open Factory) {
	s := open(t)
	ctx := context.Background()
	fx := buildFixture(t, s, 20)
	want := map[int]report.Place{}
	for _, ex := range fx.exs {
		for _, p := range ex.Report.Places {
			want[p.GeonamesID] = p
		}
	}
	got := collect(t, store.Filter{Limit: 2}, func(f store.Filter) (store.Page[report.Place], error) { return s.Places(ctx, f) })
	if len(got) != len(want) {
		t.Errorf("got %d places, want %d distinct", len(got), len(want))
	}
	seen := map[int]bool{}
	for _, p := range got {
		if seen[p.GeonamesID] {
			t.Errorf("place %d listed twice", p.GeonamesID)
		}
		seen[p.GeonamesID] = true
		w := want[p.GeonamesID]
		if p.Name != w.Name || p.Country != w.Country || p.Lat != w.Lat || p.Lon != w.Lon || p.Feature != w.Feature {
			t.Errorf("place %d = %+v, want %+v", p.GeonamesID, p, w)
		}
	}
	ye := collect(t, store.Filter{Country: "YE"}, func(f store.Filter) (store.Page[report.Place], error) { return s.Places(ctx, f) })
	for _, p := range ye {
		if p.Country != "YE" {
			t.Errorf("country filter returned %+v", p)
		}
	}
	if len(ye) == 0 {
		t.Error("country filter found no YE places")
	}
	box := &store.BBox{MinLon: -110, MinLat: 15, MaxLon: -100, MaxLat: 25}
	mx := collect(t, store.Filter{BBox: box}, func(f store.Filter) (store.Page[report.Place], error) { return s.Places(ctx, f) })
	for _, p := range mx {
		if p.Country != "MX" {
			t.Errorf("bbox filter returned %+v", p)
		}
	}
	if len(mx) == 0 {
		t.Error("bbox filter found no places")
	}
}
