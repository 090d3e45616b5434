package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "A U.S. drone strike killed two people in the north of the country, officials said.", "en"},
		{"spanish", "Un ataque con drones dejó dos muertos en el norte del país, según fuentes oficiales.", "es"},
		{"spanish short", "Ayer fueron abatidos seis sicarios en Culiacán por la Guardia Nacional.", "es"},
		{"english short", "Six militants were killed.", "en"},
		{"empty", "", "en"},
		{"numbers only", "12 34 56", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.text); got != tc.want {
				t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
