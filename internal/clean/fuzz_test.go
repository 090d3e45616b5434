package clean

import (
	"strings"
	"testing"
)

// FuzzClean feeds arbitrary bytes through every format: Clean must not
// panic, and whatever it returns must satisfy checkDoc; for plain text the
// kept paragraphs must be the input's paragraphs less the dropped ones.
func FuzzClean(f *testing.F) {
	seeds := []string{
		"Kabul – A strike hit.\nMore text.\nKabul - A strike hit.",
		"Share\n\n—\n\nA strike.\r\n—\r\nshare",
		"bad \xff\xfe bytes\n\xe2\x80",
		"<p>One.</p><p>Two.<br>Three.</p><p>One.</p>",
		"<html lang=es><head><title>T</title><meta property=og:site_name content=X></head><body><article><h1>H</h1><p>Uno &amp; dos.</p><table><tr><td>a<td>b</table></article>",
		"<div><p>unclosed <b>bold <i>italic</p></div></span></body><script>x</script>",
		"<!doctype html><!-- c --><noscript><p>n</p></noscript>",
		"\xff\xfeK\x00a\x00",
	}
	for _, s := range seeds {
		f.Add([]byte(s), "auto")
		f.Add([]byte(s), "text")
		f.Add([]byte(s), "html")
	}
	f.Fuzz(func(t *testing.T, in []byte, format string) {
		d, err := Clean(in, Format(format), Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		checkDoc(t, d)
		if d.Format != Text || d.InvalidUTF8 > 0 {
			return
		}
		if s := string(in); strings.HasPrefix(s, "\xef\xbb\xbf") || strings.HasPrefix(s, "\xff\xfe") || strings.HasPrefix(s, "\xfe\xff") {
			return
		}
		var want []string
		dropped := map[int]bool{}
		for _, dp := range d.Dropped {
			dropped[dp.Index] = true
		}
		s := string(in)
		for i, p := range paragraphs(s) {
			if !dropped[i] {
				want = append(want, s[p.start:p.end])
			}
		}
		got := spanTexts(d)
		if len(got) != len(want) {
			t.Fatalf("kept %d paragraphs, want %d", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("paragraph %d = %q, want %q", i, got[i], want[i])
			}
		}
	})
}

// FuzzCleanHTML mutates the fixture pages through the HTML path: no panic,
// and every result satisfies checkDoc with no markup-only lines.
func FuzzCleanHTML(f *testing.F) {
	for _, fx := range loadFixtures(f) {
		f.Add(fx.page)
	}
	f.Add([]byte("<table><tr><td>a<p>b</td><td><br><br>c</table><pre>x\n  y</pre>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := Clean(in, HTML, Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		checkDoc(t, d)
		if d.Format != HTML {
			t.Fatalf("Format = %q, want html", d.Format)
		}
	})
}
