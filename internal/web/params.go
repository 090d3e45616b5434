package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Query parameter sets, per kind of route.
var (
	pageParams   = []string{"limit", "cursor"}
	filterParams = []string{"country", "actor", "stage", "certainty", "sub_event_type", "from", "to", "bbox", "min_sources", "q", "story"}
)

// params builds an allow-list from parameter groups.
func params(groups ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, g := range groups {
		for _, p := range g {
			m[p] = true
		}
	}
	return m
}

// query parses the request's query string strictly: a malformed escape
// is a 400, not a silently dropped parameter.
func query(r *http.Request) (url.Values, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badParam("query string: %v", err)
	}
	return q, nil
}

// checkParams rejects unknown and repeated parameters, so a typo such as
// ?stg=conducted is a clear 400 rather than a silently unfiltered list.
func checkParams(q url.Values, allowed map[string]bool) error {
	for k, vs := range q {
		if !allowed[k] {
			return badParam("unknown parameter %q", k)
		}
		if len(vs) > 1 {
			return badParam("parameter %q given %d times", k, len(vs))
		}
	}
	return nil
}

// parseFilter reads a store.Filter from query parameters. It checks
// syntax and ranges here so clients get messages naming the parameter;
// the store checks again.
func parseFilter(q url.Values, allowed map[string]bool) (store.Filter, error) {
	var f store.Filter
	if err := checkParams(q, allowed); err != nil {
		return f, err
	}
	if v := q.Get("country"); v != "" {
		if len(v) != 2 || !isLetters(v) {
			return f, badParam("country %q: want an ISO 3166-1 alpha-2 code such as MX", v)
		}
		f.Country = strings.ToUpper(v)
	}
	f.ActorID = strings.TrimSpace(q.Get("actor"))
	if v := q.Get("stage"); v != "" {
		st := report.Stage(v)
		if !st.Valid() {
			return f, badParam("stage %q: want one of discussed, threatened, proposed, authorized, conducted, denied, called_off", v)
		}
		f.Stage = st
	}
	if v := q.Get("certainty"); v != "" {
		switch c := report.Certainty(v); c {
		case report.Asserted, report.Hedged, report.Negated, report.Hypothetical:
			f.Certainty = c
		default:
			return f, badParam("certainty %q: want one of asserted, hedged, negated, hypothetical", v)
		}
	}
	f.SubEventType = strings.TrimSpace(q.Get("sub_event_type"))
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &f.From}, {"to", &f.To}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return f, badParam("%s %q: want a date YYYY-MM-DD", p.name, v)
		}
		*p.dst = v
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, badParam("from %s is after to %s", f.From, f.To)
	}
	if v := q.Get("bbox"); v != "" {
		b, err := parseBBox(v)
		if err != nil {
			return f, err
		}
		f.BBox = b
	}
	if v := q.Get("min_sources"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1000 {
			return f, badParam("min_sources %q: want a whole number from 0 to 1000", v)
		}
		f.MinSources = n
	}
	f.Text = strings.TrimSpace(q.Get("q"))
	f.StoryID = strings.TrimSpace(q.Get("story"))
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return f, badParam("limit %q: want a whole number from 1 to %d", v, maxLimit)
		}
		f.Limit = n
	}
	f.Cursor = q.Get("cursor")
	return f, nil
}

// maxLimit is the largest page a client may ask for (store.Filter's cap).
const maxLimit = 500

// parseBBox reads minlon,minlat,maxlon,maxlat. A box whose minlon exceeds
// maxlon crosses the antimeridian and is allowed.
func parseBBox(v string) (*store.BBox, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, badParam("bbox %q: want minlon,minlat,maxlon,maxlat", v)
	}
	var n [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || x != x { // x != x: NaN
			return nil, badParam("bbox %q: %q is not a number", v, p)
		}
		n[i] = x
	}
	b := store.BBox{MinLon: n[0], MinLat: n[1], MaxLon: n[2], MaxLat: n[3]}
	switch {
	case b.MinLon < -180 || b.MinLon > 180 || b.MaxLon < -180 || b.MaxLon > 180:
		return nil, badParam("bbox %q: longitudes must be within -180..180", v)
	case b.MinLat < -90 || b.MaxLat > 90 || b.MinLat > b.MaxLat:
		return nil, badParam("bbox %q: latitudes must be within -90..90 with minlat ≤ maxlat", v)
	}
	return &b, nil
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
