package actors

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text (or of an alias) with the forms the matcher
// compares: key is lower case without accents, dots or inner apostrophes;
// raw keeps the case (accents still folded) so acronyms can be matched
// exactly. Keys point into one buffer per tokenized text; raw is the
// word's own span of the text unless folding changed it (then it lies in
// one string per text), so tokenizing seldom copies a word twice.
type token struct {
	start, end int    // byte span of the word, without a possessive 's
	key        []byte // folded: "cártel" → "cartel", "U.S." → "us"
	raw        string // accents folded, case kept: "U.S." → "US"
	poss       bool   // followed by a possessive ("Mexico's", "Houthis'")
	punct      bool   // a punctuation mark, kept so names do not match across it
	id         int32  // the key's vocab id (noID when no trie holds it), set by Find
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
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isASCIIWord reports whether byte c is an ASCII letter or digit.
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isLetter reports whether r is a letter.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// isApostrophe covers the straight and typographic apostrophes.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isSeparator reports runes that split words without blocking a name:
// spaces and hyphens, so "al-Shabaab" matches "al Shabaab".
func isSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '-' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '‐' || r == '‑'
}

// runeAt decodes the rune at byte i of s (utf8.RuneError, 0 past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// span marks where a token's key lies in the shared buffer and, when
// folded is set, where its raw form lies in the buffer of folded raw forms.
type span struct {
	ks, ke, rs, re int
	folded         bool
}

// tokenize splits s into words and punctuation marks. Abbreviations with
// inner dots ("U.S.", "EE.UU.") stay one word; an apostrophe between
// letters is dropped from the key ("Jama'at" → "jamaat"); a trailing "'s" or
// "s'" sets poss instead of starting a new word.
func tokenize(s string) []token {
	var sc scratch
	return sc.tokenize(s)
}

// scratch holds a tokenizer's buffers for reuse.
type scratch struct {
	toks  []token
	spans []span
	buf   []byte // keys
	rbuf  []byte // raw forms that folding changed
}

// tokenize is tokenize reusing sc's buffers: the tokens it returns are
// valid until sc's next call.
func (sc *scratch) tokenize(s string) []token {
	n := len(s)/5 + 1
	if cap(sc.toks) < n {
		sc.toks, sc.spans = make([]token, 0, n), make([]span, 0, n)
	}
	if cap(sc.buf) < len(s)+8 {
		sc.buf = make([]byte, 0, len(s)+8) // room for the keys: seldom grown
	}
	toks, spans, buf, rbuf := sc.toks[:0], sc.spans[:0], sc.buf[:0], sc.rbuf[:0]
	i := 0
	for i < len(s) {
		r, n := runeAt(s, i)
		switch {
		case isWordRune(r):
			var sp span
			var end, possEnd int
			buf, rbuf, sp, end, possEnd = scanWord(s, i, buf, rbuf)
			toks = append(toks, token{start: i, end: end, poss: possEnd > end, raw: s[i:end]})
			spans = append(spans, sp)
			i = possEnd
		case isSeparator(r):
			i += n
		default:
			ks := len(buf)
			raw := s[i : i+n]
			if isApostrophe(r) {
				raw = "'"
			}
			buf = append(buf, raw...)
			toks = append(toks, token{start: i, end: i + n, punct: true, raw: raw})
			spans = append(spans, span{ks: ks, ke: len(buf)})
			i += n
		}
	}
	var folded string // the raw forms that differ from their text, made once
	if len(rbuf) > 0 {
		folded = string(rbuf)
	}
	for j := range toks {
		sp := spans[j]
		toks[j].key = buf[sp.ks:sp.ke:sp.ke]
		if sp.folded {
			toks[j].raw = folded[sp.rs:sp.re]
		}
	}
	sc.toks, sc.spans, sc.buf, sc.rbuf = toks, spans, buf, rbuf
	return toks
}

// scanWord reads the word starting at i, appending its key to buf and,
// unless it is the word's text as written (letters and digits of ASCII
// only), its raw form to rbuf; it returns the word's end and its end with a
// possessive mark.
func scanWord(s string, i int, buf, rbuf []byte) ([]byte, []byte, span, int, int) {
	ks := len(buf)
	plain := true // only ASCII letters and digits so far
	// First pass: find the word's end and write the key.
	end, possEnd := i, i
	seg := 0 // letters in the current dot-separated segment
	dotted := false
	j := i
scan:
	for j < len(s) {
		if c := s[j]; isASCIIWord(c) {
			// Most words are ASCII: no decoding, folding or case tables.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			seg++
			j++
			continue
		}
		r, n := runeAt(s, j)
		if isWordRune(r) {
			plain = false
			if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
				j += n
				continue
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(foldAccent(r)))
			seg++
			j += n
			continue
		}
		next, m := runeAt(s, j+n)
		switch {
		case r == '.' && seg <= 2 && isLetter(next) && shortSegment(s, j+n):
			// An abbreviation such as "U.S." or "EE.UU.": keep going.
			dotted, plain = true, false
			seg = 0
			j += n
		case r == '.' && dotted && seg <= 2:
			// The abbreviation's final dot.
			end, possEnd = j+n, j+n
			break scan
		case isApostrophe(r) && (next == 's' || next == 'S') && !isWordAt(s, j+n+m):
			end, possEnd = j, j+n+m
			break scan
		case isApostrophe(r) && isLetter(next):
			// An inner apostrophe ("Jama'at", "Qa'ida") is not part of the key.
			j += n
			plain = false
		case isApostrophe(r) && len(buf) > ks && buf[len(buf)-1] == 's':
			// A plural possessive: "Houthis'".
			end, possEnd = j, j+n
			break scan
		default:
			end, possEnd = j, j
			break scan
		}
	}
	if j >= len(s) {
		end, possEnd = len(s), len(s)
	}
	sp := span{ks: ks, ke: len(buf)}
	if plain {
		return buf, rbuf, sp, end, possEnd // raw is the text itself
	}
	// Second pass: the raw form, case kept.
	sp.rs, sp.folded = len(rbuf), true
	for k := i; k < end; {
		if c := s[k]; isASCIIWord(c) {
			rbuf = append(rbuf, c)
			k++
			continue
		}
		r, n := runeAt(s, k)
		k += n
		if isWordRune(r) && !(r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r)) {
			rbuf = utf8.AppendRune(rbuf, foldAccent(r))
		}
	}
	sp.re = len(rbuf)
	return buf, rbuf, sp, end, possEnd
}

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
