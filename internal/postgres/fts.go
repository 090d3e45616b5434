package postgres

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/strikewatch/strikewatch/internal/store"
)

// Full-text search splits words in Go, not with a PostgreSQL text search
// configuration: a word is a run of letters, digits and combining marks,
// lower-cased with its diacritics removed ("Culiacán" → "culiacan"). The
// store writes each report's tsvector as a literal built this way and
// turns searches into tsquery literals the same way, so index and query
// always agree, no word is a stop word, and nothing depends on the
// server's dictionaries or extensions (no unaccent needed).

// Limits of PostgreSQL's tsvector: positions above 16383 are clamped, a
// lexeme keeps at most 256 positions and must be shorter than 2 KiB.
const (
	maxPos        = 16383
	maxPositions  = 255
	maxLexemeSize = 255 // longer "words" (base64 blobs, URLs) are not searchable
)

// fold lower-cases a word and removes its diacritics.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, w)
	if err != nil {
		out = w
	}
	return strings.ToLower(out)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// eachWord calls fn with the byte span and folded form of every word of
// text, in order, until fn returns false. Words are never empty.
func eachWord(text string, fn func(start, end int, word string) bool) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := fold(text[start:i]); w != "" && !fn(start, i, w) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		if w := fold(text[start:]); w != "" {
			fn(start, len(text), w)
		}
	}
}

// words returns the folded words of s.
func words(s string) []string {
	var out []string
	eachWord(s, func(_, _ int, w string) bool {
		out = append(out, w)
		return true
	})
	return out
}

// quoteLexeme quotes a folded word for a tsvector or tsquery literal. A
// folded word has no quote, backslash or space, but quote it safely anyway.
func quoteLexeme(b *strings.Builder, w string) {
	b.WriteByte('\'')
	for _, r := range w {
		if r == '\'' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
}

// tsvector returns the tsvector literal of a report's searchable text: its
// words with their positions.
func tsvector(parts ...string) string {
	pos := map[string][]int{}
	n := 0
	for _, p := range parts {
		eachWord(p, func(_, _ int, w string) bool {
			if len(w) > maxLexemeSize {
				return true
			}
			n++
			ps := pos[w]
			at := min(n, maxPos)
			if len(ps) < maxPositions && (len(ps) == 0 || ps[len(ps)-1] != at) {
				pos[w] = append(ps, at)
			}
			return true
		})
	}
	lex := make([]string, 0, len(pos))
	for w := range pos {
		lex = append(lex, w)
	}
	sort.Strings(lex)
	var b strings.Builder
	for i, w := range lex {
		if i > 0 {
			b.WriteByte(' ')
		}
		quoteLexeme(&b, w)
		for j, p := range pos[w] {
			if j == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}

// searchTerm is one term of a search: consecutive words (a phrase when
// more than one), the last one a prefix when the term ended in '*'.
type searchTerm struct {
	words  []string
	prefix bool
}

// parseSearch splits a user's search into terms: every word or "quoted
// phrase" must match; a trailing * on a word matches a prefix. Operators
// and punctuation are never query syntax. A search without words is
// store.ErrInvalid.
func parseSearch(q string) ([]searchTerm, error) {
	var terms []searchTerm
	rest := q
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		var (
			raw    string
			prefix bool
		)
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				raw, rest = rest[1:], ""
			} else {
				raw, rest = rest[1:1+end], rest[2+end:]
			}
		} else {
			end := strings.IndexFunc(rest, unicode.IsSpace)
			if end < 0 {
				end = len(rest)
			}
			raw, rest = rest[:end], rest[end:]
			if t := strings.TrimRight(raw, "*"); t != raw {
				raw, prefix = t, true
			}
		}
		ws := words(raw)
		if len(ws) == 0 {
			continue
		}
		terms = append(terms, searchTerm{words: ws, prefix: prefix})
	}
	if len(terms) == 0 {
		return nil, fmt.Errorf("search %q has no words: %w", q, store.ErrInvalid)
	}
	return terms, nil
}

// ftsQuery turns a user's search into a tsquery literal.
func ftsQuery(q string) (string, error) {
	terms, err := parseSearch(q)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('(')
		for j, w := range t.words {
			if j > 0 {
				b.WriteString(" <-> ")
			}
			quoteLexeme(&b, w)
		}
		if t.prefix {
			b.WriteString(":*")
		}
		b.WriteByte(')')
	}
	return b.String(), nil
}

// snippetWords is how many words a snippet shows, as SQLite's does.
const snippetWords = 24

// snippet quotes the text around the first word that a term of the
// search matches, with "…" where it cuts the text.
func snippet(text string, terms []searchTerm) string {
	type span struct{ start, end int }
	var (
		spans []span
		hit   = -1
	)
	eachWord(text, func(start, end int, w string) bool {
		spans = append(spans, span{start, end})
		if hit < 0 && matchesAny(w, terms) {
			hit = len(spans) - 1
		}
		return hit < 0 || len(spans) < hit+snippetWords
	})
	if len(spans) == 0 {
		return ""
	}
	first := 0
	if hit > snippetWords/3 {
		first = hit - snippetWords/3
	}
	last := min(len(spans), first+snippetWords) - 1
	end, cut := spans[last].end, true
	if !strings.ContainsFunc(text[end:], isWordRune) {
		// The text ends here: keep its closing punctuation.
		end, cut = len(strings.TrimRightFunc(text, unicode.IsSpace)), false
	}
	out := text[spans[first].start:end]
	if first > 0 {
		out = "…" + out
	}
	if cut {
		out += "…"
	}
	return out
}

// matchesAny reports whether a folded word is one of the words of terms
// (or starts with the prefix of a prefix term).
func matchesAny(w string, terms []searchTerm) bool {
	for _, t := range terms {
		for i, tw := range t.words {
			if w == tw || (t.prefix && i == len(t.words)-1 && strings.HasPrefix(w, tw)) {
				return true
			}
		}
	}
	return false
}
