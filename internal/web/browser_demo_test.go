package web

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/strikewatch/strikewatch/data"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/store"
)

// TestBrowserDemoData loads the demo corpus through the real pipeline and
// checks the page on it: markers for the demo's events, the timeline, a
// marker click opening its event with highlighted evidence, and search.
func TestBrowserDemoData(t *testing.T) {
	b := newBrowser(t)
	st := openStore(t)
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := data.Docs()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, d := range docs {
		in := pipeline.Input{Name: d.ID, Body: []byte(d.Text), Format: "text"}
		if d.Published != nil {
			in.Published = *d.Published
		}
		if d.Title != nil {
			in.Title = *d.Title
		}
		ex, err := p.Process(ctx, in)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if _, err := st.AddExtraction(ctx, ex, store.Source{Name: d.ID}); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
	}
	srv, err := New(Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	hs := httptest.NewServer(srv)
	defer hs.Close()

	b.do(t, chromedp.Navigate(hs.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#map circle.marker`)),
		chromedp.WaitVisible(chromedp.CSS(`#timeline rect.bar`)))
	b.shot(t, "demo-main.png")
	if n := b.count(t, "#map circle.marker"); n < 100 {
		t.Errorf("got %d markers for the demo corpus, want at least 100", n)
	}
	if n := b.count(t, "#timeline rect.bar"); n < 10 {
		t.Errorf("got %d timeline bars, want at least 10", n)
	}
	b.noCSPViolations(t)

	// Markers overlap where strikes cluster; click one that is on top at
	// its own centre, as a user would.
	id := b.text(t, `(() => {
		for (const c of document.querySelectorAll('#map circle.marker')) {
			const r = c.getBoundingClientRect();
			if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === c) return c.dataset.event;
		}
		return '';
	})()`)
	if id == "" {
		t.Fatal("no marker is clickable")
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#map circle.marker[data-event=`+strconv.Quote(id)+`]`)),
		chromedp.WaitVisible(chromedp.CSS(`.event-page .report-text mark.ev`)))
	b.shot(t, "demo-event.png")
	if got := b.text(t, `document.querySelector('.event-page').dataset.event`); got != id {
		t.Errorf("clicked marker %s, opened event %s", id, got)
	}
	if n := b.count(t, ".event-page .report-text mark.ev[title]"); n == 0 {
		t.Error("the event's evidence is not highlighted")
	}
	b.noCSPViolations(t)

	b.do(t, chromedp.Navigate(hs.URL+"/#/search?q=Soleimani"),
		chromedp.WaitVisible(chromedp.CSS(`.list-page .report-card`)))
	if n := b.count(t, ".list-page .report-card"); n < 2 {
		t.Errorf("search Soleimani: %d hits, want the two sample reports", n)
	}
}
