package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
}

// scan splits text into letter runs, ASCII digit runs and single runes.
// Hyphens and dots stay separate, so "mid-March" and "Jan." split cleanly.
func scan(text string) []token {
	toks := make([]token, 0, len(text)/5+1) // about a token per five bytes: seldom grown
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r):
			s := i
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					// ASCII, most letters: no decoding or tables.
					if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
						break
					}
					i++
					continue
				}
				r, w := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) {
					break
				}
				i += w
			}
			toks = append(toks, token{kind: kWord, start: s, end: i, low: strings.ToLower(text[s:i]), upper: unicode.IsUpper(r)})
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
	return toks
}
