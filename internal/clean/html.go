package clean

// HTML article extraction.
//
// Library choice, measured by TestHTMLQuality (go test -v -run HTMLQuality)
// on the seven pages in testdata/html, written for this purpose: an article
// buried in boilerplate, one with comments, a casualty table, <br>
// paragraphs in a layout table, a Spanish page, malformed markup, and a
// page of bare <div>s with no telling class names. 50 article sentences,
// 40 boilerplate strings:
//
//	extractor                               kept     leaked
//	go-readability/v2 v2.1.3 alone          50/50    4/40
//	visible <p>/<h1-3>/<li>/<tr> text alone 43/50    14/40
//	the same after stripBoilerplate         43/50    0/40 (0/7 on the <div> page)
//	stripBoilerplate + go-readability       50/50    0/40  <- used
//
// go-trafilatura could not be tried: the module proxy answers 403 for it.
// go-readability (readeck's maintained fork of go-shiori/go-readability, a
// port of Mozilla's Readability.js, the engine of Firefox Reader View)
// costs 4 modules beyond x/net and x/text (go-shiori/dom,
// andybalholm/cascadia, gogs/chardet, itlightning/dateparse), takes
// `go mod graph` from 13 to 161 lines (mostly its own test requirements)
// and adds 4.2 MB to a minimal binary (3.4 → 7.6 MB). It earns that on
// pages without semantic markup, where only its text-density scoring finds
// the article; class-based stripping then removes the boxes it lets
// through inside the article container. When it finds nothing, the visible
// text of paragraphs, headings, list items and table rows is the fallback.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// extractHTML returns the article text of page, one paragraph per line, and
// what the page says about itself. ok is false when the page has no text.
func extractHTML(page string) (text string, meta Meta, ok bool) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		// html.Parse only fails on reader errors, which a strings.Reader never has.
		return "", Meta{}, false
	}
	meta, title := readMeta(doc)
	stripBoilerplate(doc)
	// Readability mutates the tree it reads, so the fallback re-parses; the
	// fallback is the rare path.
	text = extractReadability(doc)
	if text == "" {
		if doc, err = html.Parse(strings.NewReader(page)); err == nil {
			stripBoilerplate(doc)
			text = extractVisible(doc)
			if text == "" {
				// A fragment with no paragraphs (text and <br>s, a bare
				// <div>): all its visible text, line by line.
				text = render(doc)
			}
		}
	}
	text = trimPage(text, meta.Title, title)
	return text, meta, strings.TrimSpace(text) != ""
}

// minArticle is the fewest letters an extraction must have to be taken; below
// it Readability has likely kept a caption or a byline, not the article.
const minArticle = 80

// maxElems bounds the pages handed to Readability (a long article has a
// few thousand elements).
const maxElems = 100_000

// extractReadability runs Mozilla's Readability algorithm on doc.
func extractReadability(doc *html.Node) string {
	p := readability.NewParser()
	p.DisableJSONLD = true // readMeta has read it already
	// Readability's scoring is superlinear; past this size the linear
	// fallback is the safer bet.
	p.MaxElemsToParse = maxElems
	art, err := p.ParseAndMutate(doc, nil)
	if err != nil || art.Node == nil {
		return ""
	}
	text := render(art.Node)
	if letters(text) < minArticle {
		return ""
	}
	return text
}

// extractVisible keeps the visible text of paragraphs, headings, list items
// and table rows, wherever they are; it is the fallback for pages where
// Readability finds no article.
func extractVisible(doc *html.Node) string {
	var lines []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipped(n) {
				return
			}
			switch tag(n) {
			case atom.P, atom.H1, atom.H2, atom.H3, atom.Li, atom.Tr, atom.Blockquote, atom.Pre, atom.Dd, atom.Figcaption:
				if t := render(n); t != "" {
					lines = append(lines, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return strings.Join(lines, "\n")
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// skipped reports whether an element holds nothing a reader sees as text.
func skipped(n *html.Node) bool {
	switch tag(n) {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Iframe, atom.Svg, atom.Math,
		atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Option, atom.Canvas, atom.Video, atom.Audio, atom.Object:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// block reports whether an element starts its own line.
func block(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Ul:
		return true
	}
	return false
}

// render writes the text under n one paragraph per line: block elements
// and <br> end lines, table cells are joined by tabs, runs of white space
// inside a line become one space (kept as written inside <pre>).
func render(n *html.Node) string {
	var r renderer
	r.walk(n, false)
	r.endLine()
	return strings.Join(r.lines, "\n")
}

type renderer struct {
	lines []string
	cur   strings.Builder
	space bool // a space is owed before the next word on this line
}

func (r *renderer) endLine() {
	if s := strings.TrimSpace(r.cur.String()); s != "" {
		r.lines = append(r.lines, s)
	}
	r.cur.Reset()
	r.space = false
}

func (r *renderer) text(s string, pre bool) {
	if pre {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				r.endLine()
			}
			r.word(strings.TrimRightFunc(line, unicode.IsSpace))
		}
		return
	}
	start := -1
	for i, c := range s {
		if unicode.IsSpace(c) {
			if start >= 0 {
				r.word(s[start:i])
				start = -1
			}
			r.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		r.word(s[start:])
	}
}

func (r *renderer) word(w string) {
	if w == "" {
		return
	}
	if r.space && r.cur.Len() > 0 {
		r.cur.WriteByte(' ')
	}
	r.space = false
	r.cur.WriteString(w)
}

func (r *renderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode {
		if skipped(n) {
			return
		}
		switch tag(n) {
		case atom.Br:
			r.endLine()
			return
		case atom.Td, atom.Th:
			if layoutCell(n) {
				// A page laid out in a table: the cell holds paragraphs.
				r.endLine()
				defer r.endLine()
				break
			}
			// Cells of a row share its line, a tab apart.
			if r.cur.Len() > 0 {
				r.cur.WriteByte('\t')
			}
			r.space = false
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				r.walkInline(c)
			}
			return
		case atom.Img:
			return
		}
		if block(tag(n)) {
			r.endLine()
			defer r.endLine()
		}
		pre = pre || tag(n) == atom.Pre
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre)
	}
}

// layoutCell reports whether a table cell holds paragraphs rather than a
// datum: block elements, or two or more line breaks.
func layoutCell(n *html.Node) bool {
	brs := 0
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch tag(c) {
			case atom.Br:
				brs++
			case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Table, atom.Blockquote, atom.Pre, atom.Section,
				atom.Article, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				found = true
			}
			walk(c)
		}
	}
	walk(n)
	return found || brs >= 2
}

// walkInline renders a table cell's content on the row's line: block
// elements inside a cell become spaces, not line breaks.
func (r *renderer) walkInline(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, false)
		return
	case html.ElementNode:
		if skipped(n) {
			return
		}
		if tag(n) == atom.Br || block(tag(n)) {
			r.space = true
		}
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walkInline(c)
	}
}

// decodeCharset converts a page in a legacy encoding (declared in a <meta>
// tag, or sniffed) to UTF-8. A page is taken as legacy only when its
// invalid UTF-8 sequences outnumber its valid multi-byte ones: a UTF-8
// page with a few bad bytes keeps its UTF-8 (and gets U+FFFD), rather than
// being garbled whole.
func decodeCharset(in []byte, doc *Doc) []byte {
	if utf8.Valid(in) || !mostlyInvalid(in) {
		return in
	}
	enc, name, _ := charset.DetermineEncoding(in, "text/html")
	if enc == nil || name == "utf-8" {
		return in
	}
	out, err := enc.NewDecoder().Bytes(in)
	if err != nil {
		return in
	}
	doc.Warnings = append(doc.Warnings, fmt.Sprintf("page decoded from %s", name))
	return out
}

// mostlyInvalid reports whether in has more invalid UTF-8 sequences than
// valid multi-byte characters.
func mostlyInvalid(in []byte) bool {
	valid, invalid := 0, 0
	for len(in) > 0 {
		if in[0] < utf8.RuneSelf {
			in = in[1:]
			continue
		}
		r, size := utf8.DecodeRune(in)
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		in = in[size:]
	}
	return invalid > valid
}

// tag is an element's tag as an atom. It reads Data, not DataAtom, because
// Readability renames and creates elements without setting DataAtom.
func tag(n *html.Node) atom.Atom {
	if n.DataAtom != 0 && n.DataAtom.String() == n.Data {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}
