package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold returns the matching form of one word: lower case, Latin diacritics
// folded to ASCII, apostrophes and dots dropped ("Ma’rib" → "marib",
// "U.S." → "us").
func fold(s string) string {
	plain, ascii := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			plain, ascii = false, false
			break
		}
		if c == '\'' || c == '.' || ('A' <= c && c <= 'Z') {
			plain = false
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	if ascii {
		// Capitalised words, most of what is folded: byte by byte.
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\'' || c == '.' || c == '`':
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			default:
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '.' || isApostrophe(r):
			continue
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		default:
			if f, ok := foldRune(r); ok {
				b.WriteString(f)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}

// needsLowerOnly reports whether fold(s) is s with its ASCII capitals
// lowered, and differs from s: an ASCII word with a capital and nothing
// that fold drops.
func needsLowerOnly(s string) bool {
	upper := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\'', c == '.', c == '`':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}

// isApostrophe reports the apostrophe-like marks that transliterations use
// inside names (Ma’rib, Sana'a, Ta‘izz).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´':
		return true
	}
	return false
}

// Key returns the form names are matched in: words folded to lower-case
// ASCII (diacritics and apostrophes dropped), joined by single spaces, so
// "Ma’rib", "MARIB" and "Marib" share one key.
func Key(name string) string { return nameKey(name) }

// nameKey turns a gazetteer name into its index key: the folded words
// joined by single spaces, with hyphens and other punctuation as breaks.
func nameKey(name string) string {
	if k, ok := plainKey(name); ok {
		return k
	}
	toks := tokenize(name)
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, t.key)
	}
	return strings.Join(parts, " ")
}

// plainKey is nameKey's fast path for names of ASCII letters and digits
// separated by single spaces (most of the gazetteer).
func plainKey(name string) (string, bool) {
	if name == "" || name[0] == ' ' || name[len(name)-1] == ' ' {
		return "", false
	}
	upper := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			upper = true
		case c == ' ':
			if name[i-1] == ' ' {
				return "", false
			}
		default:
			return "", false
		}
	}
	if !upper {
		return name, true
	}
	return strings.ToLower(name), true
}
