package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/strikewatch/strikewatch/internal/feed"
)

// Doc is one document read from a source, before extraction. Err set means
// the source could not be read at this point (a bad JSON line, an unreadable
// file, a feed that does not parse): it is reported and counted as failed.
type Doc struct {
	ID     string // the caller's id (a JSON line's "id"), echoed into logs
	Name   string // where it came from: path, path:line, feedURL#item
	Body   []byte
	Format string // "text", "html" or "auto"
	URL    string
	Outlet string
	Title  string
	// Published is YYYY-MM-DD, "" when unknown.
	Published string
	Err       error
}

// Limits on what one local document may be; larger inputs are refused with
// an error instead of being read into memory.
const (
	maxFileBytes = 32 << 20
	maxLineBytes = 16 << 20
)

// kind is how a file is read.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
	kindJSON
	kindFeed
)

// kindOf maps a file extension to its reader.
func kindOf(path string) kind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return kindText
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".json":
		return kindJSON
	case ".xml", ".rss", ".atom", ".rdf":
		return kindFeed
	}
	return kindUnknown
}

// sniff guesses the kind of a file named explicitly whose extension says
// nothing, from its first bytes.
func sniff(head []byte) kind {
	h := bytes.TrimLeft(head, " \t\r\n\ufeff")
	h = bytes.TrimPrefix(h, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(h, []byte("{")):
		return kindJSONL
	case bytes.HasPrefix(h, []byte("<?xml")), bytes.HasPrefix(h, []byte("<rss")),
		bytes.HasPrefix(h, []byte("<feed")), bytes.HasPrefix(h, []byte("<rdf:RDF")):
		return kindFeed
	case bytes.HasPrefix(h, []byte("<")):
		return kindHTML
	}
	return kindText
}

// Reader turns paths into documents.
type Reader struct {
	// Format overrides the format of plain documents and JSON lines
	// ("text" or "html"); "" or "auto" keeps the extension's (or the
	// pipeline's own detection for JSON lines).
	Format string
	Log    *slog.Logger
	// Stdin is read as JSON Lines for the path "-"; nil refuses "-".
	Stdin io.Reader
}

func (r Reader) log() *slog.Logger {
	if r.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Log
}

func (r Reader) format(k kind) string {
	if r.Format != "" && r.Format != "auto" {
		return r.Format
	}
	switch k {
	case kindText:
		return "text"
	case kindHTML:
		return "html"
	}
	return "auto"
}

// Docs yields the documents under paths in a stable order: each path in
// turn; folders walked recursively in lexical order, skipping hidden names
// and unknown extensions. It stops early when ctx is done.
func (r Reader) Docs(ctx context.Context, paths []string) iter.Seq[Doc] {
	return func(yield func(Doc) bool) {
		for _, p := range paths {
			if ctx.Err() != nil {
				return
			}
			if !r.path(ctx, p, yield) {
				return
			}
		}
	}
}

// path yields the documents of one command-line path; false means stop.
func (r Reader) path(ctx context.Context, p string, yield func(Doc) bool) bool {
	if p == "-" {
		if r.Stdin == nil {
			return yield(Doc{Name: "stdin", Err: errors.New("stdin: not available")})
		}
		return r.read(ctx, "stdin", kindJSONL, r.Stdin, yield)
	}
	st, err := os.Stat(p)
	if err != nil {
		return yield(Doc{Name: p, Err: fmt.Errorf("read: %w", err)})
	}
	if !st.IsDir() {
		return r.file(ctx, p, kindOf(p), true, yield)
	}
	stop := errors.New("stop")
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return stop
		}
		if err != nil {
			if !yield(Doc{Name: path, Err: fmt.Errorf("read: %w", err)}) {
				return stop
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			r.log().Debug("skip hidden", logPath, path)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			r.log().Debug("skip non-regular file", logPath, path)
			return nil
		}
		k := kindOf(path)
		if k == kindUnknown {
			r.log().Debug("skip unknown extension", logPath, path)
			return nil
		}
		if !r.file(ctx, path, k, false, yield) {
			return stop
		}
		return nil
	})
	return !errors.Is(err, stop)
}

// file yields the documents of one file. A file named explicitly with an
// unknown extension is sniffed; one found in a walk never gets here.
func (r Reader) file(ctx context.Context, path string, k kind, explicit bool, yield func(Doc) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Doc{Name: path, Err: fmt.Errorf("read: %w", err)})
	}
	defer f.Close()
	if k == kindUnknown && explicit {
		br := bufio.NewReader(f)
		head, _ := br.Peek(512)
		k = sniff(head)
		return r.read(ctx, path, k, br, yield)
	}
	return r.read(ctx, path, k, f, yield)
}

func (r Reader) read(ctx context.Context, name string, k kind, src io.Reader, yield func(Doc) bool) bool {
	lineFormat := r.Format
	if lineFormat == "" {
		lineFormat = "auto"
	}
	switch k {
	case kindJSONL:
		return ReadJSONL(ctx, src, name, lineFormat, yield)
	case kindJSON:
		return ReadJSON(ctx, src, name, lineFormat, yield)
	case kindFeed:
		b, err := readAll(src)
		if err != nil {
			return yield(Doc{Name: name, Err: err})
		}
		return FeedDocs(b, name, "", yield)
	}
	b, err := readAll(src)
	if err != nil {
		return yield(Doc{Name: name, Err: err})
	}
	return yield(Doc{Name: name, Body: b, Format: r.format(k)})
}

func readAll(src io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(src, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(b) > maxFileBytes {
		return nil, fmt.Errorf("read: file over %d MiB", maxFileBytes>>20)
	}
	return b, nil
}

// Line is one object of the `extract --jsonl` input form.
type Line struct {
	ID        any     `json:"id"` // string or number in the wild
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
	URL       *string `json:"url"`
	Outlet    *string `json:"outlet"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
}

// doc turns a decoded line into a document; name is "file:line".
func (l Line) doc(name, format string) Doc {
	d := Doc{Name: name, Format: format, URL: str(l.URL), Outlet: str(l.Outlet), Title: str(l.Title)}
	switch id := l.ID.(type) {
	case string:
		d.ID = id
	case float64:
		d.ID = fmt.Sprint(id)
	case nil:
	default:
		d.Err = fmt.Errorf("%s: id must be a string or a number", name)
		return d
	}
	switch {
	case l.Text != nil && strings.TrimSpace(*l.Text) != "":
		d.Body = []byte(*l.Text)
	case l.HTML != nil && strings.TrimSpace(*l.HTML) != "":
		d.Body = []byte(*l.HTML)
		if format == "auto" || format == "" {
			d.Format = "html"
		}
	default:
		d.Err = fmt.Errorf("%s: no text", name)
		return d
	}
	if p := str(l.Published); p != "" {
		// A full timestamp keeps its date part.
		if len(p) > 10 && (p[10] == 'T' || p[10] == ' ') {
			p = p[:10]
		}
		if !validDay(p) {
			d.Err = fmt.Errorf("%s: published %q is not YYYY-MM-DD", name, p)
			return d
		}
		d.Published = p
	}
	return d
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// validDay reports whether s has the YYYY-MM-DD form with a plausible
// month and day.
func validDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	m := (s[5]-'0')*10 + s[6] - '0'
	d := (s[8]-'0')*10 + s[9] - '0'
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// ParseLine decodes one JSON line into a document named name (file:line).
// Blank lines give ok=false and no error.
func ParseLine(b []byte, name, format string) (d Doc, ok bool) {
	b = bytes.TrimSpace(b)
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return Doc{}, false
	}
	if !utf8.Valid(b) {
		return Doc{Name: name, Err: fmt.Errorf("%s: not UTF-8", name)}, true
	}
	var l Line
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&l); err != nil {
		return Doc{Name: name, Err: fmt.Errorf("%s: invalid JSON: %w", name, jsonErr(err))}, true
	}
	if dec.More() {
		return Doc{Name: name, Err: fmt.Errorf("%s: invalid JSON: more than one value on the line", name)}, true
	}
	return l.doc(name, format), true
}

// jsonErr drops encoding/json's Go type names, which mean nothing to a user.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Errorf("field %q must not be a JSON %s", te.Field, te.Value)
		}
		return fmt.Errorf("a line must be a JSON object, not a %s", te.Value)
	}
	return err
}

// ReadJSONL reads JSON Lines in the `extract --jsonl` input form, yielding
// one document per non-blank line; a bad line yields a document with Err
// naming name:line and reading goes on. A line over the size limit is
// skipped the same way.
func ReadJSONL(ctx context.Context, src io.Reader, name, format string, yield func(Doc) bool) bool {
	br := bufio.NewReaderSize(src, 64<<10)
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, tooLong, err := readLine(br, maxLineBytes)
		ln := fmt.Sprintf("%s:%d", name, n)
		if tooLong {
			if !yield(Doc{Name: ln, Err: fmt.Errorf("%s: line over %d MiB", ln, maxLineBytes>>20)}) {
				return false
			}
		} else if d, ok := ParseLine(line, ln, format); ok {
			if !yield(d) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return yield(Doc{Name: ln, Err: fmt.Errorf("%s: read: %w", ln, err)})
		}
	}
}

// readLine reads up to and without the next '\n'. A line longer than max is
// consumed and reported with tooLong, so one bad line does not end the file.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case e == bufio.ErrBufferFull:
			continue
		case e != nil:
			return line, tooLong, e
		}
		return bytes.TrimSuffix(line, []byte("\n")), tooLong, nil
	}
}

// ReadJSON reads a .json file: one object, a sequence of objects, or an
// array of objects, each in the JSON Lines form. Positions in errors are
// line numbers of the value's start.
func ReadJSON(ctx context.Context, src io.Reader, name, format string, yield func(Doc) bool) bool {
	b, err := readAll(src)
	if err != nil {
		return yield(Doc{Name: name, Err: err})
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	lineAt := func(off int64) string {
		return fmt.Sprintf("%s:%d", name, 1+bytes.Count(b[:min(int(off), len(b))], []byte("\n")))
	}
	skipWS := func(off int64) int64 {
		for off < int64(len(b)) && strings.IndexByte(" \t\r\n,", b[off]) >= 0 {
			off++
		}
		return off
	}
	inArray := false
	if t, err := dec.Token(); err == nil {
		if delim, ok := t.(json.Delim); ok && delim == '[' {
			inArray = true
		} else {
			dec = json.NewDecoder(bytes.NewReader(b)) // not an array: start over, value by value
		}
	} else if err == io.EOF {
		return true
	} else {
		return yield(Doc{Name: name, Err: fmt.Errorf("%s: invalid JSON: %w", name, err)})
	}
	for dec.More() {
		if ctx.Err() != nil {
			return false
		}
		at := lineAt(skipWS(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The decoder cannot resync after a syntax error.
			return yield(Doc{Name: at, Err: fmt.Errorf("%s: invalid JSON: %w", at, err)})
		}
		var l Line
		var d Doc
		if err := json.Unmarshal(raw, &l); err != nil {
			d = Doc{Name: at, Err: fmt.Errorf("%s: invalid JSON: %w", at, jsonErr(err))}
		} else {
			d = l.doc(at, format)
		}
		if !yield(d) {
			return false
		}
	}
	if inArray {
		if _, err := dec.Token(); err != nil {
			return yield(Doc{Name: name, Err: fmt.Errorf("%s: invalid JSON: unterminated array", name)})
		}
	}
	return true
}

// FeedDocs parses a feed document and yields one HTML document per item,
// with its link, title, date, and the feed's title as outlet. name is the
// file path or feed URL; base resolves relative links ("" for files).
func FeedDocs(b []byte, name, base string, yield func(Doc) bool) bool {
	f, err := feed.ParseBytes(b, base)
	if err != nil {
		return yield(Doc{Name: name, Err: fmt.Errorf("%s: %w", name, err)})
	}
	for i, it := range f.Items {
		if !yield(ItemDoc(f, it, name, i)) {
			return false
		}
	}
	return true
}

// ItemDoc turns the i-th item of feed f (read from name) into a document.
// An item with no content or description is processed from its title.
func ItemDoc(f feed.Feed, it feed.Item, name string, i int) Doc {
	ref := it.GUID
	if ref == "" {
		ref = it.Link
	}
	if ref == "" {
		ref = fmt.Sprintf("item%d", i+1)
	}
	d := Doc{
		Name: name + "#" + ref, Format: "html", URL: it.Link, Outlet: f.Title,
		Title: it.Title, Published: it.Published, Body: []byte(it.Content),
	}
	if strings.TrimSpace(it.Content) == "" {
		if it.Title == "" {
			d.Err = fmt.Errorf("%s: item has no text", d.Name)
		} else {
			d.Body, d.Format = []byte(it.Title), "text"
		}
	}
	return d
}
