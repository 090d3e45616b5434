package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text (or of an alias) with the forms the matcher
// compares: key is lower case without accents, dots or inner apostrophes;
// raw keeps the case (accents still folded) so acronyms can be matched
// exactly.
type token struct {
	start, end int    // byte span of the word, without a possessive 's
	key        string // folded: "cártel" → "cartel", "U.S." → "us"
	raw        string // accents folded, case kept: "U.S." → "US"
	poss       bool   // followed by a possessive ("Mexico's", "Houthis'")
	possEnd    int    // end of the word with its possessive mark
	punct      bool   // a punctuation mark, kept so names do not match across it
}

// latinFold maps U+00C0..U+024F to an ASCII base letter ('.' where none).
const latinFold = "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.yAaAaAaCcCcCcCcDd" +
	"DdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLl..LlNnNnNn...OoOoOo..RrRrRrSsSsSs" +
	"SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz.................................Oo.............U" +
	"u............................AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa...." +
	"AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................"

// foldAccent strips the accent from a Latin letter, keeping its case.
func foldAccent(r rune) rune {
	if r >= 0xC0 && r < 0xC0+rune(len(latinFold)) {
		if b := latinFold[r-0xC0]; b != '.' {
			return rune(b)
		}
	}
	return r
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isApostrophe covers the straight and typographic apostrophes.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isSeparator reports runes that split words without blocking a name:
// spaces and hyphens, so "al-Shabaab" matches "al Shabaab".
func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '‐' || r == '‑'
}

// runeAt decodes the rune at byte i of s (utf8.RuneError, 0 past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokenize splits s into words and punctuation marks. Abbreviations with
// inner dots ("U.S.", "EE.UU.") stay one word; an apostrophe between
// letters is dropped from the key ("Jama'at" → "jamaat"); a trailing "'s" or
// "s'" sets poss instead of starting a new word.
func tokenize(s string) []token {
	var toks []token
	var key, raw strings.Builder
	i := 0
	for i < len(s) {
		r, n := runeAt(s, i)
		switch {
		case isWordRune(r):
			start := i
			key.Reset()
			raw.Reset()
			end, possEnd := scanWord(s, i, &key, &raw)
			t := token{start: start, end: end, key: key.String(), raw: raw.String(), possEnd: end}
			if possEnd > end {
				t.poss, t.possEnd = true, possEnd
			}
			toks = append(toks, t)
			i = possEnd
		case isSeparator(r):
			i += n
		default:
			p := string(r)
			if isApostrophe(r) {
				p = "'"
			}
			toks = append(toks, token{start: i, end: i + n, key: p, raw: p, possEnd: i + n, punct: true})
			i += n
		}
	}
	return toks
}

// scanWord reads the word starting at i into key and raw and returns its
// end and the end including a possessive mark.
func scanWord(s string, i int, key, raw *strings.Builder) (end, possEnd int) {
	seg := 0 // letters in the current dot-separated segment
	dotted := false
	for i < len(s) {
		r, n := runeAt(s, i)
		if isWordRune(r) {
			if !unicode.Is(unicode.Mn, r) {
				f := foldAccent(r)
				raw.WriteRune(f)
				key.WriteRune(unicode.ToLower(f))
				seg++
			}
			i += n
			continue
		}
		next, m := runeAt(s, i+n)
		switch {
		case r == '.' && seg <= 2 && isLetter(next) && shortSegment(s, i+n):
			// An abbreviation such as "U.S." or "EE.UU.": keep going.
			dotted = true
			seg = 0
			i += n
		case r == '.' && dotted && seg <= 2:
			// The abbreviation's final dot.
			return i + n, i + n
		case isApostrophe(r) && (next == 's' || next == 'S') && !isWordAt(s, i+n+m):
			return i, i + n + m
		case isApostrophe(r) && isLetter(next):
			// An inner apostrophe ("Jama'at", "Qa'ida") is not part of the key.
			i += n
		case isApostrophe(r) && strings.HasSuffix(key.String(), "s"):
			// A plural possessive: "Houthis'".
			return i, i + n
		default:
			return i, i
		}
	}
	return i, i
}

// isLetter reports whether r is a letter.
func isLetter(r rune) bool { return unicode.IsLetter(r) }

// isWordAt reports whether a word rune starts at byte i of s.
func isWordAt(s string, i int) bool {
	r, n := runeAt(s, i)
	return n > 0 && isWordRune(r)
}

// shortSegment reports whether the letters starting at i form a segment of at
// most two letters ended by a dot or a non-letter ("S." in "U.S.").
func shortSegment(s string, i int) bool {
	count := 0
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isLetter(r) {
			break
		}
		count++
		i += n
	}
	return count <= 2
}

// letterCount counts the letters of s.
func letterCount(s string) int {
	c := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			c++
		}
	}
	return c
}
