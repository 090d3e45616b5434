package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

// TestLadderProbes runs short reports written to probe the stage ladder,
// certainty, roles, places, tolls and sources through the whole pipeline.
func TestLadderProbes(t *testing.T) {
	p := newPipeline(t)
	type want struct {
		stage     report.Stage
		certainty report.Certainty
		actor1    string // country of actor1, "" = don't care, "-" = none
		actor2ID  string
		country   string // claim location country
		killed    int    // -1 = null
		civilians int    // -2 = don't care, -1 = null
		source    string // source kind, "" = don't care
		srcCount  int    // 0 = don't care
	}
	tests := []struct {
		name, text string
		want       []want
		notStages  []report.Stage // stages no credible claim may have
	}{
		{"considering with two officials", "The Pentagon is considering options for strikes against Houthi targets in Yemen, two U.S. officials said.",
			[]want{{report.Discussed, report.Asserted, "US", "houthis", "YE", -1, -2, report.SourceAnonymousOfficial, 2}}, []report.Stage{report.Conducted}},
		{"presented a plan", "The defense secretary presented the White House with a plan for air strikes on Islamic State positions in Syria.",
			[]want{{report.Proposed, report.Asserted, "", "", "SY", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"approved then called off", "Trump approved strikes on three Iranian targets but called them off minutes before they were launched.",
			[]want{{report.Authorized, report.Asserted, "US", "", "IR", -1, -2, "", 0}, {report.CalledOff, report.Asserted, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"warplanes struck", "Israeli warplanes struck Hamas targets in Gaza overnight, killing at least 12 people, according to the Gaza health ministry.",
			[]want{{report.Conducted, report.Asserted, "IL", "hamas", "", 12, -1, report.SourceOrganization, 0}}, nil},
		{"a state bombed a place", "Israel bombed Syria's defence ministry in Damascus on Wednesday.",
			[]want{{report.Conducted, report.Asserted, "IL", "", "SY", -1, -2, "", 0}}, nil},
		{"a demonym's post as the target", "A drone struck a Pakistani checkpoint on Monday, killing two soldiers, officials said.",
			[]want{{report.Conducted, report.Asserted, "", "", "PK", 2, -2, "", 0}}, nil},
		{"told reporters in a capital", "Turkish drones struck PKK positions in northern Iraq's Gara region, the defence minister told reporters in Ankara.",
			[]want{{report.Conducted, report.Asserted, "TR", "", "IQ", -1, -2, "", 0}}, nil},
		{"denial", "Russia denied that its aircraft bombed a hospital in Idlib.",
			[]want{{report.Denied, report.Asserted, "RU", "", "SY", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"negated conducted", "The U.S. military has not carried out any drone strikes in Somalia this year, AFRICOM said.",
			[]want{{report.Denied, report.Asserted, "US", "", "SO", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"may have killed", "A drone strike may have killed a senior al-Shabaab commander, officials said.",
			[]want{{report.Conducted, report.Hedged, "-", "al-shabaab", "", 1, -2, report.SourceAnonymousOfficial, 0}}, nil},
		{"conditional threat", "If Mexico refuses to act, the United States could strike cartel labs unilaterally, a senior official warned.",
			[]want{{report.Threatened, report.Asserted, "US", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"no decision", "Officials said no decision had been made on whether to launch air strikes.",
			[]want{{report.Authorized, report.Negated, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted, report.Authorized}},
		{"two strikes nine dead", "Two drone strikes killed 9 militants and wounded 4 in North Waziristan on Sunday.",
			[]want{{report.Conducted, report.Asserted, "", "", "PK", 9, -1, "", 0}}, nil},
		{"suspended", "The government suspended air strikes for 48 hours to allow aid deliveries.",
			[]want{{report.CalledOff, report.Asserted, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"condemned is not the striker", "Pakistan's foreign ministry condemned the drone strike in South Waziristan as a violation of its sovereignty.",
			[]want{{report.Conducted, report.Asserted, "-", "", "PK", -1, -2, "", 0}}, nil},
		{"statement", "U.S. forces conducted an airstrike near Jilib on Friday that killed four al-Shabaab fighters, U.S. Africa Command said in a statement.",
			[]want{{report.Conducted, report.Asserted, "US", "al-shabaab", "SO", 4, -1, report.SourceStatement, 0}}, nil},
		{"discussed with people familiar", "U.S. officials have discussed carrying out strikes inside Venezuela, according to two people familiar with the discussions.",
			[]want{{report.Discussed, report.Hedged, "US", "", "VE", -1, -2, report.SourceAnonymousOfficial, 2}}, []report.Stage{report.Conducted}},
		{"options but no sign-off", "The Pentagon has drawn up options for military strikes against cartels, though the president has not signed off on any of them.",
			[]want{{report.Discussed, report.Asserted, "US", "", "", -1, -2, "", 0}, {report.Authorized, report.Negated, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted, report.Authorized}},
		{"strikes at sea", "The United States has conducted at least four strikes against alleged drug boats in the Caribbean since September, killing 21 people.",
			[]want{{report.Conducted, report.Asserted, "US", "", "", 21, -2, "", 0}}, nil},
		{"aborted", "A planned airstrike on the compound was aborted at the last minute because children were present.",
			[]want{{report.CalledOff, report.Asserted, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"retaliation threat", "The ministry threatened to retaliate with strikes if the attacks continued.",
			[]want{{report.Threatened, report.Asserted, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"will strike", "Israel has said it will strike Iran's nuclear facilities if necessary.",
			[]want{{report.Threatened, report.Asserted, "IL", "", "IR", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"reportedly weighing", "Officials are reportedly weighing a strike on the group's leaders.",
			[]want{{report.Discussed, report.Hedged, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"dateline is not the place", "KYIV (Reuters) - Russian drones struck the port of Odesa overnight, killing two people, the regional governor said.",
			[]want{{report.Conducted, report.Asserted, "RU", "", "UA", 2, -2, report.SourceAnonymousOfficial, 0}}, nil},
		{"expected to approve", "The president is expected to approve the strikes later this week, according to a senior administration official.",
			[]want{{report.Authorized, report.Hedged, "", "", "", -1, -2, report.SourceAnonymousOfficial, 1}}, []report.Stage{report.Conducted}},
		{"retaliation for a past strike", "Iran vowed to retaliate for the strike.",
			[]want{{report.Conducted, report.Asserted, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Threatened}},
		{"approved not carried out", "The strike was approved by the defense minister last week, but it has not yet been carried out.",
			[]want{{report.Authorized, report.Asserted, "", "", "", -1, -2, "", 0}, {report.Conducted, report.Negated, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"headline present: state strikes", "US strikes Houthi targets in Yemen after attacks on shipping",
			[]want{{report.Conducted, report.Asserted, "US", "houthis", "YE", -1, -2, "", 0}}, nil},
		{"headline present: noun after a demonym", "Israeli strikes on Gaza continue for a third day",
			[]want{{report.Conducted, report.Asserted, "IL", "", "", -1, -2, "", 0}}, nil},
		{"headline present: strikes a deal", "The US strikes a deal with Iran over prisoners", nil, []report.Stage{report.Conducted}},
		{"headline present: bombs", "Israel bombs Gaza as ceasefire talks stall",
			[]want{{report.Conducted, report.Asserted, "IL", "", "", -1, -2, "", 0}}, nil},
		{"headline present: modal", "Israel will strike Iran if it attacks, the minister said",
			[]want{{report.Threatened, report.Asserted, "IL", "", "IR", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"no airstrikes", "There were no airstrikes overnight, the monitoring group said.",
			[]want{{report.Conducted, report.Negated, "", "", "", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"reviewing reports", "The Israeli military said it was reviewing reports of a strike in Rafah that killed 12 people.",
			[]want{{report.Conducted, report.Asserted, "", "", "PS", 12, -2, "", 0}}, []report.Stage{report.Discussed}},
		{"appositive spokesman", "A spokesman for the Pentagon, Col. John Smith, said the strike killed two militants.",
			[]want{{report.Conducted, report.Asserted, "", "", "", 2, -2, report.SourceNamedOfficial, 1}}, nil},
		{"title before name", "Defense Secretary Pete Hegseth said on X that the strike killed 11 narco-terrorists.",
			[]want{{report.Conducted, report.Asserted, "", "", "", 11, -2, report.SourceNamedOfficial, 0}}, nil},
		{"contested claim", "The Taliban said a U.S. drone strike killed 15 civilians, a claim the military denied.",
			[]want{{report.Conducted, report.Hedged, "US", "", "", 15, 15, "", 0}, {report.Denied, report.Asserted, "", "", "", -1, -2, "", 0}}, nil},
		{"may have carried out", "The U.S. may have carried out the strike, analysts said.",
			[]want{{report.Conducted, report.Hedged, "US", "", "", -1, -2, "", 0}}, nil},
		{"its jets", "Kenya's military said its jets had bombed al-Shabaab camps in Gedo, killing more than 50 militants.",
			[]want{{report.Conducted, report.Asserted, "KE", "al-shabaab", "SO", 50, -2, report.SourceOrganization, 0}}, nil},
		{"halted bombing campaign", "Saudi Arabia halted its bombing campaign in Yemen last month.",
			[]want{{report.CalledOff, report.Asserted, "SA", "", "YE", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"capital as subject", "Washington is weighing strikes on cartel targets inside Mexico, officials said.",
			[]want{{report.Discussed, report.Asserted, "", "", "MX", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"labour strike", "Dock workers went on strike on Monday over pay, the union said.", nil, []report.Stage{report.Conducted, report.Discussed}},
		{"capital as a party that did not confirm", "A U.S. drone strike killed a militant commander in northwest Pakistan, local officials say, but Washington did not confirm it.",
			[]want{{report.Conducted, report.Asserted, "US", "", "PK", 1, -2, report.SourceAnonymousOfficial, 0}}, nil},
		{"capital as the one asked", "Riyadh asked Washington not to use its bases for strikes on Iran.",
			[]want{{report.Discussed, report.Asserted, "", "", "IR", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"target country by its adjective", "South Korea's defence minister refused to rule out air strikes on North Korean missile launch sites.",
			[]want{{report.Discussed, report.Asserted, "", "", "KP", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"struck an Armenian airport", "BAKU — Azerbaijan's defence ministry said its drones struck an Armenian airport on Monday.",
			[]want{{report.Conducted, report.Asserted, "AZ", "", "AM", -1, -2, "", 0}}, nil},
		{"truce brokered by a capital", "Ukraine has put on hold its drone strikes on Russian oil refineries under a truce brokered by Washington, President Volodymyr Zelensky said.",
			[]want{{report.CalledOff, report.Asserted, "UA", "", "RU", -1, -2, report.SourceNamedOfficial, 0}}, []report.Stage{report.Conducted}},
		{"residents of a village say", "Residents of a village in Somalia's Gedo region said a jet bombed a water point on Saturday, killing seven herders.",
			[]want{{report.Conducted, report.Asserted, "", "", "SO", 7, -2, report.SourceWitness, 0}}, nil},
		{"place after a place is no speaker", "Un ataque con dron mató a cinco presuntos sicarios en Aguililla, Michoacán, informó la Fiscalía estatal.",
			[]want{{report.Conducted, report.Asserted, "", "", "MX", 5, -2, report.SourceOrganization, 0}}, nil},
		{"a third state's warning by participle", "A U.S. State Department spokesperson urged all sides to exercise restraint, warning that Turkish strikes on Kurdish-run prisons could allow thousands of detainees to escape.",
			[]want{{report.Discussed, report.Hypothetical, "TR", "", "", -1, -2, "", 0}}, []report.Stage{report.Threatened, report.Conducted, report.Proposed}},
		{"a passive target city", "Kharkiv was struck by Russian missiles overnight, killing three people.",
			[]want{{report.Conducted, report.Asserted, "RU", "", "UA", 3, -2, "", 0}}, nil},
		{"a capital acting in a condition", "The militia warned it would resume drone attacks on U.S. bases in Iraq if Washington joined the war.",
			[]want{{report.Threatened, report.Asserted, "", "", "IQ", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"where a truce was signed", "The M23 accused the army of bombing civilians in Goma and of violating a ceasefire signed in Doha in July.",
			[]want{{report.Conducted, report.Hedged, "", "", "CD", -1, -2, "", 0}}, nil},
		{"the striker's own would", "Israel's defence minister said on Wednesday night that Israeli jets would strike Sanaa again.",
			[]want{{report.Threatened, report.Asserted, "IL", "", "YE", -1, -2, "", 0}}, []report.Stage{report.Conducted}},
		{"another state's would", "Iran's foreign minister said that Israeli jets would strike Tehran if talks failed.",
			[]want{{report.Discussed, report.Hypothetical, "IL", "", "IR", -1, -2, "", 0}}, []report.Stage{report.Conducted, report.Threatened}},
		{"accusation", "Ukraine accused Russia of bombing a hospital in Kharkiv, killing four patients.",
			[]want{{report.Conducted, report.Hedged, "RU", "", "UA", 4, -2, "", 0}}, nil},
		{"no civilians", "No civilians were killed in the air strike, the military said.",
			[]want{{report.Conducted, report.Asserted, "", "", "", -1, 0, "", 0}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := p.Process(context.Background(), Input{Body: []byte(tc.text), Format: "text", Published: "2024-01-09"})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				var c *report.Claim
				for i := range ex.Claims {
					if ex.Claims[i].Stage == w.stage && ex.Claims[i].Certainty == w.certainty {
						c = &ex.Claims[i]
						break
					}
				}
				if c == nil {
					t.Errorf("%q: claims %s, want %s/%s", tc.text, describe(ex.Claims), w.stage, w.certainty)
					continue
				}
				switch {
				case w.actor1 == "-" && c.Actor1 != nil:
					t.Errorf("actor1 = %s, want none", c.Actor1.Name)
				case w.actor1 != "" && w.actor1 != "-" && (c.Actor1 == nil || c.Actor1.Country != w.actor1):
					t.Errorf("actor1 = %+v, want one of country %s", c.Actor1, w.actor1)
				}
				if w.actor2ID != "" && (c.Actor2 == nil || c.Actor2.ID != w.actor2ID) {
					t.Errorf("actor2 = %+v, want %s", c.Actor2, w.actor2ID)
				}
				if w.country != "" && (c.Location == nil || c.Location.Country != w.country) {
					t.Errorf("location = %+v, want in %s", c.Location, w.country)
				}
				if got := val(c.Fatalities.Min); got != w.killed {
					t.Errorf("killed min = %d, want %d", got, w.killed)
				}
				if w.civilians != -2 && val(c.Fatalities.CiviliansMin) != w.civilians {
					t.Errorf("civilians min = %d, want %d", val(c.Fatalities.CiviliansMin), w.civilians)
				}
				if w.source != "" {
					ok := false
					for _, s := range c.Sources {
						ok = ok || s.Kind == w.source && (w.srcCount == 0 || s.Count != nil && *s.Count == w.srcCount)
					}
					if !ok {
						t.Errorf("sources %+v, want a %s (count %d)", c.Sources, w.source, w.srcCount)
					}
				}
			}
			for _, st := range tc.notStages {
				for _, c := range ex.Claims {
					if c.Stage == st && (c.Certainty == report.Asserted || c.Certainty == report.Hedged) {
						t.Errorf("%q: got a credible %s claim: %s", tc.text, st, describe(ex.Claims))
					}
				}
			}
		})
	}
}

func val(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func describe(cs []report.Claim) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s %s/%s", c.Action, c.Stage, c.Certainty))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
