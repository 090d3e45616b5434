package postgres

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/store"
)

func TestFTSQuery(t *testing.T) {
	cases := []struct {
		name, in, want string
		invalid        bool
	}{
		{"one word", "wedding", "('wedding')", false},
		{"folded", "CULIACÁN", "('culiacan')", false},
		{"two words", "drone compound", "('drone') & ('compound')", false},
		{"phrase", `"convoy strike"`, "('convoy' <-> 'strike')", false},
		{"unclosed phrase", `"convoy strike`, "('convoy' <-> 'strike')", false},
		{"prefix", "wedd*", "('wedd':*)", false},
		{"hyphenated word is a phrase", "al-Qaeda", "('al' <-> 'qaeda')", false},
		{"operators are words", "drone AND OR NOT", "('drone') & ('and') & ('or') & ('not')", false},
		{"quote inside a word", "o'brien", "('o' <-> 'brien')", false},
		{"empty", "   ", "", true},
		{"punctuation only", `" * - ( \ '`, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ftsQuery(tc.in)
			if tc.invalid {
				if !errors.Is(err, store.ErrInvalid) {
					t.Errorf("ftsQuery(%q) = %q, %v; want ErrInvalid", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestTSVector(t *testing.T) {
	cases := []struct {
		name  string
		parts []string
		want  string
	}{
		{"positions", []string{"Drone strike, drone."}, "'drone':1,3 'strike':2"},
		{"title then text", []string{"Title", "Body text"}, "'body':2 'text':3 'title':1"},
		{"diacritics", []string{"Culiacán, Sinaloa"}, "'culiacan':1 'sinaloa':2"},
		{"no words", []string{"— … !"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tsvector(tc.parts...); got != tc.want {
				t.Errorf("tsvector(%q) = %q, want %q", tc.parts, got, tc.want)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler ", 40) + "the wedding party was hit " + strings.Repeat("after ", 40)
	cases := []struct {
		name, text, query string
		want              string
	}{
		{"short text whole", "A drone hit a car.", "drone", "A drone hit a car."},
		{"cut on both sides", long, "wedding", "…" + strings.Repeat("filler ", 7) + "the wedding party was hit" + strings.Repeat(" after", 12) + "…"},
		{"prefix", "Residents said weddings were hit.", "wedd*", "Residents said weddings were hit."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			terms, err := parseSearch(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := snippet(tc.text, terms); got != tc.want {
				t.Errorf("snippet = %q, want %q", got, tc.want)
			}
		})
	}
}

// lexemeRE is one well-formed tsquery or tsvector lexeme as built here.
var lexemeRE = regexp.MustCompile(`^'[^'\\\s]+'`)

// FuzzFTSQuery checks that any search either is rejected as invalid or
// becomes a tsquery made only of quoted words and the operators we emit,
// and that snippets stay inside the text.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"wedding", `"convoy strike"`, "wedd*", "al-Qaeda", `o\'brien`, `" * - (`, "Culiacán", "'; DROP TABLE reports; --", "a:* & !b | c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got, err := ftsQuery(q)
		if err != nil {
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("ftsQuery(%q): %v, want ErrInvalid", q, err)
			}
			return
		}
		rest := got
		for rest != "" {
			switch {
			case strings.HasPrefix(rest, " & "), strings.HasPrefix(rest, " <-> "):
				rest = rest[strings.Index(rest[1:], " ")+2:]
			case strings.HasPrefix(rest, "("), strings.HasPrefix(rest, ")"):
				rest = rest[1:]
			case strings.HasPrefix(rest, ":*"):
				rest = rest[2:]
			default:
				m := lexemeRE.FindString(rest)
				if m == "" {
					t.Fatalf("ftsQuery(%q) = %q: unexpected text at %q", q, got, rest)
				}
				rest = rest[len(m):]
			}
		}
		terms, _ := parseSearch(q)
		if s := snippet(q, terms); len(s) > len(q)+2*len("…") {
			t.Fatalf("snippet of %q longer than the text: %q", q, s)
		}
		for _, e := range strings.Split(tsvector(q), " ") {
			if e != "" && lexemeRE.FindString(e) == "" {
				t.Fatalf("tsvector(%q) has a malformed entry %q", q, e)
			}
		}
	})
}

func BenchmarkTSVector(b *testing.B) {
	text := strings.Repeat("A drone strike on a vehicle in the Shabwa province of Yemen killed four suspected members of al-Qaeda, según la Fiscalía. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tsvector(text)
	}
}
