package clean

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaSources collects every candidate value a page offers; readMeta picks
// the most specific one for each field.
type metaSources struct {
	title, ogTitle, ldHeadline        string
	siteName, ldPublisher, appName    string
	canonical, ogURL, ldURL           string
	articleTime, ldPublished, dateTag string
	author, ldAuthor                  string
	lang, ldLang, ogLocale, httpLang  string
}

// readMeta reads what a page says about itself from its <html lang>,
// <title>, <meta> and <link rel=canonical> tags and its JSON-LD.
// It also returns the raw <title>, which often carries the outlet's name.
func readMeta(doc *html.Node) (Meta, string) {
	var s metaSources
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				setOnce(&s.lang, attr(n, "lang"))
			case atom.Title:
				setOnce(&s.title, textOf(n))
				return
			case atom.Meta:
				s.meta(n)
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") {
					setOnce(&s.canonical, attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					s.jsonLD(rawText(n))
				}
				return
			case atom.Svg, atom.Math, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	m := Meta{
		Title:     first(s.ogTitle, s.ldHeadline, s.title),
		Outlet:    first(s.siteName, s.ldPublisher, s.appName),
		URL:       first(s.canonical, s.ogURL, s.ldURL),
		Published: first(s.articleTime, s.ldPublished, s.dateTag),
		Author:    first(s.author, s.ldAuthor),
		Language:  strings.ReplaceAll(first(s.lang, s.ldLang, s.ogLocale, s.httpLang), "_", "-"),
	}
	if m.Title == s.title && m.Outlet != "" {
		m.Title = trimOutlet(m.Title, m.Outlet)
	}
	return m, s.title
}

// meta files one <meta> tag under the field it names.
func (s *metaSources) meta(n *html.Node) {
	key := strings.ToLower(strings.TrimSpace(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv"))))
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	switch key {
	case "og:title", "twitter:title":
		setOnce(&s.ogTitle, val)
	case "og:site_name":
		setOnce(&s.siteName, val)
	case "application-name":
		setOnce(&s.appName, val)
	case "og:url":
		setOnce(&s.ogURL, val)
	case "article:published_time", "og:article:published_time", "datepublished":
		setOnce(&s.articleTime, val)
	case "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date":
		setOnce(&s.dateTag, val)
	case "author", "dc.creator", "article:author", "parsely-author", "byl":
		if !strings.Contains(val, "://") { // article:author is often a profile URL
			setOnce(&s.author, val)
		}
	case "og:locale":
		setOnce(&s.ogLocale, val)
	case "content-language", "language", "dc.language":
		setOnce(&s.httpLang, val)
	}
}

// jsonLD reads the article fields of a JSON-LD block: a single object, an
// array of them, or an @graph; the first article-like object wins.
func (s *metaSources) jsonLD(src string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var objs []map[string]any
	var collect func(v any)
	collect = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				collect(e)
			}
		case map[string]any:
			objs = append(objs, t)
			if g, ok := t["@graph"]; ok {
				collect(g)
			}
		}
	}
	collect(v)
	for _, o := range objs {
		if !articleType(o["@type"]) {
			continue
		}
		setOnce(&s.ldHeadline, str(o["headline"]))
		setOnce(&s.ldPublished, str(o["datePublished"]))
		setOnce(&s.ldAuthor, names(o["author"]))
		setOnce(&s.ldPublisher, names(o["publisher"]))
		setOnce(&s.ldLang, str(o["inLanguage"]))
		setOnce(&s.ldURL, first(str(o["url"]), str(o["mainEntityOfPage"])))
	}
}

// articleType reports whether a JSON-LD @type (a string or a list) names
// a kind of article.
func articleType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || v == "ReportageNews" || v == "BlogPosting" || v == "LiveBlogPosting"
	case []any:
		for _, e := range v {
			if articleType(e) {
				return true
			}
		}
	}
	return false
}

// names reads a JSON-LD person or organisation: a string, an object with a
// name, or a list of either, joined with ", ".
func names(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case map[string]any:
		return str(t["name"])
	case []any:
		var out []string
		for _, e := range t {
			if n := names(e); n != "" {
				out = append(out, n)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

// str reads a JSON-LD string, or the @id of an object (mainEntityOfPage).
func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.Join(strings.Fields(t), " ")
	case map[string]any:
		if id, ok := t["@id"].(string); ok {
			return strings.TrimSpace(id)
		}
	}
	return ""
}

// trimOutlet cuts a " | Outlet" or " - Outlet" suffix (or prefix) off a
// <title>.
func trimOutlet(title, outlet string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+outlet); ok && t != "" {
			return t
		}
		if t, ok := strings.CutPrefix(title, outlet+sep); ok && t != "" {
			return t
		}
	}
	return title
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf is the text under n with white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// rawText is the text under n as written (for script content).
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

func first(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
