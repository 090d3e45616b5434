package cluster

import (
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

func TestActionClass(t *testing.T) {
	tests := []struct{ action, want string }{
		{"drone strike", ClassStrike},
		{"air strike", ClassStrike},
		{"Airstrike", ClassStrike},
		{"missile strike", ClassStrike},
		{"bombing", ClassStrike},
		{"ataque con dron", ClassStrike},
		{"shelling", ClassShelling},
		{"artillery fire", ClassShelling},
		{"raid", ClassRaid},
		{"security operation", ClassRaid},
		{"arrest", ClassArrest},
		{"detention", ClassArrest},
		{"designation", ClassDesignation},
		{"sanctions", ClassSanctions},
		{"deployment", ClassDeployment},
		{"armed clash", ClassAttack},
		{"  Cyber Operation  ", ClassRaid},
		{"kidnapping", "kidnapping"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			if got := ActionClass(tt.action); got != tt.want {
				t.Errorf("ActionClass(%q) = %q, want %q", tt.action, got, tt.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	base := strike(at(dattaKhel), on("2010-05-11"), killed(13, 14), against(aq))
	tests := []struct {
		name       string
		claim      report.Claim
		reportDate string
		event      report.Claim // the event is this claim merged alone
		want       bool
	}{
		{"same strike, same facts", base, "", base, true},
		{"air strike vs drone strike", strike(action("air strike"), at(dattaKhel), on("2010-05-11"), killed(14, 14)), "", base, true},
		{"CIA vs US military: one state", strike(by(usCIA), at(dattaKhel), on("2010-05-11")), "", base, true},
		{"generic target vs specific", strike(against(militant), at(dattaKhel), on("2010-05-11"), killed(13, 13)), "", base, true},
		{"undated claim, report date within days", strike(at(dattaKhel), killed(14, 14)), "2010-05-12", base, true},
		{"district-level claim near the village", strike(at(nWaz), on("2010-05-11"), killed(13, 15)), "", base, true},
		{"country-level claim with same toll", strike(at(pakistan), on("2010-05-11"), killed(14, 14)), "", base, true},
		{"no location, same day, same toll", strike(on("2010-05-11"), killed(13, 13)), "", base, true},
		{"denial attaches to the strike", strike(stage(report.Denied, report.Asserted), by(pkMil), at(pakistan), on("2010-05-11")), "", strike(by(pkMil), at(dattaKhel), on("2010-05-11")), true},

		{"other action class", strike(action("arrest"), at(dattaKhel), on("2010-05-11")), "", base, false},
		{"other country", strike(at(yemen), on("2010-05-11")), "", base, false},
		{"other village same day same district", strike(at(miranShah), on("2010-05-11")), "", base, false},
		{"neighbouring villages 3 km apart", strike(at(shinWarsak), on("2008-12-22")), "", strike(at(kariKot), on("2008-12-22")), false},
		{"other region at region precision", strike(at(sWaz), on("2010-05-11")), "", base, false},
		{"another day", strike(at(dattaKhel), on("2010-05-20")), "", base, false},
		{"undated claim, report weeks later", strike(at(dattaKhel)), "2010-06-30", base, false},
		{"same day, same district, other toll", strike(at(nWaz), on("2010-05-11"), killed(7, 10)), "", base, false},
		{"no location, same day, nothing else", strike(on("2010-05-11")), "", base, false},
		{"other initiator", strike(by(pkMil), at(dattaKhel), on("2010-05-11")), "", base, false},
		{"other specific target", strike(against(ttp), at(dattaKhel), on("2010-05-11")), "", base, false},
		{"discussed is not conducted", strike(stage(report.Discussed, report.Asserted), at(dattaKhel), on("2010-05-11")), "", base, false},
		{"hypothetical strike is not the strike", strike(stage(report.Conducted, report.Hypothetical), at(dattaKhel), on("2010-05-11")), "", base, false},
		{"undated both, country only", strike(at(pakistan)), "", strike(at(pakistan)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := eventOf(tt.event)
			score, ok := Match(tt.claim, tt.reportDate, ev)
			if ok != tt.want {
				t.Errorf("Match = %v (score %.2f), want %v", ok, score, tt.want)
			}
			if ok && (score < MinScore || score > 1) {
				t.Errorf("score %.2f out of [%.2f, 1]", score, MinScore)
			}
		})
	}
}

func TestMatchPolicy(t *testing.T) {
	discussed := strike(stage(report.Discussed, report.Asserted), by(usGov), against(mxCartel), at(mexico))
	tests := []struct {
		name       string
		claim      report.Claim
		reportDate string
		event      report.Claim
		eventDate  string
		want       bool
	}{
		{"same discussion, two outlets a day apart", discussed, "2025-04-08", discussed, "2025-04-07", true},
		{"same discussion, undated reports", discussed, "", discussed, "", true},
		{"military vs government: one state", strike(stage(report.Discussed, report.Hedged), by(usMil), against(mxCartel), at(mexico)), "2025-04-08", discussed, "2025-04-07", true},
		{"discussed is not authorized", strike(stage(report.Authorized, report.Hedged), by(usGov), against(mxCartel), at(mexico)), "2025-08-08", discussed, "2025-04-07", false},
		{"other target country", strike(stage(report.Discussed, report.Asserted), by(usGov), against(tda), at(place("Venezuela", 7, -66, "VE", "", 4))), "2025-04-08", discussed, "2025-04-07", false},
		{"generic initiator is no anchor", strike(stage(report.Discussed, report.Asserted), by(militant), against(mxCartel), at(mexico)), "2025-04-08", discussed, "2025-04-07", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := Merge(report.Event{ID: "e"}, []report.StoredClaim{stored("c0", "r0", tt.event)}, map[string]ReportMeta{"r0": meta("r0", "", tt.eventDate)})
			if tt.eventDate != "" {
				// The store passes the event's claims' report dates as windows
				// through the claim date; here the event claim is dated by its report.
				ev.Date = day(tt.eventDate)
			}
			score, ok := Match(tt.claim, tt.reportDate, ev)
			if ok != tt.want {
				t.Errorf("Match = %v (score %.2f), want %v", ok, score, tt.want)
			}
		})
	}
}

func TestMatchUndatedEvents(t *testing.T) {
	rep := func(id, pub string) ReportMeta { return meta(id, "", pub) }
	// An event founded by undated claims: its reports' dates stand in.
	ev := Merge(report.Event{ID: "e"}, []report.StoredClaim{
		stored("a", "r1", strike(killed(6, 6))),
		stored("b", "r2", strike(killed(6, 6))),
	}, map[string]ReportMeta{"r1": rep("r1", "2011-03-11"), "r2": rep("r2", "2011-03-13")})
	if ev.FirstReported == nil || *ev.FirstReported != "2011-03-11" || ev.LastReported == nil || *ev.LastReported != "2011-03-13" {
		t.Fatalf("first/last reported = %v/%v, want 2011-03-11/2011-03-13", ev.FirstReported, ev.LastReported)
	}
	tests := []struct {
		name       string
		claim      report.Claim
		reportDate string
		want       bool
	}{
		{"same toll, reported the next day", strike(killed(6, 6)), "2011-03-12", true},
		{"same toll, reported three days on: too loose for a toll alone", strike(killed(6, 6)), "2011-03-14", false},
		{"four days after the first, one after the last: no drift along later reports", strike(killed(6, 6)), "2011-03-15", false},
		{"stated date the day before the first report", strike(killed(6, 6), on("2011-03-10")), "", true},
		{"wide toll range is no evidence", strike(killed(2, 12)), "2011-03-11", false},
		{"other toll", strike(killed(20, 20)), "2011-03-11", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, ok := Match(tt.claim, tt.reportDate, ev)
			if ok != tt.want {
				t.Errorf("Match = %v (score %.2f), want %v", ok, score, tt.want)
			}
		})
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1970-01-01", 0, true},
		{"1970-01-02", 1, true},
		{"2000-03-01", 11017, true},
		{"2025-04-07", 20185, true},
		{"2025-04", 20179, true},
		{"2025", 20089, true},
		{"2025-13-01", 0, false},
		{"20x5-01-01", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := days(tt.in)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("days(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func BenchmarkMatch(b *testing.B) {
	ev := eventOf(strike(at(dattaKhel), on("2010-05-11"), killed(13, 14), against(aq)))
	c := strike(at(nWaz), on("2010-05-11"), killed(14, 14), against(militant))
	for b.Loop() {
		Match(c, "2010-05-12", ev)
	}
}

func TestActorKinds(t *testing.T) {
	tests := []struct {
		name                     string
		a                        *report.Actor
		generic, state, criminal bool
	}{
		{"nil", nil, true, false, false},
		{"registry generic", &report.Actor{ID: "militants", Kind: "generic", Inter: 2}, true, false, false},
		{"registry generic cartels", &report.Actor{ID: "drug-cartels", Kind: "generic", Inter: 3, Country: "MX"}, true, false, true},
		{"registry cartel without cartel in id", &report.Actor{ID: "cjng", Kind: "cartel", Inter: 3, Country: "MX"}, false, false, true},
		{"registry military", &report.Actor{ID: "us-mil", Kind: "military", Inter: 8, Country: "US"}, false, true, false},
		{"registry agency", &report.Actor{ID: "us-cia", Kind: "agency", Inter: 8, Country: "US"}, false, true, false},
		{"armed group with a country", &report.Actor{ID: "hezbollah", Kind: "armed_group", Inter: 3, Country: "LB"}, false, false, false},
		{"no kind: generic id", &report.Actor{ID: "security-forces", Inter: 1}, true, false, false},
		{"no kind: state by inter", &report.Actor{ID: "mx-gov", Inter: 1, Country: "MX"}, false, true, false},
		{"no kind: gang by inter in the Americas", &report.Actor{ID: "los-choneros", Inter: 3, Country: "EC"}, false, false, true},
		{"no kind: militia elsewhere", &report.Actor{ID: "hezbollah", Inter: 3, Country: "LB"}, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, s, c := isGeneric(tt.a), isState(tt.a), isCriminal(tt.a)
			if g != tt.generic || s != tt.state || c != tt.criminal {
				t.Errorf("generic/state/criminal = %v/%v/%v, want %v/%v/%v", g, s, c, tt.generic, tt.state, tt.criminal)
			}
		})
	}
}

func FuzzDays(f *testing.F) {
	for _, s := range []string{"2025-04-07", "2025-04", "2025", "", "9999-99-99", "2025-02-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := days(s)
		if !ok {
			return
		}
		// Every accepted date lies within years 0..9999.
		if d < -719528 || d > 2932897 {
			t.Fatalf("days(%q) = %d out of range", s, d)
		}
	})
}
