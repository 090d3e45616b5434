package clean

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the matching form of s: NFKC, lower case, dash and
// quote variants folded to the ASCII hyphen, apostrophe and double quote, invisible format
// characters (soft hyphen, zero-width space/joiners, BOM) removed, and runs
// of white space collapsed to one space with none at either end.
//
// It is for comparing and looking up text only; evidence always quotes the
// cleaned text itself, never this form.
func Normalize(s string) string {
	if !ascii(s) { // ASCII is already NFKC; most English text skips the table walk
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending; written only before the next non-space
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		r = fold(r)
		if r < 0 {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fold maps one rune to its matching form, or to -1 when it should vanish.
func fold(r rune) rune {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', // hyphen … horizontal bar
		'\u2043', '\u2212', '\u2E3A', '\u2E3B', '\uFE58', '\uFE63', '\uFF0D':
		return '-'
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u0060', '\u00B4', '\u02BC':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u2036', '\u00AB', '\u00BB':
		return '"'
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return -1
	}
	return unicode.ToLower(r)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
