package numbers

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/corpus"
)

// q is a compact expected quantity: text, min, max and flags.
type q struct {
	text     string
	min, max int
	flags    string // any of "v" (vague), "a" (approx), "u" (up to)
}

func (x q) String() string { return fmt.Sprintf("%q[%d,%d]%s", x.text, x.min, x.max, x.flags) }

func summarize(qs []Quantity) []q {
	var out []q
	for _, x := range qs {
		f := ""
		if x.Vague {
			f += "v"
		}
		if x.Approx {
			f += "a"
		}
		if x.UpTo {
			f += "u"
		}
		out = append(out, q{x.Text, x.Min, x.Max, f})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []q
	}{
		{"figure", "A US drone killed 4 people.", []q{{"4", 4, 4, ""}}},
		{"thousands separator", "Police arrested 2,000 people.", []q{{"2,000", 2000, 2000, ""}}},
		{"scaled decimal", "some 1.5 million displaced", []q{{"some 1.5 million", 1500000, 1500000, "a"}}},
		{"bare decimal is no count", "a magnitude 5.6 quake", nil},
		{"word", "killing six people", []q{{"six", 6, 6, ""}}},
		{"hyphen compound", "Twenty-one soldiers died", []q{{"Twenty-one", 21, 21, ""}}},
		{"hyphenated name after word", "killed four al-Shabaab fighters", []q{{"four", 4, 4, ""}}},
		{"words with hundred and", "one hundred and twenty houses", []q{{"one hundred and twenty", 120, 120, ""}}},
		{"article phrases", "a dozen homes and a hundred cars", []q{{"a dozen", 12, 12, ""}, {"a hundred", 100, 100, ""}}},
		{"dozen multiplier", "two dozen cities, 3 dozen eggs, half a dozen men", []q{{"two dozen", 24, 24, ""}, {"3 dozen", 36, 36, ""}, {"half a dozen", 6, 6, ""}}},
		{"at least", "killing at least 6 people", []q{{"at least 6", 6, -1, ""}}},
		{"more than", "More than 70 people were killed", []q{{"More than 70", 70, -1, ""}}},
		{"over", "leaving over 20 servicemen injured", []q{{"over 20", 20, -1, ""}}},
		{"or more", "10 or more fighters", []q{{"10 or more", 10, -1, ""}}},
		{"up to", "Up to 8 people were killed", []q{{"Up to 8", 1, 8, "u"}}},
		{"as many as", "as many as 40 people", []q{{"as many as 40", 1, 40, "u"}}},
		{"approximate", "about 20 militants, nearly three hours, 12 or so", []q{{"about 20", 20, 20, "a"}, {"nearly three", 1, 3, "u"}, {"12 or so", 12, 12, "a"}}},
		{"between", "killing between 13 and 25 people", []q{{"between 13 and 25", 13, 25, ""}}},
		{"between words", "between six and eight", []q{{"between six and eight", 6, 8, ""}}},
		{"hyphen range", "killing 4-7 people; 20–50 more", []q{{"4-7", 4, 7, ""}, {"20–50", 20, 50, ""}}},
		{"to range", "6 to 8 civilians", []q{{"6 to 8", 6, 8, ""}}},
		{"or range", "12 or 13 people, one or two cars", []q{{"12 or 13", 12, 13, ""}, {"one or two", 1, 2, ""}}},
		{"descending is no range", "the score was 3 to 1", []q{{"3", 3, 3, ""}, {"1", 1, 1, ""}}},
		{"vague", "several insurgents, multiple caches, a few weapons, numerous rounds",
			[]q{{"several", 3, 3, "v"}, {"multiple", 3, 3, "v"}, {"a few", 3, 3, "v"}, {"numerous", 4, 4, "v"}}},
		{"vague plurals", "dozens of rockets, scores of fighters, hundreds of people, thousands fled",
			[]q{{"dozens", 24, 24, "v"}, {"scores", 40, 40, "v"}, {"hundreds", 200, 200, "v"}, {"thousands", 2000, 2000, "v"}}},
		{"couple", "a couple of houses", []q{{"a couple", 2, 2, "v"}}},
		{"vague scaled", "several hundred troops", []q{{"several hundred", 300, 300, "v"}}},
		{"tens of thousands", "tens of thousands displaced", []q{{"tens of thousands", 20000, 20000, "v"}}},
		{"pronoun one", "one of the soldiers; no one was hurt; one by one", nil},
		{"article alone", "a civilian was killed", nil},
		{"year", "In 2013, the force struck. The 2012 raid. Since 1848 it stood.", nil},
		{"year-like count", "killed 2013 people", []q{{"2013", 2013, 2013, ""}}},
		{"bounded year-like", "at least 1950 people", []q{{"at least 1950", 1950, -1, ""}}},
		{"release id", "2013-01-S-025 and 2025-04-08", nil},
		{"glued", "an F-16 and an MQ-9 fired; the 3rd strike; COVID-19; 1990s; 9mm", nil},
		{"times", "at 3 p.m. and at 10:30 and 0300 GMT, at 10pm, three o'clock", nil},
		{"ages", "Chiquita Henry, 19, of Alexandria; aged 40; 19 years old; a 19-year-old; a six-year-old", nil},
		{"days", "on March 7, 2013 and 25 January and Dec. 24: and 8 de abril", nil},
		{"money and shares", "$5 million, 20%, 30 percent, 10 per cent, 5 dollars", nil},
		{"labels", "on County Road 109 and State Highway 360", nil},
		{"sentence start label", "Another 115 citations.", []q{{"115", 115, 115, ""}}},
		{"one as a count", "killing one protester", []q{{"one", 1, 1, ""}}},
		{"zero", "zero casualties", []q{{"zero", 0, 0, ""}}},

		{"es al menos", "al menos seis muertos", []q{{"al menos seis", 6, -1, ""}}},
		{"es más de", "más de 20 heridos", []q{{"más de 20", 20, -1, ""}}},
		{"es entre", "entre 12 y 15 personas", []q{{"entre 12 y 15", 12, 15, ""}}},
		{"es de a", "de 12 a 15 personas", []q{{"de 12 a 15", 12, 15, ""}}},
		{"es words", "veintiún soldados y treinta y dos civiles", []q{{"veintiún", 21, 21, ""}, {"treinta y dos", 32, 32, ""}}},
		{"es words range", "entre doce y quince", []q{{"entre doce y quince", 12, 15, ""}}},
		{"es eleven closes a range", "entre nueve y once muertos", []q{{"entre nueve y once", 9, 11, ""}}},
		{"English once is no number", "once again the jets struck", nil},
		{"a score", "a score of people", []q{{"a score", 20, 20, ""}}},
		{"several dozen", "several dozen fighters", []q{{"several dozen", 36, 36, "v"}}},
		{"es hundreds", "dos mil quinientos soldados, cien mil personas", []q{{"dos mil quinientos", 2500, 2500, ""}, {"cien mil", 100000, 100000, ""}}},
		{"es article phrases", "una docena de casas, un centenar de autos", []q{{"una docena", 12, 12, ""}, {"un centenar", 100, 100, ""}}},
		{"es vague", "decenas de personas, varios policías, miles de desplazados, un par de casas",
			[]q{{"decenas", 24, 24, "v"}, {"varios", 3, 3, "v"}, {"miles", 2000, 2000, "v"}, {"un par", 2, 2, "v"}}},
		{"es approx", "unos 30 hombres, cerca de 40", []q{{"unos 30", 30, 30, "a"}, {"cerca de 40", 40, 40, "a"}}},
		{"es pronoun", "uno de los detenidos; una mujer", nil},
		{"english miles", "two miles east", []q{{"two", 2, 2, ""}}},
		{"english once", "once a week", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(Find(tt.text))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestWord(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"six", 6, true},
		{"Twenty-one", 21, true},
		{"twenty one", 21, true},
		{"a dozen", 12, true},
		{"two dozen", 24, true},
		{"2,000", 2000, true},
		{"1.5 million", 1500000, true},
		{"three hundred thousand", 300000, true},
		{"two million five hundred thousand", 2500000, true},
		{"seis", 6, true},
		{"una docena", 12, true},
		{"veinte", 20, true},
		{"ciento veinte", 120, true},
		{"mil", 1000, true},
		{"zero", 0, true},
		{"several", 0, false},
		{"at least six", 0, false},
		{"6-8", 0, false},
		{"six seven", 0, false},
		{"one twenty", 0, false},
		{"hundred", 0, false},
		{"thousand", 0, false},
		{"1.5", 0, false},
		{"", 0, false},
		{"a", 0, false},
		{"F-16", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Word(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Word(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// checkInvariants fails t when a quantity breaks Find's contract.
func checkInvariants(t *testing.T, text string, qs []Quantity) {
	t.Helper()
	prevEnd := 0
	for _, x := range qs {
		if x.Start < prevEnd || x.Start >= x.End || x.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", x.Start, x.End, prevEnd, text)
		}
		if !onBoundary(text, x.Start) || !onBoundary(text, x.End) {
			t.Fatalf("span [%d,%d) splits a rune in %q", x.Start, x.End, text)
		}
		if x.Text != text[x.Start:x.End] {
			t.Fatalf("Text %q != text[%d:%d] %q", x.Text, x.Start, x.End, text[x.Start:x.End])
		}
		if x.Min < 0 || (x.Max != -1 && x.Max < x.Min) {
			t.Fatalf("bad bounds [%d,%d] for %q", x.Min, x.Max, x.Text)
		}
		prevEnd = x.End
	}
}

// onBoundary reports whether i is where a rune (or an invalid byte, which
// decodes as one) starts, or the end of text.
func onBoundary(text string, i int) bool {
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
	}
	return i == len(text)
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"at least 6 people", "between 12 and 15", "2013-01-S-025", "1.5 million", "Twenty-one",
		"entre 12 y 15", "treinta y dos", "a hundred and fifty", "99999999999999999999",
		"several hundred thousand", "6-8-10", "1,000,000,000,000,000", "un millón", "dos mil mil",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Find(s))
		if n, ok := Word(s); ok && n < 0 {
			t.Fatalf("Word(%q) = %d", s, n)
		}
	})
}

// TestCorpusInvariants runs Find over the labelled sets as a smoke test of
// real text: contract holds and the TBIJ strike counts are all found.
func TestCorpusInvariants(t *testing.T) {
	docs, err := corpus.Load("corpus/tbij/dev.jsonl")
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	found, stated := 0, 0
	for _, d := range docs {
		qs := Find(d.Text)
		checkInvariants(t, d.Text, qs)
		// Every "killing N"/"killed N" figure must be found.
		for _, cue := range []string{"killing ", "killed "} {
			for i := strings.Index(d.Text, cue); i >= 0; {
				at := i + len(cue)
				if at < len(d.Text) && d.Text[at] >= '0' && d.Text[at] <= '9' {
					stated++
					for _, x := range qs {
						if x.Start <= at && at < x.End {
							found++
							break
						}
					}
				}
				j := strings.Index(d.Text[at:], cue)
				if j < 0 {
					break
				}
				i = at + j
			}
		}
	}
	t.Logf("TBIJ: %d of %d figures after killing/killed found", found, stated)
	if stated == 0 || found < stated {
		t.Errorf("found %d of %d figures after killing/killed", found, stated)
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("KABUL, Afghanistan (Jan. 25, 2013) – An Afghan and coalition force killed at least 6 insurgents "+
		"and detained several suspects, between 12 and 15 people, in Andar district on 2013-01-24. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

// TestFindLower checks that FindLower, given the lowered text, reads what
// Find reads.
func TestFindLower(t *testing.T) {
	texts := []string{
		"At Least SIX people, Twenty-One Soldiers and Several Hundred MILITANTS; Veintiún Muertos, F-16 No. 3.",
		"Unos CUANTOS heridos y Más De 12 muertos – Dozens Of 2,000 Ñandúes’ 6-8 O Más",
	}
	if docs, err := corpus.Load("corpus/tbij/dev.jsonl"); err == nil {
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	for _, text := range texts {
		want, got := Find(text), FindLower(text, ascii.Lower(text))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("FindLower(%.60q) = %v, want %v", text, summarize(got), summarize(want))
		}
	}
}
