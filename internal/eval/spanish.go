package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
)

// opt is a gold field that may be absent (not checked), null (must be
// unstated) or a value.
type opt[T any] struct {
	Set  bool // the key is present
	Null bool
	V    T
}

func (o *opt[T]) UnmarshalJSON(b []byte) error {
	o.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		o.Null = true
		return nil
	}
	return json.Unmarshal(b, &o.V)
}

// LabelGold is the gold of one report in the Spanish set and its English
// twin (testdata/es/README.md): the claim the report must yield. Absent keys
// are not checked; null ones must be unstated in the claim.
type LabelGold struct {
	SubEventType string             `json:"sub_event_type"`
	Stage        report.Stage       `json:"stage"`
	Certainty    report.Certainty   `json:"certainty"`
	KilledMin    opt[int]           `json:"killed_min"`
	KilledMax    opt[int]           `json:"killed_max"`
	Sources      []LabelSource      `json:"sources"`
	Location     opt[LabelLocation] `json:"location"`
	Date         opt[string]        `json:"date"`
	// Absent lists sub-event types the report must not yield at all (a
	// football striker, drone deliveries); with no SubEventType nothing
	// else is checked.
	Absent []string `json:"absent"`
	// Claims, for a report that yields several claims (a strike last week
	// and one now discussed; a denial and a claim), holds one gold claim
	// each in the keys above; each is matched to a different extracted
	// claim (matchClaims) and scored as a report of its own.
	Claims []LabelGold `json:"claims"`
}

// LabelSource is one source the claim must rest on; Count 0 is not checked.
type LabelSource struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// LabelLocation is where the claim must be; a null Admin1 is not checked.
type LabelLocation struct {
	Country string  `json:"country"`
	Admin1  *string `json:"admin1"`
}

// LabelScore holds the figures for a labelled set of short reports.
type LabelScore struct {
	Action, Stage, StageCertainty Exact
	Killed                        Exact
	SourceKind, SourceCount       Exact
	Country, Admin1, Date         Exact
	// Absent: reports that must yield no claim of the listed types.
	Absent Exact
	// FalseConducted counts reports whose gold stage is not conducted but
	// that yield a credible conducted claim of the gold type — the error of
	// coding "officials discuss drone strikes" as a drone strike.
	FalseConducted, NotConducted int
	// Background counts the conducted claims left out of that check because
	// the text dates them a month or more before the report ("in 2019,
	// Indian jets struck…"): SPEC has a report yield such a claim, and the
	// sets' gold lists only the story's new events.
	Background int
	Failures   []Failure
	pub        time.Time // the report being scored's publication date, if known
}

// setAside: c is dated to end 31 days or more before the report, so the
// false-conducted check sets it aside, and counts it in Background.
func (s *LabelScore) setAside(c report.Claim) bool {
	if s.pub.IsZero() || c.Date.End == nil {
		return false
	}
	end, err := time.Parse("2006-01-02", *c.Date.End)
	if err != nil {
		return false
	}
	if s.pub.Sub(end) >= 31*24*time.Hour {
		s.Background++
		return true
	}
	return false
}

// Labelled scores extraction against a set in the LabelGold format: for each
// report, the claim of the gold sub-event type that best matches the gold
// stage and certainty is compared field by field.
func Labelled(ctx context.Context, p *pipeline.Pipeline, docs []corpus.Doc) (LabelScore, error) {
	var s LabelScore
	err := run(ctx, p, docs, func(d corpus.Doc, ex report.Extraction) error {
		var g LabelGold
		if err := decodeGold(d, &g); err != nil {
			return err
		}
		s.pub = time.Time{}
		if d.Published != nil {
			s.pub, _ = time.Parse("2006-01-02", *d.Published)
		}
		s.add(d.ID, g, ex.Claims)
		return nil
	})
	return s, err
}

func (s *LabelScore) fail(id, field, gold, got string) {
	s.Failures = append(s.Failures, Failure{ID: id, Field: field, Gold: gold, Got: got})
}

func (s *LabelScore) add(id string, g LabelGold, claims []report.Claim) {
	if len(g.Absent) > 0 {
		var got []report.Claim
		for _, c := range claims {
			for _, t := range g.Absent {
				if c.SubEventType == t {
					got = append(got, c)
				}
			}
		}
		s.Absent.Add(len(got) == 0)
		if len(got) > 0 {
			s.fail(id, "absent", "none of "+strings.Join(g.Absent, ", "), claimTypes(got))
		}
		if g.SubEventType == "" && len(g.Claims) == 0 {
			return
		}
	}
	if len(g.Claims) > 0 {
		s.addMany(id, g.Claims, claims)
		return
	}
	var cands []report.Claim
	for _, c := range claims {
		if c.SubEventType == g.SubEventType {
			cands = append(cands, c)
		}
	}
	s.score(id, g, bestClaim(cands, g), cands, claims, true)
}

// addMany scores a report with several gold claims: each gold claim is
// matched to its own extracted claim, and a report whose gold has no
// conducted claim of a type counts as false conducted when it yields one.
func (s *LabelScore) addMany(id string, gs []LabelGold, claims []report.Claim) {
	match := matchClaims(gs, claims)
	for k, g := range gs {
		var cands []report.Claim
		for _, c := range claims {
			if c.SubEventType == g.SubEventType {
				cands = append(cands, c)
			}
		}
		s.score(fmt.Sprintf("%s/%d", id, k+1), g, match[k], cands, claims, false)
	}
	seen := map[string]bool{}
	for _, g := range gs {
		if seen[g.SubEventType] {
			continue
		}
		seen[g.SubEventType] = true
		conducted := false
		for _, h := range gs {
			conducted = conducted || h.SubEventType == g.SubEventType && h.Stage == report.Conducted
		}
		if conducted {
			continue
		}
		s.NotConducted++
		for _, c := range claims {
			if c.SubEventType == g.SubEventType && c.Stage == report.Conducted && credible(c) && !s.setAside(c) {
				s.FalseConducted++
				s.fail(id, "false conducted", string(g.Stage), string(c.Stage)+"/"+string(c.Certainty))
				break
			}
		}
	}
}

// matchClaims pairs gold claims with distinct extracted claims of their
// type, best pairs first: stage and certainty weigh most, then killed,
// date and country. A gold claim left without one gets nil.
func matchClaims(gs []LabelGold, claims []report.Claim) []*report.Claim {
	type pair struct{ g, c, score int }
	var ps []pair
	for i, g := range gs {
		for j, c := range claims {
			if c.SubEventType == g.SubEventType {
				ps = append(ps, pair{i, j, matchScore(g, c)})
			}
		}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].score > ps[b].score })
	out := make([]*report.Claim, len(gs))
	used := map[int]bool{}
	for _, p := range ps {
		if out[p.g] == nil && !used[p.c] {
			out[p.g] = &claims[p.c]
			used[p.c] = true
		}
	}
	return out
}

func matchScore(g LabelGold, c report.Claim) int {
	n := 0
	if c.Stage == g.Stage {
		n += 8
		if c.Certainty == g.Certainty {
			n += 8
		}
	}
	if (g.KilledMin.Set || g.KilledMax.Set) && optEq(g.KilledMin, c.Fatalities.Min) && optEq(g.KilledMax, c.Fatalities.Max) {
		n += 2
	}
	if g.Date.Set && !g.Date.Null && c.Date.Start != nil && *c.Date.Start == g.Date.V {
		n += 2
	}
	if g.Location.Set && !g.Location.Null && c.Location != nil && c.Location.Country == g.Location.V.Country {
		n++
	}
	return n
}

// score compares one gold claim with the claim main matched to it; cands
// are the report's claims of the gold type, all all of them. With falseConducted the report
// counts as false conducted when its gold is not conducted and it yields a
// credible conducted claim of the type.
func (s *LabelScore) score(id string, g LabelGold, main *report.Claim, cands, all []report.Claim, falseConducted bool) {
	s.Action.Add(main != nil)
	if main == nil {
		got := claimTypes(all)
		if len(cands) > 0 {
			got = "all taken: " + claimTypes(cands) // several gold claims, fewer extracted
		}
		s.fail(id, "sub_event_type", g.SubEventType, got)
	}
	stageOK := main != nil && main.Stage == g.Stage
	s.Stage.Add(stageOK)
	certOK := stageOK && main.Certainty == g.Certainty
	s.StageCertainty.Add(certOK)
	if main != nil && !certOK {
		s.fail(id, "stage", string(g.Stage)+"/"+string(g.Certainty), stageList(cands))
	}
	if g.Stage != report.Conducted && falseConducted {
		s.NotConducted++
		for _, c := range cands {
			if c.Stage == report.Conducted && credible(c) && !s.setAside(c) {
				s.FalseConducted++
				s.fail(id, "false conducted", string(g.Stage), string(c.Stage)+"/"+string(c.Certainty))
				break
			}
		}
	}
	if g.KilledMin.Set || g.KilledMax.Set {
		ok := main != nil && optEq(g.KilledMin, main.Fatalities.Min) && optEq(g.KilledMax, main.Fatalities.Max)
		s.Killed.Add(ok)
		if !ok {
			got := "no claim"
			if main != nil {
				got = rangeStr(main.Fatalities.Min, main.Fatalities.Max)
			}
			s.fail(id, "killed", optStr(g.KilledMin)+"-"+optStr(g.KilledMax), got)
		}
	}
	for _, gs := range g.Sources {
		kind, count := false, false
		if main != nil {
			for _, cs := range main.Sources {
				if cs.Kind == gs.Kind {
					kind = true
					count = count || cs.Count != nil && *cs.Count == gs.Count
				}
			}
		}
		s.SourceKind.Add(kind)
		if !kind {
			s.fail(id, "source kind", gs.Kind, sourceList(main))
		}
		if gs.Count > 0 {
			s.SourceCount.Add(count)
			if !count {
				s.fail(id, "source count", fmt.Sprint(gs.Count), sourceList(main))
			}
		}
	}
	if g.Location.Set {
		var loc *report.Location
		if main != nil {
			loc = main.Location
		}
		if g.Location.Null {
			s.Country.Add(loc == nil)
		} else {
			gl := g.Location.V
			ok := loc != nil && loc.Country == gl.Country
			s.Country.Add(ok)
			if !ok {
				s.fail(id, "country", gl.Country, locStr(loc))
			}
			if gl.Admin1 != nil {
				ok := loc != nil && loc.Admin1 != nil && normName(fold(*loc.Admin1)) == normName(fold(*gl.Admin1))
				s.Admin1.Add(ok)
				if !ok {
					s.fail(id, "admin1", *gl.Admin1, locStr(loc))
				}
			}
		}
	}
	if g.Date.Set {
		got := ""
		if main != nil && main.Date.Start != nil {
			got = *main.Date.Start
		}
		want := ""
		if !g.Date.Null {
			want = g.Date.V
		}
		s.Date.Add(main != nil && got == want)
		if got != want {
			s.fail(id, "date", want, got)
		}
	}
}

// bestClaim: the claim with the gold stage and certainty, else the gold
// stage, else the first of the gold type.
func bestClaim(cs []report.Claim, g LabelGold) *report.Claim {
	for i := range cs {
		if cs[i].Stage == g.Stage && cs[i].Certainty == g.Certainty {
			return &cs[i]
		}
	}
	for i := range cs {
		if cs[i].Stage == g.Stage {
			return &cs[i]
		}
	}
	if len(cs) > 0 {
		return &cs[0]
	}
	return nil
}

func optEq(o opt[int], got *int) bool {
	switch {
	case !o.Set:
		return true
	case o.Null:
		return got == nil
	}
	return got != nil && *got == o.V
}

func optStr(o opt[int]) string {
	if !o.Set {
		return "?"
	}
	if o.Null {
		return "null"
	}
	return fmt.Sprint(o.V)
}

func rangeStr(a, b *int) string {
	f := func(p *int) string {
		if p == nil {
			return "null"
		}
		return fmt.Sprint(*p)
	}
	return f(a) + "-" + f(b)
}

func claimTypes(cs []report.Claim) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.SubEventType+"/"+string(c.Stage))
	}
	return strings.Join(out, ", ")
}

func stageList(cs []report.Claim) string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.Stage)+"/"+string(c.Certainty))
	}
	return strings.Join(out, ", ")
}

func sourceList(c *report.Claim) string {
	if c == nil {
		return "no claim"
	}
	var out []string
	for _, s := range c.Sources {
		x := s.Kind
		if s.Count != nil {
			x += fmt.Sprintf("(%d)", *s.Count)
		}
		out = append(out, x)
	}
	return strings.Join(out, ", ")
}

func locStr(l *report.Location) string {
	if l == nil {
		return "none"
	}
	a1 := ""
	if l.Admin1 != nil {
		a1 = *l.Admin1
	}
	return fmt.Sprintf("%s %s/%s p%d", l.Name, l.Country, a1, l.GeoPrecision)
}

// Format prints the figures; name labels the set.
func (s LabelScore) Format(w io.Writer, name string) {
	fmt.Fprintf(w, "%s (%d reports)\n", name, s.Action.Total)
	fmtRate(w, "sub-event type found", s.Action.Rate(), s.Action.Total, "")
	fmtRate(w, "stage", s.Stage.Rate(), s.Stage.Total, "")
	fmtRate(w, "stage and certainty", s.StageCertainty.Rate(), s.StageCertainty.Total, "")
	fmtRate(w, "killed min/max exact", s.Killed.Rate(), s.Killed.Total, "")
	fmtRate(w, "source kind", s.SourceKind.Rate(), s.SourceKind.Total, "")
	fmtRate(w, "source count", s.SourceCount.Rate(), s.SourceCount.Total, "")
	fmtRate(w, "country", s.Country.Rate(), s.Country.Total, "")
	fmtRate(w, "admin1", s.Admin1.Rate(), s.Admin1.Total, "")
	fmtRate(w, "date exact", s.Date.Rate(), s.Date.Total, "")
	if s.Absent.Total > 0 {
		fmtRate(w, "no claim where none is due", s.Absent.Rate(), s.Absent.Total, "")
	}
	fmt.Fprintf(w, "  %-34s %d of %d   target 0\n", "false conducted", s.FalseConducted, s.NotConducted)
	if s.Background > 0 {
		fmt.Fprintf(w, "  %-34s %d\n", "  background strikes not counted", s.Background)
	}
}
