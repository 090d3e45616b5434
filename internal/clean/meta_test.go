package clean

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name string
		page string
		want Meta
	}{
		{
			name: "title with outlet suffix and site name",
			page: `<html lang="en"><head><title>Strike hits depot | Gulf Herald</title><meta property="og:site_name" content="Gulf Herald"></head></html>`,
			want: Meta{Title: "Strike hits depot", Outlet: "Gulf Herald", Language: "en"},
		},
		{
			name: "og tags beat title and JSON-LD",
			page: `<head><title>x - Y</title><meta property="og:title" content="Real headline"><meta property="og:url" content="https://a.example/1"><meta property="article:published_time" content="2024-01-02T03:04:05Z"><meta name="author" content="A. Writer"><meta property="og:locale" content="es_MX"></head>`,
			want: Meta{Title: "Real headline", URL: "https://a.example/1", Published: "2024-01-02T03:04:05Z", Author: "A. Writer", Language: "es-MX"},
		},
		{
			name: "JSON-LD graph with authors list and publisher",
			page: `<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"Raid in  Kunar","datePublished":"2013-01-25","author":[{"@type":"Person","name":"One"},"Two"],"publisher":{"@type":"Organization","name":"Wire"},"inLanguage":"en-US","mainEntityOfPage":{"@id":"https://w.example/raid"}}]}</script></head>`,
			want: Meta{Title: "Raid in Kunar", Outlet: "Wire", URL: "https://w.example/raid", Published: "2013-01-25", Author: "One, Two", Language: "en-US"},
		},
		{
			name: "canonical link beats og:url; author URL ignored",
			page: `<head><link rel="canonical" href="https://c.example/a"><meta property="og:url" content="https://c.example/a?utm=x"><meta property="article:author" content="https://facebook.example/someone"></head>`,
			want: Meta{URL: "https://c.example/a"},
		},
		{
			name: "broken JSON-LD is ignored",
			page: `<head><script type="application/ld+json">{"@type":"NewsArticle","headline":</script><title>Fine</title></head>`,
			want: Meta{Title: "Fine"},
		},
		{
			name: "no head at all",
			page: `<p>Just a paragraph.</p>`,
			want: Meta{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := readMeta(doc); got != tt.want {
				t.Errorf("readMeta = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCleanHTMLSmall(t *testing.T) {
	tests := []struct {
		name     string
		page     string
		text     string
		warnings []string
	}{
		{
			name: "feed fragment with entities and inline tags",
			page: `<p>Officials said a <b>drone</b> strike hit Miranshah &amp; killed 3 &ndash; &quot;militants&quot;.</p><p>No comment from Kabul.</p>`,
			text: "Officials said a drone strike hit Miranshah & killed 3 – \"militants\".\nNo comment from Kabul.",
		},
		{
			name: "fragment of text and line breaks",
			page: "Officials said.<br>More.<br/>Even   more.",
			text: "Officials said.\nMore.\nEven more.",
		},
		{
			name: "bare div",
			page: "<div>Bare text in a div about a strike</div>",
			text: "Bare text in a div about a strike",
		},
		{
			name: "inline tags and an entity only",
			page: "<b>Bold</b> then text &amp; more",
			text: "Bold then text & more",
		},
		{
			name:     "latin-1 page declared in a meta tag",
			page:     "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Ataque en Michoac\xe1n: las autoridades confirmaron tres muertos en el municipio de Aguililla.</p></body></html>",
			text:     "Ataque en Michoacán: las autoridades confirmaron tres muertos en el municipio de Aguililla.",
			warnings: []string{"page decoded from windows-1252"},
		},
		{
			name:     "repeated paragraphs and ad labels in a page",
			page:     `<body><div><p>First paragraph of the report about the strike near the border.</p><p>Advertisement</p><p>Second paragraph with the official's statement on the raid.</p><p>First paragraph of the report about the strike near the border.</p></div></body>`,
			text:     "First paragraph of the report about the strike near the border.\nSecond paragraph with the official's statement on the raid.",
			warnings: []string{"1 repeated paragraphs dropped"},
		},
		{
			name: "hidden and script content never shows",
			page: `<body><p>Visible report text about the air strike in the valley.</p><p style="display: none">hidden tracking text</p><p hidden>also hidden</p><script>var x = "<p>not text</p>";</script><noscript>Enable JavaScript</noscript></body>`,
			text: "Visible report text about the air strike in the valley.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Clean([]byte(tt.page), Auto, Options{})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			checkDoc(t, d)
			if d.Format != HTML {
				t.Errorf("Format = %q, want html", d.Format)
			}
			if d.Text != tt.text {
				t.Errorf("Text = %q, want %q", d.Text, tt.text)
			}
			if strings.Join(d.Warnings, "; ") != strings.Join(tt.warnings, "; ") {
				t.Errorf("Warnings = %q, want %q", d.Warnings, tt.warnings)
			}
		})
	}
}
