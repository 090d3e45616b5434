package lang

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/segment"
)

// firstSentences returns the first sentence (after any dateline dash) of
// every report of a JSON Lines set.
func firstSentences(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, firstSentence(d.Text))
	}
	return out
}

func firstSentence(text string) string {
	ss := segment.Sentences(text)
	if len(ss) == 0 {
		return text
	}
	return text[ss[0].Start:ss[0].End]
}

func corpusFirstSentences(t *testing.T, rel string) []string {
	t.Helper()
	docs, err := corpus.Load(rel)
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("skipped: %s not available: %v", rel, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		out = append(out, firstSentence(d.Text))
	}
	return out
}

// TestAccuracyShort measures detection on single sentences: the first
// sentence of every report of the Spanish set and its English twin, and of
// the English dev sets.
func TestAccuracyShort(t *testing.T) {
	sets := []struct {
		name, want string
		texts      func(t *testing.T) []string
	}{
		{"spanish set", "es", func(t *testing.T) []string { return firstSentences(t, "../../testdata/es/spanish.jsonl") }},
		{"english twins", "en", func(t *testing.T) []string { return firstSentences(t, "../../testdata/es/english.jsonl") }},
		{"isaf", "en", func(t *testing.T) []string { return corpusFirstSentences(t, "corpus/isaf/dev.jsonl") }},
		{"tbij", "en", func(t *testing.T) []string { return corpusFirstSentences(t, "corpus/tbij/dev.jsonl") }},
		{"case2021", "en", func(t *testing.T) []string { return corpusFirstSentences(t, "corpus/case2021/dev.jsonl") }},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			// The loader gets the subtest's t, so a missing corpus skips this
			// subtest only.
			texts := set.texts(t)
			wrong := 0
			for _, s := range texts {
				if got := Detect(s); got != set.want {
					wrong++
					t.Logf("Detect(%q) = %s", s, got)
				}
			}
			acc := 1 - float64(wrong)/float64(len(texts))
			t.Logf("%s: %d sentences, accuracy %.3f", set.name, len(texts), acc)
			if acc < 0.97 {
				t.Errorf("%s: accuracy %.3f on first sentences, want ≥ 0.97", set.name, acc)
			}
		})
	}
}

// TestHeadlines: headlines are the hardest short texts — few function words.
func TestHeadlines(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Abaten a seis sicarios en Culiacán", "es"},
		{"Atacan con drones a policías en Michoacán", "es"},
		{"Sheinbaum rechaza injerencia de EU", "es"},
		{"Explota mina terrestre en Tepalcatepec; mueren dos jornaleros", "es"},
		{"Descarta Pentágono ataques con drones en México", "es"},
		{"Detienen a 12 presuntos integrantes del CJNG", "es"},
		{"Balacera en Salamanca deja 11 muertos", "es"},
		{"Marchan cientos en Culiacán contra la violencia", "es"},
		{"Niega Semar bombardeo en la sierra de Guerrero", "es"},
		{"EU analiza atacar cárteles con drones: NBC", "es"},
		{"US weighs drone strikes on Mexican cartels", "en"},
		{"Six gunmen killed in Culiacán clash", "en"},
		{"Pentagon rules out drone strikes in Mexico", "en"},
		{"Drone attack kills two in Michoacán village", "en"},
		{"Navy denies air strike in Guerrero mountains", "en"},
		{"Sheinbaum rejects US military action on Mexican soil", "en"},
		{"Cartel drones wound five police officers in Apatzingán", "en"},
		{"Hundreds march in Culiacán against violence", "en"},
		{"Colombia suspends bombing of armed group camps", "en"},
		{"Trump threatens strikes on cartels", "en"},
	}
	wrong := 0
	for _, tc := range tests {
		if got := Detect(tc.text); got != tc.want {
			wrong++
			t.Errorf("Detect(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
	t.Logf("headlines: %d of %d right", len(tests)-wrong, len(tests))
}
