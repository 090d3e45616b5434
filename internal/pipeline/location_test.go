package pipeline

import (
	"context"
	"testing"
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
		{"target country after on", "Pakistan threatened air strikes on militant hideouts inside Afghanistan.", "AF"},
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
