package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/strikewatch/strikewatch/internal/report"
)

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// TestDemo loads the bundled corpus through the real pipeline into a fresh
// database and serves it, as the README's first command does.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("demo loads 376 reports; skipped in -short mode")
	}
	e, stdout := testEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- demo(ctx, e, serveOptions{addr: "127.0.0.1:0"}, func(a string) { addr <- a }) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("demo: %v", err)
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("demo did not stop cleanly: %v", err)
		}
	}()
	if !strings.Contains(stdout.String(), "open "+base+"/") {
		t.Errorf("demo printed %q, want the URL %s/", stdout.String(), base)
	}

	var stats map[string]int
	getJSON(t, base+"/api/v1/stats", &stats)
	if stats["reports"] != 376 || stats["events"] == 0 || stats["stories"] == 0 {
		t.Errorf("stats %v: want 376 reports (14 samples + 362 ISAF) with events and stories", stats)
	}
	// The samples were written to exercise every stage of the ladder.
	for _, st := range report.Stages {
		var page struct {
			Items []map[string]any `json:"items"`
		}
		getJSON(t, base+"/api/v1/claims?limit=1&stage="+string(st), &page)
		if len(page.Items) == 0 {
			t.Errorf("no %s claim in the demo corpus", st)
		}
	}
}
