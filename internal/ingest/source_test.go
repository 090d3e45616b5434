package ingest

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// summary is a document reduced to what the reader tests compare.
type docView struct {
	Name, Body, Format, ID, URL, Outlet, Title, Published, Err string
}

func view(d Doc) docView {
	v := docView{Name: d.Name, Body: string(d.Body), Format: d.Format, ID: d.ID, URL: d.URL,
		Outlet: d.Outlet, Title: d.Title, Published: d.Published}
	if d.Err != nil {
		v.Err = d.Err.Error()
		v.Body, v.Format = "", ""
	}
	return v
}

func collect(seq func(func(Doc) bool)) []docView {
	var out []docView
	for d := range seq {
		out = append(out, view(d))
	}
	return out
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReaderDocs(t *testing.T) {
	dir := t.TempDir()
	feedXML, err := os.ReadFile("testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"a.txt":             "A drone strike hit Marib.",
		"b.HTML":            "<p>Hello</p>",
		".hidden.txt":       "hidden",
		".git/config.txt":   "hidden folder",
		"notes.md":          "unknown extension",
		"sub/c.jsonl":       "{\"id\":\"c1\",\"text\":\"one\"}\n\nnot json\n{\"id\":7,\"text\":\"two\",\"published\":\"2024-01-02T10:00:00Z\"}\n{\"title\":\"no text\"}\n",
		"sub/feed.xml":      string(feedXML),
		"sub/z.json":        `[{"text":"x1"},{"text":"x2","url":"https://e.org/2"}]`,
		"explicit-noext":    "{\"text\":\"sniffed as json lines\"}\n",
		"explicit-page.dat": "<html><body>page</body></html>",
	})
	missing := filepath.Join(dir, "missing.txt")
	r := Reader{}
	got := collect(r.Docs(t.Context(), []string{dir, missing}))
	// The explicit files are also inside dir but have unknown extensions:
	// the walk skips them; naming them reads them.
	got = append(got, collect(r.Docs(t.Context(), []string{filepath.Join(dir, "explicit-noext"), filepath.Join(dir, "explicit-page.dat")}))...)
	for i := range got {
		got[i].Name = strings.TrimPrefix(got[i].Name, dir+string(filepath.Separator))
		got[i].Err = strings.ReplaceAll(got[i].Err, dir+string(filepath.Separator), "")
	}
	want := []docView{
		{Name: "a.txt", Body: "A drone strike hit Marib.", Format: "text"},
		{Name: "b.HTML", Body: "<p>Hello</p>", Format: "html"},
		{Name: "sub/c.jsonl:1", Body: "one", Format: "auto", ID: "c1"},
		{Name: "sub/c.jsonl:3", Err: "sub/c.jsonl:3: invalid JSON: invalid character 'o' in literal null (expecting 'u')"},
		{Name: "sub/c.jsonl:4", Body: "two", Format: "auto", ID: "7", Published: "2024-01-02"},
		{Name: "sub/c.jsonl:5", Title: "no text", Err: "sub/c.jsonl:5: no text"},
		{Name: "sub/feed.xml#item-1", Body: "<p>A drone strike hit a vehicle in Marib province on Thursday, officials said.</p>", Format: "html",
			URL: "https://news.example.org/2024/03/01/drone-strike.html", Outlet: "Example Wire", Title: "Drone strike reported in Marib", Published: "2024-03-01"},
		{Name: "sub/feed.xml#https://news.example.org/2024/03/02/discuss.html", Body: "<p>Officials discussed possible strikes.</p>", Format: "html",
			URL: "https://news.example.org/2024/03/02/discuss.html", Outlet: "Example Wire", Title: "Officials discuss strikes"},
		{Name: "sub/z.json:1", Body: "x1", Format: "auto"},
		{Name: "sub/z.json:1", Body: "x2", Format: "auto", URL: "https://e.org/2"},
		{Name: "missing.txt", Err: "read: stat missing.txt: no such file or directory"},
		{Name: "explicit-noext:1", Body: "sniffed as json lines", Format: "auto"},
		{Name: "explicit-page.dat", Body: "<html><body>page</body></html>", Format: "html"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", dump(got), dump(want))
	}
}

func dump(vs []docView) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(strings.ReplaceAll(strings.TrimSpace(strings.Join([]string{v.Name, v.Format, v.ID, v.URL, v.Outlet, v.Title, v.Published, v.Err, v.Body}, " | ")), "\n", `\n`))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestReaderFormatOverride(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "<p>x</p>", "b.jsonl": `{"text":"y"}` + "\n" + `{"html":"<p>z</p>"}`})
	got := collect(Reader{Format: "html"}.Docs(t.Context(), []string{dir}))
	for _, d := range got {
		if d.Format != "html" {
			t.Errorf("%s: got format %q, want html", d.Name, d.Format)
		}
	}
	got = collect(Reader{}.Docs(t.Context(), []string{filepath.Join(dir, "b.jsonl")}))
	if len(got) != 2 || got[0].Format != "auto" || got[1].Format != "html" {
		t.Errorf("got %+v, want auto for text and html for an html field", got)
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		want   docView
		wantOK bool
	}{
		{"blank", "   \r", docView{}, false},
		{"full", `{"id":"x","text":"body","url":"https://a/b","outlet":"AP","title":"T","published":"2020-02-29"}`,
			docView{Name: "f:1", Body: "body", Format: "auto", ID: "x", URL: "https://a/b", Outlet: "AP", Title: "T", Published: "2020-02-29"}, true},
		{"nulls", `{"id":null,"text":"body","url":null,"published":null,"gold":{"x":1}}`,
			docView{Name: "f:1", Body: "body", Format: "auto"}, true},
		{"bom and crlf", "\ufeff{\"text\":\"b\"}\r", docView{Name: "f:1", Body: "b", Format: "auto"}, true},
		{"numeric id", `{"id":12,"text":"b"}`, docView{Name: "f:1", Body: "b", Format: "auto", ID: "12"}, true},
		{"bad id", `{"id":[1],"text":"b"}`, docView{Name: "f:1", Err: "f:1: id must be a string or a number"}, true},
		{"syntax", `{"text":`, docView{Name: "f:1", Err: "f:1: invalid JSON: unexpected EOF"}, true},
		{"array", `[1,2]`, docView{Name: "f:1", Err: "f:1: invalid JSON: a line must be a JSON object, not a array"}, true},
		{"text not string", `{"text":5}`, docView{Name: "f:1", Err: `f:1: invalid JSON: field "text" must not be a JSON number`}, true},
		{"two values", `{"text":"a"} {"text":"b"}`, docView{Name: "f:1", Err: "f:1: invalid JSON: more than one value on the line"}, true},
		{"empty text", `{"text":"  "}`, docView{Name: "f:1", Err: "f:1: no text"}, true},
		{"bad date", `{"text":"a","published":"yesterday"}`, docView{Name: "f:1", Err: `f:1: published "yesterday" is not YYYY-MM-DD`}, true},
		{"bad month", `{"text":"a","published":"2020-13-01"}`, docView{Name: "f:1", Err: `f:1: published "2020-13-01" is not YYYY-MM-DD`}, true},
		{"not utf8", "{\"text\":\"\xff\"}", docView{Name: "f:1", Err: "f:1: not UTF-8"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := ParseLine([]byte(tc.line), "f:1", "auto")
			if ok != tc.wantOK {
				t.Fatalf("got ok=%v, want %v", ok, tc.wantOK)
			}
			if got := view(d); ok && got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReadLine(t *testing.T) {
	in := "short\n" + strings.Repeat("x", 100) + "\nafter\nlast"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	type line struct {
		text    string
		tooLong bool
	}
	var got []line
	for {
		l, tooLong, err := readLine(br, 50)
		got = append(got, line{string(l), tooLong})
		if err != nil {
			break
		}
	}
	want := []line{{"short", false}, {"", true}, {"after", false}, {"last", false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []docView
	}{
		{"one object", `{"text":"a"}`, []docView{{Name: "f:1", Body: "a", Format: "auto"}}},
		{"sequence", "{\"text\":\"a\"}\n\n{\"text\":\"b\"}", []docView{{Name: "f:1", Body: "a", Format: "auto"}, {Name: "f:3", Body: "b", Format: "auto"}}},
		{"array over lines", "[\n {\"text\":\"a\"},\n {\"text\":5},\n {\"text\":\"c\"}\n]",
			[]docView{{Name: "f:2", Body: "a", Format: "auto"}, {Name: "f:3", Err: `f:3: invalid JSON: field "text" must not be a JSON number`}, {Name: "f:4", Body: "c", Format: "auto"}}},
		{"empty", "", nil},
		{"broken", `{"text":"a"} {"te`, []docView{{Name: "f:1", Body: "a", Format: "auto"}, {Name: "f:1", Err: "f:1: invalid JSON: unexpected EOF"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := collect(func(y func(Doc) bool) { ReadJSON(context.Background(), strings.NewReader(tc.in), "f", "auto", y) })
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got:\n%s\nwant:\n%s", dump(got), dump(tc.want))
			}
		})
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"text\":\"x\",\"published\":\"2020-01-01\"}\n\nnot json\n{\"text\":5}\n"))
	f.Add([]byte(`{"html":"<p>x</p>","id":3.5}`))
	f.Add([]byte("\ufeff{\"text\":\"\\u0000\"}\r\n{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lines := bytes.Count(b, []byte("\n")) + 1
		n := 0
		ReadJSONL(context.Background(), bytes.NewReader(b), "f", "auto", func(d Doc) bool {
			n++
			if d.Err == nil && strings.TrimSpace(string(d.Body)) == "" {
				t.Errorf("%s: document with no text and no error", d.Name)
			}
			if d.Err != nil && !strings.HasPrefix(d.Err.Error(), d.Name+":") {
				t.Errorf("error %q does not name its line %s", d.Err, d.Name)
			}
			if d.Published != "" && !validDay(d.Published) {
				t.Errorf("published %q passed", d.Published)
			}
			return true
		})
		if n > lines {
			t.Errorf("got %d documents from %d lines", n, lines)
		}
	})
}

func FuzzFeedDocs(f *testing.F) {
	b, err := os.ReadFile("testdata/feed.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title></entry></feed>"))
	f.Add([]byte("not a feed"))
	f.Fuzz(func(t *testing.T, b []byte) {
		FeedDocs(b, "feed.xml", "https://example.org/", func(d Doc) bool {
			if d.Err == nil && len(bytes.TrimSpace(d.Body)) == 0 {
				t.Errorf("%s: item with no text and no error", d.Name)
			}
			if !strings.HasPrefix(d.Name, "feed.xml") {
				t.Errorf("name %q does not start with the feed's", d.Name)
			}
			return true
		})
	})
}

func TestReaderStdin(t *testing.T) {
	r := Reader{Stdin: strings.NewReader(`{"id":"s1","text":"from stdin"}` + "\n")}
	got := collect(r.Docs(t.Context(), []string{"-"}))
	want := []docView{{Name: "stdin:1", Body: "from stdin", Format: "auto", ID: "s1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := collect(Reader{}.Docs(t.Context(), []string{"-"})); len(got) != 1 || got[0].Err == "" {
		t.Errorf("got %+v, want an error without stdin", got)
	}
}
