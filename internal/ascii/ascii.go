// Package ascii has byte-level helpers for the ASCII words that make up
// most of the text the scanners read: they skip Unicode tables and, by
// appending to a caller's buffer, let a scanner lower-case a whole text's
// capitalised words with one allocation.
package ascii

import (
	"strings"
	"unicode/utf8"
)

// AppendLower appends the lower case of w to buf when w is ASCII with
// capitals; it returns buf unchanged for an ASCII word already in lower
// case (the caller can use w itself), and false for a word with other runes.
func AppendLower(buf []byte, w string) ([]byte, bool) {
	upper := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return buf, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return buf, true
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

// Lower returns s with its ASCII capitals lowered and every other byte
// kept, so that offsets into s hold in the result. Several scanners read
// the same text this way; computing it once lets them share it.
func Lower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	from := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}
