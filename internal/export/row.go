package export

import (
	"bufio"
	_ "embed"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/strikewatch/strikewatch/internal/report"
)

// countriesTSV maps ISO alpha-2 codes to the ISO-3 code, ISO numeric code,
// English name and ACLED region (derived from GeoNames, CC BY 4.0).
//
//go:embed countries.tsv
var countriesTSV string

type country struct {
	alpha3  string
	numeric int
	name    string
	region  string
}

// countryTable parses the embedded table; it is small enough (254 rows) to
// parse per export rather than keep in a package-level variable.
func countryTable() map[string]country {
	m := make(map[string]country, 260)
	sc := bufio.NewScanner(strings.NewReader(countriesTSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		n, _ := strconv.Atoi(f[2])
		m[f[0]] = country{alpha3: f[1], numeric: n, name: f[3], region: f[4]}
	}
	return m
}

// acledColumns are ACLED's column names in ACLED's order (for the fields we
// have; the rest stay empty), then strikewatch's own.
var acledColumns = [...]string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
	"event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
	"actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location",
	"latitude", "longitude", "geo_precision", "source", "source_scale",
	"notes", "fatalities", "tags", "timestamp",
	// strikewatch's own
	"stage", "certainty", "sources", "independent_sources", "evidence",
	"event_id", "report_ids", "report_urls", "claim_count",
	"action", "story_id", "fatalities_max", "civilians_min", "civilians_max",
}

// Columns returns the CSV header: ACLED's columns in ACLED's order, then ours.
func Columns() []string { return slices.Clone(acledColumns[:]) }

// row is one event flattened to the columns above. A nil value is an empty
// cell (CSV) or null (GeoJSON); values are string, int or float64.
type row [len(acledColumns)]any

// flattener turns events into rows; it holds the lookups one export needs.
type flattener struct {
	countries map[string]country
	index     map[string]int // column name → position
}

func newFlattener() *flattener {
	idx := make(map[string]int, len(acledColumns))
	for i, c := range acledColumns {
		idx[c] = i
	}
	return &flattener{countries: countryTable(), index: idx}
}

// flatten turns an event into a row.
func (fl *flattener) flatten(ev report.Event) row {
	var r row
	set := func(col string, v any) { r[fl.index[col]] = v }

	var cc string
	if ev.Location != nil {
		cc = ev.Location.Country
	}
	c, known := fl.countries[cc]

	id := ev.ID
	if known {
		id = c.alpha3 + "-" + ev.ID
	}
	set("event_id_cnty", id)
	if s := ev.Date.Start; s != nil && *s != "" {
		set("event_date", *s)
		if len(*s) >= 4 {
			if y, err := strconv.Atoi((*s)[:4]); err == nil {
				set("year", y)
			}
		}
	}
	if p := timePrecision(ev.Date.TimePrecision); p > 0 {
		set("time_precision", p)
	}
	set("disorder_type", disorderType(ev.EventType))
	set("event_type", ev.EventType)
	set("sub_event_type", ev.SubEventType)

	var inter1, inter2 int
	if a := ev.Actor1; a != nil {
		set("actor1", a.Name)
		inter1 = a.Inter
	}
	if a := ev.Actor2; a != nil {
		set("actor2", a.Name)
		inter2 = a.Inter
	}
	set("assoc_actor_1", "")
	set("assoc_actor_2", "")
	if inter1 > 0 {
		set("inter1", inter1)
	}
	if inter2 > 0 {
		set("inter2", inter2)
	}
	if i := interaction(inter1, inter2); i > 0 {
		set("interaction", i)
	}
	civ := inter2 == 7 || (ev.Fatalities.CiviliansMin != nil && *ev.Fatalities.CiviliansMin > 0)
	if civ {
		set("civilian_targeting", "Civilian targeting")
	} else {
		set("civilian_targeting", "")
	}

	if known {
		set("iso", c.numeric)
		set("region", c.region)
		set("country", c.name)
	} else {
		set("region", "")
		set("country", cc)
	}
	set("admin1", "")
	set("admin2", "")
	set("admin3", "")
	set("location", "")
	if l := ev.Location; l != nil {
		if l.Admin1 != nil {
			set("admin1", *l.Admin1)
		}
		if l.Admin2 != nil {
			set("admin2", *l.Admin2)
		}
		set("location", l.Name)
		if hasPoint(l) {
			set("latitude", l.Lat)
			set("longitude", l.Lon)
		}
		if l.GeoPrecision > 0 {
			set("geo_precision", l.GeoPrecision)
		}
	}
	set("source", sourceOutlets(ev))
	set("source_scale", "")
	set("notes", notes(ev))
	if ev.Fatalities.Min != nil {
		set("fatalities", *ev.Fatalities.Min)
	}
	set("tags", "")
	set("timestamp", "")

	set("stage", string(ev.Stage))
	set("certainty", string(ev.Certainty))
	set("sources", sourceSummary(ev.Sources))
	set("independent_sources", ev.IndependentSources)
	set("evidence", evidenceText(ev.Evidence))
	set("event_id", ev.ID)
	set("report_ids", strings.Join(ev.ReportIDs, "; "))
	set("report_urls", strings.Join(ev.ReportURLs, "; "))
	set("claim_count", ev.ClaimCount)
	set("action", ev.Action)
	set("story_id", ev.StoryID)
	if ev.Fatalities.Max != nil {
		set("fatalities_max", *ev.Fatalities.Max)
	}
	if ev.Fatalities.CiviliansMin != nil {
		set("civilians_min", *ev.Fatalities.CiviliansMin)
	}
	if ev.Fatalities.CiviliansMax != nil {
		set("civilians_max", *ev.Fatalities.CiviliansMax)
	}
	return r
}

// hasPoint reports whether a location carries usable coordinates. A
// location with no GeoNames id at exactly (0, 0) is an unresolved place,
// not a point in the Gulf of Guinea.
func hasPoint(l *report.Location) bool {
	if l == nil {
		return false
	}
	if l.Lat == 0 && l.Lon == 0 && l.GeonamesID == 0 {
		return false
	}
	return l.Lat >= -90 && l.Lat <= 90 && l.Lon >= -180 && l.Lon <= 180
}

// timePrecision maps ours to ACLED's codes: 1 day, 2 a few days or a week,
// 3 a month or more; 0 when unknown.
func timePrecision(p string) int {
	switch p {
	case "day":
		return 1
	case "week":
		return 2
	case "month", "year":
		return 3
	}
	return 0
}

// disorderType is ACLED's top-level grouping of event types.
func disorderType(eventType string) string {
	switch eventType {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return "Political violence"
	case "Riots":
		return "Political violence; Demonstrations"
	case "Protests":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return ""
}

// interaction is ACLED's two-digit code: the lower actor code first, and a
// lone actor's code times ten.
func interaction(a, b int) int {
	switch {
	case a <= 0 && b <= 0:
		return 0
	case a <= 0:
		return b * 10
	case b <= 0:
		return a * 10
	case a > b:
		a, b = b, a
	}
	return a*10 + b
}

// sourceOutlets lists the outlets an event rests on, as ACLED's "source"
// does; without named outlets it falls back to the reports' hosts.
func sourceOutlets(ev report.Event) string {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range ev.Sources {
		if s.Outlet != nil {
			add(*s.Outlet)
		}
	}
	if len(out) == 0 {
		for _, u := range ev.ReportURLs {
			if p, err := url.Parse(u); err == nil {
				add(strings.TrimPrefix(p.Hostname(), "www."))
			}
		}
	}
	return strings.Join(out, "; ")
}

// sourceSummary renders who an event rests on, one source per item:
// "anonymous_official x6 (U.S. intelligence) via NBC News".
func sourceSummary(src []report.Source) string {
	parts := make([]string, 0, len(src))
	for _, s := range src {
		var b strings.Builder
		b.WriteString(s.Kind)
		if s.Count != nil {
			b.WriteString(" x")
			b.WriteString(strconv.Itoa(*s.Count))
		}
		if s.Name != nil && *s.Name != "" {
			b.WriteString(" ")
			b.WriteString(*s.Name)
		}
		if s.Affiliation != nil && *s.Affiliation != "" {
			b.WriteString(" (")
			b.WriteString(*s.Affiliation)
			b.WriteString(")")
		}
		if s.Outlet != nil && *s.Outlet != "" {
			b.WriteString(" via ")
			b.WriteString(*s.Outlet)
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "; ")
}

// evidenceText joins the distinct evidence sentences.
func evidenceText(ev []report.Evidence) string {
	var out []string
	for _, e := range ev {
		s := strings.Join(strings.Fields(e.Sentence), " ")
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, " | ")
}

// notes is the event's own note, else its first evidence sentence.
func notes(ev report.Event) string {
	if ev.Notes != "" {
		return ev.Notes
	}
	for _, e := range ev.Evidence {
		if s := strings.Join(strings.Fields(e.Sentence), " "); s != "" {
			return s
		}
	}
	return ""
}
