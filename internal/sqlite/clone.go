package sqlite

import (
	"maps"
	"slices"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Deep copies of what the writer caches from its callers, so that a caller
// changing a value it passed in cannot change the cache. TestCloneClaim
// checks that every pointer, slice and map is copied.

func cloneStr(p *string) *string {
	if p == nil {
		return nil
	}
	s := *p
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
	c := *a
	return &c
}

func cloneLocation(l *report.Location) *report.Location {
	if l == nil {
		return nil
	}
	c := *l
	c.Admin1, c.Admin2 = cloneStr(l.Admin1), cloneStr(l.Admin2)
	return &c
}

func cloneClaim(c report.Claim) report.Claim {
	out := c
	out.Actor1, out.Actor2 = cloneActor(c.Actor1), cloneActor(c.Actor2)
	out.AssocActors = slices.Clone(c.AssocActors)
	out.Location = cloneLocation(c.Location)
	out.Date.Start, out.Date.End = cloneStr(c.Date.Start), cloneStr(c.Date.End)
	f := &out.Fatalities
	f.Min, f.Max, f.CiviliansMin, f.CiviliansMax = cloneInt(f.Min), cloneInt(f.Max), cloneInt(f.CiviliansMin), cloneInt(f.CiviliansMax)
	out.Injured, out.Arrested = cloneInt(c.Injured), cloneInt(c.Arrested)
	if c.Sources != nil {
		out.Sources = make([]report.Source, len(c.Sources))
		for i, s := range c.Sources {
			s.Count, s.Affiliation, s.Name, s.Outlet = cloneInt(s.Count), cloneStr(s.Affiliation), cloneStr(s.Name), cloneStr(s.Outlet)
			out.Sources[i] = s
		}
	}
	if c.Evidence != nil {
		out.Evidence = maps.Clone(c.Evidence)
		for k, v := range out.Evidence {
			out.Evidence[k] = slices.Clone(v)
		}
	}
	return out
}
