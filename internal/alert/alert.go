// Package alert posts a JSON payload to a webhook when a story moves up
// the stage ladder. Notify never blocks the caller (ingest): escalations go
// into a bounded queue, and when the queue is full the newest is dropped and
// counted. One delivery loop, owned by whoever calls Run, posts them with
// retries and exponential backoff.
package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// Log field names.
const (
	keyStory   = "story"
	keyAttempt = "attempt"
	keyError   = "error"
	keyStatus  = "status"
)

// Payload is the JSON body posted for one escalation.
type Payload struct {
	Type       string           `json:"type"`        // always "story.escalated"
	DeliveryID string           `json:"delivery_id"` // the same on every retry, for receivers to drop repeats
	StoryID    string           `json:"story_id"`
	From       report.Stage     `json:"from"`
	To         report.Stage     `json:"to"`
	Step       report.StoryStep `json:"step"`
	Story      report.Story     `json:"story"`
}

// PayloadFor builds the payload of an escalation.
func PayloadFor(e store.Escalation) Payload {
	from := string(e.From)
	if from == "" {
		from = "none"
	}
	return Payload{
		Type:       "story.escalated",
		DeliveryID: fmt.Sprintf("%s:%s:%s", e.StoryID, from, e.To),
		StoryID:    e.StoryID, From: e.From, To: e.To, Step: e.Step, Story: e.Story,
	}
}

// Config configures a Notifier.
type Config struct {
	URL         string        // the webhook, http or https
	Client      *http.Client  // nil: a client with a 10 s timeout
	QueueSize   int           // 0: 256
	MaxAttempts int           // 0: 6
	BaseDelay   time.Duration // first retry delay, doubled each time; 0: 1 s
	MaxDelay    time.Duration // cap on the delay; 0: 1 min
	Log         *slog.Logger  // nil discards
}

// Notifier queues escalations and delivers them.
type Notifier struct {
	url     string
	client  *http.Client
	queue   chan Payload
	tries   int
	base    time.Duration
	max     time.Duration
	log     *slog.Logger
	dropped atomic.Int64
	sent    atomic.Int64
	failed  atomic.Int64
}

// New checks the configuration and returns a Notifier; call Run to deliver.
func New(cfg Config) (*Notifier, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("webhook %q: want an http or https URL", cfg.URL)
	}
	n := &Notifier{url: cfg.URL, client: cfg.Client, tries: cfg.MaxAttempts, base: cfg.BaseDelay, max: cfg.MaxDelay, log: cfg.Log}
	if n.client == nil {
		n.client = &http.Client{Timeout: 10 * time.Second}
	}
	size := cfg.QueueSize
	if size <= 0 {
		size = 256
	}
	n.queue = make(chan Payload, size)
	if n.tries <= 0 {
		n.tries = 6
	}
	if n.base <= 0 {
		n.base = time.Second
	}
	if n.max <= 0 {
		n.max = time.Minute
	}
	if n.log == nil {
		n.log = slog.New(slog.DiscardHandler)
	}
	return n, nil
}

// Notify queues the escalations of one stored report. It never blocks: an
// escalation that finds the queue full is dropped, logged and counted.
func (n *Notifier) Notify(res store.AddResult) {
	for _, e := range res.Escalations {
		select {
		case n.queue <- PayloadFor(e):
		default:
			n.dropped.Add(1)
			n.log.Warn("alert queue full; escalation dropped", keyStory, e.StoryID)
		}
	}
}

// Stats counts deliveries: sent, given up after every retry, and dropped
// because the queue was full.
type Stats struct{ Sent, Failed, Dropped int64 }

// Stats returns the delivery counts so far.
func (n *Notifier) Stats() Stats {
	return Stats{Sent: n.sent.Load(), Failed: n.failed.Load(), Dropped: n.dropped.Load()}
}

// Run delivers queued payloads until ctx is done. The caller owns the
// goroutine that runs it; payloads still queued at the end are not sent.
func (n *Notifier) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case p := <-n.queue:
			if err := n.deliver(ctx, p); err != nil {
				n.failed.Add(1)
				n.log.Error("alert not delivered", keyStory, p.StoryID, keyError, err.Error())
			} else {
				n.sent.Add(1)
			}
		}
	}
}

// errPermanent marks a response not worth retrying (a 4xx other than 408/429).
var errPermanent = errors.New("receiver refused the payload")

// deliver posts one payload, retrying network errors, 5xx, 408 and 429
// with exponential backoff.
func (n *Notifier) deliver(ctx context.Context, p Payload) error {
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode payload: %w", err)
	}
	delay := n.base
	var last error
	for attempt := 1; attempt <= n.tries; attempt++ {
		last = n.post(ctx, body, p.DeliveryID, attempt)
		if last == nil || errors.Is(last, errPermanent) {
			return last
		}
		n.log.Warn("alert delivery failed; will retry", keyStory, p.StoryID, keyAttempt, attempt, keyError, last.Error())
		if attempt == n.tries {
			break
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		delay = min(2*delay, n.max)
	}
	return fmt.Errorf("after %d attempts: %w", n.tries, last)
}

func (n *Notifier) post(ctx context.Context, body []byte, id string, attempt int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "strikewatch-alert/1")
	req.Header.Set("X-Strikewatch-Delivery", id)
	req.Header.Set("X-Strikewatch-Attempt", fmt.Sprint(attempt))
	res, err := n.client.Do(req)
	if err != nil {
		return fmt.Errorf("post: %w", err)
	}
	res.Body.Close()
	switch {
	case res.StatusCode >= 200 && res.StatusCode < 300:
		return nil
	case res.StatusCode == http.StatusRequestTimeout, res.StatusCode == http.StatusTooManyRequests, res.StatusCode >= 500:
		return fmt.Errorf("receiver answered %s", res.Status)
	}
	return fmt.Errorf("%w: %s", errPermanent, res.Status)
}
