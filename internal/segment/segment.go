// Package segment splits cleaned report text into sentences and word tokens,
// keeping byte offsets into the original text so evidence can point back.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a byte range [Start, End) of the text, trimmed of surrounding space.
type Sentence struct {
	Start, End int
}

// Token is a word, number or punctuation mark with its byte range.
type Token struct {
	Start, End int
	Text       string
}

// abbreviations end with a period that does not end a sentence.
// Lower-cased, without the final period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true, "st": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cpl": true,
	"pvt": true, "adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "pres": true, "amb": true,
	"rev": true, "hon": true, "brig": true, "lieut": true, "spc": true, "pfc": true, "maj.gen": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vs": true, "etc": true, "approx": true, "est": true, "dept": true, "govt": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "mt": true, "ft": true, "ave": true, "blvd": true,
	"fig": true, "vol": true, "al": true, "cf": true, "e.g": true, "i.e": true,
	// Spanish
	"sra": true, "sres": true, "lic": true, "ing": true, "gral": true, "núm": true, "art": true,
	// U.S. state and Mexican state abbreviations used in datelines
	"calif": true, "ariz": true, "fla": true, "tex": true, "ga": true, "va": true, "md": true, "wash": true,
	"mass": true, "mich": true, "minn": true, "okla": true, "penn": true, "tenn": true, "conn": true, "colo": true,
	"sin": true, "tamps": true, "gro": true, "jal": true, "chih": true, "son": true, "coah": true, "bc": true,
}

// multiDot abbreviations such as "U.S." end with a period that ends a sentence
// only when the next word clearly starts one; see isBoundary.
func isInitialism(word string) bool {
	// "U.S", "U.N", "e.g" — letters separated by periods
	if len(word) < 2 || !strings.Contains(word, ".") {
		return len(word) == 1 && unicode.IsLetter(rune(word[0]))
	}
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// Sentences splits text into sentences. Line breaks always end a sentence
// (cleaned text has one paragraph per line).
func Sentences(text string) []Sentence {
	var out []Sentence
	start := 0
	emit := func(end int) {
		s, e := trim(text, start, end)
		if e > s {
			out = append(out, Sentence{s, e})
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(i)
			start = i + size
		case r == '.' || r == '!' || r == '?' || r == '…':
			// Swallow closing punctuation and quotes after the terminator.
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '"' || r2 == '\'' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == '»' {
					j += s2
					continue
				}
				break
			}
			if isBoundary(text, i, j, r) {
				emit(j)
				start = j
			}
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	return out
}

// isBoundary decides whether the terminator at text[i] (closing run up to j)
// ends a sentence.
func isBoundary(text string, i, j int, term rune) bool {
	if j >= len(text) {
		return true
	}
	// Must be followed by white space.
	r, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsSpace(r) {
		return false
	}
	if term != '.' {
		return true
	}
	// The next non-space word.
	k := j
	for k < len(text) {
		r, s := utf8.DecodeRuneInString(text[k:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			break
		}
		k += s
	}
	if k >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	// The word before the period.
	w := i
	for w > 0 {
		r, s := utf8.DecodeLastRuneInString(text[:w])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' {
			w -= s
			continue
		}
		break
	}
	word := text[w:i]
	lw := strings.ToLower(strings.TrimLeft(word, "."))
	if abbreviations[lw] {
		// "No. 3", "Gen. Smith", "Jan. 25": the abbreviation binds to the next word.
		// A month or title abbreviation followed by a lower-case word also binds.
		return false
	}
	if isInitialism(word) {
		// "said in a post on X. Three officials": a lone letter after a
		// lower-case word is a name (the platform, "Plan B"), not a
		// person's initial, and ends the sentence like any word.
		if len(word) == 1 && lowerWordBefore(text, w) {
			return unicode.IsUpper(next)
		}
		// "U.S. officials" continues; "in the U.S. The next" ends. Ends only
		// before a capitalised function word that usually starts a sentence.
		return unicode.IsUpper(next) && startsSentence(text[k:])
	}
	if unicode.IsLower(next) {
		return false
	}
	// A lone number before the period followed by a digit ("3. 5") is rare; treat as boundary.
	return true
}

// lowerWordBefore: the word ending just before byte w (after one space)
// starts with a lower-case letter.
func lowerWordBefore(text string, w int) bool {
	if w < 2 || text[w-1] != ' ' {
		return false
	}
	e := w - 1
	b := e
	for b > 0 {
		r, s := utf8.DecodeLastRuneInString(text[:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= s
	}
	if b == e {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[b:e])
	return unicode.IsLower(r)
}

// sentenceStarters are capitalised words that, after an initialism such as
// "U.S.", signal a new sentence rather than a proper name.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "He": true, "She": true,
	"It": true, "They": true, "We": true, "I": true, "But": true, "And": true, "However": true,
	"This": true, "That": true, "These": true, "Those": true, "There": true, "Officials": true,
	"According": true, "While": true, "After": true, "Before": true, "When": true, "If": true,
	"El": true, "La": true, "Los": true, "Las": true, "En": true, "Según": true,
}

func startsSentence(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return sentenceStarters[s[:end]]
}

func trim(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// Tokens splits text[start:end] into tokens: runs of letters/digits (with
// inner apostrophes, periods of initialisms, hyphens and digit separators
// kept) and single punctuation marks. Offsets are into text.
func Tokens(text string, start, end int) []Token {
	return AppendTokens(nil, text, start, end)
}

// AppendTokens is Tokens appending to out, so that a caller tokenising many
// sentences of one text can fill one buffer.
func AppendTokens(out []Token, text string, start, end int) []Token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			out = append(out, Token{i, i + size, text[i : i+size]})
			i += size
			continue
		}
		j := i + size
		for j < end {
			r2, s2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += s2
				continue
			}
			// Inner joiners: don't, U.S., 2,000, 1.5, al-Shabaab, F-16.
			if r2 == '\'' || r2 == '’' || r2 == '.' || r2 == ',' || r2 == '-' {
				if j+s2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+s2 : end])
					if isWordRune(r3) && (r2 != ',' || unicode.IsDigit(r3) && unicode.IsDigit(lastRune(text[i:j]))) {
						j += s2
						continue
					}
				}
				// Keep the final period of an initialism ("U.S.").
				if r2 == '.' && strings.Contains(text[i:j], ".") && isInitialism(text[i:j]) {
					j += s2
				}
			}
			break
		}
		out = append(out, Token{i, j, text[i:j]})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
