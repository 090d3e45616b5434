package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/feed"
	"github.com/strikewatch/strikewatch/internal/report"
)

// strikeLines makes n distinct JSON lines of short strike reports.
func strikeLines(n int) string {
	var b strings.Builder
	places := []string{"Marib", "Shabwa", "Idlib", "Kandahar", "Helmand", "Mogadishu", "Jilib"}
	for i := range n {
		fmt.Fprintf(&b, `{"id":"r%d","text":"A drone strike hit a vehicle near %s on day %d, killing %d people, officials said."}`+"\n",
			i, places[i%len(places)], i, 1+i%9)
	}
	return b.String()
}

func TestRunIdempotentAndOrdered(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.jsonl": strikeLines(200),
		"b.txt":   "Officials discussed a strike.\nNo strike has happened.",
		"c.html":  "<p>Another strike report.</p>",
	})
	var orders [][]string
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			st := newFakeStore()
			ing := New(fakeExtract, st, Options{Workers: workers})
			first, err := ing.Run(t.Context(), []string{dir}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := Summary{Read: 202, Added: 202, Claims: 203, Events: 1}
			if !sameCounts(first, want) {
				t.Errorf("first run: got %+v, want %+v", first, want)
			}
			again, err := ing.Run(t.Context(), []string{dir}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := (Summary{Read: 202, Duplicates: 202}); !sameCounts(again, want) {
				t.Errorf("second run: got %+v, want %+v", again, want)
			}
			if n := st.count(); n != 202 {
				t.Errorf("store holds %d reports, want 202", n)
			}
			orders = append(orders, st.ids())
		})
	}
	// Stored in input order whatever the number of workers, so copy
	// detection ("copy of an earlier report") gives the same answer.
	if len(orders) == 2 && !reflect.DeepEqual(orders[0], orders[1]) {
		t.Error("1 and 4 workers stored reports in different orders")
	}
}

func sameCounts(a, b Summary) bool {
	a.Failures, b.Failures = nil, nil
	return reflect.DeepEqual(a, b)
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":    "A strike hit Marib.",
		"lines.jsonl": `{"text":"first strike"}` + "\n" + `{"text":` + "\n" + `{"text":"INVALID input"}` + "\n" + `{"text":"third strike"}` + "\n",
		"bad.xml":     "this is not XML at all",
		"copy.txt":    "(Reuters) - A strike hit Marib.",
	})
	feeds := serveFeeds(t)
	st := newFakeStore()
	ing := New(fakeExtract, st, Options{Workers: 2, Fetcher: feed.NewFetcher(feed.FetchOptions{AllowPrivate: true, Timeout: 200 * time.Millisecond})})
	sum, err := ing.Run(t.Context(), []string{dir, filepath.Join(dir, "absent.txt")},
		[]string{feeds.URL + "/good", feeds.URL + "/html", feeds.URL + "/slow", feeds.URL + "/gone"})
	if err != nil {
		t.Fatal(err)
	}
	// good.txt, copy.txt, two good lines, two feed items = 6 added.
	want := Summary{Read: 13, Added: 6, Copies: 1, Failed: 7, Claims: 6, Events: 1}
	if !sameCounts(sum, want) {
		t.Errorf("got %+v, want %+v", sum, want)
	}
	var names []string
	for _, f := range sum.Failures {
		names = append(names, strings.TrimPrefix(f.Name, dir+"/"))
	}
	wantNames := []string{"bad.xml", "lines.jsonl:2", "lines.jsonl:3", strings.TrimPrefix(filepath.Join(dir, "absent.txt"), dir+"/"),
		feeds.URL + "/html", feeds.URL + "/slow", feeds.URL + "/gone"}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("failures named %q, want %q", names, wantNames)
	}
	for _, f := range sum.Failures {
		if !strings.Contains(f.Err.Error(), strings.TrimPrefix(f.Name, dir+"/")) && !strings.Contains(f.Err.Error(), f.Name) {
			t.Errorf("error %q does not name its input %s", f.Err, f.Name)
		}
	}
	if st.count() != 6 {
		t.Errorf("store holds %d reports, want 6", st.count())
	}
	// Feed items carry the feed's metadata into the report.
	var outlets int
	for _, ex := range st.reports {
		if ex.Report.Outlet != nil && *ex.Report.Outlet == "Example Wire" && ex.Report.URL != nil {
			outlets++
		}
	}
	if outlets != 2 {
		t.Errorf("got %d feed reports with outlet and URL, want 2", outlets)
	}
}

// serveFeeds serves /good (an RSS feed), /html (a web page), /slow (never
// answers in time) and /gone (404).
func serveFeeds(t *testing.T) *httptest.Server {
	t.Helper()
	rss, err := os.ReadFile("testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(rss)
		case "/html":
			w.Write([]byte("<html><body>not a feed</body></html>"))
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestRunRefusesPrivateFeed(t *testing.T) {
	feeds := serveFeeds(t)
	st := newFakeStore()
	ing := New(fakeExtract, st, Options{Fetcher: feed.NewFetcher(feed.FetchOptions{})})
	sum, err := ing.Run(t.Context(), nil, []string{feeds.URL + "/good"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || len(sum.Failures) != 1 || !errors.Is(sum.Failures[0].Err, feed.ErrRefused) {
		t.Errorf("got %+v, want one refused feed", sum)
	}
	if st.count() != 0 {
		t.Errorf("store holds %d reports, want 0", st.count())
	}
}

func TestRunStoreFailureIsFatal(t *testing.T) {
	st := newFakeStore()
	st.failOn = "day 50,"
	ing := New(fakeExtract, st, Options{Workers: 3})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": strikeLines(400)})
	sum, err := ing.Run(t.Context(), []string{dir}, nil)
	if !errors.Is(err, ErrFatal) {
		t.Fatalf("got %v, want ErrFatal", err)
	}
	// Reports before the failing one are stored, in order; nothing after.
	if sum.Added != 50 || st.count() != 50 {
		t.Errorf("got %d added, %d stored; want 50", sum.Added, st.count())
	}
}

func TestRunCancelFinishesInFlight(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var started atomic.Int32
	release := make(chan struct{})
	extract := func(ctx context.Context, d Doc) (report.Extraction, error) {
		if started.Add(1) == 3 {
			cancel()
			close(release)
		}
		<-release
		if ctx.Err() != nil {
			return report.Extraction{}, errors.New("in-flight work saw the cancellation")
		}
		return fakeExtract(ctx, d)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": strikeLines(100)})
	st := newFakeStore()
	sum, err := New(extract, st, Options{Workers: 3}).Run(ctx, []string{dir}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if sum.Failed != 0 {
		t.Errorf("got %d failed, want 0: %v", sum.Failed, sum.Failures)
	}
	// The three in flight were finished and stored; at most a few more
	// were handed over in the race with cancellation, never the rest.
	if sum.Added < 3 || sum.Added > 3+3 || st.count() != sum.Added {
		t.Errorf("got %d added, %d stored; want the 3 in flight (a few more at most)", sum.Added, st.count())
	}
}

type countingProgress struct{ items, done int }

func (p *countingProgress) Item(Result, Summary) { p.items++ }
func (p *countingProgress) Done(Summary)         { p.done++ }

func TestProgress(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": strikeLines(30) + "oops\n"})
	p := &countingProgress{}
	if _, err := New(fakeExtract, newFakeStore(), Options{Progress: p}).Run(t.Context(), []string{dir}, nil); err != nil {
		t.Fatal(err)
	}
	if p.items != 31 || p.done != 1 {
		t.Errorf("got %d items and %d done, want 31 and 1", p.items, p.done)
	}
}

func BenchmarkDocsFake(b *testing.B) {
	lines := strikeLines(1000)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				ing := New(fakeExtract, newFakeStore(), Options{Workers: workers})
				if _, err := ing.Docs(context.Background(), func(y func(Doc) bool) {
					ReadJSONL(context.Background(), strings.NewReader(lines), "b", "auto", y)
				}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}

func TestReportIDSkipsExtraction(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": strikeLines(50)})
	ce := &countingExtract{}
	cheapID := func(d Doc) (string, bool) {
		ex, err := fakeExtract(context.Background(), d)
		return ex.Report.ID, err == nil
	}
	st := newFakeStore()
	ing := New(ce.extract, st, Options{Workers: 2, ReportID: cheapID})
	if _, err := ing.Run(t.Context(), []string{dir}, nil); err != nil {
		t.Fatal(err)
	}
	sum, err := ing.Run(t.Context(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Duplicates != 50 || ce.calls() != 50 {
		t.Errorf("got %d duplicates after %d extractions, want 50 and 50 (none on the re-run)", sum.Duplicates, ce.calls())
	}
}
