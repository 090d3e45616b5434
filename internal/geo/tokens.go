package geo

import (
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/ascii"
)

// token is one word of a text, with its byte offsets.
type token struct {
	start, end int
	key        string    // folded form
	cap        bool      // first letter upper case
	upper      bool      // every letter upper case (acronyms, shouted headlines)
	abbr       bool      // dotted abbreviation: "U.S.", "Ga."
	possessive bool      // followed by 's (the 's is not part of the token)
	dot        bool      // followed by a full stop (sentence end or "Ga.")
	flags      wordFlags // the word lists it is on, once looked up (see is)
	name       int32     // its index entry + 1, -1 for none, 0 before looked up (see name)
}

// tokenize splits text into words: runs of letters and digits, keeping
// apostrophes between letters ("Sana'a") but not a possessive 's, and
// dotted abbreviations ("U.S.", "D.C.") as one token.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/5+1), text, "") // about a token per five bytes: seldom grown
}

// tokenizeInto is tokenize appending to toks. low is text with ASCII
// capitals lowered (ascii.Lower), or "" to make it here at the first word
// that needs it: such a word's key is then a slice of it rather than a
// string of its own.
func tokenizeInto(toks []token, text, low string) []token {
	if len(low) != len(text) {
		low = ""
	}
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && !isASCIIWord(c) {
			i++ // the common case of spaces and punctuation, without decoding
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		j := i
		for j < len(text) {
			if isASCIIWord(text[j]) {
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if isApostrophe(r) && j+n < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j+n:])
				if unicode.IsLetter(r2) {
					// A possessive: 's or ’s at the end of a word.
					if (r2 == 's' || r2 == 'S') && !wordContinues(text, j+n+n2) {
						break
					}
					j += n
					continue
				}
			}
			break
		}
		t := token{start: start, end: j}
		// Dotted abbreviation: single letters or short capitalised words
		// each followed by a dot ("U.S.", "U.A.E.", "N.Y.", "Ga.").
		if j < len(text) && text[j] == '.' {
			k := j + 1
			for {
				r, n := utf8.DecodeRuneInString(text[k:])
				if k < len(text) && unicode.IsUpper(r) && k+n < len(text) && text[k+n] == '.' {
					k += n + 1
					continue
				}
				break
			}
			if k > j+1 {
				t.end = k
				t.abbr = true
			} else {
				t.dot = true
			}
		}
		word := text[t.start:t.end]
		if !t.abbr {
			word = text[start:j]
		}
		if needsLowerOnly(word) {
			if low == "" {
				low = ascii.Lower(text)
			}
			t.key = low[t.start : t.start+len(word)]
		} else {
			t.key = fold(word)
		}
		if c := word[0]; c < utf8.RuneSelf {
			t.cap = 'A' <= c && c <= 'Z' // most words: no decoding
		} else {
			t.cap = unicode.IsUpper(firstRune(word))
		}
		// All capitals: only a capitalised word can be, so most words skip
		// the scan for a lower-case letter.
		t.upper = t.cap && !hasLower(word)
		if t.end == j && j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isApostrophe(r) && j+n < len(text) && (text[j+n] == 's' || text[j+n] == 'S') {
				t.possessive = true
			}
		}
		toks = append(toks, t)
		i = j
		if t.end > j {
			i = t.end
		}
	}
	return toks
}

// hasLower reports whether s has a letter that is not upper case.
func hasLower(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return true
		}
		i += n
	}
	return false
}

// isASCIIWord reports an ASCII letter or digit: isWordRune for one byte.
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func wordContinues(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
