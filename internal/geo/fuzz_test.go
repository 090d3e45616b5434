package geo

import (
	"testing"
)

// FuzzParse checks the recogniser on arbitrary text: no panic, every
// mention's offsets inside the text, on rune boundaries, in order, and its
// Text the bytes they cover.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"A U.S. drone strike killed four people in Yemen's Marib province.",
		"KABUL, Afghanistan — Gen. Jordan said Paris Police Department, W.Va. and St. Louis.",
		"Aguililla, Michoacán; Ma’rib; Sana'a; Ḩudaydah; U.A.E.",
		"\xff\xfe broken utf8 Paris\x00",
		"Mr. Smith-Jones of Dublin, Ga.'s",
		"",
	} {
		f.Add(s, "")
	}
	f.Add("Police in Hyderabad", "KARACHI, Pakistan")
	g := testGazetteer(f)
	f.Fuzz(func(t *testing.T, text, dateline string) {
		ps := g.Parse(text, Options{Dateline: dateline})
		last := 0
		for _, p := range ps {
			if p.Start < last || p.Start >= p.End || p.End > len(text) {
				t.Fatalf("mention %q at %d:%d out of order or range (len %d, last %d)", p.Text, p.Start, p.End, len(text), last)
			}
			if !runeStart(text, p.Start) || !runeStart(text, p.End) {
				t.Fatalf("mention %q at %d:%d not on rune boundaries", p.Text, p.Start, p.End)
			}
			if text[p.Start:p.End] != p.Text {
				t.Fatalf("mention Text %q, offsets give %q", p.Text, text[p.Start:p.End])
			}
			last = p.End
		}
	})
}

// FuzzTokenize checks the tokenizer's offsets on arbitrary text.
func FuzzTokenize(f *testing.F) {
	f.Add("U.S. W.Va. St. Louis Yemen's Sana'a")
	f.Add("\xc3")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, tk := range tokenize(text) {
			if tk.start < last || tk.start >= tk.end || tk.end > len(text) || !runeStart(text, tk.start) || !runeStart(text, tk.end) {
				t.Fatalf("token %d:%d bad (len %d, last %d)", tk.start, tk.end, len(text), last)
			}
			last = tk.end
		}
	})
}

// runeStart reports whether i is where a rune starts when s is decoded
// from the beginning (an invalid byte is a rune of its own), or len(s).
func runeStart(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j == i {
			return true
		}
		if j > i {
			break
		}
	}
	return false
}
