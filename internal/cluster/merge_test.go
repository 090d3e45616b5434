package cluster

import (
	"fmt"
	"slices"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

func TestMergeStage(t *testing.T) {
	tests := []struct {
		name      string
		claims    []report.StoredClaim
		reports   map[string]ReportMeta
		stage     report.Stage
		certainty report.Certainty
	}{
		{
			"highest asserted stage wins",
			[]report.StoredClaim{
				stored("a", "r1", strike(stage(report.Authorized, report.Asserted))),
				stored("b", "r2", strike(stage(report.Conducted, report.Asserted))),
			},
			map[string]ReportMeta{"r1": meta("r1", "A", ""), "r2": meta("r2", "B", "")},
			report.Conducted, report.Asserted,
		},
		{
			"hedged counts, asserted at the same stage upgrades certainty",
			[]report.StoredClaim{
				stored("a", "r1", strike(stage(report.Conducted, report.Hedged))),
				stored("b", "r2", strike(stage(report.Conducted, report.Asserted))),
			},
			map[string]ReportMeta{"r1": meta("r1", "A", ""), "r2": meta("r2", "B", "")},
			report.Conducted, report.Asserted,
		},
		{
			"hypothetical and negated never raise",
			[]report.StoredClaim{
				stored("a", "r1", strike(stage(report.Discussed, report.Asserted))),
				stored("b", "r1", strike(stage(report.Conducted, report.Hypothetical))),
				stored("c", "r1", strike(stage(report.Authorized, report.Negated))),
			},
			map[string]ReportMeta{"r1": meta("r1", "A", "")},
			report.Discussed, report.Asserted,
		},
		{
			"a copy does not raise the stage",
			[]report.StoredClaim{
				stored("a", "r1", strike(stage(report.Authorized, report.Hedged))),
				stored("b", "r2", strike(stage(report.Conducted, report.Asserted))),
			},
			map[string]ReportMeta{"r1": meta("r1", "A", ""), "r2": {ID: "r2", CopyOf: sp("r0")}},
			report.Authorized, report.Hedged,
		},
		{
			"only copies: they stand in",
			[]report.StoredClaim{stored("b", "r2", strike())},
			map[string]ReportMeta{"r2": {ID: "r2", CopyOf: sp("r0")}},
			report.Conducted, report.Asserted,
		},
		{
			"only a denial",
			[]report.StoredClaim{stored("a", "r1", strike(stage(report.Denied, report.Asserted)))},
			map[string]ReportMeta{"r1": meta("r1", "A", "")},
			report.Denied, report.Asserted,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := Merge(report.Event{ID: "e1"}, tt.claims, tt.reports)
			if ev.Stage != tt.stage || ev.Certainty != tt.certainty {
				t.Errorf("got %s/%s, want %s/%s", ev.Stage, ev.Certainty, tt.stage, tt.certainty)
			}
			if ev.ID != "e1" || ev.ClaimCount != len(tt.claims) {
				t.Errorf("got id %q count %d, want e1 %d", ev.ID, ev.ClaimCount, len(tt.claims))
			}
		})
	}
}

func TestMergeFields(t *testing.T) {
	claims := []report.StoredClaim{
		stored("a", "r1", strike(at(pakistan), killed(4, 5), against(militant), on("2010-05-11"))),
		stored("b", "r2", strike(at(dattaKhel), killed(6, 8), against(aq), func(c *report.Claim) {
			c.Date = report.Date{Start: sp("2010-05-10"), End: sp("2010-05-12"), TimePrecision: "week"}
		})),
		stored("c", "r3", strike(at(nWaz), func(c *report.Claim) { c.Fatalities = report.Fatalities{Min: ip(3)} })),
		stored("d", "r3", strike(stage(report.Conducted, report.Hypothetical), killed(100, 100))),
	}
	reports := map[string]ReportMeta{"r1": meta("r1", "Dawn", "2010-05-12"), "r2": meta("r2", "Reuters", "2010-05-11"), "r3": meta("r3", "", "2010-05-12")}
	ev := Merge(report.Event{ID: "e", StoryID: "s"}, claims, reports)

	if ev.Location == nil || ev.Location.Name != "Datta Khel" {
		t.Errorf("location = %+v, want the most precise, Datta Khel", ev.Location)
	}
	if ev.Date.Start == nil || *ev.Date.Start != "2010-05-11" {
		t.Errorf("date = %+v, want the narrowest, 2010-05-11", ev.Date)
	}
	if got := fmt.Sprint(*ev.Fatalities.Min, "-", *ev.Fatalities.Max); got != "3-8" {
		t.Errorf("fatalities = %s, want 3-8 (hypothetical 100 left out)", got)
	}
	if ev.Fatalities.CiviliansMin != nil || ev.Fatalities.CiviliansMax != nil {
		t.Errorf("civilians = %v/%v, want null (no claim states them)", ev.Fatalities.CiviliansMin, ev.Fatalities.CiviliansMax)
	}
	if ev.Actor2 == nil || ev.Actor2.ID != "al-qaeda" {
		t.Errorf("actor2 = %+v, want the specific al-qaeda over generic militants", ev.Actor2)
	}
	if want := []string{"r2", "r1", "r3"}; !slices.Equal(ev.ReportIDs, want) {
		t.Errorf("report ids = %v, want %v (by publication date)", ev.ReportIDs, want)
	}
	if len(ev.ReportURLs) != 3 {
		t.Errorf("report urls = %v, want 3", ev.ReportURLs)
	}
	if ev.IndependentSources != 3 || ev.ClaimCount != 4 || ev.StoryID != "s" {
		t.Errorf("sources %d, claims %d, story %q; want 3, 4, s", ev.IndependentSources, ev.ClaimCount, ev.StoryID)
	}
}

func TestMergeNullTolls(t *testing.T) {
	ev := Merge(report.Event{}, []report.StoredClaim{stored("a", "r", strike()), stored("b", "r", strike())}, map[string]ReportMeta{"r": meta("r", "", "")})
	if f := ev.Fatalities; f.Min != nil || f.Max != nil {
		t.Errorf("fatalities = %v/%v, want null/null", f.Min, f.Max)
	}
}

func TestIndependentSources(t *testing.T) {
	one := func(id, rep string) report.StoredClaim { return stored(id, rep, strike()) }
	tests := []struct {
		name    string
		claims  []report.StoredClaim
		reports map[string]ReportMeta
		want    int
	}{
		{"two outlets", []report.StoredClaim{one("a", "r1"), one("b", "r2")},
			map[string]ReportMeta{"r1": meta("r1", "AP", ""), "r2": meta("r2", "Dawn", "")}, 2},
		{"one outlet twice is one source", []report.StoredClaim{one("a", "r1"), one("b", "r2")},
			map[string]ReportMeta{"r1": meta("r1", "NBC News", ""), "r2": meta("r2", "nbcnews.com", "")}, 1},
		{"a syndicated copy adds nothing", []report.StoredClaim{one("a", "r1"), one("b", "r2")},
			map[string]ReportMeta{"r1": meta("r1", "AP", ""), "r2": {ID: "r2", Outlet: sp("Daily Courier"), CopyOf: sp("r1")}}, 1},
		{"reports without outlet count each", []report.StoredClaim{one("a", "r1"), one("b", "r2"), one("c", "r2")},
			map[string]ReportMeta{"r1": meta("r1", "", ""), "r2": meta("r2", "", "")}, 2},
		{"two claims of one report", []report.StoredClaim{one("a", "r1"), one("b", "r1")},
			map[string]ReportMeta{"r1": meta("r1", "AP", "")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Merge(report.Event{}, tt.claims, tt.reports).IndependentSources; got != tt.want {
				t.Errorf("independent sources = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestMergeOrderFree(t *testing.T) {
	claims := []report.StoredClaim{
		stored("a", "r1", strike(at(pakistan), killed(4, 5), against(militant))),
		stored("b", "r2", strike(at(dattaKhel), killed(6, 8), against(aq))),
		stored("c", "r3", strike(at(nWaz), against(ttp))),
	}
	reports := map[string]ReportMeta{"r1": meta("r1", "A", "2010-05-12"), "r2": meta("r2", "B", "2010-05-12"), "r3": meta("r3", "C", "2010-05-12")}
	want := Merge(report.Event{}, claims, reports)
	rev := slices.Clone(claims)
	slices.Reverse(rev)
	got := Merge(report.Event{}, rev, reports)
	if fmt.Sprintf("%+v %+v %+v", got.Actor2, got.Location, got.ReportIDs) != fmt.Sprintf("%+v %+v %+v", want.Actor2, want.Location, want.ReportIDs) {
		t.Errorf("merge depends on claim order:\n got %+v\nwant %+v", got, want)
	}
}

func BenchmarkMerge(b *testing.B) {
	var claims []report.StoredClaim
	reports := map[string]ReportMeta{}
	for i := range 20 {
		r := fmt.Sprintf("r%d", i)
		reports[r] = meta(r, fmt.Sprintf("outlet%d", i%7), "2010-05-12")
		claims = append(claims, stored(fmt.Sprintf("c%d", i), r, strike(at(dattaKhel), killed(i, i+2), against(aq), on("2010-05-11"))))
	}
	for b.Loop() {
		Merge(report.Event{ID: "e"}, claims, reports)
	}
}
