package extract

import (
	"github.com/strikewatch/strikewatch/internal/report"
)

// mergeDrafts folds drafts that state the same thing about the same event:
// same action family, stage and certainty class, compatible place and date.
// Asserted and hedged statements of one stage merge (asserted wins).
func mergeDrafts(text string, ds []*draft) []*draft {
	var out []*draft
	for _, d := range ds {
		var into *draft
		for _, o := range out {
			if compatible(text, o, d) {
				into = o
				break
			}
		}
		if into == nil {
			out = append(out, d)
			continue
		}
		mergeInto(into, d)
	}
	return out
}

func certClass(c report.Certainty) int {
	switch c {
	case report.Asserted, report.Hedged:
		return 0
	case report.Hypothetical:
		return 1
	}
	return 2
}

func compatible(text string, a, b *draft) bool {
	ca, cb := &a.claim, &b.claim
	if a.family != b.family || ca.Stage != cb.Stage || certClass(ca.Certainty) != certClass(cb.Certainty) {
		return false
	}
	if a.family != "violence" && ca.SubEventType != cb.SubEventType {
		return false
	}
	if a.s.isTally() != b.s.isTally() {
		return false // a campaign's tally ("have detained 25 since December 1") is no one event's
	}
	if a.s == b.s && !sameSeg(a.s.eventSegs(), a.trig.from, b.trig.from) {
		return false // two events told in one sentence ("bombed X a day after a drone hit Y")
	}
	if ca.Location != nil && cb.Location != nil && !sameArea(ca.Location, cb.Location) &&
		!((a.s.headline(text) || b.s.headline(text)) && sameRegion(ca.Location, cb.Location)) {
		return false
	}
	if ca.Date.Start != nil && cb.Date.Start != nil && *ca.Date.Start != *cb.Date.Start && ca.Date.TimePrecision == "day" && cb.Date.TimePrecision == "day" {
		return false
	}
	if disjointDates(ca.Date, cb.Date) {
		return false // "on Saturday" and "in April 2023" are two strikes
	}
	// Two named parties of different states act apart; "the security
	// force", of no state, is the one named before.
	if ca.Actor1 != nil && cb.Actor1 != nil && ca.Actor1.ID != cb.Actor1.ID && ca.Actor1.Country != cb.Actor1.Country &&
		ca.Actor1.Country != "" && cb.Actor1.Country != "" {
		return false
	}
	return true
}

// sameArea: one location contains the other or they are the same place.
func sameArea(a, b *report.Location) bool {
	if a.Country != b.Country {
		return false
	}
	if a.GeonamesID == b.GeonamesID {
		return true
	}
	if a.GeoPrecision == report.PrecisionCountry || b.GeoPrecision == report.PrecisionCountry {
		return true
	}
	if a.Admin1 != nil && b.Admin1 != nil && *a.Admin1 != *b.Admin1 {
		return false
	}
	return a.GeoPrecision == report.PrecisionRegion || b.GeoPrecision == report.PrecisionRegion
}

// sameRegion: both places lie in one country and one first-order region
// (or the region of one is not known). A headline names the best-known
// place ("… Detained in Kandahar") for the district its story gives.
func sameRegion(a, b *report.Location) bool {
	return a.Country == b.Country && (a.Admin1 == nil || b.Admin1 == nil || *a.Admin1 == *b.Admin1)
}

func mergeInto(o, d *draft) {
	oc, dc := &o.claim, &d.claim
	if specificity(dc.SubEventType) > specificity(oc.SubEventType) {
		oc.EventType, oc.SubEventType, oc.Action = dc.EventType, dc.SubEventType, dc.Action
	}
	// A hedged lead stays hedged: later sentences that tell the same action
	// (a witness's words, one party's claim) do not verify it.
	if oc.Actor1 == nil && dc.Actor1 != nil {
		oc.Actor1 = dc.Actor1
	}
	if oc.Actor2 == nil && dc.Actor2 != nil {
		oc.Actor2 = dc.Actor2
	}
	for _, a := range dc.AssocActors {
		dup := false
		for _, x := range oc.AssocActors {
			dup = dup || x.ID == a.ID
		}
		if !dup && (oc.Actor1 == nil || oc.Actor1.ID != a.ID) {
			oc.AssocActors = append(oc.AssocActors, a)
		}
	}
	if dc.Location != nil && (oc.Location == nil || dc.Location.GeoPrecision < oc.Location.GeoPrecision) {
		oc.Location = dc.Location
		oc.Evidence["location"] = nil
	}
	if oc.Date.Start == nil && dc.Date.Start != nil {
		oc.Date = dc.Date
	}
	// The same event told twice: keep the larger stated toll.
	if dn, ok := tollSize(dc.Fatalities); ok {
		if on, ok := tollSize(oc.Fatalities); !ok || dn > on {
			oc.Fatalities = dc.Fatalities
			oc.Evidence["fatalities"] = nil
		}
	}
	if dc.Injured != nil && (oc.Injured == nil || *dc.Injured > *oc.Injured) {
		oc.Injured = dc.Injured
	}
	switch {
	case dc.Arrested != nil && oc.Arrested != nil && (d.moreArrested || o.moreArrested) && d.s != o.s:
		// "captured a Taliban leader … Two additional suspects were detained."
		n := *oc.Arrested + *dc.Arrested
		oc.Arrested = &n
	case dc.Arrested != nil && (oc.Arrested == nil || *dc.Arrested > *oc.Arrested):
		oc.Arrested = dc.Arrested
	}
	oc.Sources = append(oc.Sources, dc.Sources...)
	o.hasCue = o.hasCue || d.hasCue
	for field, evs := range dc.Evidence {
		for _, e := range evs {
			dup := false
			for _, x := range oc.Evidence[field] {
				dup = dup || x.Start == e.Start && x.End == e.End
			}
			if !dup {
				oc.Evidence[field] = append(oc.Evidence[field], e)
			}
		}
	}
	// Fields replaced above keep only the evidence of their new value.
	if oc.Evidence["location"] == nil && oc.Location != nil {
		oc.Evidence["location"] = dc.Evidence["location"]
	}
	if _, ok := tollSize(oc.Fatalities); ok && oc.Evidence["fatalities"] == nil {
		oc.Evidence["fatalities"] = dc.Evidence["fatalities"]
	}
}

// assignConsent records, for action across a border, what the report says of
// the host state's consent. Conditional or negated consent is undecided.
func (r *run) assignConsent(d *draft) {
	c := &d.claim
	if c.Actor1 == nil || c.Actor1.Country == "" || c.Location == nil || c.Location.Country == "" || c.Actor1.Country == c.Location.Country {
		return
	}
	host := c.Location.Country
	rank := map[string]int{report.ConsentRefused: 5, report.ConsentGranted: 4, report.ConsentRequested: 3, report.ConsentUndecided: 2, report.ConsentUnilateral: 1}
	best, bestEv := "", [3]int{}
	for _, s := range r.sents {
		if !r.mentionsCountry(s, host) {
			continue
		}
		for _, h := range s.consent {
			v := h.e.cols[0]
			conditional := false
			for _, m := range s.modality {
				if m.e.cols[0] == "hypothetical" || m.e.cols[1] == "negation" && m.to <= h.from && h.from-m.to <= 4 {
					conditional = true
				}
			}
			if conditional && (v == report.ConsentGranted || v == report.ConsentUnilateral || v == report.ConsentRequested) {
				v = report.ConsentUndecided
			}
			if rank[v] > rank[best] {
				a, b := s.span(h.from, h.to)
				best, bestEv = v, [3]int{s.idx, a, b}
			}
		}
	}
	if best == "" {
		best = report.ConsentUnknown
		c.HostConsent = best
		return
	}
	c.HostConsent = best
	r.addEvidence(c, "host_consent", r.sents[bestEv[0]], bestEv[1], bestEv[2])
}

func (r *run) mentionsCountry(s *sent, cc string) bool {
	for _, p := range r.doc.Places {
		if p.Start >= s.start && p.End <= s.end && p.Country == cc {
			return true
		}
	}
	for _, a := range r.doc.Actors {
		if a.Start >= s.start && a.End <= s.end && a.Actor.Country == cc {
			return true
		}
	}
	return false
}

// disjointDates: both dates are known and their spans do not meet.
func disjointDates(a, b report.Date) bool {
	if a.Start == nil || a.End == nil || b.Start == nil || b.End == nil {
		return false
	}
	// YYYY-MM-DD compares as text.
	return *a.End < *b.Start || *b.End < *a.Start
}

// tollSize is a stated toll's size: its floor, else its ceiling ("up to
// 24", "nearly two dozen").
func tollSize(f report.Fatalities) (int, bool) {
	switch {
	case f.Min != nil:
		return *f.Min, true
	case f.Max != nil:
		return *f.Max, true
	}
	return 0, false
}
