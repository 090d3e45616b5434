package export

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
)

// Feed describes the Atom feed itself.
type Feed struct {
	ID      string    // a stable IRI for the feed, e.g. "urn:strikewatch:escalations"
	Title   string    // defaults to "strikewatch: story stage changes"
	SelfURL string    // where the feed is served, "" when written to a file
	BaseURL string    // the web UI's root, for links to story pages; "" leaves them out
	Updated time.Time // the feed's date when it has no entries (entries set it otherwise)
}

// atomFeed and friends are the RFC 4287 elements we write.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	date       time.Time
	seq        int // position in input order, to put later steps of one day first
}

// WriteAtom writes an Atom feed with one entry per stage change in each
// story's history: the step's stage, date, evidence and source report. An
// entry whose stage ranks above every earlier step is an escalation.
func WriteAtom(w io.Writer, stories iter.Seq2[report.Story, error], feed Feed) error {
	f := atomFeed{
		ID:     cmp.Or(feed.ID, "urn:strikewatch:escalations"),
		Title:  cmp.Or(feed.Title, "strikewatch: story stage changes"),
		Author: atomPerson{Name: "strikewatch"},
	}
	if feed.SelfURL != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Href: feed.SelfURL, Type: "application/atom+xml"})
	}
	if feed.BaseURL != "" {
		f.Links = append(f.Links, atomLink{Rel: "alternate", Href: feed.BaseURL + "/", Type: "text/html"})
	}
	for st, err := range stories {
		if err != nil {
			return fmt.Errorf("read stories: %w", err)
		}
		for _, e := range storyEntries(st, feed) {
			e.seq = len(f.Entries)
			f.Entries = append(f.Entries, e)
		}
	}
	// Newest first; on the same day the later step first.
	slices.SortFunc(f.Entries, func(a, b atomEntry) int {
		return cmp.Or(b.date.Compare(a.date), cmp.Compare(b.seq, a.seq))
	})
	updated := feed.Updated.UTC()
	if len(f.Entries) > 0 {
		updated = f.Entries[0].date
	}
	f.Updated = updated.Format(time.RFC3339)

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("encode atom: %w", err)
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write atom: %w", err)
	}
	return nil
}

// storyEntries makes one entry per history step. A step without a date
// takes the previous step's date (history is in time order) or, failing
// that, the feed date.
func storyEntries(st report.Story, feed Feed) []atomEntry {
	out := make([]atomEntry, 0, len(st.History))
	best := 0
	last := feed.Updated.UTC()
	for i, step := range st.History {
		d := last
		if step.Date != nil {
			if t, err := time.Parse(time.DateOnly, *step.Date); err == nil {
				d = t.UTC()
			}
		}
		last = d
		verb := "reported"
		if r := step.Stage.Rank(); r > best {
			best = r
			if i > 0 {
				verb = "escalated to"
			}
		}
		title := fmt.Sprintf("%s: %s %s", storyName(st), verb, step.Stage)
		if step.Certainty != "" && step.Certainty != report.Asserted {
			title += " (" + string(step.Certainty) + ")"
		}
		e := atomEntry{
			ID:         fmt.Sprintf("urn:strikewatch:story:%s:step:%d:%s", st.ID, i, step.Stage),
			Title:      title,
			Updated:    d.Format(time.RFC3339),
			Categories: []atomCategory{{Term: string(step.Stage)}},
			Summary:    atomText{Type: "text", Body: evidenceText(step.Evidence)},
			date:       d,
		}
		if feed.BaseURL != "" {
			e.Links = append(e.Links, atomLink{Rel: "alternate", Href: feed.BaseURL + "/#/story/" + st.ID, Type: "text/html"})
		}
		if step.ReportURL != nil && *step.ReportURL != "" {
			e.Links = append(e.Links, atomLink{Rel: "related", Href: *step.ReportURL})
		}
		if e.Summary.Body == "" {
			e.Summary.Body = title
		}
		out = append(out, e)
	}
	return out
}

// storyName reads "United States → Mexican drug cartels: drone strike".
func storyName(st report.Story) string {
	name := func(a *report.Actor) string {
		if a == nil || a.Name == "" {
			return "unknown"
		}
		return a.Name
	}
	s := name(st.Initiator) + " → " + name(st.Target)
	if a := strings.TrimSpace(st.Action); a != "" {
		s += ", " + a
	}
	return s
}
