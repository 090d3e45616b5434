package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/backend"
)

func ptr[T any](v T) *T { return &v }

// openStore opens a fresh SQLite store in a temp dir.
func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := backend.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"), nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// doc helps build an extraction whose evidence offsets point at real text.
type doc struct {
	text string
	ex   report.Extraction
}

func newDoc(text, published, title string) *doc {
	h := sha256.Sum256([]byte(text))
	r := report.Report{ID: hex.EncodeToString(h[:]), Language: "en", Text: text,
		DroppedParagraphs: []report.DroppedParagraph{}, Places: []report.Place{}}
	if published != "" {
		r.Published = ptr(published)
	}
	if title != "" {
		r.Title = ptr(title)
	}
	return &doc{text: text, ex: report.Extraction{Report: r, Claims: []report.Claim{}}}
}

// ev returns evidence for the first occurrence of phrase, quoting the
// sentence around it.
func (d *doc) ev(t testing.TB, phrase string) []report.Evidence {
	t.Helper()
	i := strings.Index(d.text, phrase)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", phrase)
	}
	start := strings.LastIndex(d.text[:i], ". ") + 1
	end := i + strings.Index(d.text[i:], ".") + 1
	return []report.Evidence{{Start: i, End: i + len(phrase), Sentence: strings.TrimSpace(d.text[start:end])}}
}

func (d *doc) place(t testing.TB, phrase string, p report.Place) {
	e := d.ev(t, phrase)[0]
	p.Text, p.Start, p.End = phrase, e.Start, e.End
	d.ex.Report.Places = append(d.ex.Report.Places, p)
}

var (
	usGov   = &report.Actor{Name: "United States", ID: "us-gov", Inter: 8, Country: "US", Text: "U.S."}
	cartels = &report.Actor{Name: "Mexican drug cartels", ID: "mx-cartels", Inter: 3, Country: "MX", Text: "cartels"}
	isaf    = &report.Actor{Name: "ISAF", ID: "isaf", Inter: 8, Text: "coalition force"}
	taliban = &report.Actor{Name: "Taliban", ID: "taliban", Inter: 2, Country: "AF", Text: "Taliban"}
	mexico  = report.Place{Name: "Mexico", GeonamesID: 3996063, Lat: 23, Lon: -102, Country: "MX", Feature: "country"}
	lashkar = report.Place{Name: "Lashkar Gah", GeonamesID: 1146173, Lat: 31.59382, Lon: 64.37161, Country: "AF", Admin1: "Helmand", Feature: "city"}
)

// XSSText is a report text that would run script if it were ever put into
// the page as HTML.
const XSSText = `KABUL — A coalition air strike killed two Taliban fighters in Lashkar Gah, officials said. <script>alert(1)</script> The release added <img src=x onerror="document.title='pwned'"> nothing else.`

// fixtures are four hand-built extractions: the seed thread's discussed
// and authorized steps (one story), a conducted strike with a point and
// fatalities, and a report whose text carries markup.
func fixtures(t testing.TB) []report.Extraction {
	var out []report.Extraction

	d := newDoc("PUERTO VALLARTA — The U.S. is discussing drone strikes on cartels inside Mexico, six officials said. No decision has been made.", "2025-04-08", "Officials weigh drone strikes")
	d.place(t, "Mexico", mexico)
	loc := mexico
	d.ex.Claims = append(d.ex.Claims, report.Claim{
		EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Action: "drone strike",
		Stage: report.Discussed, Certainty: report.Asserted, Actor1: usGov, Actor2: cartels,
		Location: ptr(loc.Location()), Date: report.Date{TimePrecision: "unknown"},
		Sources:     []report.Source{{Kind: report.SourceAnonymousOfficial, Count: ptr(6), Outlet: ptr("NBC News")}},
		Evidence:    map[string][]report.Evidence{"stage": d.ev(t, "is discussing"), "actor1": d.ev(t, "U.S."), "actor2": d.ev(t, "cartels"), "location": d.ev(t, "Mexico"), "sources": d.ev(t, "six officials")},
		HostConsent: report.ConsentUndecided, Confidence: 0.8,
	})
	out = append(out, d.ex)

	d = newDoc("WASHINGTON — The president signed a directive authorizing force against cartels, people familiar with the matter said.", "2025-08-08", "Directive reportedly clears force")
	d.ex.Claims = append(d.ex.Claims, report.Claim{
		EventType: "Strategic developments", SubEventType: "Air/drone strike", Action: "drone strike",
		Stage: report.Authorized, Certainty: report.Hedged, Actor1: usGov, Actor2: cartels,
		Location: ptr(mexico.Location()), Date: report.Date{Start: ptr("2025-08-07"), End: ptr("2025-08-07"), TimePrecision: "day"},
		Sources:    []report.Source{{Kind: report.SourceAnonymousOfficial}},
		Evidence:   map[string][]report.Evidence{"stage": d.ev(t, "signed a directive authorizing force")},
		Confidence: 0.6,
	})
	out = append(out, d.ex)

	d = newDoc("LASHKAR GAH — An air weapons team struck Taliban insurgents in Lashkar Gah, Helmand province, yesterday, killing three of them.", "2012-05-15", "Air strike in Helmand")
	d.place(t, "Lashkar Gah", lashkar)
	d.ex.Claims = append(d.ex.Claims, report.Claim{
		EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Action: "air strike",
		Stage: report.Conducted, Certainty: report.Asserted, Actor1: isaf, Actor2: taliban,
		Location: ptr(lashkar.Location()), Date: report.Date{Start: ptr("2012-05-14"), End: ptr("2012-05-14"), TimePrecision: "day"},
		Fatalities: report.Fatalities{Min: ptr(3), Max: ptr(3)},
		Sources:    []report.Source{{Kind: report.SourceStatement, Affiliation: ptr("ISAF")}},
		Evidence:   map[string][]report.Evidence{"stage": d.ev(t, "struck"), "fatalities": d.ev(t, "killing three"), "location": d.ev(t, "Lashkar Gah, Helmand")},
		Confidence: 0.9,
	})
	out = append(out, d.ex)

	d = newDoc(XSSText, "2012-06-01", `<b>Markup</b> in a title`)
	d.ex.Claims = append(d.ex.Claims, report.Claim{
		EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Action: "air strike",
		Stage: report.Conducted, Certainty: report.Asserted, Actor1: isaf, Actor2: taliban,
		Date:       report.Date{Start: ptr("2012-05-31"), End: ptr("2012-05-31"), TimePrecision: "day"},
		Fatalities: report.Fatalities{Min: ptr(2), Max: ptr(2)},
		Sources:    []report.Source{{Kind: report.SourceNamedOfficial}},
		Evidence:   map[string][]report.Evidence{"stage": d.ev(t, "air strike killed"), "fatalities": d.ev(t, "two Taliban")},
		Confidence: 0.9,
	})
	out = append(out, d.ex)
	return out
}

// seed stores the fixtures and returns them.
func seed(t testing.TB, st store.Store) []report.Extraction {
	t.Helper()
	exs := fixtures(t)
	for _, ex := range exs {
		if _, err := st.AddExtraction(context.Background(), ex, store.Source{Name: "fixture"}); err != nil {
			t.Fatalf("add %s: %v", ex.Report.ID[:8], err)
		}
	}
	return exs
}

// eventOf returns the event of a report's first claim.
func eventOf(t testing.TB, st store.Store, reportID string) string {
	t.Helper()
	_, claims, err := st.Report(context.Background(), reportID)
	if err != nil || len(claims) == 0 || claims[0].EventID == "" {
		t.Fatalf("event of %s: %+v, %v", reportID, claims, err)
	}
	return claims[0].EventID
}

// storyOf returns the story of a report's first claim.
func storyOf(t testing.TB, st store.Store, reportID string) string {
	t.Helper()
	_, claims, err := st.Report(context.Background(), reportID)
	if err != nil || len(claims) == 0 || claims[0].StoryID == "" {
		t.Fatalf("story of %s: %+v, %v", reportID, claims, err)
	}
	return claims[0].StoryID
}
