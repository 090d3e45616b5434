package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/report"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// feedServer serves an RSS feed whose items the test sets, with an ETag
// that changes with them, and counts requests and 304s per path.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	items    []string
	status   int // answer with this status when non-zero
	requests map[string]int
	notMod   int
}

func newFeedServer(t *testing.T, items ...string) *feedServer {
	fs := &feedServer{items: items, requests: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.requests[r.URL.Path]++
	if fs.status != 0 {
		w.WriteHeader(fs.status)
		return
	}
	etag := fmt.Sprintf(`"%d"`, len(fs.items))
	if r.Header.Get("If-None-Match") == etag {
		fs.notMod++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>http://local/</link>`)
	for i, it := range fs.items {
		fmt.Fprintf(&b, "<item><title>Item %d</title><guid>%s-%d</guid><link>http://local/%d</link><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate><description>%s</description></item>", i, r.URL.Path, i, i, it)
	}
	b.WriteString("</channel></rss>")
	w.Write([]byte(b.String()))
}

func (fs *feedServer) set(f func(fs *feedServer)) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f(fs)
}

func (fs *feedServer) notModified() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.notMod
}

func (fs *feedServer) count(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.requests[path]
}

type countingExtract struct {
	mu sync.Mutex
	n  int
}

func (c *countingExtract) extract(ctx context.Context, d Doc) (report.Extraction, error) {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return fakeExtract(ctx, d)
}

func (c *countingExtract) calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func newTestWatcher(t *testing.T, st Store, ex ExtractFunc, clock *fakeClock, urls ...string) *Watcher {
	t.Helper()
	ing := New(ex, st, Options{Workers: 2, Now: clock.Now})
	w, err := NewWatcher(ing, feed.NewFetcher(feed.FetchOptions{AllowPrivate: true, Timeout: time.Second}), urls, WatchOptions{
		Every: time.Minute, Backoff: 10 * time.Second, MaxBackoff: 5 * time.Minute, HostInterval: time.Second,
		Now: clock.Now, Jitter: func() float64 { return 0.5 },
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestWatcherPolls(t *testing.T) {
	srv := newFeedServer(t, "A drone strike hit Marib.", "Officials discussed strikes.")
	clock := &fakeClock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := newFakeStore()
	ce := &countingExtract{}
	w := newTestWatcher(t, st, ce.extract, clock, srv.URL+"/feed")
	ctx := t.Context()

	poll := func(step string, wantRead, wantAdded int) {
		t.Helper()
		sum, err := w.Poll(ctx)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if sum.Read != wantRead || sum.Added != wantAdded {
			t.Errorf("%s: got read=%d added=%d, want %d and %d", step, sum.Read, sum.Added, wantRead, wantAdded)
		}
	}
	poll("first poll", 2, 2)
	poll("not due yet", 0, 0)
	if n := srv.count("/feed"); n != 1 {
		t.Errorf("got %d requests before the feed was due again, want 1", n)
	}
	clock.Advance(time.Minute)
	poll("unchanged feed (304)", 0, 0)
	if n := srv.notModified(); n != 1 {
		t.Errorf("got %d conditional 304s, want 1", n)
	}
	srv.set(func(fs *feedServer) { fs.items = append(fs.items, "An airstrike killed three in Idlib.") })
	clock.Advance(time.Minute)
	poll("new item", 1, 1)
	if got := ce.calls(); got != 3 {
		t.Errorf("extracted %d times, want 3 (items already seen are not extracted again)", got)
	}
	if st.count() != 3 {
		t.Errorf("store holds %d reports, want 3", st.count())
	}
}

func TestWatcherBackoff(t *testing.T) {
	srv := newFeedServer(t, "A strike.")
	srv.set(func(fs *feedServer) { fs.status = http.StatusInternalServerError })
	clock := &fakeClock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := newFakeStore()
	w := newTestWatcher(t, st, fakeExtract, clock, srv.URL+"/feed")
	ctx := t.Context()
	// With jitter fixed at 0.5 the waits are 3/4 of 10s, 20s, 40s, ...
	waits := []time.Duration{7500 * time.Millisecond, 15 * time.Second, 30 * time.Second, 60 * time.Second}
	for i, wait := range waits {
		sum, err := w.Poll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Failed != 1 {
			t.Fatalf("poll %d: got %d failed, want 1", i, sum.Failed)
		}
		clock.Advance(wait - time.Millisecond)
		if _, err := w.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		if n := srv.count("/feed"); n != i+1 {
			t.Fatalf("poll %d: got %d requests before the backoff ended, want %d", i, n, i+1)
		}
		clock.Advance(time.Millisecond)
	}
	// Recovery resets the backoff to the normal interval.
	srv.set(func(fs *feedServer) { fs.status = 0 })
	sum, err := w.Poll(ctx)
	if err != nil || sum.Added != 1 {
		t.Fatalf("after recovery: got %+v, %v; want 1 added", sum, err)
	}
	if d := w.untilNext(); d != time.Minute {
		t.Errorf("after recovery next poll in %v, want 1m", d)
	}
}

func TestWatcherHostRateLimit(t *testing.T) {
	srv := newFeedServer(t, "A strike.")
	clock := &fakeClock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	w := newTestWatcher(t, newFakeStore(), fakeExtract, clock, srv.URL+"/a", srv.URL+"/b")
	ctx := t.Context()
	if _, err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if a, b := srv.count("/a"), srv.count("/b"); a != 1 || b != 0 {
		t.Fatalf("first poll: got /a=%d /b=%d, want one request to the host", a, b)
	}
	if d := w.untilNext(); d != time.Second {
		t.Errorf("next poll in %v, want the host interval 1s", d)
	}
	clock.Advance(time.Second)
	if _, err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if a, b := srv.count("/a"), srv.count("/b"); a != 1 || b != 1 {
		t.Errorf("second poll: got /a=%d /b=%d, want 1 and 1", a, b)
	}
}

func TestWatcherRunStops(t *testing.T) {
	srv := newFeedServer(t, "A strike.")
	ing := New(fakeExtract, newFakeStore(), Options{})
	w, err := NewWatcher(ing, feed.NewFetcher(feed.FetchOptions{AllowPrivate: true}), []string{srv.URL + "/feed"},
		WatchOptions{Every: 20 * time.Millisecond, HostInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	go func() { errc <- w.Run(ctx) }()
	// Wait (bounded) for a few polls, then stop.
	for i := 0; i < 100 && srv.count("/feed") < 3; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-errc; err != context.Canceled {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	if n := srv.count("/feed"); n < 3 {
		t.Errorf("got %d polls, want at least 3", n)
	}
	if n := srv.notModified(); n < 2 {
		t.Errorf("got %d 304s, want the repeat polls to be conditional", n)
	}
}

func TestReadFeedList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr bool
	}{
		{"comments and blanks", "# feeds\n\nhttps://a.example/rss\n  http://b.example/atom.xml  # wire\n", []string{"https://a.example/rss", "http://b.example/atom.xml"}, false},
		{"not a URL", "https://a.example/rss\nfeeds.example.com/rss\n", nil, true},
		{"file scheme", "file:///etc/passwd\n", nil, true},
		{"empty", "", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadFeedList(strings.NewReader(tc.in))
			if (err != nil) != tc.wantErr {
				t.Fatalf("got error %v, want error %v", err, tc.wantErr)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
