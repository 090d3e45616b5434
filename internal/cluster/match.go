package cluster

import (
	"math"
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Distances within which two located claims can be one event, by the
// coarser precision of the two (precision 3 compares admin1, 4 the country).
const (
	exactKm = 25 // precision 1: the place itself
	nearKm  = 50 // precision 2: near or part of a district
	// samePlaceKm: two different named places at precision 1 closer than
	// this are one place under two gazetteer entries.
	samePlaceKm = 2
	// regionKm: precision 3 without admin1 names on both sides.
	regionKm = 250
)

// reportSlackDays widens a report's publication date into the window of an
// undated claim: news reports events of the last few days.
const reportSlackDays = 3

// MinScore is the lowest Match score that is a match; scores rank the
// candidates when several events match one claim.
const MinScore = 0.3

// family is a stage family: a claim matches only events of its family.
type family int

const (
	famAny      family = iota // denials and call-offs attach to the event they deny
	famPolicy                 // discussed, threatened, proposed, authorized (and hypothetical strikes)
	famOccurred               // conducted, asserted or hedged
)

func claimFamily(s report.Stage, c report.Certainty) family {
	switch {
	case s == report.Denied || s == report.CalledOff:
		return famAny
	case s == report.Conducted && c == report.Negated:
		return famAny // "did not carry out" is a denial
	case s == report.Conducted && c != report.Hypothetical:
		return famOccurred
	}
	return famPolicy
}

func eventFamily(s report.Stage) family {
	switch {
	case s == report.Conducted:
		return famOccurred
	case s.Rank() > 0:
		return famPolicy
	}
	return famAny
}

// window is an inclusive range of days since the Unix epoch; ok is false
// when the date is unknown.
type window struct {
	from, to int
	ok       bool
}

func (w window) overlaps(v window) bool { return w.from <= v.to && v.from <= w.to }

// dateWindow turns a claim or event date into days, widened by its precision
// when only the start is known.
func dateWindow(d report.Date) window {
	if d.Start == nil {
		return window{}
	}
	from, ok := days(*d.Start)
	if !ok {
		return window{}
	}
	to := from
	if d.End != nil {
		if e, ok := days(*d.End); ok && e >= from {
			to = e
		}
	} else {
		switch d.TimePrecision {
		case "week":
			to = from + 6
		case "month":
			to = from + 30
		case "year":
			to = from + 365
		}
	}
	return window{from, to, true}
}

// dateFit grades how well a claim's date and an event's agree.
type dateFit int

const (
	dateUnknown  dateFit = iota // one side has neither a stated date nor a report date
	dateConflict                // the windows do not meet
	dateLoose                   // they meet only through the slack around report dates
	dateNear                    // stated windows overlap, or reports within a day
	dateExact                   // both state the same single day
)

// compareDates grades a claim (its stated date, else its report's date)
// against an event (its stated date, else the date it was first reported:
// its first report is the closest to it, and using the first rather than the
// span of all its reports keeps an event from drifting along a chain of
// undated reports).
func compareDates(d report.Date, reportDate string, ev report.Event) dateFit {
	cw, ew := dateWindow(d), dateWindow(ev.Date)
	cr, crOK := days(reportDate)
	er, erOK := 0, false
	if ev.FirstReported != nil {
		er, erOK = days(*ev.FirstReported)
	}
	switch {
	case cw.ok && ew.ok:
		if !cw.overlaps(ew) {
			return dateConflict
		}
		if cw.from == cw.to && ew.from == ew.to {
			return dateExact
		}
		return dateNear
	case cw.ok && erOK:
		return statedVsReported(cw, er)
	case ew.ok && crOK:
		return statedVsReported(ew, cr)
	case crOK && erOK:
		switch dist := abs(cr - er); {
		case dist <= 1:
			return dateNear
		case dist <= reportSlackDays:
			return dateLoose
		}
		return dateConflict
	}
	return dateUnknown
}

// statedVsReported grades a stated window against a report date: news
// reports what happened in the last day or two.
func statedVsReported(w window, rep int) dateFit {
	switch {
	case w.overlaps(window{rep - 2, rep, true}):
		return dateNear
	case w.overlaps(window{rep - reportSlackDays, rep + reportSlackDays, true}):
		return dateLoose
	}
	return dateConflict
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// days parses YYYY-MM-DD (YYYY-MM and YYYY are taken as their first day)
// into days since 1970-01-01.
func days(s string) (int, bool) {
	if len(s) < 4 {
		return 0, false
	}
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, len(t) > 0
	}
	y, ok := num(s[:4])
	if !ok {
		return 0, false
	}
	m, d := 1, 1
	if len(s) >= 7 {
		if s[4] != '-' {
			return 0, false
		}
		if m, ok = num(s[5:7]); !ok || m < 1 || m > 12 {
			return 0, false
		}
	}
	if len(s) >= 10 {
		if s[7] != '-' {
			return 0, false
		}
		if d, ok = num(s[8:10]); !ok || d < 1 || d > 31 {
			return 0, false
		}
	}
	// Days from civil (Howard Hinnant's algorithm).
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// haversineKm is the great-circle distance between two points.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(min(1, a)))
}

// place agreement between two locations.
type placeFit int

const (
	placeUnknown  placeFit = iota // one side has no location
	placeConflict                 // too far apart for their precision, or other countries
	placeCoarse                   // compatible at region or country level
	placeNear                     // compatible within a district's reach
	placeSame                     // the same place
)

func hasCoords(l *report.Location) bool { return l.Lat != 0 || l.Lon != 0 }

func samePlace(a, b *report.Location) bool {
	if a.GeonamesID != 0 && a.GeonamesID == b.GeonamesID {
		return true
	}
	if a.Name != "" && strings.EqualFold(a.Name, b.Name) && a.Country == b.Country {
		return true
	}
	return hasCoords(a) && hasCoords(b) && haversineKm(a.Lat, a.Lon, b.Lat, b.Lon) <= samePlaceKm
}

func precision(l *report.Location) int {
	if l.GeoPrecision < report.PrecisionExact || l.GeoPrecision > report.PrecisionCountry {
		return report.PrecisionCountry
	}
	return l.GeoPrecision
}

// comparePlaces applies the distance that fits the coarser precision.
// Two different named places at precision 1 stay apart (two villages struck
// on one day are two strikes), whatever the distance.
func comparePlaces(a, b *report.Location) placeFit {
	if a == nil || b == nil {
		return placeUnknown
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return placeConflict
	}
	pa, pb := precision(a), precision(b)
	p := max(pa, pb)
	if p <= report.PrecisionNear && samePlace(a, b) {
		return placeSame
	}
	switch p {
	case report.PrecisionExact:
		return placeConflict // both exact, not the same place
	case report.PrecisionNear:
		if !hasCoords(a) || !hasCoords(b) {
			return placeCoarse
		}
		limit := float64(nearKm)
		if min(pa, pb) == report.PrecisionExact && pa != pb {
			limit = exactKm + nearKm/2 // a village and the district around it
		}
		if haversineKm(a.Lat, a.Lon, b.Lat, b.Lon) > limit {
			return placeConflict
		}
		return placeNear
	case report.PrecisionRegion:
		// Compare admin1 of both; the finer side's admin1 holds its region.
		if a.Admin1 != nil && b.Admin1 != nil && *a.Admin1 != "" && *b.Admin1 != "" {
			if !strings.EqualFold(*a.Admin1, *b.Admin1) {
				return placeConflict
			}
			return placeCoarse
		}
		if hasCoords(a) && hasCoords(b) && haversineKm(a.Lat, a.Lon, b.Lat, b.Lon) > regionKm {
			return placeConflict
		}
		return placeCoarse
	}
	if a.Country == "" || b.Country == "" {
		return placeCoarse // country-level with one side unknown: weak, not a conflict
	}
	return placeCoarse
}

// fatalityFit compares two death tolls.
type fatalityFit int

const (
	tollUnknown  fatalityFit = iota // one side does not say
	tollWide                        // the ranges meet, but one is too wide to tell strikes apart
	tollOverlap                     // narrow ranges that meet
	tollDisjoint                    // both known, ranges apart
)

// narrow reports whether a toll range is tight enough to identify a strike:
// "13-14" is, "4-25" (reports disagreeing, or merged) is not.
func narrow(lo, hi int) bool { return 2*hi <= 3*lo+2 }

func tollRange(f report.Fatalities) (lo, hi int, ok bool) {
	switch {
	case f.Min != nil && f.Max != nil:
		return *f.Min, *f.Max, true
	case f.Min != nil:
		return *f.Min, *f.Min, true
	case f.Max != nil:
		return *f.Max, *f.Max, true
	}
	return 0, 0, false
}

func compareTolls(a, b report.Fatalities) fatalityFit {
	alo, ahi, aok := tollRange(a)
	blo, bhi, bok := tollRange(b)
	if !aok || !bok {
		return tollUnknown
	}
	if alo <= bhi && blo <= ahi {
		if narrow(alo, ahi) && narrow(blo, bhi) {
			return tollOverlap
		}
		return tollWide
	}
	return tollDisjoint
}

// Match decides whether claim c (from a report published on reportDate,
// "" if unknown) is about event ev, and scores the fit in [0, 1] so the
// caller can pick the best of several candidates.
//
// The rules: the same action class; the same stage family (a discussed
// claim and a conducted claim are different events; denials and call-offs
// attach to either); no conflicting actors (both specific and different;
// state agencies count as their state); locations within the distance their
// precision allows, different exact places apart; overlapping date windows
// (claim date, else report date ± 3 days); death tolls that overlap unless
// the place and day are the same. Beyond the absence of conflicts a match
// needs positive evidence: for a conducted event, overlapping dates and one
// of place, a specific actor or the toll; for a policy event the same stage
// and the same specific actors. An undated side matches only on strong
// evidence: the same place, specific actors and no toll against it.
func Match(c report.Claim, reportDate string, ev report.Event) (score float64, ok bool) {
	class := claimClass(c.Action, c.SubEventType)
	if class == "" || class != claimClass(ev.Action, ev.SubEventType) {
		return 0, false
	}
	cf, ef := claimFamily(c.Stage, c.Certainty), eventFamily(ev.Stage)
	if cf != famAny && ef != famAny && cf != ef {
		return 0, false
	}
	if cf == famPolicy && ef == famPolicy && c.Stage != ev.Stage {
		return 0, false // discussed and authorized are two steps, two events
	}

	same1, conflict1 := actorsAgree(c.Actor1, ev.Actor1)
	same2, conflict2 := actorsAgree(c.Actor2, ev.Actor2)
	if conflict1 || conflict2 {
		return 0, false
	}
	place := comparePlaces(c.Location, ev.Location)
	if place == placeConflict {
		return 0, false
	}
	date := compareDates(c.Date, reportDate, ev)
	if date == dateConflict {
		return 0, false
	}
	dated := date >= dateLoose
	sameDay := date == dateExact
	toll := compareTolls(c.Fatalities, ev.Fatalities)
	if toll == tollDisjoint && (place != placeSame || !sameDay) {
		return 0, false // same day, same district, another toll: another strike
	}

	// Score: each kind of agreement adds its weight.
	switch date {
	case dateExact:
		score += 0.3
	case dateNear:
		score += 0.2
	case dateLoose:
		score += 0.1
	}
	switch place {
	case placeSame:
		score += 0.3
	case placeNear:
		score += 0.2
	case placeCoarse:
		score += 0.1
	}
	if same1 {
		score += 0.15
	}
	if same2 {
		score += 0.15
	} else if genericSame(c.Actor2, ev.Actor2) {
		score += 0.1
	}
	if toll == tollOverlap {
		score += 0.1
	}
	score = min(1, score)

	// The same state as initiator is weak evidence: one state carries out
	// most strikes in a theatre. A shared target or non-state initiator is strong.
	specific := same2 || same1 && !isState(c.Actor1)
	switch {
	case cf == famPolicy || ef == famPolicy && cf == famAny:
		// Policy moves are told by who and about whom, rarely by place or day.
		ok = same1 && (same2 || genericSame(c.Actor2, ev.Actor2)) && (dated || place != placeUnknown)
	case !dated:
		ok = place == placeSame && specific && toll != tollDisjoint
	default:
		// A matching toll alone is evidence only close in time or place:
		// a few killed is common, and strikes days apart share numbers.
		ok = place >= placeNear || specific ||
			toll == tollOverlap && (date >= dateNear || place == placeCoarse) ||
			place == placeCoarse && cf == famAny // a denial names the event loosely
	}
	if !ok || score < MinScore {
		return score, false
	}
	return score, true
}

// genericSame reports whether two generic targets are the same mention with
// the same country ("Mexican drug cartels" twice).
func genericSame(a, b *report.Actor) bool {
	return a != nil && b != nil && a.ID != "" && actorKey(a) == actorKey(b)
}
