package eval

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
)

// floors are the figures each probe set has reached; a field that falls
// below its floor fails the test. Raise a floor when a fix lifts a figure;
// lower one only with a reason in the commit. Country leans on the
// geoparser and keeps a margin.
type floors struct {
	action, stage, stageCertainty, killed, sourceKind, sourceCount, country, date, absent float64
	// maxFalse is how many reports may still yield a false conducted claim
	// (the ladder set, written blind, keeps its known misses visible).
	maxFalse int
}

// TestProbeSets scores the project's own labelled sets in testdata/probes
// (so the test never skips): probes.jsonl, short reports probing the stage
// ladder, sources, numbers and texts that are no strike; wire.jsonl, wire
// copy of two to six sentences with datelines, several claims per report,
// follow-up tolls, reported speech at two levels and cues far from the verb;
// sources.jsonl, who a claim rests on (appositives, "told OUTLET", "in a
// statement", counted witnesses and officials, third parties); ladder.jsonl,
// written blind (without reading the extractor) in other styles and with
// other verb families; feature.jsonl, longer stories written blind, with
// background strikes and reactions; holdout.jsonl, fresh.jsonl,
// blind5.jsonl to blind37.jsonl, the third to thirty-seventh blind sets
// (military releases, monitors, corrections, court rulings, alerts,
// transcripts, timelines, hedged and hypothetical claims, short reports
// across the ladder, wire stories), each tuned on only after its first run
// was recorded; and sweep.jsonl, sweep2.jsonl and sweep_loc.jsonl, the
// sentences a paraphrase sweep, a sources-and-tolls sweep and a location
// sweep found the extractor failing (not blind: kept as a record of
// wordings). No set may turn a strike not carried
// out into a conducted claim beyond its known misses (feature: f-36, an
// accusation of repeated, undated raids the gold leaves out as background).
func TestProbeSets(t *testing.T) {
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name    string
		minDocs int
		want    floors
	}{
		{"probes", 80, floors{action: 0.987, stage: 0.98, stageCertainty: 0.987, killed: 1, sourceKind: 1, sourceCount: 1, country: 0.93, date: 1, absent: 1}},
		{"wire", 50, floors{action: 0.986, stage: 0.986, stageCertainty: 0.973, killed: 0.931, sourceKind: 0.937, sourceCount: 1, country: 0.92, date: 0.894, absent: 1}},
		{"sources", 20, floors{action: 1, stage: 1, stageCertainty: 1, killed: 1, sourceKind: 1, sourceCount: 1, country: 1, date: 1}},
		{"feature", 50, floors{action: 0.975, stage: 0.927, stageCertainty: 0.92, killed: 0.98, sourceKind: 0.91, sourceCount: 0.909, country: 0.90, date: 0.88, absent: 0.66, maxFalse: 1}},
		{"holdout", 40, floors{action: 0.9, stage: 0.9, stageCertainty: 0.9, killed: 0.89, sourceKind: 0.89, sourceCount: 0.85, country: 0.77, date: 0.79, absent: 1}},
		{"fresh", 45, floors{action: 0.93, stage: 0.93, stageCertainty: 0.91, killed: 0.83, sourceKind: 0.7, sourceCount: 0.66, country: 0.79, date: 0.93, absent: 0.75}},
		{"blind5", 45, floors{action: 0.96, stage: 0.94, stageCertainty: 0.94, killed: 0.87, sourceKind: 0.77, sourceCount: 1, country: 0.84, date: 0.82, absent: 0.87}},
		{"blind6", 45, floors{action: 0.96, stage: 0.94, stageCertainty: 0.94, killed: 0.94, sourceKind: 0.86, sourceCount: 0.9, country: 0.87, date: 0.93, absent: 0.71}},
		{"blind7", 60, floors{action: 1, stage: 0.93, stageCertainty: 0.93, killed: 0.98, sourceKind: 0.9, sourceCount: 1, country: 0.83, date: 1, absent: 1}},
		{"blind8", 50, floors{action: 0.92, stage: 0.84, stageCertainty: 0.82, killed: 0.88, sourceKind: 0.83, sourceCount: 0.79, country: 0.72, date: 0.89, absent: 0.85}},
		{"blind9", 40, floors{action: 0.87, stage: 0.85, stageCertainty: 0.85, killed: 0.87, sourceKind: 0.82, sourceCount: 1, country: 0.74, date: 0.73, absent: 1}},
		{"blind10", 45, floors{action: 0.95, stage: 0.90, stageCertainty: 0.84, killed: 0.9, sourceKind: 0.81, sourceCount: 1, country: 0.78, date: 0.81, absent: 0.8}},
		{"blind11", 40, floors{action: 0.83, stage: 0.72, stageCertainty: 0.6, killed: 0.81, sourceKind: 0.34, country: 0.74, date: 0.72, absent: 1}},
		{"blind12", 40, floors{action: 0.87, stage: 0.81, stageCertainty: 0.73, killed: 0.85, sourceKind: 0.8, sourceCount: 1, country: 0.65, date: 0.9, absent: 1, maxFalse: 1}},
		{"blind13", 45, floors{action: 0.74, stage: 0.7, stageCertainty: 0.64, killed: 0.76, sourceKind: 0.62, sourceCount: 0.87, country: 0.6, date: 0.76, absent: 1}},
		{"blind14", 45, floors{action: 0.81, stage: 0.7, stageCertainty: 0.6, killed: 0.83, sourceKind: 0.68, sourceCount: 0.66, country: 0.64, date: 0.88, absent: 0.59}},
		{"blind15", 40, floors{action: 0.88, stage: 0.86, stageCertainty: 0.79, killed: 0.86, sourceKind: 0.79, sourceCount: 0.85, country: 0.74, date: 0.82, absent: 1}},
		{"blind16", 36, floors{action: 0.9, stage: 0.86, stageCertainty: 0.77, killed: 0.81, sourceKind: 0.75, sourceCount: 0.49, country: 0.77, date: 0.96, absent: 0.74}},
		{"blind17", 40, floors{action: 0.9, stage: 0.81, stageCertainty: 0.68, killed: 0.94, sourceKind: 0.65, sourceCount: 0.62, country: 0.74, date: 0.87, absent: 1}},
		{"blind18", 36, floors{action: 0.92, stage: 0.9, stageCertainty: 0.87, killed: 0.81, sourceKind: 0.87, sourceCount: 0.66, country: 0.82, date: 0.92, absent: 1, maxFalse: 1}},
		// blind19 y19-04: "pilots can now bomb any boat … there", read since
		// "staff" no longer blocks it, is a second, unplaced authorized claim.
		{"blind19", 40, floors{action: 0.84, stage: 0.75, stageCertainty: 0.73, killed: 0.82, sourceKind: 0.7, sourceCount: 0.71, country: 0.64, date: 0.77, absent: 1}},
		{"blind20", 36, floors{action: 0.89, stage: 0.8, stageCertainty: 0.72, killed: 0.85, sourceKind: 0.65, sourceCount: 0.66, country: 0.65, date: 1, absent: 1, maxFalse: 1}},
		{"blind21", 40, floors{action: 0.86, stage: 0.76, stageCertainty: 0.6, killed: 0.84, sourceKind: 0.65, sourceCount: 0.87, country: 0.82, date: 0.89, absent: 1}},
		{"blind22", 36, floors{action: 0.81, stage: 0.73, stageCertainty: 0.67, killed: 0.65, sourceKind: 0.68, sourceCount: 0.77, country: 0.71, date: 0.85, absent: 0.66, maxFalse: 1}},
		{"blind23", 36, floors{action: 0.79, stage: 0.68, stageCertainty: 0.66, killed: 0.69, sourceKind: 0.68, sourceCount: 0.62, country: 0.64, date: 0.76, absent: 0.66}},
		{"blind24", 36, floors{action: 0.93, stage: 0.82, stageCertainty: 0.78, killed: 0.88, sourceKind: 0.73, sourceCount: 0.59, country: 0.82, date: 0.87, absent: 1, maxFalse: 1}},
		{"blind25", 36, floors{action: 1, stage: 0.93, stageCertainty: 0.91, killed: 1, sourceKind: 0.9, sourceCount: 0.59, country: 0.84, date: 1, absent: 1}},
		{"blind26", 36, floors{action: 0.9, stage: 0.85, stageCertainty: 0.81, killed: 0.82, sourceKind: 0.76, sourceCount: 0.74, country: 0.83, date: 0.9, absent: 1}},
		{"blind27", 36, floors{action: 0.84, stage: 0.79, stageCertainty: 0.77, killed: 0.84, sourceKind: 0.73, sourceCount: 0.69, country: 0.59, date: 0.79, absent: 0.66}},
		{"blind28", 36, floors{action: 0.9, stage: 0.82, stageCertainty: 0.77, killed: 0.84, sourceKind: 0.78, sourceCount: 0.74, country: 0.8, date: 0.85, absent: 1}},
		{"blind29", 36, floors{action: 0.95, stage: 0.9, stageCertainty: 0.88, killed: 0.91, sourceKind: 0.85, sourceCount: 1, country: 0.79, date: 1, absent: 1}},
		{"blind30", 36, floors{action: 0.97, stage: 0.95, stageCertainty: 0.92, killed: 0.92, sourceKind: 0.87, sourceCount: 0.77, country: 0.87, date: 0.93, absent: 1}},
		{"blind31", 36, floors{action: 0.83, stage: 0.79, stageCertainty: 0.72, killed: 0.81, sourceKind: 0.69, sourceCount: 1, country: 0.62, date: 0.93, absent: 0.66, maxFalse: 1}},
		// blind32 y32-25: the threat "would hit militant launch pads … in
		// Pakistan-administered Kashmir" is now read, but placed in Kupwara,
		// named in the "after a rise in sightings" clause.
		{"blind32", 36, floors{action: 0.97, stage: 0.87, stageCertainty: 0.82, killed: 0.78, sourceKind: 0.8, sourceCount: 0.79, country: 0.85, date: 0.83, absent: 1, maxFalse: 1}},
		{"blind33", 42, floors{action: 0.85, stage: 0.8, stageCertainty: 0.73, killed: 0.85, sourceKind: 0.71, sourceCount: 0.6, country: 0.73, date: 0.85, absent: 1, maxFalse: 0}},
		// blind34 y34-18: "drone raids in the region had killed dozens of
		// civilians this year", a tally in the pluperfect, is read as a
		// strike; y34-24's leaflets "warning that planes would strike" too.
		{"blind34", 36, floors{action: 0.92, stage: 0.88, stageCertainty: 0.82, killed: 0.89, sourceKind: 0.79, sourceCount: 0.88, country: 0.82, date: 0.81, absent: 1, maxFalse: 2}},
		{"blind35", 42, floors{action: 0.92, stage: 0.9, stageCertainty: 0.8, killed: 0.88, sourceKind: 0.76, sourceCount: 0.6, country: 0.73, date: 0.75, absent: 1, maxFalse: 1}},
		{"blind36", 42, floors{action: 0.97, stage: 0.9, stageCertainty: 0.88, killed: 0.97, sourceKind: 0.83, sourceCount: 1, country: 0.76, date: 1, absent: 1, maxFalse: 1}},
		{"blind37", 36, floors{action: 0.87, stage: 0.79, stageCertainty: 0.72, killed: 0.83, sourceKind: 0.69, sourceCount: 1, country: 0.75, date: 0.88, absent: 0.8}},
		{"sweep2", 90, floors{action: 1, stage: 0.98, stageCertainty: 0.98, killed: 0.89, sourceKind: 0.88, sourceCount: 0.81}},
		{"sweep_loc", 60, floors{action: 0.91, stage: 0.91, stageCertainty: 0.89, killed: 0.89, country: 0.32}},
		{"sweep", 90, floors{action: 0.97, stage: 0.91, stageCertainty: 0.87, killed: 0.97, absent: 1}},
		// ladder l-30/2, "Dutch jets have conducted more than 2,100 strikes
		// since 2014", is a campaign told in sum, which the extractor, like
		// blind30's gold ("has carried out dozens of strikes … this year"),
		// takes for no event; ladder's gold counts it.
		{"ladder", 70, floors{action: 0.98, stage: 0.98, stageCertainty: 0.97, killed: 0.98, sourceKind: 0.95, sourceCount: 1, country: 0.85, date: 1, absent: 1}},
	} {
		t.Run(set.name, func(t *testing.T) {
			docs := loadLabelled(t, "../../testdata/probes/"+set.name+".jsonl")
			if len(docs) < set.minDocs {
				t.Fatalf("%s set has %d reports, want at least %d", set.name, len(docs), set.minDocs)
			}
			sc, err := Labelled(context.Background(), p, docs)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			sc.Format(&b, set.name)
			FormatFailures(&b, sc.Failures, 200)
			t.Log("\n" + b.String())
			for _, f := range []struct {
				name  string
				got   Exact
				floor float64
			}{
				{"sub-event type found", sc.Action, set.want.action},
				{"stage", sc.Stage, set.want.stage},
				{"stage and certainty", sc.StageCertainty, set.want.stageCertainty},
				{"killed min/max exact", sc.Killed, set.want.killed},
				{"source kind", sc.SourceKind, set.want.sourceKind},
				{"source count", sc.SourceCount, set.want.sourceCount},
				{"country", sc.Country, set.want.country},
				{"date exact", sc.Date, set.want.date},
				{"no claim where none is due", sc.Absent, set.want.absent},
			} {
				if r := f.got.Rate(); f.got.Total > 0 && !(r >= f.floor-1e-9) {
					t.Errorf("%s: %.3f (%d of %d), want ≥ %.3f", f.name, r, f.got.Right, f.got.Total, f.floor)
				}
			}
			if sc.FalseConducted > set.want.maxFalse {
				t.Errorf("%d reports of a strike not carried out yield a conducted claim, want at most %d", sc.FalseConducted, set.want.maxFalse)
			}
		})
	}
}

// TestSeveralGoldClaims: each gold claim of a report is matched to its own
// extracted claim, best pairs first; one extracted claim cannot serve two.
func TestSeveralGoldClaims(t *testing.T) {
	const air = "Air/drone strike"
	n := func(v int) *int { return &v }
	claims := []report.Claim{
		{SubEventType: air, Stage: report.Conducted, Certainty: report.Asserted, Fatalities: report.Fatalities{Min: n(3)}},
		{SubEventType: air, Stage: report.Conducted, Certainty: report.Asserted, Fatalities: report.Fatalities{Min: n(1), Max: n(1)}},
		{SubEventType: air, Stage: report.Threatened, Certainty: report.Asserted},
	}
	var g LabelGold
	if err := json.Unmarshal([]byte(`{"claims": [
		{"sub_event_type": "Air/drone strike", "stage": "conducted", "certainty": "asserted", "killed_min": 1, "killed_max": 1},
		{"sub_event_type": "Air/drone strike", "stage": "conducted", "certainty": "asserted", "killed_min": 3, "killed_max": null},
		{"sub_event_type": "Air/drone strike", "stage": "authorized", "certainty": "asserted"}]}`), &g); err != nil {
		t.Fatal(err)
	}
	var s LabelScore
	s.add("x", g, claims)
	if s.Action.Right != 3 || s.Action.Total != 3 {
		t.Errorf("found %d of %d", s.Action.Right, s.Action.Total)
	}
	if s.Killed.Right != 2 || s.StageCertainty.Right != 2 {
		t.Errorf("killed %d, stage %d; want 2 and 2 (%v)", s.Killed.Right, s.StageCertainty.Right, s.Failures)
	}
	if s.FalseConducted != 0 {
		t.Errorf("a report with a conducted gold claim counted as false conducted")
	}
	s = LabelScore{}
	s.add("y", LabelGold{Claims: g.Claims[:2]}, claims[:1])
	if s.Action.Right != 1 {
		t.Errorf("one extracted claim served %d gold claims", s.Action.Right)
	}
}
