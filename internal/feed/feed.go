// Package feed reads RSS, Atom and JSON feeds into plain items and fetches
// feed URLs politely and safely: timeouts, a size limit, a user agent,
// conditional requests, and refusal of loopback, private and link-local
// addresses (checked on every dial, so DNS rebinding cannot get round it).
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed: its title (used as the items' outlet) and items in
// document order.
type Feed struct {
	Title string
	Link  string
	Items []Item
}

// Item is one feed entry reduced to what ingest needs.
type Item struct {
	GUID      string // the entry's id, or "" when the feed gives none
	Link      string // absolute URL of the article, "" when none
	Title     string
	Published string // YYYY-MM-DD in the feed's time zone, "" when the feed gives no date
	Content   string // HTML: the full content when given, else the description
}

// Key identifies an item and its text: the same entry with edited content
// gets a new key, so a changed article is picked up as a new version.
func (it Item) Key() string {
	id := it.GUID
	if id == "" {
		id = it.Link
	}
	h := sha256.New()
	io.WriteString(h, it.Title)
	h.Write([]byte{0})
	io.WriteString(h, it.Content)
	return id + "#" + hex.EncodeToString(h.Sum(nil)[:12])
}

// ErrNotFeed means the document is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Parse reads a feed document. base, when not empty, is the URL the feed
// came from; relative item links are resolved against it (or the feed's own
// link).
func Parse(r io.Reader, base string) (Feed, error) {
	// gofeed panics on a few malformed inputs in older releases; a parser
	// of outside input must never take the process down.
	var (
		gf  *gofeed.Feed
		err error
	)
	func() {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("feed parser failed: %v", p)
			}
		}()
		gf, err = gofeed.NewParser().Parse(r)
	}()
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return Feed{}, ErrNotFeed
	}
	if err != nil {
		return Feed{}, fmt.Errorf("parse feed: %w", err)
	}
	if gf == nil {
		return Feed{}, ErrNotFeed
	}
	f := Feed{Title: clean(gf.Title), Link: strings.TrimSpace(gf.Link)}
	baseURL := parseBase(base, f.Link)
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := Item{
			GUID:    strings.TrimSpace(gi.GUID),
			Link:    resolve(baseURL, gi.Link),
			Title:   clean(gi.Title),
			Content: strings.TrimSpace(gi.Content),
		}
		if it.Content == "" {
			it.Content = strings.TrimSpace(gi.Description)
		}
		switch {
		case gi.PublishedParsed != nil:
			it.Published = day(gi.Published, *gi.PublishedParsed)
		case gi.UpdatedParsed != nil:
			it.Published = day(gi.Updated, *gi.UpdatedParsed)
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// ParseBytes is Parse over a byte slice.
func ParseBytes(b []byte, base string) (Feed, error) { return Parse(bytes.NewReader(b), base) }

// localLayouts are the usual feed date forms; parsing the raw string again
// keeps its own offset, which gofeed's parsed times (UTC) have lost.
var localLayouts = []string{time.RFC1123Z, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700", time.RFC822Z}

// day formats a feed date as a calendar date in the feed's own time zone:
// relative dates in the text ("on Thursday") are meant in the outlet's local
// time. parsed (UTC) is the fallback for forms localLayouts lacks. Years
// outside 1..9999 are parse noise, not dates.
func day(raw string, parsed time.Time) string {
	t := parsed
	raw = strings.TrimSpace(raw)
	for _, l := range localLayouts {
		if lt, err := time.Parse(l, raw); err == nil {
			t = lt
			break
		}
	}
	if t.Year() < 1 || t.Year() > 9999 {
		return ""
	}
	return t.Format(time.DateOnly)
}

// clean collapses whitespace in a one-line field such as a title.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func parseBase(base, feedLink string) *url.URL {
	for _, s := range []string{base, feedLink} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.IsAbs() {
			return u
		}
	}
	return nil
}

// resolve makes link absolute against base; a link that does not parse is
// dropped rather than stored as garbage.
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	return u.String()
}
