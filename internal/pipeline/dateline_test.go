package pipeline

import (
	"context"
	"testing"
)

// TestDatelineRegions: the same abbreviation names a Mexican state in the
// Mexican press and a US state in English wire copy.
func TestDatelineRegions(t *testing.T) {
	p := newPipeline(t)
	tests := []struct {
		name, text, country, admin1 string
	}{
		{"spanish Mich.", "APATZINGÁN, Mich.— Un ataque con drones dejó dos muertos anoche, informó la Fiscalía del Estado.", "MX", "Michoacán"},
		{"spanish Sin.", "CULIACÁN, Sin.— Seis presuntos sicarios fueron abatidos anoche.", "MX", "Sinaloa"},
		{"english Mich.", "LANSING, Mich. (AP) — Police arrested two men after a shooting on Sunday.", "US", "Michigan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := p.Process(context.Background(), Input{Body: []byte(tc.text), Format: "text"})
			if err != nil {
				t.Fatal(err)
			}
			dl := ex.Report.Dateline
			if dl == nil || dl.Location == nil {
				t.Fatalf("dateline = %+v, want one resolved in %s", dl, tc.country)
			}
			if dl.Location.Country != tc.country || dl.Location.Admin1 == nil || *dl.Location.Admin1 != tc.admin1 {
				t.Errorf("dateline place = %s %s %v, want in %s, %s", dl.Location.Name, dl.Location.Country, strp(dl.Location.Admin1), tc.admin1, tc.country)
			}
		})
	}
}
