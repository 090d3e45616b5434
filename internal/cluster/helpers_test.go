package cluster

import "github.com/strikewatch/strikewatch/internal/report"

// Builders for hand-made claims, events and reports.

func ip(i int) *int { return &i }

var (
	usMil    = &report.Actor{ID: "us-mil", Name: "Military Forces of the United States", Inter: 8, Country: "US"}
	usCIA    = &report.Actor{ID: "us-cia", Name: "CIA", Inter: 8, Country: "US"}
	usGov    = &report.Actor{ID: "us-gov", Name: "Government of the United States", Inter: 1, Country: "US"}
	pkMil    = &report.Actor{ID: "pk-mil", Name: "Military Forces of Pakistan", Inter: 1, Country: "PK"}
	aq       = &report.Actor{ID: "al-qaeda", Name: "al-Qaeda", Inter: 2}
	ttp      = &report.Actor{ID: "ttp", Name: "Tehrik-i-Taliban Pakistan", Inter: 2, Country: "PK"}
	militant = &report.Actor{ID: "militants", Name: "Militants", Inter: 2, Kind: "generic"}
	mxCartel = &report.Actor{ID: "drug-cartels", Name: "Drug cartels", Inter: 3, Country: "MX", Kind: "generic"}
	sinaloa  = &report.Actor{ID: "cartel-sinaloa", Name: "Sinaloa Cartel", Inter: 3, Country: "MX"}
	tda      = &report.Actor{ID: "tren-de-aragua", Name: "Tren de Aragua", Inter: 3, Country: "VE", Kind: "cartel"}
	mxGov    = &report.Actor{ID: "mx-gov", Name: "Government of Mexico", Inter: 1, Country: "MX"}
)

func place(name string, lat, lon float64, country, admin1 string, prec int) *report.Location {
	l := &report.Location{Name: name, Lat: lat, Lon: lon, Country: country, GeoPrecision: prec}
	if admin1 != "" {
		l.Admin1 = sp(admin1)
	}
	return l
}

var (
	dattaKhel  = place("Datta Khel", 33.151242, 70.434707, "PK", "North Waziristan", 1)
	miranShah  = place("Miran Shah", 33.0, 70.07, "PK", "North Waziristan", 1)
	kariKot    = place("Kari Kot", 32.3176, 69.5005, "PK", "South Waziristan", 1)
	shinWarsak = place("Shin Warsak", 32.2934, 69.4973, "PK", "South Waziristan", 1)
	nWaz       = place("North Waziristan", 32.98, 70.0, "PK", "North Waziristan", 3)
	sWaz       = place("South Waziristan", 32.3, 69.7, "PK", "South Waziristan", 3)
	pakistan   = place("Pakistan", 30, 70, "PK", "", 4)
	yemen      = place("Yemen", 15.5, 47.5, "YE", "", 4)
	mexico     = place("Mexico", 23.6, -102.5, "MX", "", 4)
	caribbean  = place("Caribbean Sea", 14.5, -67.0, "", "", 3)
)

func day(s string) report.Date { return report.Date{Start: sp(s), End: sp(s), TimePrecision: "day"} }

var noDate = report.Date{TimePrecision: "unknown"}

func toll(lo, hi int) report.Fatalities { return report.Fatalities{Min: ip(lo), Max: ip(hi)} }

// strike is a conducted, asserted drone strike; opts adjust it.
func strike(opts ...func(*report.Claim)) report.Claim {
	c := report.Claim{
		EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike",
		Action: "drone strike", Stage: report.Conducted, Certainty: report.Asserted,
		Actor1: usMil, Date: noDate,
	}
	for _, o := range opts {
		o(&c)
	}
	return c
}

func at(l *report.Location) func(*report.Claim) { return func(c *report.Claim) { c.Location = l } }
func on(d string) func(*report.Claim)           { return func(c *report.Claim) { c.Date = day(d) } }
func killed(lo, hi int) func(*report.Claim) {
	return func(c *report.Claim) { c.Fatalities = toll(lo, hi) }
}
func by(a *report.Actor) func(*report.Claim)      { return func(c *report.Claim) { c.Actor1 = a } }
func against(a *report.Actor) func(*report.Claim) { return func(c *report.Claim) { c.Actor2 = a } }
func action(a string) func(*report.Claim)         { return func(c *report.Claim) { c.Action = a } }
func consent(s string) func(*report.Claim)        { return func(c *report.Claim) { c.HostConsent = s } }
func stage(s report.Stage, cert report.Certainty) func(*report.Claim) {
	return func(c *report.Claim) { c.Stage, c.Certainty = s, cert }
}
func quote(s string) func(*report.Claim) {
	return func(c *report.Claim) {
		c.Evidence = map[string][]report.Evidence{"stage": {{Start: 0, End: len(s), Sentence: s}}}
	}
}

// eventOf is the event a single claim makes.
func eventOf(c report.Claim) report.Event {
	return Merge(report.Event{ID: "e"}, []report.StoredClaim{{ID: "c0", ReportID: "r0", Claim: c}}, map[string]ReportMeta{"r0": {ID: "r0"}})
}

func stored(id, reportID string, c report.Claim) report.StoredClaim {
	return report.StoredClaim{ID: id, ReportID: reportID, Claim: c}
}

func meta(id, outlet, published string) ReportMeta {
	m := ReportMeta{ID: id, URL: sp("https://example.org/" + id)}
	if outlet != "" {
		m.Outlet = sp(outlet)
	}
	if published != "" {
		m.Published = sp(published)
	}
	return m
}
