package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

func TestStoryKey(t *testing.T) {
	latam := &report.Actor{ID: "drug-cartels", Name: "Drug cartels", Inter: 3, Kind: "generic"}
	tests := []struct {
		name  string
		claim report.Claim
		want  string // "" = no story
	}{
		{"state initiator keyed by country", strike(by(usCIA), against(aq)), "state:US|al-qaeda|strike"},
		{"government and military are one initiator", strike(by(usGov), against(aq)), "state:US|al-qaeda|strike"},
		{"Mexican drug cartels", strike(by(usGov), against(mxCartel), at(mexico)), "state:US|cartels|strike"},
		{"a named cartel joins the cartels target", strike(by(usGov), against(sinaloa)), "state:US|cartels|strike"},
		{"a Venezuelan gang too", strike(by(usMil), against(tda), at(caribbean)), "state:US|cartels|strike"},
		{"cartels with no country too", strike(by(usGov), against(latam)), "state:US|cartels|strike"},
		{"generic militants take the place's country", strike(against(militant), at(pakistan)), "state:US|militants@PK|strike"},
		{"designation is its own class", strike(action("designation"), by(usGov), against(mxCartel)), "state:US|cartels|designation"},
		{"generic militants nowhere: no story", strike(against(militant)), ""},
		{"no target: no story", strike(), ""},
		{"generic initiator: no story", strike(by(militant), against(aq)), ""},
		{"no action: no story", strike(action(""), against(aq), func(c *report.Claim) { c.SubEventType = "" }), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := StoryKey(tt.claim)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("StoryKey = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
	if RelatedKey("state:US|cartels|strike") != RelatedKey("state:US|cartels|designation") {
		t.Errorf("strike and designation stories of one pair are not related")
	}
	if StoryID("a") == StoryID("b") || StoryID("a") != StoryID("a") {
		t.Errorf("StoryID is not a stable function of the key")
	}
}

// seedStory models STORY.md's course as claims, one report each, in
// publication order. Each entry is (report, claims).
type seedReport struct {
	meta   ReportMeta
	claims []report.StoredClaim
}

func seedStory() []seedReport {
	us := func(opts ...func(*report.Claim)) report.Claim {
		return strike(append([]func(*report.Claim){by(usGov), against(mxCartel), at(mexico)}, opts...)...)
	}
	latam := &report.Actor{ID: "drug-cartels", Name: "Drug cartels", Inter: 3, Kind: "generic"}
	return []seedReport{
		{meta("mar-hearing", "Wire", "2025-03-04"), []report.StoredClaim{
			stored("mar-1", "mar-hearing", us(stage(report.Threatened, report.Hedged), quote("all cards are on the table"))),
		}},
		{meta("apr-nbc", "NBC News", "2025-04-07"), []report.StoredClaim{
			stored("apr-1", "apr-nbc", us(stage(report.Discussed, report.Asserted), consent(report.ConsentUndecided), quote("is discussing drone strikes"))),
			stored("apr-2", "apr-nbc", us(stage(report.Conducted, report.Hypothetical), consent(report.ConsentUnilateral))),
			stored("apr-3", "apr-nbc", us(stage(report.Proposed, report.Negated))),
		}},
		{ReportMeta{ID: "apr-pv", Outlet: sp("Puerto Vallarta News"), Published: sp("2025-04-08"), CopyOf: sp("apr-nbc")}, []report.StoredClaim{
			stored("pv-1", "apr-pv", us(stage(report.Discussed, report.Asserted), consent(report.ConsentUndecided))),
		}},
		{meta("apr-mx", "El Universal", "2025-04-08"), []report.StoredClaim{
			stored("mx-1", "apr-mx", us(stage(report.Discussed, report.Asserted), consent(report.ConsentRefused), quote("we are not subordinate"))),
		}},
		{meta("aug-nyt", "The New York Times", "2025-08-08"), []report.StoredClaim{
			stored("aug-1", "aug-nyt", strike(by(usGov), against(latam), stage(report.Authorized, report.Hedged), quote("secretly signed a directive"))),
			stored("aug-2", "aug-nyt", us(stage(report.Conducted, report.Negated), consent(report.ConsentRefused))),
		}},
		{meta("sep-2", "Reuters", "2025-09-02"), []report.StoredClaim{
			stored("sep-1", "sep-2", strike(by(usMil), against(tda), at(caribbean), on("2025-09-02"), killed(11, 11), quote("carried out a lethal strike"))),
		}},
		{meta("sep-15", "AP", "2025-09-15"), []report.StoredClaim{
			stored("sep-2", "sep-15", strike(by(usMil), against(tda), at(caribbean), on("2025-09-15"), killed(3, 3))),
		}},
	}
}

func TestSeedStory(t *testing.T) {
	var all []report.StoredClaim
	reports := map[string]ReportMeta{}
	var escalations []report.StoryStep
	var key string
	before := report.Story{}
	for _, r := range seedStory() {
		reports[r.meta.ID] = r.meta
		for _, c := range r.claims {
			k, ok := StoryKey(c.Claim)
			if !ok {
				t.Fatalf("claim %s has no story", c.ID)
			}
			if key != "" && k != key {
				t.Fatalf("claim %s in story %q, want %q", c.ID, k, key)
			}
			key = k
		}
		all = append(all, r.claims...)
		after := BuildStory(key, all, reports)
		esc := Escalations(before, after)
		for _, e := range esc {
			t.Logf("escalation after %s: %s (%s) on %s", r.meta.ID, e.Stage, e.Certainty, *e.Date)
		}
		escalations = append(escalations, esc...)
		before = after
	}
	st := before
	if st.Stage != report.Conducted {
		t.Errorf("stage = %s, want conducted", st.Stage)
	}
	if st.HostConsent != report.ConsentRefused {
		t.Errorf("host consent = %q, want refused (the latest stated)", st.HostConsent)
	}
	var got []string
	for _, s := range st.History {
		got = append(got, string(s.Stage)+"@"+*s.Date+"/"+s.ReportID)
	}
	want := []string{"threatened@2025-03-04/mar-hearing", "authorized@2025-08-08/aug-nyt", "conducted@2025-09-02/sep-2"}
	if !slices.Equal(got, want) {
		t.Errorf("history = %v, want %v", got, want)
	}
	if st.History[1].Certainty != report.Hedged {
		t.Errorf("authorized step certainty = %s, want hedged", st.History[1].Certainty)
	}
	if st.History[0].ReportURL == nil || len(st.History[0].Evidence) == 0 {
		t.Errorf("first step lacks its report URL or evidence: %+v", st.History[0])
	}
	var esc []string
	for _, e := range escalations {
		esc = append(esc, string(e.Stage))
	}
	if !slices.Equal(esc, []string{"authorized", "conducted"}) {
		t.Errorf("escalations = %v, want [authorized conducted]", esc)
	}
	if st.Initiator == nil || st.Initiator.Country != "US" || st.Target == nil || !strings.Contains(st.Target.ID, "cartel") && st.Target.ID != "tren-de-aragua" {
		t.Errorf("initiator %+v target %+v, want U.S. → cartels", st.Initiator, st.Target)
	}

	// Arrival order does not change the story.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := slices.Clone(all)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again := BuildStory(key, shuffled, reports)
		if again.Stage != st.Stage || again.HostConsent != st.HostConsent || len(again.History) != len(st.History) {
			t.Fatalf("story depends on claim order: %+v", again)
		}
	}
}

func TestBuildStoryRules(t *testing.T) {
	reports := map[string]ReportMeta{
		"r1": meta("r1", "A", "2025-01-01"), "r2": meta("r2", "B", "2025-02-01"), "r3": meta("r3", "C", "2025-03-01"),
		"cp": {ID: "cp", Published: sp("2025-01-15"), CopyOf: sp("r1")},
	}
	tests := []struct {
		name    string
		claims  []report.StoredClaim
		stage   report.Stage
		steps   []report.Stage
		consent string
	}{
		{"denial is a step and does not lower the stage",
			[]report.StoredClaim{stored("a", "r1", strike(at(pakistan))), stored("b", "r2", strike(stage(report.Denied, report.Asserted), at(pakistan)))},
			report.Conducted, []report.Stage{report.Conducted, report.Denied}, report.ConsentUnknown},
		{"call-off recorded after authorization",
			[]report.StoredClaim{stored("a", "r1", strike(stage(report.Authorized, report.Asserted))), stored("b", "r2", strike(stage(report.CalledOff, report.Asserted)))},
			report.Authorized, []report.Stage{report.Authorized, report.CalledOff}, ""},
		{"lower stage later adds no step",
			[]report.StoredClaim{stored("a", "r1", strike(stage(report.Authorized, report.Asserted))), stored("b", "r2", strike(stage(report.Discussed, report.Asserted)))},
			report.Authorized, []report.Stage{report.Authorized}, ""},
		{"a copy adds no step",
			[]report.StoredClaim{stored("a", "r1", strike(stage(report.Discussed, report.Asserted))), stored("b", "cp", strike(stage(report.Authorized, report.Asserted)))},
			report.Discussed, []report.Stage{report.Discussed}, ""},
		{"hypothetical and negated add no step",
			[]report.StoredClaim{stored("a", "r1", strike(stage(report.Discussed, report.Asserted))), stored("b", "r2", strike(stage(report.Conducted, report.Hypothetical))), stored("c", "r3", strike(stage(report.Authorized, report.Negated)))},
			report.Discussed, []report.Stage{report.Discussed}, ""},
		{"latest consent wins over earlier",
			[]report.StoredClaim{stored("a", "r3", strike(stage(report.Discussed, report.Asserted), consent(report.ConsentGranted))), stored("b", "r1", strike(stage(report.Discussed, report.Asserted), consent(report.ConsentRefused)))},
			report.Discussed, []report.Stage{report.Discussed}, report.ConsentGranted},
		{"claim date orders before report date",
			[]report.StoredClaim{stored("a", "r3", strike(stage(report.Threatened, report.Asserted), on("2024-12-01"))), stored("b", "r1", strike(stage(report.Discussed, report.Asserted)))},
			report.Threatened, []report.Stage{report.Threatened}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := BuildStory("k", tt.claims, reports)
			var steps []report.Stage
			for _, s := range st.History {
				steps = append(steps, s.Stage)
			}
			if st.Stage != tt.stage || !slices.Equal(steps, tt.steps) || st.HostConsent != tt.consent {
				t.Errorf("got stage %s steps %v consent %q; want %s %v %q", st.Stage, steps, st.HostConsent, tt.stage, tt.steps, tt.consent)
			}
		})
	}
}

func TestEscalations(t *testing.T) {
	stp := func(s report.Stage, rep string) report.StoryStep { return report.StoryStep{Stage: s, ReportID: rep} }
	tests := []struct {
		name          string
		before, after report.Story
		want          []report.Stage
	}{
		{"new story's first step is not an escalation",
			report.Story{}, report.Story{Stage: report.Discussed, History: []report.StoryStep{stp(report.Discussed, "a")}}, nil},
		{"new story reaching two stages at once",
			report.Story{}, report.Story{Stage: report.Authorized, History: []report.StoryStep{stp(report.Discussed, "a"), stp(report.Authorized, "b")}}, []report.Stage{report.Authorized}},
		{"move up",
			report.Story{Stage: report.Discussed, History: []report.StoryStep{stp(report.Discussed, "a")}},
			report.Story{Stage: report.Conducted, History: []report.StoryStep{stp(report.Discussed, "a"), stp(report.Conducted, "b")}}, []report.Stage{report.Conducted}},
		{"denial is no escalation",
			report.Story{Stage: report.Conducted, History: []report.StoryStep{stp(report.Conducted, "a")}},
			report.Story{Stage: report.Conducted, History: []report.StoryStep{stp(report.Conducted, "a"), stp(report.Denied, "b")}}, nil},
		{"an earlier report arriving late is no escalation",
			report.Story{Stage: report.Conducted, History: []report.StoryStep{stp(report.Conducted, "c")}},
			report.Story{Stage: report.Conducted, History: []report.StoryStep{stp(report.Authorized, "b"), stp(report.Conducted, "c")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []report.Stage
			for _, s := range Escalations(tt.before, tt.after) {
				got = append(got, s.Stage)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("escalations = %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkBuildStory(b *testing.B) {
	var all []report.StoredClaim
	reports := map[string]ReportMeta{}
	for _, r := range seedStory() {
		reports[r.meta.ID] = r.meta
		all = append(all, r.claims...)
	}
	for b.Loop() {
		BuildStory("state:US|cartels|strike", all, reports)
	}
}
