package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/report"
	"golang.org/x/text/unicode/norm"
)

// para is one paragraph of the input: a line with some non-space text.
type para struct {
	line  int // where its line starts
	start int // its text, trimmed of white space
	end   int
}

// paragraphs splits s on line breaks; blank lines separate but are not
// paragraphs themselves.
func paragraphs(s string) []para {
	var ps []para
	for line := 0; line < len(s); {
		nl := strings.IndexByte(s[line:], '\n')
		next := len(s)
		if nl >= 0 {
			next = line + nl + 1
		}
		text := s[line:next]
		trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
		if trimmed != "" {
			start := line + len(text) - len(trimmed)
			end := start + len(strings.TrimRightFunc(trimmed, unicode.IsSpace))
			ps = append(ps, para{line: line, start: start, end: end})
		}
		line = next
	}
	return ps
}

// dedupKey is what two paragraphs must share to be repeats: the letters and
// digits of their Normalize form, so that a syndicated copy that differs only
// in punctuation, dashes or spacing still matches. Lines with no letters or
// digits (separators such as "—" or "* * *") match on their Normalize form.
// ok is false for paragraphs that must never be dropped: digit-only lines
// are data (a number in a flattened table), and their repeats are real.
func dedupKey(p string) (key string, ok bool) {
	n := p
	if !ascii(n) {
		n = norm.NFKC.String(n)
	}
	var b strings.Builder
	b.Grow(len(n))
	letters := false
	for i := 0; i < len(n); {
		if c := n[i]; c < utf8.RuneSelf {
			// ASCII, most of any text: what fold and the unicode tables
			// would say, byte by byte.
			switch {
			case 'a' <= c && c <= 'z':
				letters = true
				b.WriteByte(c)
			case 'A' <= c && c <= 'Z':
				letters = true
				b.WriteByte(c + 'a' - 'A')
			case '0' <= c && c <= '9':
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(n[i:])
		i += w
		switch r = fold(r); {
		case r < 0:
		case unicode.IsLetter(r) || unicode.IsMark(r):
			letters = true
			b.WriteRune(r)
		case unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return Normalize(p), true
	}
	return b.String(), letters
}

// dedup drops every paragraph of s that repeats an earlier kept one, with
// its line break and any blank lines after it (or, at the end of the text,
// with the line break before it), so no blank gap grows and
// the author's other bytes stay as they are. It returns the new text, the
// kept paragraphs' spans in it, and what it dropped, indexed by input
// paragraph.
func dedup(s string) (string, []report.Span, []report.DroppedParagraph) {
	ps := paragraphs(s)
	if len(ps) < 2 {
		// Nothing to repeat: skip building keys (many reports are one paragraph).
		spans := make([]report.Span, 0, len(ps))
		for _, p := range ps {
			spans = append(spans, report.Span{Start: p.start, End: p.end})
		}
		return s, spans, nil
	}
	seen := make(map[string]int, len(ps))
	var dropped []report.DroppedParagraph
	drop := make([]bool, len(ps))
	for i, p := range ps {
		key, ok := dedupKey(s[p.start:p.end])
		if !ok {
			continue
		}
		if first, dup := seen[key]; dup {
			drop[i] = true
			dropped = append(dropped, report.DroppedParagraph{Index: i, DuplicateOf: first, Text: s[p.start:p.end]})
			continue
		}
		seen[key] = i
	}
	spans := make([]report.Span, 0, len(ps)-len(dropped))
	if len(dropped) == 0 {
		for _, p := range ps {
			spans = append(spans, report.Span{Start: p.start, End: p.end})
		}
		return s, spans, nil
	}
	// Repeats after the last kept paragraph go with the line break before
	// them, so the text ends as the input did (with or without a newline).
	lastKept := len(ps) - 1
	for drop[lastKept] {
		lastKept--
	}
	var b strings.Builder
	b.Grow(len(s))
	from := 0  // start of the input not yet copied
	shift := 0 // bytes removed so far
	for i, p := range ps {
		switch {
		case !drop[i]:
			spans = append(spans, report.Span{Start: p.start - shift, End: p.end - shift})
		case i > lastKept:
			cut := lineBreak(s, ps[lastKept].end)
			end := ps[len(ps)-1].end
			b.WriteString(s[from:cut])
			b.WriteString(s[end:])
			return b.String(), spans, dropped
		default:
			to := ps[i+1].line
			b.WriteString(s[from:p.line])
			shift += to - p.line
			from = to
		}
	}
	b.WriteString(s[from:])
	return b.String(), spans, dropped
}

// lineBreak returns where the line break after offset i starts (at its
// "\r" for "\r\n"), or len(s) when the line is the last.
func lineBreak(s string, i int) int {
	nl := strings.IndexByte(s[i:], '\n')
	if nl < 0 {
		return len(s)
	}
	j := i + nl
	if j > i && s[j-1] == '\r' {
		j--
	}
	return j
}
