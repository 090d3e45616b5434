// Package clean turns one raw document, plain text or an HTML page, into the
// cleaned report text that every later stage reads and every evidence offset
// points into. It sanitises the bytes (invalid UTF-8, byte-order marks),
// extracts the article from HTML, splits paragraphs and drops repeats.
package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/report"
	"golang.org/x/text/encoding/unicode"
)

// Format names how an input is read.
type Format string

// The input formats.
const (
	Text Format = "text" // plain text: the author's bytes are kept
	HTML Format = "html" // an HTML page or fragment: the article is extracted
	Auto Format = "auto" // sniff the input (and the zero value means the same)
)

// DefaultMaxBytes is the input size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes = 50 << 20

// Meta is what an HTML page says about itself. Plain text has none.
type Meta struct {
	Title     string // <title>, og:title, or JSON-LD headline
	Outlet    string // og:site_name, JSON-LD publisher
	URL       string // canonical link or og:url
	Published string // article:published_time, JSON-LD datePublished, as written
	Author    string // meta author, JSON-LD author
	Language  string // <html lang>, og:locale, JSON-LD inLanguage
}

// Doc is a cleaned document.
type Doc struct {
	Text        string                    // the cleaned text: evidence offsets point here
	Paragraphs  []report.Span             // kept paragraphs' spans in Text, in order
	Dropped     []report.DroppedParagraph // repeats removed; Index/DuplicateOf count input paragraphs
	InvalidUTF8 int                       // invalid byte sequences replaced with U+FFFD
	Format      Format                    // the format actually used (never Auto)
	Meta        Meta                      // from the HTML head; zero for text
	Warnings    []string                  // human-readable notes on what was repaired
}

// Options tune Clean.
type Options struct {
	MaxBytes int64 // largest input accepted; 0 means DefaultMaxBytes
}

// Clean reads input as format and returns the cleaned document. Bad input
// (empty, binary, too large) is a *report.ErrInvalid with Input left empty
// for the caller to fill; damaged input (invalid UTF-8, broken HTML) is
// repaired as well as can be and noted in Doc.Warnings.
func Clean(input []byte, format Format, opt Options) (Doc, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	switch {
	case int64(len(input)) > limit:
		return Doc{}, invalid(fmt.Sprintf("input is %d bytes, over the %d-byte limit", len(input), limit))
	case len(bytes.TrimSpace(input)) == 0:
		return Doc{}, invalid("empty input")
	}
	var doc Doc
	input, err := decodeBOM(input, &doc)
	if err != nil {
		return Doc{}, err
	}
	if isBinary(input) {
		return Doc{}, invalid("binary input, not text or HTML")
	}
	switch format {
	case "", Auto:
		format = Sniff(input)
	case Text, HTML:
	default:
		return Doc{}, invalid(fmt.Sprintf("unknown format %q (want text, html or auto)", format))
	}
	doc.Format = format

	var text string
	if format == HTML {
		input = decodeCharset(input, &doc)
		text, doc.InvalidUTF8 = sanitize(input)
		var ok bool
		text, doc.Meta, ok = extractHTML(text)
		if !ok {
			return Doc{}, invalid("no article text found in HTML")
		}
	} else {
		text, doc.InvalidUTF8 = sanitize(input)
	}
	if doc.InvalidUTF8 > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d invalid UTF-8 sequences replaced", doc.InvalidUTF8))
	}
	doc.Text, doc.Paragraphs, doc.Dropped = dedup(text)
	if n := len(doc.Dropped); n > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d repeated paragraphs dropped", n))
	}
	return doc, nil
}

func invalid(reason string) error { return &report.ErrInvalid{Reason: reason} }

// decodeBOM strips a UTF-8 byte-order mark and decodes UTF-16 marked by one,
// so that Text starts with the author's first character.
func decodeBOM(in []byte, doc *Doc) ([]byte, error) {
	switch {
	case bytes.HasPrefix(in, []byte{0xEF, 0xBB, 0xBF}):
		return in[3:], nil
	case bytes.HasPrefix(in, []byte{0xFF, 0xFE}), bytes.HasPrefix(in, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(in)
		if err != nil {
			return nil, invalid(fmt.Sprintf("decode UTF-16: %v", err))
		}
		doc.Warnings = append(doc.Warnings, "UTF-16 input decoded to UTF-8")
		return out, nil
	}
	return in, nil
}

// sniffLen is how much of the input the binary and format sniffers read.
const sniffLen = 8 << 10

// isBinary reports whether the head of in looks like a binary file: any NUL
// byte, or more than one byte in ten a control character text never holds.
func isBinary(in []byte) bool {
	head := in[:min(len(in), sniffLen)]
	ctl := 0
	for _, c := range head {
		if c >= 0x20 && c != 0x7f {
			continue // printable ASCII or UTF-8: nearly every byte, one test
		}
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\r', c == '\f', c == '\v', c == 0x1b:
		case c < 0x20, c == 0x7f:
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// sanitize returns in as a string with every maximal run of invalid UTF-8
// replaced by one U+FFFD, and how many runs it replaced.
func sanitize(in []byte) (string, int) {
	if utf8.Valid(in) {
		return string(in), 0
	}
	var b strings.Builder
	b.Grow(len(in) + 16)
	n := 0
	bad := false
	for len(in) > 0 {
		r, size := utf8.DecodeRune(in)
		if r == utf8.RuneError && size == 1 {
			if !bad {
				b.WriteRune(utf8.RuneError)
				n++
				bad = true
			}
		} else {
			b.Write(in[:size])
			bad = false
		}
		in = in[size:]
	}
	return b.String(), n
}

// Sniff guesses the format of in: HTML when it starts with a tag, a comment
// or a doctype, or when block tags such as <p> or <br> appear in its head;
// plain text otherwise.
func Sniff(in []byte) Format {
	head := in[:min(len(in), sniffLen)]
	head = bytes.TrimLeft(head, " \t\r\n\f\v\uFEFF")
	if len(head) >= 2 && head[0] == '<' {
		c := head[1]
		if c == '!' || c == '?' || c == '/' || ('a' <= c|0x20 && c|0x20 <= 'z') {
			return HTML
		}
	}
	lower := bytes.ToLower(head)
	tags := 0
	for _, t := range []string{"<p>", "<p ", "</p>", "<br>", "<br/>", "<br />", "<div", "</div>", "<html", "<body", "<li>", "</a>"} {
		tags += bytes.Count(lower, []byte(t))
	}
	if tags >= 2 {
		return HTML
	}
	return Text
}
