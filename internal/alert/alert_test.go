package alert

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

func escalation(story string, from, to report.Stage) store.AddResult {
	return store.AddResult{ReportID: "r", Escalations: []store.Escalation{{
		StoryID: story, From: from, To: to,
		Step:  report.StoryStep{Stage: to, Evidence: []report.Evidence{{Start: 0, End: 6, Sentence: "Struck."}}},
		Story: report.Story{ID: story, Stage: to},
	}}}
}

// run starts the delivery loop and stops it when the test ends.
func run(t *testing.T, n *Notifier) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); n.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
}

func TestRetriesWithBackoff(t *testing.T) {
	var calls atomic.Int32
	got := make(chan Payload, 1)
	var attempts []string
	var mu sync.Mutex
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		attempts = append(attempts, r.Header.Get("X-Strikewatch-Attempt"))
		mu.Unlock()
		if calls.Add(1) <= 2 {
			http.Error(w, "try later", http.StatusServiceUnavailable)
			return
		}
		var p Payload
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &p); err != nil {
			t.Errorf("payload: %v", err)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("content type %q", ct)
		}
		got <- p
	}))
	defer recv.Close()

	n, err := New(Config{URL: recv.URL, BaseDelay: time.Millisecond, MaxDelay: 4 * time.Millisecond, MaxAttempts: 5})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n)
	n.Notify(escalation("story-1", report.Discussed, report.Authorized))
	p := <-got
	if p.Type != "story.escalated" || p.StoryID != "story-1" || p.From != report.Discussed || p.To != report.Authorized {
		t.Errorf("payload: got %+v", p)
	}
	if p.DeliveryID != "story-1:discussed:authorized" {
		t.Errorf("delivery id: got %q", p.DeliveryID)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(attempts) != 3 || attempts[0] != "1" || attempts[2] != "3" {
		t.Errorf("attempts: got %v, want [1 2 3]", attempts)
	}
}

func TestGivesUpOnPermanentRefusal(t *testing.T) {
	var calls atomic.Int32
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Error(w, "no", http.StatusBadRequest)
	}))
	defer recv.Close()
	n, err := New(Config{URL: recv.URL, BaseDelay: time.Millisecond, MaxAttempts: 5})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n)
	n.Notify(escalation("story-1", "", report.Conducted))
	for n.Stats().Failed == 0 { // the loop records the give-up; wait for it
		time.Sleep(time.Millisecond)
	}
	if c := calls.Load(); c != 1 {
		t.Errorf("a 400 was retried: %d calls, want 1", c)
	}
}

func TestDeadReceiverNeverBlocksCaller(t *testing.T) {
	release := make(chan struct{})
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // hang like a dead receiver until the test ends
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer recv.Close()
	defer close(release)

	n, err := New(Config{URL: recv.URL, QueueSize: 4, BaseDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n)
	const total = 1000
	for i := range total {
		n.Notify(escalation("story", report.Discussed, report.Stages[i%5]))
	}
	// Every Notify returned; at most the queue plus the one in flight were
	// kept, the rest counted as dropped.
	if d := n.Stats().Dropped; d < total-5 {
		t.Errorf("dropped %d, want at least %d", d, total-5)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		url     string
		wantErr bool
	}{
		{"http", "http://127.0.0.1:9000/hook", false},
		{"https", "https://example.org/hook", false},
		{"no scheme", "example.org/hook", true},
		{"ftp", "ftp://example.org", true},
		{"empty", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(Config{URL: tc.url})
			if (err != nil) != tc.wantErr {
				t.Errorf("New(%q): got %v, want error %v", tc.url, err, tc.wantErr)
			}
		})
	}
}
