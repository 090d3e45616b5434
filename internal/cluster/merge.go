package cluster

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// credible reports whether a claim's certainty lets it raise a stage:
// hypothetical and negated claims never do.
func credible(c report.Certainty) bool { return c != report.Negated && c != report.Hypothetical }

// Merge recomputes an event's fields from all its claims, keeping its ID,
// StoryID and Notes. reports gives each claim's report (by ReportID).
//
//   - stage: the highest ladder stage asserted or hedged by a claim from a
//     report that is not a syndicated copy (copies only when nothing else
//     is there); with no ladder stage, the denial or call-off; certainty:
//     asserted if any such claim asserts it, else hedged;
//   - fatalities: the range over credible claims (min of mins, max of
//     maxes); a bound no claim states stays null, never 0;
//   - location: the most precise; date: the narrowest window stated by a
//     claim (unknown when none states one); first and last reported: the
//     publication dates of its reports, which Match uses for undated events;
//   - actors: specific before generic, then the most often stated;
//   - independent sources: distinct outlets among reports that are not
//     copies; a report without an outlet is a source of its own. Two
//     reports from one outlet are one source: an outlet's update, its other
//     edition or its second story rest on the same reporting.
func Merge(ev report.Event, claims []report.StoredClaim, reports map[string]ReportMeta) report.Event {
	out := report.Event{ID: ev.ID, StoryID: ev.StoryID, Notes: ev.Notes}
	out.ClaimCount = len(claims)
	if len(claims) == 0 {
		out.Stage, out.Certainty, out.Action = ev.Stage, ev.Certainty, ev.Action
		out.EventType, out.SubEventType = ev.EventType, ev.SubEventType
		out.ReportIDs, out.ReportURLs = []string{}, []string{}
		return out
	}
	// Deterministic whatever order the store hands them in.
	cs := slices.Clone(claims)
	slices.SortStableFunc(cs, func(a, b report.StoredClaim) int {
		return cmp.Or(cmp.Compare(pubOf(reports, a.ReportID), pubOf(reports, b.ReportID)), cmp.Compare(a.ID, b.ID))
	})
	original := make([]report.StoredClaim, 0, len(cs))
	for _, c := range cs {
		if !reports[c.ReportID].isCopy() {
			original = append(original, c)
		}
	}
	basis := original
	if len(basis) == 0 {
		basis = cs
	}

	top := topClaim(basis)
	out.Stage, out.Certainty = top.Stage, top.Certainty
	out.EventType, out.SubEventType, out.Action = top.EventType, top.SubEventType, top.Action
	if out.Certainty != report.Asserted && credible(out.Certainty) {
		for _, c := range basis {
			if c.Stage == out.Stage && c.Certainty == report.Asserted {
				out.Certainty = report.Asserted
				break
			}
		}
	}
	if s := top.Evidence["stage"]; len(s) > 0 {
		out.Evidence = slices.Clone(s)
	}

	out.Actor1 = pickActor(basis, func(c report.StoredClaim) *report.Actor { return c.Actor1 })
	out.Actor2 = pickActor(basis, func(c report.StoredClaim) *report.Actor { return c.Actor2 })
	out.Location = pickLocation(basis)
	out.Date = pickDate(basis)
	out.Fatalities = mergeTolls(basis)
	out.Sources = mergeSources(basis)

	out.ReportIDs, out.ReportURLs = []string{}, []string{}
	seen := map[string]bool{}
	sources := map[string]bool{}
	for _, c := range cs {
		if seen[c.ReportID] {
			continue
		}
		seen[c.ReportID] = true
		out.ReportIDs = append(out.ReportIDs, c.ReportID)
		m := reports[c.ReportID]
		if p := m.Published; p != nil && *p != "" {
			if out.FirstReported == nil || *p < *out.FirstReported {
				out.FirstReported = sp(*p)
			}
			if out.LastReported == nil || *p > *out.LastReported {
				out.LastReported = sp(*p)
			}
		}
		if m.URL != nil && *m.URL != "" {
			out.ReportURLs = append(out.ReportURLs, *m.URL)
		}
		if m.isCopy() {
			continue
		}
		key := "report:" + c.ReportID
		if m.Outlet != nil && *m.Outlet != "" {
			key = "outlet:" + normOutlet(*m.Outlet)
		}
		sources[key] = true
	}
	out.IndependentSources = len(sources)
	return out
}

func sp(s string) *string { return &s }

func pubOf(reports map[string]ReportMeta, id string) string {
	if p := reports[id].Published; p != nil {
		return *p
	}
	return "~" // undated reports sort after dated ones
}

// topClaim is the claim that sets the event's stage: the highest credible
// ladder stage, ties to the asserted, then the most confident; with no
// ladder stage, the first denial or call-off; else the first claim.
func topClaim(cs []report.StoredClaim) report.StoredClaim {
	best := -1
	for i, c := range cs {
		if c.Stage.Rank() == 0 || !credible(c.Certainty) {
			continue
		}
		if best < 0 || better(c, cs[best]) {
			best = i
		}
	}
	if best >= 0 {
		return cs[best]
	}
	for _, c := range cs {
		if (c.Stage == report.Denied || c.Stage == report.CalledOff) && credible(c.Certainty) {
			return c
		}
	}
	return cs[0]
}

func better(a, b report.StoredClaim) bool {
	if a.Stage.Rank() != b.Stage.Rank() {
		return a.Stage.Rank() > b.Stage.Rank()
	}
	if (a.Certainty == report.Asserted) != (b.Certainty == report.Asserted) {
		return a.Certainty == report.Asserted
	}
	return a.Confidence > b.Confidence
}

// pickActor prefers specific actors to generic ones, then the most often
// stated, then the first.
func pickActor(cs []report.StoredClaim, side func(report.StoredClaim) *report.Actor) *report.Actor {
	type tally struct {
		a     *report.Actor
		n     int
		first int
	}
	counts := map[string]*tally{}
	for i, c := range cs {
		a := side(c)
		if a == nil || a.ID == "" && a.Name == "" {
			continue
		}
		k := a.ID + "\x00" + a.Country
		if a.ID == "" {
			k = "name:" + a.Name
		}
		if t, ok := counts[k]; ok {
			t.n++
		} else {
			counts[k] = &tally{a, 1, i}
		}
	}
	var best *tally
	for _, t := range counts {
		if best == nil {
			best = t
			continue
		}
		gt, gb := isGeneric(t.a), isGeneric(best.a)
		switch {
		case gt != gb:
			if !gt {
				best = t
			}
		case t.n != best.n:
			if t.n > best.n {
				best = t
			}
		case t.first < best.first:
			best = t
		}
	}
	if best == nil {
		return nil
	}
	a := *best.a
	return &a
}

// pickLocation takes the most precise location; ties go to the most often
// stated place, then the first.
func pickLocation(cs []report.StoredClaim) *report.Location {
	key := func(l *report.Location) string {
		if l.GeonamesID != 0 {
			return fmt.Sprint(precision(l), "#", l.GeonamesID)
		}
		return fmt.Sprint(precision(l), "|", strings.ToLower(l.Name), "|", l.Country)
	}
	counts := map[string]int{}
	for _, c := range cs {
		if c.Location != nil {
			counts[key(c.Location)]++
		}
	}
	var best *report.Location
	bestN := 0
	for _, c := range cs {
		l := c.Location
		if l == nil {
			continue
		}
		n := counts[key(l)]
		if best == nil || precision(l) < precision(best) || precision(l) == precision(best) && n > bestN {
			best, bestN = l, n
		}
	}
	if best == nil {
		return nil
	}
	out := *best
	return &out
}

// pickDate takes the narrowest dated window; ties go to the earliest start.
func pickDate(cs []report.StoredClaim) report.Date {
	best := report.Date{TimePrecision: "unknown"}
	var bw window
	for _, c := range cs {
		w := dateWindow(c.Date)
		if !w.ok {
			continue
		}
		if !bw.ok || w.to-w.from < bw.to-bw.from || w.to-w.from == bw.to-bw.from && w.from < bw.from {
			best, bw = c.Date, w
		}
	}
	if bw.ok {
		best = cloneDate(best)
	}
	return best
}

func cloneDate(d report.Date) report.Date {
	out := report.Date{TimePrecision: d.TimePrecision}
	if d.Start != nil {
		s := *d.Start
		out.Start = &s
	}
	if d.End != nil {
		e := *d.End
		out.End = &e
	}
	return out
}

// mergeTolls takes the range over the credible claims; null stays null.
func mergeTolls(cs []report.StoredClaim) report.Fatalities {
	var f report.Fatalities
	lo := func(dst **int, v *int) {
		if v != nil && (*dst == nil || *v < **dst) {
			x := *v
			*dst = &x
		}
	}
	hi := func(dst **int, v *int) {
		if v != nil && (*dst == nil || *v > **dst) {
			x := *v
			*dst = &x
		}
	}
	for _, c := range cs {
		if !credible(c.Certainty) {
			continue
		}
		lo(&f.Min, c.Fatalities.Min)
		hi(&f.Max, c.Fatalities.Max)
		lo(&f.CiviliansMin, c.Fatalities.CiviliansMin)
		hi(&f.CiviliansMax, c.Fatalities.CiviliansMax)
	}
	// A claim with only a lower bound ("at least 5") widens the top too.
	if f.Min != nil && f.Max != nil && *f.Max < *f.Min {
		x := *f.Min
		f.Max = &x
	}
	return f
}

// mergeSources is the union of the claims' sources, once each.
func mergeSources(cs []report.StoredClaim) []report.Source {
	out := []report.Source{}
	seen := map[string]bool{}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, c := range cs {
		for _, s := range c.Sources {
			k := s.Kind + "\x00" + str(s.Name) + "\x00" + str(s.Affiliation) + "\x00" + str(s.Outlet)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// normOutlet folds an outlet name so "NBC News" and "nbcnews.com" agree.
func normOutlet(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c >= 0x80:
			b = append(b, c)
		case c == '.':
			// "nbcnews.com": drop the suffix after the first dot
			rest := string(b)
			if rest == "www" {
				b = b[:0]
				continue
			}
			return rest
		}
	}
	return string(b)
}
