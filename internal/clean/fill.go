package clean

import (
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Fill copies the cleaned document into r: its text, dropped paragraphs
// and warnings always; title, outlet, URL, publication date and language
// from the page's metadata only where r has none (what the caller was told,
// e.g. by a JSON Lines record or a feed, wins over what the page says).
func (d Doc) Fill(r *report.Report) {
	r.Text = d.Text
	r.DroppedParagraphs = append([]report.DroppedParagraph(nil), d.Dropped...)
	r.Warnings = append(r.Warnings, d.Warnings...)
	setIfNil(&r.Title, d.Meta.Title)
	setIfNil(&r.Outlet, d.Meta.Outlet)
	setIfNil(&r.URL, d.Meta.URL)
	setIfNil(&r.Published, Date(d.Meta.Published))
	if r.Language == "" {
		r.Language = PrimaryLanguage(d.Meta.Language)
	}
}

func setIfNil(dst **string, v string) {
	if *dst == nil && v != "" {
		*dst = &v
	}
}

// dateLayouts are the forms pages write publication times in, most common first.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02",
	"2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700", time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", "January 2, 2006", "2 January 2006", "20060102",
}

// Date turns a page's publication time into YYYY-MM-DD, the day as the
// page states it (in its own time zone, not converted to UTC); "" when it
// cannot be read.
func Date(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// PrimaryLanguage returns the lower-case primary subtag of a language tag
// ("en-GB" → "en", "es_MX" → "es"), or "" when there is none.
func PrimaryLanguage(tag string) string {
	p, _, _ := strings.Cut(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-")
	p = strings.ToLower(p)
	if len(p) < 2 || len(p) > 3 {
		return ""
	}
	for _, c := range p {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return p
}
