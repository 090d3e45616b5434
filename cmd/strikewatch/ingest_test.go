package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/strikewatch/strikewatch/internal/pipeline"
	"github.com/strikewatch/strikewatch/internal/sqlite"
)

// strikeCorpus writes n varied short strike reports as JSON Lines and
// returns the path and the number of distinct report ids the pipeline gives
// them (the id is the hash of the cleaned text).
func strikeCorpus(t *testing.T, n int) (string, int) {
	t.Helper()
	places := []struct{ town, region, country string }{
		{"Marib", "Marib governorate", "Yemen"}, {"Ataq", "Shabwa", "Yemen"}, {"Jilib", "Middle Juba", "Somalia"},
		{"Idlib", "Idlib province", "Syria"}, {"Lashkar Gah", "Helmand province", "Afghanistan"},
		{"Miranshah", "North Waziristan", "Pakistan"}, {"Sirte", "Sirte district", "Libya"}, {"Mosul", "Nineveh", "Iraq"},
	}
	actors := []string{"A US drone", "Coalition aircraft", "A Saudi-led coalition jet", "An unmanned aircraft", "Government warplanes", "A Turkish drone"}
	targets := []string{"a vehicle", "a compound", "a weapons depot", "a checkpoint", "a training camp", "a house"}
	sources := []string{"local officials said", "a military spokesman said", "witnesses told reporters", "the defence ministry said in a statement"}
	months := []string{"January", "March", "May", "July", "September", "November"}
	ex, err := pipeline.New(slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	ids := map[string]bool{}
	enc := json.NewEncoder(&b)
	for i := range n {
		p := places[i%len(places)]
		text := fmt.Sprintf("%s, %s (%s %d, %d)\n\n%s struck %s near %s in %s on Tuesday, killing %d people, %s. "+
			"It was the %dth such strike reported in the area this year.",
			strings.ToUpper(p.town), p.country, months[i%len(months)], 1+i%28, 2010+i%12,
			actors[(i/3)%len(actors)], targets[(i/7)%len(targets)], p.town, p.region, 1+i%37, sources[(i/5)%len(sources)], 4+i)
		line := map[string]string{"id": fmt.Sprintf("gen-%d", i), "text": text}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
		x, err := ex.Process(t.Context(), pipeline.Input{Name: line["id"], Body: []byte(text), Format: "text"})
		if err != nil {
			t.Fatal(err)
		}
		ids[x.Report.ID] = true
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, len(ids)
}

// buildBinary builds strikewatch into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "strikewatch")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// checkDB opens the database, checks its integrity and returns its report count.
func checkDB(t *testing.T, path string) int {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after kill: %v", err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st.Reports
}

// TestIngestCrashSafety kills ingest with SIGKILL at random points, 20
// times over four databases; after each kill the database must open and
// pass integrity_check, and a full re-run must end with every distinct
// report stored exactly once.
func TestIngestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it 20 times: skipped under -short")
	}
	bin := buildBinary(t)
	corpus, want := strikeCorpus(t, 300)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d distinct reports", seed, want)
	rng := rand.New(rand.NewPCG(seed, 1))
	// Calibrate the start-up window on this machine, however loaded CI is
	// (an empty input); a full run is timed for the log. Most kills wait
	// for progress lines, so they land in the writes; the rest in start-up.
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	calStart := time.Now()
	if out, err := exec.Command(bin, "ingest", "--db", filepath.Join(t.TempDir(), "startup.db"), "--workers", "2", empty).CombinedOutput(); err != nil {
		t.Fatalf("start-up calibration run: %v\n%s", err, out)
	}
	startup := time.Since(calStart)
	calStart = time.Now()
	if out, err := exec.Command(bin, "ingest", "--db", filepath.Join(t.TempDir(), "calibrate.db"), "--workers", "2", corpus).CombinedOutput(); err != nil {
		t.Fatalf("calibration run: %v\n%s", err, out)
	}
	full := time.Since(calStart)
	t.Logf("start-up takes %v here, a full run %v", startup, full)
	const dbs, killsPerDB = 4, 5
	kills, midWrite := 0, 0 // midWrite: kills that left the set part-way stored
	for d := range dbs {
		dbPath := filepath.Join(t.TempDir(), fmt.Sprintf("crash%d.db", d))
		stored := 0
		// Kill until killsPerDB kills have landed: a run that finishes
		// first (little left to store) does not count.
		for k, dbKills := 0, 0; dbKills < killsPerDB && k < 3*killsPerDB; k++ {
			// Progress is logged every logEvery documents: a kill aimed at
			// the writes waits for a progress line, so it lands while reports
			// are being stored however fast or loaded the machine is.
			const logEvery = 10
			cmd := exec.Command(bin, "ingest", "--db", dbPath, "--workers", "2", "--log-every", fmt.Sprint(logEvery), corpus)
			errPipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// One kill in three lands in start-up and migration; the others
			// after a random number of progress lines, short of the last one
			// a run with what is left to store will log.
			var delay time.Duration
			lines := 0 // progress lines to wait for; 0: kill on the timer
			var timer *time.Timer
			if left := (want - stored) / logEvery; k%3 == 2 || left < 2 {
				// Once (nearly) every report is stored a re-run only starts up
				// and skips them: a kill aimed later would race its exit.
				delay = 20*time.Millisecond + time.Duration(rng.Int64N(max(int64(startup)*8/10, int64(10*time.Millisecond))))
				timer = time.AfterFunc(delay, func() { cmd.Process.Kill() })
			} else {
				// Progress counts documents read, stored ones skipped included:
				// aim past those, into what is left to store.
				lines = stored/logEvery + 1 + rng.IntN(left-1)
			}
			var stderr bytes.Buffer
			sc := bufio.NewScanner(errPipe)
			seen := 0
			killAt := time.Now()
			for sc.Scan() {
				stderr.Write(sc.Bytes())
				stderr.WriteByte('\n')
				if lines > 0 && strings.Contains(sc.Text(), "ingest progress") {
					if seen++; seen == lines {
						cmd.Process.Kill()
						delay = time.Since(killAt)
					}
				}
			}
			err = cmd.Wait()
			if timer != nil {
				timer.Stop()
			}
			var ee *exec.ExitError
			switch {
			case err == nil:
				t.Logf("db %d run %d finished before the kill at %v", d, k, delay)
			case errors.As(err, &ee) && ee.ProcessState.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL:
				kills++
				dbKills++
			default:
				t.Fatalf("db %d run %d: %v\n%s", d, k, err, stderr.Bytes())
			}
			n := checkDB(t, dbPath)
			if n > want {
				t.Fatalf("db %d run %d: %d reports stored, more than the %d distinct", d, k, n, want)
			}
			if n > stored && n < want {
				midWrite++
			}
			t.Logf("db %d run %d: stopped at %v, %d reports stored", d, k, delay, n)
			stored = n
		}
		out, err := exec.Command(bin, "ingest", "--db", dbPath, "--workers", "2", corpus).CombinedOutput()
		if err != nil {
			t.Fatalf("db %d: re-run failed: %v\n%s", d, err, out)
		}
		if n := checkDB(t, dbPath); n != want {
			t.Errorf("db %d: after the re-run %d reports stored, want %d", d, n, want)
		}
	}
	t.Logf("%d kills, %d of them while reports were being written", kills, midWrite)
	if midWrite == 0 {
		t.Error("no kill landed while reports were being written")
	}
	if kills < dbs*killsPerDB {
		t.Errorf("only %d kills landed, want %d", kills, dbs*killsPerDB)
	}
}

// TestIngestInterrupt sends SIGINT mid-run: ingest stores what is in flight
// and exits with 130; a re-run completes the set.
func TestIngestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary: skipped under -short")
	}
	bin := buildBinary(t)
	corpus, want := strikeCorpus(t, 200)
	dbPath := filepath.Join(t.TempDir(), "int.db")
	cmd := exec.Command(bin, "ingest", "--db", dbPath, corpus)
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the store reports progress (bounded wait).
	for i := 0; i < 300 && !strings.Contains(stderr.String(), "migrated database"); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	var ee *exec.ExitError
	if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != exitInterrupted) {
		t.Fatalf("got %v, want exit code %d\n%s", err, exitInterrupted, stderr.String())
	}
	if n := checkDB(t, dbPath); n > want {
		t.Fatalf("%d reports stored, more than the %d distinct", n, want)
	}
	if out, err := exec.Command(bin, "ingest", "--db", dbPath, corpus).CombinedOutput(); err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	if n := checkDB(t, dbPath); n != want {
		t.Errorf("after the re-run %d reports stored, want %d", n, want)
	}
}

func TestIngestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no inputs", []string{}, 2},
		{"bad format", []string{"--format", "pdf", "x.txt"}, 2},
		{"bad workers", []string{"--workers", "0", "x.txt"}, 2},
		{"unknown flag", []string{"--nope", "x.txt"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			e := env{stdout: &out, stderr: &errb, log: slog.New(slog.DiscardHandler)}
			if got := runIngest(t.Context(), e, tc.args); got != tc.want {
				t.Errorf("got exit %d, want %d; stderr: %s", got, tc.want, errb.String())
			}
		})
	}
}

func TestIngestExitCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the pipeline: skipped under -short")
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("KABUL (Reuters) - A US drone strike killed three militants in Nangarhar province on Monday, officials said."), 0o644)
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"text\":\"A drone strike hit Marib on Sunday.\"}\nnot json\n"), 0o644)
	db := filepath.Join(dir, "x.db")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"all good", []string{"--db", db, good}, 0},
		{"again, all duplicates", []string{"--db", db, good}, 0},
		{"an invalid line", []string{"--db", db, bad}, 1},
		{"a missing file", []string{"--db", db, filepath.Join(dir, "missing.txt"), good}, 1},
		{"flags after paths", []string{good, "--db", db, "--workers", "1"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			e := env{stdout: &out, stderr: &errb, log: slog.New(slog.NewTextHandler(&errb, nil))}
			if got := runIngest(t.Context(), e, tc.args); got != tc.want {
				t.Errorf("got exit %d, want %d; stderr: %s", got, tc.want, errb.String())
			}
		})
	}
	if n := checkDB(t, db); n != 2 {
		t.Errorf("got %d reports, want 2 (the good file and the good line)", n)
	}
}

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pos  []string
		w    int
	}{
		{"flags first", []string{"--workers", "3", "a", "b"}, []string{"a", "b"}, 3},
		{"flags between", []string{"a", "--workers=3", "b"}, []string{"a", "b"}, 3},
		{"double dash", []string{"a", "--", "--workers", "b"}, []string{"a", "--workers", "b"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFlagSet()
			w := fs.Int("workers", 1, "")
			pos, err := parseInterleaved(fs, tc.args)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(pos, " ") != strings.Join(tc.pos, " ") || *w != tc.w {
				t.Errorf("got %q workers=%d, want %q workers=%d", pos, *w, tc.pos, tc.w)
			}
		})
	}
}

func newFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// lockedBuffer is a buffer a child process writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestWatchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the pipeline: skipped under -short")
	}
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Strike</title><link>https://wire.example/1</link><guid>1</guid><pubDate>Mon, 06 May 2024 10:00:00 +0300</pubDate>
<description>&lt;p&gt;ADEN, Yemen — A US drone strike killed two suspected militants in Shabwa province on Monday, officials said.&lt;/p&gt;</description></item>
<item><title>Talks</title><link>https://wire.example/2</link><guid>2</guid>
<description>Officials in Washington discussed possible drone strikes on cartels in Mexico.</description></item>
</channel></rss>`
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if !strings.HasPrefix(r.UserAgent(), "strikewatch/") {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Write([]byte(rss))
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# test feeds\n"+srv.URL+"/rss\n"), 0o644)
	db := filepath.Join(dir, "w.db")

	ctx, cancel := context.WithCancel(t.Context())
	code := make(chan int, 1)
	var errb lockedBuffer
	e := env{stdout: io.Discard, stderr: &errb, log: slog.New(slog.NewTextHandler(&errb, nil))}
	go func() {
		code <- runWatch(ctx, e, []string{"--feeds", list, "--db", db, "--every", "1s", "--allow-private"})
	}()
	// Wait (bounded) for the first poll to be ingested, then stop.
	for i := 0; i < 3000 && !strings.Contains(errb.String(), "watch: ingested"); i++ { // up to 60 s: -race on a loaded 2-core machine is slow
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if c := <-code; c != 0 {
		t.Fatalf("got exit %d, want 0\n%s", c, errb.String())
	}
	if hits.Load() == 0 {
		t.Fatal("the feed was never fetched")
	}
	if n := checkDB(t, db); n != 2 {
		t.Errorf("got %d reports, want the 2 feed items\n%s", n, errb.String())
	}
}
