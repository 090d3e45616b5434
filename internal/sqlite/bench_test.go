package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// benchTheatre is a country the varied stream reports from.
type benchTheatre struct {
	code, admin1 string
	lat, lon     float64
	local        *report.Actor // the country's own forces
	groups       []*report.Actor
}

var benchStates = []*report.Actor{
	{Name: "Military Forces of the United States", ID: "us-military", Inter: 8, Country: "US", Kind: "military"},
	{Name: "Government of the United States", ID: "us-government", Inter: 1, Country: "US", Kind: "government"},
}

func benchTheatres() []benchTheatre {
	generic := func(id, cc string) *report.Actor {
		return &report.Actor{Name: id, ID: id, Country: cc, Kind: "generic"}
	}
	return []benchTheatre{
		{"YE", "Marib", 15.3, 44.2, &report.Actor{Name: "Military Forces of Yemen", ID: "ye-military", Inter: 1, Country: "YE", Kind: "military"},
			[]*report.Actor{{Name: "AQAP", ID: "aqap", Inter: 2, Country: "YE"}, generic("militants", "YE")}},
		{"SO", "Lower Shabelle", 2.0, 45.3, &report.Actor{Name: "Military Forces of Somalia", ID: "so-military", Inter: 1, Country: "SO", Kind: "military"},
			[]*report.Actor{{Name: "Al Shabaab", ID: "al-shabaab", Inter: 2, Country: "SO"}, generic("militants", "SO")}},
		{"PK", "Khyber Pakhtunkhwa", 33.0, 70.0, &report.Actor{Name: "Military Forces of Pakistan", ID: "pk-military", Inter: 1, Country: "PK", Kind: "military"},
			[]*report.Actor{{Name: "TTP", ID: "ttp", Inter: 2, Country: "PK"}, generic("militants", "PK")}},
		{"AF", "Helmand", 31.6, 64.4, &report.Actor{Name: "Military Forces of Afghanistan", ID: "af-military", Inter: 1, Country: "AF", Kind: "military"},
			[]*report.Actor{{Name: "Taliban", ID: "taliban", Inter: 2, Country: "AF"}, generic("insurgents", "AF")}},
		{"IQ", "Anbar", 33.3, 43.4, &report.Actor{Name: "Military Forces of Iraq", ID: "iq-military", Inter: 1, Country: "IQ", Kind: "military"},
			[]*report.Actor{{Name: "Islamic State", ID: "islamic-state", Inter: 2, Country: ""}, generic("militants", "IQ")}},
		{"SY", "Idlib", 35.9, 36.6, &report.Actor{Name: "Military Forces of Syria", ID: "sy-military", Inter: 1, Country: "SY", Kind: "military"},
			[]*report.Actor{{Name: "HTS", ID: "hts", Inter: 2, Country: "SY"}, generic("rebels", "SY")}},
		{"MX", "Sinaloa", 24.8, -107.4, &report.Actor{Name: "Military Forces of Mexico", ID: "mx-military", Inter: 1, Country: "MX", Kind: "military"},
			[]*report.Actor{{Name: "Sinaloa Cartel", ID: "sinaloa-cartel", Inter: 3, Country: "MX", Kind: "cartel"}, generic("drug-cartels", "MX")}},
		{"NG", "Borno", 11.8, 13.1, &report.Actor{Name: "Military Forces of Nigeria", ID: "ng-military", Inter: 1, Country: "NG", Kind: "military"},
			[]*report.Actor{{Name: "Boko Haram", ID: "boko-haram", Inter: 2, Country: "NG"}, generic("insurgents", "NG")}},
	}
}

var benchActions = []struct{ action, eventType, sub string }{
	{"drone strike", "Explosions/Remote violence", "Air/drone strike"},
	{"airstrike", "Explosions/Remote violence", "Air/drone strike"},
	{"shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
	{"raid", "Battles", "Armed clash"},
	{"arrest", "Strategic developments", "Arrests"},
	{"attack", "Battles", "Armed clash"},
}

var benchOutlets = []string{"Reuters", "AP", "AFP", "BBC News", "Al Jazeera", "The Guardian", "New York Times",
	"Dawn", "Long War Journal", "Xinhua", "CNN", "Le Monde"}

var benchWords = strings.Fields(`the a strike hit compound vehicle near town village district province officials
said witnesses militants killed wounded security forces army spokesman local residents reported morning night
convoy road market mosque school hospital house commander leader fighters operation drone aircraft missile
attack clash police checkpoint border camp base airport bridge river valley mountain farm field`)

// benchText is a report text of 60 to 180 words drawn for report i, so
// that stories do not look like syndicated copies of each other.
func benchText(rng *rand.Rand, i int, lead string) string {
	var b strings.Builder
	b.WriteString(lead)
	n := 60 + rng.IntN(120)
	for w := range n {
		if w%14 == 0 {
			fmt.Fprintf(&b, " %d.", rng.IntN(1000))
		}
		b.WriteByte(' ')
		b.WriteString(benchWords[rng.IntN(len(benchWords))])
	}
	fmt.Fprintf(&b, " (report %d)", i)
	return b.String()
}

// variedExtraction makes the i-th report of a varied stream modelled on
// real ones: eight theatres, six kinds of action, a real-world incident
// told by about three outlets on nearby days, claims at every location
// precision, undated claims, month-precision dates, policy moves
// (discussed, threatened, authorized), denials, hedged and negated claims,
// one to three claims per report, and one report in twenty a syndicated
// copy of an earlier one. The same i always gives the same report.
func variedExtraction(i int) report.Extraction { return variedAt(i, 0) }

// variedAt makes report i; below the top level (depth > 0) it makes no
// copies and mentions no other incident, so that generation ends.
func variedAt(i, depth int) report.Extraction {
	const perIncident = 3
	inc := i / perIncident
	irng := rand.New(rand.NewPCG(uint64(inc), 7)) // what the incident is
	rng := rand.New(rand.NewPCG(uint64(i), 11))   // how this report tells it
	ths := benchTheatres()
	th := ths[irng.IntN(len(ths))]
	act := benchActions[irng.IntN(len(benchActions))]
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	// About six incidents a day over the stream, so windows hold many events.
	day := base.AddDate(0, 0, inc/6)
	published := day.AddDate(0, 0, rng.IntN(3)).Format(time.DateOnly)
	village := irng.IntN(400)
	toll := 1 + irng.IntN(12)
	initiator := th.local
	if irng.IntN(3) == 0 {
		initiator = benchStates[0]
	}
	target := th.groups[irng.IntN(len(th.groups))]

	url := fmt.Sprintf("https://%s.example/%d", strings.ToLower(strings.ReplaceAll(benchOutlets[i%len(benchOutlets)], " ", "")), i)
	outlet := benchOutlets[rng.IntN(len(benchOutlets))]
	title := fmt.Sprintf("%s in %s", act.action, th.code)
	r := report.Report{ID: fmt.Sprintf("%064x", uint64(i)*0x9e3779b97f4a7c15+1), URL: &url, Outlet: &outlet, Title: &title,
		Published: &published, Language: "en"}
	if i%20 == 19 && i > 40 && depth == 0 {
		// A syndicated copy: an earlier report's text under another header.
		src := variedAt(i-1-rng.IntN(30), depth+1)
		r.Text = "(AP) — " + src.Report.Text
		src.Report = r
		return src
	}
	r.Text = benchText(rng, i, fmt.Sprintf("%s: a %s in %s killed %d.", strings.ToUpper(th.code), act.action, th.admin1, toll))

	loc := func() *report.Location {
		admin1 := th.admin1
		switch p := rng.IntN(10); {
		case p < 6:
			return &report.Location{Name: fmt.Sprint("Village ", village), GeonamesID: 200000 + village*10 + len(th.code),
				Lat: th.lat + float64(village%40)/20, Lon: th.lon + float64(village/40)/20, Country: th.code, Admin1: &admin1, GeoPrecision: 1}
		case p < 8:
			return &report.Location{Name: th.admin1, Lat: th.lat, Lon: th.lon, Country: th.code, Admin1: &admin1, GeoPrecision: 3}
		case p < 9:
			return &report.Location{Name: th.code, Country: th.code, GeoPrecision: 4}
		}
		return nil
	}
	date := func() report.Date {
		switch p := rng.IntN(10); {
		case p < 6:
			s := day.Format(time.DateOnly)
			return report.Date{Start: &s, End: &s, TimePrecision: "day"}
		case p < 7:
			s := day.Format("2006-01") + "-01"
			return report.Date{Start: &s, TimePrecision: "month"}
		}
		return report.Date{TimePrecision: "unknown"}
	}
	certainty := func() report.Certainty {
		switch p := rng.IntN(20); {
		case p < 14:
			return report.Asserted
		case p < 18:
			return report.Hedged
		case p < 19:
			return report.Negated
		}
		return ""
	}
	n := toll + rng.IntN(2)
	official := "spokesman"
	c := report.Claim{
		EventType: act.eventType, SubEventType: act.sub, Action: act.action,
		Stage: report.Conducted, Certainty: certainty(),
		Actor1: initiator, Actor2: target, Location: loc(), Date: date(),
		Fatalities: report.Fatalities{Min: &toll, Max: &n},
		Sources:    []report.Source{{Kind: report.SourceNamedOfficial, Name: &official, Outlet: &outlet}},
		Evidence: map[string][]report.Evidence{
			"stage":  {{Start: 0, End: 20, Sentence: r.Text[:min(len(r.Text), 80)]}},
			"action": {{Start: 4, End: 16, Sentence: r.Text[:min(len(r.Text), 80)]}},
		},
		Confidence: 0.5 + float64(rng.IntN(50))/100,
	}
	if rng.IntN(8) == 0 {
		c.Fatalities = report.Fatalities{}
	}
	if initiator.Country != th.code && rng.IntN(4) == 0 {
		c.HostConsent = []string{report.ConsentGranted, report.ConsentRefused, report.ConsentUnilateral}[rng.IntN(3)]
	}
	claims := []report.Claim{c}
	switch p := rng.IntN(10); {
	case p < 2: // a policy move by the initiator against the same target
		pc := c
		pc.Stage = []report.Stage{report.Discussed, report.Threatened, report.Proposed, report.Authorized}[rng.IntN(4)]
		pc.Certainty, pc.Fatalities, pc.Date, pc.Location = report.Hedged, report.Fatalities{}, report.Date{TimePrecision: "unknown"}, nil
		pc.HostConsent = ""
		claims = append(claims, pc)
	case p < 3: // a denial by the target's side
		dc := c
		dc.Stage, dc.Certainty, dc.Fatalities = report.Denied, report.Asserted, report.Fatalities{}
		claims = append(claims, dc)
	case p < 5 && depth == 0: // a second incident mentioned in passing
		claims = append(claims, variedAt(i+3*perIncident, depth+1).Claims[0])
	}
	for _, cl := range claims {
		if cl.Location != nil {
			r.Places = append(r.Places, report.Place{Text: cl.Location.Name, Name: cl.Location.Name, GeonamesID: cl.Location.GeonamesID,
				Lat: cl.Location.Lat, Lon: cl.Location.Lon, Country: cl.Location.Country, Feature: "village"})
		}
	}
	return report.Extraction{Report: r, Claims: claims}
}

// BenchmarkAddExtraction10k measures adding reports of the varied stream
// to a store that already holds 10,000 of them, and reports the database
// size per report. The filling is not timed.
func BenchmarkAddExtraction10k(b *testing.B) {
	const stored = 10000
	db := openTemp(b)
	ctx := context.Background()
	t0 := time.Now()
	for i := range stored {
		if _, err := db.AddExtraction(ctx, variedExtraction(i), store.Source{Name: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	fill := time.Since(t0)
	b.ReportAllocs()
	i := stored
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.AddExtraction(ctx, variedExtraction(i), store.Source{Name: "bench"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.StopTimer()
	b.ReportMetric(float64(i-stored)/b.Elapsed().Seconds(), "reports/s")
	b.ReportMetric(float64(stored)/fill.Seconds(), "fill-reports/s")
	b.ReportMetric(float64(dbBytes(b, db))/float64(i), "DB-bytes/report")
}

// dbBytes is the size of the database file after a checkpoint.
func dbBytes(b *testing.B, db *DB) int64 {
	db.wr.mu.Lock()
	_, err := db.wr.conn.ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`)
	db.wr.mu.Unlock()
	if err != nil {
		b.Fatal(err)
	}
	path := strings.TrimPrefix(db.dsn, "file:")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}
