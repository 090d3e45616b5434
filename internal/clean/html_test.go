package clean

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/html")

// fixture is one hand-written page and what its article must (and must not) yield.
type fixture struct {
	name  string
	page  []byte
	keep  []string // "+ " lines: article sentences that must be in Text
	leak  []string // "- " lines: boilerplate that must not be
	lines []string // "= " lines: exact lines Text must hold
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	pages, err := filepath.Glob("testdata/html/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures in testdata/html: %v", err)
	}
	var fs []fixture
	for _, p := range pages {
		f := fixture{name: strings.TrimSuffix(filepath.Base(p), ".html")}
		if f.page, err = os.ReadFile(p); err != nil {
			t.Fatal(err)
		}
		want, err := os.Open(strings.TrimSuffix(p, ".html") + ".want")
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(want)
		for sc.Scan() {
			line := sc.Text()
			if len(line) < 2 {
				continue
			}
			switch body := line[2:]; line[:2] {
			case "+ ":
				f.keep = append(f.keep, body)
			case "- ":
				f.leak = append(f.leak, body)
			case "= ":
				f.lines = append(f.lines, body)
			}
		}
		want.Close()
		fs = append(fs, f)
	}
	return fs
}

// score counts the fixture's article sentences found in text and the
// boilerplate strings that leaked into it, comparing Normalize forms.
func (f fixture) score(text string) (kept, leaked int) {
	n := Normalize(text)
	for _, s := range f.keep {
		if strings.Contains(n, Normalize(s)) {
			kept++
		}
	}
	for _, s := range f.leak {
		if strings.Contains(n, Normalize(s)) {
			leaked++
		}
	}
	return kept, leaked
}

// TestHTMLQuality measures each extractor on every fixture (run with -v to
// see the table recorded at the top of html.go): Readability alone, the
// visible-text fallback alone, and Clean's pipeline, which must keep every
// article sentence and leak nothing.
func TestHTMLQuality(t *testing.T) {
	parsed := func(ex func(*html.Node) string) func(string) string {
		return func(page string) string {
			doc, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			return ex(doc)
		}
	}
	extractors := []struct {
		name string
		fn   func(page string) string
	}{
		{"readability", parsed(extractReadability)},
		{"visible", parsed(extractVisible)},
		{"strip+vis", parsed(func(doc *html.Node) string { stripBoilerplate(doc); return extractVisible(doc) })},
		{"clean", func(page string) string { text, _, _ := extractHTML(page); return text }},
	}
	fs := loadFixtures(t)
	for _, e := range extractors {
		var kept, keep, leaked, leak int
		for _, f := range fs {
			k, l := f.score(e.fn(string(f.page)))
			t.Logf("%-11s %-12s kept %d/%d, leaked %d/%d", e.name, f.name, k, len(f.keep), l, len(f.leak))
			kept, keep, leaked, leak = kept+k, keep+len(f.keep), leaked+l, leak+len(f.leak)
		}
		t.Logf("%-11s total        kept %d/%d (%.0f%%), leaked %d/%d (%.0f%%)", e.name, kept, keep, 100*float64(kept)/float64(keep), leaked, leak, 100*float64(leaked)/float64(leak))
		if e.name == "clean" && (kept != keep || leaked != 0) {
			t.Errorf("Clean's pipeline kept %d/%d article sentences and leaked %d; want all and none", kept, keep, leaked)
		}
	}
}

// TestCleanHTML runs every fixture through Clean: each must keep all its
// article sentences and exact lines, leak no boilerplate, and match its
// golden output (rewrite with -update).
func TestCleanHTML(t *testing.T) {
	for _, f := range loadFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			d, err := Clean(f.page, Auto, Options{})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			checkDoc(t, d)
			if d.Format != HTML {
				t.Errorf("Format = %q, want html", d.Format)
			}
			n := Normalize(d.Text)
			for _, s := range f.keep {
				if !strings.Contains(n, Normalize(s)) {
					t.Errorf("article sentence missing: %q", s)
				}
			}
			for _, s := range f.leak {
				if strings.Contains(n, Normalize(s)) {
					t.Errorf("boilerplate leaked: %q", s)
				}
			}
			lines := map[string]bool{}
			for _, l := range strings.Split(d.Text, "\n") {
				lines[l] = true
			}
			for _, l := range f.lines {
				if !lines[l] {
					t.Errorf("no line %q in Text", l)
				}
			}
			for _, bad := range []string{"<", "&amp;", "&mdash;", "&#"} {
				if strings.Contains(d.Text, bad) {
					t.Errorf("Text holds markup or an undecoded entity %q", bad)
				}
			}
			golden(t, filepath.Join("testdata", "html", f.name+".golden"), d)
		})
	}
}

// golden compares d (as indented JSON) with the file at path, or rewrites
// it under -update.
func golden(t *testing.T, path string, d Doc) {
	t.Helper()
	got, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\ngot:\n%s", path, got)
	}
}
