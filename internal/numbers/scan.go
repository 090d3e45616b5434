package numbers

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/wordid"
)

// kind is what a token is.
type kind uint8

const (
	kWord  kind = iota // letters, possibly hyphen- or apostrophe-joined
	kNum               // a clean figure ("6", "2,000", "1.5") or figure range ("6-8")
	kJunk              // a run with digits that is no clean figure: ids, times, "F-16", "3rd"
	kPunct             // any other single rune
)

// token is one unit of text with its byte span.
type token struct {
	kind       kind
	start, end int
	low        string // lower-case text (words), the rune itself (punct)
	upper      bool   // word starts with an upper-case letter
	mayStart   bool   // a word in startWords or whose first part is in numberWords

	// Figures.
	val, val2 float64 // val2 > 0 for a figure range "6-8"
	dec       bool    // has a decimal part
	plain4    bool    // four digits with no separator: a possible year
}

// isJoiner reports whether r may join two alphanumeric runs into one token.
func isJoiner(r rune) bool {
	switch r {
	case '-', '–', '/', '_', ':', '.', ',', '\'', '’':
		return true
	}
	return false
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// scan splits text into tokens. Runs of letters, digits and joiners become one
// token, so "F-16", "2013-01-S-025" or "10:30" stay whole and can be rejected
// as a unit instead of yielding stray figures. It reuses toks's array.
// lower is text with ASCII capitals lowered (ascii.Lower), or "": an ASCII
// word's lower case is then its span of lower.
func scan(text, lower string, toks []token) []token {
	if len(lower) != len(text) {
		lower = ""
	}
	toks = toks[:0]
	if n := len(text)/5 + 1; cap(toks) < n {
		toks = make([]token, 0, n) // about a token per five bytes: seldom grown
	}
	// Lower-cased ASCII words go to one buffer, made one string at the end,
	// rather than one allocation per capitalised word.
	var buf []byte
	var lowered []int // token index, start and end in buf, for each such word
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++ // the commonest byte between tokens, without decoding
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isAlnum(r) {
			toks = append(toks, token{kind: kPunct, start: i, end: i + w, low: text[i : i+w]})
			i += w
			continue
		}
		start := i
		hasDigit, hasLetter, nonASCII := false, false, false
		prevDigit := false
		for i < len(text) {
			// ASCII letters and digits, most of a run, without decoding.
			if c := text[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				hasLetter, prevDigit = true, false
				i++
				continue
			} else if '0' <= c && c <= '9' {
				hasDigit, prevDigit = true, true
				i++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[i:])
			if isAlnum(r) {
				nonASCII = nonASCII || r >= utf8.RuneSelf
				if unicode.IsDigit(r) {
					hasDigit = true
					prevDigit = true
				} else {
					hasLetter = true
					prevDigit = false
				}
				i += w
				continue
			}
			if !isJoiner(r) || i+w >= len(text) {
				break
			}
			nr, _ := utf8.DecodeRuneInString(text[i+w:])
			if !isAlnum(nr) {
				break
			}
			// Commas and colons join only digits ("2,000", "10:30"); elsewhere
			// they separate words.
			if (r == ',' || r == ':') && !(prevDigit && unicode.IsDigit(nr)) {
				break
			}
			nonASCII = nonASCII || r >= utf8.RuneSelf
			i += w
		}
		t := token{start: start, end: i}
		s := text[start:i]
		switch {
		case hasDigit && !hasLetter:
			t.kind = kJunk
			parseFigure(s, &t)
		case hasDigit:
			t.kind = kJunk
		default:
			t.kind = kWord
			if lower != "" && !nonASCII {
				t.low = lower[start:i]
			} else if lo, ok := ascii.AppendLower(buf, s); !ok {
				t.low = strings.ToLower(s)
			} else if len(lo) > len(buf) {
				lowered = append(lowered, len(toks), len(buf), len(lo))
				buf = lo
			} else {
				t.low = s
			}
			first, _ := utf8.DecodeRuneInString(s)
			t.upper = unicode.IsUpper(first)
		}
		toks = append(toks, t)
	}
	if len(lowered) > 0 {
		low := string(buf)
		for k := 0; k < len(lowered); k += 3 {
			toks[lowered[k]].low = low[lowered[k+1]:lowered[k+2]]
		}
	}
	for k := range toks {
		if t := &toks[k]; t.kind == kWord {
			t.mayStart = mayStart(t.low)
		}
	}
	return toks
}

// mayStart reports whether a reading may start at the word w: at reads
// only those, and this is one lookup for most words.
func mayStart(w string) bool {
	first, _, hyphen := strings.Cut(w, "-")
	var f uint8
	if id := startIDs.ID(first); id != wordid.None {
		f = startFlags[id]
	}
	if !hyphen {
		return f != 0
	}
	return f&isNumberWord != 0 || startWords[w]
}

const (
	isStartWord  = 1 << iota // in startWords
	isNumberWord             // in numberWords
)

// startIDs numbers the words of startWords and numberWords, and startFlags
// holds each id's lists: a word costs one lookup in a small table rather
// than a map.
var startIDs, startFlags = wordid.FlagTable(func(set func(string, uint8)) {
	for w := range startWords {
		set(w, isStartWord)
	}
	for w := range numberWords {
		set(w, isNumberWord)
	}
})

// parseFigure sets t to a figure or a figure range when s is one.
func parseFigure(s string, t *token) {
	if a, b, ok := splitRange(s); ok {
		va, da, _, oka := figure(a)
		vb, db, _, okb := figure(b)
		if oka && okb && !da && !db && vb > va {
			t.kind, t.val, t.val2 = kNum, va, vb
		}
		return
	}
	if v, dec, plain4, ok := figure(s); ok {
		t.kind, t.val, t.dec, t.plain4 = kNum, v, dec, plain4
	}
}

// splitRange splits "6-8" or "6–8" at its one dash.
func splitRange(s string) (string, string, bool) {
	for _, d := range []string{"-", "–"} {
		if i := strings.Index(s, d); i > 0 {
			a, b := s[:i], s[i+len(d):]
			if strings.ContainsAny(b, "-–") || b == "" {
				return "", "", false
			}
			return a, b, true
		}
	}
	return "", "", false
}

// maxFigure bounds figures so that int conversion cannot overflow.
const maxFigure = 1e15

// figure parses "6", "2,000", "1.5" (thousands groups of exactly three).
func figure(s string) (v float64, dec, plain4, ok bool) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || strings.ContainsAny(frac, ",.")) {
		return 0, false, false, false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false, false, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false, false, false
			}
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	if intPart == "" || len(intPart) > 15 || strings.ContainsAny(intPart, "/_:'’-–") {
		return 0, false, false, false
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return 0, false, false, false
		}
	}
	n, err := strconv.ParseFloat(intPart+"."+frac+"0", 64)
	if err != nil || n > maxFigure {
		return 0, false, false, false
	}
	return n, hasDot, len(s) == 4 && !hasDot, true
}
