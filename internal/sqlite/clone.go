package sqlite

import (
	"slices"
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Deep copies of what the writer caches from its callers, so that a caller
// changing a value it passed in cannot change the cache, and a cached
// claim does not keep alive the report text its strings were cut from.
// TestCloneClaim checks that every pointer, slice, map and string is
// copied.

func cloneStr(p *string) *string {
	if p == nil {
		return nil
	}
	s := strings.Clone(*p)
	return &s
}

func cloneInt(p *int) *int {
	if p == nil {
		return nil
	}
	n := *p
	return &n
}

func cloneActor(a *report.Actor) *report.Actor {
	if a == nil {
		return nil
	}
	c := cloneActorValue(*a)
	return &c
}

func cloneActorValue(a report.Actor) report.Actor {
	a.Name, a.ID, a.Country, a.Text, a.Kind = strings.Clone(a.Name), strings.Clone(a.ID), strings.Clone(a.Country), strings.Clone(a.Text), strings.Clone(a.Kind)
	return a
}

func cloneLocation(l *report.Location) *report.Location {
	if l == nil {
		return nil
	}
	c := *l
	c.Name, c.Country = strings.Clone(l.Name), strings.Clone(l.Country)
	c.Admin1, c.Admin2 = cloneStr(l.Admin1), cloneStr(l.Admin2)
	return &c
}

func cloneClaim(c report.Claim) report.Claim {
	out := c
	out.EventType, out.SubEventType, out.Action = strings.Clone(c.EventType), strings.Clone(c.SubEventType), strings.Clone(c.Action)
	out.Stage, out.Certainty = report.Stage(strings.Clone(string(c.Stage))), report.Certainty(strings.Clone(string(c.Certainty)))
	out.HostConsent = strings.Clone(c.HostConsent)
	out.Actor1, out.Actor2 = cloneActor(c.Actor1), cloneActor(c.Actor2)
	if c.AssocActors != nil {
		out.AssocActors = make([]report.Actor, len(c.AssocActors))
		for i, a := range c.AssocActors {
			out.AssocActors[i] = cloneActorValue(a)
		}
	}
	out.Location = cloneLocation(c.Location)
	out.Date.Start, out.Date.End, out.Date.TimePrecision = cloneStr(c.Date.Start), cloneStr(c.Date.End), strings.Clone(c.Date.TimePrecision)
	f := &out.Fatalities
	f.Min, f.Max, f.CiviliansMin, f.CiviliansMax = cloneInt(f.Min), cloneInt(f.Max), cloneInt(f.CiviliansMin), cloneInt(f.CiviliansMax)
	out.Injured, out.Arrested = cloneInt(c.Injured), cloneInt(c.Arrested)
	if c.Sources != nil {
		out.Sources = make([]report.Source, len(c.Sources))
		for i, s := range c.Sources {
			s.Count, s.Affiliation, s.Name, s.Outlet = cloneInt(s.Count), cloneStr(s.Affiliation), cloneStr(s.Name), cloneStr(s.Outlet)
			s.Kind, s.Text = strings.Clone(s.Kind), strings.Clone(s.Text)
			out.Sources[i] = s
		}
	}
	if c.Evidence != nil {
		out.Evidence = make(map[string][]report.Evidence, len(c.Evidence))
		for k, v := range c.Evidence {
			ev := slices.Clone(v)
			for i := range ev {
				ev[i].Sentence = strings.Clone(ev[i].Sentence)
			}
			out.Evidence[strings.Clone(k)] = ev
		}
	}
	return out
}
