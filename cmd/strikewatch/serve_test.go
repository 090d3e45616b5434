package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/data"
	"github.com/strikewatch/strikewatch/internal/alert"
	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
	"github.com/strikewatch/strikewatch/internal/store/backend"
)

func testEnv(t *testing.T) (env, *bytes.Buffer) {
	var out bytes.Buffer
	return env{stdin: strings.NewReader(""), stdout: &out, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}, &out
}

// startServe runs serve in the background on a free port and returns its
// base URL; the server stops (and must stop cleanly) when the test ends.
func startServe(t *testing.T, o serveOptions) string {
	t.Helper()
	e, _ := testEnv(t)
	st, err := backend.Open(context.Background(), filepath.Join(t.TempDir(), "serve.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	o.addr = "127.0.0.1:0"
	go func() { done <- serve(ctx, e, o, st, p, func(a string) { addr <- a }) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve did not shut down cleanly: %v", err)
		}
		st.Close()
	})
	return base
}

// sample returns the text of a bundled sample report.
func sample(t *testing.T, id string) data.Doc {
	t.Helper()
	docs, err := data.Docs()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("no bundled report %s", id)
	return data.Doc{}
}

func post(t *testing.T, base, token string, d data.Doc) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"text": d.Text, "title": *d.Title, "published": *d.Published, "format": "text"})
	req, _ := http.NewRequest("POST", base+"/api/v1/reports", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// TestServeWithTokenAndWebhook runs the real server, pipeline and store:
// reports posted with the token are extracted and stored, and the story
// escalation they cause reaches the webhook.
func TestServeWithTokenAndWebhook(t *testing.T) {
	var mu sync.Mutex
	var got []alert.Payload
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p alert.Payload
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			t.Errorf("webhook payload: %v", err)
		}
		mu.Lock()
		got = append(got, p)
		mu.Unlock()
	}))
	defer hook.Close()
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("let-me-in\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := startServe(t, serveOptions{tokenFile: tokenFile, webhook: hook.URL})

	if code, _ := post(t, base, "wrong", sample(t, "sample-04-discussed")); code != http.StatusUnauthorized {
		t.Errorf("wrong token: got %d, want 401", code)
	}
	escalations := 0
	for _, id := range []string{"sample-04-discussed", "sample-07-first-boat"} {
		code, res := post(t, base, "let-me-in", sample(t, id))
		if code != http.StatusCreated {
			t.Fatalf("post %s: got %d %v, want 201", id, code, res)
		}
		esc, _ := res["escalations"].([]any)
		escalations += len(esc)
	}
	if escalations == 0 {
		t.Fatal("a discussed then a conducted report of one story made no escalation (pipeline or clustering changed?)")
	}
	res, err := http.Get(base + "/api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats map[string]int
	json.NewDecoder(res.Body).Decode(&stats)
	res.Body.Close()
	if stats["reports"] != 2 || stats["claims"] == 0 {
		t.Errorf("stats after two posts: %v", stats)
	}
	// The notifier delivers asynchronously: wait for it, bounded by the
	// test's own timeout.
	for {
		mu.Lock()
		n := len(got)
		mu.Unlock()
		if n >= escalations {
			break
		}
		<-time.After(5 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range got {
		if p.Type != "story.escalated" || p.StoryID == "" || p.To.Rank() <= p.From.Rank() {
			t.Errorf("payload %+v is not an escalation", p)
		}
	}
}

func TestServeReadOnly(t *testing.T) {
	base := startServe(t, serveOptions{})
	code, res := post(t, base, "anything", sample(t, "sample-04-discussed"))
	if code != http.StatusForbidden {
		t.Errorf("post without --token-file: got %d %v, want 403", code, res)
	}
	r, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != 200 || r.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("page: status %d, CSP %q", r.StatusCode, r.Header.Get("Content-Security-Policy"))
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"unknown flag", []string{"serve", "--nope"}, 2},
		{"stray argument", []string{"serve", "extra"}, 2},
		{"missing token file", []string{"serve", "--db", filepath.Join(t.TempDir(), "x.db"), "--token-file", "/nonexistent/token", "--addr", "127.0.0.1:0"}, 1},
		{"bad webhook", []string{"serve", "--db", filepath.Join(t.TempDir(), "y.db"), "--webhook", "ftp://x", "--addr", "127.0.0.1:0"}, 1},
		{"demo stray argument", []string{"demo", "extra"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(context.Background(), tc.args, strings.NewReader(""), io.Discard, io.Discard); got != tc.want {
				t.Errorf("exit code %d, want %d", got, tc.want)
			}
		})
	}
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "export.db")
	st, err := backend.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"sample-07-first-boat", "sample-13-baghdad"} {
		d := sample(t, id)
		ex, err := p.Process(context.Background(), pipeline.Input{Name: id, Body: []byte(d.Text), Format: "text", Title: *d.Title, Published: *d.Published})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddExtraction(context.Background(), ex, store.Source{Name: id}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	out := filepath.Join(dir, "events.csv")
	e, _ := testEnv(t)
	if code := runExport(context.Background(), e, []string{"--db", db, "--format", "acled-csv", "-o", out}); code != 0 {
		t.Fatalf("export exit %d", code)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) < 3 || recs[0][0] != "event_id_cnty" {
		t.Fatalf("csv: %d records, %v", len(recs), err)
	}

	e, stdout := testEnv(t)
	if code := runExport(context.Background(), e, []string{"--db", db, "--format", "geojson", "--stage", "conducted"}); code != 0 {
		t.Fatalf("export geojson exit %d", code)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Fatalf("geojson: %v, %+v", err, fc)
	}
	for _, f := range fc.Features {
		if f.Properties["stage"] != string(report.Conducted) {
			t.Errorf("--stage conducted exported a %v event", f.Properties["stage"])
		}
	}

	for name, args := range map[string][]string{
		"no format":  {"--db", db},
		"bad format": {"--db", db, "--format", "xls"},
		"bad stage":  {"--db", db, "--format", "jsonl", "--stage", "done"},
		"bad bbox":   {"--db", db, "--format", "jsonl", "--bbox", "1,2"},
	} {
		t.Run(name, func(t *testing.T) {
			e, _ := testEnv(t)
			if code := runExport(context.Background(), e, args); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
}
