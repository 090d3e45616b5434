package segment

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "One strike hit. Two died.", []string{"One strike hit.", "Two died."}},
		{"us mid sentence", "U.S. officials said the U.S. military struck.", []string{"U.S. officials said the U.S. military struck."}},
		{"us at end", "The drones belong to the U.S. The strike was in Yemen.", []string{"The drones belong to the U.S.", "The strike was in Yemen."}},
		{"titles", "Gen. David Smith and Lt. Col. Ana Ruiz spoke. They agreed.", []string{"Gen. David Smith and Lt. Col. Ana Ruiz spoke.", "They agreed."}},
		{"month abbrev", "KABUL, Afghanistan (Jan. 25, 2013) A force struck.", []string{"KABUL, Afghanistan (Jan. 25, 2013) A force struck."}},
		{"number abbrev", "Route No. 3 was closed. Police left.", []string{"Route No. 3 was closed.", "Police left."}},
		{"newline", "Headline\nFirst line. Second line.", []string{"Headline", "First line.", "Second line."}},
		{"quote close", `He said "we struck." Then he left.`, []string{`He said "we struck."`, "Then he left."}},
		{"decimal", "It cost 1.5 million dollars. Fine.", []string{"It cost 1.5 million dollars.", "Fine."}},
		{"question", "Was it a drone? Nobody knows!", []string{"Was it a drone?", "Nobody knows!"}},
		{"spanish", "El Sr. López habló. Dijo que no.", []string{"El Sr. López habló.", "Dijo que no."}},
		{"a platform's letter ends a sentence", "He said so in a post on X. Three officials agreed.", []string{"He said so in a post on X.", "Three officials agreed."}},
		{"a middle initial does not", "John F. Kennedy spoke. Then he left.", []string{"John F. Kennedy spoke.", "Then he left."}},
		{"empty", "", nil},
		{"spaces only", "  \n  ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(tc.text)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"initialism", "U.S. drones", []string{"U.S.", "drones"}},
		{"possessive", "Mexico’s cooperation", []string{"Mexico’s", "cooperation"}},
		{"numbers", "killed 2,000 people, 1.5 km", []string{"killed", "2,000", "people", ",", "1.5", "km"}},
		{"hyphen", "al-Shabaab's F-16", []string{"al-Shabaab's", "F-16"}},
		{"comma list", "military, law", []string{"military", ",", "law"}},
		{"dash", "action—conducting", []string{"action", "—", "conducting"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tk := range Tokens(tc.text, 0, len(tc.text)) {
				if tc.text[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %q does not match its offsets", tk.Text)
				}
				got = append(got, tk.Text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"U.S. officials said. The end", "a\nb. c! d?", "Gen. X. Y", "\xff\xfe. A", "…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad sentence span %v (prev end %d, len %d)", s, prev, len(text))
			}
			if utf8.ValidString(text) && (!utf8.ValidString(text[s.Start:s.End])) {
				t.Fatalf("span %v splits a rune", s)
			}
			prev = s.End
			for _, tk := range Tokens(text, s.Start, s.End) {
				if tk.Start < s.Start || tk.End > s.End || tk.End <= tk.Start {
					t.Fatalf("token %v outside sentence %v", tk, s)
				}
			}
		}
	})
}

func BenchmarkSentencesAndTokens(b *testing.B) {
	text := "President Donald Trump’s administration is discussing the possibility of targeting Mexican drug cartels with drone strikes, according to six current and former U.S. officials. Gen. Smith said no decision had been made.\n"
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		for _, s := range Sentences(text) {
			_ = Tokens(text, s.Start, s.End)
		}
	}
}
