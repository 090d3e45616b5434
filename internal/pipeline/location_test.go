package pipeline

import (
	"context"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

// TestClaimLocation: where the action happened, not where its parties or
// speakers are.
func TestClaimLocation(t *testing.T) {
	p := newPipeline(t)
	tests := []struct {
		name, text, country string
	}{
		{"country after inside", "Pakistan threatened to hit militant hideouts inside Afghanistan with air strikes.", "AF"},
		{"town, speaker elsewhere", "Turkish jets struck PKK positions near Zakho, the defence ministry told reporters in Ankara.", "IQ"},
		{"domestic armed group", "El Gobierno colombiano congelaría los bombardeos contra el Clan del Golfo si la organización entrega a los menores, afirmó el ministro de Defensa.", "CO"},
		{"target country after on", "Pakistan threatened air strikes on militant hideouts inside Afghanistan.", "AF"},
		{"the border is a line, not the place", "DAPAONG, Togo — An army drone struck a camp of herders in Kpendjal prefecture, close to the Burkina Faso border, on Monday, killing seven men.", "TG"},
		{"a border town is on its side", "A depot near the Syrian border town of Albu Kamal was hit by an air strike on Monday night, a war monitor said.", "SY"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := p.Process(context.Background(), Input{Body: []byte(tc.text), Format: "text"})
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.Claims) == 0 {
				t.Fatalf("no claim from %q", tc.text)
			}
			c := ex.Claims[0]
			if c.Location == nil || c.Location.Country != tc.country {
				t.Errorf("%q: location = %+v, want in %s", tc.text, c.Location, tc.country)
			}
		})
	}
}

// TestLeadStage: stages that need the whole pipeline — actors, the
// dateline — to read right.
func TestLeadStage(t *testing.T) {
	p := newPipeline(t)
	for _, tc := range []struct {
		name, text string
		stage      report.Stage
		certainty  report.Certainty
	}{
		// A strike told in the future on a condition, by an officer of the
		// side that would carry it out named after the words, is a threat.
		{"trailing speaker of the striker's side", "JERUSALEM — The port of Latakia \"will be next in line for the air force\" if the militia goes on moving rockets through it, the head of the Israeli military's Northern Command, Maj. Gen. Avi Dror, told reporters on Thursday.", report.Threatened, report.Asserted},
		// So does the striker's own spokesman's "warned" after the words.
		{"trailing warning", "SANAA, Yemen — The Houthis will send drones against Saudi oil terminals on the Red Sea coast if the blockade of the port is not lifted within a week, Brig. Hamoud al-Qirshi, spokesman of the Houthi forces, warned on Monday.", report.Threatened, report.Asserted},
		// The asset told in the future, the bombing only its condition.
		{"the drones of X will … unless", "NAIROBI — The drones of Sudan's Rapid Support Forces will \"pay a visit\" to Merowe's airport \"as often as they please\" unless the army stops bombing El Daein, an RSF field commander, Abdelmoneim Haggar, said on Tuesday.", report.Threatened, report.Asserted},
		// A military body of no named state speaks for the one state force
		// the sentence names.
		{"the general staff of the striker's side", "BAMAKO — Mali's armed forces will turn their drones on any rebel column that ventures towards Kidal, the general staff declared on Tuesday.", report.Threatened, report.Asserted},
		// "should" before a subject is an inverted condition on the move before it.
		{"an inverted should after the move", "ABUJA — Governors of Nigeria's northwestern states have urged Abuja to unleash its warplanes on bandit enclaves in Rugu forest should the gang leaders spurn an amnesty offer, said a communique.", report.Proposed, report.Hypothetical},
		// A state's abbreviation in a dateline ("CULIACÁN, Sin.—") is no
		// Spanish "sin" (without) negating the lede.
		{"dateline abbreviation is no negation", "CULIACÁN, Sin.— La Sedena negó el jueves que el Ejército haya usado drones para atacar una vivienda en Tamazula, como denunciaron pobladores.", report.Denied, report.Asserted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := p.Process(context.Background(), Input{Body: []byte(tc.text), Format: "text"})
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.Claims) == 0 || ex.Claims[0].Stage != tc.stage || ex.Claims[0].Certainty != tc.certainty {
				t.Fatalf("claims = %+v, want %s/%s", ex.Claims, tc.stage, tc.certainty)
			}
		})
	}
}

// TestDatelineNoToll: the day in a wire dateline ("29 sep") is no count of
// the dead, and the dateline city is no event place.
func TestDatelineNoToll(t *testing.T) {
	p := newPipeline(t)
	text := "BOGOTÁ, 29 sep (EFE).- Un soldado profesional murió y otros siete resultaron heridos en un ataque con drones contra la base militar de Micoahumado, en el sur del departamento de Bolívar, informó el Ejército."
	ex, err := p.Process(context.Background(), Input{Body: []byte(text), Format: "text"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Claims) == 0 {
		t.Fatal("no claim")
	}
	c := ex.Claims[0]
	if c.Fatalities.Min == nil || *c.Fatalities.Min != 1 {
		t.Errorf("killed = %v, want 1", c.Fatalities.Min)
	}
	if c.Location != nil && c.Location.Name == "Bogotá" {
		t.Errorf("location = the dateline's Bogotá")
	}
}

// TestHeadlineJoinsStory: a title line names the best-known place for the
// district its story gives; its claim is the story's, not a second event
// left without the story's date.
func TestHeadlineJoinsStory(t *testing.T) {
	p := newPipeline(t)
	text := "Kidnapper Detained in Kabul Province\n\nKABUL, Afghanistan (Dec. 16, 2010) – A joint patrol detained a suspected kidnapper in Paghman district, Kabul province, yesterday. The patrol found a pistol at the scene."
	ex, err := p.Process(context.Background(), Input{Body: []byte(text), Format: "text"})
	if err != nil {
		t.Fatal(err)
	}
	var arrests []report.Claim
	for _, c := range ex.Claims {
		if c.SubEventType == "Arrests" {
			arrests = append(arrests, c)
		}
	}
	if len(arrests) != 1 {
		t.Fatalf("%d arrest claims, want the headline's and the lede's as one: %+v", len(arrests), arrests)
	}
	if d := arrests[0].Date.Start; d == nil || *d != "2010-12-15" {
		t.Errorf("date = %v, want 2010-12-15", d)
	}
}
