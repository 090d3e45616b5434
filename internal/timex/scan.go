package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/wordid"
)

type kind uint8

const (
	kWord  kind = iota // a run of letters
	kNum               // a run of ASCII digits
	kPunct             // any other single rune
)

// token is one word, digit run or punctuation rune with its byte span.
type token struct {
	kind       kind
	start, end int
	low        string // lower case (words), the text (digits, punct)
	upper      bool   // a word that starts with an upper-case letter
	flags      uint8  // fStart, fAgoUnit: read once here, not per reading
}

// Word flags, from one lookup of flagWords per word.
const (
	fStart   uint8 = 1 << iota // in startWords
	fAgoUnit                   // in agoUnits
)

// flagWords numbers the words that have flags, and flagsOf holds each id's
// flags: a word costs one lookup in a small table rather than a map.
var flagWords, flagsOf = wordid.FlagTable(func(set func(string, uint8)) {
	for w := range startWords {
		set(w, fStart)
	}
	for w := range agoUnits {
		set(w, fAgoUnit)
	}
})

// scan splits text into letter runs, ASCII digit runs and single runes.
// Hyphens and dots stay separate, so "mid-March" and "Jan." split cleanly.
func scan(text string) []token { return scanN(text, "", -1, nil) }

// scanN is scan stopping after limit tokens (no limit when negative),
// appending to toks[:0]. lower is text with ASCII capitals lowered
// (ascii.Lower), or "": an ASCII word's lower case is then its span of
// lower. Without it, lower-cased ASCII words are written to one buffer,
// turned into one string at the end, rather than one allocation per
// capitalised word.
func scanN(text, lower string, limit int, toks []token) []token {
	if len(lower) != len(text) {
		lower = ""
	}
	n := len(text)/5 + 1 // about a token per five bytes: seldom grown
	if limit >= 0 {
		n = min(n, limit)
	}
	if cap(toks) < n {
		toks = make([]token, 0, n)
	}
	toks = toks[:0]
	// Room on the stack for a sentence's capitalised words, so that
	// neither buffer grows on the heap word by word.
	var bufSpace [256]byte
	var loweredSpace [48]int
	buf := bufSpace[:0]
	lowered := loweredSpace[:0] // indexes of tokens whose low lies in buf, as [start, end) offsets
	for i := 0; i < len(text) && len(toks) != limit; {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r):
			s := i
			// What the word needs lowering, read as it is scanned: most
			// words are lower-case ASCII and need none.
			capitals, nonASCII := false, false
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					// ASCII, most letters: no decoding or tables.
					if 'A' <= c && c <= 'Z' {
						capitals = true
					} else if !('a' <= c && c <= 'z') {
						break
					}
					i++
					continue
				}
				r, w := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) {
					break
				}
				nonASCII = true
				i += w
			}
			t := token{kind: kWord, start: s, end: i, low: text[s:i], upper: unicode.IsUpper(r)}
			switch {
			case nonASCII:
				t.low = strings.ToLower(t.low)
			case lower != "":
				t.low = lower[s:i]
			case capitals:
				lo, _ := ascii.AppendLower(buf, t.low)
				lowered = append(lowered, len(toks), len(buf), len(lo))
				buf = lo
			}
			toks = append(toks, t)
		case r >= '0' && r <= '9':
			s := i
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			toks = append(toks, token{kind: kNum, start: s, end: i, low: text[s:i]})
		default:
			toks = append(toks, token{kind: kPunct, start: i, end: i + w, low: text[i : i+w]})
			i += w
		}
	}
	if len(lowered) > 0 {
		low := string(buf)
		for k := 0; k < len(lowered); k += 3 {
			toks[lowered[k]].low = low[lowered[k+1]:lowered[k+2]]
		}
	}
	for k := range toks {
		if t := &toks[k]; t.kind == kWord {
			if id := flagWords.ID(t.low); id != wordid.None {
				t.flags = flagsOf[id]
			}
		}
	}
	return toks
}
