package lang

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "A U.S. drone strike killed two people in the north of the country, officials said.", "en"},
		{"spanish", "Un ataque con drones dejó dos muertos en el norte del país, según fuentes oficiales.", "es"},
		{"spanish short", "Ayer fueron abatidos seis sicarios en Culiacán por la Guardia Nacional.", "es"},
		{"english short", "Six militants were killed.", "en"},
		{"empty", "", "en"},
		{"numbers only", "12 34 56", "en"},
		{"an Arabic article is no Spanish word", "U.S. aircraft struck a depot near al-Qaim.", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.text); got != tc.want {
				t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "Abaten a seis sicarios en Culiacán", "Six militants were killed.", "\xff\xfe", "ñññ ááá"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Detect(s); got != "en" && got != "es" {
			t.Errorf("Detect(%q) = %q, want en or es", s, got)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	text := "CULIACÁN, Sin.— Seis presuntos sicarios fueron abatidos el pasado domingo durante un enfrentamiento con militares en la sindicatura de Tepuche, informó la Secretaría de la Defensa Nacional. "
	text = strings.Repeat(text, 8)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text)
	}
}
