package dedup

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/corpus"
)

// article is a made-up wire story used to build copies.
const article = `WASHINGTON (AP) — The Pentagon said on Tuesday that a U.S. drone strike in northern Syria killed a senior leader of an armed group and two of his aides, the third such strike this month.

By Jane Doe

A defense official, speaking on condition of anonymity because the operation had not been announced, said the strike hit a vehicle travelling on a road outside the town shortly after dawn. Local residents said they heard two explosions.

The group did not comment. Human-rights monitors said they were checking reports that a passer-by had been wounded. The Pentagon said it was not aware of any civilian casualties and would review the reports.

The strike follows a warning last week from the defense secretary that the United States would act against those who attack its forces in the region.`

// recopy rewrites a story the way a syndicating outlet does: a new header
// line, another byline, the wire tag moved to the end, typographic quotes
// and dashes changed.
func recopy(text string) string {
	t := strings.Replace(text, "(AP) — ", "— ", 1)
	t = strings.Replace(t, "By Jane Doe", "By John Roe and Jane Doe, Associated Press", 1)
	t = strings.ReplaceAll(t, "—", "-")
	t = strings.ReplaceAll(t, "'", "’")
	return "Daily Courier | World News | Updated 5 min ago\n\n" + t + "\n\nCopyright 2025 The Associated Press. All rights reserved."
}

func TestIsCopy(t *testing.T) {
	other := `KABUL, Afghanistan - An Afghan and coalition security force detained two suspected insurgents during an operation in Nad-e Ali district, Helmand province, yesterday. The force found a cache of weapons and explosives at the compound and destroyed it. No civilians were harmed.`
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", article, article, true},
		{"re-headed re-bylined copy", article, recopy(article), true},
		{"case and white space", article, strings.ToUpper(strings.ReplaceAll(article, " ", "  \t")), true},
		{"truncated feed copy", article, article[:len(article)*2/3], true},
		{"different story", article, other, false},
		{"empty vs story", "", article, false},
		{"both empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Sign(tt.a), Sign(tt.b)
			if got := IsCopy(a, b); got != tt.want {
				t.Errorf("IsCopy = %v (similarity %.2f, containment %.2f), want %v", got, Similarity(a, b), Containment(a, b), tt.want)
			}
			if IsCopy(a, b) != IsCopy(b, a) {
				t.Errorf("IsCopy is not symmetric")
			}
		})
	}
}

func TestSignIgnoresWireTagAndByline(t *testing.T) {
	a := Sign("BEIRUT (Reuters) - An air strike hit a market in the town on Monday, killing five people, residents said.\nBy Ann Smith\n")
	b := Sign("BEIRUT - An air strike hit a market in the town on Monday, killing five people, residents said.\n")
	if got := Similarity(a, b); got != 1 {
		t.Errorf("similarity = %.2f, want 1 (the tag and byline are not content)", got)
	}
	if a.Wire != "Reuters" || b.Wire != "" {
		t.Errorf("wire = %q, %q; want Reuters, empty", a.Wire, b.Wire)
	}
}

func TestWireTag(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"AP dateline", "WASHINGTON (AP) — Officials said...", "AP"},
		{"Reuters dateline hyphen", "KABUL (Reuters) - A strike...", "Reuters"},
		{"AFP dash end", "A strike killed four.\n— AFP", "AFP"},
		{"Reuters dash start", "Reuters - The army said on Monday it had struck...", "Reuters"},
		{"byline agency", "By Jane Doe, Associated Press\nThe army said...", "AP"},
		{"agency own line", "The army said...\n\nAssociated Press\n", "AP"},
		{"copyright", "The army said...\nCopyright 2025 The Associated Press. All rights reserved.", "AP"},
		{"copyright sign", "The army said...\n© 2025 Thomson Reuters", "Reuters"},
		{"EFE spanish", "CIUDAD DE MÉXICO (EFE).- El gobierno dijo...", "EFE"},
		{"cited not credited", "The army told Reuters on Monday that it had struck a convoy.", ""},
		{"AP inside word", "CAPTION: an APC was hit; the map shows the gap.", ""},
		{"no tag", "An air strike hit the town.", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WireTag(tt.text); got != tt.want {
				t.Errorf("WireTag(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWireTagWindow(t *testing.T) {
	filler := strings.Repeat("The army said the strike hit a convoy. ", 40)
	tests := []struct {
		name, text, want string
	}{
		{"tag at start of long text", "KABUL (Reuters) - " + filler, "Reuters"},
		{"tag at end of long text", filler + "\n(AFP)", "AFP"},
		{"tag in the middle is not a credit", filler + "(AP) " + filler, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WireTag(tt.text); got != tt.want {
				t.Errorf("WireTag = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, text := range []string{"", "one", article} {
		s := Sign(text)
		b, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got Signature
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("unmarshal: %v", err)
		}
		if got.SimHash != s.SimHash || got.Shingles != s.Shingles || got.Wire != s.Wire || !slices.Equal(got.MinHash, s.MinHash) {
			t.Errorf("round trip of %.20q: got %+v, want %+v", text, got, s)
		}
	}
}

func TestUnmarshalRejects(t *testing.T) {
	good, _ := Sign(article).MarshalBinary()
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"short", good[:5]},
		{"truncated", good[:len(good)-3]},
		{"trailing", append(slices.Clone(good), 0)},
		{"bad version", append([]byte{9}, good[1:]...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Signature
			if err := s.UnmarshalBinary(tt.b); err == nil {
				t.Errorf("UnmarshalBinary accepted %d bytes", len(tt.b))
			}
		})
	}
}

func TestBands(t *testing.T) {
	a, b := Sign(article), Sign(recopy(article))
	ba, bb := Bands(a), Bands(b)
	if len(ba) != K/BandRows {
		t.Fatalf("got %d bands, want %d", len(ba), K/BandRows)
	}
	shared := 0
	for i := range ba {
		if ba[i] == bb[i] {
			shared++
		}
	}
	if shared == 0 {
		t.Errorf("a copy shares no band with its original: the store would never compare them")
	}
	if Bands(Sign("")) != nil {
		t.Errorf("bands of an empty text: want nil")
	}
	// Band keys carry the band number: equal values in different bands must not collide.
	s := Signature{MinHash: make([]uint32, K)}
	if keys := Bands(s); keys[0] == keys[1] {
		t.Errorf("bands 0 and 1 of a constant signature share a key")
	}
}

func loadSet(t testing.TB, rel string) []corpus.Doc {
	t.Helper()
	docs, err := corpus.Load(rel)
	if errors.Is(err, corpus.ErrNotFound) {
		t.Skipf("skipping: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestISAFSeparation measures how far apart different ISAF press releases
// (one press office, shared boilerplate) are, and that each release's
// syndicated copy is recognised.
func TestISAFSeparation(t *testing.T) {
	docs := loadSet(t, "corpus/isaf/dev.jsonl")
	sigs := make([]Signature, len(docs))
	for i, d := range docs {
		sigs[i] = Sign(d.Text)
	}
	var sims []float64
	copies := 0
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if docs[i].Text == docs[j].Text {
				continue
			}
			sims = append(sims, Similarity(sigs[i], sigs[j]))
			if IsCopy(sigs[i], sigs[j]) {
				copies++
				t.Logf("different releases called copies: %s %s (%.2f)", docs[i].ID, docs[j].ID, Similarity(sigs[i], sigs[j]))
			}
		}
	}
	sort.Float64s(sims)
	q := func(p float64) float64 { return sims[int(p*float64(len(sims)-1))] }
	t.Logf("ISAF: %d pairs of different releases: median %.3f, p99 %.3f, p99.99 %.3f, max %.3f; called copies: %d",
		len(sims), q(0.5), q(0.99), q(0.9999), sims[len(sims)-1], copies)
	if rate := float64(copies) / float64(len(sims)); rate > 0.001 {
		t.Errorf("%.4f%% of different releases called copies, want at most 0.1%%", 100*rate)
	}
	var worst = 1.0
	missed := 0
	for i, d := range docs {
		c := Sign(recopy(d.Text))
		s := Similarity(sigs[i], c)
		worst = min(worst, s)
		if !IsCopy(sigs[i], c) {
			missed++
			t.Logf("copy of %s missed (similarity %.2f, containment %.2f, %d shingles)", d.ID, s, Containment(sigs[i], c), sigs[i].Shingles)
		}
	}
	t.Logf("ISAF: %d syndicated copies: lowest similarity %.3f, missed %d", len(docs), worst, missed)
	if float64(missed) > 0.01*float64(len(docs)) {
		t.Errorf("missed %d of %d copies, want at most 1%%", missed, len(docs))
	}
}

// TestTBIJIndependentWriteUps checks that the two independent write-ups of
// one strike (TBIJ text and summary) are not taken for copies.
func TestTBIJIndependentWriteUps(t *testing.T) {
	docs := loadSet(t, "corpus/tbij/dev.jsonl")
	n, copies := 0, 0
	var maxSim float64
	for _, d := range docs {
		if d.Summary == "" || d.Summary == d.Text {
			continue
		}
		n++
		a, b := Sign(d.Text), Sign(d.Summary)
		maxSim = max(maxSim, Similarity(a, b))
		if IsCopy(a, b) {
			copies++
			t.Logf("%s: text and summary called copies (%.2f):\n%s\n%s", d.ID, Similarity(a, b), d.Text, d.Summary)
		}
	}
	t.Logf("TBIJ: %d text/summary pairs, max similarity %.3f, called copies %d", n, maxSim, copies)
	if float64(copies) > 0.02*float64(n) {
		t.Errorf("%d of %d independent write-ups called copies, want at most 2%%", copies, n)
	}
}

func FuzzSign(f *testing.F) {
	f.Add(article)
	f.Add("")
	f.Add("(AP)")
	f.Add("By X\n(Reuters")
	f.Add("\xff\xfe é e\u0301 don't")
	f.Fuzz(func(t *testing.T, text string) {
		s := Sign(text)
		if len(s.MinHash) != 0 && len(s.MinHash) != K {
			t.Fatalf("got %d minhashes", len(s.MinHash))
		}
		if (s.Shingles == 0) != (len(s.MinHash) == 0) {
			t.Fatalf("shingles %d with %d minhashes", s.Shingles, len(s.MinHash))
		}
		if s.Shingles > 0 && Similarity(s, s) != 1 {
			t.Fatalf("self-similarity %.2f", Similarity(s, s))
		}
		b, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Signature
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(back.MinHash, s.MinHash) || back.Wire != s.Wire {
			t.Fatalf("round trip differs")
		}
	})
}

func FuzzUnmarshalBinary(f *testing.F) {
	good, _ := Sign(article).MarshalBinary()
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		var s Signature
		if err := s.UnmarshalBinary(b); err != nil {
			return
		}
		out, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var again Signature
		if err := again.UnmarshalBinary(out); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
	})
}

func BenchmarkSign(b *testing.B) {
	for _, size := range []int{1, 10} {
		text := strings.Repeat(article+"\n\n", size)
		b.Run(fmt.Sprintf("%dKB", len(text)/1024), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Sign(text)
			}
		})
	}
}

func BenchmarkIsCopy(b *testing.B) {
	x, y := Sign(article), Sign(recopy(article))
	for b.Loop() {
		IsCopy(x, y)
	}
}
