package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerClass holds class and id words that mark page furniture: ads,
// share bars, newsletter and donation boxes, comments, related links,
// navigation. Readability scores some of these; removing them first also
// catches boxes that sit inside the article container.
var boilerClass = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "advertisement": true, "advertising": true,
	"sponsor": true, "sponsored": true, "promo": true, "promotion": true, "outbrain": true, "taboola": true,
	"newsletter": true, "donate": true, "donation": true, "subscribe": true, "subscription": true,
	"signup": true, "paywall": true, "share": true, "sharing": true, "social": true, "related": true,
	"recommended": true, "recirculation": true, "cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"comment": true, "comments": true, "disqus": true, "breadcrumb": true, "breadcrumbs": true,
	"popup": true, "modal": true, "sidebar": true, "nav": true, "navbar": true, "menu": true,
	"footer": true, "masthead": true, "toolbar": true, "publicidad": true, "anuncio": true,
}

// stripBoilerplate removes from doc the elements whose class or id words
// mark them as page furniture. It never removes the page's frame (html,
// body, main, article) nor an element holding half or more of the page's
// text, so a stray class on the article container cannot empty the page.
func stripBoilerplate(doc *html.Node) {
	total := len(textOf(doc))
	var cut []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && furniture(n) && len(textOf(n))*2 < total {
			cut = append(cut, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range cut {
		n.Parent.RemoveChild(n)
	}
}

// furniture reports whether an element's tag or class and id words mark
// it as page furniture rather than content.
func furniture(n *html.Node) bool {
	switch tag(n) {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	case atom.Nav, atom.Aside, atom.Footer, atom.Form:
		return true
	}
	if attr(n, "role") == "navigation" || attr(n, "role") == "complementary" {
		return true
	}
	words := strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	for _, w := range words {
		if boilerClass[w] {
			return true
		}
	}
	return false
}

// boilerLine holds the Normalize form of lines that are page furniture
// wherever they stand on their own: ad labels and reading prompts.
var boilerLine = map[string]bool{
	"advertisement": true, "advertisements": true, "advertising": true, "ad": true, "sponsored": true,
	"sponsored content": true, "story continues below advertisement": true, "skip advertisement": true,
	"continue reading": true, "continue reading below": true, "read more": true, "share": true,
	"share this article": true, "share this": true, "publicidad": true, "anuncio": true, "compartir": true,
	"lee también": true, "lea también": true, "leer más": true, "sigue leyendo": true,
}

// trimPage drops the furniture lines from extracted text, and its first
// line when that is only the headline again (the title is in Meta).
func trimPage(text string, titles ...string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for i, l := range lines {
		n := Normalize(l)
		if boilerLine[n] || (i == 0 && isTitle(n, titles)) {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// isTitle reports whether the normalized line n is the headline: equal to
// a title, or a title's leading part before an outlet suffix.
func isTitle(n string, titles []string) bool {
	if n == "" {
		return false
	}
	for _, t := range titles {
		t = Normalize(t)
		if t == n {
			return true
		}
		if rest, ok := strings.CutPrefix(t, n); ok && strings.Count(n, " ") >= 2 {
			if r := strings.TrimSpace(rest); r != "" && strings.ContainsAny(r[:1], "|-:·") {
				return true
			}
		}
	}
	return false
}
